"""Resolve: events across reports (one event, many reports) and wire copies. No spaCy here."""

from eventwire.resolve.dedupe import (
    COPY_THRESHOLD, MATCH_THRESHOLD, Mention, assign_clusters, band_keys, copy_matches, signature,
    similarity,
)

__all__ = ["COPY_THRESHOLD", "MATCH_THRESHOLD", "Mention", "assign_clusters", "band_keys",
           "copy_matches", "signature", "similarity"]
