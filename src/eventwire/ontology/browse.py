"""Searching the ontology for a browser (`eventwire codes [QUERY]`): plain dicts, no rendering."""

from __future__ import annotations

from eventwire.errors import OntologyError
from eventwire.ontology.cameo import CameoCode, load_cameo
from eventwire.ontology.plover import (
    PloverType,
    load_crosswalk,
    load_plover,
    normalise_plover,
    plover_for_cameo,
)


def cameo_result(entry: CameoCode) -> dict:
    mapping = plover_for_cameo(entry.code)
    return {
        "ontology": "cameo",
        "code": entry.code,
        "name": entry.name,
        "goldstein": entry.goldstein,
        "quad_class": entry.quad_class,
        "plover": mapping.event_type if mapping else None,
        "mode": mapping.mode if mapping else None,
    }


def plover_result(kind: PloverType) -> dict:
    return {
        "ontology": "plover",
        "code": kind.name,
        "name": kind.description,
        "goldstein": None,
        "quad_class": kind.quad_class,
        "plover": kind.name,
        "mode": ", ".join(kind.modes) or None,
    }


def plover_name(query: str) -> str | None:
    try:
        return normalise_plover(query)
    except OntologyError:
        return None


def codes_of_type(name: str) -> list[CameoCode]:
    """CAMEO codes whose own crosswalk row names the PLOVER type `name`."""
    codes = load_cameo()
    return [codes[code] for code, mapping in load_crosswalk().items() if mapping.event_type == name]


def words_match(entry: CameoCode, words: list[str]) -> bool:
    name = entry.name.lower()
    return all(word in name for word in words)


def search_codes(query: str | None = None) -> list[dict]:
    """Find ontology entries by CAMEO code prefix ('04', '057'), PLOVER type ('CONSULT', also
    old names such as 'DEMAND': the type and its CAMEO codes) or words in names ('peacekeep').
    With no query, every CAMEO code. Results are dicts with the keys ontology, code, name,
    goldstein, quad_class, plover and mode."""
    query = (query or "").strip()
    codes = load_cameo().values()
    if not query:
        return [cameo_result(entry) for entry in codes]
    if query.isdigit():
        return [cameo_result(entry) for entry in codes if entry.code.startswith(query)]
    name = plover_name(query)
    if name is not None:
        kind = load_plover().types[name]
        return [plover_result(kind)] + [cameo_result(entry) for entry in codes_of_type(name)]
    words = query.lower().split()
    return [cameo_result(entry) for entry in codes if words_match(entry, words)]
