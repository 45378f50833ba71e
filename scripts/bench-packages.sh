#!/usr/bin/env bash
# Debian packages `make bench` needs: wrk (the HTTP load generator) and nginx (serves the static-file floor).
# Installs only what is missing, so a second run does nothing; needs root or sudo on a fresh Debian 12.
# nginx is only ever started by the benchmark itself, on loopback with its own config: we stop and disable the
# service the package starts (when there is an init system) so it does not hold port 80 or compete for the CPU.
set -euo pipefail

need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
[ -x /usr/sbin/nginx ] || need+=(nginx)
[ ${#need[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Missing Debian packages: ${need[*]} (run as root or install sudo)" >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing Debian packages: ${need[*]}"
# policy-rc.d 101: the package must not start its own nginx (no systemd in containers, and port 80 may be taken).
policy=/usr/sbin/policy-rc.d
created_policy=""
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null && $sudo chmod +x "$policy" && created_policy=1
fi
trap '[ -n "$created_policy" ] && $sudo rm -f "$policy"' EXIT
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
