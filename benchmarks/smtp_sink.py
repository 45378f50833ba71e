"""A counting SMTP sink (aiosmtpd) in its own process, shared by both sides of a benchmark.

It runs in a child process, as a real MTA would: in the benchmark's own process its asyncio thread would
compete for the GIL with the code being measured. The handler does as little as it can: it counts messages and
bytes and appends the envelope recipients to a list (checked for "exactly one each" after the timed part).
"""

import multiprocessing
import socket
from collections import Counter
from dataclasses import dataclass, field
from typing import Self


@dataclass
class SinkStats:
    messages: int
    bytes: int
    recipients: Counter
    samples: list[bytes]


@dataclass
class _CountingHandler:
    keep_samples: int = 0
    messages: int = 0
    bytes: int = 0
    recipients: list[str] = field(default_factory=list)
    samples: list[bytes] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):
        self.messages += 1
        self.bytes += len(envelope.content)
        self.recipients.extend(envelope.rcpt_tos)
        if len(self.samples) < self.keep_samples:
            self.samples.append(envelope.content)
        return "250 OK"

    def reset(self, keep_samples: int) -> None:
        self.keep_samples, self.messages, self.bytes = keep_samples, 0, 0
        self.recipients, self.samples = [], []


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(conn) -> None:
    from aiosmtpd.controller import Controller

    handler = _CountingHandler()
    port = _free_port()
    # server_hostname fixed: otherwise aiosmtpd asks the resolver for the FQDN on every connection.
    controller = Controller(handler, hostname="127.0.0.1", port=port, server_hostname="sink.localhost")
    controller.start()
    conn.send(port)
    try:
        while True:
            command, argument = conn.recv()
            if command == "reset":
                handler.reset(argument)
                conn.send(None)
            elif command == "stats":
                conn.send(
                    SinkStats(handler.messages, handler.bytes, Counter(handler.recipients), handler.samples)
                )
            elif command == "stop":
                break
    finally:
        controller.stop()


class SMTPSink:
    """Start with `with SMTPSink() as sink:`; `sink.port` is where it listens on 127.0.0.1."""

    def __init__(self):
        # spawn, not fork: the child must not inherit the parent's database connections or threads.
        context = multiprocessing.get_context("spawn")
        self._conn, child_conn = context.Pipe()
        self._process = context.Process(target=_serve, args=(child_conn,), name="smtp-sink", daemon=True)
        self.port: int | None = None

    def __enter__(self) -> Self:
        self._process.start()
        if not self._conn.poll(30):
            raise RuntimeError("the SMTP sink did not start within 30 s")
        self.port = self._conn.recv()
        return self

    def __exit__(self, *exc) -> None:
        try:
            self._conn.send(("stop", None))
        except OSError:
            pass
        self._process.join(10)
        if self._process.is_alive():
            self._process.terminate()

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def reset(self, *, keep_samples: int = 0) -> None:
        self._conn.send(("reset", keep_samples))
        self._conn.recv()

    def stats(self) -> SinkStats:
        self._conn.send(("stats", None))
        return self._conn.recv()
