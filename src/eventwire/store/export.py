"""Export events as CSV, Parquet, JSON Lines, PLOVER JSON or GDELT 2.0 event rows.

Rows stream from DuckDB as Arrow record batches, so an export runs in constant memory. By
default one row per event cluster (its first report, with source counts); `mentions=True`
exports every report. The column mappings are documented in docs/export.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from eventwire.errors import OntologyError, StoreError
from eventwire.store.db import Store
from eventwire.store.queries import EventFilter

FORMATS = ("csv", "parquet", "jsonl", "plover", "gdelt")
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}
# PLOVER carries status as context values ("future", "hypothetical", "negation").
STATUS_CONTEXT = {"planned": "future", "hypothetical": "hypothetical", "denied": "negation"}
GDELT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    + " ".join(f"Actor{n}Code Actor{n}Name Actor{n}CountryCode Actor{n}KnownGroupCode "
               f"Actor{n}EthnicCode Actor{n}Religion1Code Actor{n}Religion2Code Actor{n}Type1Code "
               f"Actor{n}Type2Code Actor{n}Type3Code" for n in (1, 2))
    + " IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions "
      "NumSources NumArticles AvgTone "
    + " ".join(f"{g}_Type {g}_FullName {g}_CountryCode {g}_ADM1Code {g}_ADM2Code {g}_Lat {g}_Long "
               f"{g}_FeatureID" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo"))
    + " DATEADDED SOURCEURL").split()
assert len(GDELT_COLUMNS) == 61, len(GDELT_COLUMNS)


def export_sql(filters: EventFilter, mentions: bool) -> tuple[str, list]:
    where, params = filters.where("e")
    if not mentions:
        where += " AND e.id = k.event_id"
    sql = f"""SELECT k.id AS cluster_id, k.source_count, k.mention_count, k.outlet_count,
              k.copy_count, e.* EXCLUDE (dyad_key), s.source AS outlet, s.url, s.title,
              s.published, s.origin, s.copy_of, s.ingested_at
              FROM events e JOIN event_clusters c ON c.event_id = e.id
              JOIN clusters k ON k.id = c.cluster_id JOIN stories s ON s.id = e.story_id
              WHERE {where} ORDER BY e.date NULLS LAST, e.id"""
    return sql, params


def export(store: Store, fmt: str, out: str | Path | None = None,
           filters: EventFilter | None = None, mentions: bool = False) -> int:
    """Write the events to `out` (a path; None or "-" for standard output); return the row count."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet" and out in (None, "-"):
        raise StoreError("Parquet is a binary format: give a file with --out")
    reader = store.reader(*export_sql(filters or EventFilter(), mentions))
    if fmt == "parquet":
        return _write_parquet(reader, Path(out))
    if fmt == "csv":
        return _write_csv(reader, out)
    write_line = {"jsonl": _jsonl_line, "plover": lambda r: _json(plover_record(r)),
                  "gdelt": gdelt_line}[fmt]
    with _text_out(out) as handle:
        return _write_lines(reader, handle, write_line)


def _write_parquet(reader, path: Path) -> int:
    import pyarrow.parquet as pq

    count = 0
    with pq.ParquetWriter(str(path), reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            count += batch.num_rows
    return count


def _write_csv(reader, out) -> int:
    import pyarrow.csv as pcsv

    count = 0
    target = sys.stdout.buffer if out in (None, "-") else str(out)
    with pcsv.CSVWriter(target, reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            count += batch.num_rows
    return count


def _write_lines(reader, handle, to_line) -> int:
    count = 0
    for batch in reader:
        for row in batch.to_pylist():
            handle.write(to_line(row) + "\n")
            count += 1
    return count


@contextmanager
def _text_out(out):
    if out in (None, "-"):
        yield sys.stdout
        return
    with open(out, "w", encoding="utf-8", newline="\n") as handle:
        yield handle


def _jsonl_line(row: dict) -> str:
    row = dict(row, versions=json.loads(row["versions"]) if row.get("versions") else None)
    return _json(row)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=_iso)


def _iso(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


# -- PLOVER ------------------------------------------------------------------------------------


def plover_record(row: dict) -> dict:
    """One event in PLOVER's JSON field names (actor/recipient, event, mode, context...)."""
    return {
        "id": row["cluster_id"], "date": _iso(row["date"]) if row["date"] else None,
        "actor": _plover_actor(row, "source"), "recipient": _plover_actor(row, "target"),
        "event": row["plover"], "mode": row["mode"], "context": plover_context(row),
        "quad": row["quad"], "quad_name": QUAD_NAMES.get(row["quad"]),
        "text": row["evidence"], "evidence": {"start": row["evidence_start"], "end": row["evidence_end"]},
        "cameo": row["cameo"], "status": row["status"], "source_count": row["source_count"],
        "url": row["url"], "story_id": row["story_id"], "rule": row["rule"],
        "versions": json.loads(row["versions"]) if row.get("versions") else {},
    }


def plover_context(row: dict) -> list[str]:
    contexts = []
    mapping = _crosswalk(row["cameo"])
    if mapping and mapping.context:
        contexts += mapping.context.split(";")
    if row["status"] in STATUS_CONTEXT:
        contexts.append(STATUS_CONTEXT[row["status"]])
    return contexts


def _plover_actor(row: dict, role: str) -> dict | None:
    if row[f"{role}_text"] is None and row[f"{role}_country"] is None:
        return None
    sector = row[f"{role}_sector"]
    return {"text": row[f"{role}_text"], "name": row[f"{role}_name"], "code": row[f"{role}_code"],
            "country": row[f"{role}_country"], "sector": sector.split("|") if sector else []}


@lru_cache(maxsize=None)
def _crosswalk(cameo: str | None):
    from eventwire.ontology import plover_for_cameo

    try:
        return plover_for_cameo(cameo) if cameo else None
    except OntologyError:
        return None


@lru_cache(maxsize=None)
def goldstein(cameo: str | None) -> float | None:
    from eventwire.ontology import cameo_code

    try:
        return cameo_code(cameo).goldstein if cameo else None
    except OntologyError:
        return None


# -- GDELT 2.0 ---------------------------------------------------------------------------------


def gdelt_line(row: dict) -> str:
    """One tab-separated GDELT 2.0 event row (61 columns, no header, empty = unknown)."""
    values = gdelt_row(row)
    return "\t".join("" if values.get(c) is None else str(values[c]) for c in GDELT_COLUMNS)


def gdelt_row(row: dict) -> dict:
    date, cameo = row["date"], row["cameo"] or ""
    values = {
        "GLOBALEVENTID": global_event_id(row["cluster_id"]),
        "IsRootEvent": 1 if (row["sentence"] or 0) <= 1 else 0,
        "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
        "QuadClass": row["quad"], "GoldsteinScale": goldstein(cameo),
        "NumMentions": row["mention_count"], "NumSources": row["outlet_count"],
        "NumArticles": row["source_count"], "SOURCEURL": row["url"] or row["origin"],
        "DATEADDED": row["ingested_at"].strftime("%Y%m%d%H%M%S") if row["ingested_at"] else None,
    }
    if date:
        values.update(SQLDATE=date.strftime("%Y%m%d"), MonthYear=date.strftime("%Y%m"), Year=date.year,
                      FractionDate=round(date.year + date.timetuple().tm_yday / 365.0, 4))
    values.update(_gdelt_actor(row, "source", 1))
    values.update(_gdelt_actor(row, "target", 2))
    values.update(_gdelt_place(row))
    return values


def global_event_id(cluster_id: str) -> int:
    """A stable positive 63-bit integer for a cluster id (GDELT's ids are integers)."""
    return int.from_bytes(hashlib.blake2b(cluster_id.encode(), digest_size=8).digest(), "big") >> 1


def _gdelt_actor(row: dict, role: str, n: int) -> dict:
    sectors = (row[f"{role}_sector"] or "").split("|")
    name = row[f"{role}_name"] or row[f"{role}_text"]
    values = {f"Actor{n}Code": row[f"{role}_code"], f"Actor{n}Name": name.upper() if name else None,
              f"Actor{n}CountryCode": row[f"{role}_country"]}
    for i, sector in enumerate(s for s in sectors[:3] if s):
        values[f"Actor{n}Type{i + 1}Code"] = sector
    return values


def _gdelt_place(row: dict) -> dict:
    if not row["location_name"]:
        return {"ActionGeo_Type": 0}
    is_country = row["lat"] is None or row["location_name"] == row["location_country"]
    return {"ActionGeo_Type": 1 if is_country else 4, "ActionGeo_FullName": row["location_name"],
            "ActionGeo_CountryCode": row["location_country"], "ActionGeo_Lat": row["lat"],
            "ActionGeo_Long": row["lon"]}
