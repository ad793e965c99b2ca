"""The command line: thin commands over the library, one module per family of commands.

Each module has `register(app)`; library errors become a clean message and exit code 2.
"""

from __future__ import annotations

import sys

import typer

from eventwire.errors import EventwireError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="eventwire: news stories in, coded and attributed political events out.")


def _register_all() -> None:
    import importlib

    for name in ("core", "evaluate", "store", "web", "run"):
        try:
            module = importlib.import_module(f"eventwire.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"eventwire.cli.{name}":
                raise
            continue
        module.register(app)


def fail(exc: BaseException) -> None:
    """Print a library error as one clean line on stderr and exit non-zero."""
    typer.echo(f"eventwire: {exc}", err=True)
    raise typer.Exit(2)


def main(argv: list[str] | None = None) -> None:
    _register_all()
    try:
        app(args=argv, prog_name="eventwire", standalone_mode=True)
    except EventwireError as exc:  # commands normally catch these; this is the last net
        typer.echo(f"eventwire: {exc}", err=True)
        sys.exit(2)
