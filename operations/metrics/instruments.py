"""The request instruments, recorded by operations.middleware for every request.

Labels are bounded: the area of the site (first path segment among a fixed list), the method, the status class,
and for the GraphQL API the operation type, whether it came as a persisted query, and what the response cache did.
With several worker processes, prometheus_client keeps them in PROMETHEUS_MULTIPROC_DIR (gunicorn.conf.py).
"""

from prometheus_client import Histogram

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
AREAS = frozenset(
    {"graphql", "admin", "feeds", "documents", "newsletter", "healthz", "metrics", "static", "media"}
)

http_request_duration = Histogram(
    "interazioni_http_request_duration_seconds",
    "Time to answer a request, by area of the site, method and status class.",
    ["area", "method", "status"],
    buckets=LATENCY_BUCKETS,
)
graphql_request_duration = Histogram(
    "interazioni_graphql_request_duration_seconds",
    "Time to answer a GraphQL request, by operation type (query, mutation, none when refused before running), "
    "persisted query or not, and response cache result (hit, miss, none when not cacheable).",
    ["operation", "persisted", "cache"],
    buckets=LATENCY_BUCKETS,
)

METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def area_of(path: str) -> str:
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in AREAS else "other"


def request_observe(*, path: str, method: str, status: int, seconds: float) -> None:
    http_request_duration.labels(
        area_of(path), method if method in METHODS else "other", f"{status // 100}xx"
    ).observe(seconds)


def graphql_observe(*, operation: str, persisted: bool, cache: str, seconds: float) -> None:
    graphql_request_duration.labels(operation, "true" if persisted else "false", cache).observe(seconds)
