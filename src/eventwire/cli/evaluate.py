"""`eventwire eval GOLD`: score the coder against a gold file (a thin command over eventwire.evaluation)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from eventwire.errors import EventwireError


def eval_command(
    gold: Path = typer.Argument(..., help="A story gold (.json) or a sentence set (.jsonl)."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N sentences."),
    show_errors: bool = typer.Option(False, "--show-errors", help="List every miss and false positive."),
) -> None:
    """Score the event coder against a gold file; exits 0 whenever scoring ran, whatever the scores."""
    from eventwire.cli import fail
    from eventwire.evaluation import evaluate_file, render

    try:
        result = evaluate_file(gold, limit=limit)
    except EventwireError as exc:
        fail(exc)
        return
    if as_json:
        data = result.to_dict()
        if not show_errors:
            data.pop("failures", None)  # per-sentence detail is long; ask for it explicitly
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        typer.echo(render(result, show_errors=show_errors), nl=False)


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
