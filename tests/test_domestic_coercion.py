"""A state's arrests, repression and curfews of people named only as people code the state's
own population (CAMEO/PLOVER convention): the one acted on takes the source's country. An
arrest 'over allegations of' or 'for alleged' a crime also accuses (112x)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(extractor, text, published="2025-03-06"):
    from eventwire.ingest.text import story_from_text

    report = extractor.extract(story_from_text(text, published=published))
    return [(e.source.country, e.target.country if e.target else None, e.cameo, e.rule) for e in report.events]


def test_police_detaining_followers_of_an_outlawed_sect_detain_their_own_people(extractor):
    events = _events(extractor, "Zambian police detained 18 followers of an outlawed sect near the border on Friday.")
    assert any(e[:3] == ("ZMB", "ZMB", "173") and "country_from_source" in e[3] for e in events), events


def test_jailing_men_over_allegations_of_fraud_is_an_arrest_and_an_accusation(extractor):
    events = [e[:3] for e in _events(extractor, "A court in Bolivia jailed nine men over allegations of fraud.")]
    assert ("BOL", "BOL", "173") in events and ("BOL", "BOL", "1121") in events, events


def test_arresting_men_for_alleged_sedition_accuses_them_of_sedition(extractor):
    events = [e[:3] for e in _events(extractor, "Malian soldiers arrested five traders for alleged sedition.")]
    assert ("MLI", "MLI", "1125") in events, events


def test_a_curfew_on_the_residents_of_a_province_is_imposed_on_the_state_s_own_people(extractor):
    events = [e[:3] for e in _events(extractor, "Guinea imposed a curfew on the miners of the eastern province.")]
    assert ("GIN", "GIN", "1723") in events, events


def test_foreigners_arrested_keep_their_own_country(extractor):
    events = [e[:3] for e in _events(extractor, "Thai police arrested four Cambodian fishermen.")]
    assert ("THA", "KHM", "173") in events and ("THA", "THA", "173") not in events, events


def test_expelled_people_are_not_placed_in_the_expelling_country(extractor):
    events = _events(extractor, "Mauritania expelled forty strangers last week.")
    assert not any("country_from_source" in e[3] for e in events), events


def test_rebels_detaining_villagers_place_nobody(extractor):
    events = _events(extractor, "Rebels detained twelve farmers.")
    assert not any("country_from_source" in e[3] for e in events), events


def test_a_banned_march_is_not_taken_for_banned_people(extractor):
    events = _events(extractor, "The march was banned by Ugandan police.")
    assert not any("country_from_source" in e[3] for e in events), events


def test_a_state_of_emergency_places_nobody(extractor):
    events = _events(extractor, "Ecuador declared a state of emergency in the north.")
    assert not any("country_from_source" in e[3] for e in events), events


def test_police_arresting_a_named_man_arrest_one_of_their_own(extractor):
    events = _events(extractor, "Tanzanian police arrested Juma Mwakyusa on Friday.")
    assert any(e[:3] == ("TZA", "TZA", "173") for e in events), events
