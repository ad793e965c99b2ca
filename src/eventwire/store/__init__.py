"""The event store: an embedded DuckDB file of stories, event mentions, clusters and claims.

    open_store(path=None, read_only=False) -> Store
    ingest(store, inputs, coder=None, ...) -> IngestSummary      (eventwire.store.ingest)
    recode(store, coder=None, versions=None, ...) -> IngestSummary (eventwire.store.recode)
    queries: events, claims, dyads, story, stats                  (eventwire.store.queries)
    export(store, fmt, out)                                       (eventwire.store.export)

This package never imports spaCy: the default coder is loaded only when an ingest runs.
"""

from eventwire.store.db import Store, default_path, open_store

__all__ = ["Store", "default_path", "open_store"]
