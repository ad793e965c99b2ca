"""A 'with' phrase that names an event or a circumstance ("with the signing of the pact",
"with the help of mediators") is no partner of 'agreed'; a to-infinitive makes 'agreed' an
agreement to act (intent), its 'with' partner the target. Two sides of one country that agree
(government and rebels) are each other's counterpart. A fight that is ended is no fight."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(extractor, text, published="2025-03-06"):
    from eventwire.ingest.text import story_from_text

    report = extractor.extract(story_from_text(text, published=published))
    return [(e.source.country, e.target.country if e.target else None, e.cameo, e.source.sector,
             e.target.sector if e.target else None) for e in report.events]


def test_a_with_phrase_naming_a_signing_is_no_partner_of_an_agreement_to_act(extractor):
    events = _events(extractor, "With the signing of a truce, the Congolese government and the M23 rebels have agreed "
                                "to reopen the roads to the east.")
    assert any(s == "COD" and c.startswith("03") for s, _, c, _, _ in events), events


def test_agreeing_with_a_neighbour_to_act_is_an_intent_towards_it(extractor):
    events = _events(extractor, "Ecuador agreed with Colombia to reopen the border crossing.")
    assert any(s == "ECU" and t == "COL" and c.startswith("03") for s, t, c, _, _ in events), events


def test_agreeing_with_a_neighbour_on_a_matter_still_codes(extractor):
    events = _events(extractor, "Uruguay agreed with Paraguay on the river dredging plan.")
    assert any(s == "URY" and t == "PRY" for s, t, _, _, _ in events), events


def test_a_government_and_rebels_agreeing_are_each_other_s_party(extractor):
    events = _events(extractor, "The Colombian government and the ELN rebels agreed to release all hostages.")
    pairs = {(s, t, tuple(ss), tuple(ts or ())) for s, t, c, ss, ts in events if c.startswith("03")}
    assert any(s == t == "COL" and "GOV" in ss and "REB" in ts for s, t, ss, ts in pairs), events


def test_a_memorandum_on_ending_hostilities_codes_no_fighting(extractor):
    events = _events(extractor, "Chad and the northern rebels signed a memorandum on ending hostilities.")
    assert not any(c[:2] in ("18", "19", "20") for _, _, c, _, _ in events), events


def test_a_banned_rally_is_no_protest_by_those_who_banned_it(extractor):
    events = _events(extractor, "Togolese authorities banned the opposition rally in Lome.")
    assert not any(c.startswith("14") and s == "TGO" and "GOV" in ss for s, _, c, ss, _ in events), events
