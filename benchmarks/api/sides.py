"""The sides of the comparison and the requests each makes for a workload.

A workload is one question (workloads.py); a side answers it in one request or a sequence of them (API v3 needs
several: benchmarks.api.v3), and every request of the sequence is timed and its SQL counted. A call is either a
GraphQLRequest (POSTed to /graphql/) or a path (a GET).

- `graphql`: the project's API (strawberry), response cache off.
- `v2`: Wagtail's REST API v2, mounted by the benchmark's settings.
- `v3`: Wagtail's API v3 (django-ninja), the same settings.
- `grapple`: wagtail-grapple, from its own virtualenv and settings (benchmarks/grapple): it never runs in the
  same process as the others.
"""

from collections.abc import Callable

from . import grapple_queries, v3, workloads

MAIN_SIDES = ("graphql", "v2", "v3")  # served by benchmarks.api.settings, the project's virtualenv
GRAPPLE_SIDES = ("grapple",)  # served by benchmarks.grapple.settings, var/bench-grapple-venv
ALL_SIDES = (*MAIN_SIDES, *GRAPPLE_SIDES)
LABELS = {"graphql": "GraphQL (ours)", "v2": "REST v2", "v3": "API v3", "grapple": "grapple"}

Call = workloads.GraphQLRequest | str

def calls(side: str, fetch: v3.Fetch | None = None) -> dict:
    """{"scaling": {workload: [calls at the items, calls at twice the items]}, "uncached": {workload: calls}}.

    `fetch` (one GET, no redirects followed) is needed by v3 only, to resolve its sequences on the seeded data.
    """
    if side == "graphql":
        return {
            "scaling": {name: [[request] for request in scaling["graphql"]] for name, scaling in workloads.SCALING.items()},
            "uncached": {name: [request] for name, (_label, request, _v2) in workloads.UNCACHED.items()},
        }
    if side == "v2":
        return {
            "scaling": {name: [[path] for path in scaling["v2"]] for name, scaling in workloads.SCALING.items()},
            "uncached": {name: [path] for name, (_label, _request, path) in workloads.UNCACHED.items()},
        }
    if side == "v3":
        return {"scaling": v3.scaling_calls(fetch), "uncached": v3.uncached_calls(fetch)}
    if side == "grapple":
        return {
            "scaling": {name: [[request] for request in pair] for name, pair in grapple_queries.SCALING.items()},
            "uncached": {name: [request] for name, request in grapple_queries.UNCACHED.items()},
        }
    raise ValueError(f"unknown side {side!r}")

def workload_items(name: str) -> tuple[str, tuple[int, int]]:
    """The unit and the two item counts the scaling proof compares, e.g. ("blocks", (10, 20))."""
    scaling = workloads.SCALING[name]
    unit = next(key for key in scaling if key not in ("graphql", "v2"))
    return unit, scaling[unit]

GetOrPost = Callable[[Call], object]
