"""Dates: resolve an event's date text against the story's publication date.

Wire-copy rule: a bare weekday names the most recent such day, and the publication day itself
when it is that weekday ("said Thursday" in a Thursday story). Other expressions go to
dateparser with the publication date as the base, preferring the past.
"""

from __future__ import annotations

from eventwire.extraction.docview import children

import datetime as dt
import functools
import re

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_LEAD = re.compile(r"^(on|since|by|from|until|at|in|during|this past|early|late)\s+", re.I)
_REL = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


@functools.lru_cache(maxsize=8192)
def resolve(text: str, published: str | None) -> str | None:
    """ISO date for `text` relative to `published` (YYYY-MM-DD), or None if it cannot be told.

    Cached: the same date words recur across a day's stories, and dateparser takes about a
    millisecond a call."""
    if not text:
        return None
    base = dt.date.fromisoformat(published) if published else None
    phrase = _LEAD.sub("", text.strip().rstrip(".,")).strip()
    low = phrase.lower()
    if base is not None:
        got = _weekday(low, base) or _relative(low, base)
        if got:
            return got.isoformat()
    return _dateparser(phrase, base)


def _weekday(low: str, base: dt.date) -> dt.date | None:
    words = low.split()
    if not words or words[-1] not in WEEKDAYS or len(words) > 2:
        return None
    target = WEEKDAYS.index(words[-1])
    if words[0] == "next":
        return base + dt.timedelta(days=(target - base.weekday() - 1) % 7 + 1)
    back = (base.weekday() - target) % 7
    if words[0] == "last" and back == 0:
        back = 7
    return base - dt.timedelta(days=back)


def _relative(low: str, base: dt.date) -> dt.date | None:
    if low in _REL:
        return base + dt.timedelta(days=_REL[low])
    return None


def _dateparser(phrase: str, base: dt.date | None) -> str | None:
    if not re.search(r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", phrase, re.I):
        return None
    parsed = _parser()(phrase, settings=_settings(base))
    if parsed is None:
        return None
    return parsed.date().isoformat()


@functools.lru_cache(maxsize=1)
def _parser():
    import dateparser

    return dateparser.parse


def _settings(base: dt.date | None) -> dict:
    s = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day"], "STRICT_PARSING": False,
         "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        s["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day, 12)
    return s


def date_tokens_of(clause_head):
    """DATE entities attached to a clause's verb (directly, or through a preposition)."""
    out = []
    for c in children(clause_head):
        if c.ent_type_ == "DATE" and c.dep_ in ("npadvmod", "tmod", "obl", "nmod", "advmod"):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("on", "in", "since", "during", "by", "at"):
            out.extend(g for g in children(c) if g.dep_ == "pobj" and g.ent_type_ == "DATE")
    return out


def date_span(tok):
    """The whole DATE entity a token belongs to."""
    from eventwire.extraction.actors import ent_of

    ent = ent_of(tok)
    return ent if ent is not None and ent.label_ == "DATE" else None
