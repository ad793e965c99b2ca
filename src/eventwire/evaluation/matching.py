"""Predicted events as the scorers see them, and one-to-one greedy matching against gold."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from eventwire.evaluation.gold import GoldEvent
from eventwire.evaluation.labels import (
    cameo_root,
    plover_name,
    plover_of_cameo,
    predicted_country,
    side_matches,
)


@dataclass(frozen=True)
class Predicted:
    """A predicted event or claim reduced to what scoring compares."""

    source: str | None
    target: str | None
    code: str | None
    plover: str | None
    status: str | None
    label: str

    @property
    def root(self) -> str | None:
        return cameo_root(self.code)


def predicted(event) -> Predicted:
    """Reduce a schema Event (or Claim: subject/object) to a Predicted."""
    source = getattr(event, "source", None) or getattr(event, "subject", None)
    target = getattr(event, "target", None) or getattr(event, "object", None)
    code = getattr(event, "cameo", None)
    plover = plover_name(getattr(event, "plover", None)) or plover_of_cameo(code)
    status = getattr(event, "status", None)
    countries = [predicted_country(a.country) if a else None for a in (source, target)]
    label = f"{countries[0] or '---'} -> {countries[1] or '---'} {code} {plover or ''} {status}"
    return Predicted(countries[0], countries[1], code, plover, status, label.strip())


Rule = Callable[[GoldEvent, Predicted], bool]


def dyad(gold: GoldEvent, pred: Predicted) -> bool:
    return side_matches(gold.source, pred.source) and side_matches(gold.target, pred.target)


def dyad_root(gold: GoldEvent, pred: Predicted) -> bool:
    return dyad(gold, pred) and pred.root in gold.roots


def dyad_plover(gold: GoldEvent, pred: Predicted) -> bool:
    return gold.plover is not None and dyad(gold, pred) and pred.plover == gold.plover


def source_plover(gold: GoldEvent, pred: Predicted) -> bool:
    return (gold.plover is not None and side_matches(gold.source, pred.source)
            and pred.plover == gold.plover)


def closeness(gold: GoldEvent, pred: Predicted) -> tuple[bool, bool, bool, bool]:
    """Among candidates that all match, prefer the one that also agrees on more labels."""
    return (pred.code in gold.codes, pred.root in gold.roots, pred.plover == gold.plover,
            pred.status == gold.status)


def match(golds: Sequence[GoldEvent], preds: Sequence[Predicted], rule: Rule,
          taken: set[int] | None = None) -> list[tuple[int, int]]:
    """One-to-one greedy pairs (gold index, predicted index); `taken` predictions are skipped."""
    used = set(taken or ())
    pairs = []
    for g, gold in enumerate(golds):
        candidates = [p for p, pred in enumerate(preds) if p not in used and rule(gold, pred)]
        if candidates:
            best = max(candidates, key=lambda p: closeness(gold, preds[p]))  # max keeps the first tie
            used.add(best)
            pairs.append((g, best))
    return pairs
