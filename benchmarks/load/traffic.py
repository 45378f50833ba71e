"""The readers: a realistic mix of requests from a few connections, each answer recorded and classified.

Mix (weights): persisted-query GETs of the hot pages and listings, as portals and CDNs send them (cached); event
listings at random offsets (uncached: executed); searches; feeds in four languages and three formats. Persisted
queries follow Apollo's protocol: the hash alone, then hash and document when the server answers
PERSISTED_QUERY_NOT_FOUND (after a Redis restart, say). A separate probe asks /healthz/ twice a second.

Every answer is classified: success, or an error kind ("timeout", "connection refused", "503
SERVICE_UNAVAILABLE", "500", "graphql INTERNAL_SERVER_ERROR"...); an answer that carries database driver text is
a "leak" whatever its status.
"""

import base64
import hashlib
import http.client
import json
import random
import re
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from benchmarks.api.workloads import EVENTS_QUERY, PAGE_QUERY, SEARCH_QUERY

SERVER_TIMING = re.compile(r"dur=([\d.]+)")
LEAK_MARKERS = (b"psycopg", b"server running", b"connection to server", b"OperationalError", b"Traceback")
HOT_PATHS = [f"/servizi/servizio-{n:03d}/" for n in range(20)]
LOCALES = ("it", "en", "fr", "ar")
SEARCH_TERMS = ("lavoro", "corsi", "salute", "casa", "scuola", "permesso", "mediazione", "titoli")
FEEDS = [f"/feeds/{locale}/{section}.{fmt}" for locale in LOCALES for section in ("events", "services")
         for fmt in ("rss", "atom", "json")]
WEIGHTS = {"cached GET": 55, "uncached listing": 15, "search": 10, "feed": 20}
TIMEOUT = 10.0
THINK_SECONDS = 0.1  # between one answer and a connection's next request: busy, not a queue that never empties


@dataclass
class Answer:
    t: float  # epoch seconds when the request started
    seconds: float
    kind: str
    status: int
    error: str | None
    cache: str


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _cursor(offset: int) -> str:
    return base64.b64encode(f"arrayconnection:{offset}".encode()).decode()


def classify(status: int, body: bytes) -> str | None:
    if any(marker in body for marker in LEAK_MARKERS):
        return "leak"
    code = None
    if body[:1] == b"{":
        try:
            errors = json.loads(body).get("errors") or []
        except ValueError:
            errors = []
        code = errors[0].get("extensions", {}).get("code") if errors else None
    if status >= 400:
        return f"{status} {code}" if code else f"{status} (page)"
    return f"graphql {code}" if code else None


class Client:
    def __init__(self, base_url: str):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port

    def request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, dict, bytes]:
        # gunicorn's sync workers close every connection after its response: one connection per request.
        connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
        try:
            headers = {"Content-Type": "application/json"} if body is not None else {}
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()


class Mix:
    """One request of the mix, chosen at random with the weights above; returns (kind, status, headers, body)."""

    def __init__(self, client: Client, rng: random.Random):
        self.client, self.rng = client, rng

    def persisted_get(self, query: str, variables: dict) -> tuple[int, dict, bytes]:
        params = {"variables": json.dumps(variables, separators=(",", ":")),
                  "extensions": json.dumps({"persistedQuery": {"version": 1, "sha256Hash": _sha256(query)}})}
        status, headers, body = self.client.request("GET", "/graphql/?" + urlencode(params))
        if status == 200 and b"PERSISTED_QUERY_NOT_FOUND" in body:
            params["query"] = query
            status, headers, body = self.client.request("GET", "/graphql/?" + urlencode(params))
        return status, headers, body

    def post(self, query: str, variables: dict) -> tuple[int, dict, bytes]:
        return self.client.request("POST", "/graphql/", json.dumps({"query": query, "variables": variables}).encode())

    def one(self) -> tuple[str, int, dict, bytes]:
        kind = self.rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
        if kind == "cached GET":
            if self.rng.random() < 0.7:
                answer = self.persisted_get(PAGE_QUERY, {"path": self.rng.choice(HOT_PATHS), "locale": "it"})
            else:
                answer = self.persisted_get(EVENTS_QUERY, {"locale": self.rng.choice(("it", "ar")), "first": 20})
        elif kind == "uncached listing":
            variables = {"locale": self.rng.choice(LOCALES), "first": 20}
            query = EVENTS_QUERY.replace("$first: Int!)", "$first: Int!, $after: String)").replace(
                "first: $first)", "first: $first, after: $after)")
            answer = self.post(query, {**variables, "after": _cursor(self.rng.randrange(400))})
        elif kind == "search":
            answer = self.post(SEARCH_QUERY, {"q": self.rng.choice(SEARCH_TERMS), "locale": self.rng.choice(LOCALES),
                                              "first": 20})
        else:
            answer = self.client.request("GET", self.rng.choice(FEEDS))
        return (kind, *answer)


class Traffic:
    def __init__(self, base_url: str, *, connections: int, seed: int = 14):
        self.base_url = base_url
        self.connections = connections
        self.seed = seed
        self.answers: list[Answer] = []
        self.health: list[dict] = []
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        for number in range(self.connections):
            thread = threading.Thread(target=self._reader, args=(random.Random(self.seed + number),), daemon=True)
            self._threads.append(thread)
        self._threads.append(threading.Thread(target=self._health_probe, daemon=True))
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(TIMEOUT + 5)

    def _reader(self, rng: random.Random) -> None:
        mix = Mix(Client(self.base_url), rng)
        while not self._stop.is_set():
            started, clock = time.time(), time.perf_counter()
            try:
                kind, status, headers, body = mix.one()
                error = classify(status, body)
                cache = headers.get("x-graphql-cache") or headers.get("x-feed-cache") or ""
            except (TimeoutError, socket.timeout):
                kind, status, error, cache = "?", 0, "timeout", ""
            except OSError as exception:  # refused, reset: the server is not there
                kind, status, error, cache = "?", 0, f"connection {type(exception).__name__}", ""
            self.answers.append(Answer(started, time.perf_counter() - clock, kind, status, error, cache))
            time.sleep(THINK_SECONDS)

    def _health_probe(self) -> None:
        client = Client(self.base_url)
        while not self._stop.is_set():
            started, clock = time.time(), time.perf_counter()
            try:
                status, headers, body = client.request("GET", "/healthz/")
                state = json.loads(body) if body[:1] == b"{" else {"status": f"http {status}"}
                # The checks' own time, from Server-Timing: the rest of `seconds` is the wait in gunicorn's queue.
                state["checks_seconds"] = sum(float(duration) for duration in SERVER_TIMING.findall(
                    headers.get("server-timing", ""))) / 1000
            except OSError as exception:
                status, state = 0, {"status": type(exception).__name__}
            self.health.append({"t": started, "seconds": time.perf_counter() - clock, "http": status, **state})
            time.sleep(max(0.0, 0.5 - (time.perf_counter() - clock)))
