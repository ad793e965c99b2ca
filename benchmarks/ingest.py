"""Ingest throughput and memory: N generated stories into a fresh store.

    PYTHONPATH=src python benchmarks/ingest.py 20000 [--coder template|model] [--batch-size 64]

`--coder template` (default) codes with the corpus's own regular expressions, so the figures
measure reading, fingerprinting, wire-copy detection, clustering and DuckDB writes; `--coder model`
uses eventwire.extract_stories (spaCy). Prints stories/s and peak RSS at ten checkpoints.
"""

from __future__ import annotations

import argparse
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
from eventwire.store.ingest import default_coder, ingest_items  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--coder", choices=["template", "model"], default="template")
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--db", help="store file (default: a temporary file)")
    args = parser.parse_args(argv)
    coder = corpus.template_coder if args.coder == "template" else default_coder
    step = max(args.n // 10, 1)
    marks = {"next": step, "t0": time.perf_counter()}

    def checkpoint(summary) -> None:
        if summary.seen >= marks["next"]:
            marks["next"] += step
            rate = summary.seen / (time.perf_counter() - marks["t0"])
            print(f"{summary.seen:>9,} stories  {rate:8.1f} stories/s  peak RSS {peak_rss_mb():7.1f} MB")

    stories = (Story.from_dict(r) for r in corpus.generate(args.n, args.seed))
    with tempfile.TemporaryDirectory() as tmp, open_store(args.db or Path(tmp) / "ingest.duckdb") as store:
        summary = ingest_items(store, stories, coder, args.batch_size, on_batch=checkpoint)
        elapsed = time.perf_counter() - marks["t0"]
        print(f"done: {summary.ingested:,} stories, {summary.events:,} event mentions, "
              f"{store.value('SELECT count(*) FROM clusters'):,} events, {summary.copies:,} wire copies "
              f"in {elapsed:.1f} s = {summary.ingested / elapsed:.1f} stories/s; peak RSS {peak_rss_mb():.1f} MB")


if __name__ == "__main__":
    main()
