#!/usr/bin/env bash
# Registers the tslab (TypeScript) kernel with Jupyter and checks that it is there.
# Run from the project root after `npm install`. Uses the python that has jupyter (Debian's
# /usr/bin/python3 by default; set PYTHON to another one, e.g. a venv with JupyterLab).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-/usr/bin/python3}"
if [ ! -x node_modules/.bin/tslab ]; then
  echo "tslab is not installed: run npm install first" >&2
  exit 1
fi
# --binary with a full path, so the kernel starts even when node_modules/.bin is not on PATH
node_modules/.bin/tslab install --python="$PYTHON" --binary="$PWD/node_modules/.bin/tslab" "$@"
"$PYTHON" -m jupyter kernelspec list | grep -E "^\s*tslab\b" >/dev/null || { echo "the tslab kernel is not registered" >&2; exit 1; }
echo "tslab kernel registered for $PYTHON"
