#!/usr/bin/env bash
# Web assets for `newsevents serve`, installed with npm itself from the registry at the exact versions locked
# in scripts/web/package-lock.json (`npm ci`, integrity-checked; never a CDN at run time).
#
#  * src/newsevents/server/static/vendor/ (git-ignored) — the page's libraries, copied from their dist/:
#      d3 (timeline: time scale, zoom, brush), cytoscape (actor network), leaflet + leaflet.markercluster
#      (clustered map of event places), swagger-ui-dist (/api/docs).  Without them the page still loads:
#      tables work and each chart says to run this script; /api/docs links to the raw schema.
#  * src/newsevents/server/static/world-land-110m.json — the world outline drawn under the event map:
#    Natural Earth 1:110m land (public domain) from the npm package world-atlas, turned into GeoJSON with
#    topojson-client's own `topo2geo` and rounded to 0.1° (plenty at this scale).  It is COMMITTED, so the
#    map works without this script; pass --refresh to regenerate it.
#
# Needs node + npm; without them it says so and exits 0 (the app and its tests still run).
set -euo pipefail
cd "$(dirname "$0")/.."
STATIC=src/newsevents/server/static
VENDOR=$STATIC/vendor
WORLD=$STATIC/world-land-110m.json
LOCK=scripts/web/package-lock.json
REFRESH=0
[ "${1:-}" = "--refresh" ] && REFRESH=1

if ! command -v npm >/dev/null 2>&1; then
  echo "setup-web: npm not found; the page's charts and /api/docs need scripts/setup-web.sh" >&2
  exit 0
fi
# Up to date when the vendored copy was made from this very lock file.
if [ "$REFRESH" = 0 ] && [ -f "$WORLD" ] && cmp -s "$LOCK" "$VENDOR/package-lock.json" 2>/dev/null; then
  exit 0
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp scripts/web/package.json "$LOCK" "$WORK/"
# --ignore-scripts: nothing here needs an install script (swagger-ui-dist's only one is analytics).
if ! (cd "$WORK" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null); then
  echo "setup-web: npm ci failed; the page's charts and /api/docs need scripts/setup-web.sh" >&2
  exit 0  # the page loads without vendor/ (tables only) and the committed world outline is enough
fi
NM=$WORK/node_modules

rm -rf "$VENDOR"
mkdir -p "$VENDOR"
printf '*\n' > "$VENDOR/.gitignore"
copy() {  # copy <package> <licence file> <files...>: dist files plus the package's licence
  local pkg=$1 licence=$2
  shift 2
  for f in "$@"; do cp "$NM/$pkg/$f" "$VENDOR/"; done
  cp "$NM/$pkg/$licence" "$VENDOR/$pkg-LICENSE"
}
copy swagger-ui-dist LICENSE swagger-ui-bundle.js swagger-ui.css
copy d3 LICENSE dist/d3.min.js
copy cytoscape LICENSE dist/cytoscape.min.js
copy leaflet LICENSE dist/leaflet.js dist/leaflet.css
copy leaflet.markercluster MIT-LICENCE.txt dist/leaflet.markercluster.js dist/MarkerCluster.css \
  dist/MarkerCluster.Default.css
cp "$LOCK" "$VENDOR/package-lock.json"  # what the copy was made from (checked above)

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
