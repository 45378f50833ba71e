"""Write the inputs `make lock` compiles benchmarks/grapple/requirements.lock from.

    python benchmarks/grapple/lock_inputs.py OUTPUT_DIR

wagtail-grapple needs graphene, which needs graphql-core < 3.3; strawberry needs 3.3. The two never share an
environment: the grapple side of the benchmark runs from its own virtualenv (`make bench-grapple-venv`). Its
requirements are the project's own (pyproject.toml), without strawberry, plus wagtail-grapple; every package both
environments have is held to the project's pin (requirements.lock), so the two sides run the same Django, Wagtail,
psycopg and Pillow.
"""

import re
import sys
import tomllib
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
# Only the GraphQL server differs: strawberry and what only it brings.
LEFT_OUT = {"strawberry-graphql", "strawberry-graphql-django", "graphql-core", "cross-web"}
GRAPPLE = "wagtail-grapple==0.31.0"


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def main() -> int:
    output = Path(sys.argv[1])
    output.mkdir(parents=True, exist_ok=True)
    project = tomllib.loads((PROJECT_DIR / "pyproject.toml").read_text())["project"]
    requirements = [req for req in project["dependencies"] if _name(req) not in LEFT_OUT]
    (output / "requirements.in").write_text("\n".join([*requirements, GRAPPLE]) + "\n")
    pins = [
        line for line in (PROJECT_DIR / "requirements.lock").read_text().splitlines()
        if "==" in line and not line.startswith(("#", " ")) and _name(line) not in LEFT_OUT
    ]
    (output / "constraints.txt").write_text("\n".join(pins) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
