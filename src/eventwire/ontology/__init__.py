"""The event ontologies: CAMEO 1.1b3 codes with Goldstein scores, PLOVER types, and the crosswalk.

Everything is read from data files under eventwire/data/ontology/ (see SOURCES.md there),
lazily and once, and validated on load; problems raise eventwire.errors.OntologyError.
ONTOLOGY_VERSION is recorded in every coded event.
"""

from __future__ import annotations

from eventwire.ontology.browse import search_codes
from eventwire.ontology.cameo import CAMEO_VERSION, CameoCode, cameo_code, cameo_codes, load_cameo
from eventwire.ontology.plover import (
    PLOVER_VERSION,
    PloverMapping,
    PloverType,
    load_crosswalk,
    load_plover,
    normalise_plover,
    plover_for_cameo,
    plover_type,
    plover_types,
)

ONTOLOGY_VERSION = f"{CAMEO_VERSION}+{PLOVER_VERSION}"


def render_codes(results: list[dict], title: str | None = None):
    """A rich.table.Table of search_codes results (rich is imported only when called)."""
    from eventwire.ontology.table import render_codes as render

    return render(results, title)


__all__ = [
    "ONTOLOGY_VERSION",
    "CameoCode",
    "PloverMapping",
    "PloverType",
    "cameo_code",
    "cameo_codes",
    "load_cameo",
    "load_crosswalk",
    "load_plover",
    "normalise_plover",
    "plover_for_cameo",
    "plover_type",
    "plover_types",
    "render_codes",
    "search_codes",
]
