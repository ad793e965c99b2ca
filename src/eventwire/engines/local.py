"""The local engine: a streaming reader, batches, and N worker processes, in flat memory.

    stories (streamed) -> batches of `batch_size` -> workers (model loaded once each) -> rows

At most `2 * workers` batches are in flight, so memory does not grow with the corpus (a plain
`Pool.imap` would read the whole input ahead into its task queue). With one worker the batches
are coded in this process: no pickling, no second model. A bad story becomes an error row,
never a crash; a batch that crashes the extractor is retried story by story to find it.
"""

from __future__ import annotations

import collections
import itertools
import os
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from eventwire import settings
from eventwire.engines import parquet
from eventwire.errors import InputError
from eventwire.schema import Story

# Each worker is one process on one core: BLAS/OpenMP threads would only fight over the cores.
_ONE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")
_WORKER_EXTRACTOR = None  # set in each worker process by `_load`
# Workers live for the whole run: the extractor codes each batch in a spaCy memory zone, so
# their vocabulary does not grow (BENCHMARKS.md: flat RSS to 100k stories). Recycling them
# (`max_tasks_per_child`) is not needed, and it can hang the pool on Python 3.11 to 3.13
# (CPython gh-115634: a worker that retires is sometimes not replaced).


@dataclass
class RunSummary:
    stories: int = 0
    coded: int = 0
    events: int = 0
    claims: int = 0
    skipped: collections.Counter = field(default_factory=collections.Counter)  # code -> count
    seconds: float = 0.0
    out: str | None = None

    def add(self, rows: list[dict]) -> None:
        for row in rows:
            self.stories += 1
            if row["error"] is None:
                self.coded += 1
                self.events += row["n_events"]
                self.claims += row["n_claims"]
            else:
                self.skipped[row["error_code"]] += 1

    def to_dict(self) -> dict:
        rate = self.stories / self.seconds if self.seconds else 0.0
        return {"stories": self.stories, "coded": self.coded, "skipped": sum(self.skipped.values()),
                "skipped_by_code": dict(self.skipped), "events": self.events, "claims": self.claims,
                "seconds": round(self.seconds, 2), "stories_per_s": round(rate, 1), "out": self.out}


def run_local(inputs: Iterable[str], out: str | Path, workers: int | None = None,
              batch_size: int | None = None, ordered: bool = True, model: str | None = None,
              start_method: str = "spawn") -> RunSummary:
    """Code every story under `inputs` and write the rows to `out` (Parquet, by date)."""
    from eventwire.ingest.readers import read_inputs

    parquet.check_empty_output(out)
    summary, started = RunSummary(out=str(out)), time.monotonic()
    with parquet.RowWriter(out) as writer:
        for rows in code_rows(read_inputs(inputs), workers, batch_size, ordered, model, start_method):
            summary.add(rows)
            writer.add(rows)
    summary.seconds = time.monotonic() - started
    return summary


def code_stories(items: Iterable, workers: int | None = None, batch_size: int | None = None,
                 ordered: bool = True, model: str | None = None,
                 start_method: str = "spawn") -> Iterator:
    """A Report or InputError per item (Story or InputError), like `Extractor.extract_many`."""
    for rows in code_rows(items, workers, batch_size, ordered, model, start_method):
        yield from parquet.rows_to_reports(rows)


def code_rows(items: Iterable, workers: int | None = None, batch_size: int | None = None,
              ordered: bool = True, model: str | None = None,
              start_method: str = "spawn") -> Iterator[list[dict]]:
    """Rows per batch of items. `ordered=False` yields batches as they finish (no waiting)."""
    workers = workers or settings.get("workers")
    chunks = _chunks(items, batch_size or settings.get("batch_size"))
    if workers <= 1:
        from eventwire.extraction.pipeline import default_extractor

        extractor = default_extractor(model)
        if not extractor.warmed:
            extractor.warm_up()
        return (_code_chunk_with(extractor, chunk) for chunk in chunks)
    return _pooled(chunks, workers, ordered, model, start_method)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    """Batches of stories; errors from the reader become rows here (exceptions pickle badly)."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield [item if isinstance(item, Story) else parquet.error_row(item) for item in chunk]


def _pooled(chunks: Iterator[list], workers: int, ordered: bool, model: str | None,
            start_method: str) -> Iterator[list[dict]]:
    import multiprocessing

    one_thread_per_worker()
    context = multiprocessing.get_context(start_method)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_load, initargs=(model,)) as pool:
        pending: collections.deque = collections.deque()
        for chunk in chunks:
            if len(pending) >= 2 * workers:  # the bound that keeps memory flat
                yield from _done(pending, ordered)
            pending.append(pool.submit(_code_chunk, chunk))
        while pending:
            yield from _done(pending, ordered)


def one_thread_per_worker() -> None:
    """Set the thread variables that workers spawned from now on inherit (before numpy loads)."""
    for name in _ONE_THREAD:
        os.environ.setdefault(name, "1")


def _done(pending: collections.deque, ordered: bool) -> Iterator[list[dict]]:
    """Wait for the oldest batch (ordered) or any batch (unordered); yield what finished."""
    if ordered:
        yield pending.popleft().result()
        return
    finished, _ = wait(pending, return_when=FIRST_COMPLETED)
    for future in finished:
        pending.remove(future)
        yield future.result()


def _load(model: str | None) -> None:
    """Worker initializer: load the pipeline once per process, not once per batch, and warm it
    up (all workers at once, before their first batch, rather than inside it)."""
    global _WORKER_EXTRACTOR
    from eventwire.extraction.pipeline import default_extractor

    _WORKER_EXTRACTOR = default_extractor(model)
    _WORKER_EXTRACTOR.warm_up()


def _code_chunk(chunk: list) -> list[dict]:
    return _code_chunk_with(_WORKER_EXTRACTOR, chunk)


def _code_chunk_with(extractor, chunk: list) -> list[dict]:
    """Rows for a batch in input order; error rows from the reader pass through untouched."""
    stories = [item for item in chunk if isinstance(item, Story)]
    coded = iter(_extract(extractor, stories))
    return [next(coded) if isinstance(item, Story) else item for item in chunk]


def _extract(extractor, stories: list[Story]) -> list[dict]:
    if not stories:
        return []
    try:
        results = list(extractor.extract_many(stories, batch_size=len(stories)))
    except Exception:  # a story that breaks the extractor must not sink its whole batch
        return [row for story in stories for row in _extract_one(extractor, story)]
    return parquet.reports_to_rows(results, stories)


def _extract_one(extractor, story: Story) -> list[dict]:
    try:
        return parquet.reports_to_rows(extractor.extract_many([story], batch_size=1), [story])
    except Exception as exc:
        error = InputError(f"the extractor failed on this story ({type(exc).__name__}: {exc})",
                           story.origin)
        return [parquet.error_row(error, story)]
