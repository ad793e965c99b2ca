"""Ingest: bad input is rejected with a message naming the input; wire layout is read."""

from __future__ import annotations

import pytest

from eventwire.errors import (
    BinaryInputError, EmptyInputError, InputEncodingError, InputMissingError, InputTooLargeError,
    MetadataError, NotEnglishError,
)
from eventwire.ingest.segment import segment
from eventwire.ingest.text import read_path, story_from_bytes, story_from_text


def test_an_empty_story_is_rejected_naming_the_input():
    with pytest.raises(EmptyInputError, match="story.txt"):
        story_from_text("   \n ", origin="story.txt")


def test_binary_bytes_are_rejected_as_binary():
    with pytest.raises(BinaryInputError):
        story_from_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "image.png")


def test_latin1_bytes_are_rejected_as_not_utf8():
    with pytest.raises(InputEncodingError, match="not valid UTF-8"):
        story_from_bytes("Caf\xe9 talks in Paris were held by the ministers.".encode("latin-1"), "x.txt")


def test_a_story_over_the_size_limit_is_rejected(monkeypatch):
    monkeypatch.setenv("EVENTWIRE_MAX_BYTES", "1000")
    with pytest.raises(InputTooLargeError, match="1,000-byte limit"):
        story_from_text("The minister said. " * 100, origin="big.txt")


def test_a_story_not_in_english_is_rejected():
    german = "Die Regierung hat am Montag neue Gespräche mit den Nachbarländern über die Grenze angekündigt."
    with pytest.raises(NotEnglishError):
        story_from_text(german, origin="de.txt")


def test_a_missing_file_is_reported_as_missing(tmp_path):
    with pytest.raises(InputMissingError, match="no such file"):
        read_path(tmp_path / "nope.txt")


def test_a_published_date_that_is_not_iso_is_rejected():
    with pytest.raises(MetadataError, match="not YYYY-MM-DD"):
        story_from_text("Chile held talks with Peru on Monday.", published="last week")


def test_the_dateline_line_is_a_place_not_a_sentence():
    text = "Headline about talks\n\nLIMA\nChile held talks with Peru on Monday, officials said.\n"
    blocks, dateline = segment(text)
    assert dateline == "LIMA"
    assert [b.kind for b in blocks] == ["headline", "dateline", "body"]


def test_an_inline_wire_dateline_is_split_from_the_first_sentence():
    text = "BRUSSELS (Wire) - The European Union imposed sanctions on Belarus on Thursday.\n"
    blocks, dateline = segment(text)
    assert dateline == "BRUSSELS"
    body = [b for b in blocks if b.kind == "body"][0]
    assert text[body.start:body.end].startswith("The European Union")


def test_a_crosshead_between_paragraphs_is_a_subhead():
    text = ("Chile held talks with Peru on Monday, officials said.\n"
            "Trade on the agenda\n"
            "Peru invited Chile to a summit, the ministry said.\n")
    blocks, _ = segment(text)
    assert [b.kind for b in blocks] == ["body", "subhead", "body"]
