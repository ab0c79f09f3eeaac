"""End to end in headless Chromium: the real server, the real browser, the real maps.

The session's server (tests/e2e/conftest.py) runs `streamlit run app.py` against a temporary
sample database; every test opens pages as a user would. Screenshots go to test-artifacts/
(git-ignored) for a person to look at.
"""

from __future__ import annotations

import time

import pytest

from tests.auth_session import browser_login
from tests.e2e.conftest import ARTIFACTS, ERRORS, MAP

pytestmark = pytest.mark.browser


def _open(page, url: str, name: str, maps: int = 1):
    started = time.perf_counter()
    page.goto(url)
    browser_login(page)  # every new tab is a new session: the login gate first
    page.locator(MAP).nth(maps - 1).wait_for(state="visible", timeout=60_000)
    elapsed = time.perf_counter() - started
    page.wait_for_timeout(1500)  # let deck.gl (where there is one) finish drawing before the screenshot
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    assert page.locator(ERRORS).count() == 0, page.locator(ERRORS).first.inner_text()
    return elapsed


def _empty_choice_shows(page, label: str) -> str:
    """What a selectbox standing on its None option ("all") shows: Streamlit draws its
    placeholder there, which is English ("Choose an option") unless the page gives one."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first
    return box.locator("input").get_attribute("placeholder")


def _painted(page, index: int = 0) -> bool:
    """True when regions were drawn: a good part of the map is coloured, not blank (one
    colour is enough: every region of a province can share a category)."""
    from io import BytesIO

    from PIL import Image

    shot = page.locator(MAP).nth(index).screenshot()
    image = Image.open(BytesIO(shot)).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    white = sum(n for n, rgb in colours if min(rgb) >= 250)
    coloured = [rgb for n, rgb in colours if min(rgb) < 250 and n > 200]
    return white < 0.95 * image.width * image.height and len(coloured) >= 1


def test_overview_draws_the_map_and_the_figures(server, page, record_property):
    elapsed = _open(page, server + "/?tanggal=2024-11-08", "e2e_ringkasan")
    record_property("time_to_map_s", round(elapsed, 2))
    print(f"\noverview: map visible {elapsed:.2f} s after navigation")
    assert _painted(page)
    # The overview's map is an SVG (no WebGL needed); each region's tooltip names it.
    regions = page.locator('svg[data-peta="kerawanan"] path')
    assert regions.count() == 5
    tarakan = page.locator('svg[data-peta="kerawanan"] path[data-kode="65.71"] title').text_content()
    assert tarakan.startswith("Kota Tarakan\nKategori: ") and "\nSkor: " in tarakan
    metrics = page.locator('[data-testid="stMetric"]')
    assert metrics.count() == 4
    assert "Insiden 7 hari terakhir" in metrics.first.inner_text()
    assert page.get_by_text("Kampanye, hari ke-45 dari 60").count() == 1
    assert page.get_by_text("Data contoh (dibangkitkan), bukan data nyata").count() >= 1
    assert page.outside_requests == []
    assert _empty_choice_shows(page, "Kelas ATHG") == "Semua"  # not Streamlit's "Choose an option"


def test_switching_the_phase_changes_the_map_title(server, page):
    _open(page, server + "/?tanggal=2024-11-08", "e2e_ringkasan_before")
    title = page.get_by_role("heading", name="Peta kerawanan — Kalimantan Utara, tahapan Kampanye")
    assert title.count() == 1
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text="Tahapan").click()
    page.get_by_role("option", name="Rekapitulasi").click()
    page.get_by_role("heading", name="Peta kerawanan — Kalimantan Utara, tahapan Rekapitulasi").wait_for(timeout=30_000)
    page.locator(MAP).first.wait_for(state="visible", timeout=30_000)
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
    assert page.locator(MAP).count() >= maps
    assert all(_painted(page, k) for k in range(maps))
    assert page.get_by_text(key_text).count() >= 1
    assert page.outside_requests == []
    if name == "e2e_insiden":
        assert _empty_choice_shows(page, "Kelas ATHG") == "Semua"


def test_method_page(server, page):
    page.goto(server + "/metode")
    browser_login(page)
    page.get_by_role("heading", name="Sumber data").wait_for(timeout=60_000)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "e2e_metode.png"))
    assert page.locator(ERRORS).count() == 0
    assert page.get_by_role("heading", name="Bobot yang berlaku").count() == 1
