"""The analyst web app and REST API (the `web` extra): `create_app()`, served by `eventwire serve`.

Importing this package loads FastAPI but never spaCy: only POST /api/code and /code load the
pipeline, on first use. It reads the store through `eventwire.store` and nothing else.
"""

from eventwire.web.app import create_app

__all__ = ["create_app"]
