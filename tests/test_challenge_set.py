"""The challenge sets (benchmarks/challenge) are well-formed; this is not a score gate."""

import json
from pathlib import Path

import pytest

from eventwire.evaluation.gold import read_sentence_set
from eventwire.ontology.cameo import cameo_codes

FOLDER = Path(__file__).resolve().parents[1] / "benchmarks" / "challenge"
CHALLENGE = FOLDER / "challenge.jsonl"
CHALLENGE2 = FOLDER / "challenge2.jsonl"
SETS = pytest.mark.parametrize("path", [CHALLENGE, CHALLENGE2], ids=["challenge", "challenge2"])


def records(path=CHALLENGE):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@SETS
def test_the_challenge_set_reads_as_a_cameo_sentence_set(path):
    sentence_set = read_sentence_set(path)
    assert sentence_set.ontology == "CAMEO"
    assert len(sentence_set.sentences) >= 240


@SETS
def test_every_challenge_sentence_has_a_unique_id(path):
    ids = [r["id"] for r in records(path)]
    assert len(ids) == len(set(ids))


def test_the_two_challenge_sets_share_no_id_and_no_sentence():
    first, second = records(CHALLENGE), records(CHALLENGE2)
    assert not {r["id"] for r in first} & {r["id"] for r in second}
    assert not {r["text"] for r in first} & {r["text"] for r in second}


@SETS
def test_every_challenge_event_has_a_valid_cameo_code(path):
    codes = cameo_codes()
    bad = [(r["id"], e["code"]) for r in records(path) for e in r["events"] if e["code"] not in codes]
    assert not bad


@SETS
def test_every_actor_text_occurs_in_its_sentence(path):
    missing = [(r["id"], words) for r in records(path) for e in r["events"]
               for words in (e.get("source_text"), e.get("target_text"))
               if words is not None and words not in r["text"]]
    assert not missing


@SETS
def test_an_event_with_both_countries_names_both_actors(path):
    unnamed = [r["id"] for r in records(path) for e in r["events"]
               if e["source"] and e["target"] and not (e.get("source_text") and e.get("target_text"))]
    assert not unnamed


@SETS
def test_the_set_has_sentences_without_events(path):
    assert sum(not r["events"] for r in records(path)) >= 40
