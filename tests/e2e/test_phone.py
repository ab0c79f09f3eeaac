"""Waspada on a phone (390 x 844, as opened from a WhatsApp link) in headless Chromium: every
page opens on its content with the sidebar collapsed and nothing wider than the screen, the
desktop still opens with it; Lapor Cepat filled in, checked and stored on the phone, and the
incident found on the Insiden page. Screenshots in the test's tmp dir (phone_*.png).

Own server on a copy of the generated sample (this test stores an incident).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.auth_session import browser_login
from tests.e2e.conftest import ERRORS, streamlit_server, watch_outside_requests

pytestmark = pytest.mark.browser

# A phone's own user agent: Streamlit closes its sidebar after a page is chosen when the agent
# says mobile (its frontend's isMobile), as on a real phone.
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                       "Chrome/126.0.0.0 Mobile Safari/537.36"}
DESKTOP = {"viewport": {"width": 1366, "height": 900}}
PAGES = {"ringkasan": "Ringkasan", "wilayah": "Wilayah", "lapor_cepat": "Lapor Cepat", "insiden": "Insiden"}
DESCRIPTION = "Baliho paslon dirobek OTK di depan pasar, uji ponsel"

# What the browser reports: where the sidebar's right edge is, how wide the document is.
LAYOUT = """() => {
  const sb = document.querySelector('[data-testid="stSidebar"]');
  const h1 = document.querySelector('[data-testid="stMain"] h1');
  return {sidebarRight: sb ? sb.getBoundingClientRect().right : null,
          scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
          mainScrollWidth: document.querySelector('[data-testid="stMain"]').scrollWidth,
          titleTop: h1 ? h1.getBoundingClientRect().top : null,
          titleRight: h1 ? h1.getBoundingClientRect().right : null};
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory, sample_db):
    import shutil

    work = tmp_path_factory.mktemp("phone-e2e")
    shutil.copyfile(sample_db, work / "waspada.duckdb")
    with streamlit_server(work / "waspada.duckdb", work / "accounts.duckdb", "streamlit-phone-e2e.log") as base:
        yield base, work


def _open(chromium, base: str, path: str, device: dict, **extra):
    context = chromium.new_context(**device, **extra)
    page = watch_outside_requests(context.new_page())
    page.goto(base + path)
    browser_login(page, "staf")
    return context, page


def _settled(page, timeout_ms: int = 90_000) -> None:
    """The page's title is there and the run is over (no placeholder, height steady for 3 s)."""
    page.locator('[data-testid="stMain"] h1').first.wait_for(timeout=timeout_ms)
    last, steady, waited = -1, 0, 0
    while steady < 6 and waited < timeout_ms:
        page.wait_for_timeout(500)
        waited += 500
        height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        busy = page.locator('[data-testid="stSkeleton"]').count()
        steady = steady + 1 if height == last and not busy else 0
        last = height


def _shots(page, folder: Path, name: str) -> None:
    """The page from top to bottom, a screen at a time (the app scrolls inside stMain)."""
    height = page.viewport_size["height"]
    total = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    for k, top in enumerate(range(0, min(total, 8 * height), height - 60)):
        page.evaluate(f"() => document.querySelector('[data-testid=\"stMain\"]').scrollTo(0, {top})")
        page.wait_for_timeout(300)
        page.screenshot(path=str(folder / f"phone_{name}_{k}.png"))
    page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollTo(0, 0)")


def test_every_page_opens_on_its_content_on_a_phone(server, chromium, tmp_path):
    base, _ = server
    context, page = _open(chromium, base, "/ringkasan", PHONE)
    try:
        for path, title in PAGES.items():
            if path != "ringkasan":
                page.goto(f"{base}/{path}")
            _settled(page)
            layout = page.evaluate(LAYOUT)
            _shots(page, tmp_path, path)
            assert page.locator('[data-testid="stMain"] h1').first.inner_text().startswith(title)
            assert layout["sidebarRight"] is not None and layout["sidebarRight"] <= 0, (path, layout)  # collapsed
            assert layout["scrollWidth"] <= layout["innerWidth"] == 390, (path, layout)  # no sideways scroll
            assert layout["mainScrollWidth"] <= 390, (path, layout)
            assert 0 <= layout["titleTop"] < 300 and layout["titleRight"] <= 390, (path, layout)  # the title first
            assert page.locator(ERRORS).count() == 0, path
        assert page.outside_requests == []
    finally:
        context.close()


def test_a_phone_keeps_the_sidebar_closed_after_navigating_and_a_desktop_keeps_it_open(server, chromium, tmp_path):
    base, _ = server
    context, page = _open(chromium, base, "/ringkasan", PHONE)
    try:
        _settled(page)
        page.get_by_test_id("stExpandSidebarButton").click()
        page.wait_for_timeout(800)
        assert page.evaluate(LAYOUT)["sidebarRight"] > 200  # opened by the reader
        page.screenshot(path=str(tmp_path / "phone_sidebar_open.png"))
        page.get_by_test_id("stSidebar").get_by_role("link", name="Insiden").click()
        page.get_by_role("heading", name="Insiden").first.wait_for(timeout=60_000)
        page.wait_for_timeout(1500)
        page.screenshot(path=str(tmp_path / "phone_after_navigation.png"))
        assert page.evaluate(LAYOUT)["sidebarRight"] <= 0  # the page, not the sidebar over it
    finally:
        context.close()
    context, page = _open(chromium, base, "/wilayah", DESKTOP)
    try:
        _settled(page)
        page.screenshot(path=str(tmp_path / "desktop_wilayah.png"))
        layout = page.evaluate(LAYOUT)
        assert layout["sidebarRight"] > 200 and layout["scrollWidth"] <= 1366
    finally:
        context.close()


def _choose(page, label: str, option: str) -> None:
    page.get_by_test_id("stMain").get_by_label(label, exact=True).first.click()
    page.get_by_role("option", name=option, exact=True).first.click()
    page.wait_for_timeout(800)


def test_lapor_cepat_on_a_phone_then_the_incident_is_on_the_insiden_page(server, chromium, tmp_path):
    base, work = server
    context, page = _open(chromium, base, "/lapor_cepat", PHONE, accept_downloads=True)
    try:
        page.get_by_role("heading", name="Lapor Cepat: satu insiden").wait_for(timeout=60_000)
        _choose(page, "Kabupaten/kota", "Kota Tarakan")
        _choose(page, "Kecamatan", "Tarakan Barat")
        date_box = page.get_by_test_id("stMain").get_by_test_id("stDateInput").locator("input").first
        if date_box.get_attribute("type") == "date":  # the phone's own date picker
            date_box.fill("2024-11-18")
        else:
            date_box.fill("18/11/2024")
            date_box.press("Enter")
            date_box.press("Escape")
        page.wait_for_timeout(800)
        _choose(page, "Jenis kejadian", "Perusakan (APK / fasilitas / kantor)")
        description = page.get_by_test_id("stMain").get_by_role("textbox", name="Uraian singkat")
        description.fill(DESCRIPTION)
        description.press("Tab")
        page.wait_for_timeout(800)
        _shots(page, tmp_path, "lapor_form")
        page.get_by_role("button", name="Periksa laporan").click()
        page.get_by_text("Siap disimpan sebagai berikut:").wait_for(timeout=60_000)
        _settled(page)
        _shots(page, tmp_path, "lapor_preview")
        assert page.evaluate(LAYOUT)["scrollWidth"] <= 390
        assert page.get_by_text(DESCRIPTION).count() >= 1
        page.get_by_role("button", name="Simpan laporan").click()
        page.get_by_text("Laporan disimpan sebagai unggahan #").wait_for(timeout=60_000)
        _shots(page, tmp_path, "lapor_stored")
        assert page.locator(ERRORS).count() == 0

        # The Insiden page of that day in Kota Tarakan lists it (its Excel export, as text).
        page.goto(f"{base}/insiden?wilayah=65.71&dari=2024-11-18&sampai=2024-11-18&tanggal=2024-11-18")
        _settled(page)
        _shots(page, tmp_path, "insiden")
        with page.expect_download() as download:
            page.get_by_role("button", name="Unduh Excel").first.click()
        import openpyxl

        workbook = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
        cells = [c.value for row in workbook.active.iter_rows() for c in row]
        assert DESCRIPTION in cells
    finally:
        context.close()
    from waspada.db import Database

    stored = Database(work / "waspada.duckdb").query_df(
        "SELECT u.uploaded_by, u.file_name FROM visible_incidents i JOIN uploads u USING (upload_id) "
        "WHERE i.description = ?", [DESCRIPTION])
    assert stored["uploaded_by"].tolist() == ["staf"] and stored["file_name"].item().startswith("Lapor Cepat ")
