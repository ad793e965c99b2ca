"""A readable text report of an evaluation result (rich tables, rendered to a string)."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from eventwire.evaluation.results import Failure, Ratio, Score, SentenceSetResult, StoryResult

WIDTH = 110
MODE_HELP = {
    "dyad_root": "dyad + CAMEO root",
    "dyad_plover": "dyad + PLOVER type",
    "source_plover": "source + PLOVER type",
}


def number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def ratio(r: Ratio | None) -> str:
    return "-" if r is None or not r.total else f"{number(r.value)} ({r.hits}/{r.total})"


def precision_cell(mode: str, score: Score) -> str:
    if mode == "source_plover":
        return "-"
    return number(score.precision) if score.precision_meaningful else f"({number(score.precision)})*"


def modes_table(result: SentenceSetResult) -> Table:
    table = Table(title="Event matching", title_justify="left", caption_justify="left",
                  caption="dyad: source and target country; source + PLOVER type: recall only")
    for column in ("mode", "matched", "gold", "predicted", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "mode" else "right")
    for mode, score in result.modes.items():
        f1 = number(score.f1) if score.precision_meaningful else "-"
        table.add_row(MODE_HELP.get(mode, mode), str(score.matched), str(score.gold),
                      str(score.predicted), precision_cell(mode, score), number(score.recall), f1)
    return table


def categories_table(result: SentenceSetResult) -> Table:
    name = "PLOVER type" if result.ontology == "PLOVER" else "CAMEO root"
    table = Table(title=f"Per {name}", title_justify="left")
    for column in (name, "gold", "matched", "recall", "predicted", "precision"):
        table.add_column(column, justify="left" if column == name else "right")
    for row in result.categories:
        table.add_row(row.category, str(row.gold), str(row.matched), number(row.recall),
                      str(row.predicted), number(row.precision))
    return table


def confusions_table(result: SentenceSetResult) -> Table:
    table = Table()
    for column in ("gold", "predicted", "count"):
        table.add_column(column, justify="right" if column == "count" else "left")
    for c in result.confusions:
        table.add_row(c.gold, c.predicted, str(c.count))
    return table


def accuracy_lines(result: SentenceSetResult) -> list[str]:
    label = "PLOVER type" if result.ontology == "PLOVER" else "CAMEO root"
    lines = [f"label accuracy ({label}, dyad-matched events): {ratio(result.label_accuracy)}",
             f"code accuracy (full CAMEO code, root-matched events): {ratio(result.code_accuracy)}",
             f"status accuracy (where gold has a status): {ratio(result.status_accuracy)}",
             f"no-event sentences with a predicted event: {ratio(result.no_event_false_positives)}"]
    if result.extract_errors:
        lines.append(f"sentences the coder refused or crashed on: {result.extract_errors} "
                     "(scored as misses; --show-errors names them)")
    return lines


def given_actor_lines(result: SentenceSetResult) -> list[str]:
    given = result.given_actor
    if given is None:
        return []
    if given.skipped:
        return [f"given-actor coding: skipped, {given.skipped}"]
    if not given.calls:
        return ["given-actor coding: no gold event gives the actors' words"]
    return [f"given-actor PLOVER type accuracy: {ratio(given.plover)}",
            f"given-actor quad class accuracy: {ratio(given.quad)}",
            f"given-actor speed: {given.sentences_per_second or 0:.1f} sentences/s "
            f"({given.calls} calls, {given.seconds:.2f} s)"] + given_error_lines(given.errors)


def given_error_lines(errors: list[str], shown: int = 5) -> list[str]:
    if not errors:
        return []
    return ([f"given-actor calls that failed (scored as wrong): {len(errors)}"]
            + [f"  ! {e}" for e in errors[:shown]] + (["  ..."] if len(errors) > shown else []))


def failure_lines(failures: list[Failure]) -> list[str]:
    lines = [f"\nErrors ({len(failures)}):"]
    for f in failures:
        lines.append(f"- {f.id}: {f.text[:160]}")
        lines += [f"    missed: {m}" for m in f.missed] + [f"    extra:  {x}" for x in f.extra]
        lines += [f"    error:  {f.error}"] if f.error else []
    return lines


def say(console: Console, line: str) -> None:
    """Plain text: gold labels and error messages ("[E001] ...") are not rich markup."""
    console.print(line, highlight=False, markup=False)


def sentence_report(console: Console, result: SentenceSetResult) -> None:
    say(console, f"{result.path}: {result.ontology} sentence set, {result.sentences} sentences, "
        f"{result.gold_events} gold events, {result.predicted_events} predicted")
    if not result.exhaustive:
        say(console, "* this gold is not exhaustive: precision is shown but not meaningful; "
            "read recall and label accuracy")
    console.print(modes_table(result))
    for line in accuracy_lines(result) + given_actor_lines(result):
        say(console, line)
    console.print(categories_table(result))
    if result.confusions:
        say(console, "Top confusions: events whose dyad matched but whose label did not")
        console.print(confusions_table(result))


def story_report(console: Console, result: StoryResult) -> None:
    score = result.required
    say(console, f"{result.path}: story {result.id}")
    lines = [
        f"required events: {score.matched}/{score.gold} matched, recall {number(score.recall)}",
        f"predicted: {score.predicted + result.optional_matched} ({result.optional_matched} optional, "
        f"{result.false_positives} false positives), precision {number(score.precision)}, "
        f"F1 {number(score.f1)}",
        f"code-level hits: {ratio(result.code_hits)}   status accuracy: {ratio(result.status_accuracy)}",
        f"claims found: {ratio(result.claims)}   dates resolved: {ratio(result.dates)}   "
        f"locations: {ratio(result.locations)}",
        f"must-not violations: {len(result.must_not_violations)}",
    ]
    lines += [f"  ! {v}" for v in result.must_not_violations]
    for line in lines:
        say(console, line)


def render(result: SentenceSetResult | StoryResult, show_errors: bool = False) -> str:
    """The result as readable text; `show_errors` lists every miss and false positive."""
    console = Console(file=io.StringIO(), width=WIDTH, force_terminal=False, color_system=None)
    if isinstance(result, StoryResult):
        story_report(console, result)
    else:
        sentence_report(console, result)
    if show_errors and result.failures:
        for line in failure_lines(result.failures):
            say(console, line)
    return console.file.getvalue()
