"""A tally of the attacks the "must never happen" tests make, by area: the figures of issue 13's closing note.

Each test adds the attempts it made (requests, posts, lookups) under its area; the tally is printed at the end of
the run and written to test-artifacts/attacks.json. A passing run means every one of them held.
"""

import json
from collections import Counter
from pathlib import Path

TALLY: Counter = Counter()
FAILED_AREAS: set = set()
ARTIFACT = Path(__file__).resolve().parents[1] / "test-artifacts" / "attacks.json"


def tried(area: str, count: int = 1) -> None:
    TALLY[area] += count


def report(terminalreporter) -> None:
    if not TALLY:
        return
    terminalreporter.section("attacks tried (held unless their test failed)")
    for area, count in sorted(TALLY.items()):
        terminalreporter.write_line(f"{count:6d}  {area}")
    terminalreporter.write_line(f"{sum(TALLY.values()):6d}  in all")
    ARTIFACT.parent.mkdir(exist_ok=True)
    ARTIFACT.write_text(json.dumps(dict(sorted(TALLY.items())), indent=2) + "\n")
