"""Stone-throwing and pelting are violent protest (CAMEO 145, PLOVER PROTEST); a grenade thrown
at someone is a bombing of them (183). Invented sentences."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(extractor, text):
    from eventwire.ingest.text import story_from_text

    report = extractor.extract(story_from_text(text, published="2025-03-06"))
    return [(e.source.country, e.target.country if e.target else None, e.cameo) for e in report.events]


def test_throwing_stones_at_soldiers_is_a_violent_protest_against_them(extractor):
    assert _events(extractor, "Lebanese youths threw stones at Israeli soldiers on the border.") == [("LBN", "ISR", "145")]


def test_pelting_a_convoy_is_a_violent_protest(extractor):
    assert ("145" in [c for _, _, c in _events(extractor, "Afghan villagers pelted a British convoy with rocks.")])


def test_throwing_a_grenade_is_still_a_bombing_not_a_protest(extractor):
    codes = [c for _, _, c in _events(extractor, "Iraqi insurgents threw a grenade at American troops.")]
    assert "145" not in codes


def test_a_grenade_thrown_at_troops_is_a_bombing_of_their_country(extractor):
    assert _events(extractor, "Iraqi insurgents threw a grenade at American troops.") == [("IRQ", "USA", "183")]
