"""The gazetteer ruler on a phrase matcher finds what spaCy's token-pattern EntityRuler finds."""

from __future__ import annotations

import pytest

from conftest import SHARED, fixture_text

spacy = pytest.importorskip("spacy")

TRICKY = [
    "We ate turkey in Turkey; TURKEY SENDS TROOPS TO SYRIA.",
    "JD Vance met Jd Vance and jd vance. Queen Elizabeth II and queen elizabeth ii visited.",
    "The chad of the ballot, Chad and CHAD. Hamas, HAMAS and hamas fighters.",
    "Izz ad-Din al-Qassam Brigades fired rockets; george h. w. bush met George H. W. Bush.",
    "The Turkish-Syrian border, turkish coffee, U.S. and US and us and the United States.",
    "Turkish President Recep Tayyip Erdoğan met Putin and Zelenskyy's aides in Ankara.",
]


def _texts() -> list[str]:
    texts = list(TRICKY)
    for name in ("visit.txt", "denial.txt", "conditional.txt"):
        texts += [line for line in fixture_text(name).splitlines() if line.strip()]
    seed = SHARED / "seed" / "article.txt"
    if seed.is_file():
        texts += [line for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def _ents(doc) -> list[tuple]:
    return [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]


@pytest.fixture(scope="module")
def rulers():
    from eventwire.nlp import ruler_patterns
    from eventwire.phrase_ruler import FACTORY

    nlp = spacy.blank("en")
    phrase = nlp.add_pipe(FACTORY)
    phrase.add_patterns(ruler_patterns())
    token = spacy.pipeline.EntityRuler(nlp, overwrite_ents=True)
    token.add_patterns(ruler_patterns())
    return nlp, phrase, token


def test_the_phrase_ruler_finds_the_entity_rulers_entities(rulers):
    nlp, phrase, token = rulers
    for text in _texts():
        doc = nlp.make_doc(text)
        assert _ents(phrase(doc.copy())) == _ents(token(doc.copy())), text


@pytest.mark.model
def test_it_replaces_the_models_entities_as_the_entity_ruler_does(extractor, rulers):
    from eventwire.nlp import RULER_NAME

    _, phrase, token = rulers
    nlp = extractor.nlp
    with nlp.select_pipes(disable=[RULER_NAME]):
        docs = list(nlp.pipe(_texts()))
    assert any(doc.ents for doc in docs)
    for doc in docs:
        assert _ents(phrase(doc.copy())) == _ents(token(doc.copy())), doc.text


def test_casing_checks_keep_the_bird_and_the_pronoun_out(rulers):
    nlp, phrase, _ = rulers
    found = [(e.text, e.ent_id_) for e in phrase(nlp.make_doc("Give us the turkey, Turkey said.")).ents]
    assert found == [("Turkey", "CTRY:TUR")]


def test_on_the_same_tokens_the_pattern_added_later_wins():
    from eventwire.phrase_ruler import FACTORY

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(FACTORY)
    ruler.add_patterns([{"label": "ORG", "pattern": [{"TEXT": "RSF"}], "id": "IGO:RSF"},
                        {"label": "ORG", "pattern": [{"TEXT": "RSF"}], "id": "GRP:rsf"}])
    for text in ("The RSF said.", "Sudan's RSF and the army, and the RSF again, said so on Monday."):
        assert {e.ent_id_ for e in nlp(text).ents} == {"GRP:rsf"}


def test_a_pattern_it_cannot_match_as_a_phrase_is_refused():
    from eventwire.phrase_ruler import FACTORY

    ruler = spacy.blank("en").add_pipe(FACTORY)
    with pytest.raises(ValueError, match="LOWER, TEXT and IS_LOWER"):
        ruler.add_patterns([{"label": "GPE", "pattern": [{"LOWER": "new"}, {"IS_DIGIT": True}]}])
