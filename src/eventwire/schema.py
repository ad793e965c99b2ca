"""The contract between stages: plain typed records, and the JSON they turn into.

Every stage reads and writes these types; the JSON output (CLI, store, web) is generated from
them by `to_dict`, never built by hand. Field names here are the public output schema.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

SCHEMA_VERSION = "eventwire.schema.v1"

Status = Literal["asserted", "planned", "denied", "hypothetical", "claimed"]
STATUSES: tuple[str, ...] = get_args(Status)
DateIs = Literal["event", "statement", "published", "none"]


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Record:
    """Mixin: `to_dict()` gives the JSON-ready form; `from_dict()` reads it back."""

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)


@dataclass
class Story(Record):
    """Ingest's output: a story's raw text and the metadata a feed gives with it."""

    text: str
    title: str | None = None
    published: str | None = None
    dateline: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # where it was read from (a path, "stdin", a feed URL)

    @classmethod
    def from_dict(cls, d: dict) -> Story:
        keys = ("title", "published", "dateline", "source", "url", "origin")
        return cls(d["text"], **{k: d.get(k) for k in keys})


@dataclass(frozen=True)
class Span(Record):
    """Exact evidence: `text == story[start:end]` (character offsets into the story)."""

    text: str
    start: int
    end: int

    @classmethod
    def from_dict(cls, d: dict | None) -> Span | None:
        return None if d is None else cls(d["text"], d["start"], d["end"])


@dataclass(frozen=True)
class Actor(Record):
    """A coded actor mention.

    country: ISO 3166 alpha-3, or "IGO"/"NGO" for an organisation (its name in `name`), or None.
    sector: agent codes in the CAMEO/PLOVER tradition (GOV, MIL, REB, ...).
    name: a person's or organisation's name; role: a person's title ("Defense Minister").
    """

    text: str
    start: int
    end: int
    country: str | None = None
    sector: list[str] = field(default_factory=list)
    name: str | None = None
    role: str | None = None

    @classmethod
    def from_dict(cls, d: dict | None) -> Actor | None:
        if d is None:
            return None
        return cls(d["text"], d["start"], d["end"], d.get("country"), list(d.get("sector") or []),
                   d.get("name"), d.get("role"))

    @property
    def code(self) -> str:
        """The joined actor code of the field (country + sectors), e.g. TURMILGOV."""
        return (self.country or "---") + "".join(self.sector)


@dataclass(frozen=True)
class Location(Record):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    @classmethod
    def from_dict(cls, d: dict | None) -> Location | None:
        return None if d is None else cls(d["name"], d.get("country"), d.get("lat"), d.get("lon"))


@dataclass
class Event(Record):
    """One coded event: who did what to whom, when, where, on whose word, and why we say so."""

    id: str
    sentence: int
    source: Actor | None
    target: Actor | None
    cameo: str
    plover: str | None
    mode: str | None
    quad: int
    intensity: float
    status: Status
    date: str | None
    date_text: str | None
    location: Location | None
    said_by: Actor | None
    evidence: Span
    rule: str
    confidence: float
    date_is: DateIs = "none"
    quote: Span | None = None

    @classmethod
    def from_dict(cls, d: dict) -> Event:
        return cls(
            id=d["id"], sentence=d["sentence"], source=Actor.from_dict(d.get("source")),
            target=Actor.from_dict(d.get("target")), cameo=d["cameo"], plover=d["plover"],
            mode=d.get("mode"), quad=d["quad"], intensity=d["intensity"], status=d["status"],
            date=d.get("date"), date_text=d.get("date_text"),
            location=Location.from_dict(d.get("location")), said_by=Actor.from_dict(d.get("said_by")),
            evidence=Span.from_dict(d["evidence"]), rule=d["rule"], confidence=d["confidence"],
            date_is=d.get("date_is", "none"), quote=Span.from_dict(d.get("quote")),
        )


@dataclass
class Claim(Record):
    """Something the story does not assert: denied, unconfirmed (`claimed`), or `hypothetical`
    (speculation: "an attack could trigger a war", "whether Y will lift sanctions", "should Y
    invade ..."). A conditional threat or promise of the doer's own act ("X will cut aid if ...")
    stays an event with status hypothetical."""

    id: str
    sentence: int
    subject: Actor | None
    object: Actor | None
    cameo: str
    plover: str | None
    status: Status
    claimed_by: Actor | None
    denied_by: Actor | None
    evidence: Span
    rule: str

    @classmethod
    def from_dict(cls, d: dict) -> Claim:
        return cls(
            id=d["id"], sentence=d["sentence"], subject=Actor.from_dict(d.get("subject")),
            object=Actor.from_dict(d.get("object")), cameo=d["cameo"], plover=d["plover"],
            status=d["status"], claimed_by=Actor.from_dict(d.get("claimed_by")),
            denied_by=Actor.from_dict(d.get("denied_by")), evidence=Span.from_dict(d["evidence"]),
            rule=d["rule"],
        )


@dataclass
class Doc(Record):
    """The story's metadata and its sentence boundaries (the text itself is kept too)."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    dateline: str | None = None
    source: str | None = None
    url: str | None = None
    language: str = "en"
    place: Location | None = None
    sentences: list[Span] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: dict) -> Doc:
        return cls(
            id=d["id"], text=d["text"], title=d.get("title"), published=d.get("published"),
            dateline=d.get("dateline"), source=d.get("source"), url=d.get("url"),
            language=d.get("language", "en"), place=Location.from_dict(d.get("place")),
            sentences=[Span.from_dict(s) for s in d.get("sentences", [])],
            versions=dict(d.get("versions", {})),
        )


@dataclass
class Report(Record):
    """What `eventwire.extract` returns: `{"doc": ..., "events": [...], "claims": [...]}`."""

    doc: Doc
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    @classmethod
    def from_dict(cls, d: dict) -> Report:
        return cls(Doc.from_dict(d["doc"]), [Event.from_dict(e) for e in d.get("events", [])],
                   [Claim.from_dict(c) for c in d.get("claims", [])])


@dataclass
class Coding(Record):
    """What `eventwire.classify` returns for a sentence whose two actors are given.

    `quad` is CAMEO's quad class of `cameo`; PLOVER groups its types into quads of its own
    (every REQUEST is verbal conflict there), which `eventwire.ontology.plover_type` gives."""

    plover: str | None
    cameo: str | None
    quad: int | None
    status: Status
    confidence: float
    rule: str
    mode: str | None = None
    evidence: Span | None = None
