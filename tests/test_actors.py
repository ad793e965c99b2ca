"""Actors: countries, sectors, people and roles, and light coreference."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _report(extractor, text, published="2025-03-06"):
    from eventwire.ingest.text import story_from_text

    return extractor.extract(story_from_text(text, published=published))


def test_a_demonym_and_a_ministry_code_country_and_sectors(extractor):
    e, = _report(extractor, "The Turkish Defense Ministry signed an agreement with Qatar.").events
    assert (e.source.country, e.source.sector) == ("TUR", ["MIL", "GOV"])


def test_a_titled_official_gets_a_role_and_a_name(extractor):
    e, = _report(extractor, "Kenyan Foreign Minister Amina Otieno met Ugandan President John Okello.").events
    assert e.source.country == "KEN" and e.source.role == "Foreign Minister" and "Otieno" in e.source.name
    assert e.target.country == "UGA"


def test_a_well_known_leader_is_coded_without_a_title(extractor):
    e, = _report(extractor, "Putin met Erdogan in Sochi.", published="2021-09-29").events
    assert (e.source.country, e.target.country) == ("RUS", "TUR")


def test_a_capital_stands_for_its_government(extractor):
    e, = _report(extractor, "Ankara accused Athens of violating its airspace.").events
    assert (e.source.country, e.target.country) == ("TUR", "GRC")


def test_an_international_organisation_is_coded_igo(extractor):
    e, = _report(extractor, "The European Union imposed sanctions on Belarus.").events
    assert e.source.country == "IGO" and e.source.name and "LAB" not in e.source.sector


def test_a_compound_subject_codes_each_country(extractor):
    events = _report(extractor, "Bosnia and Slovenia agreed to a ceasefire.").events
    assert {(e.source.country, e.target.country) for e in events} == {("BIH", "SVN"), ("SVN", "BIH")}


def test_a_group_placed_in_a_country_takes_that_country(extractor):
    events = _report(extractor, "Rebels in Mali attacked an army convoy on Sunday.").events
    assert events and events[0].source.country == "MLI" and events[0].source.sector == ["REB"]


def test_the_ministry_in_a_later_sentence_is_the_same_ministry(extractor):
    text = ("The Ghanaian Defence Ministry said on Monday it had signed a pact with Togo.\n"
            "The ministry also said it would send trainers to Benin.\n")
    events = _report(extractor, text).events
    assert {e.source.country for e in events} == {"GHA"}


def test_his_counterpart_takes_the_sectors_of_the_other_minister(extractor):
    e, = _report(extractor, "Defense Minister Ali Kaya of Türkiye held talks with his Japanese counterpart.").events
    assert e.target.country == "JPN" and "MIL" in e.target.sector
