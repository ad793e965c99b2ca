"""The CAMEO 1.1b3 event code table: codes, names, Goldstein scores and quad classes.

The table is data (eventwire/data/ontology/cameo.csv, sources in SOURCES.md); this module reads
it once, checks every row, and answers look-ups. The file readers here are shared with plover.py.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterator, NoReturn

from eventwire.errors import OntologyError

CAMEO_VERSION = "cameo-1.1b3"
CAMEO_FILE = "cameo.csv"
CAMEO_COLUMNS = ["code", "name", "goldstein", "quad_class"]


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    root: str
    parent: str | None


# -- reading data files (also used by plover.py) ---------------------------------------------


def read_text(path: str | Path | None, name: str) -> tuple[str, str]:
    """Return (text, source label) of `path`, or of the packaged file `name` when path is None."""
    if path is not None:
        try:
            return Path(path).read_text(encoding="utf-8"), str(path)
        except OSError as exc:
            raise OntologyError(f"cannot read the file ({exc.strerror})", source=str(path)) from exc
    packaged = resources.files("eventwire").joinpath("data", "ontology", name)
    return packaged.read_text(encoding="utf-8"), f"eventwire/data/ontology/{name}"


def fail(source: str, problem: str, row: int | None = None) -> NoReturn:
    where = f"row {row}: " if row is not None else ""
    raise OntologyError(f"{where}{problem}", source=source)


def csv_rows(text: str, source: str, columns: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data row, after checking that the header is `columns`."""
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames != columns:
        fail(source, f"the header must be {','.join(columns)}, not {reader.fieldnames}", row=1)
    for row in reader:
        if None in row or None in row.values():
            fail(source, f"expected {len(columns)} columns", row=reader.line_num)
        yield reader.line_num, {key: value.strip() for key, value in row.items()}


# -- the CAMEO table --------------------------------------------------------------------------


def parent_of(code: str) -> str | None:
    return None if len(code) == 2 else code[:-1]


def parse_cameo_row(row: dict[str, str], source: str, line: int) -> CameoCode:
    code = row["code"]
    if not (code.isdigit() and 2 <= len(code) <= 4):
        fail(source, f"code {code!r} is not 2 to 4 digits", line)
    if not row["name"]:
        fail(source, f"code {code} has no name", line)
    try:
        goldstein, quad = float(row["goldstein"]), int(row["quad_class"])
    except ValueError:
        fail(source, f"code {code}: goldstein must be a number and quad_class an integer", line)
    if not -10.0 <= goldstein <= 10.0:
        fail(source, f"code {code}: goldstein {goldstein} is outside -10..10", line)
    if quad not in (1, 2, 3, 4):
        fail(source, f"code {code}: quad_class {quad} is not 1, 2, 3 or 4", line)
    return CameoCode(code, row["name"], goldstein, quad, code[:2], parent_of(code))


def check_hierarchy(codes: dict[str, CameoCode], lines: dict[str, int], source: str) -> None:
    """Every code's parent exists, and every code shares its root's quad class."""
    for code, entry in codes.items():
        if entry.parent is not None and entry.parent not in codes:
            fail(source, f"code {code}: its parent {entry.parent} is not in the table", lines[code])
        root = codes.get(entry.root)
        if root is not None and root.quad_class != entry.quad_class:
            fail(source, f"code {code}: quad_class {entry.quad_class} differs from its root "
                 f"{root.code}'s {root.quad_class}", lines[code])


@lru_cache(maxsize=8)
def load_cameo(path: str | Path | None = None) -> dict[str, CameoCode]:
    """Read and validate a CAMEO table (the packaged cameo.csv when `path` is None)."""
    text, source = read_text(path, CAMEO_FILE)
    codes: dict[str, CameoCode] = {}
    lines: dict[str, int] = {}
    for line, row in csv_rows(text, source, CAMEO_COLUMNS):
        entry = parse_cameo_row(row, source, line)
        if entry.code in codes:
            fail(source, f"code {entry.code} is listed twice (first at row {lines[entry.code]})", line)
        codes[entry.code], lines[entry.code] = entry, line
    if not codes:
        fail(source, "the table has no codes")
    check_hierarchy(codes, lines, source)
    return codes


def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO code, keyed by code ("04", "057", "0871")."""
    return dict(load_cameo())


def cameo_code(code: str) -> CameoCode:
    """The CAMEO code `code`; raises OntologyError naming the nearest known code if unknown."""
    codes = load_cameo()
    key = str(code).strip()
    if key in codes:
        return codes[key]
    raise OntologyError(unknown_code_message(key, codes), source=f"eventwire/data/ontology/{CAMEO_FILE}")


def unknown_code_message(code: str, codes: dict[str, CameoCode]) -> str:
    message = f"no CAMEO code {code!r} in {CAMEO_VERSION}"
    if not (code.isdigit() and 2 <= len(code) <= 4):
        return f"{message}: codes are 2 to 4 digits with leading zeros, e.g. '04' or '057'"
    prefix = next((code[:n] for n in (3, 2) if code[:n] in codes), None)
    if prefix is None:
        return f"{message}: roots run from 01 to 20"
    return f"{message}; the nearest is {prefix} ({codes[prefix].name})"
