"""Ingest throughput and memory: N generated stories into a fresh store.

    PYTHONPATH=src python benchmarks/ingest.py 100000 [--coder template|model] [--batch-size 256]
        [--every 10000] [--memory-limit 64MB] [--db FILE]

`--coder template` (default) codes with the corpus's own regular expressions, so the figures
measure reading, fingerprinting, wire-copy detection, clustering and DuckDB writes; `--coder model`
uses eventwire.extract_stories (spaCy). Every `--every` stories it prints one line:

    stories, rate since the start, rate over the last interval, peak RSS, RSS now,
    DuckDB's buffer-managed memory now, and RSS less that (what Python and the rest hold)

so a flat ingest shows as a flat interval rate and a flat "RSS - DuckDB" column. See INGEST.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE)]

import corpus  # noqa: E402
from eventwire.schema import Story  # noqa: E402
from eventwire.store import open_store  # noqa: E402
from eventwire import settings  # noqa: E402
from eventwire.store.ingest import default_coder, ingest_items  # noqa: E402

MB = 1024 * 1024
HEADER = (f"{'stories':>9}  {'total/s':>8}  {'interval/s':>10}  {'peak RSS':>9}  {'RSS now':>8}  "
          f"{'DuckDB':>7}  {'RSS-DuckDB':>10}   (MB)")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MB


def duckdb_mb(store) -> float:
    """Memory DuckDB's buffer manager holds now (cached blocks, indexes, hash tables)."""
    return (store.value("SELECT sum(memory_usage_bytes) FROM duckdb_memory()") or 0) / MB


class Checkpoints:
    """Prints a line each time another `every` stories have been read."""

    def __init__(self, store, every: int):
        self.store, self.every, self.next = store, every, every
        self.t0 = self.t_last = time.perf_counter()
        self.last_seen = 0

    def __call__(self, summary) -> None:
        if summary.seen < self.next:
            return
        self.next = (summary.seen // self.every + 1) * self.every
        now = time.perf_counter()
        rate, interval = summary.seen / (now - self.t0), (summary.seen - self.last_seen) / (now - self.t_last)
        self.t_last, self.last_seen = now, summary.seen
        rss, cache = rss_mb(), duckdb_mb(self.store)
        print(f"{summary.seen:>9,}  {rate:8.1f}  {interval:10.1f}  {peak_rss_mb():9.1f}  {rss:8.1f}  "
              f"{cache:7.1f}  {rss - cache:10.1f}", flush=True)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--coder", choices=["template", "model"], default="template")
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--every", type=int, help="stories between checkpoints (default: 10000, "
                        "or n/10 when smaller)")
    parser.add_argument("--memory-limit", default=settings.get("ingest_memory"),
                        help="DuckDB memory_limit (default: the ingest_memory setting, %(default)s)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--db", help="store file (default: a temporary file)")
    args = parser.parse_args(argv)
    coder = corpus.template_coder if args.coder == "template" else default_coder
    every = args.every or max(min(10_000, args.n // 10), 1)

    stories = (Story.from_dict(r) for r in corpus.generate(args.n, args.seed))
    with tempfile.TemporaryDirectory() as tmp, \
            open_store(args.db or Path(tmp) / "ingest.duckdb", memory_limit=args.memory_limit) as store:
        print(f"# {args.n:,} stories, coder {args.coder}, batch {args.batch_size}, "
              f"DuckDB memory_limit {args.memory_limit}\n{HEADER}", flush=True)
        checkpoints = Checkpoints(store, every)
        summary = ingest_items(store, stories, coder, args.batch_size, on_batch=checkpoints)
        elapsed = time.perf_counter() - checkpoints.t0
        print(f"done: {summary.ingested:,} stories, {summary.events:,} event mentions, "
              f"{store.value('SELECT count(*) FROM clusters'):,} events, {summary.copies:,} wire copies "
              f"in {elapsed:.1f} s = {summary.ingested / elapsed:.1f} stories/s; peak RSS {peak_rss_mb():.1f} MB")


if __name__ == "__main__":
    main()
