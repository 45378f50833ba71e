#!/usr/bin/env bash
# Debian packages the test suite needs: Chromium for the browser tests (Playwright drives Debian's build; it cannot
# download its own), gettext for compilemessages (the release step), and Node.js with npm for the client suite
# (tests/clients/) when the machine has no Node.js of its own (the suite's packages need Node.js 20 or later).
# Installs only what is missing; needs root or sudo on a fresh machine.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v msgfmt >/dev/null || need+=(gettext)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
for pkg in "$@"; do
  case "$pkg" in
    postgresql) [ -x /usr/lib/postgresql/15/bin/pg_ctl ] || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql) ;;
    *) dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg") ;;
  esac
done
[ ${#need[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Missing Debian packages: ${need[*]} (run as root or install sudo)" >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing Debian packages: ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
