"""`eventwire run`: code a corpus with the local engine (processes) or on Ray, into Parquet."""

from __future__ import annotations

import json
from enum import Enum
from typing import List, Optional

import typer

from eventwire.errors import EventwireError


class Engine(str, Enum):
    local = "local"
    ray = "ray"


def run_cmd(
    inputs: List[str] = typer.Argument(..., metavar="INPUT...", help="Story files or folders (local: any format the readers know; ray: .jsonl or .parquet shards)."),
    out: str = typer.Option(..., "--out", help="Output folder (new or empty): Parquet partitioned by date (date=YYYY-MM-DD/)."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local (worker processes) or ray (Ray Data; needs `pip install 'eventwire[ray]'`)."),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, help="Worker processes (local) or actors (ray); default: the workers setting."),
    address: Optional[str] = typer.Option(None, "--address", help="Ray cluster to join (auto, ray://HOST:10001); default: start a local Ray."),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", min=1, help="Stories per batch (default: the batch_size setting)."),
    unordered: bool = typer.Option(False, "--unordered", help="Local engine: write batches as they finish, not in input order."),
    as_json: bool = typer.Option(False, "--json", help="Print the end summary as JSON."),
) -> None:
    """Code many stories in parallel and write Parquet that `eventwire ingest` imports."""
    from eventwire.cli import fail
    from eventwire.engines import run

    try:
        summary = run(inputs, out, engine.value, workers, batch_size, address, not unordered)
    except EventwireError as exc:
        fail(exc)
    data = summary.to_dict()
    if as_json:
        typer.echo(json.dumps(data, indent=2))
        return
    typer.echo(f"coded {data['coded']} of {data['stories']} stories ({data['skipped']} skipped) "
               f"-> {data['events']} events, {data['claims']} claims in {data['seconds']} s "
               f"({data['stories_per_s']} stories/s); wrote {out}")


def register(app: typer.Typer) -> None:
    app.command("run")(run_cmd)
