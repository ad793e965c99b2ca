"""Accusations whose content codes nothing of its own: an accusing verb ('alleged that',
'charged that') still names the accused as the subject of the clause it reports. (A document
that accuses is not given the country where it was issued: a UN report released in Nairobi
does not speak for Kenya.)"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(extractor, text, published="2025-03-06"):
    from eventwire.ingest.text import story_from_text

    report = extractor.extract(story_from_text(text, published=published))
    return [(e.source.country, e.target.country if e.target else None, e.cameo) for e in report.events]


def test_alleging_that_someone_knew_of_a_plot_accuses_them(extractor):
    events = _events(extractor, "Peru charged that Chile was ignoring the fishing quotas.")
    assert ("PER", "CHL", "112") in events


def test_a_report_is_not_taken_for_the_country_it_was_released_in(extractor):
    events = _events(extractor, "A report released on Monday in the Kenyan capital alleged that Uganda had known of the smuggling ring.")
    assert not any(src == "KEN" for src, _, _ in events)


def test_claiming_something_neutral_about_a_neighbour_accuses_nobody(extractor):
    events = _events(extractor, "Norway claimed that Sweden was its closest partner.")
    assert not any(c.startswith("11") for _, _, c in events)


def test_inspecting_a_site_is_an_investigation(extractor):
    events = _events(extractor, "Austria inspected the reactors in Slovakia.")
    assert any(c == "090" for _, _, c in events), events


def test_a_passive_accusation_takes_its_accuser_from_a_closing_by_phrase(extractor):
    events = _events(extractor, "A retired Peruvian general was blamed for the loss of two helicopters, "
                                "both reported missing since March, by Peruvian opposition senators.")
    assert ("PER", "PER", "112") in events, events


def test_a_by_phrase_of_a_relative_clause_is_no_accuser(extractor):
    events = _events(extractor, "The Chadian opposition leader was accused of stealing funds, which were later recovered by the police.")
    assert not any(c.startswith("11") and src is not None for src, _, c in events), events
