"""Status and modality: what the story asserts, plans, refuses, denies or only reports."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _one(extractor, text, published="2025-03-06"):
    from eventwire.ingest.text import story_from_text

    return extractor.extract(story_from_text(text, published=published))


def _events(report):
    return [(e.source.country, e.target.country if e.target else None, e.cameo, e.status) for e in report.events]


def test_a_plain_past_action_is_asserted(extractor):
    report = _one(extractor, "Chile expelled two Peruvian diplomats on Monday.")
    assert [e.status for e in report.events] == ["asserted"]


def test_will_makes_a_planned_event_coded_as_an_intent(extractor):
    report = _one(extractor, "Japan will provide emergency aid to Pakistan.")
    (src, tgt, cameo, status), = _events(report)
    assert (src, tgt, status) == ("JPN", "PAK", "planned") and cameo.startswith("03")


def test_would_in_reported_speech_is_the_future_not_a_hypothesis(extractor):
    report = _one(extractor, "Norway said it would provide humanitarian aid to Mali.")
    assert [e.status for e in report.events] == ["planned"]


def test_a_conditional_is_hypothetical(extractor):
    report = _one(extractor, "Brazil will impose tariffs on Argentina if Buenos Aires keeps its quotas.")
    assert report.events and all(e.status == "hypothetical" for e in report.events)


def test_will_not_is_a_refusal_coded_as_a_rejection(extractor):
    report = _one(extractor, "Kenya said it will not provide aid to Somalia.")
    assert [e.plover for e in report.events] == ["REJECT"]


def test_will_not_attack_is_no_attack(extractor):
    report = _one(extractor, "Kenya said it will not send troops to Somalia.")
    assert [(e.cameo, e.status) for e in report.events] == [("0356", "asserted")]


def test_a_negated_past_act_is_a_denied_claim_not_an_event(extractor):
    report = _one(extractor, "Ghana did not deploy troops to Togo, the ministry said.")
    assert not report.events
    assert [c.status for c in report.claims] == ["denied"]


def test_the_content_of_a_dismissed_report_is_a_denied_claim(extractor):
    report = _one(extractor, "Egypt dismissed reports that it will send warplanes to Libya.")
    assert [c.status for c in report.claims] == ["denied"]
    assert [e.plover for e in report.events] == ["REJECT"]


def test_reported_allegations_are_claimed_not_asserted(extractor):
    report = _one(extractor, "Rebels reportedly attacked a police post in Mali on Monday.")
    assert report.events and all(e.status == "claimed" for e in report.events)


def test_a_threat_to_act_is_coded_as_a_threat(extractor):
    report = _one(extractor, "Iran threatened to cut diplomatic ties with Azerbaijan.")
    assert [e.plover for e in report.events] == ["THREATEN"]


def test_an_appeal_codes_the_action_asked_for(extractor):
    report = _one(extractor, "Lithuania urged Belarus to release political prisoners.")
    (src, tgt, cameo, _), = _events(report)
    assert (src, tgt) == ("LTU", "BLR") and cameo.startswith("02")


def test_telling_reporters_is_not_an_event(extractor):
    report = _one(extractor, '"We have no comment," a Chilean spokesman told reporters.')
    assert not report.events


def test_an_alleged_attack_is_the_accusers_claim_and_an_accusation(extractor):
    report = _one(extractor, "Georgia alleged that Russian troops had shelled the border post.")
    events = _events(report)
    assert ("GEO", "RUS", "1123", "asserted") in events
    assert all(status == "claimed" for src, _, cameo, status in events if cameo[:2] == "19")


def test_a_single_line_without_a_full_stop_is_still_coded(extractor):
    report = _one(extractor, "Chile expelled two Peruvian diplomats on Monday")
    assert [(src, tgt) for src, tgt, _, _ in _events(report)] == [("CHL", "PER")]


def test_partners_listed_as_a_compound_subject_meet_each_other(extractor):
    report = _one(extractor, "Kenya, Uganda and Tanzania met in Arusha on Monday.")
    pairs = {(src, tgt) for src, tgt, cameo, _ in _events(report) if cameo[:2] == "04"}
    assert {("KEN", "UGA"), ("UGA", "KEN"), ("KEN", "TZA"), ("TZA", "UGA")} <= pairs


def test_they_in_a_reported_clause_is_the_compound_speaker(extractor):
    report = _one(extractor, "Kenya and Uganda said they had signed a trade pact with Rwanda.")
    assert {(src, tgt) for src, tgt, cameo, _ in _events(report) if cameo == "057"} == {("KEN", "RWA"), ("UGA", "RWA")}


def test_a_specific_act_with_no_counterpart_is_still_an_event(extractor):
    report = _one(extractor, "Ecuador lifted the state of emergency on Monday.")
    assert [(src, tgt, cameo) for src, tgt, cameo, _ in _events(report)] == [("ECU", None, "0814")]


def test_an_act_by_nobody_on_the_map_against_nobody_is_not_coded(extractor):
    report = _one(extractor, "A protester demolished the statue on Monday.")
    assert _events(report) == []


def test_a_protest_is_aimed_at_whom_its_demand_names_and_the_demand_is_not_coded_twice(extractor):
    report = _one(extractor, "Hundreds of Kenyan nurses began a hunger strike to demand the resignation of President Ruto.")
    assert [(src, tgt, cameo[:2]) for src, tgt, cameo, _ in _events(report)] == [("KEN", "KEN", "14")]


def test_the_owner_of_a_decision_is_who_acts_on_it(extractor):
    report = _one(extractor, "Thousands of Bolivians rallied in La Paz against Peru's decision to close the border.")
    assert ("BOL", "PER", "141", "asserted") in _events(report)
    assert all(src != "BOL" for src, _, cameo, _ in _events(report) if cameo[:2] != "14")


def test_an_appeal_made_on_someone_is_an_appeal_not_an_intent(extractor):
    report = _one(extractor, "France called on Russia to withdraw its troops from Ukraine.")
    assert ("FRA", "RUS", "0256", "asserted") in _events(report)


def test_wanting_another_to_act_is_an_appeal_to_that_other(extractor):
    report = _one(extractor, "Brazil wants Argentina to lift its tariffs on steel.")
    assert [(src, tgt, cameo[:2]) for src, tgt, cameo, _ in _events(report)] == [("BRA", "ARG", "02")]


def test_what_is_received_from_someone_was_given_by_them(extractor):
    report = _one(extractor, "Kyiv received air-defence missiles from Germany on Monday.")
    assert [(src, tgt, cameo) for src, tgt, cameo, _ in _events(report)] == [("DEU", "UKR", "072")]


def test_surrendering_and_resigning_need_no_counterpart(extractor):
    report = _one(extractor, "Two hundred Congolese rebels surrendered on Sunday. The Peruvian president resigned on Monday.")
    assert {(src, tgt, cameo) for src, tgt, cameo, _ in _events(report)} == {("COD", None, "0874"), ("PER", None, "0831")}


def test_the_troops_a_country_offers_are_not_its_counterpart(extractor):
    report = _one(extractor, "Ghana is ready to contribute 800 troops to the peacekeeping force in Lebanon.")
    assert [(src, tgt[:3] if tgt else None, cameo) for src, tgt, cameo, _ in _events(report)] == [("GHA", "LBN", "0334")]


def test_unplaced_protesters_facing_a_national_authority_are_of_that_country(extractor):
    report = _one(extractor, "Islamist hardliners began a hunger strike to demand the resignation of the Tunisian president.")
    (src, tgt, cameo, _), = _events(report)
    assert (src, tgt, cameo) == ("TUN", "TUN", "142")
    assert report.events[0].rule.endswith("+country_from_target")


def test_a_crowd_counted_in_thousands_is_the_crowd_it_counts(extractor):
    report = _one(extractor, "Thousands of Kenyans joined in a protest against the finance bill.")
    assert [(src, cameo) for src, _, cameo, _ in _events(report)] == [("KEN", "141")]


def test_an_ethnic_group_is_placed_where_it_lives(extractor):
    report = _one(extractor, "Ethnic Hungarians in Romania demanded more autonomy from Bucharest.")
    assert {src for src, _, _, _ in _events(report)} == {"ROU"}


def test_troops_on_alert_are_a_force_posture(extractor):
    report = _one(extractor, "Azerbaijani troops remained on alert along the border on Monday.")
    assert [(src, cameo) for src, _, cameo, _ in _events(report)] == [("AZE", "152")]


def test_speculation_about_an_attack_is_a_hypothetical_claim_not_an_event(extractor):
    report = _one(extractor, "Experts said a Serbian attack on Kosovo might set off a wider conflict.")
    assert not report.events
    assert [c.status for c in report.claims] == ["hypothetical"]


def test_a_whether_clause_is_no_event(extractor):
    report = _one(extractor, "Whether Canada will lift its sanctions on Iran is not yet known.")
    assert not report.events
    assert all(c.status == "hypothetical" for c in report.claims)


def test_a_conditional_promise_of_ones_own_act_stays_an_event(extractor):
    report = _one(extractor, "Sweden may suspend aid to Uganda if the new law takes effect.")
    assert [e.source.country for e in report.events] == ["SWE"]


def test_an_inverted_should_clause_is_a_condition_not_an_act(extractor):
    report = _one(extractor, "Should Armenia attack Azerbaijan, the damage to trade would be severe.")
    assert not [e for e in report.events if e.source.country == "ARM"]


def test_an_inverted_were_clause_is_a_condition_not_an_act(extractor):
    report = _one(extractor, "Were Egypt to invade Sudan, the region would be destabilised.")
    assert not report.events


def test_a_counterfactual_had_clause_makes_its_consequence_no_event(extractor):
    report = _one(extractor, "Had Poland known of the plot, it would have expelled the Belarusian envoy.")
    assert not report.events


def test_should_y_act_then_x_will_strike_is_a_conditional_threat(extractor):
    report = _one(extractor, "Should Hezbollah fire rockets again, Israel will bomb Beirut.")
    assert any(e.source.country == "ISR" and e.plover == "THREATEN" for e in report.events)


def test_declining_to_comment_is_cameos_decline_comment_not_a_rejection(extractor):
    report = _one(extractor, "The Norwegian foreign ministry declined to comment on the arrests.")
    assert [e.cameo for e in report.events] == ["011"]


def test_what_voters_oppose_sending_is_not_sent(extractor):
    report = _one(extractor, "A poll found most Danes oppose sending warplanes to Ukraine.")
    assert not [e for e in report.events if e.plover in ("AID", "MOBILIZE")]


def test_supporting_imposing_sanctions_imposes_none(extractor):
    report = _one(extractor, "Lithuania supports imposing new sanctions on Belarus.")
    assert not [e for e in report.events if e.plover == "SANCTION"]


def test_a_cricket_win_by_wickets_is_no_assault(extractor):
    report = _one(extractor, "Ghana's football squad thrashed Nigeria in the league derby.")
    assert not report.events


def test_a_football_score_is_no_assault(extractor):
    report = _one(extractor, "France thrashed Italy 4-1 on Saturday.")
    assert not report.events


def test_a_raid_that_makes_arrests_is_the_arrest_not_an_attack(extractor):
    report = _one(extractor, "Greek police detained 14 suspected smugglers in raids near Athens.")
    assert report.events and not [e for e in report.events if e.plover == "ASSAULT"]
