"""The reference story in ../shared: every required event, the denied claim, the dates, Ankara.

Reads the gold file at test time (skipped when ../shared is absent); nothing of it is copied.
"""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def gold(shared_dir):
    return json.loads((shared_dir / "eval" / "seed.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(extractor, shared_dir, gold):
    from eventwire.ingest.text import story_from_text

    text = (shared_dir / "seed" / "article.txt").read_text(encoding="utf-8")
    return extractor.extract(story_from_text(text, origin="article.txt", published=gold["published"]))


def _country(actor):
    return actor.country if actor is not None else None


def _matches(event, g) -> bool:
    roots = {c[:2] for c in g["codes"]}
    return (_country(event.source) == g["source"] and (g["target"] is None or _country(event.target) == g["target"])
            and event.cameo[:2] in roots)


def test_every_required_event_is_found_with_dyad_root_and_status(report, gold):
    for g in gold["events"]:
        if g.get("optional"):
            continue
        found = [e for e in report.events if _matches(e, g)]
        assert found, f"missing {g['id']}: {g['evidence']}"
        assert any(e.status == g["status"] for e in found), f"{g['id']}: wrong status {[e.status for e in found]}"


def test_no_must_not_event_is_produced(report, gold):
    for bad in gold["must_not"]:
        for e in report.events:
            hit = (_country(e.source) == bad["source"] and _country(e.target) == bad["target"]
                   and e.cameo[:2] in bad["roots"] and (bad["status"] == "any" or e.status == bad["status"]))
            assert not hit, f"forbidden event {e.cameo} {e.status}: {e.evidence.text}"


def test_the_reported_deployment_is_stored_as_a_denied_claim(report, gold):
    for g in gold["claims"]:
        roots = {c[:2] for c in g["codes"]}
        assert any(_country(c.subject) == g["subject"] and _country(c.object) == g["object"]
                   and c.cameo[:2] in roots and c.status == g["status"] for c in report.claims)


def test_the_dates_are_resolved(report, gold):
    for d in gold["dates"]:
        found = {e.date for e in report.events if e.date_text and d["mention"] in e.date_text}
        assert d["resolves_to"] in found, f"{d['mention']} -> {found}"


def test_ankara_is_located_in_turkiye_with_coordinates(report):
    places = [e.location for e in report.events if e.location is not None]
    assert any(p.name == "Ankara" and p.country == "TUR" and p.lat and p.lon for p in places)


def test_every_evidence_span_is_the_story_text_at_its_offsets(report):
    for e in report.events:
        assert report.doc.text[e.evidence.start:e.evidence.end] == e.evidence.text
        for actor in (e.source, e.target):
            if actor is not None and actor.end > actor.start:
                assert report.doc.text[actor.start:actor.end] == actor.text
