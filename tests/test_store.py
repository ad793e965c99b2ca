"""The event store: migrations, idempotent and crash-safe ingest, locking, versions."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.errors import InputError, StoreError, StoreLockedError
from eventwire.schema import Story
from eventwire.store import migrations, open_store
from eventwire.store.ingest import ingest, ingest_items

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus  # noqa: E402  (the project's synthetic corpus and its template coder)

ENV = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT / 'benchmarks'}"}


def write_corpus(path: Path, n: int, seed: int = 1) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for record in corpus.generate(n, seed):
            out.write(json.dumps(record) + "\n")
    return path


def test_import_store_leaves_spacy_out():
    code = ("import sys, eventwire.store, eventwire.store.ingest, eventwire.store.queries, "
            "eventwire.store.export, eventwire.resolve, eventwire.cli.store; "
            "assert 'spacy' not in sys.modules, 'spacy imported'")
    subprocess.run([sys.executable, "-c", code], check=True, env=ENV)


def test_new_store_is_migrated_to_the_latest_schema(tmp_path):
    with open_store(tmp_path / "a.duckdb") as store:
        assert store.schema_version == migrations.latest()
    with open_store(tmp_path / "a.duckdb", read_only=True) as store:
        assert store.value("SELECT count(*) FROM schema_version") == migrations.latest()


def test_read_only_open_of_a_missing_store_names_the_file(tmp_path):
    with pytest.raises(StoreError, match="no event store here yet") as info:
        open_store(tmp_path / "missing.duckdb", read_only=True)
    assert "missing.duckdb" in str(info.value)


def test_default_path_comes_from_the_db_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_DB", str(tmp_path / "env.duckdb"))
    with open_store() as store:
        assert store.path == str(tmp_path / "env.duckdb")


def test_ingesting_the_same_corpus_twice_stores_each_story_once(tmp_path):
    source = write_corpus(tmp_path / "c.jsonl", 60)
    with open_store(tmp_path / "s.duckdb") as store:
        first = ingest(store, [str(source)], coder=corpus.template_coder, batch_size=16)
        second = ingest(store, [str(source)], coder=corpus.template_coder, batch_size=16)
        assert first.ingested == 60 and second.ingested == 0
        assert second.skipped["already stored"] == 60
        assert store.value("SELECT count(*) FROM stories") == 60
        assert store.value("SELECT count(*) FROM events") == first.events


def test_the_same_text_twice_in_one_batch_is_stored_once(tmp_path):
    story = Story("Turkey held talks with Syria in Ankara on Monday.", published="2025-01-06")
    with open_store(tmp_path / "s.duckdb") as store:
        summary = ingest_items(store, [story, story], coder=corpus.template_coder)
        assert summary.ingested == 1 and summary.skipped["already stored"] == 1


def test_every_event_row_records_its_rule_and_versions(tmp_path):
    source = write_corpus(tmp_path / "c.jsonl", 10)
    with open_store(tmp_path / "s.duckdb") as store:
        ingest(store, [str(source)], coder=corpus.template_coder)
        rows = store.rows("SELECT rule, versions FROM events")
    assert rows and all(r["rule"].endswith(".v1") for r in rows)
    assert all(json.loads(r["versions"]) == {"corpus-templates": "v1", "template-coder": "v1"} for r in rows)


def test_a_story_the_coder_rejects_is_skipped_and_the_batch_goes_on(tmp_path):
    def coder(stories):
        for story in stories:
            if "Iraq" in story.text:
                yield InputError("not a story", story.origin)
            else:
                yield from corpus.template_coder([story])

    stories = [Story(f"{a} held talks with {b} in Cairo on Monday.", published="2025-01-06")
               for a, b in [("Egypt", "Iraq"), ("Egypt", "Jordan"), ("Egypt", "Syria")]]
    with open_store(tmp_path / "s.duckdb") as store:
        summary = ingest_items(store, stories, coder=coder)
    assert summary.ingested == 2 and summary.skipped["E001 InputError"] == 1


def test_a_coder_crash_on_one_story_skips_only_that_story(tmp_path):
    def coder(stories):
        if any("Iran" in s.text for s in stories):
            raise RuntimeError("boom")
        return corpus.template_coder(stories)

    stories = [Story(f"Egypt held talks with {b} in Cairo on Monday.", published="2025-01-06")
               for b in ("Iran", "Jordan", "Syria")]
    with open_store(tmp_path / "s.duckdb") as store:
        summary = ingest_items(store, stories, coder=coder)
    assert summary.ingested == 2
    assert "boom" in summary.details[0][1]


HOLD = """
import sys, time
from eventwire.store import open_store
store = open_store(sys.argv[1])
print("ready", flush=True)
time.sleep(60)
"""


def test_a_second_writer_gets_store_locked_error_naming_file_and_pid(tmp_path):
    path = tmp_path / "s.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], env=ENV,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        for read_only in (False, True):
            with pytest.raises(StoreLockedError) as info:
                open_store(path, read_only=read_only)
            assert str(path) in str(info.value) and str(holder.pid) in str(info.value)
            assert info.value.pid == holder.pid
    finally:
        holder.kill()
        holder.wait()
    open_store(path).close()  # the lock dies with the process


SLOW_INGEST = """
import sys, time
import corpus
from eventwire.store import open_store
from eventwire.store.ingest import ingest

def slow_coder(stories):
    time.sleep(0.01 * len(stories))
    return corpus.template_coder(stories)

with open_store(sys.argv[1]) as store:
    ingest(store, [sys.argv[2]], coder=slow_coder, batch_size=10,
           on_batch=lambda s: print("batch", s.ingested, flush=True))
print("done", flush=True)
"""


def test_kill_9_mid_ingest_then_rerun_loses_and_doubles_nothing(tmp_path):
    n = 200
    source = write_corpus(tmp_path / "c.jsonl", n, seed=3)
    db = tmp_path / "s.duckdb"
    proc = subprocess.Popen([sys.executable, "-c", SLOW_INGEST, str(db), str(source)], env=ENV,
                            stdout=subprocess.PIPE, text=True)
    for _ in range(3):
        assert proc.stdout.readline().startswith("batch")
    time.sleep(0.05)  # now inside a later batch, between coding and commit
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with open_store(db, read_only=True) as store:
        committed = store.value("SELECT count(*) FROM stories")
    assert 30 <= committed < n
    rerun = subprocess.run([sys.executable, "-c", SLOW_INGEST, str(db), str(source)], env=ENV,
                           capture_output=True, text=True, check=True)
    assert rerun.stdout.strip().endswith("done")
    expected_events = sum(len(r["expected"]["events"]) for r in corpus.generate(n, 3))
    with open_store(db, read_only=True) as store:
        assert store.value("SELECT count(*) FROM stories") == n
        assert store.value("SELECT count(DISTINCT id) FROM stories") == n
        assert store.value("SELECT count(*) FROM events") == expected_events
        assert store.value("SELECT count(*) FROM event_clusters") == expected_events
        orphans = "SELECT count(*) FROM events e ANTI JOIN stories s ON s.id = e.story_id"
        assert store.value(orphans) == 0


@pytest.mark.model
def test_ingest_with_the_real_pipeline_stores_coded_events(tmp_path):
    pytest.importorskip("spacy")
    (tmp_path / "a.txt").write_text("ANKARA (Wire) - Turkey held talks with Syria in Ankara on Monday, "
                                    "officials said.\n")
    with open_store(tmp_path / "s.duckdb") as store:
        summary = ingest(store, [str(tmp_path / "a.txt")])
        assert summary.ingested == 1, summary.to_dict()
        versions = json.loads(store.value("SELECT versions FROM stories"))
    assert versions, "the pipeline should record its rule and dictionary versions"
