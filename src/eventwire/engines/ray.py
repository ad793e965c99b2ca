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
        dataset = code_dataset(read_dataset(ray, _shards(inputs)), workers, batch_size, model)
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


def read_dataset(ray, shards: dict[str, list[str]]):
    """One dataset of `record` (a story as a JSON line) and `origin` (its shard)."""
    parts = []
    if shards["jsonl"]:
        # Lines, not `read_json`: a malformed line then becomes one skipped story, as in the
        # local engine, instead of failing the shard; and no schema is inferred across shards.
        lines = ray.data.read_text(shards["jsonl"], include_paths=True, num_cpus=IO_CPUS)
        parts.append(lines.rename_columns({"text": "record", "path": "origin"}))
    if shards["parquet"]:
        table = ray.data.read_parquet(shards["parquet"], include_paths=True, num_cpus=IO_CPUS)
        parts.append(table.map_batches(_records_from_columns, batch_format="pyarrow"))
    return parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]


def _records_from_columns(batch):
    """Parquet story rows -> the same JSON record a JSONL line would hold."""
    import pyarrow as pa

    rows = batch.to_pylist()
    records = [json.dumps({k: row.get(k) for k in STORY_COLUMNS if row.get(k) is not None},
                          ensure_ascii=False) for row in rows]
    return pa.table({"record": records, "origin": [row.get("path") for row in rows]})


def code_dataset(dataset, workers: int | None, batch_size: int | None, model: str | None):
    # concurrency=N fixes the actor pool's size: N models in memory, never more.
    return dataset.map_batches(RayCoder, fn_constructor_kwargs={"model": model},
                               batch_size=batch_size or settings.get("batch_size"),
                               batch_format="pyarrow", concurrency=workers or settings.get("workers"),
                               num_cpus=1)


class RayCoder:
    """One per actor: loads the pipeline once, then codes batches of records into rows."""

    def __init__(self, model: str | None = None):
        from eventwire.extraction.pipeline import default_extractor

        self.extractor = default_extractor(model)

    def __call__(self, batch):
        from eventwire.engines.local import _code_chunk_with
        from eventwire.errors import InputError
        from eventwire.ingest.readers import story_from_json_line

        chunk = []
        for record, origin in zip(batch.column("record").to_pylist(), batch.column("origin").to_pylist()):
            try:
                chunk.append(story_from_json_line(record.encode("utf-8"), origin))
            except InputError as exc:
                chunk.append(parquet.error_row(exc))
        return parquet.rows_to_table(_code_chunk_with(self.extractor, chunk))
