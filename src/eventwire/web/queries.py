"""Read queries the web needs beyond `eventwire.store.queries`: paging, totals, lists, timelines.

Same tables, same rules: parameterised SQL only (column names come from this code), and values
made JSON-ready (dates as ISO strings) before they leave the module.
"""

from __future__ import annotations

import datetime as dt
import json

from eventwire.errors import InputError
from eventwire.schema import STATUSES
from eventwire.store.db import Store
from eventwire.store.queries import EventFilter, events_sql

MAX_LIMIT = 500
STORY_COLUMNS = """id, title, published, dateline, source, url, n_events, n_claims, copy_of,
    ingested_at"""


def event_filter(actor=None, dyad=None, type=None, cameo=None, status=None, since=None,
                 until=None) -> EventFilter:
    """An EventFilter from loose strings (a GET form sends "" for an empty field)."""
    values = {k: (v.strip() if isinstance(v, str) else v) or None for k, v in
              dict(actor=actor, dyad=dyad, type=type, cameo=cameo, status=status).items()}
    if values["status"] and values["status"] not in STATUSES:
        raise InputError(f"status {values['status']!r} is not one of {', '.join(STATUSES)}")
    if values["cameo"] and not values["cameo"].isdigit():
        raise InputError(f"CAMEO code {values['cameo']!r} is not digits (e.g. 04, 042)")
    return EventFilter(**values, since=parse_date(since, "since"), until=parse_date(until, "until"))


def parse_date(value, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    if not str(value).strip():
        return None
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"{name} date {value!r} is not YYYY-MM-DD") from None


def page(items: list[dict], total: int, limit: int, offset: int) -> dict:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def events_page(store: Store, filters: EventFilter, limit: int, offset: int,
                mentions: bool = False) -> dict:
    """One page of events (clusters, or every mention), newest first, with the total."""
    sql, params = events_sql(filters, mentions, None)
    rows = store.rows(sql + " LIMIT ? OFFSET ?", params + [limit, offset])
    return page([plain(r) for r in rows], count_events(store, filters, mentions), limit, offset)


def count_events(store: Store, filters: EventFilter, mentions: bool = False) -> int:
    where, params = filters.where("e")
    table = "events e" if mentions else "clusters k JOIN events e ON e.id = k.event_id"
    return store.value(f"SELECT count(*) FROM {table} WHERE {where}", params)


def stories_page(store: Store, limit: int, offset: int) -> dict:
    """Stories, newest published first (then newest ingested)."""
    rows = store.rows(f"""SELECT {STORY_COLUMNS} FROM stories
                          ORDER BY published DESC NULLS LAST, ingested_at DESC, id
                          LIMIT ? OFFSET ?""", [limit, offset])
    total = store.value("SELECT count(*) FROM stories")
    return page([plain(r) for r in rows], total, limit, offset)


def claims_page(store: Store, actor: str | None, status: str | None, limit: int,
                offset: int) -> dict:
    """The claims ledger: what was claimed, about whom, by whom, and who denied it."""
    where, params = ["TRUE"], []
    if actor:
        where.append("(c.subject_code LIKE ? OR c.object_code LIKE ?)")
        params += [actor.upper() + "%"] * 2
    if status:
        where.append("c.status = ?")
        params.append(status)
    condition = " AND ".join(where)
    rows = store.rows(f"""SELECT c.id, c.story_id, s.published AS date, s.title AS story_title,
                          c.subject_code, c.subject_text, c.object_code, c.object_text, c.cameo,
                          c.plover, c.status, c.claimed_by_text, c.claimed_by_code,
                          c.denied_by_text, c.denied_by_code, c.evidence, c.rule, s.source
                          FROM claims c JOIN stories s ON s.id = c.story_id WHERE {condition}
                          ORDER BY s.published DESC NULLS LAST, c.id LIMIT ? OFFSET ?""",
                      params + [limit, offset])
    total = store.value(f"SELECT count(*) FROM claims c WHERE {condition}", params)
    return page([plain(r) for r in rows], total, limit, offset)


def actors_page(store: Store, country: str | None, limit: int, offset: int) -> dict:
    """Actor codes by how often they are mentioned, with the words most often used for them."""
    where, params = "TRUE", []
    if country:
        where, params = "country = ?", [country.upper()]
    rows = store.rows(f"""SELECT code, country, mode(text) AS example_text,
                          count(*) AS mentions, count(DISTINCT story_id) AS stories
                          FROM actors WHERE {where} AND code IS NOT NULL GROUP BY code, country
                          ORDER BY mentions DESC, code LIMIT ? OFFSET ?""",
                      params + [limit, offset])
    total = store.value(f"""SELECT count(DISTINCT (code, country)) FROM actors
                            WHERE {where} AND code IS NOT NULL""", params)
    return page([plain(r) for r in rows], total, limit, offset)


def timeline(store: Store, filters: EventFilter | None = None) -> list[dict]:
    """Event clusters per month and quad class (1, 2 cooperation; 3, 4 conflict), oldest first."""
    where, params = (filters or EventFilter()).where("e")
    rows = store.rows(f"""SELECT strftime(e.date, '%Y-%m') AS month,
                          count(*) FILTER (WHERE e.quad = 1) AS q1,
                          count(*) FILTER (WHERE e.quad = 2) AS q2,
                          count(*) FILTER (WHERE e.quad = 3) AS q3,
                          count(*) FILTER (WHERE e.quad = 4) AS q4, count(*) AS events
                          FROM clusters k JOIN events e ON e.id = k.event_id
                          WHERE e.date IS NOT NULL AND {where}
                          GROUP BY month ORDER BY month""", params)
    return [plain(r) for r in rows]


def plain(row: dict) -> dict:
    """JSON-ready values: dates as ISO strings, the versions JSON as an object."""
    out = {}
    for key, value in row.items():
        if key == "versions" and isinstance(value, str):
            value = json.loads(value)
        elif isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()
        out[key] = value
    return out
