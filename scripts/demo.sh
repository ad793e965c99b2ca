#!/usr/bin/env bash
# The main job: install, then code the sample stories the project ships in samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh web
for story in samples/*.txt; do
  echo "== $story"
  .venv/bin/eventwire extract "$story" --published 2025-03-06 --format table
done
