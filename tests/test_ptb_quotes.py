"""Wire copy quoted PTB-style (``like this'') is parsed as if plainly quoted, its quotes are
found, and every offset still indexes the original text."""

from __future__ import annotations

import pytest

from eventwire.extraction.attribution import plain_quotes, quote_span


def test_plain_quotes_keep_every_offset():
    text = "Peru said`` no talks'' would be held, and ``Chile knows it.''"
    plain = plain_quotes(text)
    assert len(plain) == len(text) and "``" not in plain and "''" not in plain
    assert plain.index("Chile") == text.index("Chile")


def test_text_without_backticks_is_left_alone():
    text = "The rebels'' leader spoke."
    assert plain_quotes(text) is text


def test_a_wire_style_quote_is_found():
    sent = "Chile said ``we will reopen the pass.''"
    found = quote_span(sent, 100, sent.index("reopen"))
    assert found is not None and found[0] == "we will reopen the pass." and found[1] == 100 + sent.index("we")


def _coded(extractor, text):
    from eventwire.ingest.text import story_from_text

    report = extractor.extract(story_from_text(text, published="2025-03-06"))
    return report, [(e.source.country, e.target.country if e.target else None, e.cameo, e.status) for e in report.events]


@pytest.mark.model
@pytest.mark.parametrize("ptb", [
    "Ecuador on Tuesday accused Peru of spreading`` false reports'' by claiming Quito armed the smugglers.",
    "``Malian troops shelled Burkinabe villages near the border,'' the Burkinabe minister said.",
    "Tunisia condemned as`` unacceptable'' the expulsion of its diplomats by Libya.",
])
def test_a_wire_quoted_sentence_codes_as_its_plainly_quoted_twin(extractor, ptb):
    plain = ptb.replace("``", '"').replace("''", '"')
    assert _coded(extractor, ptb)[1] == _coded(extractor, plain)[1]


@pytest.mark.model
def test_evidence_indexes_the_original_wire_text(extractor):
    text = "``Malian troops shelled Burkinabe villages near the border,'' the Burkinabe minister said."
    report, events = _coded(extractor, text)
    assert events
    for e in report.events:
        assert text[e.evidence.start:e.evidence.end] == e.evidence.text
        assert e.quote is not None and text[e.quote.start:e.quote.end] == e.quote.text
