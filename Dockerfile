# syntax=docker/dockerfile:1
# Multi-stage build: dependencies compiled in a builder, a slim non-root runtime served by gunicorn.

FROM python:3.11-slim-bookworm AS builder
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev \
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements.lock /tmp/requirements.lock
RUN pip install --requirement /tmp/requirements.lock

FROM python:3.11-slim-bookworm AS runtime
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=cms.settings \
    DJANGO_ENV=production \
    STATIC_ROOT=/app/static_collected \
    MEDIA_ROOT=/app/var/media \
    BACKUP_TARGET=/app/var/backups \
    PROMETHEUS_MULTIPROC_DIR=/tmp/prometheus \
    PORT=8000
# libpq for psycopg, curl for the health check, media-types for file type detection, postgresql-client for
# `manage.py backup` / `restore` (pg_dump, pg_restore: 15, as the compose example's server); for print, WeasyPrint's
# Pango and HarfBuzz subsetter and the Noto fonts (Latin, Cyrillic, Arabic, and CJK for Chinese): nothing is
# downloaded when a PDF is made.
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 curl media-types postgresql-client \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 --shell /usr/sbin/nologin cms
COPY --from=builder /opt/venv /opt/venv
WORKDIR /app
COPY --chown=cms:cms . /app
# The compiled translations are build output (cms/catalogues.py, pure Python: no gettext in the image).
RUN python -m cms.catalogues compile
# collectstatic needs settings but no real secrets or database: throw-away values for the build step only.
RUN SECRET_KEY=build-only-$(python -c "import secrets; print(secrets.token_hex(32))") \
    ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/build.sqlite3 REDIS_URL=redis://localhost:6379/0 CLIENT_IP_HEADER=REMOTE_ADDR \
    python manage.py collectstatic --no-input --verbosity 0 \
    && mkdir -p /app/var/media /app/var/backups && chown -R cms:cms /app/var /app/static_collected
USER cms
EXPOSE 8000
# Django answers only the hosts in ALLOWED_HOSTS: the check names the first one (a Host header, not a lookup).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl --fail --silent -H "Host: ${ALLOWED_HOSTS%%,*}" http://127.0.0.1:${PORT}/healthz/ || exit 1
# Before this image serves, run its release step once: `python manage.py release` (migrate, compile messages,
# missing renditions, clear caches; docs/operations.md, "Upgrades"). compose.yaml runs it as the `release` service.
# gunicorn reads gunicorn.conf.py: workers, JSON logs, shared metrics; no access log (the CMS logs requests itself).
CMD ["gunicorn", "cms.wsgi:application"]
