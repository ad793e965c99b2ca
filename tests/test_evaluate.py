"""Scoring against gold files: sentence sets, story golds, bad gold, the report and the command.

Every gold file here is written by the test with invented sentences, and a fake extractor returns
hand-made Reports, so these tests need neither the shared gold data nor the spaCy model.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import eventwire
from eventwire.cli.evaluate import register
from eventwire.errors import GoldFileError, InputError
from eventwire.evaluate import default_extract_fn, evaluate_file, render
from eventwire.schema import Actor, Claim, Coding, Doc, Event, Location, Report, Span

SHARED = Path(__file__).resolve().parents[2] / "shared"


# -- helpers ----------------------------------------------------------------------------------


def actor(country):
    return None if country is False else Actor(country or "someone", 0, 1, country)


def event(source, target, cameo, status="asserted", plover=None, **extra):
    fields = dict(date=None, date_text=None, location=None)
    fields.update(extra)
    return Event(id="ev", sentence=0, source=actor(source), target=actor(target), cameo=cameo,
                 plover=plover, mode=None, quad=0, intensity=0.0, status=status, said_by=None,
                 evidence=Span("x", 0, 1), rule="test", confidence=1.0, **fields)


def claim(subject, obj, cameo, status):
    return Claim(id="c", sentence=0, subject=actor(subject), object=actor(obj), cameo=cameo, plover=None,
                 status=status, claimed_by=None, denied_by=None, evidence=Span("x", 0, 1), rule="test")


class FakeCoder:
    """Returns the events listed for a text (none for others) and remembers what it was asked."""

    def __init__(self, events=None, claims=None):
        self.events, self.claims, self.calls = events or {}, claims or {}, []

    def __call__(self, text, published=None, **metadata):
        self.calls.append((text, published))
        return Report(Doc("doc", text), list(self.events.get(text, [])), list(self.claims.get(text, [])))


def sentence(text, *events, date="2021-03-04"):
    return {"id": text[:12], "text": text, "date": date, "events": list(events)}


def cameo(source, target, code):
    return {"source": source, "target": target, "code": code, "ontology": "CAMEO"}


def plover(source, target, name, roots=("04",), source_text=None, target_text=None):
    return {"source": source, "target": target, "code": name, "ontology": "PLOVER",
            "cameo_root_approx": list(roots), "source_text": source_text, "target_text": target_text}


def write_set(tmp_path, *records, name="gold.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def score(tmp_path, records, events, classify_fn=None, **kwargs):
    coder = FakeCoder(events)
    return evaluate_file(write_set(tmp_path, *records), extract_fn=coder, classify_fn=classify_fn,
                         given_actor=classify_fn is not None, **kwargs)


TALKS = "The Freedonian envoy met the Sylvanian premier on Monday."
QUIET = "Rain fell over the capital for most of the afternoon."


# -- sentence sets: matching ------------------------------------------------------------------


def test_a_matching_dyad_and_root_is_a_true_positive(tmp_path):
    result = score(tmp_path, [sentence(TALKS, cameo("USAGOV", "CHN", "042"))],
                   {TALKS: [event("USA", "CHN", "043")]})
    mode = result.modes["dyad_root"]
    assert (mode.matched, mode.precision, mode.recall, mode.f1) == (1, 1.0, 1.0, 1.0)
    assert result.code_accuracy.hits == 0 and result.code_accuracy.total == 1


def test_a_wrong_target_country_is_a_miss_and_a_false_positive(tmp_path):
    result = score(tmp_path, [sentence(TALKS, cameo("USA", "CHN", "042"))],
                   {TALKS: [event("USA", "RUS", "042")]})
    mode = result.modes["dyad_root"]
    assert (mode.matched, mode.gold, mode.predicted) == (0, 1, 1)
    assert result.failures[0].missed and result.failures[0].extra


def test_an_event_on_a_no_event_sentence_counts_as_a_false_positive(tmp_path):
    result = score(tmp_path, [sentence(QUIET), sentence(TALKS)], {QUIET: [event("USA", "CHN", "042")]})
    assert (result.no_event_false_positives.hits, result.no_event_false_positives.total) == (1, 2)
    assert result.modes["dyad_root"].precision == 0.0


def test_an_unknown_gold_target_matches_any_target(tmp_path):
    result = score(tmp_path, [sentence(TALKS, cameo("USA", "---", "042"))],
                   {TALKS: [event("USA", "FRA", "042")]})
    assert result.modes["dyad_root"].matched == 1


def test_phoenix_actor_codes_are_reduced_to_countries(tmp_path):
    gold = [cameo("IGOEUREEC", "JAP", "042"), cameo("ROMGOV", "IMG", "190")]
    result = score(tmp_path, [sentence(TALKS, *gold)],
                   {TALKS: [event("IGO", "JPN", "042"), event("ROU", None, "193")]})
    assert result.modes["dyad_root"].matched == 2


def test_matching_is_one_to_one(tmp_path):
    result = score(tmp_path, [sentence(TALKS, cameo("USA", "CHN", "042"))],
                   {TALKS: [event("USA", "CHN", "040"), event("USA", "CHN", "042")]})
    mode = result.modes["dyad_root"]
    assert (mode.matched, mode.predicted) == (1, 2)
    assert result.code_accuracy.hits == 1  # the exact code was preferred among the candidates


def test_plover_05_names_are_mapped_to_current_names(tmp_path):
    records = [sentence(TALKS, plover("FRAGOV", "DEU", "DEMAND", roots=["10"])),
               sentence(QUIET, plover("ISR", "", "FIGHT", roots=["19"]))]
    result = score(tmp_path, records, {TALKS: [event("FRA", "DEU", "100", plover="REQUEST")],
                                       QUIET: [event("ISR", "PSE", "190", plover="ASSAULT")]})
    assert result.modes["dyad_plover"].matched == 2
    assert {row.category for row in result.categories} == {"REQUEST", "ASSAULT"}


def test_plover_gold_is_not_exhaustive_so_its_precision_is_marked(tmp_path):
    result = score(tmp_path, [sentence(TALKS, plover("FRA", "DEU", "CONSULT"))],
                   {TALKS: [event("FRA", "DEU", "040", plover="CONSULT"), event("FRA", "ITA", "112")]})
    assert not result.exhaustive and not result.modes["dyad_plover"].precision_meaningful
    assert result.modes["source_plover"].recall == 1.0
    assert "not meaningful" in render(result)


def test_cameo_gold_is_also_scored_on_plover_types(tmp_path):
    result = score(tmp_path, [sentence(TALKS, cameo("USA", "CHN", "042"))],
                   {TALKS: [event("USA", "CHN", "043")]})  # no plover given: derived from the code
    assert result.modes["dyad_plover"].matched == 1


def test_a_dyad_match_with_another_root_is_listed_as_a_confusion(tmp_path):
    result = score(tmp_path, [sentence(TALKS, cameo("USA", "CHN", "042"))],
                   {TALKS: [event("USA", "CHN", "112")]})
    assert [(c.gold, c.predicted, c.count) for c in result.confusions] == [("04", "11", 1)]
    assert result.label_accuracy.hits == 0 and result.label_accuracy.total == 1


def test_the_category_table_counts_gold_and_predicted_events(tmp_path):
    result = score(tmp_path, [sentence(TALKS, cameo("USA", "CHN", "042"), cameo("CHN", "USA", "112"))],
                   {TALKS: [event("USA", "CHN", "040"), event("RUS", "USA", "190")]})
    rows = {row.category: row for row in result.categories}
    assert (rows["04"].gold, rows["04"].matched, rows["04"].predicted_matched) == (1, 1, 1)
    assert (rows["11"].gold, rows["11"].recall) == (1, 0.0)
    assert (rows["19"].predicted, rows["19"].precision) == (1, 0.0)


def test_the_published_date_and_limit_reach_the_extractor(tmp_path):
    coder = FakeCoder()
    path = write_set(tmp_path, sentence(TALKS, date="2019-05-06"), sentence(QUIET))
    result = evaluate_file(path, extract_fn=coder, given_actor=False, limit=1)
    assert coder.calls == [(TALKS, "2019-05-06")] and result.sentences == 1


def test_a_sentence_the_coder_refuses_counts_as_a_miss(tmp_path):
    def refusing(text, published=None):
        raise InputError("not English")

    path = write_set(tmp_path, sentence(TALKS, cameo("USA", "CHN", "042")))
    result = evaluate_file(path, extract_fn=refusing, given_actor=False)
    assert result.extract_errors == 1 and result.modes["dyad_root"].recall == 0.0


def test_a_coder_crash_is_named_and_scored_as_a_miss(tmp_path):
    def crashing(text, published=None):
        raise StopIteration

    path = write_set(tmp_path, sentence(TALKS, cameo("USA", "CHN", "042")))
    result = evaluate_file(path, extract_fn=crashing, given_actor=False)
    assert result.extract_errors == 1 and "StopIteration" in result.failures[0].error
    assert "StopIteration" in render(result, show_errors=True)


# -- sentence sets: given actors --------------------------------------------------------------


def test_given_actor_accuracy_uses_the_gold_actor_words(tmp_path):
    asked = []

    def classify(text, source, target):
        asked.append((source, target))
        return Coding(plover="ACCUSE", cameo="111", quad=3, status="asserted", confidence=1.0, rule="t")

    record = sentence(TALKS, plover("FRA", "DEU", "DISAPPROVE", source_text="Freedonian",
                                    target_text="Sylvanian"))
    result = score(tmp_path, [record], {}, classify_fn=classify)
    given = result.given_actor
    assert asked == [("Freedonian", "Sylvanian")]
    assert (given.plover.hits, given.quad.hits, given.calls) == (1, 1, 1)


def test_a_wrong_type_in_the_same_quad_still_scores_the_quad(tmp_path):
    def classify(text, source, target):
        return Coding(plover="REJECT", cameo=None, quad=None, status="asserted", confidence=1.0,
                      rule="t")

    record = sentence(TALKS, plover("FRA", "DEU", "DEMAND", source_text="Freedonian", target_text=None))
    given = score(tmp_path, [record], {}, classify_fn=classify).given_actor
    assert (given.plover.hits, given.quad.hits) == (0, 1)


def test_the_quad_is_scored_on_plovers_scale_not_cameos(tmp_path):
    # CAMEO puts an appeal (02x) in verbal cooperation; PLOVER puts every REQUEST in verbal
    # conflict, and the gold quad is PLOVER's.
    def classify(text, source, target):
        return Coding(plover="REQUEST", cameo="020", quad=1, status="asserted", confidence=1.0,
                      rule="t")

    record = sentence(TALKS, plover("FRA", "DEU", "DEMAND", source_text="Freedonian", target_text=None))
    given = score(tmp_path, [record], {}, classify_fn=classify).given_actor
    assert (given.plover.hits, given.quad.hits) == (1, 1)


def test_a_classify_crash_is_scored_as_wrong_and_listed(tmp_path):
    def classify(text, source, target):
        raise ValueError("[bold]no verb[/bold]")

    record = sentence(TALKS, plover("FRA", "DEU", "AGREE", source_text="Freedonian", target_text="x"))
    result = score(tmp_path, [record], {}, classify_fn=classify)
    assert (result.given_actor.plover.hits, result.given_actor.plover.total) == (0, 1)
    assert "[bold]no verb[/bold]" in render(result)  # printed as text, not as rich markup


def test_given_actor_is_skipped_while_classify_is_not_implemented(tmp_path):
    def classify(text, source, target):
        raise NotImplementedError("later")

    record = sentence(TALKS, plover("FRA", "DEU", "AGREE", source_text="Freedonian", target_text="x"))
    assert "not available" in score(tmp_path, [record], {}, classify_fn=classify).given_actor.skipped


# -- story gold -------------------------------------------------------------------------------

STORY = "BRIGHTPORT (Wire) - Freedonia signed a pact with Sylvania on Monday, officials said Wednesday."


def write_story(tmp_path, **overrides):
    (tmp_path / "stories").mkdir(exist_ok=True)
    (tmp_path / "stories" / "story.txt").write_text(STORY, encoding="utf-8")
    gold = {"id": "s1", "text_file": "../stories/story.txt", "published": "2024-02-07",
            "events": [{"id": "e1", "source": "FRA", "target": "DEU", "codes": ["057", "030"],
                        "status": "asserted", "location": {"name": "Brightport", "country": "FRA"}},
                       {"id": "e2", "source": "DEU", "target": None, "codes": ["010"],
                        "optional": True}],
            "claims": [], "must_not": [], "dates": []}
    gold.update(overrides)
    (tmp_path / "gold").mkdir(exist_ok=True)
    path = tmp_path / "gold" / "story.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


def story_score(tmp_path, events, predicted_claims=(), **overrides):
    coder = FakeCoder({STORY: events}, {STORY: list(predicted_claims)})
    return evaluate_file(write_story(tmp_path, **overrides), extract_fn=coder)


def test_a_required_story_event_matches_on_dyad_and_any_listed_root(tmp_path):
    result = story_score(tmp_path, [event("FRA", "DEU", "036")])
    assert (result.required.matched, result.required.gold, result.false_positives) == (1, 1, 0)
    assert result.code_hits.hits == 0 and result.status_accuracy.hits == 1


def test_an_optional_gold_event_is_neither_a_miss_nor_a_false_positive(tmp_path):
    result = story_score(tmp_path, [event("FRA", "DEU", "057"), event("DEU", "ITA", "010")])
    assert result.optional_matched == 1 and result.false_positives == 0
    assert result.required.precision == 1.0 and result.required.recall == 1.0


def test_an_unmatched_optional_gold_event_is_not_a_miss(tmp_path):
    result = story_score(tmp_path, [event("FRA", "DEU", "057")])
    assert result.required.recall == 1.0
    assert not [m for f in result.failures for m in f.missed if m.startswith("e2")]


def test_a_must_not_event_is_reported_as_a_violation(tmp_path):
    rules = [{"source": "FRA", "target": "ITA", "roots": ["19"], "status": "asserted", "why": "denied"},
             {"source": "DEU", "target": "ITA", "roots": ["15"], "status": "any"}]
    events = [event("FRA", "ITA", "190"), event("DEU", "ITA", "150", status="denied"),
              event("FRA", "ITA", "193", status="denied")]  # a denied one breaks only the "any" rule
    result = story_score(tmp_path, events, must_not=rules)
    assert len(result.must_not_violations) == 2 and "denied" in result.must_not_violations[0]


def test_a_denied_claim_is_found_only_with_its_status(tmp_path):
    claims = [{"id": "c1", "subject": "FRA", "object": "ITA", "codes": ["074"], "status": "denied"}]
    found = story_score(tmp_path, [], [claim("FRA", "ITA", "072", "denied")], claims=claims)
    assert (found.claims.hits, found.claims.total) == (1, 1)
    wrong = story_score(tmp_path, [], [claim("FRA", "ITA", "072", "asserted")], claims=claims)
    assert wrong.claims.hits == 0


def test_dates_resolve_and_locations_are_checked(tmp_path):
    dates = [{"mention": "Monday", "resolves_to": "2024-02-05"},
             {"mention": "Wednesday", "resolves_to": "2024-02-07"}]
    signed = event("FRA", "DEU", "057", date="2024-02-05", date_text="on Monday",
                   location=Location("Brightport", "FRA"))
    result = story_score(tmp_path, [signed], dates=dates)
    assert (result.dates.hits, result.dates.total) == (1, 2)
    assert (result.locations.hits, result.locations.total) == (1, 1)


# -- bad gold ---------------------------------------------------------------------------------


def test_a_gold_file_with_bad_json_names_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(sentence(TALKS)) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(GoldFileError, match="line 2"):
        evaluate_file(path, extract_fn=FakeCoder())


def test_a_missing_gold_file_is_a_gold_file_error(tmp_path):
    with pytest.raises(GoldFileError, match="no such file"):
        evaluate_file(tmp_path / "absent.jsonl", extract_fn=FakeCoder())


def test_an_unknown_gold_format_is_a_gold_file_error(tmp_path):
    path = tmp_path / "gold.csv"
    path.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(GoldFileError, match="unknown gold format"):
        evaluate_file(path, extract_fn=FakeCoder())


def test_a_story_gold_whose_text_file_is_missing_is_a_gold_file_error(tmp_path):
    path = write_story(tmp_path)
    (tmp_path / "stories" / "story.txt").unlink()
    with pytest.raises(GoldFileError, match="story.txt"):
        evaluate_file(path, extract_fn=FakeCoder())


# -- report and command -----------------------------------------------------------------------


def test_results_are_json_serialisable_and_render_as_text(tmp_path):
    result = score(tmp_path, [sentence(TALKS, cameo("USA", "CHN", "042"))],
                   {TALKS: [event("USA", "RUS", "042")]})
    data = json.loads(json.dumps(result.to_dict()))
    assert data["format"] == "sentences" and data["modes"]["dyad_root"]["recall"] == 0.0
    assert "missed" in render(result, show_errors=True) and "missed" not in render(result)
    assert json.loads(json.dumps(story_score(tmp_path, []).to_dict()))["format"] == "story"


def cli():
    app = typer.Typer()
    app.callback()(lambda: None)  # keep `eval` a subcommand, as in the real app
    register(app)
    return app


def test_the_eval_command_prints_a_report_and_exits_0(tmp_path, monkeypatch):
    monkeypatch.setattr(eventwire, "extract", FakeCoder({TALKS: [event("USA", "CHN", "042")]}))
    path = write_set(tmp_path, sentence(TALKS, cameo("USA", "CHN", "042")))
    text = CliRunner().invoke(cli(), ["eval", str(path)])
    assert text.exit_code == 0 and "CAMEO root" in text.output
    as_json = CliRunner().invoke(cli(), ["eval", str(path), "--json", "--limit", "1"])
    assert json.loads(as_json.output)["modes"]["dyad_root"]["f1"] == 1.0


def test_the_eval_command_reports_a_bad_gold_file_and_exits_2(tmp_path):
    result = CliRunner().invoke(cli(), ["eval", str(tmp_path / "absent.jsonl")])
    assert result.exit_code == 2 and "E050" in result.output


@pytest.mark.model
def test_the_real_coder_scores_the_first_petr2_sentences():
    gold = SHARED / "eval" / "petr2_gsr.jsonl"
    if not gold.exists():
        pytest.skip("../shared/eval is absent (a user's clone does not have it)")
    try:
        default_extract_fn()("The Freedonian envoy met the Sylvanian premier.")
    except (NotImplementedError, ImportError) as exc:
        pytest.skip(f"the extraction pipeline is not ready: {exc}")
    result = CliRunner().invoke(cli(), ["eval", str(gold), "--limit", "5", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["sentences"] == 5
