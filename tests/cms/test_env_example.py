""".env.example lists every environment variable the CMS reads, as its first line promises.

The names are collected from the source with ``ast`` rather than by importing settings: most reads sit behind a
condition (S3 only with a bucket, production only with DJANGO_ENV=production), so a loaded settings module would
never show all of them.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENV_EXAMPLE = ROOT / ".env.example"
CONFIGURATION_DOC = ROOT / "docs" / "configuration.md"
# Settings, plus the modules settings import before django-environ is set up (cms/languages.py reads
# CONTENT_LANGUAGES straight from os.environ).
SOURCES = sorted((ROOT / "cms" / "settings").glob("*.py")) + [ROOT / "cms" / "languages.py"]

# Names the django-environ reader is bound to (base.py: env; storage.py's function takes it as `env`).
ENV_READERS = {"env"}
# environ.Env methods that are not reads of a variable.
NOT_READS = {"read_env"}
REQUIRED_HELPERS = {"_required"}

# "NAME=" at the start of a line, commented out ("# NAME=") or not.
DOCUMENTED = re.compile(r"^(?:#\s*)?([A-Z][A-Z0-9_<>]*)=", re.MULTILINE)


def _is_os_environ(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "environ"
        and isinstance(node.value, ast.Name)
        and node.value.id == "os"
    )


def _read_name_node(node: ast.AST) -> ast.AST | None:
    """The expression naming the variable when ``node`` reads one from the environment, else None."""
    if isinstance(node, ast.Subscript) and _is_os_environ(node.value):
        return node.slice  # os.environ["NAME"]
    if not isinstance(node, ast.Call) or not node.args:
        return None
    func = node.func
    if isinstance(func, ast.Name) and func.id in ENV_READERS | REQUIRED_HELPERS:
        return node.args[0]  # env("NAME"), _required("NAME")
    if isinstance(func, ast.Attribute):
        if isinstance(func.value, ast.Name) and func.value.id in ENV_READERS and func.attr not in NOT_READS:
            return node.args[0]  # env.str("NAME"), env.int(...), env.db(...), env.cache(...)...
        if func.attr == "get" and _is_os_environ(func.value):
            return node.args[0]  # os.environ.get("NAME")
    return None


def _pattern(joined: ast.JoinedStr) -> str:
    """A regex for an f-string name: literal parts as written, each {expression} as a code or a <PLACEHOLDER>."""
    parts = []
    for value in joined.values:
        if isinstance(value, ast.Constant):
            parts.append(re.escape(value.value))
        else:
            parts.append(r"(?:<[A-Z_]+>|[A-Z0-9_]+)")
    return "".join(parts)


def collect_reads(sources: list[Path]) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """({name: where}, {f-string pattern: where}, [unreadable reads]) for every environment read in ``sources``."""
    names, patterns, unreadable = {}, {}, []
    for path in sources:
        tree = ast.parse(path.read_text(), filename=str(path))
        # Inside a helper such as _required the name is its parameter: its call sites are collected instead.
        in_helpers = {
            id(inner)
            for helper in ast.walk(tree)
            if isinstance(helper, ast.FunctionDef) and helper.name in REQUIRED_HELPERS
            for inner in ast.walk(helper)
        }
        for node in ast.walk(tree):
            name_node = _read_name_node(node)
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"
            if isinstance(name_node, ast.Constant) and isinstance(name_node.value, str):
                names.setdefault(name_node.value, where)
            elif isinstance(name_node, ast.JoinedStr):
                patterns.setdefault(_pattern(name_node), where)
            elif name_node is not None and id(node) not in in_helpers:
                unreadable.append(where)
    return names, patterns, unreadable


def documented_names(text: str) -> set[str]:
    return set(DOCUMENTED.findall(text))


READS, PATTERNS, UNREADABLE = collect_reads(SOURCES)


def test_every_read_names_its_variable_plainly():
    # A name computed some other way could not be checked here: write it as a string, an f-string, or a
    # REQUIRED_HELPERS helper.
    assert UNREADABLE == []


def test_the_collector_sees_every_form_of_read():
    # Guards the test itself: one known name per form, so a parser that finds nothing cannot pass.
    assert READS.keys() >= {
        "DJANGO_ENV",  # env.str
        "DATABASE_URL",  # env.db and _required
        "CACHE_URL",  # env.cache
        "EMAIL_URL",  # env.email
        "MEDIA_ROOT",  # env.path
        "AWS_LOCATION",  # env.str in storage.py's function
        "SECRET_KEY",  # _required in production.py
        "CONTENT_LANGUAGES",  # os.environ.get in cms/languages.py
    }
    assert len(READS) > 100
    assert any(pattern.startswith("PORTAL_BASE_URL_") for pattern in PATTERNS)


@pytest.mark.parametrize("name", sorted(READS))
def test_every_variable_read_is_in_env_example(name):
    assert name in documented_names(ENV_EXAMPLE.read_text()), (
        f"{name} (read at {READS[name]}) is missing from .env.example: add '# {name}=<default>   # what it does'"
    )


@pytest.mark.parametrize("pattern", sorted(PATTERNS))
def test_every_built_name_has_its_pattern_in_env_example(pattern):
    # e.g. PORTAL_BASE_URL_<CODE>: an example such as PORTAL_BASE_URL_AR= or the pattern itself documents it.
    matcher = re.compile(rf"{pattern}\Z")
    assert any(matcher.match(name) for name in documented_names(ENV_EXAMPLE.read_text())), (
        f"no example of {pattern} (built at {PATTERNS[pattern]}) in .env.example"
    )


def test_a_missing_line_is_caught():
    text = ENV_EXAMPLE.read_text()
    without = "\n".join(line for line in text.splitlines() if not line.startswith("# GRAPHQL_MAX_DEPTH="))
    assert "GRAPHQL_MAX_DEPTH" in documented_names(text)
    assert "GRAPHQL_MAX_DEPTH" not in documented_names(without)
    # A name only mentioned in a comment does not count as listed.
    assert "GRAPHQL_MAX_DEPTH" not in documented_names("# see GRAPHQL_MAX_DEPTH=12 in docs/api.md\n")


def test_configuration_doc_points_at_every_section_doc():
    # Each section of .env.example that belongs to an app names that app's doc; configuration.md must too.
    section_docs = set(re.findall(r"^# --- .*\((docs/[a-z-]+\.md)\)", ENV_EXAMPLE.read_text(), re.MULTILINE))
    assert section_docs >= {"docs/api.md", "docs/newsletter.md", "docs/media.md", "docs/distribution.md"}
    doc = CONFIGURATION_DOC.read_text()
    assert {path for path in section_docs if path not in doc} == set()
