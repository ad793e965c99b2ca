"""Write one batch of coded stories: rows, wire copies and event clusters, in one transaction.

A batch either lands whole (stories, events, claims, actors, copy flags, clusters) or not at
all, so a process killed at any moment leaves only whole batches behind; the ingest's
fingerprint check then skips them on the next run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pyarrow as pa

from eventwire import settings
from eventwire.resolve import dedupe
from eventwire.schema import Report, Story
from eventwire.store import rows as R
from eventwire.store.db import Store

_TYPES = {"minhash": pa.list_(pa.uint64()), "band": pa.uint64()}


@dataclass
class BatchResult:
    stories: int = 0
    events: int = 0
    claims: int = 0
    copies: int = 0


def save_batch(store: Store, items: list[tuple[str, Story, Report]]) -> BatchResult:
    """Store coded stories (id, story, report); ids must be new (the ingest checks)."""
    items = list({story_id: (story_id, s, r) for story_id, s, r in items}.values())
    if not items:
        return BatchResult()
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    stories = [R.story_row(sid, s, r, now) for sid, s, r in items]
    events = _unique([R.event_row(sid, e, r) for sid, _, r in items for e in r.events])
    claims = _unique([R.claim_row(sid, c, r) for sid, _, r in items for c in r.claims])
    actors = _unique([row for sid, _, r in items for row in R.actor_rows(sid, r)])
    with store.transaction():
        bands, copies = mark_copies(store, stories)
        for table, batch in (("stories", stories), ("events", events), ("claims", claims),
                             ("actors", actors)):
            store.insert(table, to_arrow(batch))
        store.insert("story_bands", to_arrow(bands), on_conflict=None)
        cluster_events(store, events)
    return BatchResult(len(stories), len(events), len(claims), copies)


def to_arrow(rows: list[dict]) -> pa.Table:
    if not rows:
        return pa.table({})
    return pa.table({k: pa.array([r[k] for r in rows], type=_TYPES.get(k)) for k in rows[0]})


def mark_copies(store: Store, stories: list[dict]) -> tuple[list[dict], int]:
    """Set minhash/copy_of/copy_score on the story rows; return their band rows and copy count."""
    signed, bands = [], []
    for row in stories:
        sig = dedupe.signature(row["text"])
        row.update(minhash=sig, copy_of=None, copy_score=None)
        if sig is not None:
            signed.append((row["id"], sig))
            bands += [{"band": key, "story_id": row["id"]} for key in dedupe.band_keys(sig)]
    if not signed:
        return bands, 0
    candidates, known = _stored_candidates(store, bands)
    found = dedupe.copy_matches(signed, known, lambda sid: candidates.get(sid, ()))
    for row in stories:
        if row["id"] in found:
            row["copy_of"], row["copy_score"] = found[row["id"]]
    return bands, len(found)


def _stored_candidates(store: Store, bands: list[dict]) -> tuple[dict[str, set[str]], dict[str, list[int]]]:
    """Stored stories sharing enough bands with each new story to be a copy, and their signatures.

    Counting shared bands in DuckDB keeps "hot" bands (boilerplate shared by thousands of stories)
    from turning into thousands of candidates, signature reads and comparisons per story.
    """
    pairs = store.con.execute("""
        WITH batch AS (SELECT unnest(?::UBIGINT[]) AS band, unnest(?::VARCHAR[]) AS new_id)
        SELECT q.new_id, b.story_id FROM batch q JOIN story_bands b ON b.band = q.band
        GROUP BY q.new_id, b.story_id HAVING count(*) >= ?""",
        [[b["band"] for b in bands], [b["story_id"] for b in bands], dedupe.MIN_SHARED_BANDS]).fetchall()
    candidates: dict[str, set[str]] = {}
    for new_id, story_id in pairs:
        candidates.setdefault(new_id, set()).add(story_id)
    return candidates, _signatures(store, {story_id for _, story_id in pairs})


def _signatures(store: Store, ids: set[str]) -> dict[str, list[int]]:
    if not ids:
        return {}
    # An IN list of parameters lets DuckDB probe the primary-key index for these few rows instead of
    # scanning every stored signature (a semi-join on unnest(?) reads the whole minhash column).
    marks = ", ".join("?" * len(ids))
    return dict(store.con.execute(f"SELECT id, minhash FROM stories WHERE id IN ({marks})",
                                  sorted(ids)).fetchall())


def cluster_events(store: Store, events: list[dict]) -> None:
    """Give each new mention a cluster (joining a stored one when it matches), then recount."""
    if not events:
        return
    new = [_mention(e) for e in events]
    window = settings.get("dedupe_days")
    assigned = dedupe.assign_clusters(new, _known_mentions(store, new, window), window)
    rows = [{"event_id": eid, "cluster_id": cid, "score": score} for eid, (cid, score) in assigned.items()]
    store.insert("event_clusters", to_arrow(rows))
    refresh_clusters(store, sorted({cid for cid, _ in assigned.values()}))


def refresh_clusters(store: Store, cluster_ids: list[str]) -> None:
    """Recount the clusters touched by a batch (the founder mention is the representative)."""
    store.con.execute("""
        INSERT OR REPLACE INTO clusters
        SELECT c.cluster_id, c.cluster_id, count(*), count(DISTINCT e.story_id),
               count(DISTINCT coalesce(s.source, s.id)),
               count(DISTINCT CASE WHEN s.copy_of IS NOT NULL THEN s.id END),
               min(e.date), max(e.date)
        FROM event_clusters c JOIN events e ON e.id = c.event_id JOIN stories s ON s.id = e.story_id
        WHERE c.cluster_id IN (SELECT unnest(?))
        GROUP BY c.cluster_id""", [cluster_ids])


def _known_mentions(store: Store, new: list[dedupe.Mention], window: int) -> list[dedupe.Mention]:
    """Stored mentions in the new mentions' blocks and date range (the blocking step)."""
    keys = sorted({R.dyad_key(m.source, m.target) for m in new if m.block is not None})
    dates = [m.date for m in new if m.date is not None]
    if not keys:
        return []
    lo, hi = dt.date.max, dt.date.min  # an empty range: only undated mentions can match
    if dates:
        lo, hi = min(dates) - dt.timedelta(days=window), max(dates) + dt.timedelta(days=window)
    rows = store.rows("""
        SELECT e.id, e.story_id, e.source_country AS source, e.target_country AS target, e.cameo,
               e.plover, e.status, e.date, e.evidence, c.cluster_id
        FROM events e JOIN event_clusters c ON c.event_id = e.id
        WHERE e.dyad_key IN (SELECT unnest(?)) AND (e.date BETWEEN ? AND ? OR e.date IS NULL)""",
        [keys, lo, hi])
    return [dedupe.Mention(**row) for row in rows]


def _mention(e: dict) -> dedupe.Mention:
    date = e["date"]
    if isinstance(date, str):
        date = dt.date.fromisoformat(date[:10])
    return dedupe.Mention(e["id"], e["story_id"], e["source_country"], e["target_country"],
                          e["cameo"] or "", e["plover"], e["status"], date, e["evidence"] or "")


def _unique(rows: list[dict]) -> list[dict]:
    """DuckDB keeps the first of duplicate keys within one insert: make that explicit."""
    first: dict[str, dict] = {}
    for row in rows:
        first.setdefault(row["id"], row)
    return list(first.values())
