"""Engines that code a corpus at scale and write Parquet partitioned by date.

    run(inputs, out, engine="local", workers=2)      processes on this machine
    run(inputs, out, engine="ray", address="auto")   Ray Data on a local Ray or a cluster

Both write the row layout of `engines.parquet`; `engines.parquet.read_reports(out)` reads it
back, and `eventwire ingest` imports it. Ray is an optional extra, imported only when used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from eventwire.errors import SettingError

ENGINES = ("local", "ray")
__all__ = ["ENGINES", "run"]


def run(inputs: Iterable[str], out: str | Path, engine: str = "local", workers: int | None = None,
        batch_size: int | None = None, address: str | None = None, ordered: bool = True,
        model: str | None = None):
    """Code every story in `inputs` with the chosen engine; returns a `RunSummary`."""
    if engine == "local":
        if address:
            raise SettingError("--address is for the Ray engine; add --engine ray")
        from eventwire.engines.local import run_local

        return run_local(inputs, out, workers, batch_size, ordered, model)
    if engine == "ray":
        from eventwire.engines.ray import run_ray

        return run_ray(inputs, out, workers, batch_size, address, model)
    raise SettingError(f"no engine named {engine!r}; known: {', '.join(ENGINES)}")
