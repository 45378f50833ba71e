#!/usr/bin/env bash
# Debian packages the project and its test suite need: Chromium for the browser tests (Playwright drives Debian's
# build; it cannot download its own), GNU gettext, whose xgettext the catalogue test extracts strings with (running
# the project does not need it: cms/catalogues.py compiles with polib), Node.js with npm for the client suite
# (tests/clients/) when the machine has no Node.js of its own (the suite's packages need Node.js 20 or later); for
# print, WeasyPrint's libraries (Pango, HarfBuzz's subsetter) and the Noto fonts (Latin, Cyrillic, Arabic; CJK for
# Chinese), nothing downloaded at run time, and poppler-utils for the print tests (pdftotext, pdffonts, pdftoppm);
# redis-server (the cache tests start their own Redis on a free port).
# Installs only what is missing; needs root or sudo on a fresh machine.
# Packages never start their own service here (policy-rc.d 101): tests and `make load` start Redis and
# PostgreSQL themselves, on loopback and ports of their own.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v xgettext >/dev/null || need+=(gettext)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
for pkg in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core fonts-noto-cjk poppler-utils; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
[ -x /usr/bin/redis-server ] || need+=(redis-server)  # the cache and insights tests start their own
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
policy=/usr/sbin/policy-rc.d
created_policy=""
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null && $sudo chmod +x "$policy" && created_policy=1
fi
trap '[ -n "$created_policy" ] && $sudo rm -f "$policy"' EXIT
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
