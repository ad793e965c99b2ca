#!/usr/bin/env bash
# Creates .venv in the repository root and installs eventwire with the given extras.
# Usage: bash scripts/setup.sh [EXTRAS]   e.g. bash scripts/setup.sh test,web
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-web}"
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[${extras}]"
