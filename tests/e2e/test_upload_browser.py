"""End to end in headless Chromium: a staff member logs in, uploads a workbook through the
real file input, sees the preview, stores, and finds the new incident on the Insiden page.

Own server (temporary main and accounts databases, reference data only) so the test
controls exactly what is stored. Screenshots in test-artifacts/upload_*.png.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.auth_session import PASSWORD
from tests.e2e.conftest import ARTIFACTS, ERRORS, streamlit_server, watch_outside_requests
from tests.workbooks import HEADER, good_row, xlsx

pytestmark = pytest.mark.browser

DESCRIPTION = "Posko pemenangan paslon dilempari batu oleh OTK <b>uji-e2e</b>"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from etl.build import build_database

    work = tmp_path_factory.mktemp("upload-e2e")
    build_database(work / "waspada.duckdb", sample=False)
    with streamlit_server(work / "waspada.duckdb", work / "accounts.duckdb", "streamlit-upload-e2e.log") as base:
        yield base, work


@pytest.fixture(scope="module")
def page(chromium):
    context = chromium.new_context(viewport={"width": 1500, "height": 1400}, accept_downloads=True)
    yield watch_outside_requests(context.new_page())
    context.close()


def _shot(page, name: str) -> None:
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / f"upload_{name}.png"), full_page=True)


def test_staff_uploads_through_the_browser_and_sees_the_incident(server, page, tmp_path):
    base, work = server
    workbook = xlsx(tmp_path / "laporan_tarakan.xlsx", [
        HEADER,
        good_row(tanggal="18/11/2024", uraian=DESCRIPTION, jenis_kejadian="Perusakan"),
        good_row(kabupaten_kota="Kota Padang", kecamatan=None, uraian="di luar wilayah tugas"),
    ])

    # 1. Not logged in: the login page, whatever the link.
    page.goto(base + "/insiden")
    page.get_by_role("heading", name="Masuk ke Waspada").wait_for(timeout=60_000)
    _shot(page, "1_masuk")
    page.get_by_label("Nama pengguna").fill("staf")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()

    # 2. Logged in as staf: the link's page opens; the upload page is offered.
    page.get_by_role("heading", name="Insiden").first.wait_for(timeout=60_000)
    assert page.get_by_text("Masuk sebagai Staf").count() == 1
    page.get_by_role("link", name="Unggah Laporan").click()
    page.get_by_role("heading", name="Unggah Laporan Insiden").wait_for(timeout=60_000)

    # Streamlit's own English stays out of sight: the uploader's button and size line, the
    # navigation's "View N more" (the staf sees more pages than the collapsed menu holds).
    dropzone = page.locator('[data-testid="stFileUploaderDropzone"]')
    label = dropzone.locator("button p").evaluate("p => getComputedStyle(p, '::after').content")
    assert label == '"Pilih berkas"'
    assert dropzone.locator("button p").evaluate("p => getComputedStyle(p).fontSize") == "0px"  # "Upload" unseen
    assert not page.locator('[data-testid="stFileUploaderDropzoneInstructions"]').is_visible()
    assert page.get_by_text("View", exact=False).filter(visible=True).count() == 0

    # 3. The real file input.
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(workbook))
    page.get_by_text("2 baris data: 1 akan disimpan, 1 ditolak").wait_for(timeout=60_000)
    _shot(page, "2_pratinjau")
    assert page.locator(ERRORS).count() == 0
    refused_tab = page.get_by_role("tab", name="Ditolak (1)")
    refused_tab.click()
    page.wait_for_timeout(500)
    grid = page.locator('[data-testid="stDataFrame"]').filter(visible=True)
    _shot(page, "3_ditolak")
    assert grid.count() >= 1

    # 4. Store: one button.
    page.get_by_role("button", name="Simpan 1 insiden dari 1 berkas").click()
    page.get_by_text("1 insiden baru disimpan").wait_for(timeout=60_000)
    _shot(page, "4_tersimpan")
    from waspada.db import Database

    stored = Database(work / "waspada.duckdb").query_df("SELECT description, uploaded_by FROM incidents "
                                                        "JOIN uploads USING (upload_id)")
    assert stored.values.tolist() == [[DESCRIPTION, "staf"]]

    # 5. The Insiden page shows it without a restart, as text (the <b> is not bold markup).
    page.get_by_role("link", name="Insiden").click()
    page.get_by_role("heading", name="Insiden").first.wait_for(timeout=60_000)
    # the list is drawn after the chart and the map: on a loaded machine that takes seconds
    page.get_by_role("heading", name="Daftar insiden (1)").wait_for(timeout=60_000)
    _shot(page, "5_insiden")
    assert page.locator(ERRORS).count() == 0
    # The grid draws on a canvas; the page's Excel export proves the row is there, as text.
    with page.expect_download() as dl:
        page.get_by_role("button", name="Unduh Excel").first.click()
    import io

    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(Path(dl.value.path()).read_bytes()))
    cells = [c.value for row in wb.active.iter_rows() for c in row]
    assert DESCRIPTION in cells
