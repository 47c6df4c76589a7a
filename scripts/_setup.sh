# Sourced by scripts/demo and scripts/test: a virtualenv in .venv with the
# project installed. Safe to run again; it only installs what is missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
  echo "[setup] creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)-${1:-base}"
if [ ! -f "$stamp" ]; then
  echo "[setup] installing triagedesk${1:+ with [$1]} into .venv"
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip 2> >(grep -v "is ignored" >&2) || true
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".${1:+[$1]}" 2> >(grep -v "is ignored" >&2)
  touch "$stamp"
fi
export PATH="$ROOT/.venv/bin:$PATH"
