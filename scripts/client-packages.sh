#!/usr/bin/env bash
# The npm packages of the client test suite (tests/clients/: Apollo Client, urql, graphql-codegen), installed from
# its package-lock.json with `npm ci`, and again only when the lock changes. Node.js and npm come from the machine,
# or from Debian through scripts/system-packages.sh.
set -euo pipefail
cd "$(dirname "$0")/../tests/clients"

command -v npm >/dev/null || { echo "npm is missing: run scripts/system-packages.sh" >&2; exit 1; }
# npm ci leaves node_modules/.package-lock.json behind: newer than the lock means installed from this lock.
if [ node_modules/.package-lock.json -nt package-lock.json ]; then
  exit 0
fi
echo "Installing the client suite's npm packages (npm ci)"
npm ci --no-audit --no-fund --loglevel=error
touch node_modules/.package-lock.json
