"""Corpus readers: paths, directories, feeds and standard input -> Story objects.

`read_inputs(inputs)` yields, per story found, either a `Story` or the `InputError` saying why
that item was skipped, so one bad file (or one bad line of a JSONL file) never sinks a batch.
Formats by file suffix, else sniffed from the first bytes: plain text, HTML (article text and
metadata via trafilatura), JSONL (one story a line), RSS/Atom (feedparser). URLs are read only
as feeds.
"""

from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path
from typing import Iterable, Iterator, Union

from eventwire.errors import EmptyInputError, InputError, InputMissingError
from eventwire.ingest.text import read_path, story_from_bytes, story_from_text
from eventwire.schema import Story

Item = Union[Story, InputError]

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}
# Never stories: skipped silently inside directories (the store itself may live there).
NOT_STORIES = {".duckdb", ".wal", ".parquet", ".gz", ".zip", ".pdf", ".png", ".jpg", ".jpeg", ".gif"}
MIN_HTML_WORDS = 8
STORY_FIELDS = ("title", "published", "url", "source", "dateline")


def read_inputs(inputs: Iterable[str | Path]) -> Iterator[Item]:
    """Every story under the given paths, directories (recursively), URLs and `-` (stdin)."""
    for item in inputs:
        name = str(item)
        if name == "-":
            yield from read_stdin(sys.stdin.buffer)
        elif name.startswith(("http://", "https://")):
            yield from read_feed(name, name)
        else:
            yield from read_file_or_dir(Path(name))


def read_file_or_dir(path: Path) -> Iterator[Item]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not _hidden(child.relative_to(path)) and child.suffix.lower() not in NOT_STORIES:
                yield from read_file(child)
    elif not path.exists():
        yield InputMissingError("no such file or directory", str(path))
    else:
        yield from read_file(path)


def read_stdin(stream) -> Iterator[Item]:
    """Standard input: JSONL is streamed line by line; anything else is one document."""
    if not hasattr(stream, "peek"):  # a test runner's BytesIO, say: give it a buffer to peek in
        stream = io.BufferedReader(stream)
    if sniff(stream.peek(2048)) == "jsonl":
        yield from read_jsonl(stream, "<stdin>")
    else:
        yield from read_bytes(stream.read(), "<stdin>")


def read_file(path: Path) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        yield _guard(lambda: read_path(path), str(path))
        return
    if suffix in JSONL_SUFFIXES:  # streamed: a corpus file may hold millions of stories
        try:
            with path.open("rb") as lines:
                yield from read_jsonl(lines, str(path))
        except OSError as exc:
            yield InputMissingError(f"cannot read the file ({exc.strerror})", str(path))
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputMissingError(f"cannot read the file ({exc.strerror})", str(path))
        return
    yield from read_bytes(data, str(path), suffix)


def read_bytes(data: bytes, origin: str, suffix: str | None = None) -> Iterator[Item]:
    """Stories in raw bytes: the format by suffix, else sniffed from the content."""
    kind = _kind(suffix) or sniff(data)
    if kind == "jsonl":
        yield from read_jsonl(data.splitlines(), origin)
    elif kind == "feed":
        yield from read_feed(data, origin)
    elif kind == "html":
        yield _guard(lambda: story_from_html(data, origin), origin)
    else:
        yield _guard(lambda: story_from_bytes(data, origin), origin)


def sniff(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed"):
        return "feed" if (b"<rss" in head or b"<feed" in head or b"<rdf" in head) else "html"
    if head.startswith(b"<"):
        return "html"
    return "text"


def read_jsonl(lines: Iterable[bytes], origin: str) -> Iterator[Item]:
    """One story per line: {"text": ..., "title", "published", "url", "source"}; others ignored."""
    for number, line in enumerate(lines, 1):
        if line.strip():
            yield _guard(lambda: story_from_json_line(line, f"{origin}:{number}"), f"{origin}:{number}")


def story_from_json_line(line: bytes, where: str) -> Story:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"not valid JSON ({exc})", where) from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise EmptyInputError('not a story: expected an object with a "text" string', where)
    metadata = {k: record[k] for k in STORY_FIELDS if record.get(k) not in (None, "")}
    return story_from_text(record["text"], origin=where, **metadata)


def story_from_html(data: bytes, origin: str) -> Story:
    """The article's text and metadata (title, date, url, site) from an HTML page."""
    import trafilatura

    doc = trafilatura.bare_extraction(data, with_metadata=True)
    # trafilatura falls back to any text it finds (a menu, a cookie notice): demand a sentence.
    if doc is None or len((doc.text or "").split()) < MIN_HTML_WORDS:
        raise EmptyInputError("no article text found in the HTML page (not a story?)", origin)
    metadata = {"title": doc.title, "published": doc.date, "url": doc.url, "source": doc.sitename}
    return story_from_text(doc.text, origin=origin, **{k: v for k, v in metadata.items() if v})


def read_feed(source: bytes | str, origin: str) -> Iterator[Item]:
    """Each RSS/Atom entry as a story: its content (or summary) as text, HTML stripped."""
    import feedparser

    feed = feedparser.parse(source)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None) or "it has no entries"
        yield EmptyInputError(f"not a readable RSS/Atom feed ({reason})", origin)
        return
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, 1):
        where = f"{origin}#{entry.get('id') or entry.get('link') or number}"
        yield _guard(lambda: story_from_entry(entry, outlet, where), where)


def story_from_entry(entry, outlet: str | None, where: str) -> Story:
    html = entry["content"][0].get("value", "") if entry.get("content") else entry.get("summary", "")
    text = _strip_tags(html)
    if not text.strip():
        raise EmptyInputError("the feed entry has no text", where)
    metadata = {"title": entry.get("title"), "url": entry.get("link"), "source": outlet,
                "published": _entry_date(entry)}
    return story_from_text(text, origin=where, **{k: v for k, v in metadata.items() if v})


def _entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _strip_tags(html: str) -> str:
    if "<" not in html:
        return html
    import lxml.html

    try:
        return lxml.html.fromstring(f"<div>{html}</div>").text_content()
    except Exception:  # lxml raises several types on odd markup; fall back to the raw string
        return html


def _guard(make, origin: str) -> Item:
    """Run one reader; its InputError (or any crash on odd input) becomes the item itself."""
    try:
        return make()
    except InputError as exc:
        return exc
    except Exception as exc:  # a third-party parser failing on one input must not stop the run
        return InputError(f"could not be read ({type(exc).__name__}: {exc})", origin)


def _kind(suffix: str | None) -> str | None:
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in FEED_SUFFIXES:
        return "feed"
    return None


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)
