"""What an actor denies doing is a denied claim, never an event; using people as shields."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _coded(extractor, text, published="2025-03-06"):
    from eventwire.ingest.text import story_from_text

    report = extractor.extract(story_from_text(text, published=published))
    country = lambda a: a.country if a else None  # noqa: E731
    events = [(country(e.source), country(e.target), e.cameo, e.status) for e in report.events]
    claims = [(country(c.subject), country(c.object), c.cameo, c.status, country(c.denied_by))
              for c in report.claims]
    return events, claims


@pytest.mark.parametrize("text", [
    "Hamas denied that it attacked Israeli troops.",
    "Hamas denied attacking Israeli troops.",
    "Hamas denied launching an attack on Israeli troops.",
])
def test_an_attack_its_doer_denies_is_a_denied_claim_not_an_event(extractor, text):
    events, claims = _coded(extractor, text)
    assert not [e for e in events if e[2][:2] in ("18", "19", "20")]
    assert ("PSE", "ISR", "190", "denied", "PSE") in claims


def test_a_third_partys_denial_names_the_denier(extractor):
    events, claims = _coded(extractor, "Syria denied that Israeli jets had struck Damascus.")
    assert not [e for e in events if e[2][:2] == "19"]
    assert [c for c in claims if c[:2] == ("ISR", "SYR")][0][3:] == ("denied", "SYR")


def test_not_denying_an_attack_leaves_it_asserted(extractor):
    events, _ = _coded(extractor, "Russia did not deny that its jets bombed the Syrian hospital.")
    assert ("RUS", "SYR", "195", "asserted") in events


def test_using_people_as_human_shields_is_coded_to_the_user(extractor):
    events, _ = _coded(extractor, "The Sri Lankan army held hundreds of Tamil villagers as human shields.")
    assert [(s, c) for s, _, c, _ in events] == [("LKA", "184")]


def test_people_used_as_shields_in_the_passive_are_coded_to_the_agent(extractor):
    events, _ = _coded(extractor, "Villagers were used as human shields by the Sudanese army.")
    assert [(s, c) for s, _, c, _ in events] == [("SDN", "184")]


def test_something_used_as_a_shelter_is_no_event(extractor):
    events, _ = _coded(extractor, "Kenya used the stadium as a shelter.")
    assert events == []
