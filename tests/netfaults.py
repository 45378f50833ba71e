"""Network faults for tests: a server that accepts and never answers (a hung Redis), a closed port (a refused
one), and a real redis-server on a free port that can be stopped, paused (SIGSTOP) and resumed."""

import shutil
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

from tests.smtp import free_port


def closed_port() -> int:
    """A loopback port nothing listens on: connecting is refused at once."""
    return free_port()


class HungServer:
    """Accepts every connection and never sends a byte, as a Redis frozen by SIGSTOP or a dead proxy does."""

    def __init__(self):
        self.socket = socket.socket()
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(128)
        self.port = self.socket.getsockname()[1]
        self.connections: list[socket.socket] = []
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self) -> None:
        self.socket.settimeout(0.05)
        while not self._stopped.is_set():
            try:
                connection, _address = self.socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections.append(connection)  # held open, never read from nor written to

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stopped.set()
        self._thread.join()
        for connection in self.connections:
            connection.close()
        self.socket.close()


class RedisServer:
    """Debian's redis-server on a free loopback port, without persistence, in a folder of its own."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "RedisServer":
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.workdir), "--daemonize", "no", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as probe:
                    probe.sendall(b"PING\r\n")
                    if probe.recv(16).startswith(b"+PONG"):
                        return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)  # a paused server cannot handle SIGTERM
            self.process.terminate()
            self.process.wait(timeout=10)

    def pause(self) -> None:
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)


def resilient_cache(location: str, **options) -> dict:
    """A CACHES entry of the project's Redis backend with test-sized timeouts (the breaker opens at once)."""
    return {
        "BACKEND": "cms.redis_cache.ResilientRedisCache",
        "LOCATION": location,
        "OPTIONS": {
            "socket_connect_timeout": 0.1,
            "socket_timeout": 0.1,
            "CIRCUIT_FAILURES": 1,
            "CIRCUIT_OPEN_SECONDS": 30,
            **options,
        },
    }


def caches_at(location: str, **options) -> dict:
    """CACHES as production has them (default, rate-limit and the API's own aliases) on one Redis address."""
    return {
        "default": resilient_cache(location, **options),
        "ratelimit": resilient_cache(location, LOCAL_FALLBACK=True, **options),
        "graphql": {**resilient_cache(location, **options), "KEY_PREFIX": "graphql"},
    }
