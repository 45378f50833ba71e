"""The set-up under load: its own PostgreSQL and Redis (the project's scripts), gunicorn, task workers, a mail sink.

PostgreSQL runs as an instance of its own (PGPORT_TEST, PGSTATE_DIR), never the shared one on 54329: the run
restarts it. Redis is Debian's redis-server on a port of its own. Both are driven through scripts/postgres.sh and
scripts/redis.sh; the faults are what an operator's bad day brings: a fast restart of PostgreSQL, Redis stopped
(connections refused), Redis frozen with SIGSTOP (connections accepted, nothing answered), a task worker killed
with SIGKILL.
"""

import os
import secrets
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
PYTHON = PROJECT_DIR / ".venv" / "bin" / "python"
SCRIPTS = PROJECT_DIR / "scripts"
STATE_DIR = Path(os.environ.get("TMPDIR", "/tmp")) / "interazioni-load"
POSTGRES_PORT = int(os.environ.get("LOAD_POSTGRES_PORT", "54339"))
REDIS_PORT = int(os.environ.get("LOAD_REDIS_PORT", "63791"))
GUNICORN_WORKERS = 3


def _script(name: str, action: str, env: dict) -> str:
    done = subprocess.run([str(SCRIPTS / name), action], env={**os.environ, **env}, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"scripts/{name} {action} failed: {done.stderr[-2000:]}")
    return done.stdout.strip()


class Postgres:
    env = {"PGPORT_TEST": str(POSTGRES_PORT), "PGSTATE_DIR": str(STATE_DIR / "postgres")}

    def start(self) -> str:
        return _script("postgres.sh", "start", self.env)

    def restart(self) -> None:
        _script("postgres.sh", "restart", self.env)

    def stop(self) -> None:
        _script("postgres.sh", "stop", self.env)


class Redis:
    env = {"REDIS_PORT_TEST": str(REDIS_PORT), "REDIS_STATE_DIR": str(STATE_DIR / "redis")}

    def start(self) -> str:
        return _script("redis.sh", "start", self.env)

    def stop(self) -> None:
        _script("redis.sh", "stop", self.env)

    def freeze(self) -> None:
        os.kill(int(_script("redis.sh", "pid", self.env)), signal.SIGSTOP)

    def thaw(self) -> None:
        os.kill(int(_script("redis.sh", "pid", self.env)), signal.SIGCONT)


def django_env(*, database_url: str, redis_url: str, media_root: Path, smtp_port: int) -> dict:
    """A production deployment's environment (DJANGO_ENV=production), on loopback."""
    return {
        **os.environ,
        "PYTHONPATH": str(PROJECT_DIR),
        "DJANGO_SETTINGS_MODULE": "cms.settings",
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CLIENT_IP_HEADER": "REMOTE_ADDR",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": str(media_root),
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "NEWSLETTER_PUBLIC_BASE_URL": "https://cms.example.org",
        "NEWSLETTER_MESSAGES_PER_SECOND": os.environ.get("LOAD_NEWSLETTER_RATE", "40"),
        "LOG_LEVEL": "WARNING",
    }


def wait_http(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=3) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"not ready after {timeout} s: {url}")


@dataclass
class Gunicorn:
    env: dict
    log: Path
    port: int
    process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = [
            # The project's gunicorn.conf.py, as production runs it; only the address differs (loopback).
            str(PROJECT_DIR / ".venv" / "bin" / "gunicorn"), "cms.wsgi:application",
            "--config", str(PROJECT_DIR / "gunicorn.conf.py"), "--bind", f"127.0.0.1:{self.port}",
        ]
        env = {**self.env, "GUNICORN_WORKERS": str(GUNICORN_WORKERS), "GUNICORN_TIMEOUT": "30"}
        self.process = subprocess.Popen(command, cwd=PROJECT_DIR, env=env, stdout=self.log.open("ab"),
                                        stderr=subprocess.STDOUT, start_new_session=True)
        wait_http(f"{self.base_url}/healthz/")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


@dataclass
class TaskWorkers:
    """`manage.py db_worker` processes, each with a worker id of its own (the task table names who runs what)."""

    env: dict
    log: Path
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    def start(self, worker_id: str) -> None:
        command = [str(PYTHON), "manage.py", "db_worker", "--worker-id", worker_id, "--no-reload",
                   "--interval", "0.5", "-v0"]
        self.processes[worker_id] = subprocess.Popen(command, cwd=PROJECT_DIR, env=self.env,
                                                     stdout=self.log.open("ab"), stderr=subprocess.STDOUT)

    def kill(self, worker_id: str) -> None:
        """SIGKILL: no signal handler, no finally block, nothing recorded."""
        self.processes[worker_id].send_signal(signal.SIGKILL)
        self.processes[worker_id].wait()

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
