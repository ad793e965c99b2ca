"""Reading gold files into plain records, with errors that name the file and the line.

Two formats: a sentence set (`*.jsonl`, one sentence and its events a line, CAMEO or PLOVER
labels) and a story gold (`*.json`, one annotated story; see ../shared/eval/README.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import GoldFileError
from eventwire.evaluation.labels import cameo_root, gold_country, plover_name, plover_of_cameo


@dataclass
class GoldEvent:
    """One gold event, labels already in the coder's vocabulary (ISO3 countries, current PLOVER)."""

    source: str | None  # None: unknown gold actor, a wildcard
    target: str | None
    codes: tuple[str, ...]  # full CAMEO codes an expert accepts; empty for PLOVER gold
    roots: tuple[str, ...]  # CAMEO roots that match ("04"); approximate for PLOVER gold
    plover: str | None
    status: str | None = None
    source_text: str | None = None
    target_text: str | None = None
    raw: str = ""  # the gold line's own labels, for error listings
    optional: bool = False
    location: dict | None = None
    id: str | None = None


@dataclass
class GoldSentence:
    id: str
    text: str
    date: str | None
    events: list[GoldEvent]


@dataclass
class SentenceSet:
    path: str
    ontology: str  # "CAMEO" or "PLOVER"
    sentences: list[GoldSentence]

    @property
    def exhaustive(self) -> bool:
        """PLOVER GSR illustrates one category a sentence: its misses of others are not errors."""
        return self.ontology == "CAMEO"


@dataclass
class MustNot:
    source: str | None
    target: str | None
    roots: tuple[str, ...]
    status: str  # a status, or "any"
    why: str = ""


@dataclass
class StoryGold:
    path: str
    id: str
    text: str
    published: str | None
    events: list[GoldEvent]
    claims: list[GoldEvent] = field(default_factory=list)
    must_not: list[MustNot] = field(default_factory=list)
    dates: list[dict] = field(default_factory=list)


# -- sentence sets ----------------------------------------------------------------------------


def jsonl_records(path: Path) -> list[tuple[int, dict]]:
    records = []
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFileError(f"line {number}: not valid JSON ({exc.msg})", source=str(path)) from exc
        if not is_sentence_record(record):
            raise GoldFileError(f"line {number}: a record needs 'text' and an 'events' list",
                                source=str(path))
        records.append((number, record))
    return records


def is_sentence_record(record: Any) -> bool:
    return isinstance(record, dict) and "text" in record and isinstance(record.get("events"), list)


def cameo_event(e: dict) -> GoldEvent:
    code = str(e["code"])
    return GoldEvent(gold_country(e.get("source")), gold_country(e.get("target")), (code,),
                     (code[:2],), plover_of_cameo(code), e.get("status"),
                     e.get("source_text"), e.get("target_text"), raw=event_label(e))


def plover_event(e: dict) -> GoldEvent:
    roots = tuple(str(r) for r in e.get("cameo_root_approx") or ())
    return GoldEvent(gold_country(e.get("source")), gold_country(e.get("target")), (), roots,
                     plover_name(e["code"]), e.get("status"),
                     e.get("source_text"), e.get("target_text"), raw=event_label(e))


def event_label(e: dict) -> str:
    return f"{e.get('source') or '---'} -> {e.get('target') or '---'} {e.get('code')}"


def sentence_event(e: Any, number: int, path: Path) -> GoldEvent:
    if not isinstance(e, dict) or "code" not in e:
        raise GoldFileError(f"line {number}: each event needs a 'code'", source=str(path))
    ontology = str(e.get("ontology", "CAMEO")).upper()
    if ontology not in ("CAMEO", "PLOVER"):
        raise GoldFileError(f"line {number}: unknown ontology {ontology!r} (CAMEO or PLOVER)",
                            source=str(path))
    return plover_event(e) if ontology == "PLOVER" else cameo_event(e)


def set_ontology(records: list[tuple[int, dict]]) -> str:
    kinds = {str(e.get("ontology", "CAMEO")).upper() for _, r in records for e in r["events"]}
    return "PLOVER" if kinds == {"PLOVER"} else "CAMEO"


def read_sentence_set(path: str | Path, limit: int | None = None) -> SentenceSet:
    """Read a `*.jsonl` sentence set; `limit` keeps its first N sentences."""
    path = Path(path)
    records = jsonl_records(path)[:limit] if limit is not None else jsonl_records(path)
    sentences = [GoldSentence(str(r.get("id", f"line-{n}")), r["text"], r.get("date"),
                              [sentence_event(e, n, path) for e in r["events"]])
                 for n, r in records]
    return SentenceSet(str(path), set_ontology(records), sentences)


# -- story gold -------------------------------------------------------------------------------


def story_event(e: dict, path: Path) -> GoldEvent:
    codes = tuple(str(c) for c in e.get("codes") or ())
    if not codes:
        raise GoldFileError(f"event {e.get('id')!r} lists no 'codes'", source=str(path))
    plovers = [plover_name(p) for p in e.get("plover") or ()]
    return GoldEvent(gold_country(e.get("source", e.get("subject"))),
                     gold_country(e.get("target", e.get("object"))), codes,
                     tuple(dict.fromkeys(cameo_root(c) for c in codes)),
                     plovers[0] if plovers else None, e.get("status"),
                     raw=f"{e.get('id')}: {e.get('evidence', '')}", optional=bool(e.get("optional")),
                     location=e.get("location"), id=e.get("id"))


def must_not(m: dict) -> MustNot:
    return MustNot(gold_country(m.get("source")), gold_country(m.get("target")),
                   tuple(str(r) for r in m.get("roots") or ()), m.get("status", "any"), m.get("why", ""))


def read_story(path: str | Path) -> StoryGold:
    """Read a story gold `*.json`; its `text_file` is relative to the gold file."""
    path = Path(path)
    data = load_json(path)
    if not isinstance(data, dict) or "text_file" not in data or "events" not in data:
        raise GoldFileError("not a story gold file: needs 'text_file' and 'events'", source=str(path))
    text = read_text(path.parent / data["text_file"])
    try:
        return StoryGold(str(path), str(data.get("id", path.stem)), text, data.get("published"),
                         [story_event(e, path) for e in data["events"]],
                         [story_event(c, path) for c in data.get("claims", [])],
                         [must_not(m) for m in data.get("must_not", [])], list(data.get("dates", [])))
    except (KeyError, TypeError, AttributeError) as exc:
        problem = f"malformed story gold ({type(exc).__name__}: {exc})"
        raise GoldFileError(problem, source=str(path)) from exc


# -- files ------------------------------------------------------------------------------------


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise GoldFileError("no such file", source=str(path)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFileError(f"cannot read it ({exc})", source=str(path)) from exc


def load_json(path: Path) -> Any:
    try:
        return json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise GoldFileError(f"line {exc.lineno}: not valid JSON ({exc.msg})", source=str(path)) from exc


def gold_format(path: str | Path) -> str:
    """'story' for `*.json`, 'sentences' for `*.jsonl`; anything else is an unknown format."""
    suffix = Path(path).suffix.lower()
    if suffix == ".jsonl":
        return "sentences"
    if suffix == ".json":
        return "story"
    raise GoldFileError(f"unknown gold format {suffix or '(no extension)'!r}: expected a story "
                        "gold '.json' or a sentence set '.jsonl'", source=str(path))
