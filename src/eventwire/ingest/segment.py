"""Line-aware segmentation: headline, subheads and dateline are told apart from body paragraphs.

Wire copy puts a headline, a subhead and a dateline ("ISTANBUL") on lines of their own; a
whole-document sentence splitter glues them onto the first sentence. We split on line breaks
first and label each block, then let spaCy split body paragraphs into sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "ISTANBUL", "NEW YORK (Reuters) -", "KYIV, Ukraine (AP) —"
_DATELINE_LINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'\.\- ]{1,40}?)(?:,\s*[A-Z][\w\. ]{1,30})?\s*(?:\([A-Za-z\. ]{1,20}\))?\s*[-—–:]?\s*$")
_DATELINE_LEAD = re.compile(
    r"^(?P<place>[A-Z][A-Z'\.\- ]{1,40}?)(?:,\s*[A-Z][\w\. ]{1,30})?\s*(?:\([A-Za-z\. ]{1,20}\))?\s*[-—–]\s+(?=\S)")
_TERMINAL = re.compile(r"[.!?:;][\"”’')\]]*$")


@dataclass(frozen=True)
class Block:
    """A line of the story: kind is 'headline', 'subhead', 'dateline' or 'body'."""

    kind: str
    start: int
    end: int


def segment(text: str) -> tuple[list[Block], str | None]:
    """Label each non-empty line; return the blocks and the dateline place if any."""
    blocks, dateline, seen_body = [], None, False
    for start, end in _lines(text):
        line = text[start:end]
        if dateline is None and not seen_body and _DATELINE_LINE.match(line) and line.upper() == line:
            dateline = _DATELINE_LINE.match(line).group("place").strip()
            blocks.append(Block("dateline", start, end))
            continue
        lead = _DATELINE_LEAD.match(line) if dateline is None and not seen_body else None
        if lead and lead.group("place").upper() == lead.group("place"):
            dateline = lead.group("place").strip()
            blocks.append(Block("dateline", start, start + lead.end()))
            start = start + lead.end()
            line = text[start:end]
        kind = _kind(line, seen_body)
        seen_body = seen_body or kind == "body"
        blocks.append(Block(kind, start, end))
    if not seen_body:  # one unpunctuated line, or only short lines: that is the story itself
        blocks = [b if b.kind == "dateline" else Block("body", b.start, b.end) for b in blocks]
    return _first_heading_is_headline(blocks), dateline


def _lines(text: str):
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            yield pos + lead, pos + lead + len(stripped)
        pos += len(raw) + 1


def _kind(line: str, seen_body: bool) -> str:
    words = line.split()
    looks_heading = not _TERMINAL.search(line) and len(words) <= 25
    if looks_heading:
        return "subhead" if seen_body else "headline"
    return "body"


def _first_heading_is_headline(blocks: list[Block]) -> list[Block]:
    out, headline_seen = [], False
    for b in blocks:
        if b.kind == "headline":
            b = Block("headline" if not headline_seen else "subhead", b.start, b.end)
            headline_seen = True
        out.append(b)
    return out


def title_of(text: str, blocks: list[Block]) -> str | None:
    for b in blocks:
        if b.kind == "headline":
            return text[b.start:b.end]
    return None
