"""Action patterns: the versioned data files that turn predicates into CAMEO codes.

A pattern names a trigger (a verb lemma, or an event noun), optional conditions on its
object, particle or prepositions, and where its source and target are found. The files live in
`eventwire/data/patterns/*.yaml`; see FORMAT.md there. They are validated when loaded.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from eventwire.errors import DataFileError

ROLES = frozenset({"source", "target", "topic"})
FRAMES = frozenset({"event", "intent", "threat", "request", "denial", "report"})
_KEYS = {"id", "cameo", "verb", "noun", "object", "particle", "prep", "poss", "requires",
         "reciprocal", "frame", "example", "examples", "not_object", "subject", "note", "passive",
         "confidence", "adj", "modifier", "not_modifier", "complement", "clause", "prep_object"}


@dataclass(frozen=True)
class Pattern:
    id: str
    cameo: str
    lemmas: frozenset[str]
    pos: str  # VERB, NOUN or ADJ
    object: frozenset[str] = frozenset()
    not_object: frozenset[str] = frozenset()
    modifier: frozenset[str] = frozenset()  # words modifying the event noun ("hunger" strike)
    not_modifier: frozenset[str] = frozenset()
    complement: frozenset[str] = frozenset()  # adjective said of the object ("hold Y responsible")
    clause: bool = False  # the verb reports a clause ("protested that Y ..."): speech, not an act
    particle: frozenset[str] = frozenset()
    prep: tuple[tuple[str, str], ...] = ()
    # preposition -> lemmas its object must have: "went on strike", "pulled out of the talks"
    prep_object: tuple[tuple[str, frozenset[str]], ...] = ()
    poss: str | None = None
    subject: str = "source"  # "target": the clause subject receives ("Kyiv received arms from X")
    requires: frozenset[str] = frozenset()
    reciprocal: bool = False
    frame: str = "event"
    passive: bool | None = None
    confidence: float = 0.8
    examples: tuple[str, ...] = field(default=(), compare=False)

    @property
    def specificity(self) -> int:
        """More conditions -> more specific -> preferred when two patterns match one token."""
        return 4 * bool(self.object) + 4 * bool(self.complement) + 6 * self.clause + 3 * bool(self.modifier) \
            + 2 * bool(self.particle) + len(self.prep) + bool(self.requires) + 6 * bool(self.prep_object)

    def prep_role(self, prep: str) -> str | None:
        for p, role in self.prep:
            if p == prep:
                return role
        return None


@dataclass(frozen=True)
class PatternSet:
    version: str
    patterns: tuple[Pattern, ...]

    @functools.cached_property
    def lemmas(self) -> frozenset[str]:
        """Every trigger lemma, of any part of speech (a quick first filter)."""
        return frozenset(lemma for _, lemma in self.by_lemma)

    @functools.cached_property
    def by_lemma(self) -> dict[tuple[str, str], list[Pattern]]:
        index: dict[tuple[str, str], list[Pattern]] = {}
        for p in self.patterns:
            for lemma in p.lemmas:
                index.setdefault((p.pos, lemma), []).append(p)
        for plist in index.values():
            plist.sort(key=lambda p: -p.specificity)
        return index


def _as_set(value, where: str, key: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise DataFileError(f"{where}: '{key}' must be a word or a list of words", None)
    return frozenset(v.lower() for v in value)


def _parse_prep(value, where: str) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise DataFileError(f"{where}: 'prep' must map prepositions to roles (source|target|topic)")
    for prep, role in value.items():
        if role not in ROLES:
            raise DataFileError(f"{where}: prep {prep!r} has role {role!r}; use one of {sorted(ROLES)}")
    return tuple((str(p).lower(), r) for p, r in value.items())


def _parse_prep_object(value, where: str) -> tuple[tuple[str, frozenset[str]], ...]:
    if value is None:
        return ()
    if not isinstance(value, dict) or not value:
        raise DataFileError(f"{where}: 'prep_object' must map prepositions to words (on: [strike])")
    return tuple((str(p).lower(), _as_set(words, where, "prep_object")) for p, words in value.items())


def _parse_one(entry: dict, where: str, known_codes) -> Pattern:
    if not isinstance(entry, dict):
        raise DataFileError(f"{where}: each pattern must be a mapping")
    unknown = set(entry) - _KEYS
    if unknown:
        raise DataFileError(f"{where}: unknown key(s) {sorted(unknown)}")
    pid, cameo = entry.get("id"), str(entry.get("cameo", ""))
    if not pid:
        raise DataFileError(f"{where}: pattern without an 'id'")
    where = f"{where} (id {pid})"
    if known_codes is not None and cameo not in known_codes:
        raise DataFileError(f"{where}: CAMEO code {cameo!r} is not in the CAMEO table")
    kinds = [k for k in ("verb", "noun", "adj") if k in entry]
    if len(kinds) != 1:
        raise DataFileError(f"{where}: give exactly one of 'verb', 'noun' or 'adj'")
    frame = entry.get("frame", "event")
    if frame not in FRAMES:
        raise DataFileError(f"{where}: frame {frame!r}; use one of {sorted(FRAMES)}")
    poss = entry.get("poss")
    if poss is not None and poss not in ROLES:
        raise DataFileError(f"{where}: poss {poss!r}; use one of {sorted(ROLES)}")
    subject = entry.get("subject", "source")
    if subject not in ("source", "target"):
        raise DataFileError(f"{where}: subject {subject!r}; use source or target")
    if "complement" in entry and kinds[0] != "verb":
        raise DataFileError(f"{where}: 'complement' needs a 'verb' trigger (an adjective said of its object)")
    if "clause" in entry and (kinds[0] != "verb" or not isinstance(entry["clause"], bool)):
        raise DataFileError(f"{where}: 'clause' is true or false, on a 'verb' trigger")
    examples = entry.get("examples") or ([entry["example"]] if entry.get("example") else [])
    return Pattern(
        id=str(pid), cameo=cameo, lemmas=_as_set(entry[kinds[0]], where, kinds[0]),
        pos={"verb": "VERB", "noun": "NOUN", "adj": "ADJ"}[kinds[0]],
        object=_as_set(entry.get("object"), where, "object"),
        not_object=_as_set(entry.get("not_object"), where, "not_object"),
        modifier=_as_set(entry.get("modifier"), where, "modifier"),
        not_modifier=_as_set(entry.get("not_modifier"), where, "not_modifier"),
        complement=_as_set(entry.get("complement"), where, "complement"), clause=bool(entry.get("clause", False)),
        particle=_as_set(entry.get("particle"), where, "particle"),
        prep=_parse_prep(entry.get("prep"), where), poss=poss,
        prep_object=_parse_prep_object(entry.get("prep_object"), where), subject=subject,
        requires=_as_set(entry.get("requires"), where, "requires"),
        reciprocal=bool(entry.get("reciprocal", False)), frame=frame,
        passive=entry.get("passive"), confidence=float(entry.get("confidence", 0.8)),
        examples=tuple(examples),
    )


def _known_codes():
    try:
        from eventwire.ontology import cameo_codes
    except ImportError:  # the ontology package is optional while bootstrapping
        return None
    return set(cameo_codes())


def parse_patterns(docs: list[tuple[str, dict]]) -> PatternSet:
    """Validate parsed YAML documents [(file name, content)] into one PatternSet."""
    known, patterns, seen, versions = _known_codes(), [], {}, []
    for name, doc in docs:
        if not isinstance(doc, dict) or not isinstance(doc.get("patterns"), list):
            raise DataFileError("must be a mapping with 'version' and a 'patterns' list", name)
        versions.append(str(doc.get("version", "unversioned")))
        for i, entry in enumerate(doc["patterns"]):
            p = _parse_one(entry, f"{name}: pattern {i + 1}", known)
            if p.id in seen:
                raise DataFileError(f"{name}: pattern id {p.id!r} is used twice (also in {seen[p.id]})")
            seen[p.id] = name
            patterns.append(p)
    return PatternSet(version="+".join(sorted(set(versions))), patterns=tuple(patterns))


def load_patterns(paths: list[Path] | None = None) -> PatternSet:
    """Load every pattern file (default: the packaged ones), validated."""
    if paths is None:
        return _packaged()
    return parse_patterns([(str(p), _read_yaml(Path(p))) for p in paths])


@functools.lru_cache(maxsize=1)
def _packaged() -> PatternSet:
    folder = resources.files("eventwire") / "data" / "patterns"
    files = sorted(f for f in folder.iterdir() if f.name.endswith(".yaml"))
    return parse_patterns([(f"patterns/{f.name}", _read_yaml(f)) for f in files])


def _read_yaml(path) -> dict:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataFileError(f"is not valid YAML: {exc}", str(path)) from None
