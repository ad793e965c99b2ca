"""A political actor telling of another's armed attack accuses the attacker of aggression
(CAMEO 1123), the attack itself still coded as told; media, medics and unnamed officials only
report, and nobody accuses itself."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(extractor, text, published="2025-03-06"):
    from eventwire.ingest.text import story_from_text

    report = extractor.extract(story_from_text(text, published=published))
    return [(e.source.country, e.target.country if e.target else None, e.cameo, e.status) for e in report.events]


def test_a_state_saying_a_rocket_was_fired_at_it_accuses_where_it_came_from(extractor):
    events = _events(extractor, "Israel said a rocket was fired at it from Lebanon on Sunday.")
    assert ("ISR", "LBN", "1123", "asserted") in events, events
    assert any(s == "LBN" and t == "ISR" and c[:2] == "19" for s, t, c, _ in events), events


def test_a_ministry_reporting_shelling_by_another_army_accuses_it(extractor):
    events = _events(extractor, "The Turkish defence ministry said Syrian troops shelled a Turkish border post.")
    assert ("TUR", "SYR", "1123", "asserted") in events, events


def test_medics_reporting_shelling_accuse_nobody(extractor):
    events = _events(extractor, "Local medics said Israeli tanks shelled a house in Gaza.")
    assert not any(c.startswith("112") for _, _, c, _ in events), events


def test_a_state_telling_of_its_own_strikes_accuses_nobody(extractor):
    events = _events(extractor, "Russia said that it had bombed rebel positions in Idlib.")
    assert not any(c.startswith("112") for _, _, c, _ in events), events


def test_officials_of_no_named_side_accuse_nobody(extractor):
    events = _events(extractor, "Three villagers were killed when Ethiopian troops shelled the town, officials said.")
    assert not any(c.startswith("112") for _, _, c, _ in events), events
