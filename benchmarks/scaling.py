"""Scaling: 1 vs 2 workers, local engine (processes) and Ray engine (actors), same corpus.

    python benchmarks/scaling.py --stories 1000 [--workers 1,2] [--no-ray]

Per run: wall-clock seconds for the whole run (model loading included) and, for the local
engine, the steady rate (stories/s from the first finished batch to the end, i.e. without
start-up). The speed-up lines compare N workers to 1. The Ray runs start a local Ray with
as many CPUs as workers + 1 (reading and writing need a little CPU besides the actors), in a
temp folder and a temp HOME (Ray writes ~/.ray/auth_token), removed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def local_run(corpus: Path, out: Path, workers: int, batch_size: int) -> dict:
    from eventwire.engines import local, parquet
    from eventwire.ingest.readers import read_inputs

    started, first, seen, first_batch = time.monotonic(), None, 0, 0
    with parquet.RowWriter(out) as writer:
        for rows in local.code_rows(read_inputs([corpus]), workers, batch_size, ordered=False):
            writer.add(rows)
            seen += len(rows)
            if first is None:
                first, first_batch = time.monotonic(), seen
    end = time.monotonic()
    steady = (seen - first_batch * workers) / max(end - first, 1e-9)  # each worker's first batch overlaps
    return {"engine": "local", "workers": workers, "stories": seen, "wall_s": round(end - started, 1),
            "stories_per_s": round(seen / (end - started), 1), "steady_stories_per_s": round(steady, 1)}


def ray_run(corpus: Path, out: Path, workers: int, batch_size: int) -> dict:
    from eventwire.engines.ray import run_ray

    temp = tempfile.mkdtemp(prefix="ew-ray-", dir="/tmp")
    try:
        started = time.monotonic()
        summary = run_ray([str(corpus)], out, workers, batch_size,
                          init_kwargs={"num_cpus": workers + 1, "_temp_dir": temp})
        wall = time.monotonic() - started
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return {"engine": "ray", "workers": workers, "stories": summary.stories, "wall_s": round(wall, 1),
            "stories_per_s": round(summary.stories / wall, 1)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--no-ray", action="store_true", help="local engine only")
    args = parser.parse_args(argv)
    import corpus as generator

    folder = Path(tempfile.mkdtemp(prefix="ew-scaling-"))
    home = tempfile.mkdtemp(prefix="ew-home-", dir="/tmp")
    os.environ["HOME"] = home  # Ray's token file goes here, not into the user's home
    try:
        path = folder / "corpus.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in generator.generate(args.stories, 7)))
        engines = [("local", local_run)] + ([] if args.no_ray else [("ray", ray_run)])
        for name, runner in engines:
            results = {}
            for workers in (int(w) for w in args.workers.split(",")):
                results[workers] = runner(path, folder / f"{name}-{workers}", workers, args.batch_size)
                print(json.dumps(results[workers]), flush=True)
            report_speedups(name, results)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)


def report_speedups(name: str, results: dict) -> None:
    base = results.get(1)
    for workers, result in results.items():
        if base and workers != 1:
            line = f"{name}: {workers} workers = {result['stories_per_s'] / base['stories_per_s']:.2f}x one (wall)"
            if "steady_stories_per_s" in result:
                line += f", {result['steady_stories_per_s'] / base['steady_stories_per_s']:.2f}x (steady)"
            print(line, flush=True)


if __name__ == "__main__":
    main()
