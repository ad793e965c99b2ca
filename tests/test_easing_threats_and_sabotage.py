"""Easing restrictions, fault-finding speech, arrests on charges, conditional and vowed threats,
fights named beside a clause, attempts, ceasefire violations, sabotage and hacking, opposing a
deployment (CAMEO 1.1b3 codes; invented sentences)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _report(extractor, text, published="2025-03-06"):
    from eventwire.ingest.text import story_from_text

    return extractor.extract(story_from_text(text, published=published))


def _events(extractor, text):
    report = _report(extractor, text)
    return [(e.source.country, e.target.country if e.target else None, e.cameo) for e in report.events]


def _codes(extractor, text):
    return [c for _, _, c in _events(extractor, text)]


# --- 081 easing restrictions -------------------------------------------------------------
def test_a_court_cancelling_restrictions_eases_them(extractor):
    assert _codes(extractor, "The Slovak constitutional court cancelled restrictions on the use of Hungarian in schools.") == ["081"]


def test_repealing_a_ban_eases_a_restriction(extractor):
    assert ("BOL", "081") in [(s, c) for s, _, c in _events(extractor, "Bolivia repealed a ban on foreign newspapers.")]


def test_scrapping_a_curfew_eases_the_curfew(extractor):
    assert _codes(extractor, "Ghana scrapped the curfew in Accra.") == ["0813"]


def test_cancelling_a_flight_eases_nothing(extractor):
    assert _codes(extractor, "Egypt cancelled the flight to Rome.") == []


# --- 111 protesting that ---------------------------------------------------------------------
def test_protesting_that_the_government_ignored_something_criticises_the_government(extractor):
    events = _events(extractor, "A Bolivian farmers' union protested that the government had ignored the drought.")
    assert events == [("BOL", "BOL", "111")], events


def test_a_complaint_after_the_clause_criticises_the_clause_subject(extractor):
    report = _report(extractor, "The Peruvian police are ignoring the rulings of the court, a rights group complained on Monday.")
    criticism = [e for e in report.events if e.cameo == "111"]
    assert criticism and criticism[0].target.sector == ["COP"] and "HRI" in criticism[0].source.sector


def test_protesting_that_is_no_demonstration(extractor):
    assert "141" not in _codes(extractor, "Amnesty protested that Israeli troops had shelled the village.")


# --- 112 arrests on charges ------------------------------------------------------------------
def test_jailing_on_charges_of_treason_also_accuses_of_treason(extractor):
    events = _events(extractor, "Ugandan authorities jailed twelve opposition activists on charges of treason.")
    assert ("UGA", "UGA", "173") in events and ("UGA", "UGA", "1125") in events, events


def test_deporting_on_allegations_of_smuggling_accuses_of_crime(extractor):
    assert "1121" in _codes(extractor, "Egypt deported two Sudanese traders on allegations of smuggling.")


def test_detaining_someone_accused_of_spying_accuses_them(extractor):
    assert _events(extractor, "The Iranian police detained a British engineer accused of spying.")[-1] == ("IRN", "GBR", "1125")


def test_an_arrest_without_a_charge_accuses_nobody(extractor):
    assert _codes(extractor, "Kenyan police arrested a Somali man on Monday.") == ["173"]


# --- 13 conditional threats -----------------------------------------------------------------
def test_a_condition_is_not_an_event(extractor):
    events = _events(extractor, "The Togolese opposition said it will boycott the elections unless the president resigns.")
    assert [c[:2] for _, _, c in events] == ["13"], events


def test_cutting_ties_if_hostages_are_not_freed_is_a_threat(extractor):
    assert _events(extractor, "Ghana will cut ties with Togo if Lome does not free the hostages.") == [("GHA", "TGO", "1313")]


def test_a_capitalised_if_makes_a_threat_too(extractor):
    assert [c[:2] for c in _codes(extractor, "If the Sudanese army attacks the camps, Chad will send troops.")] == ["13"]


# --- 138 vows to fight ---------------------------------------------------------------------
def test_swearing_to_fight_on_threatens_force_without_a_named_foe(extractor):
    events = _events(extractor, "Sri Lankan rebels have sworn to fight until they win a homeland, officials said.")
    assert events == [("LKA", None, "138")], events


def test_a_vow_to_retaliate_against_a_country_threatens_it(extractor):
    assert _events(extractor, "The Kurdish militia swore to retaliate against Turkey.")[0][1:] == ("TUR", "138")


def test_vowing_to_fight_for_a_cause_is_no_threat(extractor):
    assert _codes(extractor, "Chilean students vowed to fight for free education.") == []


def test_pledging_to_fight_corruption_is_no_threat(extractor):
    assert _codes(extractor, "The Nigerian president pledged to fight corruption.") == []


# --- fights and protests named beside a clause ------------------------------------------
def test_fighting_with_rebels_after_which_troops_retook_a_town_is_the_troops_fight(extractor):
    events = _events(extractor, "Ugandan troops retook the town after fierce fighting with the rebels, officials said.")
    assert ("UGA", "UGA", "190") in events, events


def test_stones_thrown_during_demonstrations_against_an_army_protest_violently_against_it(extractor):
    events = _events(extractor, "Palestinian youths threw stones during demonstrations against the abuses by the Israeli army.")
    assert events == [("PSE", "ISR", "145")], events  # stone-throwing makes the protest violent (145)


def test_police_arresting_people_after_clashes_is_no_fight_of_the_police(extractor):
    assert _codes(extractor, "Kenyan police arrested forty people after clashes with protesters.") == ["173"]


# --- 185 attempts ----------------------------------------------------------------------------
def test_an_attempt_to_assassinate_is_an_assassination_attempt_placed_at_the_scene(extractor):
    events = _events(extractor, "An attempt to assassinate the governor of Kandahar was thwarted in Kabul, police said.")
    assert events == [("AFG", "AFG", "185")], events


def test_attempting_to_assassinate_codes_185(extractor):
    assert _codes(extractor, "Militants attempted to assassinate the Somali president in Mogadishu.") == ["185"]


def test_a_foiled_plot_is_no_assassination(extractor):
    assert _codes(extractor, "The plot to assassinate the Ecuadorian president was foiled in Quito.") == []


def test_a_named_assassination_attempt_against_a_president(extractor):
    events = _events(extractor, "Chadian rebels carried out an assassination attempt against the Sudanese president.")
    assert events == [("TCD", "SDN", "185")], events


# --- 196 ceasefire violations ----------------------------------------------------------
def test_those_guilty_of_violating_a_truce_agreement_violated_it(extractor):
    events = _events(extractor, "Ethiopia said the rebels were guilty of violating the truce agreement.")
    assert events and events[0][::2] == ("ETH", "196"), events


def test_human_rights_violations_are_no_ceasefire_violations(extractor):
    assert "196" not in _codes(extractor, "Amnesty documented human rights violations by the Syrian army.")


# --- 17 sabotage and hacking -----------------------------------------------------------------
def test_blowing_up_an_ammunition_depot_destroys_property(extractor):
    assert _events(extractor, "Ukrainian saboteurs blew up a Russian ammunition depot.") == [("UKR", "RUS", "1712")]


def test_hacking_ministry_servers_damages_property(extractor):
    assert _events(extractor, "Chinese hackers hacked the servers of the Czech foreign ministry.") == [("CHN", "CZE", "171")]


def test_a_cyber_attack_is_no_military_attack(extractor):
    assert _codes(extractor, "Russia's cyber attack on the Estonian parliament was condemned.") == ["171"]


# --- 120 opposing a deployment ------------------------------------------------------------
def test_opposing_a_deployment_in_a_clause_after_said_rejects_it(extractor):
    text = "Ivorian rebels rejected the Ghanaian peace plan, and said they also opposed the deployment of a regional peacekeeping force."
    report = _report(extractor, text)
    opposed = [e for e in report.events if e.cameo == "120"]
    assert opposed and opposed[0].source.country == "CIV" and "REB" in opposed[0].source.sector
