"""Read-side library functions behind `eventwire events|claims|dyads|story|stats` (and the web).

Events are shown as clusters by default (one row per real-world event, with its source count;
the row's fields are those of the cluster's first report); `mentions=True` shows every report.
Every query is parameterised; filters are combined with AND.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from eventwire.errors import StoreError
from eventwire.store.db import Store

EVENT_COLUMNS = """e.id, e.story_id, e.date, e.source_code, e.source_country, e.source_text,
    e.target_code, e.target_country, e.target_text, e.cameo, e.plover, e.mode, e.quad, e.status,
    e.location_name, e.lat, e.lon, e.evidence, e.rule, e.confidence, e.versions"""


@dataclass
class EventFilter:
    """Filters shared by events, export and dyads. Codes are matched case-insensitively."""

    actor: str | None = None      # country or actor code prefix on either side: TUR, TURGOV
    dyad: str | None = None       # SOURCE-TARGET countries, directed: TUR-SYR
    type: str | None = None       # PLOVER event type: CONSULT
    cameo: str | None = None      # CAMEO code prefix: 04, 042
    status: str | None = None     # asserted, planned, denied, hypothetical, claimed
    since: str | dt.date | None = None
    until: str | dt.date | None = None

    def where(self, alias: str = "e") -> tuple[str, list]:
        """The SQL condition and its parameters (column names only from this code)."""
        parts, params = ["TRUE"], []
        if self.actor:
            parts.append(f"({alias}.source_code LIKE ? OR {alias}.target_code LIKE ?)")
            params += [self.actor.upper() + "%"] * 2
        if self.dyad:
            source, _, target = self.dyad.upper().partition("-")
            parts.append(f"{alias}.source_country = ? AND {alias}.target_country = ?")
            params += [source, target]
        for column, value in (("plover", self.type and self.type.upper()), ("status", self.status)):
            if value:
                parts.append(f"{alias}.{column} = ?")
                params.append(value)
        if self.cameo:
            parts.append(f"{alias}.cameo LIKE ?")
            params.append(self.cameo + "%")
        parts, params = _dates(alias, self.since, self.until, parts, params)
        return " AND ".join(parts), params


def events(store: Store, filters: EventFilter | None = None, mentions: bool = False,
           limit: int | None = 100) -> list[dict]:
    """Events, newest first: clusters with source counts, or every mention."""
    sql, params = events_sql(filters or EventFilter(), mentions, limit)
    return [_decode(row) for row in store.rows(sql, params)]


def events_sql(filters: EventFilter, mentions: bool, limit: int | None) -> tuple[str, list]:
    where, params = filters.where("e")
    if mentions:
        sql = f"""SELECT {EVENT_COLUMNS}, c.cluster_id FROM events e
                  LEFT JOIN event_clusters c ON c.event_id = e.id WHERE {where}"""
    else:
        sql = f"""SELECT k.id AS cluster_id, k.source_count, k.mention_count, k.outlet_count,
                  k.copy_count, {EVENT_COLUMNS} FROM clusters k JOIN events e ON e.id = k.event_id
                  WHERE {where}"""
    sql += " ORDER BY e.date DESC NULLS LAST, e.id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return sql, params


def claims(store: Store, actor: str | None = None, status: str | None = None,
           since=None, until=None, limit: int | None = 100) -> list[dict]:
    """Claims (denied, unconfirmed or hypothetical reports), dated by their story, newest first."""
    parts, params = ["TRUE"], []
    if actor:
        parts.append("(c.subject_code LIKE ? OR c.object_code LIKE ?)")
        params += [actor.upper() + "%"] * 2
    if status:
        parts.append("c.status = ?")
        params.append(status)
    parts, params = _dates("s", since, until, parts, params, column="published")
    sql = f"""SELECT c.id, c.story_id, s.published AS date, c.subject_code, c.subject_text,
              c.object_code, c.object_text, c.cameo, c.plover, c.status, c.claimed_by_text,
              c.denied_by_text, c.evidence, c.rule, s.source, s.url
              FROM claims c JOIN stories s ON s.id = c.story_id WHERE {' AND '.join(parts)}
              ORDER BY s.published DESC NULLS LAST, c.id"""
    return [_decode(row) for row in store.rows(*_limited(sql, params, limit))]


def dyads(store: Store, filters: EventFilter | None = None, by_month: bool = False,
          limit: int | None = 100) -> list[dict]:
    """Event clusters per directed dyad (and month): counts and cooperation/conflict balance.

    balance = (cooperative - conflictual) / all, from -1 (all conflict) to +1 (all cooperation).
    """
    where, params = (filters or EventFilter()).where("e")
    month = "strftime(e.date, '%Y-%m')" if by_month else "NULL"
    sql = f"""SELECT e.source_country AS source, e.target_country AS target, {month} AS month,
              count(*) AS events, count(*) FILTER (WHERE e.quad IN (1, 2)) AS cooperation,
              count(*) FILTER (WHERE e.quad IN (3, 4)) AS conflict,
              round((count(*) FILTER (WHERE e.quad IN (1, 2))
                     - count(*) FILTER (WHERE e.quad IN (3, 4))) / count(*), 3) AS balance,
              sum(k.source_count) AS sources
              FROM clusters k JOIN events e ON e.id = k.event_id WHERE {where}
              GROUP BY ALL ORDER BY {'month DESC, ' if by_month else ''}events DESC, source, target"""
    rows = store.rows(*_limited(sql, params, limit))
    if not by_month:
        for row in rows:
            row.pop("month")
    return rows


def story(store: Store, story_id: str) -> dict:
    """One story (by id, or a unique id prefix, or the pipeline's doc id) with events and claims."""
    found = store.rows("""SELECT * EXCLUDE (minhash) FROM stories
                          WHERE id LIKE ? OR doc_id = ? ORDER BY id LIMIT 2""",
                       [story_id + "%", story_id])
    if not found:
        raise StoreError(f"no story with id {story_id!r}; list ids with `eventwire events --mentions`")
    if len(found) > 1:
        raise StoreError(f"id prefix {story_id!r} matches several stories; give more of it")
    record = _decode(found[0])
    sid = record["id"]
    record["events"] = [_decode(r) for r in store.rows(
        f"""SELECT {EVENT_COLUMNS}, c.cluster_id, k.source_count FROM events e
            LEFT JOIN event_clusters c ON c.event_id = e.id LEFT JOIN clusters k ON k.id = c.cluster_id
            WHERE e.story_id = ? ORDER BY e.sentence, e.id""", [sid])]
    record["claims"] = [_decode(r) for r in store.rows(
        "SELECT * FROM claims WHERE story_id = ? ORDER BY sentence, id", [sid])]
    return record


def stats(store: Store) -> dict:
    """Counts of what the store holds, and the rule/dictionary versions that coded it."""
    count = store.value
    return {
        "db": store.path, "schema_version": store.schema_version,
        "stories": count("SELECT count(*) FROM stories"),
        "wire_copies": count("SELECT count(*) FROM stories WHERE copy_of IS NOT NULL"),
        "events": count("SELECT count(*) FROM clusters"),
        "event_mentions": count("SELECT count(*) FROM events"),
        "claims": count("SELECT count(*) FROM claims"),
        "actor_mentions": count("SELECT count(*) FROM actors"),
        "first_date": _iso(count("SELECT min(date) FROM events")),
        "last_date": _iso(count("SELECT max(date) FROM events")),
        "versions": [json.loads(v) for v in count(
            "SELECT list(DISTINCT versions ORDER BY versions) FROM stories") or []],
    }


def _dates(alias, since, until, parts, params, column: str = "date"):
    for op, value in ((">=", since), ("<=", until)):
        if value:
            parts.append(f"{alias}.{column} {op} ?")
            params.append(_date(value))
    return parts, params


def _date(value) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise StoreError(f"date {value!r} is not YYYY-MM-DD") from None


def _limited(sql: str, params: list, limit: int | None) -> tuple[str, list]:
    if limit is None:
        return sql, params
    return sql + " LIMIT ?", params + [int(limit)]


def _decode(row: dict) -> dict:
    """JSON-ready values: dates as ISO strings, the versions JSON as an object."""
    out = {}
    for key, value in row.items():
        if key == "versions" and isinstance(value, str):
            value = json.loads(value)
        out[key] = _iso(value)
    return out


def _iso(value):
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value
