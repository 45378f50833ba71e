"""The processes of the HTTP step: gunicorn (one sync worker) and nginx on loopback, wrk as the load.

Servers are pinned to one core and wrk to the other (`taskset`), so the load generator never takes CPU from
the server it measures. Each server is started fresh for a workload, so its worker's peak memory (VmHWM) is
that workload's.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from . import stats

PROJECT_DIR = Path(__file__).resolve().parents[2]
VENV_BIN = PROJECT_DIR / ".venv" / "bin"
GRAPPLE_VENV_BIN = PROJECT_DIR / "var" / "bench-grapple-venv" / "bin"  # `make bench-grapple-venv`
SERVER_CPU = os.environ.get("BENCH_SERVER_CPU", "0")
LOAD_CPU = os.environ.get("BENCH_LOAD_CPU", "1")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _pinned(cpu: str, command: list[str]) -> list[str]:
    return ["taskset", "-c", cpu, *command] if shutil.which("taskset") and len(os.sched_getaffinity(0)) > 1 else command


def _wait_http(url: str, process: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited ({process.returncode}); its log:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status < 500:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"server not ready after {timeout} s: {url}")


def peak_memory_kib(pid: int) -> int | None:
    """The process's peak resident set (VmHWM), in KiB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


class Server:
    """A server process started in its own session, stopped (the whole group) on exit."""

    name = "server"

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.port = free_port()
        self.log = workdir / f"{self.name}-{self.port}.log"
        self.process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def worker_pid(self) -> int:
        children = _children(self.process.pid)
        return children[0] if children else self.process.pid

    def peak_memory_kib(self) -> int | None:
        return peak_memory_kib(self.worker_pid())

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Gunicorn(Server):
    """The app as deployed: gunicorn, one sync worker, on loopback."""

    name = "gunicorn"

    def __init__(self, workdir: Path, env: dict, *, venv_bin: Path = VENV_BIN):
        super().__init__(workdir)
        self.env = env
        self.venv_bin = venv_bin

    def __enter__(self):
        command = [
            str(self.venv_bin / "gunicorn"), "cms.wsgi:application",
            "--bind", f"127.0.0.1:{self.port}", "--workers", "1", "--worker-class", "sync",
            "--timeout", "120", "--log-level", "warning", "--error-logfile", "-",
        ]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                _pinned(SERVER_CPU, command), cwd=PROJECT_DIR, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        _wait_http(f"{self.base_url}/healthz/", self.process, self.log)
        return self


class Nginx(Server):
    """Debian's nginx serving a folder of files: the same bytes as the floor view, with no Python at all."""

    name = "nginx"

    def __init__(self, workdir: Path, root: Path):
        super().__init__(workdir)
        self.root = root

    def __enter__(self):
        prefix = Path(tempfile.mkdtemp(prefix="nginx-", dir=self.workdir))
        prefix.chmod(0o755)
        config = prefix / "nginx.conf"
        user = "user root;" if os.geteuid() == 0 else ""  # as root, workers would otherwise run as nobody
        config.write_text(
            f"""
{user}
worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {self.log} warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    server {{
        listen 127.0.0.1:{self.port};
        root {self.root};
        location / {{ default_type application/json; }}
    }}
}}
"""
        )
        with (self.workdir / f"nginx-{self.port}.out").open("wb") as out:
            self.process = subprocess.Popen(
                _pinned(SERVER_CPU, ["/usr/sbin/nginx", "-p", str(prefix), "-c", str(config), "-e", str(self.log)]),
                stdout=out, stderr=subprocess.STDOUT,
            )
        first = next(iter(sorted(self.root.glob("*.json"))))
        _wait_http(f"{self.base_url}/{first.name}", self.process, self.log)
        return self


def wrk_script(workdir: Path, name: str, body: bytes) -> Path:
    """A wrk Lua script that POSTs a JSON body."""
    text = body.decode()
    if "]==]" in text:
        raise ValueError("the body would end wrk's Lua long string")
    script = workdir / f"{name}.lua"
    script.write_text(
        'wrk.method = "POST"\n'
        'wrk.headers["Content-Type"] = "application/json"\n'
        f"wrk.body = [==[{text}]==]\n"
    )
    return script


def wrk_sequence_script(workdir: Path, name: str, paths: list[str]) -> Path:
    """A wrk Lua script that GETs the paths in turn, over and over: one workload of a side that needs several
    requests (API v3). With one wrk thread there is one counter, so the mix of requests is the workload's."""
    if any('"' in path or "\\" in path for path in paths):
        raise ValueError("a path would end its Lua string")
    script = workdir / f"{name}.lua"
    listed = ",\n".join(f'  "{path}"' for path in paths)
    script.write_text(
        f"local paths = {{\n{listed}\n}}\n"
        "local next_index = 0\n"
        "request = function()\n"
        "  next_index = next_index % #paths + 1\n"
        '  return wrk.format("GET", paths[next_index])\n'
        "end\n"
    )
    return script


def run_wrk(url: str, *, duration: float, connections: int, script: Path | None = None) -> dict:
    command = ["wrk", "-t1", f"-c{connections}", f"-d{int(duration)}s", "--timeout", "30s", "--latency"]
    if script is not None:
        command += ["-s", str(script)]
    done = subprocess.run(_pinned(LOAD_CPU, [*command, url]), capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr or done.stdout}")
    output = done.stdout
    result = stats.parse_wrk(output)
    if result["requests_per_second"] is None:
        raise RuntimeError(f"wrk gave no rate:\n{output}")
    if result["non_2xx"]:
        raise RuntimeError(f"wrk saw failed responses on {url}:\n{output}")
    return result
