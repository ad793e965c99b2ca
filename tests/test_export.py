"""Every export format, written and read back."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from eventwire.errors import StoreError
from eventwire.ontology import cameo_code
from eventwire.schema import Story
from eventwire.store import open_store
from eventwire.store.export import FORMATS, GDELT_COLUMNS, export, global_event_id
from eventwire.store.ingest import ingest_items
from eventwire.store.queries import EventFilter

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import corpus  # noqa: E402


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "s.duckdb"
    stories = [Story.from_dict(r) for r in corpus.generate(120, seed=2)]
    with open_store(path) as store:
        ingest_items(store, stories, coder=corpus.template_coder, batch_size=40)
    return path


@pytest.fixture
def store(store_path):
    with open_store(store_path, read_only=True) as s:
        yield s


def clusters(store) -> int:
    return store.value("SELECT count(*) FROM clusters")


def test_csv_reads_back_one_row_per_event(store, tmp_path):
    n = export(store, "csv", tmp_path / "e.csv")
    rows = list(csv.DictReader((tmp_path / "e.csv").open()))
    assert n == len(rows) == clusters(store)
    assert {"cluster_id", "source_count", "cameo", "plover", "evidence", "rule", "versions"} <= set(rows[0])


def test_parquet_reads_back_with_duckdb_and_pyarrow(store, tmp_path):
    n = export(store, "parquet", tmp_path / "e.parquet", mentions=True)
    table = pq.read_table(tmp_path / "e.parquet")
    assert n == table.num_rows == store.value("SELECT count(*) FROM events")
    counted = duckdb.sql("SELECT count(*) FROM read_parquet(?)", params=[str(tmp_path / "e.parquet")]).fetchall()[0][0]
    assert counted == n


def test_jsonl_reads_back_with_versions_as_objects(store, tmp_path):
    export(store, "jsonl", tmp_path / "e.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "e.jsonl").open()]
    assert len(rows) == clusters(store)
    assert rows[0]["versions"] == {"corpus-templates": "v1", "template-coder": "v1"}


def test_plover_json_has_actor_recipient_event_mode_context_quad_text(store, tmp_path):
    export(store, "plover", tmp_path / "e.plover.jsonl")
    records = [json.loads(line) for line in (tmp_path / "e.plover.jsonl").open()]
    assert len(records) == clusters(store)
    record = records[0]
    for key in ("id", "date", "actor", "recipient", "event", "mode", "context", "quad", "text"):
        assert key in record
    assert set(record["actor"]) >= {"country", "sector"} and record["actor"]["country"] in corpus.CODE.values()
    planned = [r for r in records if r["status"] == "planned"]
    assert planned and all("future" in r["context"] for r in planned)


def test_gdelt_rows_have_61_tab_separated_columns(store, tmp_path):
    n = export(store, "gdelt", tmp_path / "e.tsv")
    lines = (tmp_path / "e.tsv").read_text().splitlines()
    assert n == len(lines) == clusters(store)
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in lines]
    assert all(len(line.split("\t")) == 61 for line in lines)
    row = rows[0]
    assert len(row["SQLDATE"]) == 8 and row["EventRootCode"] == row["EventCode"][:2]
    assert row["QuadClass"] in {"1", "2", "3", "4"}
    assert float(row["GoldsteinScale"]) == cameo_code(row["EventCode"]).goldstein
    assert int(row["NumArticles"]) >= 1 and row["SOURCEURL"].startswith("https://example.org/")
    assert int(row["GLOBALEVENTID"]) > 0


def test_export_filters_and_stdout(store, capsys):
    actor = store.value("SELECT min(source_country) FROM events")
    export(store, "jsonl", None, EventFilter(actor=actor))
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and all(actor in (r["source_code"] + (r["target_code"] or "")) for r in rows)
    assert len(rows) < clusters(store)


def test_parquet_to_stdout_and_unknown_format_are_clear_errors(store):
    with pytest.raises(StoreError, match="--out"):
        export(store, "parquet", None)
    with pytest.raises(StoreError, match="choose one of"):
        export(store, "xml", "x")
    assert "gdelt" in FORMATS


def test_global_event_id_is_stable_and_positive():
    assert global_event_id("abc:e1") == global_event_id("abc:e1") > 0
