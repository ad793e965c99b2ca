"""Re-code stored stories with the current rules: replace their events, claims and actors.

Every story records the rule and dictionary versions that coded it (`stories.versions`, also on
each event row). `recode(store, versions=current)` re-codes the stories coded with anything else
(every story when `versions` is None), in committed batches, oldest first: stopped, it can be
run again and goes on where it was. Text, fingerprint and wire-copy flags do not change. A story
the coder now rejects keeps its old coding and is reported as skipped.

Clusters: the replaced mentions leave theirs (a cluster left empty is removed; one whose founder
left takes its earliest remaining mention as id and representative), and the new mentions are
clustered as an ingest clusters new mentions.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Callable, Iterator

from eventwire import settings
from eventwire.errors import StoreError
from eventwire.schema import Story
from eventwire.store import ingest as ingest_lib
from eventwire.store import write as W
from eventwire.store.db import Store
from eventwire.store.ingest import Coder, IngestSummary, code_stories, run_batches
from eventwire.store.rows import versions_json

_STORY_COLUMNS = "id, text, title, published, dateline, source, url, origin, ingested_at"
# Columns of `stories` that coding sets; the rest (text, minhash, copy_of, ingested_at...) stay.
_CODED_COLUMNS = ("id", "doc_id", "title", "published", "dateline", "source", "url", "language",
                  "versions", "n_events", "n_claims")
_DELETES = (
    ("DELETE FROM event_clusters WHERE event_id IN "
     "(SELECT id FROM events WHERE story_id IN (SELECT unnest(?)))"),
    "DELETE FROM events WHERE story_id IN (SELECT unnest(?))",
    "DELETE FROM claims WHERE story_id IN (SELECT unnest(?))",
    "DELETE FROM actors WHERE story_id IN (SELECT unnest(?))",
)


def current_versions() -> dict[str, str]:
    """The versions the default coder (the spaCy pipeline and its dictionaries) records now."""
    from eventwire.extraction.pipeline import default_extractor

    return dict(default_extractor().versions)


def recode(store: Store, coder: Coder | None = None, versions: dict[str, str] | None = None,
           batch_size: int | None = None, on_batch: Callable | None = None) -> IngestSummary:
    """Re-code the stories not coded with `versions` (all when None); `summary.ingested` counts them."""
    if store.read_only:
        raise StoreError("opened read-only; a re-code needs the store read-write", store.path)
    store.set_vacuum(True)  # replaced rows are deleted: let checkpoints reclaim them
    chunks = stored_stories(store, batch_size or settings.get("batch_size"), versions)
    work = functools.partial(recode_batch, store, coder or ingest_lib.default_coder)
    return run_batches(store, chunks, work, on_batch)


def stored_stories(store: Store, size: int, versions: dict[str, str] | None) -> Iterator[list]:
    """Batches of (id, Story) in ingestion order, read a page at a time after the last one seen."""
    stale = "" if versions is None else " AND versions IS DISTINCT FROM ?"
    extra = [] if versions is None else [versions_json(versions)]
    after = (dt.datetime.min, "")
    while True:
        rows = store.rows(f"""SELECT {_STORY_COLUMNS} FROM stories
                              WHERE (ingested_at > ? OR (ingested_at = ? AND id > ?)){stale}
                              ORDER BY ingested_at, id LIMIT ?""", [after[0], *after, *extra, size])
        if not rows:
            return
        after = (rows[-1]["ingested_at"], rows[-1]["id"])
        yield [(row["id"], _story(row)) for row in rows]


def recode_batch(store: Store, coder: Coder, stories: list[tuple[str, Story]],
                 summary: IngestSummary) -> None:
    summary.add(replace_coding(store, code_stories(coder, stories, summary)))


def replace_coding(store: Store, items: list[tuple]) -> W.BatchResult:
    """Swap the stored coding of these (id, story, report) for the new one, in one transaction."""
    if not items:
        return W.BatchResult()
    stories, events, claims, actors = W.coded_rows(items)
    with store.transaction():
        kept = drop_coding(store, [row["id"] for row in stories])
        store.update("stories", W.to_arrow([{k: row[k] for k in _CODED_COLUMNS} for row in stories]))
        for table, rows in (("events", events), ("claims", claims), ("actors", actors)):
            store.insert(table, W.to_arrow(rows))
        W.cluster_events(store, events, recount=kept)
    return W.BatchResult(len(stories), len(events), len(claims))


def drop_coding(store: Store, story_ids: list[str]) -> list[str]:
    """Delete these stories' events, claims and actors; the ids of the clusters they leave behind."""
    touched = store.value("""SELECT list(DISTINCT c.cluster_id) FROM event_clusters c
                             JOIN events e ON e.id = c.event_id WHERE e.story_id IN (SELECT unnest(?))""",
                          [story_ids]) or []
    for sql in _DELETES:
        store.con.execute(sql, [story_ids])
    return relabel_clusters(store, touched)


def relabel_clusters(store: Store, cluster_ids: list[str]) -> list[str]:
    """Remove emptied clusters; a cluster whose founder is gone is renamed after its earliest mention.

    Returns the ids (new ones included) of the clusters that are left, to be recounted.
    """
    if not cluster_ids:
        return []
    left = store.rows("""
        SELECT c.cluster_id AS old, first(c.event_id ORDER BY s.ingested_at, c.event_id) AS new,
               bool_or(c.event_id = c.cluster_id) AS founder_stays
        FROM event_clusters c JOIN events e ON e.id = c.event_id JOIN stories s ON s.id = e.story_id
        WHERE c.cluster_id IN (SELECT unnest(?)) GROUP BY c.cluster_id""", [cluster_ids])
    emptied = sorted(set(cluster_ids) - {row["old"] for row in left})
    store.con.execute("DELETE FROM clusters WHERE id IN (SELECT unnest(?))", [emptied])
    moves = [(row["old"], row["new"]) for row in left if not row["founder_stays"]]
    if moves:
        olds, news = [old for old, _ in moves], [new for _, new in moves]
        renames = "(SELECT unnest(?) AS old, unnest(?) AS new) m"
        store.con.execute(f"UPDATE event_clusters SET cluster_id = m.new FROM {renames} "
                          "WHERE event_clusters.cluster_id = m.old", [olds, news])
        store.con.execute(f"UPDATE clusters SET id = m.new, event_id = m.new FROM {renames} "
                          "WHERE clusters.id = m.old", [olds, news])
    return sorted(row["new"] if not row["founder_stays"] else row["old"] for row in left)


def _story(row: dict) -> Story:
    published = row["published"].isoformat() if row["published"] else None
    return Story(row["text"], title=row["title"], published=published, dateline=row["dateline"],
                 source=row["source"], url=row["url"], origin=row["origin"])
