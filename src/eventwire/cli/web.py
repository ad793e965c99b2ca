"""`eventwire serve`: the analyst web app and REST API over the event store.

FastAPI and uvicorn are the `web` extra: they are imported only when the command runs, so the
rest of the CLI works without them, and a missing one fails with the exact install command.
"""

from __future__ import annotations

import ipaddress
from typing import Optional

import typer

from eventwire.cli.store import DbOption

INSTALL = "pip install 'eventwire[web]'"


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    db: Optional[str] = DbOption,
    host: str = typer.Option("127.0.0.1", help="Address to bind; the default serves this machine only."),
    port: int = typer.Option(8000, help="TCP port."),
) -> None:
    """Serve the web app and JSON API (read-only; POST /api/stories needs EVENTWIRE_TOKEN)."""
    from eventwire.cli import fail
    from eventwire.errors import EventwireError, StoreLockedError

    uvicorn = _web_extra(fail)
    from eventwire.store import open_store
    from eventwire.web import create_app

    try:
        open_store(db, read_only=True).close()  # a missing store is one clean line, now
    except StoreLockedError as exc:  # an ingest is running: serve anyway, pages say 503 until it ends
        typer.echo(f"eventwire: warning: {exc}", err=True)
    except EventwireError as exc:
        fail(exc)
    if not _is_loopback(host):
        typer.echo(f"eventwire: warning: serving on {host}, reachable from other machines", err=True)
    typer.echo(f"eventwire: serving http://{host}:{port}/ (API spec: /openapi.json; Ctrl-C stops)",
               err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def _web_extra(fail):
    """uvicorn, after checking every package of the `web` extra imports."""
    from eventwire.errors import MissingExtraError

    try:
        import fastapi  # noqa: F401
        import jinja2  # noqa: F401
        import python_multipart  # noqa: F401  (parses the /code form)
        import uvicorn
    except ImportError as exc:
        fail(MissingExtraError(f"the web app needs {exc.name}, which is not installed; "
                               f"install the web extra: {INSTALL}"))
    return uvicorn


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
