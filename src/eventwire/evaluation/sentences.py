"""Scoring a sentence set (`*.jsonl`): extract each sentence, match its events to gold, count.

Three matching modes, each one-to-one and greedy per sentence:
  dyad_root      source and target countries + CAMEO root (PLOVER gold: its approximate roots)
  dyad_plover    source and target countries + PLOVER type (CAMEO gold: the code's PLOVER type)
  source_plover  source country + PLOVER type (recall only: the PLOVER GSR target)
Events without a PLOVER type (CAMEO 01/02) are outside the PLOVER modes, on both sides.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from eventwire.errors import EventwireError
NOT_READY = (NotImplementedError, ImportError)  # the coder is unfinished: stop, don't score
from eventwire.evaluation.gold import GoldEvent, GoldSentence, SentenceSet
from eventwire.evaluation.labels import plover_name, quad_of_plover
from eventwire.evaluation.matching import (
    Predicted,
    dyad,
    dyad_plover,
    dyad_root,
    match,
    predicted,
    source_plover,
)
from eventwire.evaluation.results import (
    CategoryRow,
    Confusion,
    Failure,
    GivenActor,
    Ratio,
    Score,
    SentenceSetResult,
)

MODES = {"dyad_root": dyad_root, "dyad_plover": dyad_plover, "source_plover": source_plover}
RECALL_ONLY = {"source_plover"}
TOP_CONFUSIONS = 10


@dataclass
class Scored:
    """One sentence after extraction and matching: pairs per mode, plus 'dyad' (countries only)."""

    gold: GoldSentence
    preds: list[Predicted]
    pairs: dict[str, list[tuple[int, int]]]
    error: str | None = None


def score_sentence(sentence: GoldSentence, extract_fn: Callable) -> Scored:
    try:
        report = extract_fn(sentence.text, published=sentence.date)
    except NOT_READY:
        raise
    except Exception as exc:  # noqa: BLE001 - a refused or crashing sentence is a named miss
        return Scored(sentence, [], {}, error=described(exc))
    preds = [predicted(e) for e in report.events]
    pairs = {name: match(sentence.events, preds, rule) for name, rule in MODES.items()}
    pairs["dyad"] = match(sentence.events, preds, dyad)
    return Scored(sentence, preds, pairs)


def described(exc: Exception) -> str:
    return str(exc) if isinstance(exc, EventwireError) else f"{type(exc).__name__}: {exc}"


def in_mode(mode: str, event: GoldEvent | Predicted) -> bool:
    return mode == "dyad_root" or event.plover is not None


def mode_score(mode: str, scored: list[Scored], exhaustive: bool) -> Score:
    score = Score(precision_meaningful=exhaustive and mode not in RECALL_ONLY)
    for s in scored:
        score.matched += len(s.pairs.get(mode, ()))
        score.gold += sum(in_mode(mode, g) for g in s.gold.events)
        score.predicted += sum(in_mode(mode, p) for p in s.preds)
    return score


def pairs_of(s: Scored, mode: str):
    """(gold event, predicted event) for each pair of `mode` in one sentence."""
    return [(s.gold.events[g], s.preds[p]) for g, p in s.pairs.get(mode, ())]


def gold_category(ontology: str, gold: GoldEvent) -> str:
    """CAMEO root for CAMEO gold, PLOVER type for PLOVER gold."""
    if ontology == "PLOVER":
        return gold.plover or "-"
    return gold.roots[0] if gold.roots else "-"


def pred_category(ontology: str, pred: Predicted) -> str:
    return (pred.plover if ontology == "PLOVER" else pred.root) or "-"


def category_pair(ontology: str, gold: GoldEvent, pred: Predicted) -> tuple[str, str]:
    return gold_category(ontology, gold), pred_category(ontology, pred)


def accuracies(result: SentenceSetResult, scored: list[Scored]) -> None:
    result.code_accuracy = Ratio() if result.ontology == "CAMEO" else None
    for s in scored:
        for gold, pred in pairs_of(s, "dyad_root"):
            if result.code_accuracy is not None:
                result.code_accuracy.add(pred.code in gold.codes)
            if gold.status:
                result.status_accuracy.add(pred.status == gold.status)
        for gold, pred in pairs_of(s, "dyad"):
            want, got = category_pair(result.ontology, gold, pred)
            result.label_accuracy.add(want == got)
        if not s.gold.events:
            result.no_event_false_positives.add(bool(s.preds))


def row(rows: dict[str, CategoryRow], name: str) -> CategoryRow:
    return rows.setdefault(name, CategoryRow(name))


def categories(ontology: str, scored: list[Scored]) -> list[CategoryRow]:
    mode = "dyad_plover" if ontology == "PLOVER" else "dyad_root"
    rows: dict[str, CategoryRow] = {}
    for s in scored:
        for gold in s.gold.events:
            row(rows, gold_category(ontology, gold)).gold += 1
        for pred in s.preds:
            row(rows, pred_category(ontology, pred)).predicted += 1
        for gold, pred in pairs_of(s, mode):
            rows[gold_category(ontology, gold)].matched += 1
            rows[pred_category(ontology, pred)].predicted_matched += 1
    return [rows[k] for k in sorted(rows)]


def confusions(ontology: str, scored: list[Scored]) -> list[Confusion]:
    """Gold category -> predicted category, on events whose dyad matched but whose label did not."""
    counts: Counter[tuple[str, str]] = Counter()
    for s in scored:
        for gold, pred in pairs_of(s, "dyad"):
            want, got = category_pair(ontology, gold, pred)
            if want != got:
                counts[want, got] += 1
    return [Confusion(g, p, n) for (g, p), n in counts.most_common(TOP_CONFUSIONS)]


def failure(s: Scored, exhaustive: bool) -> Failure | None:
    """What went wrong in a sentence (on the dyad_root mode), or None when nothing did."""
    hit_gold = {g for g, _ in s.pairs.get("dyad_root", ())}
    hit_pred = {p for _, p in s.pairs.get("dyad_root", ())}
    missed = [g.raw for i, g in enumerate(s.gold.events) if i not in hit_gold]
    extra = [p.label for i, p in enumerate(s.preds) if i not in hit_pred] if exhaustive else []
    if not (missed or extra or s.error):
        return None
    return Failure(s.gold.id, s.gold.text, missed, extra, s.error)


def given_actor(sentences: list[GoldSentence], classify_fn: Callable) -> GivenActor:
    """PLOVER type and quad accuracy when the two actors' words are given; wall time of the calls."""
    result = GivenActor()
    for sentence in sentences:
        for gold in sentence.events:
            if not gold.source_text or gold.plover is None:
                continue
            started = time.perf_counter()
            try:
                coding = classify_fn(sentence.text, gold.source_text, gold.target_text)
            except NOT_READY as exc:
                return GivenActor(skipped=f"classify is not available ({described(exc)})")
            except Exception as exc:  # noqa: BLE001 - scored as wrong; the first few are listed
                coding = None
                result.errors.append(f"{sentence.id}: {described(exc)}")
            result.seconds += time.perf_counter() - started
            result.calls += 1
            add_coding(result, gold, coding)
    result.seconds = round(result.seconds, 4)
    return result


def add_coding(result: GivenActor, gold: GoldEvent, coding) -> None:
    got = plover_name(coding.plover) if coding is not None else None
    # The gold quad is the one PLOVER groups its types into; score the predicted type's quad on
    # that same scale (a coding's own `quad` is CAMEO's, which puts appeals and demands apart).
    quad = (quad_of_plover(got) or coding.quad) if coding is not None else None
    result.plover.add(got == gold.plover)
    result.quad.add(quad is not None and quad == quad_of_plover(gold.plover))


def evaluate_sentences(gold: SentenceSet, extract_fn: Callable,
                       classify_fn: Callable | None = None) -> SentenceSetResult:
    """Score a sentence set; `classify_fn=None` skips the given-actor section."""
    scored = [score_sentence(s, extract_fn) for s in gold.sentences]
    result = SentenceSetResult(gold.path, gold.ontology, gold.exhaustive, len(scored),
                               gold_events=sum(len(s.gold.events) for s in scored),
                               predicted_events=sum(len(s.preds) for s in scored))
    result.modes = {mode: mode_score(mode, scored, gold.exhaustive) for mode in MODES}
    accuracies(result, scored)
    result.categories = categories(gold.ontology, scored)
    result.confusions = confusions(gold.ontology, scored)
    result.extract_errors = sum(s.error is not None for s in scored)
    result.failures = [f for s in scored if (f := failure(s, gold.exhaustive))]
    if classify_fn is not None:
        result.given_actor = given_actor(gold.sentences, classify_fn)
    return result
