"""Who attacks whom when the attacker is unnamed or a weapon, when the struck place is a bare
city, and when two sides fight each other."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(extractor, text, published="2025-03-06"):
    from eventwire.ingest.text import story_from_text

    report = extractor.extract(story_from_text(text, published=published))
    return [(e.source.country, e.target.country if e.target else None, e.cameo, e.status) for e in report.events]


def _dyads(events):
    return {(s, t, c) for s, t, c, _ in events}


def test_attackers_named_by_what_they_are_take_the_scene_inside_a_place_phrase(extractor):
    events = _events(extractor, "Armed men abducted two aid workers outside a clinic in eastern Chad on Friday.")
    assert ("TCD", "TCD", "181") in _dyads(events)


def test_a_suicide_bomber_who_kills_carries_out_a_suicide_bombing(extractor):
    events = _events(extractor, "Witnesses said a suicide bomber killed 14 wedding guests inside a hall in Jalalabad.")
    assert ("AFG", "AFG", "1831") in _dyads(events)


def test_an_explosion_that_kills_is_a_bombing_at_the_scene_of_the_clause(extractor):
    events = _events(extractor, "An explosion in a parked car shook a bus station in Mosul, killing eleven shoppers.")
    assert ("IRQ", "IRQ", "183") in _dyads(events)


def test_a_drone_strike_that_kills_is_an_aerial_attack_by_its_owner(extractor):
    events = _events(extractor, "A Saudi drone strike killed three Houthi commanders near Saada, the coalition said.")
    assert ("SAU", "YEM", "195") in _dyads(events)


def test_a_bare_city_shelled_stands_for_its_country(extractor):
    events = _events(extractor, "Russian artillery units shelled Zaporizhzhia on Monday.")
    assert {(s, t) for s, t, c, _ in events if c[:2] == "19"} == {("RUS", "UKR")}


def test_helicopters_strafing_a_town_attack_its_country(extractor):
    events = _events(extractor, "Government helicopters strafed Timbuktu late on Tuesday, residents said.")
    assert any(t == "MLI" and c == "195" for _, t, c, _ in events)


def test_an_army_and_separatists_that_fought_each_other_fought_both_ways(extractor):
    events = _events(extractor, "Over the weekend the Malian army and Tuareg separatists fought each other for the airport.")
    assert len([e for e in events if (e[0], e[1], e[2]) == ("MLI", "MLI", "190")]) == 2


def test_clashes_between_two_armies_go_both_ways(extractor):
    events = _events(extractor, "Heavy clashes between Thai and Cambodian border troops continued on Sunday.")
    assert {("THA", "KHM", "190"), ("KHM", "THA", "190")} <= _dyads(events)


def test_a_trade_war_between_two_countries_is_no_fighting(extractor):
    events = _events(extractor, "A trade war between Japan and Korea escalated last year.")
    assert not any(c[:2] == "19" for _, _, c, _ in events)
