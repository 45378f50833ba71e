#!/usr/bin/env bash
# Start (or stop) a throw-away PostgreSQL on loopback for the test suite, without systemd:
# initdb + pg_ctl as the postgres user, data in a temporary folder. Prints the DATABASE_URL to use.
#   scripts/postgres.sh start     -> installs the server if missing, starts it, prints DATABASE_URL
#   scripts/postgres.sh stop
#   scripts/postgres.sh restart   -> a fast restart (what `make load` does to it under load)
# PGPORT_TEST and PGSTATE_DIR choose the port and the folder: `make load` runs an instance of its own.
set -euo pipefail

PORT="${PGPORT_TEST:-54329}"
STATE_DIR="${PGSTATE_DIR:-${TMPDIR:-/tmp}/interazioni-postgres}"
action="${1:-start}"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
# PostgreSQL refuses to run as root: root hands over to the postgres user, anybody else runs it as themselves.
as_postgres() { if [ "$(id -u)" -ne 0 ]; then "$@"; else su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; fi; }

case "$action" in
  start)
    "$(dirname "$0")/system-packages.sh" postgresql >&2
    BIN="$(pg_bin)"
    if [ "$(id -u)" -eq 0 ]; then
      mkdir -p "$STATE_DIR" && chown postgres:postgres "$STATE_DIR"
    else
      mkdir -p "$STATE_DIR"
    fi
    if [ ! -f "$STATE_DIR/data/PG_VERSION" ]; then
      as_postgres "$BIN/initdb" -D "$STATE_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_postgres "$BIN/pg_ctl" -D "$STATE_DIR/data" status >/dev/null 2>&1; then
      as_postgres "$BIN/pg_ctl" -D "$STATE_DIR/data" -l "$STATE_DIR/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $STATE_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >&2
    fi
    echo "postgres://postgres@127.0.0.1:$PORT/interazioni"
    ;;
  stop)
    BIN="$(pg_bin)"
    [ -d "$STATE_DIR/data" ] && as_postgres "$BIN/pg_ctl" -D "$STATE_DIR/data" -m fast stop >&2 || true
    ;;
  restart)
    BIN="$(pg_bin)"
    # -l: the new server must not write to (and so hold open) this script's output.
    as_postgres "$BIN/pg_ctl" -D "$STATE_DIR/data" -l "$STATE_DIR/server.log" -m fast -w restart >&2
    ;;
  *)
    echo "usage: $0 start|stop|restart" >&2; exit 2 ;;
esac
