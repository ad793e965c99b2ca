"""Scaling: 1 vs 2 workers, local engine (processes) and Ray engine (actors), same corpus.

    python benchmarks/scaling.py --stories 1000 [--workers 1,2] [--no-ray] [--ceiling]

Per run: wall-clock seconds for the whole run (model loading included) and, for the local
engine, the steady rate (stories/s once every worker has finished a batch and until the last
`workers` batches, i.e. without start-up and without the tail where some workers idle) and
the CPU seconds the run's own process spent (reading, writing; with workers, also handing
batches over). Small corpora say little about workers: at --stories 800 a run is 13 batches,
and start-up (spawn, model, warm-up: ~6 s) is most of the wall time. The speed-up lines compare N workers to 1. The Ray runs start a
local Ray with as many CPUs as workers + 1 (reading and writing need a little CPU besides the
actors), in a temp folder and a temp HOME (Ray writes ~/.ray/auth_token), removed at the end.

`--ceiling` first measures what the machine itself gives: bare `nlp.pipe` over the corpus in
one process, then in N processes at once (each the same work, started together): the best
N-worker speed-up any engine can reach here (shared caches, memory bandwidth, turbo clocks).
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

    cpu = time.process_time()
    started, finished = time.monotonic(), []  # (time, stories) per batch, as batches finish
    with parquet.RowWriter(out) as writer:
        for rows in local.code_rows(read_inputs([corpus]), workers, batch_size, ordered=False):
            writer.add(rows)
            finished.append((time.monotonic(), len(rows)))
    end, seen = time.monotonic(), sum(n for _, n in finished)
    return {"engine": "local", "workers": workers, "stories": seen, "wall_s": round(end - started, 1),
            "stories_per_s": round(seen / (end - started), 1),
            "steady_stories_per_s": round(steady_rate(finished, workers), 1),
            "own_cpu_s": round(time.process_time() - cpu, 1)}


def steady_rate(finished: list[tuple[float, int]], workers: int) -> float:
    """Stories/s between the first `workers` batches and the last `workers`: without start-up
    (spawning, loading, warming up) and without the tail where some workers already idle."""
    middle = finished[workers:len(finished) - workers]
    if not middle:
        return 0.0
    return sum(n for _, n in middle) / max(middle[-1][0] - finished[workers - 1][0], 1e-9)


def ceiling(corpus: Path, processes: int, batch_size: int) -> dict:
    """Bare `nlp.pipe` in `processes` processes at once, each over the whole corpus."""
    import multiprocessing

    from eventwire.engines.local import one_thread_per_worker

    one_thread_per_worker()
    context = multiprocessing.get_context("spawn")
    ready, results = context.Barrier(processes), context.Queue()
    procs = [context.Process(target=_bare_pipe, args=(str(corpus), batch_size, ready, results))
             for _ in range(processes)]
    for proc in procs:
        proc.start()
    timings = [results.get() for _ in procs]
    for proc in procs:
        proc.join()
    stories = sum(n for n, _ in timings)
    return {"engine": "bare nlp.pipe", "processes": processes, "stories": stories,
            "stories_per_s": round(stories / max(s for _, s in timings), 1)}


def _bare_pipe(corpus: str, batch_size: int, ready, results) -> None:
    """One process of `ceiling`: load, wait for the others, then time the parse alone."""
    from throughput import batches, block_texts

    from eventwire.ingest.readers import read_inputs
    from eventwire.nlp import load_pipeline

    nlp = load_pipeline()
    stories = list(read_inputs([corpus]))
    texts = [block_texts(batch) for batch in batches(stories, batch_size)]
    list(nlp.pipe(texts[0]))  # warm up
    ready.wait()
    started = time.perf_counter()
    for part in texts:
        for _ in nlp.pipe(part, batch_size=max(16, len(part))):
            pass
    results.put((len(stories), time.perf_counter() - started))


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
    parser.add_argument("--ceiling", action="store_true", help="first: bare nlp.pipe, 1 vs N processes")
    args = parser.parse_args(argv)
    import corpus as generator

    folder = Path(tempfile.mkdtemp(prefix="ew-scaling-"))
    home = tempfile.mkdtemp(prefix="ew-home-", dir="/tmp")
    os.environ["HOME"] = home  # Ray's token file goes here, not into the user's home
    try:
        path = folder / "corpus.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in generator.generate(args.stories, 7)))
        if args.ceiling:
            report_ceiling(path, [int(w) for w in args.workers.split(",")], args.batch_size)
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


def report_ceiling(corpus: Path, counts: list[int], batch_size: int) -> None:
    results = {n: ceiling(corpus, n, batch_size) for n in counts}
    for result in results.values():
        print(json.dumps(result), flush=True)
    for n, result in results.items():
        if n != 1 and 1 in results:
            ratio = result["stories_per_s"] / results[1]["stories_per_s"]
            print(f"machine ceiling: {n} processes = {ratio:.2f}x one (bare nlp.pipe)", flush=True)


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
