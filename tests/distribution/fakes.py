"""Local stand-ins for the networks' APIs: a real HTTP server on 127.0.0.1 that behaves like Mastodon, the
Telegram bot API, the Graph API and a webhook receiver, records every request, and can be told to fail."""

import itertools
import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Request:
    method: str
    path: str
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body)

    def form(self) -> dict:
        """Fields of a multipart/form-data or urlencoded body (file parts as bytes)."""
        content_type = self.headers.get("Content-Type", "")
        if content_type.startswith("multipart/"):
            message = BytesParser(policy=HTTP).parsebytes(
                f"Content-Type: {content_type}\r\n\r\n".encode() + self.body
            )
            fields = {}
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                payload = part.get_payload(decode=True)
                fields[name] = payload if part.get_filename() else payload.decode()
            return fields
        from urllib.parse import parse_qsl

        return dict(parse_qsl(self.body.decode()))


@dataclass
class Scripted:
    """What the server does instead of the normal answer, once. `then_normal`: answer normally after the delay
    (a slow server that still acts, as when a client times out)."""

    status: int = 500
    body: dict | str = ""
    headers: dict = field(default_factory=dict)
    delay: float = 0.0
    then_normal: bool = False


class FakeNetworks:
    def __init__(self):
        self.requests: list[Request] = []
        self.scripts: dict[tuple[str, str], deque] = {}
        self.lock = threading.Lock()
        self.ids = itertools.count(101)
        self.statuses: dict[str, dict] = {}  # Mastodon: Idempotency-Key -> status
        self.posts: list[dict] = []  # everything that was actually published, on any network
        self.deleted: list[str] = []
        self.base_url = ""

    # --- test API ---------------------------------------------------------------------------------------------
    def script(self, method: str, path_suffix: str, *outcomes: Scripted) -> None:
        self.scripts.setdefault((method, path_suffix), deque()).extend(outcomes)

    def calls(self, method: str, path_suffix: str) -> list[Request]:
        return [r for r in self.requests if r.method == method and r.path.split("?")[0].endswith(path_suffix)]

    # --- server side ------------------------------------------------------------------------------------------
    def handle(self, request: Request) -> tuple[int, dict, bytes]:
        with self.lock:
            self.requests.append(request)
            scripted = None
            for (method, suffix), queue in self.scripts.items():
                if method == request.method and request.path.split("?")[0].endswith(suffix) and queue:
                    scripted = queue.popleft()
                    break
        if scripted is not None:
            time.sleep(scripted.delay)
            if not scripted.then_normal:
                body = scripted.body if isinstance(scripted.body, str) else json.dumps(scripted.body)
                return scripted.status, scripted.headers, body.encode()
        with self.lock:
            status, payload = self.answer(request)
        return status, {"Content-Type": "application/json"}, json.dumps(payload).encode()

    def answer(self, request: Request) -> tuple[int, dict]:
        path = request.path.split("?")[0]
        if path == "/api/v2/media":
            return 200, {"id": f"media-{next(self.ids)}", "type": "image"}
        if path == "/api/v1/statuses":
            key = request.headers.get("Idempotency-Key")
            if key not in self.statuses:  # Mastodon answers a repeated key with the status it already made
                status_id = str(next(self.ids))
                self.statuses[key] = {"id": status_id, "url": f"{self.base_url}/@interazioni/{status_id}"}
                self.posts.append({"network": "mastodon", **request.json()})
            return 200, self.statuses[key]
        if request.method == "DELETE" and path.startswith("/api/v1/statuses/"):
            self.deleted.append(path.rsplit("/", 1)[1])
            return 200, {}
        if "/bot" in path:
            method = path.rsplit("/", 1)[1]
            if method == "deleteMessage":
                self.deleted.append(str(request.json()["message_id"]))
                return 200, {"ok": True, "result": True}
            fields = request.form() if method == "sendPhoto" else request.json()
            self.posts.append({"network": "telegram", "method": method, **fields})
            return 200, {"ok": True, "result": {"message_id": next(self.ids), "chat": {"id": fields["chat_id"]}}}
        if path.endswith(("/photos", "/feed")):
            fields = request.form()
            self.posts.append({"network": "facebook", "edge": path.rsplit("/", 1)[1], **fields})
            post_id = f"555_{next(self.ids)}"
            return 200, {"id": post_id, "post_id": post_id} if path.endswith("/photos") else {"id": post_id}
        if request.method == "DELETE":
            self.deleted.append(path.rsplit("/", 1)[1])
            return 200, {"success": True}
        if path.startswith("/hooks/"):
            self.posts.append({"network": "webhook", "path": path, **request.json()})
            return 200, {"ok": True}
        return 404, {"error": "not found"}


def serve(networks: FakeNetworks):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _any(self):
            length = int(self.headers.get("Content-Length") or 0)
            request = Request(self.command, self.path, dict(self.headers.items()), self.rfile.read(length))
            status, headers, body = networks.handle(request)
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting (timeout tests)

        do_GET = do_POST = do_DELETE = _any

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    networks.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server
