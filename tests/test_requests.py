"""Requests, accusations and permissions whose grammar hides them: a demand inside a noun, an
obligation with nothing codable to do, an agent the parser hangs on a gerund, wishes that
are plans, and letting people come or go."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(extractor, text, published="2025-03-06"):
    from eventwire.ingest.text import story_from_text

    report = extractor.extract(story_from_text(text, published=published))
    return [(e.source.country, e.target.country if e.target else None, e.cameo, e.status) for e in report.events]


def _dyads(events):
    return {(s, t, c[:2]) for s, t, c, _ in events}


def test_insisting_on_a_demand_that_someone_act_is_the_demand_for_that_act(extractor):
    events = _events(extractor, "The Kenyan government insisted on its demand that Uganda withdraw its troops.")
    assert ("KEN", "UGA", "10") in _dyads(events), events


def test_calling_for_something_is_an_appeal_though_call_is_also_a_speech_verb(extractor):
    events = _events(extractor, "Norway called for new sanctions against Belarus.")
    assert ("NOR", "BLR", "02") in _dyads(events), events


def test_asking_someone_for_something_is_an_appeal_to_them(extractor):
    events = _events(extractor, "The Malian president asked Senegal for help.")
    assert any(s == "MLI" and t == "SEN" and c[:2] == "02" for s, t, c, _ in events), events


def test_telling_reporters_something_is_still_no_request(extractor):
    assert _events(extractor, "The Chilean minister told reporters the talks had gone well.") == []


def test_a_reported_obligation_with_nothing_codable_to_do_is_the_speakers_appeal(extractor):
    events = _events(extractor, "The Icelandic minister said Danish trawlers must keep to the agreed quotas.")
    assert [(s, t, c) for s, t, c, _ in events] == [("ISL", "DNK", "020")]


def test_an_obligation_nobody_states_is_nobodys_appeal(extractor):
    assert _events(extractor, "Danish trawlers must keep to the agreed quotas.") == []


def test_a_reminder_that_someone_must_act_is_an_appeal_to_them(extractor):
    events = _events(extractor, "The Ghanaian president issued a stern reminder to Togo that it must honour the accord.")
    assert any(s == "GHA" and t == "TGO" and c[:2] == "02" for s, t, c, _ in events), events


def test_an_accuser_the_parser_hangs_on_the_gerund_is_still_the_accuser(extractor):
    events = _events(extractor, "The opposition leader was accused of inciting violence by the Kenyan police.")
    assert any(s == "KEN" and c[:3] == "112" for s, _, c, _ in events), events


def test_wanting_to_attack_someone_is_a_threat_not_an_appeal(extractor):
    events = _events(extractor, "Chile wants to attack Peru.")
    assert [(s, t, c[:2]) for s, t, c, _ in events] == [("CHL", "PER", "13")]


def test_wanting_to_do_something_uncodable_is_no_request(extractor):
    assert _events(extractor, "The Chilean president wants to win the vote.") == []


def test_wanting_to_help_a_country_is_an_intent_to_give_aid_not_a_request(extractor):
    events = _events(extractor, "The Chilean president wants to help Peru.")
    assert [(s, t, c, st) for s, t, c, st in events] == [("CHL", "PER", "033", "planned")]


def test_promising_to_let_refugees_return_is_an_intent_to_yield(extractor):
    events = _events(extractor, "Kenya will allow Somali refugees to return home.")
    assert [(s, c[:2]) for s, _, c, _ in events] == [("KEN", "03")]


def test_refusing_to_let_planes_land_is_a_rejection(extractor):
    events = _events(extractor, "Egypt refused to allow Israeli planes to land.")
    assert ("EGY", "ISR", "12") in _dyads(events), events


def test_agreeing_to_a_thing_rather_than_an_act_is_agreement(extractor):
    events = _events(extractor, "The Security Council agreed to a one-year extension of the monitoring mission in Cyprus.")
    assert [(s, c) for s, _, c, _ in events] == [("IGO", "030")]


def test_agreeing_to_an_act_still_takes_its_code_from_the_act(extractor):
    events = _events(extractor, "Serbia agreed to reopen the border crossing.")
    assert [(s, c[:2]) for s, _, c, _ in events] == [("SRB", "03")] and events[0][2] != "030"


def test_calling_someone_on_a_weekday_is_no_appeal(extractor):
    assert not any(c[:2] == "02" for _, _, c, _ in _events(extractor, "The French president called the Russian leader on Friday."))


def test_whoever_a_demand_clause_says_must_act_is_the_one_asked(extractor):
    events = _events(extractor, "Kenyan rebels demanded that Uganda and Tanzania accept major reforms.")
    assert {(s, t, c[:2]) for s, t, c, _ in events} == {("KEN", "UGA", "10"), ("KEN", "TZA", "10")}


def test_wanting_someone_to_do_an_uncodable_thing_names_nobody_asked(extractor):
    assert _events(extractor, "The Chilean tanks might want Boric to head back home.") == []
