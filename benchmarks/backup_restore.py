"""Backup and restore times and sizes for the demo data set (`seed_demo`), on SQLite and PostgreSQL, local and S3.

    .venv/bin/python benchmarks/backup_restore.py --sqlite var/bench/demo.sqlite3 --media var/bench/media \
        --postgres postgres://postgres@127.0.0.1:54329/bench_demo --postgres-media var/bench/pgmedia

Each source is a database migrated and seeded with `manage.py seed_demo`, with its files in a local folder. For each
database the script runs, as separate `manage.py` processes (start-up included, as an operator's cron runs them):
1. local: `backup` to a folder, `restore` into an empty database and an empty media folder;
2. S3: `restore` that folder backup into an empty database with media on an S3 protocol server (moto, loopback),
   then `backup` from there to another bucket, and `restore` that into an empty database and an empty bucket.
Writes benchmarks/results/backup_restore.json and prints a table. It reports figures; it asserts nothing.
"""

import argparse
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import boto3
from moto.server import ThreadedMotoServer

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "backup_restore.json"


def manage(env: dict, *args: str) -> dict:
    """The command's wall time (Python and Django start-up included) and the time it reports for its own work."""
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    wall = round(time.monotonic() - started, 2)
    own = re.search(r"([0-9.]+) s$", result.stdout.strip())
    return {"work_s": float(own.group(1)) if own else None, "wall_s": wall}


def base_env() -> dict:
    keep = ("PATH", "HOME", "LANG")
    return {**{k: os.environ[k] for k in keep if k in os.environ}, "DJANGO_SETTINGS_MODULE": "cms.settings"}


def s3_env(endpoint: str, bucket: str) -> dict:
    return {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_ACCESS_KEY_ID": "bench",
        "AWS_SECRET_ACCESS_KEY": "bench",
        "AWS_S3_REGION_NAME": "us-east-1",
        "BACKUP_S3_ENDPOINT_URL": endpoint,
        "BACKUP_S3_REGION_NAME": "us-east-1",
    }


def latest_manifest(target: str, client=None) -> dict:
    if target.startswith("s3://"):
        bucket, _, prefix = target[5:].partition("/")
        keys = [o["Key"] for o in client.list_objects_v2(Bucket=bucket, Prefix=prefix)["Contents"]]
        key = sorted(k for k in keys if k.endswith("/manifest.json"))[-1]
        return json.loads(client.get_object(Bucket=bucket, Key=key)["Body"].read())
    return json.loads(sorted(Path(target).glob("*/manifest.json"))[-1].read_text())


class Databases:
    """Empty databases of the same kind as the source, each used once."""

    def __init__(self, source_url: str, workdir: Path):
        self.source_url, self.workdir, self.made = source_url, workdir, []

    def empty(self) -> str:
        name = f"bench_restore_{uuid.uuid4().hex[:8]}"
        if self.source_url.startswith("sqlite"):
            return f"sqlite:///{self.workdir / (name + '.sqlite3')}"
        server = self.source_url.rsplit("/", 1)[0]
        subprocess.run(["psql", f"{server}/postgres", "-qc", f"CREATE DATABASE {name}"], check=True)
        self.made.append(f"{server}/postgres|{name}")
        return f"{server}/{name}"

    def drop(self):
        for item in self.made:
            admin, name = item.split("|")
            subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=False)


def run(database: str, source_url: str, media: Path, endpoint: str, client) -> dict:
    figures = {}
    with tempfile.TemporaryDirectory(prefix="bench-backup-") as tmp:
        tmp = Path(tmp)
        databases = Databases(source_url, tmp)
        try:
            source = {**base_env(), "DATABASE_URL": source_url, "MEDIA_ROOT": str(media)}
            folder = str(tmp / "backups")
            figures["backup local"] = manage(source, "backup", "--target", folder)
            manifest = latest_manifest(folder)
            figures["size"] = sum(entry["size"] for entry in manifest["files"])
            figures["files"] = len(manifest["files"])
            figures["database bytes"] = manifest["files"][0]["size"]
            figures["rows"] = sum(manifest["counts"].values())
            local = {
                **base_env(),
                "DATABASE_URL": databases.empty(),
                "MEDIA_ROOT": str(tmp / "restored-media"),
            }
            figures["restore local"] = manage(local, "restore", "latest", "--target", folder)

            media_bucket, backup_bucket = f"media-{uuid.uuid4().hex[:8]}", f"backups-{uuid.uuid4().hex[:8]}"
            client.create_bucket(Bucket=media_bucket)
            client.create_bucket(Bucket=backup_bucket)
            on_s3 = {**base_env(), "DATABASE_URL": databases.empty(), **s3_env(endpoint, media_bucket)}
            figures["restore local backup into S3 media"] = manage(
                on_s3, "restore", "latest", "--target", folder
            )
            target = f"s3://{backup_bucket}/nightly"
            figures["backup S3 to S3"] = manage(on_s3, "backup", "--target", target)
            figures["S3 backup size"] = sum(f["size"] for f in latest_manifest(target, client)["files"])
            empty_bucket = f"media-{uuid.uuid4().hex[:8]}"
            client.create_bucket(Bucket=empty_bucket)
            fresh = {**base_env(), "DATABASE_URL": databases.empty(), **s3_env(endpoint, empty_bucket)}
            figures["restore S3 to S3"] = manage(fresh, "restore", "latest", "--target", target)
            figures["start-up (manage.py check)"] = manage(source, "check")["wall_s"]
        finally:
            databases.drop()
    print(database, json.dumps(figures, indent=1))
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sqlite")
    parser.add_argument("--media", type=Path)
    parser.add_argument("--postgres")
    parser.add_argument("--postgres-media", type=Path)
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # moto's server logs every request
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="bench",
        aws_secret_access_key="bench",
    )
    results = {"machine": f"{os.cpu_count()} cores", "load_average_at_start": os.getloadavg(), "databases": {}}
    try:
        if args.sqlite:
            results["databases"]["sqlite"] = run(
                "sqlite", f"sqlite:///{Path(args.sqlite).resolve()}", args.media, endpoint, client
            )
        if args.postgres:
            results["databases"]["postgresql"] = run(
                "postgresql", args.postgres, args.postgres_media, endpoint, client
            )
    finally:
        server.stop()
    results["load_average_at_end"] = os.getloadavg()
    RESULTS.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
