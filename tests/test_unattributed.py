"""Acts whose doer is left out or named by someone else: attacks with no named attacker,
refusals whose counterpart sits in the refused act, obligations a speaker lays on others."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(extractor, text, published="2025-03-06"):
    from eventwire.ingest.text import story_from_text

    report = extractor.extract(story_from_text(text, published=published))
    return [(e.source.country, e.target.country if e.target else None, e.cameo, e.status) for e in report.events]


def test_an_attack_with_no_named_attacker_is_coded_to_the_country_of_the_scene(extractor):
    events = _events(extractor, "Two Kenyan engineers were killed by a roadside bomb near the city of Mombasa.")
    assert ("KEN", "KEN") in {(s, t) for s, t, _, _ in events}


def test_victims_named_only_as_people_are_of_the_country_of_the_scene(extractor):
    events = _events(extractor, "A local teacher was killed in a bomb blast in the centre of Mogadishu.")
    assert [(s, t) for s, t, _, _ in events] == [("SOM", "SOM")]


def test_soldiers_killed_are_casualties_of_fighting_not_of_an_assault(extractor):
    events = _events(extractor, "Six Nigerian soldiers were killed in Chad on Sunday.")
    assert [(s, t, c[:2]) for s, t, c, _ in events] == [("TCD", "NGA", "19")]


def test_a_planned_attack_gets_no_attacker_from_its_scene(extractor):
    events = _events(extractor, "The agency will send experts to identify people killed in the crash in Peru.")
    assert not any(c[:2] in ("18", "19", "13") for _, _, c, _ in events)


def test_refusing_to_act_on_someone_is_a_rejection_aimed_at_them(extractor):
    events = _events(extractor, "The Serbian government refused to lift the travel ban on Kosovo officials.")
    assert any((s, t, c[:2]) == ("SRB", "XKX", "12") for s, t, c, _ in events), events


def test_a_reported_obligation_is_the_speakers_appeal_to_the_obliged(extractor):
    events = _events(extractor, "The African Union said Sudan must release the detained aid workers.")
    assert any((t, c[:2]) == ("SDN", "02") and s in ("IGO", "AFR") for s, t, c, _ in events), events


def test_reneging_on_a_promise_needs_no_counterpart(extractor):
    events = _events(extractor, "The Bolivian president reneged on his pledge to hold a referendum.")
    assert [(s, c[:2]) for s, _, c, _ in events] == [("BOL", "12")]
