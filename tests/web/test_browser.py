"""The Peru–United States page in a real browser: Debian's headless Chromium driven
by Playwright, against a server on 127.0.0.1 started here.

Skipped only when /usr/bin/chromium is absent (CI installs it).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from bilateral.kb import KnowledgeBase
from bilateral.web import create_app
from tests.conftest import SEED
from tests.web.conftest import ASSETS, settings

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(
        shutil.which(CHROMIUM) is None,
        reason=f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does)",
    ),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, KnowledgeBase]]:
    assert (ASSETS / "leaflet" / "dist" / "leaflet.js").is_file(), (
        f"the front-end packages are not in {ASSETS}: run make install"
    )
    folder: Path = tmp_path_factory.mktemp("browser")
    kb = KnowledgeBase(str(folder / "seed.sqlite"))
    kb.ingest([SEED])
    port = _free_port()
    config = uvicorn.Config(
        create_app(kb, settings()), host="127.0.0.1", port=port, log_level="warning"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "the test server did not start"
    yield f"http://127.0.0.1:{port}", kb
    running.should_exit = True
    thread.join(timeout=10)
    kb.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, server: tuple[str, KnowledgeBase]) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    opened = context.new_page()
    opened.errors = []
    opened.on("pageerror", lambda error: opened.errors.append(str(error)))
    yield opened
    context.close()


def open_dyad(page: Any, base: str) -> None:
    page.goto(f"{base}/dyads/PE/US")
    page.wait_for_selector("#map[data-markers]")


def test_the_peru_us_page_shows_17_mission_markers(
    page: Any, server: tuple[str, KnowledgeBase]
) -> None:
    open_dyad(page, server[0])
    markers = page.locator(".leaflet-marker-icon.mission-marker")
    assert markers.count() == 17
    types = {markers.nth(i).get_attribute("data-mission-type") for i in range(17)}
    assert {"embassy", "consulate-general", "consular-agency"} <= types
    assert page.errors == []


def test_the_base_map_is_drawn_from_the_installed_country_shapes(
    page: Any, server: tuple[str, KnowledgeBase]
) -> None:
    open_dyad(page, server[0])
    page.wait_for_selector("path.country-a", state="attached")
    assert page.locator("path.country").count() > 100
    assert page.locator("path.country-a").count() >= 1  # Peru
    assert page.locator("path.country-b").count() >= 1  # the United States


def test_the_timeline_has_one_mark_per_dated_event(
    page: Any, server: tuple[str, KnowledgeBase]
) -> None:
    base, kb = server
    dated = [e for e in kb.timeline(["PE", "US"]) if e.date]
    open_dyad(page, base)
    marks = page.locator("#timeline a.event-mark")
    assert len(dated) >= 30
    assert marks.count() == len(dated)
    shown = {marks.nth(i).get_attribute("data-fact") for i in range(marks.count())}
    assert shown == {e.id for e in dated}
    assert page.locator("#trajectory a.decade").count() >= 10


def test_clicking_an_event_shows_its_evidence_sentence(
    page: Any, server: tuple[str, KnowledgeBase]
) -> None:
    base, kb = server
    cooley = [e for e in kb.timeline(["PE", "US"]) if e.date and "Cooley" in e.evidence[0].text]
    event = cooley[0]
    open_dyad(page, base)
    page.locator(f'#timeline a.event-mark[data-fact="{event.id}"]').click()
    highlighted = page.locator("#fact-panel mark.evidence-sentence")
    highlighted.wait_for()
    assert highlighted.inner_text() == event.evidence[0].text
    assert page.locator("#fact-panel").is_visible()


def test_a_mission_marker_is_reachable_and_opens_with_the_keyboard(
    page: Any, server: tuple[str, KnowledgeBase]
) -> None:
    open_dyad(page, server[0])
    marker = page.locator('.mission-marker[data-mission-type="consular-agency"]')
    assert "Cusco" in (marker.get_attribute("aria-label") or "")
    marker.focus()
    page.keyboard.press("Enter")
    page.locator("#fact-panel mark.evidence-sentence").wait_for()
    assert "Cusco" in page.locator("#fact-panel mark.evidence-sentence").inner_text()
    page.keyboard.press("Escape")
    assert page.locator("#fact-panel").is_hidden()


def test_the_page_loads_nothing_from_outside_this_server(
    browser: Any, server: tuple[str, KnowledgeBase]
) -> None:
    context = browser.new_context()
    opened = context.new_page()
    requested: list[str] = []
    opened.on("request", lambda request: requested.append(request.url))
    opened.goto(f"{server[0]}/dyads/PE/US")
    opened.wait_for_selector("path.country", state="attached")
    context.close()
    assert requested
    outside = [u for u in requested if not u.startswith(server[0]) and not u.startswith("data:")]
    assert outside == []


def test_a_document_page_highlights_the_fact_its_address_names(
    page: Any, server: tuple[str, KnowledgeBase]
) -> None:
    base, kb = server
    event = next(e for e in kb.timeline(["PE", "US"]) if e.date)
    page.goto(f"{base}/documents/{event.source}#fact-{event.id}")
    target = page.locator("mark.evidence.target").first
    target.wait_for()
    assert event.evidence[0].text.startswith(target.inner_text()[:20])
    target.click()
    page.locator("#fact-panel button.fact").first.wait_for()
    assert page.locator(f'#fact-panel button.fact[data-fact="{event.id}"]').count() == 1
