"""The scorers' results: plain dataclasses whose `to_dict()` is JSON-ready (rates included)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar


def plain(value: Any) -> Any:
    if isinstance(value, Result):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def rate(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


class Result:
    """Mixin: fields plus the derived rates named in `computed`, as plain JSON values."""

    computed: ClassVar[tuple[str, ...]] = ()

    def to_dict(self) -> dict[str, Any]:
        fields = {f.name: plain(getattr(self, f.name)) for f in dataclasses.fields(self)}
        return {**fields, **{name: plain(getattr(self, name)) for name in self.computed}}


@dataclass
class Ratio(Result):
    """hits out of total; `value` is None when there was nothing to count."""

    hits: int = 0
    total: int = 0
    computed = ("value",)

    @property
    def value(self) -> float | None:
        return rate(self.hits, self.total)

    def add(self, hit: bool) -> None:
        self.hits += int(hit)
        self.total += 1


@dataclass
class Score(Result):
    """Precision, recall and F1 of one matching mode; `matched` pairs are one-to-one."""

    matched: int = 0
    gold: int = 0
    predicted: int = 0
    precision_meaningful: bool = True  # False where the gold is not exhaustive
    computed = ("precision", "recall", "f1")

    @property
    def precision(self) -> float | None:
        return rate(self.matched, self.predicted)

    @property
    def recall(self) -> float | None:
        return rate(self.matched, self.gold)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return round(2 * p * r / (p + r), 4) if p + r else 0.0


@dataclass
class CategoryRow(Result):
    category: str
    gold: int = 0
    matched: int = 0
    predicted: int = 0
    predicted_matched: int = 0
    computed = ("recall", "precision")

    @property
    def recall(self) -> float | None:
        return rate(self.matched, self.gold)

    @property
    def precision(self) -> float | None:
        return rate(self.predicted_matched, self.predicted)


@dataclass
class Confusion(Result):
    gold: str
    predicted: str
    count: int


@dataclass
class GivenActor(Result):
    """Coding with the two actors given: PLOVER type and quad class accuracy, and speed."""

    plover: Ratio = field(default_factory=Ratio)
    quad: Ratio = field(default_factory=Ratio)
    calls: int = 0
    seconds: float = 0.0
    skipped: str | None = None
    errors: list[str] = field(default_factory=list)  # sentences classify refused or crashed on
    computed = ("sentences_per_second",)

    @property
    def sentences_per_second(self) -> float | None:
        return round(self.calls / self.seconds, 1) if self.seconds > 0 else None


@dataclass
class Failure(Result):
    """A sentence or event the coder got wrong, for --show-errors."""

    id: str
    text: str
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class SentenceSetResult(Result):
    kind: ClassVar[str] = "sentences"
    path: str
    ontology: str
    exhaustive: bool
    sentences: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    modes: dict[str, Score] = field(default_factory=dict)
    label_accuracy: Ratio = field(default_factory=Ratio)
    code_accuracy: Ratio | None = None
    status_accuracy: Ratio = field(default_factory=Ratio)
    no_event_false_positives: Ratio = field(default_factory=Ratio)
    categories: list[CategoryRow] = field(default_factory=list)
    confusions: list[Confusion] = field(default_factory=list)
    given_actor: GivenActor | None = None
    extract_errors: int = 0  # sentences the coder refused (InputError) or crashed on
    failures: list[Failure] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"format": self.kind, **super().to_dict()}


@dataclass
class StoryResult(Result):
    kind: ClassVar[str] = "story"
    path: str
    id: str
    required: Score = field(default_factory=Score)
    optional_matched: int = 0
    false_positives: int = 0
    code_hits: Ratio = field(default_factory=Ratio)
    status_accuracy: Ratio = field(default_factory=Ratio)
    must_not_violations: list[str] = field(default_factory=list)
    claims: Ratio = field(default_factory=Ratio)
    dates: Ratio = field(default_factory=Ratio)
    locations: Ratio = field(default_factory=Ratio)
    failures: list[Failure] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"format": self.kind, **super().to_dict()}
