#!/usr/bin/env bash
# The main job: install, code the sample stories, store them, and serve the web app over them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh web
.venv/bin/eventwire extract samples/02-denial.txt --published 2025-03-05 --format table
rm -f samples.duckdb samples.duckdb.wal
.venv/bin/eventwire ingest samples/wire.jsonl --db samples.duckdb
.venv/bin/eventwire stats --db samples.duckdb
echo "Serving the sample corpus on http://127.0.0.1:8000/ (Ctrl-C to stop)"
exec .venv/bin/eventwire serve --db samples.duckdb
