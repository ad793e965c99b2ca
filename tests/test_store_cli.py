"""The store commands: thin wrappers that open the store, call the library, render."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import _register_all, app
from eventwire.store import ingest as ingest_lib

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus  # noqa: E402

_register_all()
runner = CliRunner()


@pytest.fixture
def fake_coder(monkeypatch):
    monkeypatch.setattr(ingest_lib, "default_coder", corpus.template_coder)


@pytest.fixture
def db(tmp_path, fake_coder):
    source = tmp_path / "c.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in corpus.generate(80, seed=4)))
    path = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["ingest", str(source), "--db", str(path), "--quiet"])
    assert result.exit_code == 0, result.output
    return path


def invoke(*args):
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def test_ingest_prints_a_summary_with_skips_and_their_reasons(tmp_path, fake_coder):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("Turkey held talks with Syria in Ankara on Monday.")
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "bad.jsonl").write_text("{oops\n")
    out = invoke("ingest", tmp_path / "in", "--db", tmp_path / "s.duckdb", "--quiet")
    assert "ingested 1 stories (1 events, 0 claims, 0 wire copies)" in out
    assert "skipped 2" in out and "E006" in out and "not valid JSON" in out
    again = json.loads(invoke("ingest", tmp_path / "in", "--db", tmp_path / "s.duckdb", "--json", "-q"))
    assert again["ingested"] == 0 and again["skipped_by_reason"]["already stored"] == 1


def test_ingest_reads_standard_input(tmp_path, fake_coder):
    data = json.dumps({"text": "Egypt imposed sanctions on Iran on Monday.", "published": "2025-01-06"})
    result = runner.invoke(app, ["ingest", "-", "--db", str(tmp_path / "s.duckdb"), "-q", "--json"], input=data)
    assert result.exit_code == 0 and json.loads(result.output)["events"] == 1


def test_events_filters_and_formats(db):
    rows = json.loads(invoke("events", "--db", db, "--format", "json", "--limit", 500))
    assert rows and all(r["source_count"] >= 1 for r in rows)
    row = rows[0]
    dyad = f"{row['source_country']}-{row['target_country']}"
    some = json.loads(invoke("events", "--db", db, "--dyad", dyad, "--cameo", row["cameo"][:2],
                             "--type", row["plover"], "--status", row["status"],
                             "--since", row["date"], "--until", row["date"], "--format", "json"))
    assert row["cluster_id"] in {r["cluster_id"] for r in some}
    mentions = json.loads(invoke("events", "--db", db, "--mentions", "--format", "json", "--limit", 500))
    assert len(mentions) > len(rows)
    table = list(csv.DictReader(io.StringIO(invoke("events", "--db", db, "--format", "csv", "--actor", row["source_country"]))))
    assert table and "cluster_id" in table[0]
    assert "CONSULT" in invoke("events", "--db", db, "--type", "consult", "--limit", 3)


def test_claims_dyads_story_and_stats(db):
    claims = json.loads(invoke("claims", "--db", db, "--status", "denied", "--format", "json"))
    assert claims and all(c["status"] == "denied" for c in claims)
    dyads = json.loads(invoke("dyads", "--db", db, "--by-month", "--format", "json"))
    assert dyads and {"source", "target", "month", "events", "balance"} <= set(dyads[0])
    assert all(-1 <= d["balance"] <= 1 for d in dyads)
    stats = json.loads(invoke("stats", "--db", db, "--format", "json"))
    assert stats["stories"] == 80 and stats["events"] <= stats["event_mentions"]
    story_id = json.loads(invoke("events", "--db", db, "--format", "json"))[0]["story_id"]
    story = json.loads(invoke("story", story_id[:10], "--db", db, "--format", "json"))
    assert story["id"] == story_id and story["events"]
    assert "events" in invoke("story", story_id, "--db", db)
    assert "stories" in invoke("stats", "--db", db)


def test_export_writes_each_format(db, tmp_path):
    for fmt in ("csv", "parquet", "jsonl", "plover", "gdelt"):
        out = tmp_path / f"e.{fmt}"
        result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--db", str(db)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    gdelt = invoke("export", "--format", "gdelt", "--db", db)
    assert all(len(line.split("\t")) == 61 for line in gdelt.splitlines())


def test_library_errors_are_one_clean_line_and_exit_2(tmp_path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 2
    assert "no event store here yet" in result.output and "Traceback" not in result.output
    result = runner.invoke(app, ["story", "nope", "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 2  # a store that does not exist yet (read-only open)


def test_a_locked_store_gives_store_locked_error_not_a_traceback(db):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    hold = "import sys,time; from eventwire.store import open_store; s=open_store(sys.argv[1]); print('ready', flush=True); time.sleep(60)"
    holder = subprocess.Popen([sys.executable, "-c", hold, str(db)], env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        cli = subprocess.run([sys.executable, "-c", "from eventwire.cli import main; main()", "stats", "--db", str(db)],
                             env=env, capture_output=True, text=True)
    finally:
        holder.kill()
        holder.wait()
    assert cli.returncode == 2
    assert "E041" in cli.stderr and str(holder.pid) in cli.stderr and str(db) in cli.stderr
    assert "Traceback" not in cli.stderr


def test_every_store_command_has_help_and_is_documented():
    docs = (ROOT / "docs" / "export.md").read_text()
    for command in ("ingest", "recode", "events", "claims", "dyads", "story", "stats", "export"):
        assert runner.invoke(app, [command, "--help"]).exit_code == 0
        assert f"eventwire {command}" in docs, command


def test_ingest_takes_a_memory_limit_and_refuses_one_that_is_not_a_size(tmp_path, fake_coder):
    (tmp_path / "a.txt").write_text("Turkey held talks with Syria in Ankara on Monday.")
    out = invoke("ingest", tmp_path / "a.txt", "--db", tmp_path / "s.duckdb", "--memory-limit", "32MB", "-q")
    assert "ingested 1 stories" in out
    bad = runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "s.duckdb"),
                              "--memory-limit", "lots", "-q"])
    assert bad.exit_code == 2 and "E021" in bad.output and "'lots' is not a size" in bad.output
