"""The per-Doc view answers what spaCy's Token and Span objects answer, from plain lists."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

TEXTS = ["The rebels were attacked by government troops in Aleppo on Monday. Turkey condemned it.",
         "Pakistan's Foreign Ministry, according to state media, has been asked to explain the strikes.",
         "\"We will not send troops,\" the Ukrainian minister said."]


@pytest.fixture(scope="module")
def docs(extractor):
    return list(extractor.nlp.pipe(TEXTS))


def test_the_view_holds_each_tokens_lemma_pos_and_dependency(docs):
    from eventwire.extraction.docview import view

    for doc in docs:
        v = view(doc)
        assert v.lemma == [t.lemma_.lower() for t in doc]
        assert [v.pos(i) for i in range(len(doc))] == [t.pos_ for t in doc]
        assert [v.dep(i) for i in range(len(doc))] == [t.dep_ for t in doc]
        assert v.text == doc.text


def test_a_verb_with_a_passive_subject_or_auxiliary_is_passive(docs):
    from eventwire.extraction.actions import is_passive

    attacked = next(t for t in docs[0] if t.lower_ == "attacked")
    condemned = next(t for t in docs[0] if t.lower_ == "condemned")
    asked = next(t for t in docs[1] if t.lower_ == "asked")
    assert is_passive(attacked) and is_passive(asked) and not is_passive(condemned)


def test_sentences_and_entities_come_from_the_view(docs):
    from eventwire.extraction.docview import ents_within, sent_of

    doc = docs[0]
    turkey = next(t for t in doc if t.text == "Turkey")
    assert sent_of(turkey).text == turkey.sent.text
    for sent in doc.sents:
        assert [e.text for e in ents_within(sent)] == [e.text for e in sent.ents]


def test_according_to_finds_its_object_only_where_the_phrase_is(docs):
    from eventwire.extraction.attribution import according_to

    assert according_to(docs[1]).text == "media"
    assert according_to(docs[0]) is None


def test_children_and_subtrees_follow_spacys_order(docs):
    from eventwire.extraction.docview import children, subtree

    for doc in docs:
        for tok in doc:
            assert [c.i for c in children(tok)] == [c.i for c in tok.children]
            assert subtree(tok) == [t.i for t in tok.subtree]
