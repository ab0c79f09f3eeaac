"""Briefing mode in headless Chromium at projector sizes: every slide fits without scrolling,
the keyboard (arrows, PageDown/PageUp as clickers send) moves between slides and the URL
keeps the slide number. Screenshots of every slide go to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import pytest

from tests.auth_session import browser_login
from tests.e2e.conftest import ARTIFACTS, ERRORS
from waspada.briefing import SLIDE_KEYS

pytestmark = pytest.mark.browser

AS_OF = "2024-11-20"
SLIDE_TITLE = ".st-key-slide h1"
N_SLIDES = len(SLIDE_KEYS)
SIZES = [(1366, 768), (1920, 1080)]


def _open_briefing(page, base: str, slide: int = 1) -> None:
    page.goto(f"{base}/briefing?tanggal={AS_OF}&slide={slide}")
    browser_login(page)
    page.locator(SLIDE_TITLE).first.wait_for(timeout=60_000)
    if f"slide={slide}" not in page.url:  # the login run may have landed elsewhere: go on in the app
        pytest.fail(f"briefing did not open on slide {slide}: {page.url}")


def _wait_for_title(page, title: str) -> None:
    page.wait_for_function("t => document.querySelector('.st-key-slide h1')?.innerText === t", arg=title,
                           timeout=30_000)


def _settle(page) -> None:
    page.wait_for_load_state("networkidle")
    # The previous slide's elements stay (greyed, data-stale) until the new run ends; a slow
    # run on a busy machine would otherwise be measured half-way through the change.
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=30_000)
    page.wait_for_timeout(1_500)  # pictures finish drawing


def _fits(page) -> tuple[bool, dict]:
    """No scrolling: neither the document nor Streamlit's main scroll area is taller than the window."""
    sizes = page.evaluate("""() => {
        const main = document.querySelector('[data-testid="stMain"]');
        return {doc: document.scrollingElement.scrollHeight, win: window.innerHeight,
                main: main ? main.scrollHeight : 0, main_box: main ? main.clientHeight : 0};
    }""")
    return sizes["doc"] <= sizes["win"] and sizes["main"] <= sizes["main_box"] + 1, sizes


@pytest.mark.parametrize("width,height", SIZES)
def test_every_slide_fits_and_keys_move(browser, server, width, height):
    page = browser.new_page()
    page.set_viewport_size({"width": width, "height": height})
    try:
        _open_briefing(page, server)
        titles = []
        for number in range(1, N_SLIDES + 1):
            _settle(page)
            assert page.locator(ERRORS).count() == 0, page.locator(ERRORS).first.inner_text()
            title = page.locator(SLIDE_TITLE).first.inner_text()
            assert f"slide={number}" in page.url
            fits, sizes = _fits(page)
            page.screenshot(path=str(ARTIFACTS / f"briefing_{width}x{height}_slide{number}.png"))
            assert fits, (number, title, sizes)
            assert page.locator('section[data-testid="stSidebar"]').is_hidden()
            if number == 2:  # the map is drawn, offline, as on the dashboard
                assert page.locator('svg[data-peta="kerawanan"] path').count() >= 1
            titles.append(title)
            if number < N_SLIDES:
                page.keyboard.press("ArrowRight")
                page.wait_for_function(
                    "t => document.querySelector('.st-key-slide h1')?.innerText !== t", arg=title, timeout=30_000)
        assert len(set(titles)) == N_SLIDES  # every slide different
        # Back with the left arrow and with PageUp; on with PageDown (a presentation clicker).
        page.keyboard.press("ArrowLeft")
        page.wait_for_function(f"() => location.search.includes('slide={N_SLIDES - 1}')", timeout=30_000)
        page.keyboard.press("PageUp")
        page.wait_for_function(f"() => location.search.includes('slide={N_SLIDES - 2}')", timeout=30_000)
        _wait_for_title(page, titles[N_SLIDES - 3])  # the URL changes before the slide is redrawn
        page.keyboard.press("PageDown")
        page.wait_for_function(f"() => location.search.includes('slide={N_SLIDES - 1}')", timeout=30_000)
        _wait_for_title(page, titles[N_SLIDES - 2])
    finally:
        page.close()
