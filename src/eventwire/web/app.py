"""The FastAPI application: JSON API under /api, HTML pages elsewhere, one store behind both.

Safety lives here, around every route: strict security headers (a CSP that allows no script),
a request body limit (the `max_bytes` setting -> 413), library errors turned into clean JSON or
HTML responses, and a readers/writer gate around the DuckDB file (see `Gate`).
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire import __version__, settings
from eventwire.errors import (
    EventwireError, InputError, MissingExtraError, ModelNotFoundError, StoreError, StoreLockedError,
)
from eventwire.store import open_store
from eventwire.store.db import default_path

STATIC = Path(__file__).parent / "static"
CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [(b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY")]
BUSY_SECONDS = 30


class NotFoundError(EventwireError):
    code = "E404"


class Gate:
    """Many readers or one writer, inside this process.

    DuckDB refuses a read-write connection in a process that has read-only ones open to the
    same file (and the reverse), so the rare write (POST /api/stories) waits for readers to
    finish and readers wait for it; other processes are kept out by DuckDB's own file lock.
    """

    def __init__(self, timeout: float = BUSY_SECONDS):
        self.timeout = timeout
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False

    @contextmanager
    def reading(self):
        self._enter(lambda: not self._writing, "a write through the API")
        self._readers += 1
        self._cond.release()
        try:
            yield
        finally:
            self._leave(readers=-1)

    @contextmanager
    def writing(self):
        self._enter(lambda: not self._writing and self._readers == 0, "other requests")
        self._writing = True
        self._cond.release()
        try:
            yield
        finally:
            self._leave(writing=False)

    def _enter(self, ready, holder: str) -> None:
        self._cond.acquire()
        if not self._cond.wait_for(ready, self.timeout):
            self._cond.release()
            raise StoreLockedError(f"the event store is busy with {holder}; try again shortly")

    def _leave(self, readers: int = 0, writing: bool | None = None) -> None:
        with self._cond:
            self._readers += readers
            if writing is not None:
                self._writing = writing
            self._cond.notify_all()


@contextmanager
def reading(request: Request):
    """The store, opened read-only for this request and closed after it."""
    state = request.app.state
    with state.gate.reading(), open_store(state.db_path, read_only=True) as store:
        yield store


@contextmanager
def writing(request: Request):
    """The store, opened read-write only while one write request needs it."""
    state = request.app.state
    with state.gate.writing(), open_store(state.db_path) as store:
        yield store


def create_app(db_path: str | Path | None = None, token: str | None = None, coder=None) -> FastAPI:
    """The web app over the store at `db_path` (default: the `db` setting).

    token: allows POST /api/stories (default: the `token` setting; empty refuses all writes).
    coder: the ingest coder (default: the spaCy pipeline, loaded on the first write).
    """
    from eventwire.web import api, pages

    app = FastAPI(title="eventwire", version=__version__, docs_url=None, redoc_url=None,
                  description="Coded political events (CAMEO/PLOVER) from news stories. "
                              "Read-only, except POST /api/stories with a bearer token.")
    app.state.db_path = str(Path(db_path).expanduser() if db_path else default_path())
    app.state.token = settings.get("token") if token is None else token
    app.state.coder = coder
    app.state.gate = Gate()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    add_error_handlers(app)
    app.add_middleware(Guard, max_bytes=settings.get("max_bytes"))
    return app


# -- errors -----------------------------------------------------------------------------------

ERROR_STATUS = [(NotFoundError, 404), (InputError, 422), (StoreLockedError, 503),
                (ModelNotFoundError, 503), (MissingExtraError, 503), (StoreError, 503)]


def status_of(exc: EventwireError) -> int:
    return next((status for kind, status in ERROR_STATUS if isinstance(exc, kind)), 500)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str, code: str | None = None,
                   headers: dict | None = None):
    if wants_json(request) and status == 422:  # the one 422 shape the spec documents
        where = "query" if request.method == "GET" else "body"
        detail = [{"loc": [where], "msg": message, "type": "value_error"}]
        return JSONResponse({"detail": detail, "code": code}, status, headers=headers)
    if wants_json(request):
        return JSONResponse({"detail": message, "code": code}, status, headers=headers)
    from eventwire.web.pages import render

    return render(request, "error.html", {"status": status, "message": message}, status, headers)


def add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(EventwireError)
    async def library_error(request: Request, exc: EventwireError):
        return error_response(request, status_of(exc), str(exc), exc.code)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:  # Starlette names only the first route's methods
            headers = {**(headers or {}), "Allow": ", ".join(allowed_methods(app, request))}
        return error_response(request, exc.status_code, str(exc.detail), None, headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        if wants_json(request):  # FastAPI's own documented 422 shape
            return JSONResponse({"detail": jsonable(exc.errors())}, 422)
        problems = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in exc.errors())
        return error_response(request, 422, problems)


def allowed_methods(app: FastAPI, request: Request) -> list[str]:
    from starlette.routing import Match

    methods = set()
    for route in app.routes:
        if getattr(route, "methods", None) and route.matches(request.scope)[0] != Match.NONE:
            methods |= route.methods
    return sorted(methods)


def jsonable(errors) -> list:
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(errors)


# -- the guard: security headers and the body limit --------------------------------------------


class Guard:
    """ASGI middleware: add security headers to every response; refuse oversized bodies (413)."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        send = self._with_headers(send)
        if scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        body = await self._read_body(scope, receive)
        if body is None:
            return await self._too_large(scope, receive, send)

        replayed = False

        async def replay():
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        return await self.app(scope, replay, send)

    async def _read_body(self, scope, receive) -> bytes | None:
        """The whole body, or None as soon as it is known to be over the limit."""
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if declared.isdigit() and int(declared) > self.max_bytes:
            return None
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_bytes:
                return None
            more = message.get("more_body", False)
        return b"".join(chunks)

    async def _too_large(self, scope, receive, send) -> None:
        response = JSONResponse({"detail": f"request body over the {self.max_bytes}-byte limit "
                                           "(the max_bytes setting)", "code": "E004"}, 413)
        await response(scope, receive, send)

    def _with_headers(self, send):
        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)
        return send_with_headers
