"""Store commands: ingest, recode, events, claims, dyads, story, stats, export.

Each command opens the store, calls one library function, and renders its result; library
errors (a locked or missing database, a bad filter) become one clean line and exit code 2.
"""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from typing import List, Optional

import typer

from eventwire.errors import EventwireError

DB_HELP = "DuckDB event store file (default: $EVENTWIRE_DB, else ~/.local/share/eventwire/eventwire.duckdb)."
DbOption = typer.Option(None, "--db", help=DB_HELP, metavar="PATH")
TABLE_COLUMNS = {
    "events": ["date", "source_code", "cameo", "plover", "target_code", "status", "source_count",
               "evidence"],
    "claims": ["date", "subject_code", "cameo", "plover", "object_code", "status", "denied_by_text",
               "evidence"],
}

HEADERS = {"source_code": "source", "target_code": "target", "subject_code": "subject",
           "object_code": "object", "source_count": "srcs", "plover": "type",
           "denied_by_text": "denied by"}


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"
    plover = "plover"
    gdelt = "gdelt"


def register(app: typer.Typer) -> None:
    for command in (ingest, recode, events, claims, dyads, story, stats, export):
        app.command(command.__name__)(command)


def _open(db: Optional[str], read_only: bool = True, memory_limit: Optional[str] = None):
    from eventwire.store import open_store

    return open_store(db, read_only=read_only, memory_limit=memory_limit)


def _run(db: Optional[str], call, read_only: bool = True, memory_limit: Optional[str] = None):
    """Open the store, call `call(store)`, close it; library errors exit cleanly."""
    from eventwire.cli import fail

    try:
        with _open(db, read_only, memory_limit) as store:
            return call(store)
    except EventwireError as exc:
        fail(exc)


def ingest(
    paths: List[str] = typer.Argument(..., help="Files, directories (recursively), feed URLs, or - for standard input."),
    db: Optional[str] = DbOption,
    batch_size: Optional[int] = typer.Option(None, help="Stories coded and committed per batch (default: the batch_size setting)."),
    as_json: bool = typer.Option(False, "--json", help="Print the end summary as JSON."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    memory_limit: Optional[str] = typer.Option(None, help="DuckDB memory cap while ingesting, e.g. 64MB or 1GB (default: the ingest_memory setting)."),
) -> None:
    """Read, code and store stories; a story already stored is skipped (safe to re-run)."""
    from eventwire import settings
    from eventwire.store import ingest as ingest_lib

    from eventwire.engines.parquet import ingest_reports, is_report_dataset

    def run(store):
        with _progress(quiet) as on_batch:
            if all(is_report_dataset(p) for p in paths):  # `eventwire run` output: already coded
                return ingest_reports(store, paths, batch_size=batch_size, on_batch=on_batch)
            return ingest_lib.ingest(store, paths, coder=ingest_lib.default_coder,
                                     batch_size=batch_size, on_batch=on_batch)

    limit = memory_limit or settings.get("ingest_memory")
    summary = _run(db, run, read_only=False, memory_limit=limit)
    typer.echo(json.dumps(summary.to_dict(), indent=2) if as_json else _summary_text(summary))


def recode(
    db: Optional[str] = DbOption,
    every: bool = typer.Option(False, "--all", help="Re-code every story, not only those coded with other rule or dictionary versions."),
    batch_size: Optional[int] = typer.Option(None, help="Stories coded and committed per batch (default: the batch_size setting)."),
    as_json: bool = typer.Option(False, "--json", help="Print the end summary as JSON."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    memory_limit: Optional[str] = typer.Option(None, help="DuckDB memory cap, e.g. 64MB or 1GB (default: the ingest_memory setting)."),
) -> None:
    """Re-code stored stories with the current rules, replacing their events and claims (safe to stop and re-run)."""
    from eventwire import settings
    from eventwire.store import ingest as ingest_lib
    from eventwire.store import recode as recode_lib

    def run(store):
        versions = None if every else recode_lib.current_versions()
        with _progress(quiet) as on_batch:
            return recode_lib.recode(store, ingest_lib.default_coder, versions, batch_size, on_batch)

    summary = _run(db, run, read_only=False, memory_limit=memory_limit or settings.get("ingest_memory"))
    typer.echo(json.dumps(summary.to_dict(), indent=2) if as_json else _summary_text(summary, "re-coded"))


def events(
    actor: Optional[str] = typer.Option(None, help="Country or actor code on either side (TUR, TURGOV)."),
    dyad: Optional[str] = typer.Option(None, help="Directed dyad SOURCE-TARGET, e.g. TUR-SYR."),
    type: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. CONSULT."),
    cameo: Optional[str] = typer.Option(None, help="CAMEO code prefix, e.g. 04 or 042."),
    status: Optional[str] = typer.Option(None, help="asserted, planned, denied, hypothetical or claimed."),
    since: Optional[str] = typer.Option(None, help="Earliest event date, YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, help="Latest event date, YYYY-MM-DD."),
    limit: int = typer.Option(100, help="At most this many rows."),
    mentions: bool = typer.Option(False, help="One row per report instead of one per event cluster."),
    format: Format = typer.Option(Format.table, "--format", help="Output format."),
    db: Optional[str] = DbOption,
) -> None:
    """Events, newest first: one row per real-world event with its source count."""
    from eventwire.store import queries

    filters = queries.EventFilter(actor, dyad, type, cameo, status, since, until)
    rows = _run(db, lambda s: queries.events(s, filters, mentions=mentions, limit=limit))
    _render(rows, format, TABLE_COLUMNS["events"])


def claims(
    actor: Optional[str] = typer.Option(None, help="Country or actor code of the subject or object."),
    status: Optional[str] = typer.Option(None, help="denied or claimed."),
    since: Optional[str] = typer.Option(None, help="Earliest story date, YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, help="Latest story date, YYYY-MM-DD."),
    limit: int = typer.Option(100, help="At most this many rows."),
    format: Format = typer.Option(Format.table, "--format", help="Output format."),
    db: Optional[str] = DbOption,
) -> None:
    """Claims: what stories report others saying, denied, unconfirmed or hypothetical."""
    from eventwire.store import queries

    rows = _run(db, lambda s: queries.claims(s, actor, status, since, until, limit))
    _render(rows, format, TABLE_COLUMNS["claims"])


def dyads(
    actor: Optional[str] = typer.Option(None, help="Only dyads with this country or actor code."),
    since: Optional[str] = typer.Option(None, help="Earliest event date, YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, help="Latest event date, YYYY-MM-DD."),
    by_month: bool = typer.Option(False, "--by-month", help="One row per dyad and month."),
    limit: int = typer.Option(100, help="At most this many rows."),
    format: Format = typer.Option(Format.table, "--format", help="Output format."),
    db: Optional[str] = DbOption,
) -> None:
    """Event counts per directed dyad, with the cooperation/conflict balance (-1 to +1)."""
    from eventwire.store import queries

    filters = queries.EventFilter(actor=actor, since=since, until=until)
    rows = _run(db, lambda s: queries.dyads(s, filters, by_month=by_month, limit=limit))
    _render(rows, format, None)


def story(
    story_id: str = typer.Argument(..., metavar="ID", help="Story id (or a unique prefix of it)."),
    format: Format = typer.Option(Format.table, "--format", help="table or json."),
    db: Optional[str] = DbOption,
) -> None:
    """One story with its events and claims."""
    from eventwire.store import queries

    record = _run(db, lambda s: queries.story(s, story_id))
    if format is not Format.table:
        typer.echo(json.dumps(record, indent=2, ensure_ascii=False))
        return
    events_, claims_ = record.pop("events"), record.pop("claims")
    text = record.pop("text")
    _render([{"field": k, "value": v} for k, v in record.items()], Format.table, None)
    typer.echo(text)
    _render(events_, Format.table, TABLE_COLUMNS["events"], title="events")
    _render(claims_, Format.table, ["subject_code", "cameo", "object_code", "status", "evidence"], title="claims")


def stats(
    format: Format = typer.Option(Format.table, "--format", help="table or json."),
    db: Optional[str] = DbOption,
) -> None:
    """Counts of stories, wire copies, events (clusters and mentions) and claims."""
    from eventwire.store import queries

    result = _run(db, queries.stats)
    if format is not Format.table:
        typer.echo(json.dumps(result, indent=2))
        return
    _render([{"what": k, "value": v} for k, v in result.items()], Format.table, None)


def export(
    format: ExportFormat = typer.Option(..., "--format", help="csv, parquet, jsonl, plover (PLOVER JSON lines) or gdelt (GDELT 2.0 TSV)."),
    out: Optional[str] = typer.Option(None, "--out", help="Output file (default: standard output; required for parquet)."),
    mentions: bool = typer.Option(False, help="One row per report instead of one per event cluster."),
    actor: Optional[str] = typer.Option(None, help="Only events with this country or actor code."),
    since: Optional[str] = typer.Option(None, help="Earliest event date, YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, help="Latest event date, YYYY-MM-DD."),
    db: Optional[str] = DbOption,
) -> None:
    """Export events; column mappings (GDELT 2.0, PLOVER) are in docs/export.md."""
    from eventwire.store import export as export_lib
    from eventwire.store.queries import EventFilter

    filters = EventFilter(actor=actor, since=since, until=until)
    count = _run(db, lambda s: export_lib.export(s, format.value, out, filters, mentions))
    if out not in (None, "-"):
        typer.echo(f"wrote {count} events to {out}", err=True)


# -- rendering ---------------------------------------------------------------------------------


def _render(rows: list[dict], fmt: Format, columns: Optional[list[str]], title: Optional[str] = None) -> None:
    if fmt is Format.json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt is Format.csv:
        _write_csv(rows)
    else:
        _print_table(rows, columns, title)


def _write_csv(rows: list[dict]) -> None:
    if not rows:
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: json.dumps(v) if isinstance(v, (dict, list)) else v for k, v in row.items()})


def _print_table(rows: list[dict], columns: Optional[list[str]], title: Optional[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not rows:
        console.print(f"no {title or 'rows'}")
        return
    from rich import box

    names = [c for c in (columns or list(rows[0])) if c in rows[0]]
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False)
    for name in names:  # codes never wrap; long free text (evidence, titles) takes what is left
        free = name in ("evidence", "value", "text")
        table.add_column(HEADERS.get(name, name), overflow="fold", no_wrap=not free,
                         ratio=1 if free else None, min_width=16 if free else None)
    for row in rows:
        table.add_row(*("" if row.get(n) is None else str(row.get(n)) for n in names))
    console.print(table)


class _progress:
    """A rich progress line on stderr (stories, stories/s, events); a no-op when quiet."""

    def __init__(self, quiet: bool):
        self.quiet = quiet

    def __enter__(self):
        if self.quiet:
            return None
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.bar = Progress(SpinnerColumn(), TextColumn("{task.completed} stories"),
                            TextColumn("{task.fields[rate]:.1f} stories/s"),
                            TextColumn("{task.fields[events]} events"), TimeElapsedColumn(),
                            console=Console(stderr=True), transient=False)
        self.task = self.bar.add_task("ingest", total=None, rate=0.0, events=0)
        self.bar.start()
        return self.update

    def update(self, summary) -> None:
        self.bar.update(self.task, completed=summary.seen, rate=summary.rate, events=summary.events)

    def __exit__(self, *exc) -> None:
        if not self.quiet:
            self.bar.stop()


def _summary_text(summary, done: str = "ingested") -> str:
    copies = f", {summary.copies} wire copies" if done == "ingested" else ""
    lines = [f"{done} {summary.ingested} stories ({summary.events} events, {summary.claims} claims{copies}) "
             f"at {summary.rate:.1f} stories/s"]
    skipped = sum(summary.skipped.values())
    if skipped:
        reasons = ", ".join(f"{reason}: {n}" for reason, n in summary.skipped.most_common())
        lines.append(f"skipped {skipped} ({reasons})")
        problems = [(o, m) for o, m in summary.details if not m.startswith("same text as stored")]
        lines += [f"  {message}" for _, message in problems[:20]]
        if len(problems) > 20:
            lines.append(f"  ... and {len(problems) - 20} more (use --json for the full list)")
    return "\n".join(lines)
