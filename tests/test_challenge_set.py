"""The challenge set (benchmarks/challenge) is well-formed; this is not a score gate."""

import json
from pathlib import Path

from eventwire.evaluation.gold import read_sentence_set
from eventwire.ontology.cameo import cameo_codes

CHALLENGE = Path(__file__).resolve().parents[1] / "benchmarks" / "challenge" / "challenge.jsonl"


def records():
    return [json.loads(line) for line in CHALLENGE.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_challenge_set_reads_as_a_cameo_sentence_set():
    sentence_set = read_sentence_set(CHALLENGE)
    assert sentence_set.ontology == "CAMEO"
    assert len(sentence_set.sentences) >= 240


def test_every_challenge_sentence_has_a_unique_id():
    ids = [r["id"] for r in records()]
    assert len(ids) == len(set(ids))


def test_every_challenge_event_has_a_valid_cameo_code():
    codes = cameo_codes()
    bad = [(r["id"], e["code"]) for r in records() for e in r["events"] if e["code"] not in codes]
    assert not bad


def test_every_actor_text_occurs_in_its_sentence():
    missing = [(r["id"], words) for r in records() for e in r["events"]
               for words in (e.get("source_text"), e.get("target_text"))
               if words is not None and words not in r["text"]]
    assert not missing


def test_an_event_with_both_countries_names_both_actors():
    unnamed = [r["id"] for r in records() for e in r["events"]
               if e["source"] and e["target"] and not (e.get("source_text") and e.get("target_text"))]
    assert not unnamed


def test_the_set_has_sentences_without_events():
    assert sum(not r["events"] for r in records()) >= 40
