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
            "eventwire.store.export, eventwire.store.recode, eventwire.resolve, eventwire.cli.store; "
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


def test_no_table_has_a_key_index_that_would_grow_in_memory(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        assert store.value("SELECT count(*) FROM duckdb_indexes()") == 0
        keys = ("SELECT list(DISTINCT table_name) FROM duckdb_constraints() "
                "WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE')")
        assert store.value(keys) == ["schema_version"]  # a handful of rows, one per migration


def test_a_schema_1_store_keeps_its_rows_when_migrated(tmp_path):
    import duckdb

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    _, name, sql = migrations.available()[0]
    con.execute(sql)
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
                "applied_at TIMESTAMP DEFAULT current_timestamp)")
    con.execute("INSERT INTO schema_version (version, name) VALUES (1, ?)", [name])
    con.execute("INSERT INTO stories (id, text) VALUES ('a', 'Turkey held talks with Syria.')")
    con.execute("INSERT INTO clusters VALUES ('a:e1', 'a:e1', 1, 1, 1, 0, NULL, NULL)")
    con.close()
    with open_store(path) as store:
        assert store.schema_version == migrations.latest()
        stories = store.rows("SELECT id, text FROM stories")
        assert stories == [{"id": "a", "text": "Turkey held talks with Syria."}]
        assert store.value("SELECT mention_count FROM clusters WHERE id = 'a:e1'") == 1


def test_a_long_ingest_that_reconnects_stores_the_same_as_one_that_does_not(tmp_path, monkeypatch):
    import eventwire.store.ingest as ingest_lib

    def ingest_once(path):
        with open_store(path) as store:
            ingest_items(store, (Story.from_dict(r) for r in corpus.generate(150, 2)), corpus.template_coder,
                         batch_size=10)
            tables = ("story_bands", "events", "claims", "actors", "event_clusters", "clusters")
            stories = store.rows("SELECT * EXCLUDE (ingested_at) FROM stories ORDER BY id")
            return [stories] + [store.rows(f"SELECT * FROM {table} ORDER BY ALL") for table in tables]

    plain = ingest_once(tmp_path / "a.duckdb")
    monkeypatch.setattr(ingest_lib, "RECONNECT_EVERY", 25)
    assert ingest_once(tmp_path / "b.duckdb") == plain


def test_the_db_memory_setting_caps_duckdb(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_DB_MEMORY", "100MB")
    with open_store(tmp_path / "s.duckdb") as store:
        assert store.memory_limit == "100MB"
        assert store.value("SELECT current_setting('memory_limit')") == "95.3 MiB"
    with open_store(tmp_path / "s.duckdb", memory_limit="200MB") as store:
        assert store.value("SELECT current_setting('memory_limit')") == "190.7 MiB"


def test_a_memory_limit_that_is_not_a_size_is_refused_before_duckdb_sees_it(tmp_path, monkeypatch):
    from eventwire.errors import SettingError

    with pytest.raises(SettingError, match="'-5MB' is not a size"):
        open_store(tmp_path / "s.duckdb", memory_limit="-5MB")  # DuckDB would take it as no limit
    monkeypatch.setenv("EVENTWIRE_DB_MEMORY", "lots")
    with pytest.raises(SettingError, match="EVENTWIRE_DB_MEMORY='lots' is not a valid memory size"):
        open_store(tmp_path / "s.duckdb")


def test_a_cap_too_small_for_duckdb_is_a_store_error_that_names_the_setting(tmp_path):
    with pytest.raises(StoreError, match="more memory than its cap \\(1MB\\).*EVENTWIRE_DB_MEMORY"):
        open_store(tmp_path / "s.duckdb", memory_limit="1MB")
