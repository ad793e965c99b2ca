"""Words and expressions read as the event they name in the CAMEO 1.1b3 codebook: joint
operations are cooperation, labour strikes are protest, voicing support is endorsement,
appealing to Y to act asks Y. Invented sentences."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(extractor, text):
    from eventwire.ingest.text import story_from_text

    report = extractor.extract(story_from_text(text, published="2025-03-06"))
    return [(e.source.country, e.target.country if e.target else None, e.cameo) for e in report.events]


def _codes(extractor, text):
    return {c for _, _, c in _events(extractor, text)}


# ---- cooperation
def test_a_joint_rescue_operation_is_cooperation_not_an_attack(extractor):
    events = _events(extractor, "Chile and Peru launched a joint rescue operation off the coast.")
    assert ("CHL", "PER", "060") in events and ("PER", "CHL", "060") in events
    assert not any(c.startswith("19") for _, _, c in events)


def test_a_joint_drill_is_no_show_of_force(extractor):
    assert "150" not in _codes(extractor, "Fiji held joint naval drills on Monday.")


def test_supplying_gas_to_a_country_is_economic_cooperation(extractor):
    assert ("DZA", "TUN", "061") in _events(extractor, "Algeria began supplying gas to Tunisia last week.")


def test_sharing_satellite_imagery_is_intelligence_sharing(extractor):
    assert ("NOR", "FIN", "064") in _events(extractor, "Norway has been sharing satellite imagery with Finland.")


def test_a_currency_swap_line_is_economic_cooperation(extractor):
    assert "061" in _codes(extractor, "Brazil's central bank renewed its currency swap line with Mexico.")


def test_working_together_with_a_partner_is_cooperation(extractor):
    assert ("GHA", "TGO", "060") in _events(extractor, "Ghana worked together with Togo on the border census.")


# ---- aid
def test_sending_armoured_vehicles_is_military_aid(extractor):
    assert ("NLD", "LTU", "072") in _events(extractor, "The Netherlands sent twelve armoured vehicles to Lithuania.")


def test_dispatching_a_team_of_relief_experts_is_humanitarian_aid(extractor):
    assert ("NOR", "NPL", "073") in _events(extractor, "Norway dispatched a team of rescue experts to Nepal after the floods.")


def test_supplying_an_army_with_goods_is_aid_to_that_army(extractor):
    assert ("BLR", "RUS", "070") in _events(extractor, "Belarus supplied the Russian army with fuel and trucks.")


def test_depositing_money_in_a_central_bank_is_economic_aid(extractor):
    assert ("QAT", "EGY", "071") in _events(extractor, "Qatar deposited two billion dollars in Egypt's central bank.")


def test_granting_protection_to_people_is_asylum(extractor):
    assert "075" in _codes(extractor, "Canada granted protection to 200 Sudanese interpreters.")


# ---- consult
def test_receiving_a_delegation_is_hosting_by_the_receiver(extractor):
    assert ("IRN", "SAU", "043") in _events(extractor, "Tehran received a delegation from Riyadh on Monday.")


def test_sitting_down_for_talks_with_a_partner_is_consultation(extractor):
    assert ("BOL", "PRY", "040") in _events(extractor, "Bolivia sat down for talks with Paraguay on the river dispute.")


def test_discussing_in_a_phone_call_is_a_telephone_consultation(extractor):
    assert ("EGY", "QAT", "041") in _events(extractor, "Egypt discussed the truce with Qatar in a phone call.")


# ---- support and yielding
def test_voicing_support_for_a_country_endorses_it(extractor):
    assert ("CHL", "ARG", "051") in _events(extractor, "Chile voiced firm support for Argentina on Tuesday.")


def test_speaking_in_defence_of_a_country_is_verbal_defence(extractor):
    assert "052" in _codes(extractor, "Serbia's envoy spoke in defence of Belarus at the council.")


def test_agreeing_to_a_demand_is_acceding_not_a_promise(extractor):
    codes = _codes(extractor, "Morocco agreed to the union's demand for higher wages.")
    assert "083" in codes and "030" not in codes


def test_dropping_an_objection_is_yielding(extractor):
    assert "080" in _codes(extractor, "Turkey dropped its objection to Finland's membership of the alliance.")


def test_restoring_internet_access_eases_censorship(extractor):
    assert "0811" in _codes(extractor, "Sudan restored mobile internet access in Khartoum.")


def test_accepting_a_deployment_allows_international_involvement(extractor):
    codes = _codes(extractor, "Haiti accepted the deployment of Kenyan police officers.")
    assert "086" in codes and "150" not in codes


def test_troops_withdrawing_from_bases_is_a_military_withdrawal(extractor):
    assert "0874" in _codes(extractor, "Malian troops withdrew from three outposts near the border.")


# ---- reject, sanction, coerce, mobilize
def test_ruling_out_talks_is_a_rejection_and_no_consultation(extractor):
    codes = _codes(extractor, "Peru's president ruled out talks with the rebels.")
    assert "125" in codes and not any(c.startswith("04") for c in codes)


def test_pulling_out_of_negotiations_halts_them(extractor):
    events = _events(extractor, "Hamas pulled out of the negotiations with Israel.")
    assert events == [("PSE", "ISR", "164")]


def test_slapping_a_ban_on_imports_is_an_embargo(extractor):
    assert "163" in _codes(extractor, "Kenya slapped a ban on exports of raw cashew nuts.")


def test_blocking_access_to_websites_is_censorship(extractor):
    assert "1721" in _codes(extractor, "The Iranian authorities restricted access to messaging apps.")


def test_raising_the_terror_alert_level_is_a_police_alert(extractor):
    assert "151" in _codes(extractor, "Belgium raised the terror alert level in Brussels.")


def test_calling_up_thousands_of_reservists_is_mobilisation(extractor):
    assert "154" in _codes(extractor, "Poland called up thousands of reservists for snap drills.")


def test_sending_a_carrier_strike_group_is_a_show_of_force(extractor):
    assert "150" in _codes(extractor, "France sent a carrier strike group to the eastern Mediterranean.")


# ---- words read wrongly before
def test_going_on_strike_is_a_labour_strike_not_an_attack(extractor):
    codes = _codes(extractor, "Nurses in Lagos went on strike over unpaid wages.")
    assert codes == {"143"}


def test_threatening_a_nationwide_strike_threatens_protest(extractor):
    codes = _codes(extractor, "South Africa's teachers' union threatened a nationwide strike.")
    assert "133" in codes and "1384" not in codes


def test_riot_police_are_no_riot(extractor):
    assert "145" not in _codes(extractor, "Hundreds of Peruvian riot police were deployed across Lima on Sunday.")


def test_mobilising_troops_is_no_campaign_of_opposition(extractor):
    codes = _codes(extractor, "Colombia mobilised troops along its border with Venezuela.")
    assert "154" in codes and "113" not in codes


def test_appealing_to_a_country_to_free_someone_asks_that_country(extractor):
    events = _events(extractor, "Germany appealed to Iran to free the jailed journalist.")
    assert events == [("DEU", "IRN", "0253")]


def test_a_vow_to_wipe_out_a_group_is_a_threat_of_force(extractor):
    codes = _codes(extractor, "Turkey's defence minister vowed to wipe out the Kurdish militants.")
    assert any(c.startswith("138") for c in codes) and "030" not in codes


def test_warning_of_military_action_is_a_threat_of_force_not_a_lawsuit(extractor):
    codes = _codes(extractor, "Serbia warned it would take military action against Kosovo.")
    assert any(c.startswith("138") for c in codes) and "115" not in codes


def test_a_bare_prep_object_key_is_validated():
    from eventwire.errors import DataFileError
    from eventwire.extraction.patterns import parse_patterns

    with pytest.raises(DataFileError):
        parse_patterns([("t.yaml", {"version": "t.v1", "patterns": [
            {"id": "x", "cameo": "143", "verb": ["go"], "prep_object": ["strike"]}]})])
