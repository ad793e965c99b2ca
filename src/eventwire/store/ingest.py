"""Ingest: readers -> coder -> store, in committed batches, skipping what is already stored.

The coder is injectable: any callable taking a list of Story and returning, per story in
order, a Report or the InputError for that story (`eventwire.extract_stories` by default,
loaded only when first needed so this module never imports spaCy).

Idempotent and crash-safe: each batch commits in one transaction, and a story whose content
fingerprint is already stored is skipped before coding, so a re-run after kill -9 codes only
what is missing.
"""

from __future__ import annotations

import functools
import itertools
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from eventwire import settings
from eventwire.errors import InputError, StoreError
from eventwire.ingest.readers import Item, read_inputs
from eventwire.schema import Report, Story
from eventwire.store.db import Store
from eventwire.store.rows import fingerprint
from eventwire.store.write import BatchResult, save_batch, stored_ids

Coder = Callable[[list[Story]], Iterable["Report | InputError"]]
MAX_SKIP_DETAILS = 1000  # keep the summary small on a huge, messy corpus; counts stay exact
# Stories between reconnects of a long ingest: DuckDB keeps some memory until the database closes
# (Store.reconnect); reopening costs a checkpoint and a cold cache (50-75 ms measured at 30k stories).
RECONNECT_EVERY = 5000


@dataclass
class IngestSummary:
    ingested: int = 0
    events: int = 0
    claims: int = 0
    copies: int = 0
    skipped: Counter = field(default_factory=Counter)          # reason -> count
    details: list[tuple[str, str]] = field(default_factory=list)  # (input, message)
    started: float = field(default_factory=time.monotonic)

    @property
    def seen(self) -> int:
        return self.ingested + sum(self.skipped.values())

    @property
    def rate(self) -> float:
        """Stories read per second since the ingest began."""
        return self.seen / max(time.monotonic() - self.started, 1e-9)

    def add(self, result: BatchResult) -> None:
        self.ingested += result.stories
        self.events += result.events
        self.claims += result.claims
        self.copies += result.copies

    def skip(self, origin: str | None, reason: str, message: str) -> None:
        self.skipped[reason] += 1
        if len(self.details) < MAX_SKIP_DETAILS:
            self.details.append((origin or "?", message))

    def to_dict(self) -> dict:
        return {"ingested": self.ingested, "skipped": sum(self.skipped.values()),
                "skipped_by_reason": dict(self.skipped), "events": self.events,
                "claims": self.claims, "wire_copies": self.copies,
                "stories_per_s": round(self.rate, 1),
                "problems": [{"input": o, "message": m} for o, m in self.details]}


def default_coder(stories: list[Story]):
    import eventwire

    return eventwire.extract_stories(stories)


def ingest(store: Store, inputs: Iterable[str], coder: Coder | None = None,
           batch_size: int | None = None, on_batch: Callable | None = None) -> IngestSummary:
    """Read `inputs` (paths, directories, feed URLs, "-") and store their coded stories."""
    return ingest_items(store, read_inputs(inputs), coder, batch_size, on_batch)


def ingest_items(store: Store, items: Iterable[Item], coder: Coder | None = None,
                 batch_size: int | None = None, on_batch: Callable | None = None) -> IngestSummary:
    """Store already-read items (Story or InputError); `on_batch(summary)` after each commit."""
    if store.read_only:
        raise StoreError("opened read-only; ingest needs the store read-write", store.path)
    chunks = batched(items, batch_size or settings.get("batch_size"))
    work = functools.partial(ingest_batch, store, coder or default_coder)
    return run_batches(store, chunks, work, on_batch)


def run_batches(store: Store, chunks: Iterable[list], work: Callable,
                on_batch: Callable | None) -> IngestSummary:
    """`work(chunk, summary)` for each chunk, then `on_batch(summary)`; reconnects now and then."""
    summary = IngestSummary()
    reconnect_at = RECONNECT_EVERY
    for chunk in chunks:
        work(chunk, summary)
        if summary.seen >= reconnect_at:
            store.reconnect()
            reconnect_at = summary.seen + RECONNECT_EVERY
        if on_batch is not None:
            on_batch(summary)
    return summary


def ingest_batch(store: Store, coder: Coder, items: list[Item], summary: IngestSummary) -> None:
    fresh = new_stories(store, items, summary)
    summary.add(save_batch(store, code_stories(coder, fresh, summary)))


def code_stories(coder: Coder, stories: list[tuple[str, Story]], summary: IngestSummary) -> list[tuple]:
    """Code (id, story) pairs into (id, story, report); a story the coder rejects is a skip."""
    coded = []
    for (story_id, story), result in zip(stories, code(coder, [s for _, s in stories])):
        if isinstance(result, Report):
            coded.append((story_id, story, result))
        else:
            summary.skip(story.origin, _reason(result), str(result))
    return coded


def new_stories(store: Store, items: list[Item], summary: IngestSummary) -> list[tuple[str, Story]]:
    """The batch's stories not stored yet (nor repeated earlier in the batch), with their ids."""
    stories = []
    for item in items:
        if isinstance(item, Story):
            stories.append((fingerprint(item.text), item))
        else:
            summary.skip(item.source, _reason(item), str(item))
    stored = stored_ids(store, [sid for sid, _ in stories])
    fresh, seen = [], set()
    for story_id, story in stories:
        if story_id in stored or story_id in seen:
            summary.skip(story.origin, "already stored", f"same text as stored story {story_id}")
        else:
            seen.add(story_id)
            fresh.append((story_id, story))
    return fresh


def code(coder: Coder, stories: list[Story]) -> list:
    """Code a batch; if the coder crashes on it, code story by story so one bad story is skipped."""
    if not stories:
        return []
    try:
        results = list(coder(stories))
    except Exception:  # the coder is someone else's code: isolate the story that breaks it
        return [_code_one(coder, story) for story in stories]
    if len(results) != len(stories):
        raise StoreError(f"the coder returned {len(results)} results for {len(stories)} stories")
    return results


def _code_one(coder: Coder, story: Story):
    try:
        return list(coder([story]))[0]
    except Exception as exc:
        return InputError(f"the coder failed on this story ({type(exc).__name__}: {exc})", story.origin)


def _reason(error: BaseException) -> str:
    code = getattr(error, "code", None)
    return f"{code} {type(error).__name__}" if code else type(error).__name__


def batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
