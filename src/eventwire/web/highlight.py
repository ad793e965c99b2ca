"""Story text cut into plain and highlighted segments from evidence spans (character offsets).

The result is data, not HTML: the template prints each segment's text with autoescape on and
wraps highlighted ones in <mark>, so untrusted story text is never marked safe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_CLASS_SAFE = re.compile(r"[^a-z0-9_-]")


@dataclass(frozen=True)
class Mark:
    """One highlighted span: where it is, how it looks (CSS classes) and what it says."""

    start: int
    end: int
    classes: str
    label: str
    anchor: str


@dataclass
class Segment:
    text: str
    marks: list[Mark] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # marks starting here: link targets

    @property
    def classes(self) -> str:
        return self.marks[0].classes if self.marks else ""

    @property
    def label(self) -> str:
        return "; ".join(m.label for m in self.marks)


def css_classes(quad, plover) -> str:
    """Classes from the quad class (colour) and PLOVER type; only [a-z0-9_-] survives."""
    kind = _CLASS_SAFE.sub("", str(plover or "none").lower())
    quad = quad if quad in (1, 2, 3, 4) else 0
    return f"ev q{quad} t-{kind}"


def quad_of_cameo(cameo) -> int | None:
    """CAMEO's quad class from its root: 01-05, 06-08, 09-13, 14-20 (claims carry no quad)."""
    root = str(cameo or "")[:2]
    if not root.isdigit():
        return None
    return next((q for q, top in ((1, 5), (2, 8), (3, 13), (4, 20)) if int(root) <= top), None)


def locate(text: str, start, end, evidence: str | None) -> tuple[int, int] | None:
    """The span's offsets if they point at the evidence, else where the evidence first occurs."""
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        if not evidence or text[start:end] == evidence:
            return start, end
    if evidence:
        found = text.find(evidence)
        if found >= 0:
            return found, found + len(evidence)
    return None


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Cut `text` at every mark boundary; each piece lists the marks covering it (overlaps ok)."""
    cuts = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    out, anchored = [], set()
    for left, right in zip(cuts, cuts[1:]):
        covering = [m for m in marks if m.start <= left and right <= m.end]
        covering.sort(key=lambda m: m.end - m.start)  # innermost first: its colour wins
        segment = Segment(text[left:right], covering)
        segment.anchors = [m.anchor for m in covering if m.anchor not in anchored]
        anchored.update(segment.anchors)
        out.append(segment)
    return out
