"""Write one batch of coded stories: rows, wire copies and event clusters, in one transaction.

A batch either lands whole (stories, events, claims, actors, copy flags, clusters) or not at
all, so a process killed at any moment leaves only whole batches behind; the ingest's
fingerprint check then skips them on the next run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

import pyarrow as pa

from eventwire import settings
from eventwire.resolve import dedupe
from eventwire.schema import Report, Story
from eventwire.store import rows as R
from eventwire.store.db import Store

_TYPES = {"minhash": pa.list_(pa.uint64()), "band": pa.uint64()}
_POINT_READS = 100  # rowid lookups per query (a UNION ALL of this many point reads)


@dataclass
class BatchResult:
    stories: int = 0
    events: int = 0
    claims: int = 0
    copies: int = 0


def save_batch(store: Store, items: list[tuple[str, Story, Report]]) -> BatchResult:
    """Store coded stories (id, story, report); a story whose id is already stored is left out.

    The tables have no key constraints (migration 002): ids stay unique because stored stories
    are dropped here, inside the transaction, and every other row's id starts with its story's.
    """
    items = list({story_id: (story_id, s, r) for story_id, s, r in items}.values())
    with store.transaction():
        items = _unstored(store, items)
        if not items:
            return BatchResult()
        return _write(store, items)


def coded_rows(items: list[tuple[str, Story, Report]]) -> tuple[list[dict], ...]:
    """The story, event, claim and actor rows of coded stories (id, story, report)."""
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    stories = [R.story_row(sid, s, r, now) for sid, s, r in items]
    events = _unique([R.event_row(sid, e, r) for sid, _, r in items for e in r.events])
    claims = _unique([R.claim_row(sid, c, r) for sid, _, r in items for c in r.claims])
    actors = _unique([row for sid, _, r in items for row in R.actor_rows(sid, r)])
    return stories, events, claims, actors


def _write(store: Store, items: list[tuple[str, Story, Report]]) -> BatchResult:
    stories, events, claims, actors = coded_rows(items)
    bands, copies = mark_copies(store, stories)
    for table, batch in (("stories", stories), ("events", events), ("claims", claims),
                         ("actors", actors), ("story_bands", bands)):
        store.insert(table, to_arrow(batch))
    cluster_events(store, events)
    return BatchResult(len(stories), len(events), len(claims), copies)


def stored_ids(store: Store, story_ids: list[str]) -> set[str]:
    """Which of these story ids are stored already (one scan of the id column)."""
    if not story_ids:
        return set()
    return set(store.value("SELECT list(id) FROM stories WHERE id IN (SELECT unnest(?))",
                           [story_ids]) or [])


def _unstored(store: Store, items: list[tuple]) -> list[tuple]:
    stored = stored_ids(store, [item[0] for item in items])
    return [item for item in items if item[0] not in stored]


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
    """The stored signatures of these stories, read row by row.

    A filter on `id` (IN list or join) makes DuckDB read the whole minhash column, the largest in
    the store; a `rowid = ?` filter reads one vector. So: ids -> rowids (the id column only), then
    one point read per row.
    """
    if not ids:
        return {}
    rowids = store.value("SELECT list(rowid ORDER BY rowid) FROM stories WHERE id IN (SELECT unnest(?))",
                         [sorted(ids)])
    found = {}
    for start in range(0, len(rowids), _POINT_READS):
        chunk = rowids[start:start + _POINT_READS]
        sql = " UNION ALL ".join(["SELECT id, minhash FROM stories WHERE rowid = ?"] * len(chunk))
        found.update(store.con.execute(sql, chunk).fetchall())
    return found


def cluster_events(store: Store, events: list[dict], recount: Iterable[str] = ()) -> None:
    """Give each new mention a cluster (joining a stored one when it matches), then recount.

    `recount`: stored clusters to recount as well (a re-code takes mentions out of them).
    """
    assigned = {}
    if events:
        new = [_mention(e) for e in events]
        window = settings.get("dedupe_days")
        assigned = dedupe.assign_clusters(new, _known_mentions(store, new, window), window)
        rows = [{"event_id": eid, "cluster_id": cid, "score": score}
                for eid, (cid, score) in assigned.items()]
        store.insert("event_clusters", to_arrow(rows))
    founded = {cid for eid, (cid, _) in assigned.items() if cid == eid}
    joined = ({cid for cid, _ in assigned.values()} | set(recount)) - founded
    refresh_clusters(store, sorted(founded), sorted(joined))


# One row of `clusters` per cluster id in the parameter list (the founder is the representative).
_COUNTS = """
    SELECT c.cluster_id AS id, c.cluster_id AS event_id, count(*) AS mention_count,
           count(DISTINCT e.story_id) AS source_count,
           count(DISTINCT coalesce(s.source, s.id)) AS outlet_count,
           count(DISTINCT CASE WHEN s.copy_of IS NOT NULL THEN s.id END) AS copy_count,
           min(e.date) AS first_date, max(e.date) AS last_date
    FROM event_clusters c JOIN events e ON e.id = c.event_id JOIN stories s ON s.id = e.story_id
    WHERE c.cluster_id IN (SELECT unnest(?))
    GROUP BY c.cluster_id"""


def refresh_clusters(store: Store, founded: list[str], joined: list[str]) -> None:
    """Count the clusters a batch founded and recount the stored ones it joined.

    One count for both, then an UPDATE in place and an INSERT: not delete-and-insert, whose
    deleted rows would pile up (ingest runs without vacuum, see db.py).
    """
    if not founded and not joined:
        return
    counts = store.con.sql(_COUNTS, params=[founded + joined]).to_arrow_table()
    store.con.register("_counts", counts)
    try:
        store.con.execute("""
            UPDATE clusters SET mention_count = n.mention_count, source_count = n.source_count,
                   outlet_count = n.outlet_count, copy_count = n.copy_count,
                   first_date = n.first_date, last_date = n.last_date
            FROM _counts n WHERE clusters.id = n.id""")
        store.con.execute("INSERT INTO clusters BY NAME SELECT * FROM _counts "
                          "WHERE id IN (SELECT unnest(?))", [founded])
    finally:
        store.con.unregister("_counts")


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
