"""HTML pages: each calls the same view or query as its JSON twin and renders a template.

Templates autoescape everything; story text reaches them only as `highlight.Segment` pieces,
never as markup. No page needs JavaScript.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from eventwire.errors import EventwireError, InputError
from eventwire.schema import STATUSES
from eventwire.store import queries as store_queries
from eventwire.web import api, charts, highlight, queries
from eventwire.web.app import reading, status_of

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
_env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True)
templates = Jinja2Templates(env=_env)
PAGE_SIZE = 50


def render(request: Request, name: str, context: dict, status: int = 200, headers=None):
    return templates.TemplateResponse(request, name, context, status_code=status, headers=headers)


def safe_url(url) -> str | None:
    """Only http(s) links from stored metadata: a `javascript:` URL must never become a link."""
    return url if isinstance(url, str) and urlsplit(url).scheme in ("http", "https") else None


_env.filters["safe_url"] = safe_url
_env.globals.update(quads=charts.QUADS, statuses=STATUSES)


def pager(request: Request, result: dict) -> dict:
    """Previous/next links that keep the page's other query parameters."""
    params = {k: v for k, v in request.query_params.items() if k != "offset" and v}
    total, limit, offset = result["total"], result["limit"], result["offset"]

    def link(at: int) -> str:
        return "?" + urlencode({**params, "offset": at}) if at else "?" + urlencode(params)
    return {"first": offset + 1 if total else 0, "last": min(offset + limit, total), "total": total,
            "prev": link(max(offset - limit, 0)) if offset > 0 else None,
            "next": link(offset + limit) if offset + limit < total else None}


def twin(request: Request, path: str) -> str:
    query = request.url.query
    return f"{path}?{query}" if query else path


@router.get("/")
def home(request: Request):
    with reading(request) as store:
        data = api.overview(store)
    return render(request, "index.html", {**data, "chart": charts.timeline(data["timeline"]),
                                          "json_url": "/api/overview"})


@router.get("/dyads")
def dyads(request: Request):
    with reading(request) as store:
        rows = store_queries.dyads(store, limit=60)
    return render(request, "dyads.html", {"dyads": rows, "graph": charts.network(rows),
                                          "json_url": "/api/dyads?limit=60"})


@router.get("/dyads/{pair}")
def dyad(request: Request, pair: str):
    with reading(request) as store:
        data = api.dyad_view(store, pair)
    events = [event_row_view(r) for r in data["events"]["items"]]
    return render(request, "dyad.html", {
        **data, "rows": events, "chart": charts.timeline(data["timeline"]),
        "json_url": f"/api/dyads/{data['source']}-{data['target']}"})


@router.get("/events")
def events(request: Request, actor: str = "", dyad: str = "", type: str = "", cameo: str = "",
           status: str = "", since: str = "", until: str = "", offset: int = Query(0, ge=0)):
    form = dict(actor=actor, dyad=dyad, type=type, cameo=cameo, status=status, since=since, until=until)
    try:
        where = queries.event_filter(**form)
    except InputError as exc:  # show the form again with the problem, not a bare error page
        return render(request, "events.html", {"form": form, "error": str(exc), "rows": []}, 422)
    with reading(request) as store:
        result = queries.events_page(store, where, PAGE_SIZE, offset)
    return render(request, "events.html", {
        "form": form, "rows": [event_row_view(r) for r in result["items"]],
        "pager": pager(request, result), "json_url": twin(request, "/api/events")})


@router.get("/stories")
def stories(request: Request, offset: int = Query(0, ge=0)):
    with reading(request) as store:
        result = queries.stories_page(store, PAGE_SIZE, offset)
    return render(request, "stories.html", {"stories": result["items"], "pager": pager(request, result),
                                            "json_url": twin(request, "/api/stories")})


@router.get("/stories/{story_id}")
def story(request: Request, story_id: str):
    with reading(request) as store:
        record = api.story_view(store, story_id)
    events = [event_row_view(r) for r in record["events"]]
    claims = [claim_row_view(r) for r in record["claims"]]
    return render(request, "story.html", {
        "story": record, "events": events, "claims": claims,
        "segments": highlighted(record["text"] or "", events, claims),
        "json_url": f"/api/stories/{record['id']}"})


@router.get("/claims")
def claims(request: Request, actor: str = "", status: str = "", offset: int = Query(0, ge=0)):
    if status and status not in STATUSES:
        raise InputError(f"status {status!r} is not one of {', '.join(STATUSES)}")
    with reading(request) as store:
        result = queries.claims_page(store, actor.strip() or None, status or None, PAGE_SIZE, offset)
    return render(request, "claims.html", {"claims": [claim_row_view(r) for r in result["items"]],
                                           "pager": pager(request, result),
                                           "form": {"actor": actor, "status": status},
                                           "json_url": twin(request, "/api/claims")})


@router.get("/code")
def code_form(request: Request):
    return render(request, "code.html", {"text": "", "published": ""})


@router.post("/code")
def code_page(request: Request, text: str = Form(""), published: str = Form("")):
    context = {"text": text, "published": published}
    try:
        if not text.strip():
            raise InputError("paste a story to code")
        report = api.code_text(text, published.strip() or None)
    except EventwireError as exc:  # bad input, or no model: say so beside the pasted text
        return render(request, "code.html", {**context, "error": str(exc)}, status_of(exc))
    doc_text = report["doc"]["text"]
    events = [event_report_view(e) for e in report["events"]]
    claims = [claim_report_view(c) for c in report["claims"]]
    return render(request, "code.html", {
        **context, "report": report, "events": events, "claims": claims,
        "segments": highlighted(doc_text, events, claims)})


# -- one shape for events and claims, whether stored rows or fresh Report dicts -------------------


def highlighted(text: str, events: list[dict], claims: list[dict]) -> list[highlight.Segment]:
    """The text in segments, each event's and claim's evidence marked (where it can be found)."""
    marks = []
    for item in events + claims:
        span = highlight.locate(text, item["start"], item["end"], item["evidence"])
        if span:
            marks.append(highlight.Mark(*span, item["classes"], item["label"], item["anchor"]))
    return highlight.segments(text, marks)


def event_row_view(row: dict) -> dict:
    anchor = "ev-" + str(row["id"]).rsplit(":", 1)[-1]
    return {**row, "anchor": anchor, "start": row.get("evidence_start"),
            "end": row.get("evidence_end"),
            "classes": highlight.css_classes(row.get("quad"), row.get("plover")),
            "label": label(row.get("source_code"), row.get("cameo"), row.get("plover"),
                           row.get("target_code"), row.get("status")),
            "said_by": row.get("said_by_text"), "place": row.get("location_name")}


def event_report_view(event: dict) -> dict:
    source, target, ev = event.get("source") or {}, event.get("target") or {}, event["evidence"]
    row = {"id": event["id"], "date": event.get("date"), "cameo": event["cameo"],
           "plover": event["plover"], "quad": event["quad"], "status": event["status"],
           "evidence": ev["text"], "evidence_start": ev["start"], "evidence_end": ev["end"],
           "rule": event["rule"],
           "source_code": actor_code(source), "source_text": source.get("text"),
           "target_code": actor_code(target), "target_text": target.get("text"),
           "said_by_text": (event.get("said_by") or {}).get("text"),
           "location_name": (event.get("location") or {}).get("name"), "story_id": None}
    return event_row_view(row)


def claim_row_view(row: dict) -> dict:
    anchor = "cl-" + str(row["id"]).rsplit(":", 1)[-1]
    quad = highlight.quad_of_cameo(row.get("cameo"))  # claims carry no quad of their own
    return {**row, "anchor": anchor, "quad": quad, "start": row.get("evidence_start"),
            "end": row.get("evidence_end"),
            "classes": "claim " + highlight.css_classes(quad, row.get("plover")),
            "label": "claim: " + label(row.get("subject_code"), row.get("cameo"), row.get("plover"),
                                       row.get("object_code"), row.get("status"))}


def claim_report_view(claim: dict) -> dict:
    subject, obj, ev = claim.get("subject") or {}, claim.get("object") or {}, claim["evidence"]
    row = {"id": claim["id"], "cameo": claim["cameo"], "plover": claim["plover"],
           "status": claim["status"],
           "subject_code": actor_code(subject), "subject_text": subject.get("text"),
           "object_code": actor_code(obj), "object_text": obj.get("text"),
           "claimed_by_text": (claim.get("claimed_by") or {}).get("text"),
           "denied_by_text": (claim.get("denied_by") or {}).get("text"), "evidence": ev["text"],
           "evidence_start": ev["start"], "evidence_end": ev["end"], "rule": claim["rule"]}
    return claim_row_view(row)


def actor_code(actor: dict) -> Optional[str]:
    if not actor:
        return None
    return (actor.get("country") or "---") + "".join(actor.get("sector") or [])


def label(source, cameo, plover, target, status) -> str:
    return f"{source or '?'} {cameo} {plover or ''} → {target or '?'} ({status})"
