#!/usr/bin/env python
"""What a 39-megapixel PNG upload costs the web worker, and its renditions the task worker.

    .venv/bin/python benchmarks/image_upload.py [--baseline GIT_REF]

In a throw-away SQLite database (migrated here), with the database task backend as in production, a fresh Python
process logs in to the admin, warms it up, then uploads the PNG through the multiple-upload view, opens the
image's edit page and the image listing, reading its own resident memory (VmRSS) and peak (VmHWM) around each
step. Another fresh process runs the renditions task as `db_worker` would. With --baseline the same steps run
on that commit's code too (exported with `git archive`), in the same database, so before and after sit side by
side. Writes benchmarks/results/image_upload.md and .json. Not part of `make test`; a few minutes.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCHMARKS_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCHMARKS_DIR.parent
RESULTS_DIR = BENCHMARKS_DIR / "results"
PYTHON = PROJECT_DIR / ".venv" / "bin" / "python"
WIDTH, HEIGHT = 7216, 5412  # 39.05 megapixels, under WAGTAILIMAGES_MAX_IMAGE_PIXELS (40 M)

sys.path.insert(0, str(PROJECT_DIR))
from benchmarks.report import git_commit  # noqa: E402

# Runs inside the measured process (argv: PNG path). Prints one JSON list of steps.
WEB_STEPS = r'''
import json, os, re, sys, time
import django
django.setup()
from django.contrib.auth import get_user_model
from django.test import Client

def memory():
    status = open("/proc/self/status").read()
    return {key: int(re.search(rf"{key}:\s+(\d+)", status).group(1)) // 1024 for key in ("VmRSS", "VmHWM")}

from wagtail.images import get_image_model
get_image_model().objects.all().delete()  # a first upload, not a duplicate (whose warning makes a rendition)
client = Client()
client.force_login(get_user_model().objects.get(username="bench"))
client.get("/admin/images/"); client.get("/admin/images/multiple/add/")  # imports and templates loaded
steps = []
def step(name, call):
    before, started = memory(), time.perf_counter()
    response = call()
    seconds, after = time.perf_counter() - started, memory()
    steps.append({"step": name, "status": response.status_code, "seconds": round(seconds, 2),
                  "rss_mb_before": before["VmRSS"], "rss_mb_after": after["VmRSS"], "peak_mb": after["VmHWM"]})
    return response
with open(sys.argv[1], "rb") as upload:
    response = step("upload", lambda: client.post("/admin/images/multiple/add/", {"files[]": upload},
                                                  HTTP_X_REQUESTED_WITH="XMLHttpRequest"))
image_id = response.json()["image_id"]
if sys.argv[2] == "after-task":
    import subprocess
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", sys.argv[3], str(image_id)], check=True)
    steps.append({"step": "renditions task (its own process)", "seconds": round(time.perf_counter() - started, 2),
                  **json.load(open(os.environ["TASK_RESULT"]))})
step("edit page", lambda: client.get(f"/admin/images/{image_id}/"))
step("image listing", lambda: client.get("/admin/images/"))
print(json.dumps(steps))
'''

TASK_STEP = r'''
import json, os, re, sys
import django
django.setup()
from media.tasks import image_renditions_create
def memory():
    status = open("/proc/self/status").read()
    return {key: int(re.search(rf"{key}:\s+(\d+)", status).group(1)) // 1024 for key in ("VmRSS", "VmHWM")}
before = memory()
image_renditions_create.call(int(sys.argv[1]))
after = memory()
json.dump({"rss_mb_before": before["VmRSS"], "rss_mb_after": after["VmRSS"], "peak_mb": after["VmHWM"]},
          open(os.environ["TASK_RESULT"], "w"))
'''


def make_png(path: Path) -> None:
    """A designer's export: flat colours, lines, lettering and one photographic (noisy) area; about 10 MB."""
    import random

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), (245, 240, 230))
    draw = ImageDraw.Draw(image)
    for x in range(0, WIDTH, 40):
        draw.line([(x, 0), (WIDTH - x, HEIGHT)], fill=((x * 7) % 255, (x * 3) % 255, 180), width=3)
    for y in range(0, HEIGHT, 300):
        draw.rectangle([100, y + 20, WIDTH - 100, y + 120], fill=(30 + y % 200, 90, 140))
        for x in range(150, WIDTH - 200, 90):
            draw.text((x, y + 150), "Regione", fill=(20, 20, 20))
    noise = random.Random(14).randbytes(1800 * 1500 * 3)
    image.paste(Image.frombytes("RGB", (1800, 1500), noise), (2000, 1500))
    image.save(path, compress_level=6)


def environment(code_dir: Path, workdir: Path) -> dict:
    return {
        **os.environ,
        "PYTHONPATH": str(code_dir),
        "DJANGO_SETTINGS_MODULE": "cms.settings",
        "DJANGO_ENV": "development",
        "DEBUG": "false",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",  # as in production: renditions wait for a worker
        "LOG_LEVEL": "WARNING",
        "TASK_RESULT": str(workdir / "task.json"),
    }


def prepare(workdir: Path) -> None:
    env = environment(PROJECT_DIR, workdir)
    subprocess.run([str(PYTHON), "manage.py", "migrate", "-v0"], cwd=PROJECT_DIR, env=env, check=True)
    subprocess.run(
        [str(PYTHON), "manage.py", "shell", "-c",
         "from django.contrib.auth import get_user_model; "
         "get_user_model().objects.create_superuser('bench', 'bench@example.org', 'bench-password-1')"],
        cwd=PROJECT_DIR, env=env, check=True, capture_output=True,
    )


def measure(code_dir: Path, workdir: Path, png: Path, *, with_task: bool) -> list[dict]:
    arguments = [str(png), "after-task" if with_task else "no-task", TASK_STEP]
    done = subprocess.run([str(PYTHON), "-c", WEB_STEPS, *arguments], cwd=code_dir,
                          env=environment(code_dir, workdir), check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def export(ref: str, target: Path) -> Path:
    archive = subprocess.run(["git", "archive", ref], cwd=PROJECT_DIR, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def report(runs: dict) -> str:
    lines = [
        "# A 39-megapixel PNG in the admin",
        "",
        f"`benchmarks/image_upload.py`, {time.strftime('%Y-%m-%d')}; {WIDTH}×{HEIGHT} PNG "
        f"({runs['png_megabytes']} MB), SQLite, database task backend. Load average at the start: "
        f"{runs['load_average']}. A fresh process per run; memory is the process's own (VmRSS, peak VmHWM).",
        "",
    ]
    for label, run in runs["runs"].items():
        lines += [f"## {label}", "", "| step | seconds | RSS before (MB) | RSS after (MB) | peak (MB) |",
                  "| --- | ---: | ---: | ---: | ---: |"]
        for step in run:
            lines.append(f"| {step['step']} | {step['seconds']} | {step.get('rss_mb_before', '')} | "
                         f"{step.get('rss_mb_after', '')} | {step.get('peak_mb', '')} |")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="a git ref to measure too (its code, the same database)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="image-upload-") as folder:
        workdir = Path(folder)
        png = workdir / "infographic.png"
        make_png(png)
        prepare(workdir)
        runs = {"load_average": " ".join(f"{value:.1f}" for value in os.getloadavg()),
                "png_megabytes": round(png.stat().st_size / 1e6, 1), "runs": {}}
        if options.baseline:
            baseline = export(options.baseline, Path(tempfile.mkdtemp(dir=workdir)))
            label = f"before ({options.baseline}), renditions not run"
            runs["runs"][label] = measure(baseline, workdir, png, with_task=False)
        commit = git_commit()
        runs["runs"][f"after ({commit}), renditions not run yet"] = measure(PROJECT_DIR, workdir, png, with_task=False)
        runs["runs"][f"after ({commit}), the task ran first"] = measure(PROJECT_DIR, workdir, png, with_task=True)
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "image_upload.json").write_text(json.dumps(runs, indent=1) + "\n")
    (RESULTS_DIR / "image_upload.md").write_text(report(runs) + "\n")
    print(report(runs))


if __name__ == "__main__":
    main()
