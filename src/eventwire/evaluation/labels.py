"""Label normalisation shared by the scorers: actor countries, CAMEO roots, PLOVER names, quads.

Gold files speak Phoenix/CAMEO actor codes ("USAGOV", "IGOEUREEC", "---") and PLOVER 0.5b1 event
names; the coder speaks ISO 3166 alpha-3 and current PLOVER. Everything is compared here, after
both sides have been brought to the coder's vocabulary.
"""

from __future__ import annotations

# CAMEO/Phoenix country codes that are not ISO 3166 alpha-3, and what ISO calls them. The PLOVER
# gold records were coded with a few of these (JAP, ITL, VTN); the rest are CAMEO 1.1b3 legacy codes.
COUNTRY_ALIASES: dict[str, str] = {
    "JAP": "JPN",  # Japan
    "ITL": "ITA",  # Italy
    "VTN": "VNM",  # Vietnam
    "KOS": "XKX",  # Kosovo (XKX is the user-assigned code most datasets use)
    "ROM": "ROU",  # Romania (pre-2002 ISO code)
    "ZAR": "COD",  # Zaire -> DR Congo
    "TMP": "TLS",  # East Timor (pre-2002 ISO code)
}

# Non-state actors that are no country: gold "IMG" (international militarised group) and "ISM"
# (transnational religious movement) match a predicted actor without a country, or another
# non-state code, because the coder has no country to give al-Qaeda.
NON_STATE = frozenset({"IMG", "ISM"})
NON_STATE_PREDICTED = frozenset({None, "IMG", "ISM", "NGO"})
UNKNOWN = frozenset({"", "---", "XXX"})

# Used only when eventwire.ontology cannot be imported: the standard CAMEO quad classes.
FALLBACK_QUADS: dict[str, int] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}
FALLBACK_PLOVER_ALIASES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                           "FIGHT": "ASSAULT", "COOPERATION": "COOPERATE"}


def gold_country(code: str | None) -> str | None:
    """The country of a Phoenix actor code: 'USAGOV' -> 'USA', 'IGOEUREEC' -> 'IGO', '---' -> None."""
    if code is None or code.strip().upper() in UNKNOWN or code.startswith("---"):
        return None
    head = code.strip().upper()[:3]
    return COUNTRY_ALIASES.get(head, head)


def predicted_country(code: str | None) -> str | None:
    """A predicted actor's country, with legacy codes mapped the same way as gold ones."""
    if not code:
        return None
    head = code.strip().upper()
    return COUNTRY_ALIASES.get(head, head)


def side_matches(gold: str | None, predicted: str | None) -> bool:
    """Does a predicted country fill a gold actor slot? Unknown gold is a wildcard."""
    if gold is None:
        return True
    if gold in NON_STATE:
        return predicted in NON_STATE_PREDICTED
    return gold == predicted


def cameo_root(code: str | None) -> str | None:
    return code[:2] if code and len(code) >= 2 else None


def plover_name(name: str | None) -> str | None:
    """The current PLOVER name of a type (DEMAND -> REQUEST); None for no or unknown type."""
    if not name:
        return None
    try:
        from eventwire.ontology import normalise_plover
    except ImportError:  # the ontology is optional for scoring; keep the 0.5b1 aliases here
        key = name.strip().upper()
        return FALLBACK_PLOVER_ALIASES.get(key, key if key in FALLBACK_QUADS else None)
    from eventwire.errors import OntologyError

    try:
        return normalise_plover(name)
    except OntologyError:
        return None


def plover_of_cameo(code: str | None) -> str | None:
    """The PLOVER type of a CAMEO code; None for 01/02 (PLOVER codes no statements) or no ontology."""
    if not code:
        return None
    try:
        from eventwire.ontology import plover_for_cameo
    except ImportError:
        return None
    from eventwire.errors import OntologyError

    try:
        mapping = plover_for_cameo(code)
    except OntologyError:
        return None
    return mapping.event_type if mapping else None


def quad_of_plover(name: str | None) -> int | None:
    """The quad class (1 verbal coop .. 4 material conflict) of a PLOVER type."""
    name = plover_name(name)
    if name is None:
        return None
    try:
        from eventwire.ontology import plover_type
    except ImportError:
        return FALLBACK_QUADS.get(name)
    return plover_type(name).quad_class
