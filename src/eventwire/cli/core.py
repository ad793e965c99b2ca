"""Commands over the coder itself: `extract` (code one story) and `codes` (browse the ontology)."""

from __future__ import annotations

import json
from enum import Enum
from typing import Optional

import typer

from eventwire.errors import EventwireError


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def extract_cmd(
    file: str = typer.Argument(..., help="Story file to code, or '-' for standard input."),
    published: Optional[str] = typer.Option(None, help="Publication date, YYYY-MM-DD."),
    title: Optional[str] = typer.Option(None, help="Story title, if not the first line."),
    source: Optional[str] = typer.Option(None, help="Name of the outlet."),
    url: Optional[str] = typer.Option(None, help="Where the story was published."),
    fmt: Format = typer.Option(Format.json, "--format", help="json, jsonl (one record a line) or table."),
) -> None:
    """Code one story: print its events, claims and metadata."""
    from eventwire.cli import fail
    from eventwire.extraction.pipeline import default_extractor
    from eventwire.ingest.text import read_path

    meta = {k: v for k, v in dict(title=title, source=source, url=url).items() if v}
    try:
        story = read_path(file, published=published, **meta)
        report = default_extractor().extract(story)
    except EventwireError as exc:
        fail(exc)
    _print_report(report, fmt)


def _print_report(report, fmt: Format) -> None:
    data = report.to_dict()
    if fmt is Format.json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif fmt is Format.jsonl:
        for kind in ("events", "claims"):
            for record in data[kind]:
                typer.echo(json.dumps({"kind": kind[:-1], "doc": data["doc"]["id"], **record}, ensure_ascii=False))
    else:
        from rich.console import Console

        from eventwire.cli.render import report_tables

        console = Console()
        for table in report_tables(report):
            console.print(table)


def codes_cmd(query: Optional[str] = typer.Argument(None, help="A code prefix (04, 057), a PLOVER type, or words.")) -> None:
    """Browse the CAMEO codes and PLOVER types, with Goldstein values and the crosswalk."""
    from rich.console import Console

    from eventwire.cli import fail
    from eventwire.ontology import render_codes, search_codes

    try:
        results = search_codes(query)
    except EventwireError as exc:
        fail(exc)
    if not results:
        typer.echo(f"no code matches {query!r}", err=True)
        raise typer.Exit(1)
    Console().print(render_codes(results))


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_cmd)
    app.command("codes")(codes_cmd)
