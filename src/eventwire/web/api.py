"""The JSON API (/api/...): each endpoint opens the store, calls one query, returns its rows.

The view functions here (overview, dyad_view, story_view, code_text) also feed the HTML pages,
so every page and its JSON twin show the same data.
"""

from __future__ import annotations

import hmac
import re
import threading
from typing import Any, Literal, Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from eventwire.errors import StoreError
from eventwire.schema import STATUSES
from eventwire.store import queries as store_queries
from eventwire.store.ingest import code, default_coder, ingest_items
from eventwire.store.rows import fingerprint
from eventwire.web import queries
from eventwire.web.app import NotFoundError, reading, writing

router = APIRouter(prefix="/api", tags=["api"])
bearer = HTTPBearer(auto_error=False, description="The server's token (EVENTWIRE_TOKEN)")
_CODING = threading.Lock()  # one spaCy run at a time: the pipeline is shared and CPU-bound
DYAD = re.compile(r"^([A-Z0-9]{2,8})-([A-Z0-9]{2,8})$")
StatusName = Literal[STATUSES]  # type: ignore[valid-type]
# Dates travel as YYYY-MM-DD strings: pydantic's lax `date` would also take 0 as 1970-01-01.
DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


class Error(BaseModel):
    detail: str
    code: Optional[str] = None


class Page(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


class Items(BaseModel):
    items: list[dict[str, Any]]


class StoryIn(BaseModel):
    text: str = Field(min_length=1, description="The story's text (plain, UTF-8).")
    title: Optional[str] = None
    published: Optional[str] = Field(None, pattern=DATE, description="YYYY-MM-DD.")
    dateline: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None


class IngestIn(BaseModel):
    stories: list[StoryIn] = Field(min_length=1, max_length=1000)


class CodeIn(BaseModel):
    text: str = Field(min_length=1, description="The story to code (not stored).")
    published: Optional[str] = Field(None, pattern=DATE,
                                     description="Publication date, YYYY-MM-DD: anchors 'Tuesday'.")


ERRORS = {503: {"model": Error, "description": "The store is missing, locked by an ingest, or busy"}}
BODY_ERRORS = {400: {"model": Error, "description": "The body is not JSON"},
               413: {"model": Error, "description": "The body is over the max_bytes setting"}}
NOT_FOUND = {404: {"model": Error, "description": "No such record"}, **ERRORS}


# Fresh Query objects per parameter: FastAPI records each parameter's name on its Query.
def limit_query():
    return Query(50, ge=1, le=queries.MAX_LIMIT, description="Rows per page.")


def offset_query():
    return Query(0, ge=0, le=10**9, description="Rows to skip.")


def date_query(help: str):
    return Query(None, pattern=DATE, description=help, json_schema_extra={"format": "date"})


def code_query(help: str):
    return Query(None, max_length=32, pattern=r"^[A-Za-z0-9-]*$", description=help)


def filters(
    actor: Optional[str] = Query(None, max_length=32,
                                 description="Actor code prefix on either side: TUR, TURGOV."),
    dyad: Optional[str] = Query(None, max_length=17, pattern=r"^[A-Za-z0-9]{2,8}-[A-Za-z0-9]{2,8}$",
                                description="Directed dyad of countries: TUR-SYR."),
    type: Optional[str] = Query(None, max_length=32, pattern=r"^[A-Za-z_]*$",
                                description="PLOVER event type: CONSULT."),
    cameo: Optional[str] = Query(None, max_length=4, pattern=r"^[0-9]*$",
                                 description="CAMEO code prefix: 04, 042."),
    status: Optional[StatusName] = Query(None, description="Event status."),
    since: Optional[str] = date_query("Earliest event date, YYYY-MM-DD."),
    until: Optional[str] = date_query("Latest event date, YYYY-MM-DD."),
):
    """The `eventwire events` filters, shared by /api/events and /api/dyads."""
    return queries.event_filter(actor, dyad, type, cameo, status, since, until)


def require_token(request: Request,
                  credentials: Optional[HTTPAuthorizationCredentials] = Security(bearer)) -> None:
    expected = request.app.state.token
    if not expected:
        raise HTTPException(403, "writes are disabled: start the server with EVENTWIRE_TOKEN set")
    if credentials is None:
        raise HTTPException(401, "send the header Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(credentials.credentials.encode(), expected.encode()):
        raise HTTPException(403, "wrong token")


@router.get("/events", response_model=Page, responses=ERRORS)
def events(request: Request, where=Depends(filters), mentions: bool = False,
           limit: int = limit_query(), offset: int = offset_query()):
    """Events, newest first: one row per real-world event (with its source count), or every
    report of one with `mentions=true`."""
    with reading(request) as store:
        return queries.events_page(store, where, limit, offset, mentions)


@router.get("/stories", response_model=Page, responses=ERRORS)
def stories(request: Request, limit: int = limit_query(), offset: int = offset_query()):
    """Stored stories, newest first (without their text)."""
    with reading(request) as store:
        return queries.stories_page(store, limit, offset)


@router.get("/stories/{story_id}", responses=NOT_FOUND)
def story(request: Request, story_id: str) -> dict[str, Any]:
    """One story (id, unique id prefix, or doc id): its text, events and claims."""
    with reading(request) as store:
        return story_view(store, story_id)


@router.post("/stories", status_code=201, responses={401: {"model": Error}, 403: {"model": Error},
                                                     **BODY_ERRORS, **ERRORS})
def add_stories(request: Request, body: IngestIn, _=Depends(require_token)) -> dict[str, Any]:
    """Code and store stories (needs `Authorization: Bearer <token>`); already stored text is
    skipped. Returns the ingest summary and each story's id."""
    items = [story_item(s, i) for i, s in enumerate(body.stories)]
    return ingest(request, items)


@router.get("/claims", response_model=Page, responses=ERRORS)
def claims(request: Request, actor: Optional[str] = code_query("Subject or object code prefix."),
           status: Optional[StatusName] = None, limit: int = limit_query(),
           offset: int = offset_query()):
    """The claims ledger: reports a story does not assert (denied, unconfirmed or hypothetical)."""
    with reading(request) as store:
        return queries.claims_page(store, actor, status, limit, offset)


@router.get("/dyads", response_model=Items, responses=ERRORS)
def dyads(request: Request, where=Depends(filters), by_month: bool = False,
          limit: int = limit_query()):
    """Events per directed dyad (and month): counts and balance, from -1 (all conflict) to +1."""
    with reading(request) as store:
        return {"items": store_queries.dyads(store, where, by_month, limit)}


@router.get("/dyads/{pair}", responses=NOT_FOUND)
def dyad(request: Request, pair: str) -> dict[str, Any]:
    """One directed dyad (SRC-TGT): its monthly timeline and its latest events."""
    with reading(request) as store:
        return dyad_view(store, pair)


@router.get("/actors", response_model=Page, responses=ERRORS)
def actors(request: Request, country: Optional[str] = code_query("Country code: PER."),
           limit: int = limit_query(), offset: int = offset_query()):
    """Actor codes by number of mentions, with the words most often used for each."""
    with reading(request) as store:
        return queries.actors_page(store, country, limit, offset)


@router.get("/stats", responses=ERRORS)
def stats(request: Request) -> dict[str, Any]:
    """What the store holds, and the rule and dictionary versions that coded it."""
    with reading(request) as store:
        return store_queries.stats(store)


@router.get("/overview", responses=ERRORS)
def overview_endpoint(request: Request) -> dict[str, Any]:
    """The home page's data: counts, events per month by quad class, top dyads, latest stories."""
    with reading(request) as store:
        return overview(store)


@router.post("/code", responses={**BODY_ERRORS, 503: {"model": Error}})
def code_story(body: CodeIn) -> dict[str, Any]:
    """Code a story without storing it: the same Report that `eventwire code` prints."""
    return code_text(body.text, body.published)


# -- views shared with the pages ---------------------------------------------------------------


def overview(store) -> dict:
    return {"stats": store_queries.stats(store), "timeline": queries.timeline(store),
            "top_dyads": store_queries.dyads(store, limit=10),
            "latest_stories": queries.stories_page(store, 10, 0)["items"]}


def dyad_view(store, pair: str) -> dict:
    match = DYAD.match(pair.upper())
    if not match:
        raise NotFoundError(f"{pair!r} is not a dyad; write it SOURCE-TARGET, e.g. TUR-SYR")
    where = store_queries.EventFilter(dyad=match[0])
    return {"source": match[1], "target": match[2], "reverse": f"{match[2]}-{match[1]}",
            "summary": store_queries.dyads(store, where, limit=1),
            "timeline": queries.timeline(store, where),
            "events": queries.events_page(store, where, 200, 0)}


def story_view(store, story_id: str) -> dict:
    try:
        return store_queries.story(store, story_id)
    except StoreError as exc:  # no story, or an ambiguous prefix: both are "not found here"
        raise NotFoundError(exc.message) from None


def code_text(text: str, published=None) -> dict:
    import eventwire  # eventwire.extract loads spaCy on first use, never at import

    with _CODING:
        report = eventwire.extract(text, published=published, origin="<web>")
    return report.to_dict()


# -- writing -----------------------------------------------------------------------------------


def story_item(story: StoryIn, index: int):
    from eventwire.ingest.text import story_from_text

    fields = story.model_dump(exclude={"text"}, exclude_none=True)
    return story_from_text(story.text, origin=f"request story {index}", **fields)


def ingest(request: Request, stories: list) -> dict:
    """Code first (slow, no lock held), then hold the store read-write only to save."""
    coder = request.app.state.coder or default_coder
    with _CODING:
        results = code(coder, stories)
    coded = {id(s): r for s, r in zip(stories, results)}
    with writing(request) as store:
        summary = ingest_items(store, stories, coder=lambda batch: [coded[id(s)] for s in batch])
    return {**summary.to_dict(), "ids": [fingerprint(s.text) for s in stories]}

