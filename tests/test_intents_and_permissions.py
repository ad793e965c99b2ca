"""Intentions, plans and permissions: helping as aid, who does what a passive or a gerund
leaves unsaid, partners who meet each other, permission given and withheld, and what a
refusal is aimed at when the act refused sits inside another."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(extractor, text, published="2025-03-06"):
    from eventwire.ingest.text import story_from_text

    report = extractor.extract(story_from_text(text, published=published))
    return [(e.source.country, e.target.country if e.target else None, e.cameo, e.status) for e in report.events]


def _dyads(events):
    return {(s, t, c[:2]) for s, t, c, _ in events}


def test_helping_a_country_is_aid(extractor):
    events = _events(extractor, "Sweden helped Ukraine after the flood.")
    assert ("SWE", "UKR", "07") in _dyads(events), events


def test_a_promise_of_help_is_an_intent_to_give_aid(extractor):
    events = _events(extractor, "Sweden will help Ukraine.")
    assert events == [("SWE", "UKR", "033", "planned")]


def test_what_someone_is_scheduled_to_do_is_done_by_them_not_by_the_scheduler(extractor):
    events = _events(extractor, "The French president is scheduled to visit Vietnam next month.")
    assert [(s, t, c[:2], st) for s, t, c, st in events] == [("FRA", "VNM", "03", "planned")], events


def test_the_one_pressed_to_act_is_the_one_who_would_act(extractor):
    events = _events(extractor, "The Kenyan president was pressed by Britain to release the activists.")
    assert ("GBR", "KEN", "02") in _dyads(events), events
    assert not any(s == "GBR" and c[:2] == "08" for s, _, c, _ in events), events


def test_an_accusation_of_arming_rebels_makes_the_accused_the_supplier_and_the_supply_a_claim(extractor):
    events = _events(extractor, "Turkey accused Greece of supplying weapons to the rebels.")
    supplies = [(s, c, st) for s, _, c, st in events if c[:2] == "07"]
    assert supplies == [("GRC", "072", "claimed")], events


def test_two_leaders_who_will_meet_in_a_city_meet_each_other_not_the_city(extractor):
    events = _events(extractor, "Emmanuel Macron and Olaf Scholz will meet in Vienna.")
    assert _dyads(events) == {("FRA", "DEU", "03"), ("DEU", "FRA", "03")}, events
    assert {st for *_, st in events} == {"planned"}


def test_giving_permission_to_a_country_is_letting_it_act(extractor):
    events = _events(extractor, "Egypt gave permission to Sudan to fly over its territory.")
    assert events == [("EGY", "SDN", "080", "asserted")]


def test_refusing_permission_is_a_rejection_aimed_at_the_one_refused(extractor):
    events = _events(extractor, "The Peruvian president said he would not give permission to Chile to help Bolivia.")
    assert [(s, t, c[:2]) for s, t, c, _ in events] == [("PER", "CHL", "12")], events


def test_denying_permission_is_a_rejection(extractor):
    events = _events(extractor, "Algeria denied permission to Morocco to use the pipeline.")
    assert _dyads(events) == {("DZA", "MAR", "12")}, events


def test_a_refusal_is_aimed_at_whom_the_act_inside_the_refused_act_serves(extractor):
    events = _events(extractor, "Germany refused to commit to assistance to Poland.")
    assert _dyads(events) == {("DEU", "POL", "12")}, events
