"""Memory: peak RSS of `eventwire run` (local engine) as the corpus grows.

    python benchmarks/memory.py --sizes 1000,10000,100000 [--workers 1]

Each size runs in a fresh process (a peak is only meaningful per process): the corpus is
written to a JSONL file first (not measured), then the engine streams it into Parquet. The
figure is the peak RSS of the run's own process and, with --workers > 1, the largest worker
(all workers are alike). Flat memory means the peak at 100k is about the peak at 1k. Also
printed: the RSS once warm (`rss_warm_mb`: the first batch coded and written, so the model,
GeoNames cities, dateparser and pyarrow are loaded) and then sampled every ~1,000 stories, to
show it does not creep up. The peak includes the warm-up: it is the process's whole life.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def measure(corpus: str, out: str, workers: int, batch_size: int) -> dict:
    """Runs inside the child process: the engine, with RSS samples along the way."""
    from eventwire.engines import local, parquet
    from eventwire.ingest.readers import read_inputs

    warm_up(corpus, workers, batch_size)
    warm = round(rss_mb())
    samples, seen, started = [], 0, time.monotonic()
    with parquet.RowWriter(out) as writer:
        for rows in local.code_rows(read_inputs([corpus]), workers, batch_size):
            writer.add(rows)
            seen += len(rows)
            if seen // 1000 > len(samples):
                samples.append(round(rss_mb()))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"stories": seen, "seconds": round(time.monotonic() - started, 1),
            "rss_warm_mb": warm, "peak_rss_mb": round(own), "worker_peak_rss_mb": round(workers_peak) if workers > 1 else None,
            "rss_samples_mb": samples}


def warm_up(corpus: str, workers: int, batch_size: int) -> None:
    """Load what a run loads on first use, so that the samples show the steady state.

    With one worker the first batch is coded here (the model, cities and dates load in this
    process) and written; with more, the workers load their own and this process only writes.
    """
    import itertools

    from eventwire.engines import local, parquet
    from eventwire.ingest.readers import read_inputs

    first = list(itertools.islice(read_inputs([corpus]), batch_size))
    rows = [row for rows in local.code_rows(first, 1, batch_size) for row in rows] if workers == 1 else [
        parquet.error_row(ValueError("warm-up"))]
    with tempfile.TemporaryDirectory() as folder:
        parquet.write_rows(rows, folder)


def run_size(n: int, workers: int, batch_size: int, folder: Path) -> dict:
    corpus = folder / f"corpus-{n}.jsonl"
    subprocess.run([sys.executable, str(HERE / "corpus.py"), str(n), "--out", str(corpus), "--seed", "7"],
                   check=True)
    out = folder / f"out-{n}"
    code = (f"import json, sys; sys.path.insert(0, {str(HERE)!r}); import memory; "
            f"print(json.dumps(memory.measure({str(corpus)!r}, {str(out)!r}, {workers}, {batch_size})))")
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    shutil.rmtree(out, ignore_errors=True)
    corpus.unlink()
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated story counts")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="ew-memory-"))
    try:
        for n in (int(s) for s in args.sizes.split(",")):
            result = run_size(n, args.workers, args.batch_size, folder)
            samples = result.pop("rss_samples_mb")
            print(json.dumps(result), flush=True)
            if samples:
                step = max(1, len(samples) // 10)
                print(f"  RSS every {1000 * step} stories (MB): {samples[::step]}", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"cpus={os.cpu_count()}")


if __name__ == "__main__":
    main()
