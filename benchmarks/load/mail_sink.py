"""An SMTP server that writes one line per accepted message: when, to whom, with which Message-ID.

Runs in a child process (aiosmtpd's loop must not compete for the GIL with the load generator). The file is the
record the newsletter's outcome is read from: recipients never reached (skipped), reached twice (duplicates,
and whether each copy kept its Message-ID), and the pause around the killed worker.
"""

import multiprocessing
import re
import socket
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

MESSAGE_ID = re.compile(rb"^Message-ID:\s*(<[^>]+>)", re.IGNORECASE | re.MULTILINE)


class _Recorder:
    def __init__(self, path: Path):
        self.file = path.open("a", buffering=1)

    async def handle_DATA(self, server, session, envelope):
        found = MESSAGE_ID.search(envelope.content)
        message_id = found.group(1).decode() if found else "-"
        for recipient in envelope.rcpt_tos:
            self.file.write(f"{time.time():.3f}\t{recipient}\t{message_id}\n")
        return "250 OK"


def _serve(path: str, port: int, ready) -> None:
    from aiosmtpd.controller import Controller

    controller = Controller(_Recorder(Path(path)), hostname="127.0.0.1", port=port, server_hostname="sink.localhost")
    controller.start()
    ready.set()
    while True:
        time.sleep(3600)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Received:
    times: list[float]
    per_recipient: Counter
    message_ids: dict[str, set[str]]


class MailSink:
    def __init__(self, path: Path):
        self.path = path
        self.port = free_port()
        context = multiprocessing.get_context("spawn")
        self._ready = context.Event()
        self._process = context.Process(target=_serve, args=(str(path), self.port, self._ready), daemon=True)

    def start(self) -> None:
        self.path.write_text("")
        self._process.start()
        if not self._ready.wait(30):
            raise RuntimeError("the mail sink did not start")

    def stop(self) -> None:
        self._process.terminate()
        self._process.join(5)

    def received(self) -> Received:
        times, counts, ids = [], Counter(), defaultdict(set)
        for line in self.path.read_text().splitlines():
            when, recipient, message_id = line.split("\t")
            times.append(float(when))
            counts[recipient] += 1
            ids[recipient].add(message_id)
        return Received(times, counts, dict(ids))
