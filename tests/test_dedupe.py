"""One event, many reports: clustering across stories, and wire-copy detection."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from eventwire.resolve import dedupe
from eventwire.resolve.dedupe import Mention, assign_clusters
from eventwire.schema import Actor, Doc, Event, Report, Span, Story
from eventwire.store import open_store, queries
from eventwire.store.ingest import ingest_items

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import corpus  # noqa: E402

FIVE_WAYS = [  # (text, date): one meeting told five ways by five outlets over two days
    ("Turkey held talks with Syria in Ankara on Thursday about border security.", "2025-08-28"),
    ("Turkish and Syrian officials met in Ankara for talks on the border, a ministry said.", "2025-08-28"),
    ("Ankara hosted a Syrian delegation on Thursday; the sides discussed border security.", "2025-08-28"),
    ("Syria's envoy and Turkey's foreign minister held talks in the Turkish capital.", "2025-08-29"),
    ("Officials from Turkey met Syrian counterparts, pledging closer border cooperation.", "2025-08-29"),
]


def consult_report(text: str, date: str, cameo: str = "040", source="TUR", target="SYR",
                   status="asserted") -> Report:
    """A hand-made report: the fake coder's answer for one story."""
    event = Event(
        id="e1", sentence=0, source=Actor(source, 0, 3, source, ["GOV"]), target=Actor(target, 0, 3, target),
        cameo=cameo, plover="CONSULT", mode=None, quad=1, intensity=1.0, status=status, date=date,
        date_text=None, location=None, said_by=None, evidence=Span(text, 0, len(text)),
        rule="consult.v1", confidence=0.9)
    return Report(Doc(id="d", text=text, published=date, versions={"rules": "v1"}), [event], [])


def ingest_reports(store, reports_by_text: dict[str, Report], stories: list[Story]):
    return ingest_items(store, stories, coder=lambda ss: [reports_by_text[s.text] for s in ss], batch_size=2)


def test_the_same_event_in_five_differently_worded_stories_is_one_event_with_five_sources(tmp_path):
    reports = {text: consult_report(text, date, cameo) for (text, date), cameo
               in zip(FIVE_WAYS, ["040", "040", "043", "040", "042"])}
    stories = [Story(text, published=date, source=f"outlet{i}") for i, (text, date) in enumerate(FIVE_WAYS)]
    with open_store(tmp_path / "s.duckdb") as store:
        ingest_reports(store, reports, stories)
        [event] = queries.events(store)
        assert event["source_count"] == 5 and event["mention_count"] == 5 and event["outlet_count"] == 5
        assert len(queries.events(store, mentions=True)) == 5


def test_reports_of_different_events_stay_apart(tmp_path):
    texts = {
        "Turkey held talks with Syria in Ankara on Thursday about the border.": consult_report(
            "Turkey held talks with Syria in Ankara on Thursday about the border.", "2025-08-28"),
        "Turkey held talks with Iraq in Ankara on Thursday about the border.": consult_report(
            "Turkey held talks with Iraq in Ankara on Thursday about the border.", "2025-08-28", target="IRQ"),
        "Turkey held talks with Syria in Ankara in September about the border.": consult_report(
            "Turkey held talks with Syria in Ankara in September about the border.", "2025-09-20"),
        "Turkey plans talks with Syria in Ankara on Thursday about the border.": consult_report(
            "Turkey plans talks with Syria in Ankara on Thursday about the border.", "2025-08-28",
            status="planned"),
    }
    stories = [Story(t, published="2025-08-28") for t in texts]
    with open_store(tmp_path / "s.duckdb") as store:
        ingest_reports(store, texts, stories)
        assert len(queries.events(store)) == 4


def mention(mid, story, source="TUR", target="SYR", cameo="040", date=dt.date(2025, 8, 28), evidence="talks"):
    return Mention(mid, story, source, target, cameo, "CONSULT", "asserted", date, evidence)


def test_a_meeting_told_from_either_side_is_one_event_but_an_attack_is_not():
    result = assign_clusters([mention("a", "s1"), mention("b", "s2", source="SYR", target="TUR")], [], 3)
    assert result["a"][0] == result["b"][0] == "a"
    attacks = [mention("c", "s1", cameo="190"), mention("d", "s2", "SYR", "TUR", cameo="190")]
    for m in attacks:
        m.plover = "ASSAULT"
    result = assign_clusters(attacks, [], 3)
    assert result["c"][0] != result["d"][0]


def test_dates_outside_the_window_are_not_merged():
    far = mention("b", "s2", date=dt.date(2025, 9, 5))
    result = assign_clusters([mention("a", "s1"), far], [], 3)
    assert result["b"] == ("b", None)


def test_a_new_mention_joins_a_stored_cluster():
    stored = mention("old", "s0")
    stored.cluster_id = "cluster-1"
    result = assign_clusters([mention("new", "s1", date=dt.date(2025, 8, 30))], [stored], 3)
    assert result["new"][0] == "cluster-1"


def test_mentions_without_any_country_never_merge():
    a, b = mention("a", "s1", None, None), mention("b", "s2", None, None)
    assert assign_clusters([a, b], [], 3) == {"a": ("a", None), "b": ("b", None)}


def test_minhash_estimates_near_duplicates_high_and_different_stories_low():
    base = " ".join(f"word{i}" for i in range(200))
    near = base + " plus a credit line"
    other = " ".join(f"term{i}" for i in range(200))
    assert dedupe.similarity(dedupe.signature(base), dedupe.signature(near)) >= 0.8
    assert dedupe.similarity(dedupe.signature(base), dedupe.signature(other)) < 0.2
    assert dedupe.signature("too short") is None


def test_wire_copies_are_flagged_with_the_story_they_copy(tmp_path):
    records = list(corpus.generate(300, seed=5))
    copies = [r for r in records if r["source"] == "Regional Syndicate"]
    assert copies, "the corpus should contain wire copies"
    stories = [Story.from_dict(r) for r in records]
    with open_store(tmp_path / "s.duckdb") as store:
        summary = ingest_items(store, stories, coder=corpus.template_coder, batch_size=25)
        flagged = store.rows("""SELECT c.url AS copy_url, o.url AS original_url FROM stories c
                                JOIN stories o ON o.id = c.copy_of""")
    assert summary.copies == len(copies) == len(flagged)
    for row in flagged:
        number = row["copy_url"].split("/")[-2]
        assert row["original_url"] == f"https://example.org/{number}/0"


def test_corpus_clusters_match_the_generated_world_events(tmp_path):
    records = list(corpus.generate(400, seed=9))
    world_events = {r["url"].split("/")[-2] for r in records}
    stories = [Story.from_dict(r) for r in records]
    with open_store(tmp_path / "s.duckdb") as store:
        ingest_items(store, stories, coder=corpus.template_coder, batch_size=50)
        clusters = store.value("SELECT count(*) FROM clusters")
    # Two world events with the same dyad, action and day are indistinguishable by design.
    assert len(world_events) * 0.95 <= clusters <= len(world_events)


def test_a_story_sharing_fewer_than_min_shared_bands_cannot_be_a_copy():
    rows, bands = dedupe.ROWS, dedupe.BANDS
    base = list(range(dedupe.NUM_PERM))
    # the closest a pair can get with one band too few: those bands equal, one value off in every other
    near = [v if i // rows < dedupe.MIN_SHARED_BANDS - 1 or i % rows else v + 1000 for i, v in enumerate(base)]
    shared = sum(a == b for a, b in zip(dedupe.band_keys(base), dedupe.band_keys(near)))
    assert shared == dedupe.MIN_SHARED_BANDS - 1 < bands
    assert dedupe.similarity(base, near) < dedupe.COPY_THRESHOLD
    one_more = [v if i // rows < dedupe.MIN_SHARED_BANDS or i % rows else v + 1000 for i, v in enumerate(base)]
    assert dedupe.similarity(base, one_more) >= dedupe.COPY_THRESHOLD


def test_copies_within_one_batch_are_found_after_pruning_candidates():
    text = " ".join(f"word{i}" for i in range(60))
    new = [("a", dedupe.signature(text)), ("b", dedupe.signature(text + " extra")), ("c", dedupe.signature("x " * 9))]
    found = dedupe.copy_matches(new, {}, lambda sid: ())
    assert list(found) == ["b"] and found["b"][0] == "a"
