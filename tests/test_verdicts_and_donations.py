"""Blame and verdicts said in an adjective on the one blamed ("held Y responsible", "found Y
guilty"), people held hostage, and goods given away as aid, while goods sold or exported stay
trade."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(extractor, text, published="2025-03-06"):
    from eventwire.ingest.text import story_from_text

    report = extractor.extract(story_from_text(text, published=published))
    return [(e.source.country, e.target.country if e.target else None, e.cameo) for e in report.events]


def test_holding_a_country_responsible_for_a_crisis_accuses_it(extractor):
    events = _events(extractor, "Lithuania held Belarus responsible for the migrant crisis.")
    assert ("LTU", "BLR", "112") in events, events


def test_holding_a_country_liable_accuses_it_though_the_adjective_hangs_loose(extractor):
    events = _events(extractor, "Peru held Chile liable for the spill.")
    assert ("PER", "CHL", "112") in events, events


def test_the_one_held_accountable_is_the_target_when_parsed_as_the_adjectives_subject(extractor):
    events = _events(extractor, "The Estonian minister said Tallinn would hold Moscow accountable.")
    assert ("EST", "RUS", "112") in events, events


def test_holding_a_country_in_high_regard_is_no_accusation(extractor):
    events = _events(extractor, "Brazil holds Argentina in high regard.")
    assert all(c[:3] != "112" for _, _, c in events), events


def test_a_court_finding_someone_guilty_is_a_legal_verdict(extractor):
    events = _events(extractor, "A Kenyan court found the Ugandan colonel guilty of torture.")
    assert ("KEN", "UGA", "116") in events, events


def test_being_found_guilty_by_a_court_is_the_same_verdict_in_the_passive(extractor):
    events = _events(extractor, "The Ugandan colonel was found guilty of torture by a Kenyan court.")
    assert ("KEN", "UGA", "116") in events, events


def test_finding_an_offer_acceptable_is_no_verdict(extractor):
    assert _events(extractor, "Chile found Peru's offer acceptable.") == []


def test_donating_ambulances_to_a_country_is_aid(extractor):
    events = _events(extractor, "Japan donated ten ambulances to Mongolia.")
    assert ("JPN", "MNG", "070") in events, events


def test_giving_equipment_to_a_country_is_aid(extractor):
    events = _events(extractor, "Norway gave medical equipment to Malawi.")
    assert ("NOR", "MWI", "070") in events, events


def test_handing_over_armoured_vehicles_is_military_aid(extractor):
    events = _events(extractor, "The Turkish army handed over armoured vehicles to Somalia.")
    assert ("TUR", "SOM", "072") in events, events


def test_donated_rice_is_humanitarian_aid(extractor):
    events = _events(extractor, "South Korea donated rice to Laos.")
    assert ("KOR", "LAO", "073") in events, events


def test_gifting_anything_to_a_country_is_aid(extractor):
    events = _events(extractor, "India gifted two helicopters to the Maldives.")
    assert ("IND", "MDV", "070") in events, events


@pytest.mark.parametrize("text", [
    "China sold military vehicles to Bolivia.",
    "Vietnam exported rice to the Philippines.",
    "Mexico sold buses to Guatemala.",
    "Germany delivered the goods to Poland on time.",
])
def test_goods_sold_exported_or_delivered_in_trade_are_not_aid(extractor, text):
    events = _events(extractor, text)
    assert all(c[:2] != "07" for _, _, c in events), events


def test_holding_people_hostage_is_hostage_taking_though_the_noun_hangs_as_a_clause(extractor):
    events = _events(extractor, "Rebels held two Italian engineers hostage.")
    assert any(t == "ITA" and c == "181" for _, t, c in events), events


def test_holding_a_town_hostage_to_demands_is_no_hostage_taking(extractor):
    events = _events(extractor, "The rebels held the town hostage to their demands.")
    assert all(c != "181" for _, _, c in events), events
