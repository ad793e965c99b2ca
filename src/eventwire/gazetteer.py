"""The actor gazetteer: countries, international organisations and sector words, as data.

Three YAML files under `eventwire/data/gazetteer/` (sources in SOURCES.md) are loaded once and
validated; a bad file raises `DataFileError` naming the file, the entry and the problem. The
loaders take an optional path so that tests (and users) can feed their own files.

Matching is case-insensitive and accent-insensitive ("Turkiye" == "Türkiye"), except for
all-capital abbreviations ("US", "U.S.", "UN"), which match only in capitals so that the
pronoun "us" is never the United States.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from eventwire.errors import DataFileError

GAZETTEER_VERSION = "gazetteer.v3"

_ISO3 = re.compile(r"^[A-Z]{3}$")
_ABBREV = re.compile(r"^[A-Z][A-Z0-9+&]{1,5}$")
_COUNTRY_FIELDS = {"iso3", "name", "names", "demonyms", "capitals", "cameo"}
_IGO_FIELDS = {"key", "name", "names", "kind", "cameo", "sectors"}
_RULER_LABEL = {"name": "GPE", "capital": "GPE", "institution": "GPE", "demonym": "NORP"}


@dataclass(frozen=True)
class CountryEntry:
    """A country matched by a name, demonym, capital or institution (`kind` says which)."""

    iso3: str
    name: str
    kind: str
    sectors: tuple[str, ...] = ()
    cameo: str | None = None


@dataclass(frozen=True)
class IgoEntry:
    key: str
    name: str
    kind: str  # "IGO" or "NGO"
    cameo: str | None = None
    sectors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Agents:
    """Sector codes (in precedence order), sector terms and role titles."""

    sectors: tuple[str, ...]
    terms: dict[tuple[str, ...], tuple[str, ...]]
    roles: dict[str, tuple[str, tuple[str, ...]]]
    longest: int


@dataclass(frozen=True)
class Index:
    """Surface forms -> entries: `exact` holds case-sensitive abbreviations, `folded` the rest."""

    exact: dict[str, Any] = field(default_factory=dict)
    folded: dict[str, Any] = field(default_factory=dict)
    surfaces: list[tuple[str, Any]] = field(default_factory=list)
    blockers: list[tuple[str, str]] = field(default_factory=list)


# ---------------------------------------------------------------- normalising


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "The Türkiye’s" -> "turkiye"."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"['’]s?$", "", text.strip().replace("’", "'"))
    text = " ".join(text.replace("-", " ").replace(".", "").split()).casefold()
    return text[4:] if text.startswith("the ") else text


def abbreviation(text: str) -> str | None:
    """"U.S." -> "US"; None unless the text is an all-capital abbreviation."""
    text = re.sub(r"^(the|The) ", "", text.strip())
    text = re.sub(r"['’]s?$", "", text).replace(".", "").replace(" ", "")
    return text if _ABBREV.match(text) else None


def _words(text: str, keep_periods: bool = False) -> tuple[str, ...]:
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"['’]s\b", "", text).replace("-", " ").replace("/", " ")
    if not keep_periods:
        text = text.replace(".", "")
    return tuple(text.casefold().split())


# ---------------------------------------------------------------- loading


class _StrictLoader(yaml.SafeLoader):
    """Safe YAML that refuses a key given twice: plain YAML keeps the last one silently,
    and a second `demonyms:` line would wipe out the first list."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
        twice = sorted({str(k) for k in keys if keys.count(k) > 1})
        if twice:
            raise yaml.constructor.ConstructorError(
                None, None, f"key(s) {twice} given twice", node.start_mark)
        return super().construct_mapping(node, deep=deep)


def _read(path: str | Path | None, default: str) -> tuple[Any, str]:
    source = str(path) if path else f"eventwire/data/gazetteer/{default}"
    resource = Path(path) if path else files("eventwire").joinpath(f"data/gazetteer/{default}")
    try:
        return yaml.load(resource.read_text(encoding="utf-8"), Loader=_StrictLoader), source
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"cannot read gazetteer file: {exc}", source=source) from exc


def _need(ok: bool, source: str, where: str, problem: str) -> None:
    if not ok:
        raise DataFileError(f"{where}: {problem}", source=source)


def _strings(value: Any, source: str, where: str) -> list[str]:
    value = [] if value is None else value
    ok = isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
    _need(ok, source, where, "must be a list of non-empty strings")
    return value


def _codes(
    value: Any, known: tuple[str, ...], source: str, where: str, needed: bool = False
) -> tuple[str, ...]:
    codes = _strings(value, source, where)
    unknown = [c for c in codes if c not in known]
    _need(not unknown, source, where, f"unknown sector code(s) {unknown}; see agents.yaml")
    _need(bool(codes) or not needed, source, where, "needs at least one sector code")
    return tuple(codes)


def _known_sectors(value: Any, source: str, where: str) -> tuple[str, ...]:
    return _codes(value, load_agents().sectors, source, where)


@lru_cache(maxsize=8)
def load_agents(path: str | Path | None = None) -> Agents:
    data, source = _read(path, "agents.yaml")
    _need(isinstance(data, dict), source, "file", "must be a mapping with sectors, terms, roles")
    sectors = data.get("sectors")
    _need(isinstance(sectors, dict) and sectors, source, "sectors", "must map codes to meanings")
    bad = [c for c in sectors if not re.match(r"^[A-Z]{3}$", str(c))]
    _need(not bad, source, "sectors", f"codes must be three capital letters, not {bad}")
    known = tuple(sectors)
    terms = _agent_terms(data.get("terms"), known, source)
    roles = _agent_roles(data.get("roles"), known, source)
    return Agents(known, terms, roles, max(len(t) for t in terms))


def _agent_terms(groups: Any, known: tuple[str, ...], source: str) -> dict:
    _need(isinstance(groups, list) and groups, source, "terms", "must be a non-empty list")
    terms: dict[tuple[str, ...], tuple[str, ...]] = {}
    for n, group in enumerate(groups, 1):
        where = f"terms #{n}"
        _need(isinstance(group, dict), source, where, "must have `sectors` and `words`")
        codes = _codes(group.get("sectors"), known, source, f"{where} sectors", needed=True)
        for word in _strings(group.get("words"), source, f"{where} words"):
            key = _words(word)
            _need(key not in terms, source, where, f"term {word!r} is listed twice")
            terms[key] = codes
    return terms


def _agent_roles(roles: Any, known: tuple[str, ...], source: str) -> dict:
    _need(isinstance(roles, list), source, "roles", "must be a list")
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for n, role in enumerate(roles, 1):
        where = f"roles #{n}"
        ok = isinstance(role, dict) and isinstance(role.get("title"), str)
        _need(ok, source, where, "must have a `title` and `sectors`")
        key = " ".join(_words(role["title"], keep_periods=True))
        _need(key not in out, source, where, f"title {role['title']!r} is listed twice")
        out[key] = (role["title"], _codes(role.get("sectors"), known, source, where, needed=True))
    return out


@lru_cache(maxsize=8)
def load_countries(path: str | Path | None = None) -> Index:
    data, source = _read(path, "countries.yaml")
    _need(isinstance(data, dict), source, "file", "must be a mapping with a `countries` list")
    rows = data.get("countries")
    _need(isinstance(rows, list) and rows, source, "countries", "must be a non-empty list")
    entries = {}
    forms: list[tuple[str, CountryEntry]] = []
    for n, row in enumerate(rows, 1):
        iso3, country_forms = _country(row, n, source)
        _need(iso3 not in entries, source, f"countries #{n} ({iso3})", "iso3 is listed twice")
        entries[iso3] = country_forms[0][1]
        forms += country_forms
    forms += _institutions(data.get("institutions"), entries, source)
    chosen = _ambiguous(data.get("ambiguous"), entries, source)
    index = _index(forms, chosen, source)
    index.blockers.extend(_blockers(data.get("blockers"), source))
    return index


def _country(row: Any, n: int, source: str) -> tuple[str, list[tuple[str, CountryEntry]]]:
    where = f"countries #{n}"
    _need(isinstance(row, dict), source, where, "must be a mapping")
    iso3 = row.get("iso3")
    _need(isinstance(iso3, str) and bool(_ISO3.match(iso3)), source, where,
          f"iso3 must be three capital letters, not {iso3!r}")
    where = f"{where} ({iso3})"
    extra = set(row) - _COUNTRY_FIELDS
    _need(not extra, source, where, f"unknown field(s) {sorted(extra)}")
    name, cameo = row.get("name"), row.get("cameo")
    _need(isinstance(name, str) and name.strip(), source, where, "needs a `name`")
    _need(cameo is None or isinstance(cameo, str), source, where, "cameo must be a string")

    def entry(kind: str) -> CountryEntry:
        return CountryEntry(iso3, name, kind, (), cameo)

    forms = [(name, entry("name"))]
    for field_name, kind in (("names", "name"), ("capitals", "capital"), ("demonyms", "demonym")):
        texts = _strings(row.get(field_name), source, f"{where} {field_name}")
        forms += [(text, entry(kind)) for text in texts]
    return iso3, forms


def _institutions(rows: Any, entries: dict, source: str) -> list[tuple[str, CountryEntry]]:
    out = []
    for n, row in enumerate(rows or [], 1):
        where = f"institutions #{n}"
        ok = isinstance(row, dict) and isinstance(row.get("name"), str)
        _need(ok, source, where, "needs a `name`, a `country` and `sectors`")
        country = entries.get(row.get("country"))
        _need(country is not None, source, where, f"unknown country {row.get('country')!r}")
        sectors = _known_sectors(row.get("sectors"), source, where)
        entry = CountryEntry(country.iso3, country.name, "institution", sectors, country.cameo)
        out.append((row["name"], entry))
    return out


def _ambiguous(rows: Any, entries: dict, source: str) -> dict[str, str]:
    chosen = {}
    for n, row in enumerate(rows or [], 1):
        where = f"ambiguous #{n}"
        ok = isinstance(row, dict) and isinstance(row.get("name"), str)
        ok = ok and row.get("choose") in entries
        _need(ok, source, where, "needs a `name` and a known `choose`")
        chosen[fold(row["name"])] = row["choose"]
    return chosen


def _blockers(rows: Any, source: str) -> list[tuple[str, str]]:
    out = []
    for n, row in enumerate(rows or [], 1):
        ok = isinstance(row, dict) and isinstance(row.get("text"), str) and row.get("label")
        _need(bool(ok), source, f"blockers #{n}", "needs `text` and `label`")
        out.append((row["text"], str(row["label"])))
    return out


def _index(forms: list[tuple[str, Any]], chosen: dict[str, str], source: str) -> Index:
    """Index surface forms; a form naming two entries is an error unless `chosen` settles it."""
    index = Index()
    for text, entry in forms:
        abbrev = abbreviation(text) if text.replace(".", "").replace(" ", "").isupper() else None
        table, key = (index.exact, abbrev) if abbrev else (index.folded, fold(text))
        other = table.get(key)
        if other is not None and _id(other) == _id(entry):
            if other == entry:  # another spelling of the same thing ("U.N." beside "UN")
                index.surfaces.append((text, entry))
            continue  # else "Saudi" as a name and a demonym: the first kind wins
        if other is not None:
            pick = chosen.get(fold(text))
            _need(pick is not None, source, f"name {text!r}",
                  f"names both {_id(other)} and {_id(entry)}; list it under `ambiguous`")
            if _id(entry).endswith(str(pick)) and not _id(other).endswith(str(pick)):
                table[key] = entry
            continue
        table.setdefault(key, entry)
        index.surfaces.append((text, entry))
    # an ambiguous name keeps only the chosen entry's surface form (for the entity ruler)
    index.surfaces[:] = [(t, e) for t, e in index.surfaces if _find(index, t) == e]
    return index


def _id(entry: Any) -> str:
    return f"CTRY:{entry.iso3}" if isinstance(entry, CountryEntry) else f"IGO:{entry.key}"


def _find(index: Index, text: str) -> Any:
    abbrev = abbreviation(text)
    if abbrev and abbrev in index.exact:
        return index.exact[abbrev]
    return index.folded.get(fold(text))


@lru_cache(maxsize=8)
def load_igos(path: str | Path | None = None) -> Index:
    data, source = _read(path, "igos.yaml")
    rows = data.get("organisations") if isinstance(data, dict) else None
    _need(isinstance(rows, list) and rows, source, "organisations", "must be a non-empty list")
    forms: list[tuple[str, IgoEntry]] = []
    keys: set[str] = set()
    for n, row in enumerate(rows, 1):
        entry, aliases = _igo(row, n, source)
        where = f"organisations #{n}"
        _need(entry.key not in keys, source, where, f"key {entry.key} is listed twice")
        keys.add(entry.key)
        forms += [(alias, entry) for alias in aliases]
    return _index(forms, {}, source)


def _igo(row: Any, n: int, source: str) -> tuple[IgoEntry, list[str]]:
    where = f"organisations #{n}"
    ok = isinstance(row, dict) and all(isinstance(row.get(f), str) for f in ("key", "name"))
    _need(ok, source, where, "needs a `key` and a `name`")
    where = f"{where} ({row['key']})"
    extra = set(row) - _IGO_FIELDS
    _need(not extra, source, where, f"unknown field(s) {sorted(extra)}")
    _need(row.get("kind") in ("IGO", "NGO"), source, where, "kind must be IGO or NGO")
    sectors = _known_sectors(row.get("sectors"), source, f"{where} sectors")
    entry = IgoEntry(row["key"], row["name"], row["kind"], row.get("cameo"), sectors)
    return entry, [row["name"], *_strings(row.get("names"), source, f"{where} names")]


# ---------------------------------------------------------------- public lookups


def lookup_country(text: str) -> CountryEntry | None:
    """The country that a name, demonym, capital or institution stands for, or None."""
    return _find(load_countries(), text) if text and text.strip() else None


def lookup_igo(text: str) -> IgoEntry | None:
    """The international organisation or NGO that `text` names, or None."""
    return _find(load_igos(), text) if text and text.strip() else None


def sectors_for(words: str) -> list[str]:
    """Sector codes that a noun phrase or title implies ("Defense Ministry" -> MIL, GOV)."""
    return list(_sectors_for(words))


@lru_cache(maxsize=50_000)
def _sectors_for(words: str) -> tuple[str, ...]:
    agents = load_agents()
    found = {code for term in _terms_in(_words(words), agents) for code in agents.terms[term]}
    return tuple(code for code in agents.sectors if code in found)


def _terms_in(tokens: tuple[str, ...], agents: Agents) -> list[tuple[str, ...]]:
    """Longest-first, non-overlapping sector terms in the tokens, accepting a final plural."""
    found, i = [], 0
    while i < len(tokens):
        for size in range(min(agents.longest, len(tokens) - i), 0, -1):
            term = _known_term(tokens[i:i + size], agents)
            if term:
                found.append(term)
                i += size
                break
        else:
            i += 1
    return found


def _known_term(tokens: tuple[str, ...], agents: Agents) -> tuple[str, ...] | None:
    *head, last = tokens
    for variant in (last, re.sub(r"ies$", "y", last), re.sub(r"e?s$", "", last), last[:-1]):
        if (*head, variant) in agents.terms:
            return (*head, variant)
    return None


def role_title(words: str) -> tuple[str, list[str]] | None:
    """The role title that ends `words` ("Turkish Defense Minister" -> Defense Minister).

    Ranks keep their period: "Gen." is a rank, a bare "Gen" is not (a given name in Japanese).
    Callers still check that a capitalised name follows the title.
    """
    found = _role_title(words)
    return (found[0], list(found[1])) if found else None


@lru_cache(maxsize=50_000)
def _role_title(words: str) -> tuple[str, tuple[str, ...]] | None:
    tokens = _words(words, keep_periods=True)
    roles = load_agents().roles
    for start in range(len(tokens)):
        found = roles.get(" ".join(tokens[start:]))
        if found:
            return found[0], tuple(found[1])
    return None


# ---------------------------------------------------------------- spaCy patterns


def entity_ruler_patterns() -> list[dict]:
    """EntityRuler token patterns: countries, capitals and regions GPE, demonyms NORP,
    organisations ORG.

    Ids are "CTRY:<iso3>", "REG:<key>" and "IGO:<key>"; blockers ("New Jersey") carry "BLOCK:<text>" and
    no actor, so the longer match wins over "Jersey". A fresh copy each call.
    """
    return [{**p, "pattern": [dict(t) for t in p["pattern"]]} for p in _patterns()]


@lru_cache(maxsize=1)
def _patterns() -> tuple[dict, ...]:
    import spacy  # only the pattern builder needs spaCy; lookups stay light

    tokenizer = spacy.blank("en").tokenizer
    out: dict[tuple, dict] = {}
    labelled = [(t, _RULER_LABEL[e.kind], _id(e)) for t, e in load_countries().surfaces]
    labelled += [(t, "ORG", _id(e)) for t, e in load_igos().surfaces]
    labelled += [(t, label, f"BLOCK:{t}") for t, label in load_countries().blockers]
    # after the blockers: "New Jersey" and "Washington State" are US states, not blocked names
    labelled += [(t, _RULER_LABEL[e.kind], f"REG:{e.key}") for t, e in load_regions().surfaces]
    for text, label, ent_id in labelled:
        for variant in _variants(text):
            tokens = _token_patterns(variant, tokenizer, acronyms=not ent_id.startswith("REG:"))
            pattern = {"label": label, "pattern": tokens, "id": ent_id}
            out.setdefault((label, ent_id, repr(tokens)), pattern)
    return tuple(out.values())


def _variants(text: str) -> set[str]:
    """Spellings news uses for the same name: without accents, curly apostrophe, no hyphen."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    forms = {text, plain}
    forms |= {f.replace("'", "’") for f in forms}
    forms |= {f.replace("-", " ") for f in forms}
    return forms


def _token_patterns(text: str, tokenizer: Any, acronyms: bool = True) -> list[dict]:
    """One dict per token; abbreviations match exact text, other capitalised words any case
    but all-lower-case ("turkey" the bird, "chad" the verb never match) and, with `acronyms`
    False (region names), but all-capital ("IMO" is an acronym, not Nigeria's Imo state)."""
    exact = text.replace(".", "").replace(" ", "").isupper() and abbreviation(text) is not None
    patterns = []
    for token in tokenizer(text):
        if exact:
            patterns.append({"TEXT": token.text})
        elif token.text[:1].isupper():
            patterns.append({"LOWER": token.lower_, "IS_LOWER": False})
            if not acronyms and len(token.text) > 1 and not token.text.isupper():
                patterns[-1]["IS_UPPER"] = False
        else:
            patterns.append({"LOWER": token.lower_})
    return patterns


# ---------------------------------------------------------------- regions

_REGION_FIELDS = {"iso", "country", "name", "names", "demonyms", "note"}
_ISO2_SUB = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
_REGION_VERSION = re.compile(r"^regions\.v\d+$")


@dataclass(frozen=True)
class RegionEntry:
    """A province, state or region matched by a name or a people word (`kind` says which).

    `country` is None for a form shared by regions of several countries (`countries`): such a
    form codes a country only where its sentence names exactly one of them."""

    key: str
    name: str
    kind: str  # "name" or "demonym"
    country: str | None
    countries: tuple[str, ...] = ()


@dataclass(frozen=True)
class Regions:
    folded: dict[str, RegionEntry] = field(default_factory=dict)
    exact: dict[str, RegionEntry] = field(default_factory=dict)
    surfaces: list[tuple[str, RegionEntry]] = field(default_factory=list)
    version: str = ""


@lru_cache(maxsize=8)
def load_regions(path: str | Path | None = None, countries: str | Path | None = None) -> Regions:
    """regions.yaml, checked against the country gazetteer: a region form may not also name a
    country, capital or demonym (the country wins), nor be listed under `left_out`; a form used
    by regions of two countries must be listed under `ambiguous` with those countries."""
    data, source = _read(path, "regions.yaml")
    _need(isinstance(data, dict), source, "file", "must be a mapping with `version` and `regions`")
    version = data.get("version")
    _need(isinstance(version, str) and bool(_REGION_VERSION.match(version)), source, "version",
          f"must look like 'regions.v1', not {version!r}")
    extra = set(data) - {"version", "regions", "ambiguous", "left_out"}
    _need(not extra, source, "file", f"unknown section(s) {sorted(extra)}")
    country_index = load_countries(countries)
    known = {e.iso3 for _, e in country_index.surfaces}
    left_out = _left_out(data.get("left_out"), known, source)
    shared = _shared_forms(data.get("ambiguous"), known, source)
    rows = data.get("regions")
    _need(isinstance(rows, list) and rows, source, "regions", "must be a non-empty list")
    seen: dict[str, tuple[str, str]] = {}  # folded form -> (country, where)
    users: dict[str, set[str]] = {}
    out = Regions(version=version)
    for n, row in enumerate(rows, 1):
        for text, entry, where in _region_forms(row, n, known, source):
            key = fold(text)
            _need(key not in left_out, source, where, f"{text!r} is listed under `left_out`")
            clash = _find(country_index, text)
            _need(clash is None, source, where,
                  f"{text!r} is also a {getattr(clash, 'kind', '')} of {getattr(clash, 'iso3', '')} "
                  "in countries.yaml (the country wins): list it under `left_out`")
            users.setdefault(key, set()).add(entry.country or "")
            if key in shared:
                continue
            if key in seen and seen[key][0] != entry.country:
                _need(False, source, where, f"{text!r} also names a region of {seen[key][0]} "
                      f"({seen[key][1]}): list it under `ambiguous`")
            seen.setdefault(key, (entry.country or "", where))
            _add_region_form(out, text, entry)
    for key, (text, countries, kind) in shared.items():
        stray = users.get(key, set()) - set(countries)
        _need(not stray, source, f"ambiguous {text!r}",
              f"regions of {sorted(stray)} use it: add them to `countries`")
        _add_region_form(out, text, RegionEntry(key, text, kind, None, countries))
    return out


def _region_forms(row: Any, n: int, known: set[str], source: str):
    where = f"regions #{n}"
    _need(isinstance(row, dict), source, where, "must be a mapping")
    name = row.get("name")
    _need(isinstance(name, str) and bool(name.strip()), source, where, "needs a `name`")
    where = f"{where} ({name})"
    extra = set(row) - _REGION_FIELDS
    _need(not extra, source, where, f"unknown field(s) {sorted(extra)}")
    country = row.get("country")
    _need(country in known, source, where, f"unknown country {country!r} (an iso3 of countries.yaml)")
    iso = row.get("iso")
    _need(iso is None or (isinstance(iso, str) and bool(_ISO2_SUB.match(iso))), source, where,
          f"iso must be an ISO 3166-2 code like 'RU-CE', not {iso!r}")
    key = iso or f"{country}:{fold(name)}"
    forms = [(name, "name")] + [(t, "name") for t in _strings(row.get("names"), source, f"{where} names")]
    forms += [(t, "demonym") for t in _strings(row.get("demonyms"), source, f"{where} demonyms")]
    for text, kind in forms:
        yield text, RegionEntry(key, name, kind, country, (country,)), where


def _left_out(rows: Any, known: set[str], source: str) -> set[str]:
    out = set()
    for n, row in enumerate(rows or [], 1):
        ok = isinstance(row, dict) and isinstance(row.get("name"), str) and row.get("country") in known
        _need(ok and isinstance(row.get("why"), str), source, f"left_out #{n}",
              "needs a `name`, a known `country` and a `why`")
        out.add(fold(row["name"]))
    return out


def _shared_forms(rows: Any, known: set[str], source: str) -> dict[str, tuple[str, tuple[str, ...], str]]:
    out = {}
    for n, row in enumerate(rows or [], 1):
        where = f"ambiguous #{n}"
        ok = isinstance(row, dict) and isinstance(row.get("name"), str) and isinstance(row.get("why"), str)
        _need(ok, source, where, "needs a `name`, `countries` and a `why`")
        countries = row.get("countries")
        ok = isinstance(countries, list) and len(set(countries)) >= 2 and all(c in known for c in countries)
        _need(ok, source, where, "`countries` must list two or more known iso3 codes")
        _need(row.get("kind", "name") in ("name", "demonym"), source, where, "kind must be name or demonym")
        out[fold(row["name"])] = (row["name"], tuple(countries), row.get("kind", "name"))
    return out


def _add_region_form(out: Regions, text: str, entry: RegionEntry) -> None:
    abbrev = abbreviation(text) if text.replace(".", "").replace(" ", "").isupper() else None
    table, key = (out.exact, abbrev) if abbrev else (out.folded, fold(text))
    if key not in table:
        table[key] = entry
        out.surfaces.append((text, entry))


_REGION_WORDS = ("province", "region", "state", "oblast", "krai", "governorate", "district",
                 "republic", "territory", "prefecture", "county", "department", "regional state")


def lookup_region(text: str) -> RegionEntry | None:
    """The province, state or region that `text` names ("Tigray", "Tigrayan", "the Jonglei
    state"), or None. A country name is never a region: look countries up first."""
    return _lookup_region(text) if text and text.strip() else None


@lru_cache(maxsize=20_000)
def _lookup_region(text: str) -> RegionEntry | None:
    regions = load_regions()
    abbrev = abbreviation(text)
    if abbrev and abbrev in regions.exact:
        return regions.exact[abbrev]
    key = fold(text)
    found = regions.folded.get(key)
    if found is None:  # "Sindh province", "the Tyumen region"
        for word in _REGION_WORDS:
            if key.endswith(" " + word):
                return regions.folded.get(key[: -len(word) - 1])
    return found
