"""gunicorn's settings, read from the working directory (the container's /app): docs/operations.md.

Requests are logged by the CMS itself (operations.middleware), as JSON, without client addresses: gunicorn's
access log, which would write them, stays off. Metrics of every worker are shared through
PROMETHEUS_MULTIPROC_DIR (prometheus_client's multiprocess mode), whichever worker answers /metrics/.
"""

import os
import shutil

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
accesslog = None
# Worker boots, timeouts and crashes in the same JSON lines as the CMS's own logs.
if os.environ.get("LOG_FORMAT", "json") == "json":
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "operations.logs.JsonFormatter"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
        "loggers": {"gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False}},
    }


def on_starting(server):
    # Counts a previous run left in the folder would be added to this run's.
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder, exist_ok=True)


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


def worker_exit(server, worker):
    # Readers' counts wait in each worker's memory between flushes (insights/buffer.py): write them before the
    # worker goes (a restart, max_requests, a scale-down), not a minute later or never.
    from insights.buffer import flush

    flush()
