#!/usr/bin/env bash
# Start (or stop) a throw-away Redis on loopback (Debian's redis-server, no persistence), without systemd.
# Prints the REDIS_URL to use.
#   scripts/redis.sh start   -> installs the server if missing, starts it on REDIS_PORT_TEST, prints REDIS_URL
#   scripts/redis.sh stop
#   scripts/redis.sh pid     -> the server's process id (`make load` freezes it with SIGSTOP)
# REDIS_PORT_TEST and REDIS_STATE_DIR choose the port (default 63790, not Redis's own 6379) and the folder.
set -euo pipefail

PORT="${REDIS_PORT_TEST:-63790}"
STATE_DIR="${REDIS_STATE_DIR:-${TMPDIR:-/tmp}/interazioni-redis}"
action="${1:-start}"

case "$action" in
  start)
    "$(dirname "$0")/system-packages.sh" >&2
    mkdir -p "$STATE_DIR"
    if ! redis-cli -p "$PORT" ping >/dev/null 2>&1; then
      redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$STATE_DIR" \
        --pidfile "$STATE_DIR/redis.pid" --logfile "$STATE_DIR/redis.log" --daemonize yes
      for _ in $(seq 50); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
    fi
    echo "redis://127.0.0.1:$PORT/0"
    ;;
  stop)
    if [ -f "$STATE_DIR/redis.pid" ]; then
      pid="$(cat "$STATE_DIR/redis.pid")"
      kill -CONT "$pid" 2>/dev/null || true  # a frozen server cannot handle SIGTERM
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      rm -f "$STATE_DIR/redis.pid"
    fi
    ;;
  pid)
    cat "$STATE_DIR/redis.pid"
    ;;
  *)
    echo "usage: $0 start|stop|pid" >&2; exit 2 ;;
esac
