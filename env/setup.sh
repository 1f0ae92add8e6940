#!/usr/bin/env bash
# The project's Jupyter environment: JupyterLab, nbconvert and nbclient (env/requirements.txt) in a
# virtual environment .venv in this checkout, with the tslab (TypeScript) kernel registered INTO it
# and pointing at this checkout's node_modules/.bin/tslab. Two checkouts each have their own .venv,
# so neither can overwrite the other's kernel; nothing is written outside this folder.
#
#   env/setup.sh              create .venv, or reuse it when it is complete (about 0.1 s)
#   env/setup.sh --force      rebuild it from scratch
#   PYTHON=python3.12 env/setup.sh    the Python that makes the venv (default: python3)
#
# Run by `npm test` (pretest) and by `csc-factcheck report` when .venv is missing or stale.
# Needs Node's packages first (npm ci) and a Python 3 with the venv module (Debian: python3-venv).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
VENV="$ROOT/.venv"
PYTHON="${PYTHON:-python3}"
TSLAB="$ROOT/node_modules/.bin/tslab"
KERNEL_JSON="$VENV/share/jupyter/kernels/tslab/kernel.json"
STAMP="$VENV/.csc-setup"
say() { echo "env/setup.sh: $*" >&2; }

if [ ! -x "$TSLAB" ]; then
  say "tslab is not installed ($TSLAB): run npm ci first"
  exit 1
fi

# one setup at a time per checkout (test files run in parallel)
exec 9>"$ROOT/.venv.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi

# what a complete environment was made from: the requirements, the checkout's path, tslab's version
want="requirements $( (sha256sum env/requirements.txt 2>/dev/null || shasum -a 256 env/requirements.txt) | cut -d' ' -f1)
root $ROOT
tslab $(node -p 'require("./node_modules/tslab/package.json").version' 2>/dev/null || echo unknown)"

complete() {
  [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] &&
    [ -x "$VENV/bin/python" ] && [ -x "$VENV/bin/jupyter" ] &&
    [ -f "$KERNEL_JSON" ] && grep -qF "\"$TSLAB\"" "$KERNEL_JSON"
}

if [ "${1:-}" != "--force" ] && complete; then
  exit 0
fi

t0=$(date +%s)
if [ "${1:-}" = "--force" ] || [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sys; sys.exit(0 if sys.prefix == sys.argv[1] else 1)' "$VENV" 2>/dev/null; then
  # missing, or made elsewhere (a venv holds absolute paths: a moved checkout needs a new one)
  say "creating .venv with $("$PYTHON" --version 2>&1) ($PYTHON)"
  rm -f "$STAMP"
  if ! "$PYTHON" -m venv --clear "$VENV"; then
    say "could not create a virtual environment with $PYTHON (Debian/Ubuntu: apt-get install python3-venv)"
    exit 1
  fi
else
  say "updating .venv"
  rm -f "$STAMP"
fi

say "installing env/requirements.txt into .venv"
"$VENV/bin/python" -m pip install --disable-pip-version-check --retries 0 -q -r env/requirements.txt

# the kernel, into the venv (sys.prefix), started by this checkout's tslab by its full path
"$TSLAB" install --sys-prefix --python="$VENV/bin/python" --binary="$TSLAB" >/dev/null
if ! grep -qF "\"$TSLAB\"" "$KERNEL_JSON" 2>/dev/null; then
  say "the tslab kernel was not registered in $KERNEL_JSON"
  exit 1
fi

# the venv's Jupyter must find this kernel before any user-level or system-wide "tslab"
found=$(JUPYTER_PREFER_ENV_PATH=1 JUPYTER_PATH= "$VENV/bin/jupyter" kernelspec list --json |
  "$VENV/bin/python" -c 'import json, sys; print(json.load(sys.stdin)["kernelspecs"]["tslab"]["resource_dir"])')
if [ "$found" != "$(dirname "$KERNEL_JSON")" ]; then
  say "the venv's jupyter finds the tslab kernel in $found, not in .venv"
  exit 1
fi

printf '%s' "$want" > "$STAMP"
say "ready in $(($(date +%s) - t0)) s: $("$VENV/bin/jupyter" lab --version 2>/dev/null | sed 's/^/JupyterLab /'), tslab kernel in .venv/share/jupyter/kernels/tslab"
