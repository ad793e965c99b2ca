"""A gazetteer of well-known political people: "Obama", "Putin", "President Erdogan".

`eventwire/data/gazetteer/people.yaml` (sources in people.SOURCES.md) lists heads of state and
government, foreign and defence ministers, heads of international organisations, rebel and
opposition leaders, each with a country (ISO3, IGO/NGO, or IMG for a transnational militant group), sector codes and the years of the
office; a person with several offices has `offices: [{role, sector, from, to, country?, org?}]`.
The file is loaded once and validated; a bad file raises `DataFileError` naming the file, the
entry and the problem.

Matching (`lookup_person`):
- accent- and punctuation-insensitive ("Erdogan" == "Erdoğan", "Kim Jong-un" == "Kim Jong Un"),
  but case-sensitive on proper names: a capitalised word must be capitalised in the text
  ("trump" the verb is not Trump) and an all-capital alias ("MBS") must be in capitals;
  particles written in lower case ("al-", "bin", "de", "von") match in any case;
- leading titles, ranks, countries and demonyms are skipped ("Russian President Vladimir Putin",
  "Mr. Netanyahu", "UN Secretary-General Antonio Guterres"), and a possessive "'s" is dropped;
- with `year`, the office held that year wins (else the nearest in time); without a year, the
  most recently begun office. An alias shared by two people ("Bush") always codes to one country
  and sector set (checked on loading); the year picks which person's office is returned.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from eventwire.errors import DataFileError

PEOPLE_VERSION = "people.v3"

_ENTRY_FIELDS = {"name", "aliases", "country", "sector", "role", "from", "to", "offices", "org", "note"}
_OFFICE_FIELDS = {"role", "sector", "from", "to", "country", "org"}
_ORG_COUNTRIES = ("IGO", "NGO", "IMG")  # organisation codes: the office names its `org`
_YEARS = range(1900, 2101)

# single words that name too many people to stand alone as an alias
_COMMON_WORDS = frozenset("""
    kim lee li wang xi abe park zhang chen liu yang zhao huang wu zhou sun ma hu lin guo he
    khan singh shah ali ahmed ahmad mohammed mohamed muhammad mohammad hussein hassan omar
    abdullah salman smith johnson brown jones williams taylor davies wilson miller martin
    moon kang cho choi jung yoon han nguyen tran le pham gandhi sharif castro kabila
    morales ortega sanchez rodriguez gonzalez fernandez garcia lopez perez martinez santos
    silva da costa major may rice powell baker gates carter cohen perry kerry straw hague
""".split())

# words that may stand before a name without being part of it (compared folded, no periods)
_TITLE_WORDS = frozenset("""
    the a former ex late then acting interim outgoing incoming caretaker new elect de facto
    mr mrs ms miss dr prof sir dame lord lady his her excellency majesty highness
    president vice prime minister premier chancellor secretary general state foreign defence
    defense deputy chief head leader supreme grand ayatollah king queen prince princess crown
    emir amir sheikh sheik sultan emperor empress pope chairman chairwoman chairperson chair
    speaker senator sen rep governor gov mayor commander marshal field admiral adm gen lt col
    colonel maj brig brigadier captain capt sgt army military junta strongman dictator warlord
    opposition rebel militant jihadist insurgent party spokesman spokeswoman envoy ambassador
    amb special external affairs home interior finance justice senior top of and for
    un u n nato eu iaea who imf icc arab league african union european commission council
    secretarygeneral director directorgeneral managing high representative commissioner
    taliban hamas hezbollah houthi kurdish islamic
""".split())

_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O",
                          "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "’": "'", "‘": "'",
                          "‐": "-", "–": "-", "‑": "-"})


@dataclass(frozen=True)
class PersonEntry:
    """One office of one person: what a mention of them codes to."""

    name: str
    country: str
    sector: tuple[str, ...]
    role: str | None = None
    org: str | None = None
    start: int | None = None
    end: int | None = None  # None: still in office

    def held_in(self, year: int) -> bool:
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    offices: tuple[PersonEntry, ...]
    note: str | None = None

    @property
    def codes(self) -> frozenset[tuple[str, tuple[str, ...]]]:
        return frozenset((o.country, o.sector) for o in self.offices)


@dataclass(frozen=True)
class People:
    version: str
    persons: tuple[Person, ...]
    # folded key -> [(surface tokens as written, person)]
    index: dict[str, list[tuple[tuple[str, ...], Person]]]


# ---------------------------------------------------------------- normalising


def _plain(text: str) -> str:
    """Accents off, special letters spelled out ("Wałęsa" -> "Walesa"), straight apostrophes."""
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(c for c in text if not unicodedata.combining(c))


def _tokens(text: str) -> tuple[str, ...]:
    """Name tokens as written, accent-free: "Kim Jong-un" -> (Kim, Jong, un); "U.S." -> (US,)."""
    text = _plain(text).replace("-", " ").replace(".", "").replace(",", " ")
    return tuple(t for t in text.replace('"', " ").split() if t)


def _key(tokens: tuple[str, ...]) -> str:
    return " ".join(tokens).casefold()


def _strip_possessive(text: str) -> str:
    """"Putin's" -> "Putin", "Abbas'" -> "Abbas"; also drops surrounding quotes and brackets."""
    text = text.strip().strip("\"“”()[]").strip()
    text = re.sub(r"['’]s$", "", text)
    return re.sub(r"(?<=s)['’]$", "", text)


def _case_ok(stored: tuple[str, ...], seen: tuple[str, ...]) -> bool:
    """A capitalised stored token needs a capitalised token in the text; an all-capital one
    ("MBS") needs capitals; a lower-case particle ("al", "bin", "de") matches any case."""
    for want, got in zip(stored, seen):
        if len(want) > 1 and want.isupper() and not got.isupper():
            return False
        if want[:1].isupper() and not got[:1].isupper():
            return False
    return True


# ---------------------------------------------------------------- loading


def _read(path: str | Path | None) -> tuple[Any, str]:
    from eventwire.gazetteer import _StrictLoader  # refuses a key given twice

    source = str(path) if path else "eventwire/data/gazetteer/people.yaml"
    resource = Path(path) if path else files("eventwire").joinpath("data/gazetteer/people.yaml")
    try:
        return yaml.load(resource.read_text(encoding="utf-8"), Loader=_StrictLoader), source
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"cannot read people file: {exc}", source=source) from exc


def _need(ok: bool, source: str, where: str, problem: str) -> None:
    if not ok:
        raise DataFileError(f"{where}: {problem}", source=source)


@lru_cache(maxsize=1)
def _known_countries() -> frozenset[str]:
    from eventwire.gazetteer import load_countries

    index = load_countries()
    return frozenset(e.iso3 for e in [*index.folded.values(), *index.exact.values()])


@lru_cache(maxsize=8)
def load_people(path: str | Path | None = None) -> People:
    """Load and validate people.yaml (or the file at `path`)."""
    data, source = _read(path)
    _need(isinstance(data, dict), source, "file", "must be a mapping with `version` and `people`")
    _need(data.get("version") == PEOPLE_VERSION, source, "version",
          f"must be {PEOPLE_VERSION!r}, not {data.get('version')!r}")
    rows = data.get("people")
    _need(isinstance(rows, list) and bool(rows), source, "people", "must be a non-empty list")
    persons: list[Person] = []
    names: dict[str, int] = {}
    for n, row in enumerate(rows, 1):
        person = _person(row, n, source)
        key = _key(_tokens(person.name))
        _need(key not in names, source, f"people #{n} ({person.name})",
              f"name is already listed as people #{names.get(key)}")
        names[key] = n
        persons.append(person)
    return People(PEOPLE_VERSION, tuple(persons), _index(persons, source))


def _person(row: Any, n: int, source: str) -> Person:
    where = f"people #{n}"
    _need(isinstance(row, dict), source, where, "must be a mapping")
    name = row.get("name")
    _need(isinstance(name, str) and bool(name.strip()), source, where, "needs a `name`")
    where = f"{where} ({name})"
    extra = set(row) - _ENTRY_FIELDS
    _need(not extra, source, where, f"unknown field(s) {sorted(extra)}")
    aliases = row.get("aliases") or []
    _need(isinstance(aliases, list) and all(isinstance(a, str) and a.strip() for a in aliases),
          source, f"{where} aliases", "must be a list of non-empty strings")
    for alias in aliases:
        _alias_ok(alias, source, where)
    note = row.get("note")
    _need(note is None or isinstance(note, str), source, where, "note must be a string")
    defaults = {"country": row.get("country"), "sector": row.get("sector"), "org": row.get("org")}
    if "offices" in row:
        both = sorted({"role", "from", "to"} & set(row))
        _need(not both, source, where, f"give either `offices` or {both}, not both")
        offices = row["offices"]
        _need(isinstance(offices, list) and bool(offices), source, f"{where} offices",
              "must be a non-empty list of {role, sector, from, to}")
        entries = [_office(o, name, defaults, source, f"{where} offices #{i}")
                   for i, o in enumerate(offices, 1)]
    else:
        entries = [_office({k: row.get(k) for k in ("role", "from", "to") if k in row},
                           name, defaults, source, where)]
    return Person(name, tuple(aliases), tuple(entries), note)


def _office(row: Any, name: str, defaults: dict, source: str, where: str) -> PersonEntry:
    from eventwire.gazetteer import load_agents

    _need(isinstance(row, dict), source, where, "must be a mapping")
    extra = set(row) - _OFFICE_FIELDS
    _need(not extra, source, where, f"unknown field(s) {sorted(extra)}")
    country = row.get("country", defaults["country"])
    ok = country in _ORG_COUNTRIES or country in _known_countries()
    _need(ok, source, where, f"country {country!r} is not a known ISO3 code, IGO, NGO or IMG")
    sector = row.get("sector", defaults["sector"])
    ok = isinstance(sector, list) and bool(sector) and all(isinstance(s, str) for s in sector)
    _need(ok, source, where, "needs `sector`: a non-empty list of sector codes")
    unknown = [s for s in sector if s not in load_agents().sectors]
    _need(not unknown, source, where, f"unknown sector code(s) {unknown}; see agents.yaml")
    _need(len(set(sector)) == len(sector), source, where, f"sector {sector} repeats a code")
    role = row.get("role")
    _need(isinstance(role, str) and bool(role.strip()), source, where, "needs a `role`")
    org = row.get("org", defaults["org"] if country in _ORG_COUNTRIES else None)
    _need(org is None or (isinstance(org, str) and bool(org.strip())), source, where,
          "org must be a non-empty string")
    _need(country not in _ORG_COUNTRIES or org is not None, source, where,
          f"an {country} office needs an `org` (the organisation's name)")
    start, end = row.get("from"), row.get("to")
    _need(isinstance(start, int) and start in _YEARS, source, where,
          f"`from` must be a year, not {start!r}")
    _need(end is None or (isinstance(end, int) and end in _YEARS), source, where,
          f"`to` must be a year or null, not {end!r}")
    _need(end is None or start <= end, source, where, f"`from` {start} is after `to` {end}")
    return PersonEntry(name, country, tuple(sector), role, org, start, end)


def _alias_ok(alias: str, source: str, where: str) -> None:
    tokens = _tokens(alias)
    _need(bool(tokens), source, where, f"alias {alias!r} has no letters")
    if len(tokens) > 1:
        return
    word = tokens[0]
    _need(word.casefold() not in _COMMON_WORDS, source, where,
          f"alias {alias!r} is too common a name to stand alone; use the full name")
    _need(word[:1].isupper(), source, where, f"single-word alias {alias!r} must be capitalised")
    from eventwire.gazetteer import lookup_country, lookup_igo

    clash = lookup_country(alias) or lookup_igo(alias)
    _need(clash is None, source, where, f"alias {alias!r} is also a place or organisation name")


def _index(persons: list[Person], source: str) -> dict:
    index: dict[str, list[tuple[tuple[str, ...], Person]]] = {}
    for person in persons:
        for surface in (person.name, *person.aliases):
            tokens = _tokens(surface)
            rows = index.setdefault(_key(tokens), [])
            for _, other in rows:
                if other is not person and other.codes != person.codes:
                    raise DataFileError(
                        f"alias {surface!r} names both {other.name} ({_codes(other)}) and "
                        f"{person.name} ({_codes(person)}); an alias may be shared only by "
                        "people with the same country and sectors", source=source)
            if (tokens, person) not in rows:
                rows.append((tokens, person))
    return index


def _codes(person: Person) -> str:
    return "; ".join(sorted(f"{c} {'+'.join(s)}" for c, s in person.codes))


# ---------------------------------------------------------------- lookups


def lookup_person(text: str, year: int | None = None) -> PersonEntry | None:
    """The person (and office) that a name in the text stands for, or None.

    Titles, ranks, countries and demonyms before the name are skipped; with `year`, the office
    held that year is preferred (else the nearest in time); without it, the latest office.
    """
    if not text or not text.strip():
        return None
    people = load_people()
    tokens = _tokens(_strip_possessive(text))
    for start in range(len(tokens)):
        found = _match(people, tokens[start:])
        if found:
            return _choose(found, year)
        if not _skippable(tokens[start]):
            return None
    return None


def _match(people: People, tokens: tuple[str, ...]) -> list[Person]:
    rows = people.index.get(_key(tokens), [])
    out: list[Person] = []
    for stored, person in rows:
        if _case_ok(stored, tokens) and person not in out:
            out.append(person)
    return out


def _skippable(token: str) -> bool:
    word = token.casefold().replace("'", "")
    if word in _TITLE_WORDS or word in _role_words():
        return True
    from eventwire.gazetteer import lookup_country, lookup_igo

    bare = re.sub(r"'s?$", "", token)
    return lookup_country(bare) is not None or lookup_igo(bare) is not None


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    from eventwire.gazetteer import load_agents

    words = set()
    for title, _ in load_agents().roles.values():
        words.update(t.casefold() for t in _tokens(title))
    return frozenset(words)


def _choose(persons: list[Person], year: int | None) -> PersonEntry:
    offices = [o for p in persons for o in p.offices]
    if year is None:
        return max(offices, key=lambda o: (o.start or 0, o.end or 9999))
    held = [o for o in offices if o.held_in(year)]
    if held:
        return max(held, key=lambda o: (o.start or 0, o.end or 9999))

    def distance(o: PersonEntry) -> int:
        return (o.start or year) - year if (o.start or year) > year else year - (o.end or year)

    return min(offices, key=lambda o: (distance(o), -(o.start or 0)))


# ---------------------------------------------------------------- spaCy patterns


def ruler_patterns() -> list[dict]:
    """EntityRuler token patterns, label "PERSON", id "PER:<name>", for every full name and
    alias with its accent-free, curly-apostrophe and unhyphenated spellings. A fresh copy each
    call. An alias shared by two people ("Bush") gets one pattern with the id of the most
    recent of them; resolve it with `lookup_person(text, year)` to get the right office."""
    return [{**p, "pattern": [dict(t) for t in p["pattern"]]} for p in _patterns()]


@lru_cache(maxsize=1)
def _patterns() -> tuple[dict, ...]:
    import spacy  # only the pattern builder needs spaCy; lookups stay light

    tokenizer = spacy.blank("en").tokenizer
    people = load_people()
    out: dict[str, dict] = {}
    for rows in people.index.values():
        owners = {id(p): p for _, p in rows}
        best = _choose(list(owners.values()), None).name
        for surface in _surfaces(rows):
            for variant in _variants(surface):
                tokens = _token_patterns(variant, tokenizer)
                out.setdefault(repr(tokens), {"label": "PERSON", "pattern": tokens, "id": f"PER:{best}"})
    return tuple(out.values())


def _surfaces(rows: list[tuple[tuple[str, ...], Person]]) -> list[str]:
    """The spellings written in the file for one folded key."""
    keys = {tokens for tokens, _ in rows}
    found = []
    for _, person in rows:
        for surface in (person.name, *person.aliases):
            if _tokens(surface) in keys and surface not in found:
                found.append(surface)
    return found


def _variants(text: str) -> set[str]:
    plain = _plain(text)
    forms = {text.replace("’", "'"), plain}
    forms |= {f.replace("'", "’") for f in forms}
    forms |= {f.replace("-", " ") for f in forms}
    return forms


def _token_patterns(text: str, tokenizer: Any) -> list[dict]:
    """One dict per token: all-capital words ("MBS") exact; capitalised words any case but
    all-lower-case; lower-case particles ("al", "bin", "de") and punctuation any case."""
    patterns = []
    for token in tokenizer(text):
        word = token.text
        if len(word) > 1 and word.isupper() and word.isalpha():
            patterns.append({"TEXT": word})
        elif word[:1].isupper():
            patterns.append({"LOWER": token.lower_, "IS_LOWER": False})
        else:
            patterns.append({"LOWER": token.lower_})
    return patterns
