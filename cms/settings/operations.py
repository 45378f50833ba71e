"""Operations (operations app): backups, request logs, metrics, error reporting. Imported at the end of base.py.

See docs/operations.md. Every variable is optional: the embedded default keeps backups in var/backups, logs in
plain text, has no metrics endpoint and reports no errors anywhere.
"""

from .base import DJANGO_ENV as _DJANGO_ENV
from .base import LOGGING as _LOGGING
from .base import MIDDLEWARE as _MIDDLEWARE
from .base import VAR_DIR as _VAR_DIR
from .base import env as _env

__all__ = [
    "BACKUP_KEEP",
    "BACKUP_S3_ENDPOINT_URL",
    "BACKUP_S3_REGION_NAME",
    "BACKUP_TARGET",
    "LOGGING",
    "LOG_FORMAT",
    "METRICS_ALLOWED_NETWORKS",
    "METRICS_TOKEN",
    "MIDDLEWARE",
    "SENTRY_DSN",
]

# First, so that the request id and the timing cover every other middleware (docs/operations.md, "Logs").
MIDDLEWARE = ["operations.middleware.RequestObservabilityMiddleware", *_MIDDLEWARE]

# --- Backups ------------------------------------------------------------------------------------------------------
# A folder, or s3://bucket/prefix (another bucket than the media one, ideally in another account or site).
BACKUP_TARGET = _env.str("BACKUP_TARGET", default=str(_VAR_DIR / "backups"))
BACKUP_KEEP = _env.int("BACKUP_KEEP", default=14)  # complete backups kept by `manage.py backup`; 0 keeps all
BACKUP_S3_ENDPOINT_URL = _env.str("BACKUP_S3_ENDPOINT_URL", default="")  # empty: AWS itself
BACKUP_S3_REGION_NAME = _env.str("BACKUP_S3_REGION_NAME", default="")
# Credentials of the backup bucket, when they differ from the media bucket's, are read by boto3 from
# BACKUP_AWS_ACCESS_KEY_ID / BACKUP_AWS_SECRET_ACCESS_KEY (operations/backup/targets.py), never kept in settings.

# --- Logs ---------------------------------------------------------------------------------------------------------
# "json": one JSON object per line (production default), "text" for people reading a terminal.
LOG_FORMAT = _env.str("LOG_FORMAT", default="json" if _DJANGO_ENV == "production" else "text")
LOGGING = {
    **_LOGGING,
    "filters": {**_LOGGING.get("filters", {}), "request_id": {"()": "operations.logs.RequestIdFilter"}},
    "formatters": {
        **_LOGGING.get("formatters", {}),
        "json": {"()": "operations.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        **_LOGGING["handlers"],
        "console": {
            **_LOGGING["handlers"]["console"],
            "formatter": LOG_FORMAT,
            "filters": [*_LOGGING["handlers"]["console"].get("filters", []), "request_id"],
        },
    },
    "loggers": {
        **_LOGGING.get("loggers", {}),
        # One line per request from our middleware, with the request id (Django's own request lines would
        # repeat it, with less).
        "operations.requests": {"level": _env.str("REQUEST_LOG_LEVEL", default="INFO")},
    },
}

# --- Metrics ------------------------------------------------------------------------------------------------------
# /metrics/ (Prometheus text format) answers only a request carrying "Authorization: Bearer <METRICS_TOKEN>" or
# coming from METRICS_ALLOWED_NETWORKS (CIDRs); with neither set it does not exist (404).
METRICS_TOKEN = _env.str("METRICS_TOKEN", default="")
METRICS_ALLOWED_NETWORKS = _env.list("METRICS_ALLOWED_NETWORKS", default=[])
# With several worker processes (gunicorn), prometheus_client shares metrics through files in
# PROMETHEUS_MULTIPROC_DIR, read from the environment by prometheus_client itself (gunicorn.conf.py).

# --- Error reporting ----------------------------------------------------------------------------------------------
SENTRY_DSN = _env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    from operations.sentry import sentry_init

    sentry_init(
        dsn=SENTRY_DSN,
        environment=_env.str("SENTRY_ENVIRONMENT", default=_DJANGO_ENV),
        release=_env.str("SENTRY_RELEASE", default="") or None,
        traces_sample_rate=_env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )
