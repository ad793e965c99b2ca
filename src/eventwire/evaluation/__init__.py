"""Scoring the coder against gold files: sentence sets (`*.jsonl`) and story golds (`*.json`).

    evaluate_file(path, extract_fn=None, classify_fn=None, limit=None) -> SentenceSetResult | StoryResult
    render(result, show_errors=False) -> str

`extract_fn` and `classify_fn` default to eventwire.extract and eventwire.classify, looked up
when called (so a test or a benchmark can pass its own coder).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from eventwire.evaluation.gold import (
    GoldEvent,
    GoldSentence,
    SentenceSet,
    StoryGold,
    gold_format,
    read_sentence_set,
    read_story,
)
from eventwire.evaluation.report import render
from eventwire.evaluation.results import SentenceSetResult, StoryResult
from eventwire.evaluation.sentences import evaluate_sentences
from eventwire.evaluation.story import evaluate_story

EvalResult = SentenceSetResult | StoryResult


def default_extract_fn() -> Callable:
    """eventwire.extract, looked up now (tests and benchmarks may have replaced it).

    Importing the `eventwire.extract` subpackage rebinds the name `eventwire.extract` to that
    module (Python sets a package's submodules as its attributes), so after the first call the
    function is gone from the package; until `eventwire/__init__.py` avoids the clash, this falls
    back to the same two calls the function makes.
    """
    import eventwire

    if callable(eventwire.extract):
        return eventwire.extract
    return pipeline_extract


def pipeline_extract(text: str, published: str | None = None, **metadata):
    from eventwire.extraction.pipeline import default_extractor
    from eventwire.ingest.text import story_from_text

    origin = metadata.pop("origin", "<eval>")
    story = story_from_text(text, origin=origin, published=published, **metadata)
    return default_extractor().extract(story)


def evaluate_file(path: str | Path, extract_fn: Callable | None = None,
                  classify_fn: Callable | None = None, limit: int | None = None,
                  given_actor: bool = True) -> EvalResult:
    """Score the coder on a gold file; the format follows the extension (.json story, .jsonl set)."""
    import eventwire

    extract_fn = extract_fn or default_extract_fn()
    if gold_format(path) == "story":
        return evaluate_story(read_story(path), extract_fn)
    classify_fn = (classify_fn or eventwire.classify) if given_actor else None
    return evaluate_sentences(read_sentence_set(path, limit), extract_fn, classify_fn)


__all__ = [
    "EvalResult", "GoldEvent", "GoldSentence", "SentenceSet", "SentenceSetResult", "StoryGold",
    "StoryResult", "default_extract_fn", "evaluate_file", "evaluate_sentences", "evaluate_story",
    "gold_format", "read_sentence_set", "read_story", "render",
]
