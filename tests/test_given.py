"""Given-actor coding: the analyst names both actors, eventwire codes what the first did."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _given(extractor, text, source, target):
    return extractor.classify(text, source, target)


def test_a_hunger_strike_is_a_protest_not_an_air_strike(extractor):
    coding = _given(extractor, "Dozens of prisoners began a hunger strike against the Bolivian government.",
                    "prisoners", "Bolivian government")
    assert (coding.cameo, coding.plover) == ("142", "PROTEST")


def test_a_general_strike_is_a_protest_and_an_air_strike_an_assault(extractor):
    labour = _given(extractor, "Unions in Ghana called a general strike against the finance minister.",
                    "Unions", "finance minister")
    military = _given(extractor, "Israel launched a strike against Hamas positions in Gaza.", "Israel", "Hamas")
    assert (labour.plover, military.plover) == ("PROTEST", "ASSAULT")


def test_a_demand_made_by_protesting_is_the_protest(extractor):
    coding = _given(extractor, "Farmers blocked roads near Lahore to press their demands for subsidies from the government.",
                    "Farmers", "government")
    assert coding.plover == "PROTEST"


def test_a_consensus_to_act_later_is_an_intent_to_cooperate(extractor):
    coding = _given(extractor, "Peru and Bolivia reached a consensus to share data on drug trafficking.",
                    "Peru", "Bolivia")
    assert coding.plover == "AGREE" and coding.cameo.startswith("03")


def test_signing_an_accord_is_still_support(extractor):
    coding = _given(extractor, "Peru and Bolivia signed a border accord in La Paz.", "Peru", "Bolivia")
    assert (coding.cameo, coding.plover) == ("057", "SUPPORT")


def test_readying_an_offensive_is_a_force_posture(extractor):
    coding = _given(extractor, "The Sudanese army is preparing a major offensive against the rebels.",
                    "The Sudanese army", "rebels")
    assert coding.plover == "MOBILIZE"


def test_an_attempted_killing_is_an_assault_not_a_threat(extractor):
    coding = _given(extractor, "Gunmen tried to assassinate the Haitian president.", "Gunmen", "Haitian president")
    assert coding.plover == "ASSAULT"


def test_lifting_a_curfew_is_a_concession(extractor):
    coding = _given(extractor, "Ecuador lifted the night curfew in Guayaquil.", "Ecuador", "Guayaquil")
    assert coding.plover == "CONCEDE"


def test_a_frame_noun_lets_the_word_inside_it_be_the_object(extractor):
    coding = _given(extractor, "Qatar suspended its mediation efforts between the Sudanese factions.",
                    "Qatar", "Sudanese factions")
    assert (coding.cameo, coding.plover) == ("165", "SANCTION")


def test_an_amount_of_relief_goods_is_relief(extractor):
    coding = _given(extractor, "Turkish volunteers delivered 300 tonnes of food to the camps in Idlib.",
                    "Turkish volunteers", "camps")
    assert coding.plover == "AID"


def test_a_demand_for_a_thing_is_a_request(extractor):
    coding = _given(extractor, "Kosovo Serbs are demanding a NATO presence to protect them against attacks.",
                    "Kosovo Serbs", "NATO")
    assert coding.plover == "REQUEST"


def test_what_others_must_do_to_allow_an_act_is_asked_for(extractor):
    coding = _given(extractor, "The Red Crescent said Ethiopian forces must ensure security to allow food to reach the needy.",
                    "The Red Crescent", "Ethiopian forces")
    assert coding.plover == "REQUEST"


def test_pulling_peacekeepers_out_is_a_sanction_and_forcing_an_agency_out_an_expulsion(extractor):
    pulled = _given(extractor, "The UN pulled its peacekeepers out of the Malian town on Friday.", "The UN", "Malian")
    forced = _given(extractor, "Eritrea forced the UN refugee agency out of the country.", "Eritrea", "UN refugee agency")
    assert (pulled.plover, forced.plover) == ("SANCTION", "SANCTION")


def test_evacuating_the_wounded_is_humanitarian_aid(extractor):
    coding = _given(extractor, "Jordanian helicopters evacuated the wounded from the besieged town of Daraa.",
                    "Jordanian helicopters", "Daraa")
    assert coding.plover == "AID"


BATCH = [("Dozens of prisoners began a hunger strike against the Bolivian government.", "prisoners", "Bolivian government"),
         ("Israel launched a strike against Hamas positions in Gaza.", "Israel", "Hamas"),
         ("Kenya and Uganda signed a trade agreement in Nairobi.", "Kenya", "Uganda"),
         ("The minister said nothing.", None, None)]


def test_coding_a_batch_gives_what_coding_one_by_one_gives(extractor):
    one_by_one = [extractor.classify(*item) for item in BATCH]
    assert list(extractor.classify_many(BATCH, batch_size=3)) == one_by_one
    assert [c.plover for c in one_by_one[:3]] == ["PROTEST", "ASSAULT", "SUPPORT"]


def test_a_malformed_item_gets_an_error_and_the_rest_of_the_batch_is_coded(extractor):
    from eventwire.errors import InputError

    results = list(extractor.classify_many([BATCH[1], ("only text",), (42, "a", "b"), BATCH[2]]))
    assert [type(r).__name__ for r in results] == ["Coding", "InputError", "InputError", "Coding"]
    assert isinstance(results[1], InputError) and "item 1" in str(results[1]) and "triple" in str(results[1])
    assert "not a string" in str(results[2])
    assert (results[0].plover, results[3].plover) == ("ASSAULT", "SUPPORT")


def test_without_the_sources_words_the_main_clauses_act_is_coded(extractor):
    text = "Norway condemned the attack on its consulate in Chad."
    for source in ("Sweden", None):
        coding = extractor.classify(text, source, None)
        assert (coding.cameo, coding.evidence.text) == ("111", "condemned")
