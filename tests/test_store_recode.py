"""Re-coding stored stories with new rules: events and claims replaced, clusters kept whole."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.errors import InputError
from eventwire.schema import Story
from eventwire.store import ingest as ingest_lib
from eventwire.store import open_store
from eventwire.store import recode as recode_lib
from eventwire.store.ingest import ingest_items
from eventwire.store.recode import recode

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import corpus  # noqa: E402

V2 = {"corpus-templates": "v1", "template-coder": "v2"}


def coder_v2(stories):
    """The template coder with "new rules": the same events, recorded as v2."""
    for report in corpus.template_coder(stories):
        events = [dataclasses.replace(e, rule=e.rule.replace(".v1", ".v2")) for e in report.events]
        yield dataclasses.replace(report, doc=dataclasses.replace(report.doc, versions=V2), events=events)


def stored(path: Path, n: int = 120, seed: int = 5) -> Path:
    with open_store(path) as store:
        ingest_items(store, (Story.from_dict(r) for r in corpus.generate(n, seed)), corpus.template_coder,
                     batch_size=32)
    return path


def counts(store) -> dict:
    tables = ("stories", "events", "claims", "actors", "event_clusters", "clusters")
    return {t: store.value(f"SELECT count(*) FROM {t}") for t in tables}


def partition(store) -> list:
    """The clusters as sets of mention ids (cluster ids left out)."""
    groups = store.value("SELECT list(ids ORDER BY ids) FROM (SELECT list(event_id ORDER BY event_id) "
                         "AS ids FROM event_clusters GROUP BY cluster_id)")
    return groups or []


def assert_consistent(store) -> None:
    """Every mention in one existing cluster; every cluster's representative and counts real."""
    orphans = ("events e ANTI JOIN event_clusters c ON c.event_id = e.id",
               "event_clusters c ANTI JOIN clusters k ON k.id = c.cluster_id",
               "clusters k ANTI JOIN events e ON e.id = k.event_id")
    assert [store.value(f"SELECT count(*) FROM {rows}") for rows in orphans] == [0, 0, 0]
    assert store.value("SELECT count(*) - count(DISTINCT id) FROM clusters") == 0
    mentions = store.value("SELECT count(*) FROM events")
    assert store.value("SELECT sum(mention_count) FROM clusters") == mentions


def test_stories_coded_with_older_rules_get_the_new_rules_events(tmp_path):
    with open_store(stored(tmp_path / "s.duckdb")) as store:
        before = counts(store)
        summary = recode(store, coder_v2, versions=V2, batch_size=25)
        assert summary.ingested == 120 and summary.events == before["events"]
        assert counts(store) == before
        versions = store.value("SELECT list(DISTINCT versions) FROM stories")
        assert versions == [json.dumps(V2, sort_keys=True)]
        assert all(rule.endswith(".v2") for rule in store.value("SELECT list(rule) FROM events"))
        assert_consistent(store)


def test_a_second_recode_with_the_same_rules_finds_nothing_to_do(tmp_path):
    with open_store(stored(tmp_path / "s.duckdb")) as store:
        recode(store, coder_v2, versions=V2)
        assert recode(store, coder_v2, versions=V2).ingested == 0


def test_only_stories_coded_with_other_versions_are_recoded(tmp_path):
    path = stored(tmp_path / "s.duckdb", n=60)
    with open_store(path) as store:
        ingest_items(store, (Story.from_dict(r) for r in corpus.generate(40, seed=9)), coder_v2)
        assert recode(store, coder_v2, versions=V2).ingested == 60


def test_recoding_everything_with_the_same_rules_keeps_every_cluster(tmp_path):
    with open_store(stored(tmp_path / "s.duckdb", n=200)) as store:
        before, clusters = counts(store), partition(store)
        assert recode(store, corpus.template_coder, batch_size=16).ingested == 200
        assert counts(store) == before and partition(store) == clusters
        assert_consistent(store)


def test_a_cluster_whose_founder_loses_its_event_keeps_its_other_reports(tmp_path):
    text_a = "Turkey held talks with Syria in Ankara on Monday."
    text_b = "Turkey held talks with Syria in Ankara on Monday. No further details were given."

    def coder_without_a(stories):
        for story, report in zip(stories, corpus.template_coder(stories)):
            yield dataclasses.replace(report, events=[]) if story.text == text_a else report

    with open_store(tmp_path / "s.duckdb") as store:
        stories = [Story(text, published="2025-01-06") for text in (text_a, text_b)]
        ingest_items(store, stories, corpus.template_coder)
        assert store.value("SELECT mention_count FROM clusters") == 2
        recode(store, coder_without_a)
        [cluster] = store.rows("SELECT * FROM clusters")
        assert cluster["mention_count"] == 1 and cluster["id"] == cluster["event_id"]
        assert store.value("SELECT story_id FROM events WHERE id = ?", [cluster["id"]]) != \
            store.value("SELECT id FROM stories WHERE text = ?", [text_a])
        assert_consistent(store)


def test_a_story_the_coder_now_rejects_keeps_its_old_coding(tmp_path):
    def rejecting_coder(stories):
        return [InputError("not any more", s.origin) for s in stories]

    with open_store(stored(tmp_path / "s.duckdb", n=20)) as store:
        before = counts(store)
        summary = recode(store, rejecting_coder, versions=V2)
        assert summary.ingested == 0 and summary.skipped["E001 InputError"] == 20
        assert counts(store) == before
        assert recode(store, rejecting_coder, versions=V2).skipped["E001 InputError"] == 20


def test_the_recode_command_recodes_stale_stories_and_says_how_many(tmp_path, monkeypatch):
    from eventwire.cli import _register_all, app

    monkeypatch.setattr(ingest_lib, "default_coder", coder_v2)
    monkeypatch.setattr(recode_lib, "current_versions", lambda: V2)
    path = stored(tmp_path / "s.duckdb", n=30)
    _register_all()
    result = CliRunner().invoke(app, ["recode", "--db", str(path), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "re-coded 30 stories" in result.output
    again = CliRunner().invoke(app, ["recode", "--db", str(path), "--json", "-q"])
    assert json.loads(again.output)["ingested"] == 0


@pytest.mark.model
def test_stories_just_coded_by_the_pipeline_are_not_stale(tmp_path, extractor):
    story = Story("ANKARA (Wire) - Turkey held talks with Syria in Ankara on Monday, officials said.",
                  published="2025-01-06")
    with open_store(tmp_path / "s.duckdb") as store:
        assert ingest_items(store, [story]).ingested == 1
        assert recode(store, versions=recode_lib.current_versions()).ingested == 0
        assert recode(store).ingested == 1
        assert store.value("SELECT count(*) FROM stories") == 1
