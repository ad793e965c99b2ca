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


# ---------------------------------------------------------------- qualified groups and organisations

def test_bosnian_serbs_are_coded_by_the_state_they_live_in(extractor):
    e, = _report(extractor, "Bosnian Serbs shelled Croatian positions.").events
    assert (e.source.country, e.target.country) == ("BIH", "HRV")


def test_serbian_troops_without_a_qualifier_stay_serbian(extractor):
    e, = _report(extractor, "Serbian troops shelled Croatian positions.").events
    assert e.source.country == "SRB"


def test_kosovo_albanians_are_coded_kosovo(extractor):
    events = _report(extractor, "Kosovo Albanians said they would boycott talks with Serbia.").events
    assert events and {e.source.country for e in events} == {"XKX"}


def test_a_civic_name_after_an_ethnic_one_keeps_its_country(extractor):
    e, = _report(extractor, "Turkish Cypriot leaders met Greek officials.").events
    assert (e.source.country, e.target.country) == ("CYP", "GRC")


def test_two_demonyms_side_by_side_are_one_group_not_two(extractor):
    events = _report(extractor, "Croatian Serb refugees protested against the Bosnian government.").events
    assert [(e.source.country, e.target.country) for e in events] == [("HRV", "BIH")]


def test_a_person_named_as_possessor_does_not_code_the_group(extractor):
    e, = _report(extractor, "Abu Musab al-Zarqawi's al-Qaeda network threatened Jordan.",
                 published="2004-05-01").events
    assert e.source.country == "IMG" and e.source.name == "al-Qaeda"


def test_a_leader_named_as_possessor_does_not_code_his_counterpart(extractor):
    e, = _report(extractor, "Obama's Kenyan counterpart criticised Sudan.", published="2012-05-01").events
    assert e.source.country == "KEN" and e.source.name != "Obama"


def test_a_pronoun_for_a_qualified_al_qaeda_branch_takes_the_branch_country(extractor):
    events = _report(extractor, "Fighters loyal to Yemen's al-Qaeda chief said they attacked the Saudi embassy.").events
    assert events and events[0].source.country == "YEM"


def test_the_red_cross_is_an_international_organisation(extractor):
    e, = _report(extractor, "The Red Cross criticised the Sudanese authorities.").events
    assert e.source.country == "IGO"


def test_a_national_red_crescent_society_is_of_its_country(extractor):
    e, = _report(extractor, "The Iraqi Red Crescent asked Jordan for tents.").events
    assert e.source.country == "IRQ" and e.source.name is None


def test_an_organisation_working_in_a_country_keeps_its_own_code(extractor):
    events = _report(extractor, "The Red Cross working in Yemen said Saudi forces must allow "
                                "medicine to reach the wounded.").events
    assert events and events[0].source.country == "IGO" and events[0].target.country == "SAU"


def test_a_threat_against_two_countries_is_one_event_for_each(extractor):
    events = _report(extractor, "The junta threatened to launch rockets at Chad and Niger.").events
    assert {e.target.country for e in events} == {"TCD", "NER"}


def test_a_coordinated_name_inside_a_group_name_is_no_second_target(extractor):
    events = _report(extractor, "Jordan attacked the Islamic State of Iraq and Syria.").events
    assert [e.target.country for e in events] == ["IMG"]


def test_its_after_a_plural_group_refers_back_to_the_speaker(extractor):
    events = _report(extractor, "Greece said Albanian gunmen had fired on its border guards.").events
    attack = next(e for e in events if e.cameo[:2] in ("18", "19"))
    assert (attack.source.country, attack.target.country) == ("ALB", "GRC")


def test_its_after_a_singular_body_still_refers_to_that_body(extractor):
    e, = _report(extractor, "The Egyptian army said its units had seized the town.").events
    assert e.source.country == "EGY"


def test_a_rights_group_with_no_country_is_coded_as_an_ngo(extractor):
    e, = _report(extractor, "A human rights group accused Moroccan police of beating migrants.").events
    assert (e.source.country, e.source.sector, e.target.country) == ("NGO", ["HRI"], "MAR")


def test_an_aid_agency_with_a_nationality_keeps_its_country(extractor):
    e, = _report(extractor, "A Norwegian aid agency delivered tents to Nepal.").events
    assert (e.source.country, e.source.sector) == ("NOR", ["DEV"])


def test_a_rebel_group_is_not_an_ngo(extractor):
    e, = _report(extractor, "A rebel group attacked Malian troops.").events
    assert e.source.country != "NGO"


def test_a_backer_named_in_a_hyphenated_modifier_is_not_the_groups_country(extractor):
    e, = _report(extractor, "Turkish-backed militias shelled Kurdish villages in Syria.").events
    assert e.source.country != "TUR"


def test_pro_and_anti_name_a_side_not_a_nationality(extractor):
    e, = _report(extractor, "Pro-Chinese activists attacked Vietnamese police.").events
    assert e.source.country != "CHN" and e.target.country == "VNM"


def test_a_group_linked_to_al_qaeda_keeps_its_own_nationality(extractor):
    e, = _report(extractor, "The al-Qaeda-linked Nigerian group attacked Chadian troops.").events
    assert (e.source.country, e.target.country) == ("NGA", "TCD")


def test_a_spokesman_for_a_ministry_speaks_as_the_ministry(extractor):
    e, = _report(extractor, "A spokesman for the Indian foreign ministry criticised Nepal.").events
    assert (e.source.country, e.target.country) == ("IND", "NPL")


def test_the_pope_is_coded_as_the_holy_see(extractor):
    e, = _report(extractor, "Pope Francis met Iraqi President Barham Salih.", published="2021-03-06").events
    assert e.source.country == "VAT"


def test_the_head_of_an_organisation_acts_for_it(extractor):
    e, = _report(extractor, "Syria met the head of the Arab League.").events
    assert (e.source.country, e.target.country) == ("SYR", "IGO")
