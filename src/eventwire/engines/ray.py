"""The Ray engine: Ray Data reads story shards, actor pools code them, Parquet comes out by date.

    read_text(*.jsonl) / read_parquet(*.parquet) -> one `record` column (a story as JSON)
      -> map_batches(RayCoder, concurrency=N)   (an actor per worker: the model loads once each)
      -> write_parquet(out, partition_cols=["date"])

Rows have the local engine's layout (`engines.parquet`), so both engines' outputs read back the
same way and `eventwire ingest` imports either. Each record is parsed and coded by the same
functions as the local engine (`story_from_json_line`, `Extractor.extract_many`), hence the
same events for the same input. `ray` is imported only here, and only when the engine runs.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Iterable

from eventwire import settings
from eventwire.engines import parquet
from eventwire.errors import EventwireError, MissingExtraError

INSTALL_HINT = "pip install 'eventwire[ray]'"
JSONL_SUFFIXES = (".jsonl", ".ndjson")
STORY_COLUMNS = ("text", "title", "published", "url", "source", "dateline")
# Reading and writing shards is light; at a whole CPU each they would wait for CPUs that the
# coding actors hold for the whole run (a deadlock when actors == CPUs, as on a 2-core box).
IO_CPUS = 0


def import_ray():
    """The `ray` module, or a MissingExtraError that gives the install command."""
    try:
        import ray
        import ray.data  # noqa: F401  (ray without the [data] extra lacks it)
    except ImportError as exc:
        raise MissingExtraError(f"the Ray engine needs Ray Data ({exc}); install it with "
                                f"`{INSTALL_HINT}`", "ray") from None
    return ray


def run_ray(inputs: Iterable[str], out: str | Path, workers: int | None = None,
            batch_size: int | None = None, address: str | None = None, model: str | None = None,
            init_kwargs: dict | None = None):
    """Code `inputs` (JSONL or Parquet shards, or folders of them) on Ray; write rows to `out`.

    `address` joins an existing cluster ("auto", "ray://head:10001"); without it a local Ray
    starts and is shut down at the end. `init_kwargs` go to `ray.init` (tests: a temp folder).
    """
    from eventwire.engines.local import RunSummary

    ray = import_ray()
    parquet.check_empty_output(out)
    started, own = time.monotonic(), not ray.is_initialized()
    if own:
        ray.init(address=address, include_dashboard=False, log_to_driver=False, **(init_kwargs or {}))
    try:
        for kind, files in _shards(inputs).items():  # one pass per format; usually just one
            if files:
                dataset = code_dataset(read_dataset(ray, kind, files), kind, workers, batch_size, model)
                dataset.write_parquet(str(Path(out).resolve()), partition_cols=["date"],
                                      ray_remote_args={"num_cpus": IO_CPUS})
    finally:
        if own:
            ray.shutdown()
    summary = RunSummary(out=str(out))
    summary.add(parquet.read_rows(out, ["error", "error_code", "n_events", "n_claims"]))
    summary.seconds = time.monotonic() - started
    return summary


def _shards(inputs: Iterable[str]) -> dict[str, list[str]]:
    """Input files by format; folders are searched. Other files are an error, not skipped."""
    found: dict[str, list[str]] = {"jsonl": [], "parquet": []}
    for name in inputs:
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if not file.exists():
                raise EventwireError("no such file or directory", str(file))
            kind = "jsonl" if file.suffix in JSONL_SUFFIXES else "parquet" if file.suffix == ".parquet" else None
            if kind is None and not path.is_dir():
                raise EventwireError("the Ray engine reads JSONL (.jsonl) or Parquet (.parquet) "
                                     "story shards; convert other inputs or use --engine local", str(file))
            if kind:
                found[kind].append(str(file.resolve()))
    if not any(found.values()):
        raise EventwireError("no .jsonl or .parquet story shards found", ", ".join(map(str, inputs)))
    return found


def read_dataset(ray, kind: str, files: list[str]):
    """Shards of one format. JSONL is read as lines, not with `read_json`: a malformed line then
    becomes one skipped story, as in the local engine, and no schema is inferred across shards."""
    if kind == "jsonl":
        return ray.data.read_text(files, include_paths=True, num_cpus=IO_CPUS)
    # Ray 2.60's v2 Parquet source adds a ListFiles task at a whole CPU (not settable): with
    # every CPU held by the actors it never runs. The v1 reader honours num_cpus.
    context = ray.data.DataContext.get_current()
    if hasattr(context, "use_datasource_v2"):
        context.use_datasource_v2 = False
    return ray.data.read_parquet(files, include_paths=True, num_cpus=IO_CPUS)


def code_dataset(dataset, kind: str, workers: int | None, batch_size: int | None, model: str | None):
    import ray.data

    # A fixed-size actor pool: N models in memory, never more, each loaded once.
    pool = ray.data.ActorPoolStrategy(size=workers or settings.get("workers"))
    return dataset.map_batches(RayCoder, fn_constructor_kwargs={"model": model, "kind": kind},
                               batch_size=batch_size or settings.get("batch_size"),
                               batch_format="pyarrow", compute=pool, num_cpus=1)


class RayCoder:
    """One per actor: loads the pipeline once, then codes batches of shard rows into our rows."""

    def __init__(self, model: str | None = None, kind: str = "jsonl"):
        from eventwire.extraction.pipeline import default_extractor

        self.extractor = default_extractor(model)
        self.extractor.warm_up()
        self.kind = kind

    def __call__(self, batch):
        from eventwire.engines.local import _code_chunk_with

        chunk = [_story(record, origin) for record, origin in _records(batch, self.kind)]
        return parquet.rows_to_table(_code_chunk_with(self.extractor, chunk))


def _records(batch, kind: str):
    """(JSON line, origin) per row: a JSONL line as is, a Parquet story row turned into one."""
    origins = batch.column("path").to_pylist()
    if kind == "jsonl":
        return zip(batch.column("text").to_pylist(), origins)
    rows = batch.select([c for c in STORY_COLUMNS if c in batch.column_names]).to_pylist()
    lines = [json.dumps({k: v for k, v in row.items() if v is not None},
                        ensure_ascii=False, default=str) for row in rows]
    return zip(lines, origins)


def _story(record: str, origin: str):
    """Parsed and validated as the local engine's reader does; a bad record becomes an error row."""
    from eventwire.errors import InputError
    from eventwire.ingest.readers import story_from_json_line

    try:
        return story_from_json_line(record.encode("utf-8"), origin)
    except InputError as exc:
        return parquet.error_row(exc)
