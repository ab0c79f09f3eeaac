"""End to end in headless Chromium: the real server, the real browser, the real maps.

A session fixture starts `streamlit run app.py` on a free port against a temporary sample
database, waits for /_stcore/health, and every test opens pages as a user would.
Screenshots go to test-artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.auth_session import browser_login

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DECK_CANVAS = '[data-testid="stDeckGlJsonChart"] canvas'
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(sample_db):
    port = _free_port()
    from tests.auth_session import ensure_users

    accounts = sample_db.parent / "accounts_e2e.duckdb"
    ensure_users(accounts)
    env = dict(os.environ, WASPADA_DB=str(sample_db), WASPADA_ACCOUNTS_DB=str(accounts))
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / "streamlit-e2e.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
         "--server.headless", "true", "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"streamlit did not start; see {ARTIFACTS / 'streamlit-e2e.log'}")
        time.sleep(0.3)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is missing: run `make chromium` (apt-get install chromium)")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, args=CHROMIUM_ARGS,
            headless=True, viewport={"width": 1500, "height": 1800},
        )
        yield context
        context.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url)
            if urlparse(r.url).hostname not in ("127.0.0.1", "localhost") and urlparse(r.url).scheme in ("http", "https", "ws", "wss")
            else None)
    page.outside_requests = outside
    yield page
    page.close()


def _open(page, url: str, name: str, maps: int = 1):
    started = time.perf_counter()
    page.goto(url)
    browser_login(page)  # every new tab is a new session: the login gate first
    page.locator(DECK_CANVAS).nth(maps - 1).wait_for(state="visible", timeout=60_000)
    elapsed = time.perf_counter() - started
    page.wait_for_timeout(1500)  # let deck.gl finish drawing before the screenshot
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    assert page.locator(ERRORS).count() == 0, page.locator(ERRORS).first.inner_text()
    return elapsed


def _painted(page, index: int = 0) -> bool:
    """True when regions were drawn: a good part of the map is coloured, not blank."""
    from io import BytesIO

    from PIL import Image

    shot = page.locator('[data-testid="stDeckGlJsonChart"]').nth(index).screenshot()
    image = Image.open(BytesIO(shot)).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    white = sum(n for n, rgb in colours if min(rgb) >= 250)
    coloured = [rgb for n, rgb in colours if min(rgb) < 250 and n > 200]
    return white < 0.95 * image.width * image.height and len(coloured) >= 2


def test_overview_draws_the_map_and_the_figures(server, page, record_property):
    elapsed = _open(page, server + "/?tanggal=2024-11-08", "e2e_ringkasan")
    record_property("time_to_map_s", round(elapsed, 2))
    print(f"\noverview: map canvas visible {elapsed:.2f} s after navigation")
    assert _painted(page)
    metrics = page.locator('[data-testid="stMetric"]')
    assert metrics.count() == 4
    assert "Insiden 7 hari terakhir" in metrics.first.inner_text()
    assert page.get_by_text("Kampanye, hari ke-45 dari 60").count() == 1
    assert page.get_by_text("Data contoh (dibangkitkan), bukan data nyata").count() >= 1
    assert page.outside_requests == []


def test_switching_the_phase_changes_the_map_title(server, page):
    _open(page, server + "/?tanggal=2024-11-08", "e2e_ringkasan_before")
    title = page.get_by_role("heading", name="Peta kerawanan — Kalimantan Utara, tahapan Kampanye")
    assert title.count() == 1
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text="Tahapan").click()
    page.get_by_role("option", name="Rekapitulasi").click()
    page.get_by_role("heading", name="Peta kerawanan — Kalimantan Utara, tahapan Rekapitulasi").wait_for(timeout=30_000)
    page.locator(DECK_CANVAS).first.wait_for(state="visible", timeout=30_000)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "e2e_ringkasan_rekapitulasi.png"))
    assert "tahapan=rekapitulasi" in page.url
    assert page.locator(ERRORS).count() == 0


@pytest.mark.parametrize("path,name,maps,key_text", [
    ("/tahapan?tanggal=2024-11-08", "e2e_tahapan", 3, "Jadwal Pilkada 2024"),
    ("/wilayah?wilayah=65.71&tanggal=2024-11-08", "e2e_wilayah", 1, "Wilayah — Kota Tarakan"),
    ("/insiden?tahapan=kampanye", "e2e_insiden", 1, "Daftar insiden"),
])
def test_each_page_draws_its_maps_and_key_content(server, page, path, name, maps, key_text):
    _open(page, server + path, name, maps=maps)
    assert page.locator(DECK_CANVAS).count() >= maps
    assert _painted(page)
    assert page.get_by_text(key_text).count() >= 1
    assert page.outside_requests == []


def test_method_page(server, page):
    page.goto(server + "/metode")
    browser_login(page)
    page.get_by_role("heading", name="Sumber data").wait_for(timeout=60_000)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "e2e_metode.png"))
    assert page.locator(ERRORS).count() == 0
    assert page.get_by_role("heading", name="Bobot yang berlaku").count() == 1
