"""Title-case headlines are parsed with their ordinary words in lower case; names and offsets stay."""

from __future__ import annotations

import pytest

from eventwire.ingest.truecase import is_title_case, truecased

ORDINARY = frozenset({"send", "troop", "recall", "envoy", "talk"})


def test_a_title_case_line_is_told_from_a_sentence():
    assert is_title_case("Brazil Sends Troops to Haiti")
    assert not is_title_case("Brazil sent troops to Haiti on Monday.")
    assert not is_title_case("BRAZIL SENDS TROOPS")


def test_ordinary_words_go_to_lower_case_and_names_stay():
    assert truecased("Brazil Sends More Troops to Haiti", ORDINARY) == "Brazil sends more troops to Haiti"


def test_a_name_of_several_words_keeps_its_capitals():
    assert truecased("New Zealand Recalls Envoy From Fiji", ORDINARY) == "New Zealand recalls envoy from Fiji"


def test_truecasing_never_moves_a_character():
    line = "Ghana, Togo Leaders Hold Talks on Border"
    assert len(truecased(line, ORDINARY)) == len(line)


def test_an_ordinary_sentence_is_left_alone():
    line = "Brazil Sends troops, the ministry said."
    assert truecased(line, ORDINARY) == line


@pytest.mark.model
def test_a_story_that_is_only_a_title_case_headline_is_coded(extractor):
    from eventwire.ingest.text import story_from_text

    report = extractor.extract(story_from_text("Chile Recalls Ambassador From Peru", published="2025-03-06"))
    e, = report.events
    assert (e.source.country, e.target.country, e.cameo[:2]) == ("CHL", "PER", "16")
    assert report.doc.text[e.evidence.start:e.evidence.end] == e.evidence.text
