"""Build the shipped ontology tables from their published sources.

    python scripts/build_ontology_tables.py CAMEO2PLOVER-2021.txt CAMEO.goldsteinscale.txt

Reads the OEDA CAMEO-to-PLOVER conversion table (code names, PLOVER type, mode, context) and
GDELT's CAMEO.goldsteinscale.txt (tab-separated code, Goldstein value), and writes
src/eventwire/data/ontology/cameo.csv and cameo2plover.csv. Run it again when a source changes;
the CSVs are what ships, and the loaders validate them. See data/ontology/SOURCES.md.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "ontology"

# CAMEO 01 and 02 (comments, appeals) are absent from CAMEO2PLOVER because PLOVER dropped them;
# their names are those of the CAMEO 1.1b3 codebook as listed in GDELT's CAMEO.eventcodes.txt.
UNMAPPED_NAMES = {
    "01": "Make public statement", "010": "Make statement, not specified below",
    "011": "Decline comment", "012": "Make pessimistic comment", "013": "Make optimistic comment",
    "014": "Consider policy option", "015": "Acknowledge or claim responsibility",
    "016": "Deny responsibility", "017": "Engage in symbolic act",
    "018": "Make empathetic comment", "019": "Express accord",
    "02": "Appeal", "020": "Appeal, not specified below",
    "021": "Appeal for material cooperation", "0211": "Appeal for economic cooperation",
    "0212": "Appeal for military cooperation", "0213": "Appeal for judicial cooperation",
    "0214": "Appeal for intelligence", "022": "Appeal for diplomatic cooperation, such as policy support",
    "023": "Appeal for aid", "0231": "Appeal for economic aid", "0232": "Appeal for military aid",
    "0233": "Appeal for humanitarian aid", "0234": "Appeal for military protection or peacekeeping",
    "024": "Appeal for political reform", "0241": "Appeal for change in leadership",
    "0242": "Appeal for policy change", "0243": "Appeal for rights",
    "0244": "Appeal for change in institutions, regime", "025": "Appeal to yield",
    "0251": "Appeal for easing of administrative sanctions",
    "0252": "Appeal for easing of popular dissent", "0253": "Appeal for release of persons or property",
    "0254": "Appeal for easing of economic sanctions, boycott, or embargo",
    "0255": "Appeal for target to allow international involvement (non-mediation)",
    "0256": "Appeal for de-escalation of military engagement",
    "026": "Appeal to others to meet or negotiate", "027": "Appeal to others to settle dispute",
    "028": "Appeal to others to engage in or accept mediation",
}

# Cue-category (root) names of the CAMEO 1.1b3 codebook.
ROOT_NAMES = {
    "03": "Express intent to cooperate", "04": "Consult", "05": "Engage in diplomatic cooperation",
    "06": "Engage in material cooperation", "07": "Provide aid", "08": "Yield",
    "09": "Investigate", "10": "Demand", "11": "Disapprove", "12": "Reject", "13": "Threaten",
    "14": "Protest", "15": "Exhibit force posture", "16": "Reduce relations", "17": "Coerce",
    "18": "Assault", "19": "Fight", "20": "Use unconventional mass violence",
}

# Spelling slips in the source's names, fixed so that word search finds them.
TYPOS = {"Apolgize": "Apologize", "adminstrative": "administrative", "Ostruct": "Obstruct"}

# Codes that CAMEO2PLOVER-2021 lists but GDELT's Goldstein table lacks: use the parent's value.
GOLDSTEIN_FROM_PARENT = {"1213", "1214"}

ROW = re.compile(r"^(\d{2,4}):\s*([^#]*?)\s*(?:#\s*(.*))?$")


def quad_class(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def clean_name(name: str) -> str:
    name = re.split(r"\s{2,}", name.strip())[0]  # drops editor's notes such as 0813's
    for wrong, right in TYPOS.items():
        name = name.replace(wrong, right)
    return name.strip()


def split_fields(body: str) -> list[str]:
    parts = [p.strip() for p in body.split(",")]
    return (parts + ["", "", ""])[:3]


def tidy_mapping(code: str, plover: str, mode: str, context: str) -> tuple[str, str]:
    """Two source slips: 175's 'mode' is a context, and 'ease' is a retired mode (see 0813)."""
    if mode == "pro_autocracy":
        mode, context = "", "pro_autocracy"
    if mode == "ease":
        mode = ""
    context = ";".join(c.strip() for c in context.split(";") if c.strip())
    return mode, context


def parse_crosswalk(path: Path) -> tuple[dict, dict]:
    names, mappings = {}, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = ROW.match(line.strip())
        if not match:
            continue
        code, body, comment = match.groups()
        plover, mode, context = split_fields(body)
        if len(code) == 2:  # a root header such as "04: CONSULT"; "08: RETREAT" repeats 08
            mappings.setdefault(code, (plover, "", ""))
            continue
        if code in mappings:  # 175 is listed twice with the same mapping
            continue
        names[code] = clean_name(comment or "")
        mappings[code] = (plover, *tidy_mapping(code, plover, mode, context))
    return names, mappings


def read_goldstein(path: Path) -> dict[str, float]:
    rows = csv.reader(path.read_text(encoding="utf-8").splitlines()[1:], delimiter="\t")
    return {code: float(value) for code, value in rows}


def cameo_rows(names: dict, goldstein: dict) -> list[list[str]]:
    all_names = {**UNMAPPED_NAMES, **ROOT_NAMES, **names}
    rows = []
    for code in sorted(all_names, key=lambda c: (c[:2], c.ljust(4, " "))):
        key = code[:3] if code in GOLDSTEIN_FROM_PARENT else code
        rows.append([code, all_names[code], f"{goldstein[key]:.1f}", str(quad_class(code))])
    return rows


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main(crosswalk: str, goldstein: str) -> None:
    names, mappings = parse_crosswalk(Path(crosswalk))
    write_csv(OUT / "cameo.csv", ["code", "name", "goldstein", "quad_class"],
              cameo_rows(names, read_goldstein(Path(goldstein))))
    ordered = sorted(mappings, key=lambda c: (c[:2], c.ljust(4, " ")))
    write_csv(OUT / "cameo2plover.csv", ["cameo", "plover", "mode", "context"],
              [[code, *mappings[code]] for code in ordered])


if __name__ == "__main__":
    main(*sys.argv[1:3])
