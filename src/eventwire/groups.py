"""Non-state armed groups and movements ("Hamas", "the Taliban", "Boko Haram"): data file
`data/gazetteer/groups.yaml`, validated when loaded, and entity-ruler patterns for them."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from eventwire.errors import DataFileError

GROUPS_VERSION = "groups.v2"
SPECIAL_COUNTRIES = {"IMG"}  # CAMEO's international militarised group


@dataclass(frozen=True)
class Group:
    key: str
    name: str
    country: str
    sector: tuple[str, ...]
    names: tuple[str, ...]


def _validate(entry, n: int, where: str, countries: set[str], sectors: set[str]) -> Group:
    if not isinstance(entry, dict) or not {"key", "name", "country", "names"} <= set(entry):
        raise DataFileError(f"group #{n}: needs key, name, country and names", where)
    if entry["country"] not in countries | SPECIAL_COUNTRIES:
        raise DataFileError(f"group #{n} ({entry['name']}): unknown country {entry['country']!r}", where)
    unknown = set(entry.get("sector") or []) - sectors
    if unknown:
        raise DataFileError(f"group #{n} ({entry['name']}): unknown sector(s) {sorted(unknown)}", where)
    return Group(entry["key"], entry["name"], entry["country"], tuple(entry.get("sector") or ()),
                 tuple(str(x) for x in entry["names"]))


def _known() -> tuple[set[str], set[str]]:
    from eventwire.gazetteer import load_agents, load_countries

    countries = {e.iso3 for _, e in load_countries().surfaces}
    return countries, set(load_agents().sectors)


def load_groups(path: str | Path | None = None) -> tuple[Group, ...]:
    """Every group, validated; names must be unique across groups."""
    if path is None:
        return _packaged()
    return _parse(Path(path).read_text(encoding="utf-8"), str(path))


@functools.lru_cache(maxsize=1)
def _packaged() -> tuple[Group, ...]:
    f = resources.files("eventwire") / "data" / "gazetteer" / "groups.yaml"
    return _parse(f.read_text(encoding="utf-8"), "gazetteer/groups.yaml")


def _parse(text: str, where: str) -> tuple[Group, ...]:
    doc = yaml.safe_load(text)
    if not isinstance(doc, dict) or not isinstance(doc.get("groups"), list):
        raise DataFileError("must be a mapping with 'version' and a 'groups' list", where)
    countries, sectors = _known()
    groups = tuple(_validate(e, n, where, countries, sectors) for n, e in enumerate(doc["groups"], 1))
    seen: dict[str, str] = {}
    for g in groups:
        for name in g.names:
            if seen.setdefault(name.lower(), g.key) != g.key:
                raise DataFileError(f"name {name!r} is given to both {seen[name.lower()]} and {g.key}", where)
    return groups


@functools.lru_cache(maxsize=1)
def _by_name() -> dict[str, Group]:
    return {n.lower(): g for g in load_groups() for n in g.names}


def lookup_group(text: str) -> Group | None:
    t = text.strip()
    if t.lower().startswith("the "):
        t = t[4:]
    return _by_name().get(t.lower())


def ruler_patterns() -> list[dict]:
    """Entity-ruler patterns (label ORG, id GRP:<key>); acronyms match in capitals only."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    out = []
    for g in load_groups():
        for name in g.names:
            exact = name.isupper()
            toks = [{"TEXT": t.text} if exact else {"LOWER": t.lower_} for t in tokenizer(name)]
            out.append({"label": "ORG", "pattern": toks, "id": f"GRP:{g.key}"})
    return out
