"""Opening one's borders to people who flee is granting them refuge (CAMEO 075, PLOVER AID),
given to the country they come from; refusing them admittance is a rejection (1245)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(extractor, text, published="2025-03-06"):
    from eventwire.ingest.text import story_from_text

    report = extractor.extract(story_from_text(text, published=published))
    return [(e.source.country, e.target.country if e.target else None, e.cameo) for e in report.events]


def test_opening_the_borders_to_families_fleeing_a_country_grants_its_people_refuge(extractor):
    events = _events(extractor, "Armenia opened its borders to families fleeing Syria.")
    assert ("ARM", "SYR", "075") in events, events


def test_refugees_from_a_named_country_are_its_people(extractor):
    events = _events(extractor, "Moldova opened its borders to refugees from Ukraine.")
    assert ("MDA", "UKR", "075") in events, events


def test_refugees_of_no_named_country_are_not_the_host_s_people(extractor):
    events = _events(extractor, "Niger opened its borders to the refugees.")
    assert not any(t == "NER" for _, t, _ in events), events


def test_refusing_admittance_to_a_neighbour_s_citizens_is_a_rejection(extractor):
    events = _events(extractor, "Gabon was still refusing admittance to Cameroonian traders.")
    assert ("GAB", "CMR", "1245") in events, events


def test_opening_a_border_to_trade_grants_no_refuge(extractor):
    events = _events(extractor, "Laos opened its border to trade.")
    assert not any(c == "075" for _, _, c in events), events


def test_people_driven_out_of_a_country_are_its_people(extractor):
    events = _events(extractor, "Malawi opened its borders to thousands of farmers driven out of Mozambique by the floods.")
    assert ("MWI", "MOZ", "075") in events, events


def test_people_chased_out_of_a_country_are_its_people_when_the_parse_hangs_them_on_the_verb(extractor):
    events = _events(extractor, "Malawi opened its doors last week to miners chased out of Zambia after the strike.")
    assert ("MWI", "ZMB", "075") in events, events
