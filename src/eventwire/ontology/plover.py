"""PLOVER event types (plover.yaml) and the CAMEO-to-PLOVER crosswalk (cameo2plover.csv).

Both files are data with their sources in SOURCES.md; they are read once and validated against
each other and against the CAMEO table, so a typo in a mode or type name fails at load time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from eventwire.errors import OntologyError
from eventwire.ontology.cameo import CameoCode, cameo_code, csv_rows, fail, load_cameo, read_text

PLOVER_VERSION = "plover-2021.v2"
PLOVER_FILE = "plover.yaml"
CROSSWALK_FILE = "cameo2plover.csv"
CROSSWALK_COLUMNS = ["cameo", "plover", "mode", "context"]


@dataclass(frozen=True)
class PloverType:
    name: str
    description: str
    quad_class: int
    quad_name: str
    modes: tuple[str, ...]


@dataclass(frozen=True)
class PloverMapping:
    event_type: str
    mode: str | None
    context: str | None  # one context, or several joined by ";" ("crime;corruption")

    @property
    def contexts(self) -> tuple[str, ...]:
        return tuple(self.context.split(";")) if self.context else ()


@dataclass(frozen=True)
class PloverOntology:
    version: str
    types: dict[str, PloverType]
    aliases: dict[str, str]
    contexts: frozenset[str]
    unmapped_cameo_roots: frozenset[str]


# -- plover.yaml ------------------------------------------------------------------------------


def parse_yaml(text: str, source: str) -> dict:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        fail(source, f"not valid YAML: {exc}")
    if not isinstance(data, dict):
        fail(source, "expected a mapping at the top level")
    for key in ("version", "quad_classes", "aliases", "event_types", "contexts"):
        if key not in data:
            fail(source, f"missing the top-level key {key!r}")
    return data


def parse_type(name: str, spec: object, quads: dict, source: str) -> PloverType:
    where = f"event type {name}"
    if not (isinstance(name, str) and name.isupper() and isinstance(spec, dict)):
        fail(source, f"{where}: names are UPPERCASE and each type is a mapping")
    if spec.get("quad_class") not in quads:
        fail(source, f"{where}: quad_class {spec.get('quad_class')!r} is not one of {sorted(quads)}")
    description, modes = spec.get("description"), spec.get("modes", [])
    if not (isinstance(description, str) and description.strip()):
        fail(source, f"{where}: needs a one-line description")
    if not (isinstance(modes, list) and all(isinstance(m, str) and m for m in modes)):
        fail(source, f"{where}: modes must be a list of names")
    if len(set(modes)) != len(modes):
        fail(source, f"{where}: a mode is listed twice")
    quad = spec["quad_class"]
    return PloverType(name, description.strip(), quad, quads[quad], tuple(modes))


def parse_aliases(aliases: object, types: dict, source: str) -> dict[str, str]:
    if not isinstance(aliases, dict):
        fail(source, "aliases must map old names to current ones")
    for old, new in aliases.items():
        if new not in types:
            fail(source, f"alias {old} -> {new}: {new} is not an event type")
        if old in types:
            fail(source, f"alias {old} is also a current event type")
    return {str(old): new for old, new in aliases.items()}


def parse_contexts(contexts: object, source: str) -> frozenset[str]:
    if not isinstance(contexts, dict):
        fail(source, "contexts must be a mapping of groups (general, special) to lists")
    names = [name for group in contexts.values() for name in (group or [])]
    if not all(isinstance(name, str) and name for name in names):
        fail(source, "every context must be a non-empty name")
    return frozenset(names)


@lru_cache(maxsize=8)
def load_plover(path: str | Path | None = None) -> PloverOntology:
    """Read and validate plover.yaml (the packaged one when `path` is None)."""
    text, source = read_text(path, PLOVER_FILE)
    data = parse_yaml(text, source)
    quads = data["quad_classes"]
    if not isinstance(quads, dict) or sorted(quads) != [1, 2, 3, 4]:
        fail(source, "quad_classes must name the classes 1, 2, 3 and 4")
    if not isinstance(data["event_types"], dict) or not data["event_types"]:
        fail(source, "event_types must be a non-empty mapping")
    types = {name: parse_type(name, spec, quads, source) for name, spec in data["event_types"].items()}
    roots = [str(root) for root in data.get("unmapped_cameo_roots", [])]
    return PloverOntology(str(data["version"]), types, parse_aliases(data["aliases"], types, source),
                          parse_contexts(data["contexts"], source), frozenset(roots))


# -- cameo2plover.csv -------------------------------------------------------------------------


def parse_mapping(row: dict[str, str], ontology: PloverOntology, source: str, line: int) -> PloverMapping:
    code, name, mode, context = (row[column] for column in CROSSWALK_COLUMNS)
    if name not in ontology.types:
        hint = f" (the current name is {ontology.aliases[name]})" if name in ontology.aliases else ""
        fail(source, f"CAMEO {code}: {name!r} is not a PLOVER event type{hint}", line)
    if mode and mode not in ontology.types[name].modes:
        fail(source, f"CAMEO {code}: mode {mode!r} is not listed for {name} in {PLOVER_FILE}", line)
    for item in filter(None, context.split(";")):
        if item not in ontology.contexts:
            fail(source, f"CAMEO {code}: context {item!r} is not listed in {PLOVER_FILE}", line)
    return PloverMapping(name, mode or None, context or None)


def check_coverage(mappings: dict, codes: dict[str, CameoCode], unmapped: frozenset, source: str) -> None:
    """Each CAMEO code outside the unmapped roots reaches a mapping through itself or a parent."""
    for code, entry in codes.items():
        if entry.root in unmapped:
            continue
        if not any(ancestor in mappings for ancestor in ancestors(code)):
            fail(source, f"CAMEO {code} ({entry.name}) has no PLOVER mapping, nor has any parent")


def ancestors(code: str) -> list[str]:
    """The code itself, then its parent, then its root: '0871' -> ['0871', '087', '08']."""
    return [code[:n] for n in range(len(code), 1, -1)]


@lru_cache(maxsize=8)
def load_crosswalk(path: str | Path | None = None, cameo_path: str | Path | None = None,
                   plover_path: str | Path | None = None) -> dict[str, PloverMapping]:
    """Read cameo2plover.csv and check it against the CAMEO table and plover.yaml."""
    text, source = read_text(path, CROSSWALK_FILE)
    codes, ontology = load_cameo(cameo_path), load_plover(plover_path)
    mappings: dict[str, PloverMapping] = {}
    for line, row in csv_rows(text, source, CROSSWALK_COLUMNS):
        code = row["cameo"]
        if code not in codes:
            fail(source, f"CAMEO {code!r} is not in the CAMEO table", line)
        if codes[code].root in ontology.unmapped_cameo_roots:
            fail(source, f"CAMEO {code} is in a root that PLOVER does not code", line)
        if code in mappings:
            fail(source, f"CAMEO {code} is mapped twice", line)
        mappings[code] = parse_mapping(row, ontology, source, line)
    check_coverage(mappings, codes, ontology.unmapped_cameo_roots, source)
    return mappings


# -- public look-ups --------------------------------------------------------------------------


def plover_types() -> dict[str, PloverType]:
    """The current PLOVER event types, keyed by name."""
    return dict(load_plover().types)


def normalise_plover(name: str) -> str:
    """The current name of a PLOVER type, following aliases: 'demand' -> 'REQUEST'."""
    ontology = load_plover()
    key = str(name).strip().upper()
    if key in ontology.types:
        return key
    if key in ontology.aliases:
        return ontology.aliases[key]
    known = ", ".join(sorted(ontology.types))
    raise OntologyError(f"no PLOVER event type {name!r}; the types are {known}",
                        source=f"eventwire/data/ontology/{PLOVER_FILE}")


def plover_type(name: str) -> PloverType:
    """The PLOVER event type `name` (case-insensitive; old names such as DEMAND are accepted)."""
    return load_plover().types[normalise_plover(name)]


def plover_for_cameo(code: str) -> PloverMapping | None:
    """The PLOVER type, mode and context of a CAMEO code, from the code or its nearest parent.

    Returns None for CAMEO 01 (statements) and 02 (appeals), which PLOVER does not code.
    """
    entry = cameo_code(code)
    if entry.root in load_plover().unmapped_cameo_roots:
        return None
    mappings = load_crosswalk()
    return next(mappings[a] for a in ancestors(entry.code) if a in mappings)
