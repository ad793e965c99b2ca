"""The extraction stage on the project's own small stories."""

from __future__ import annotations

import pytest

from conftest import fixture_text

pytestmark = pytest.mark.model


def _code(extractor, name, published="2025-03-06"):
    from eventwire.ingest.text import story_from_text

    return extractor.extract(story_from_text(fixture_text(name), origin=name, published=published))


def _dyads(events):
    return {(e.source.country, e.target.country if e.target else None, e.cameo[:2], e.status) for e in events}


def test_talks_are_a_consult_event_with_date_place_and_people(extractor):
    report = _code(extractor, "visit.txt")
    talks = [e for e in report.events if e.cameo[:2] == "04" and e.source.country == "ETH"]
    assert talks, _dyads(report.events)
    e = talks[0]
    assert e.target.country == "KEN"
    assert e.date == "2025-03-05" and e.date_is == "event"
    assert e.location is not None and e.location.name == "Nairobi"
    assert e.source.name and "Haile" in e.source.name
    assert "GOV" in e.source.sector


def test_the_speaker_is_recorded_as_said_by(extractor):
    report = _code(extractor, "visit.txt")
    assert all(e.said_by is not None and e.said_by.country == "KEN" for e in report.events)


def test_a_dismissed_report_is_a_denied_claim_never_an_event(extractor):
    report = _code(extractor, "denial.txt")
    assert not [e for e in report.events if e.target and e.target.country == "NER" and e.cameo[:2] in ("07", "15", "18", "19")]
    denied = [c for c in report.claims if c.status == "denied" and c.object and c.object.country == "NER"]
    assert denied and denied[0].subject.country == "GHA"
    assert denied[0].denied_by is not None and denied[0].denied_by.country == "GHA"


def test_the_dismissal_itself_is_a_rejection_event(extractor):
    report = _code(extractor, "denial.txt")
    assert any(e.source.country == "GHA" and e.plover == "REJECT" for e in report.events)


def test_a_conditional_threat_is_not_asserted(extractor):
    report = _code(extractor, "conditional.txt")
    tariffs = [e for e in report.events if e.source.country == "BRA" and e.target and e.target.country == "ARG"]
    assert tariffs and all(e.status in ("hypothetical", "planned") for e in tariffs)


def test_the_headline_does_not_double_a_body_event(extractor):
    report = _code(extractor, "visit.txt")
    keys = [(e.source.country, e.target.country if e.target else None, e.cameo) for e in report.events]
    assert len(keys) == len(set(keys))


def test_the_report_to_dict_round_trips(extractor):
    from eventwire.schema import Report

    report = _code(extractor, "visit.txt")
    assert Report.from_dict(report.to_dict()).to_dict() == report.to_dict()


def test_event_ids_are_stable_for_the_same_text(extractor):
    a, b = _code(extractor, "visit.txt"), _code(extractor, "visit.txt")
    assert [e.id for e in a.events] == [e.id for e in b.events]


def test_a_bad_story_in_a_batch_does_not_sink_the_others(extractor):
    from eventwire.errors import InputError
    from eventwire.schema import Story

    stories = [Story(fixture_text("visit.txt")), Story("   "), Story(fixture_text("denial.txt"))]
    results = list(extractor.extract_many(stories))
    assert [type(r).__name__ for r in results] == ["Report", "EmptyInputError", "Report"]
    assert isinstance(results[1], InputError)
