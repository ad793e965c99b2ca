"""Scoring one annotated story (`*.json` story gold) against what the coder extracts from it.

Required events are matched one-to-one on source country, target country (gold None = any) and
the CAMEO root of any listed code; optional events then absorb leftover predictions, so they
count neither as misses nor as false positives. Claims, must-not events, dates and locations are
checked on their own.
"""

from __future__ import annotations

from collections.abc import Callable

from eventwire.evaluation.gold import GoldEvent, MustNot, StoryGold
from eventwire.evaluation.labels import predicted_country
from eventwire.evaluation.matching import Predicted, dyad, dyad_root, match, predicted
from eventwire.evaluation.results import Failure, Ratio, Score, StoryResult

Pairs = list[tuple[int, int]]  # (gold index, predicted index)


def violates(rule: MustNot, pred: Predicted) -> bool:
    return (dyad(GoldEvent(rule.source, rule.target, (), (), None), pred) and pred.root in rule.roots
            and rule.status in ("any", pred.status))


def violations(rules: list[MustNot], preds: list[Predicted]) -> list[str]:
    return [f"{p.label} ({rule.why or 'must not be coded'})" for rule in rules for p in preds
            if violates(rule, p)]


def claim_found(gold: GoldEvent, claims: list[Predicted]) -> bool:
    return any(dyad_root(gold, c) and c.status == gold.status for c in claims)


def date_resolved(mention: dict, events: list) -> bool:
    """Some event whose date words contain the mention carries the date the mention means."""
    words = str(mention.get("mention", "")).casefold()
    return any(e.date_text and words in e.date_text.casefold() and e.date == mention.get("resolves_to")
               for e in events)


def location_right(gold: GoldEvent, event) -> bool:
    where = event.location if event is not None else None
    if where is None:
        return False
    same_name = where.name.casefold() == str(gold.location.get("name", "")).casefold()
    want_country = predicted_country(gold.location.get("country"))
    return same_name and predicted_country(where.country) == want_country


def check_locations(golds: list[GoldEvent], pairs: Pairs, events: list) -> tuple[Ratio, list[str]]:
    """Events that list a location; an unmatched optional event is skipped, not failed."""
    ratio, wrong = Ratio(), []
    paired = {g: p for g, p in pairs}
    for g, gold in enumerate(golds):
        if not gold.location or (gold.optional and g not in paired):
            continue
        right = g in paired and location_right(gold, events[paired[g]])
        ratio.add(right)
        if not right:
            wrong.append(f"location of {gold.id}: want {gold.location}")
    return ratio, wrong


def required_and_optional(gold: StoryGold, preds: list[Predicted]) -> tuple[list[GoldEvent], Pairs]:
    """Gold events, required first, and their pairs; optional ones only take what is left."""
    required = [e for e in gold.events if not e.optional]
    optional = [e for e in gold.events if e.optional]
    pairs = match(required, preds, dyad_root)
    extra = match(optional, preds, dyad_root, taken={p for _, p in pairs})
    return required + optional, pairs + [(g + len(required), p) for g, p in extra]


def score_events(result: StoryResult, golds: list[GoldEvent], pairs: Pairs, preds: list[Predicted]) -> None:
    required = [g for g in golds if not g.optional]
    hits = [(golds[g], preds[p]) for g, p in pairs if not golds[g].optional]
    result.optional_matched = len(pairs) - len(hits)
    result.required = Score(len(hits), len(required), len(preds) - result.optional_matched)
    result.false_positives = result.required.predicted - len(hits)
    for gold, pred in hits:
        result.code_hits.add(pred.code in gold.codes)
        if gold.status:
            result.status_accuracy.add(pred.status == gold.status)


def story_failure(gold: StoryGold, golds, pairs, preds, notes: list[str]) -> Failure:
    hit_gold = {g for g, _ in pairs}
    hit_pred = {p for _, p in pairs}
    missed = [g.raw for i, g in enumerate(golds) if not g.optional and i not in hit_gold]
    extra = [p.label for i, p in enumerate(preds) if i not in hit_pred]
    return Failure(gold.id, gold.path, missed + notes, extra)


def evaluate_story(gold: StoryGold, extract_fn: Callable) -> StoryResult:
    """Score one story gold; `extract_fn(text, published=...)` returns a Report."""
    report = extract_fn(gold.text, published=gold.published)
    preds = [predicted(e) for e in report.events]
    golds, pairs = required_and_optional(gold, preds)
    result = StoryResult(gold.path, gold.id)
    score_events(result, golds, pairs, preds)
    result.must_not_violations = violations(gold.must_not, preds)
    claims = [predicted(c) for c in report.claims]
    notes = [f"claim {c.raw}" for c in gold.claims if not claim_found(c, claims)]
    result.claims = Ratio(len(gold.claims) - len(notes), len(gold.claims))
    unresolved = [d for d in gold.dates if not date_resolved(d, report.events)]
    result.dates = Ratio(len(gold.dates) - len(unresolved), len(gold.dates))
    notes += [f"date {d.get('mention')!r} -> {d.get('resolves_to')}" for d in unresolved]
    result.locations, wrong = check_locations(golds, pairs, report.events)
    failure = story_failure(gold, golds, pairs, preds, notes + wrong)
    result.failures = [failure] if failure.missed or failure.extra else []
    return result
