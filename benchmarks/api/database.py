"""A fresh copy of the seeded database for each run, seeded once and kept between runs.

The seeded database is cached under var/bench/<key>/ (SQLite: the file and its media) or as a template database
`bench_seed_<key>` in the throw-away PostgreSQL of scripts/postgres.sh. The key hashes the seeder and every
migration, so changing either seeds again. Each run works on a copy: renditions made during a run never leak
into the next one.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

PROJECT_DIR = Path(__file__).resolve().parents[2]
CACHE_DIR = PROJECT_DIR / "var" / "bench"
PYTHON = PROJECT_DIR / ".venv" / "bin" / "python"
SETTINGS = "benchmarks.api.settings"


@dataclass
class Database:
    label: str  # "sqlite" or "postgresql"
    url: str
    media_root: Path
    seeded_now: bool
    prepare_log: dict


def dataset_key() -> str:
    """Changes when the seeder or any migration changes (a cached database would then be stale)."""
    digest = hashlib.sha256()
    sources = [PROJECT_DIR / "benchmarks" / "api" / "seed.py", *sorted(PROJECT_DIR.glob("*/migrations/*.py"))]
    for path in sources:
        digest.update(str(path.relative_to(PROJECT_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def base_env(database_url: str, media_root: Path) -> dict:
    """The environment every Django process of the benchmark gets: a deployment's, minus production secrets."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ.get("BENCH_SETTINGS", SETTINGS),
        "DJANGO_ENV": "development",  # production refuses to start without secrets, S3 and Redis
        "DEBUG": "false",  # DEBUG keeps every SQL query in memory: not what a production worker does
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "600",  # a worker keeps its connection, as in production
        "MEDIA_ROOT": str(media_root),
        "LOG_LEVEL": "WARNING",
        # One log line per request, the same for every side: off, so wrk's volume does not flood the run's output.
        "REQUEST_LOG_LEVEL": "WARNING",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "CACHE_URL": "locmemcache://bench",
        "REDIS_URL": "",
        "PYTHONPATH": str(PROJECT_DIR),
    }


def _prepare(database_url: str, media_root: Path, *, seed: bool, scale: int = 1) -> dict:
    command = [str(PYTHON), "-m", "benchmarks.api.prepare", *(["--seed", "--scale", str(scale)] if seed else [])]
    done = subprocess.run(
        command, cwd=PROJECT_DIR, env=base_env(database_url, media_root), capture_output=True, text=True,
        check=False,
    )
    sys.stderr.write(done.stderr)
    if done.returncode:
        raise RuntimeError(f"preparing {database_url} failed ({done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _drop_other_keys(key: str) -> None:
    if CACHE_DIR.exists():
        for entry in CACHE_DIR.iterdir():
            if entry.is_dir() and entry.name != key:
                shutil.rmtree(entry, ignore_errors=True)


def _scaled(name: str, scale: int) -> str:
    return name if scale == 1 else f"{name}_x{scale}"


def sqlite(run_dir: Path, *, scale: int = 1) -> Database:
    key = dataset_key()
    cached = CACHE_DIR / key / _scaled("sqlite", scale)
    seeded_now = False
    log = {}
    if not (cached / "ready").exists():
        _drop_other_keys(key)
        shutil.rmtree(cached, ignore_errors=True)
        cached.mkdir(parents=True)
        print(f"seeding the SQLite data set x{scale} (cached as {cached.relative_to(PROJECT_DIR)})", file=sys.stderr)
        log = _prepare(f"sqlite:///{cached / 'db.sqlite3'}", cached / "media", seed=True, scale=scale)
        (cached / "ready").write_text(json.dumps(log))
        seeded_now = True
    target = run_dir / _scaled("sqlite", scale)
    shutil.copytree(cached, target, ignore=shutil.ignore_patterns("ready"))
    url = f"sqlite:///{target / 'db.sqlite3'}"
    log = {**json.loads((cached / "ready").read_text()), "migrate_on_copy": _prepare(url, target / "media", seed=False)}
    return Database("sqlite", url, target / "media", seeded_now, log)


def postgresql(
    run_dir: Path, *, server_url: str | None = None, run_name: str = "bench_run", scale: int = 1
) -> Database:
    """A fresh copy named `run_name` in the server at `server_url` (default: scripts/postgres.sh's)."""
    import psycopg

    # Another server than the default keeps its own cache marker and media: its templates are its own.
    suffix = f"-{urlsplit(server_url).port}" if server_url else ""
    server_url = server_url or subprocess.run(
        [str(PROJECT_DIR / "scripts" / "postgres.sh"), "start"], capture_output=True, text=True, check=True
    ).stdout.strip()
    key = dataset_key()
    template = _scaled(f"bench_seed_{key}", scale)
    run_name = _scaled(run_name, scale)
    parts = urlsplit(server_url)

    def url_for(name: str) -> str:
        return urlunsplit(parts._replace(path=f"/{name}"))

    cached_media = CACHE_DIR / key / f"{_scaled('postgresql', scale)}{suffix}-media"
    seeded_now = False
    log = {}
    with psycopg.connect(url_for("postgres"), autocommit=True) as admin:
        names = {row[0] for row in admin.execute("SELECT datname FROM pg_database")}
        ready = CACHE_DIR / key / f"{_scaled('postgresql', scale)}{suffix}-ready"
        if template not in names or not ready.exists():
            _drop_other_keys(key)
            stale_names = (name for name in names if name.startswith("bench_seed_") and key not in name)
            for stale in sorted(stale_names):
                admin.execute(f'DROP DATABASE "{stale}"')
            shutil.rmtree(cached_media, ignore_errors=True)
            cached_media.mkdir(parents=True)
            admin.execute(f'CREATE DATABASE "{template}"')
            print(f"seeding the PostgreSQL data set x{scale} (cached as database {template})", file=sys.stderr)
            log = _prepare(url_for(template), cached_media, seed=True, scale=scale)
            ready.write_text(json.dumps(log))
            seeded_now = True
        admin.execute(f'DROP DATABASE IF EXISTS "{run_name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{run_name}" TEMPLATE "{template}"')
    media = run_dir / f"{_scaled('postgresql', scale)}-media"
    shutil.copytree(cached_media, media)
    log = {**json.loads(ready.read_text()), "migrate_on_copy": _prepare(url_for(run_name), media, seed=False)}
    return Database("postgresql", url_for(run_name), media, seeded_now, log)


PREPARERS = {"sqlite": sqlite, "postgresql": postgresql}
