"""The local engine and the Parquet layout both engines write: same events, bad stories skipped."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import _register_all, app
from eventwire.engines import local, parquet
from eventwire.errors import EmptyInputError, InputError, MissingExtraError
from eventwire.ingest.readers import read_inputs
from eventwire.schema import Report, Story

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import corpus  # noqa: E402

_register_all()


def write_corpus(path: Path, n: int, seed: int = 11) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in corpus.generate(n, seed=seed)))
    return path


def stories(path: Path) -> list:
    return list(read_inputs([path]))


def dicts(results) -> list:
    return [r.to_dict() if isinstance(r, Report) else str(r) for r in results]


# -- the row layout --------------------------------------------------------------------------


def test_reports_round_trip_through_partitioned_parquet(tmp_path):
    items = stories(write_corpus(tmp_path / "c.jsonl", 30))
    reports = list(corpus.template_coder(items))
    rows = parquet.reports_to_rows(reports + [EmptyInputError("empty story", "x.txt")], items + [None])
    parquet.write_rows(rows, tmp_path / "out")
    assert {p.name for p in (tmp_path / "out").iterdir()} >= {"date=2025-01-01", "date=unknown"}
    back = list(parquet.read_results(tmp_path / "out"))
    key = lambda r: r.doc.id  # noqa: E731  (partitions come back in folder order)
    assert dicts(sorted(parquet.read_reports(tmp_path / "out"), key=key)) == dicts(sorted(reports, key=key))
    errors = [r for r in back if not isinstance(r, Report)]
    assert len(errors) == 1 and isinstance(errors[0], EmptyInputError) and errors[0].source == "x.txt"


def test_the_store_imports_a_run_output_without_coding_again(tmp_path):
    from eventwire.store import open_store

    items = stories(write_corpus(tmp_path / "c.jsonl", 40))
    parquet.write_rows(parquet.reports_to_rows(corpus.template_coder(items), items), tmp_path / "out")
    assert parquet.is_report_dataset(tmp_path / "out") and not parquet.is_report_dataset(tmp_path / "c.jsonl")
    with open_store(tmp_path / "s.duckdb") as store:
        summary = parquet.ingest_reports(store, [tmp_path / "out"])
        again = parquet.ingest_reports(store, [tmp_path / "out"])
    assert summary.ingested == 40 and summary.events > 0
    assert again.ingested == 0 and again.skipped["already stored"] == 40


def test_a_run_refuses_a_non_empty_output_folder(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "old.parquet").write_text("")
    with pytest.raises(Exception, match="not empty"):
        parquet.check_empty_output(tmp_path / "out")


# -- the local engine ------------------------------------------------------------------------


class BrittleExtractor:
    """Stands in for the extractor: codes template stories, crashes on one word."""

    def extract_many(self, batch, batch_size=None):
        if any("CRASH" in s.text for s in batch):
            raise RuntimeError("boom")
        return corpus.template_coder(batch)


def test_a_story_that_crashes_the_extractor_is_skipped_with_a_reason_not_its_batch():
    good = [Story(f"Turkey held talks with Syria in Ankara on Monday. ({i})") for i in range(3)]
    reader_error = parquet.error_row(EmptyInputError("empty story", "in.jsonl:2"))
    chunk = [good[0], reader_error, Story("CRASH here.", origin="in.jsonl:3"), good[1], good[2]]
    rows = local._code_chunk_with(BrittleExtractor(), chunk)
    assert [r["error_code"] for r in rows] == [None, "E006", "E001", None, None]
    assert "RuntimeError: boom" in rows[2]["error"] and rows[2]["origin"] == "in.jsonl:3"
    assert [r["n_events"] for r in rows if r["error"] is None] == [1, 1, 1]


@pytest.mark.model
@pytest.mark.parametrize("workers", [1, 2])
def test_local_engine_gives_the_events_of_extract_many(extractor, tmp_path, workers):
    items = stories(write_corpus(tmp_path / "c.jsonl", 12)) + [Story("", origin="empty")]
    expected = dicts(extractor.extract_many(items, batch_size=5))
    got = dicts(local.code_stories(items, workers=workers, batch_size=5))
    assert got == expected
    assert "E006" in got[-1] and sum(len(r["events"]) for r in got[:-1]) > 0


@pytest.mark.model
def test_run_command_writes_parquet_that_reads_back_as_the_same_reports(extractor, tmp_path):
    source = write_corpus(tmp_path / "c.jsonl", 8)
    with source.open("a") as f:
        f.write("{not json\n")
    result = CliRunner().invoke(app, ["run", str(source), "--out", str(tmp_path / "out"), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["coded"] == 8 and summary["skipped_by_code"] == {"E001": 1}
    expected = [r for r in extractor.extract_many(stories(source)) if isinstance(r, Report)]
    key = lambda r: r.doc.id  # noqa: E731
    assert dicts(sorted(parquet.read_reports(tmp_path / "out"), key=key)) == dicts(sorted(expected, key=key))


# -- the Ray engine without Ray --------------------------------------------------------------


def test_ray_engine_without_ray_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # makes `import ray` raise ImportError
    from eventwire.engines.ray import import_ray

    with pytest.raises(MissingExtraError, match=r"pip install 'eventwire\[ray\]'"):
        import_ray()
    source = write_corpus(tmp_path / "c.jsonl", 2)
    result = CliRunner().invoke(app, ["run", "--engine", "ray", str(source), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "pip install 'eventwire[ray]'" in result.output and "Traceback" not in result.output


def test_address_without_the_ray_engine_is_a_clean_error(tmp_path):
    source = write_corpus(tmp_path / "c.jsonl", 2)
    result = CliRunner().invoke(app, ["run", str(source), "--out", str(tmp_path / "o"), "--address", "auto"])
    assert result.exit_code == 2 and "--engine ray" in result.output


def test_run_is_documented_in_the_command_help():
    result = CliRunner().invoke(app, ["run", "--help"])
    for option in ("--engine", "--out", "--workers", "--address", "--batch-size", "--unordered"):
        assert option in result.output


def test_input_error_is_the_base_of_skipped_rows():
    row = parquet.error_row(ValueError("odd"), Story("x", published="2025-02-03", origin="o"))
    assert row["date"] == "2025-02-03" and row["error_code"] == "E001"
    assert isinstance(next(parquet.rows_to_reports([row])), InputError)
