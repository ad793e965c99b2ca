"""The extraction pipeline's memory discipline: one spaCy memory zone per batch, no Doc kept."""

from __future__ import annotations

import gc

import pytest

from conftest import fixture_text

pytestmark = pytest.mark.model

# Invented words, a set per test: an unzoned run keeps its words in the (session-wide) vocabulary.
NEW_WORDS = {"compare": ("Zorblaxian", "Quennitar", "Vellmoria"), "zone": ("Brannoquist", "Telvorra", "Ostrimand"),
             "given": ("Calvendrix",)}


def _stories(words=NEW_WORDS["zone"]):
    from eventwire.schema import Story

    invented = (f"The {words[0]} envoy held talks with {words[1]} officials in {words[2]} "
                "on Monday, Turkey's foreign ministry said.")
    return [Story(fixture_text("visit.txt"), published="2025-03-06"), Story("   ", origin="blank"),
            Story(invented, published="2025-03-06"), Story(fixture_text("denial.txt"), published="2025-03-06")]


def _dicts(results) -> list:
    return [r.to_dict() if hasattr(r, "to_dict") else repr(r) for r in results]


def test_memory_zones_do_not_change_the_reports(extractor):
    from eventwire.extraction.pipeline import Extractor

    words = NEW_WORDS["compare"]
    zoned = _dicts(extractor.extract_many(_stories(words), batch_size=2))
    plain = _dicts(Extractor(zoned=False).extract_many(_stories(words), batch_size=2))
    assert zoned == plain
    assert sum(len(r["events"]) for r in zoned if isinstance(r, dict)) > 0


def test_a_batch_leaves_no_new_words_in_the_vocabulary(extractor):
    strings = extractor.nlp.vocab.strings
    before = len(strings)
    list(extractor.extract_many(_stories(), batch_size=3))
    assert len(strings) == before
    assert not any(word in strings for word in NEW_WORDS["zone"])


def test_no_spacy_doc_outlives_its_batch(extractor):
    from spacy.tokens import Doc

    gc.collect()
    gc.disable()  # only reference counting: a Doc caught in a cycle would still be alive below
    try:
        reports = list(extractor.extract_many(_stories(), batch_size=2))
        alive = sum(1 for o in gc.get_objects() if isinstance(o, Doc))
    finally:
        gc.enable()
    assert reports and alive == 0


def test_an_error_inside_the_zone_leaves_the_pipeline_usable(extractor, monkeypatch):
    from eventwire.extraction.pipeline import Extractor

    expected = _dicts(extractor.extract_many(_stories()))

    def broken(self, *args):
        raise RuntimeError("broken coder")

    with monkeypatch.context() as patch:
        patch.setattr(Extractor, "_report", broken)
        with pytest.raises(RuntimeError, match="broken coder"):
            list(extractor.extract_many(_stories()))
    assert not extractor.nlp.vocab.in_memory_zone
    assert _dicts(extractor.extract_many(_stories())) == expected


def test_given_actor_coding_runs_in_a_zone_too(extractor):
    strings = extractor.nlp.vocab.strings
    before = len(strings)
    word = NEW_WORDS["given"][0]
    coding = extractor.classify(f"{word} held talks with Syria.", word, "Syria")
    assert coding.rule and len(strings) == before


def test_threads_sharing_the_pipeline_take_turns_with_their_zones(extractor):
    from concurrent.futures import ThreadPoolExecutor

    expected = _dicts(extractor.extract_many(_stories(), batch_size=2))
    with ThreadPoolExecutor(3) as pool:
        runs = list(pool.map(lambda _: _dicts(extractor.extract_many(_stories(), batch_size=2)), range(6)))
    assert all(run == expected for run in runs)


def test_the_tokenizer_learns_chunks_of_known_words_without_growing_the_vocabulary(extractor):
    from eventwire.extraction.tokencache import TokenCache

    nlp, strings = extractor.nlp, extractor.nlp.vocab.strings
    cache = TokenCache(nlp)
    word = NEW_WORDS["zone"][0]
    chunks = cache.new_chunks([f"Turkey's ministry met {word}, officials said."])
    assert "ministry" in chunks and f"{word}," in chunks
    assert cache.new_chunks(["Turkey's ministry met"]) == []  # each chunk is looked at once
    before = len(strings)
    cache.learn(chunks)
    assert len(strings) == before and word not in strings
    assert 0 < cache.cached < len(chunks)  # the invented word's chunk is not cached


def test_a_full_token_cache_stops_learning(extractor):
    from eventwire.extraction.tokencache import TokenCache

    cache = TokenCache(extractor.nlp)
    cache.limit = 2
    cache.learn(cache.new_chunks(["the ministry said on Monday"]))
    assert cache.cached == 2 and not cache.learning
    assert cache.new_chunks(["entirely new words here"]) == []


def test_learning_the_tokens_does_not_change_the_reports(extractor):
    from eventwire.extraction.pipeline import Extractor

    fresh = Extractor()
    fresh.token_cache.seen = None  # never learns
    words = NEW_WORDS["compare"]
    assert _dicts(fresh.extract_many(_stories(words), batch_size=2)) == \
        _dicts(extractor.extract_many(_stories(words), batch_size=2))
