#!/usr/bin/env bash
# GraphiQL's browser files, served from the project's own static files (no public CDN: machines without internet
# and a strict CSP must still load it). The versions are pinned in graphql_api/graphiql/package.json and locked
# with their integrity hashes in its package-lock.json; this script installs exactly that lock (npm ci) and copies
# the built files, their licences and a manifest (package, version, licence, SHA-256 of each file) into
# graphql_api/static/graphql_api/graphiql/. The copies are build output, never committed (git-ignored): `make
# graphiql` runs this when the lock changes, and `make test` and `make run` (when npm is there) run it;
# tests/graphql_api/test_graphiql.py checks them against the manifest and the lock. Production turns GraphiQL off,
# so the Docker image needs none of it.
#
# To update: change the versions in package.json, run `npm install` in graphql_api/graphiql (it rewrites the lock),
# and commit both. Needs Node.js and npm.
set -euo pipefail
cd "$(dirname "$0")/.."

source_dir=graphql_api/graphiql
target_dir=graphql_api/static/graphql_api/graphiql
command -v npm >/dev/null || { echo "npm is required (Debian: apt-get install npm)" >&2; exit 1; }
(cd "$source_dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

rm -rf "$target_dir"
mkdir -p "$target_dir"
# package | file in the package | name served
files=(
  "react|umd/react.production.min.js|react.production.min.js"
  "react-dom|umd/react-dom.production.min.js|react-dom.production.min.js"
  "graphiql|graphiql.min.js|graphiql.min.js"
  "graphiql|graphiql.min.css|graphiql.min.css"
  "@graphiql/plugin-explorer|dist/index.umd.js|plugin-explorer.umd.js"
  "@graphiql/plugin-explorer|dist/style.css|plugin-explorer.css"
)
for entry in "${files[@]}"; do
  IFS='|' read -r package path name <<<"$entry"
  cp "$source_dir/node_modules/$package/$path" "$target_dir/$name"
done
for package in react react-dom graphiql @graphiql/plugin-explorer; do
  licence="$source_dir/node_modules/$package/LICENSE"
  [ -f "$licence" ] && cp "$licence" "$target_dir/LICENSE.${package//\//-}"
done

node - "$source_dir" "$target_dir" "${files[@]}" <<'EOF'
const fs = require("fs");
const crypto = require("crypto");
const [sourceDir, targetDir, ...entries] = process.argv.slice(2);
const files = entries.map((entry) => {
  const [pkg, path, name] = entry.split("|");
  const meta = JSON.parse(fs.readFileSync(`${sourceDir}/node_modules/${pkg}/package.json`, "utf8"));
  const sha256 = crypto.createHash("sha256").update(fs.readFileSync(`${targetDir}/${name}`)).digest("hex");
  return { name, package: pkg, version: meta.version, path, license: meta.license, sha256 };
});
fs.writeFileSync(`${targetDir}/MANIFEST.json`, JSON.stringify({ files }, null, 2) + "\n");
EOF
echo "GraphiQL files copied to $target_dir"
