"""eventwire: news stories in, coded and attributed political events out.

Public API:
    extract(text, published=None, **metadata) -> Report
    extract_stories(stories, batch_size=None) -> iterator of Report or InputError
    classify(text, source, target) -> Coding
    classify_many(items, batch_size=256) -> iterator of Coding or InputError
    open_store(path=None, read_only=False) -> Store

Heavy modules (spaCy, DuckDB) load on first use, so `import eventwire` stays fast.
"""

from __future__ import annotations

from eventwire.errors import EventwireError, InputError
from eventwire.schema import Actor, Claim, Coding, Doc, Event, Location, Report, Span, Story

__version__ = "0.1.0"
__all__ = [
    "extract", "extract_stories", "classify", "classify_many", "open_store",
    "Actor", "Claim", "Coding", "Doc", "Event", "Location", "Report", "Span", "Story",
    "EventwireError", "InputError",
]


def extract(text: str, published=None, **metadata) -> Report:
    """Code one story: its events, claims and metadata. Raises `InputError` for bad input."""
    from eventwire.extraction.pipeline import default_extractor
    from eventwire.ingest.text import story_from_text

    story = story_from_text(text, origin=metadata.pop("origin", "<text>"), published=published, **metadata)
    return default_extractor().extract(story)


def extract_stories(stories, batch_size: int | None = None):
    """Code many `Story` objects in batches; yields a Report, or the InputError for a bad story."""
    from eventwire.extraction.pipeline import default_extractor

    return default_extractor().extract_many(stories, batch_size=batch_size)


def classify(text: str, source: str | None, target: str | None) -> Coding:
    """Code a sentence whose two actors are given as their words in it (given-actor coding)."""
    from eventwire.extraction.pipeline import default_extractor

    return default_extractor().classify(text, source, target)


def classify_many(items, batch_size: int = 256):
    """Given-actor coding of many (text, source, target) items, parsed in batches (several times
    faster than `classify` one by one); yields a Coding, or the InputError of a malformed item."""
    from eventwire.extraction.pipeline import default_extractor

    return default_extractor().classify_many(items, batch_size=batch_size)


def open_store(path=None, read_only: bool = False):
    """Open (and migrate) the event store; see `eventwire.store`."""
    from eventwire.store import open_store as _open

    return _open(path, read_only=read_only)
