#!/usr/bin/env bash
# Web assets for `newsevents serve`, fetched from the npm registry with npm itself (never a CDN at run time).
#
#  * src/newsevents/server/static/world-land-110m.json — the world outline drawn under the event map:
#    Natural Earth 1:110m land (public domain) from the npm package world-atlas, turned into GeoJSON with
#    topojson-client's own `topo2geo` and rounded to 0.1° (plenty at this scale).  It is COMMITTED, so the
#    page works without this script; pass --refresh to regenerate it.
#  * src/newsevents/server/static/vendor/ (git-ignored) — swagger-ui-dist, so /api/docs works offline.
#    Without it /api/docs shows a short page pointing at /api/openapi.json.
#
# Needs node + npm; without them it says so and exits 0 (the app and its tests still run).
set -euo pipefail
cd "$(dirname "$0")/.."
STATIC=src/newsevents/server/static
VENDOR=$STATIC/vendor
WORLD=$STATIC/world-land-110m.json
REFRESH=0
[ "${1:-}" = "--refresh" ] && REFRESH=1

if ! command -v npm >/dev/null 2>&1; then
  echo "setup-web: npm not found; /api/docs will link to the raw schema only" >&2
  exit 0
fi
if [ "$REFRESH" = 0 ] && [ -f "$VENDOR/swagger-ui-bundle.js" ] && [ -f "$WORLD" ]; then
  exit 0
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if ! (cd "$WORK" && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
  world-atlas@2.0.2 topojson-client@3.1.0 swagger-ui-dist@5 >/dev/null); then
  echo "setup-web: npm install failed; /api/docs will link to the raw schema only" >&2
  exit 0  # the committed world outline is enough for the page and the tests
fi
NM=$WORK/node_modules

mkdir -p "$VENDOR"
printf '*\n' > "$VENDOR/.gitignore"
cp "$NM/swagger-ui-dist/swagger-ui-bundle.js" "$NM/swagger-ui-dist/swagger-ui.css" "$VENDOR/"
cp "$NM/swagger-ui-dist/LICENSE" "$VENDOR/swagger-ui-LICENSE"

if [ "$REFRESH" = 1 ] || [ ! -f "$WORLD" ]; then
  node "$NM/topojson-client/bin/topo2geo" "land=$WORK/land.json" < "$NM/world-atlas/land-110m.json"
  "${PYTHON:-python3}" - "$WORK/land.json" "$WORLD" <<'PY'
import json, sys

def rounded(c):
    return [rounded(x) for x in c] if isinstance(c, list) and c and isinstance(c[0], list) else [round(v, 1) for v in c]

src = json.load(open(sys.argv[1]))
for f in src["features"]:
    f["geometry"]["coordinates"] = rounded(f["geometry"]["coordinates"])
    f["properties"] = {}
src["_source"] = "Natural Earth 1:110m land (public domain) via npm world-atlas@2.0.2, topojson-client topo2geo"
json.dump(src, open(sys.argv[2], "w"), separators=(",", ":"))
PY
fi
echo "setup-web: web assets ready in $STATIC"
