"""End to end in headless Chromium (issue 12, teach once): a staff member uploads a file with
a region name the loader refuses, picks the region meant in the preview, and the same
preview now accepts the row; the alias is stored and shown on the admin page.

Own server (temporary main and accounts databases, reference data only).
Screenshots in test-artifacts/alias_*.png.
"""

from __future__ import annotations

import pytest

from tests.auth_session import PASSWORD
from tests.e2e.conftest import ARTIFACTS, ERRORS, streamlit_server, watch_outside_requests
from tests.workbooks import HEADER, good_row, xlsx

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from etl.build import build_database

    work = tmp_path_factory.mktemp("alias-e2e")
    build_database(work / "waspada.duckdb", sample=False)
    with streamlit_server(work / "waspada.duckdb", work / "accounts.duckdb", "streamlit-alias-e2e.log") as base:
        yield base, work


@pytest.fixture(scope="module")
def page(chromium):
    context = chromium.new_context(viewport={"width": 1500, "height": 1600})
    yield watch_outside_requests(context.new_page())
    context.close()


def test_staff_teaches_a_refused_name_in_the_upload_preview(server, page, tmp_path):
    base, work = server
    workbook = xlsx(tmp_path / "laporan_alias.xlsx", [
        HEADER,
        good_row(tanggal="18/11/2024"),
        good_row(tanggal="19/11/2024", kabupaten_kota="Kota Tarakn Raya", kecamatan=None, uraian="nama baru"),
    ])
    page.goto(base + "/unggah")
    page.get_by_role("heading", name="Masuk ke Waspada").wait_for(timeout=60_000)
    page.get_by_label("Nama pengguna").fill("staf")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.get_by_role("heading", name="Unggah Laporan Insiden").wait_for(timeout=60_000)

    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(workbook))
    page.get_by_text("2 baris data: 1 akan disimpan, 1 ditolak").wait_for(timeout=60_000)
    page.get_by_text("Nama wilayah yang belum dikenali").wait_for(timeout=30_000)
    page.get_by_text('"Kota Tarakn Raya" (1 baris)').wait_for(timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "alias_1_refused.png"), full_page=True)

    page.get_by_label("wilayah yang dimaksud").click()
    options = page.get_by_role("option")
    options.first.wait_for(timeout=10_000)
    labels = options.all_inner_texts()
    assert labels[1] == "Kota Tarakan (65.71)"  # closest first, after "— pilih —"
    assert all("(65." in label for label in labels[1:])  # the staff member's own province only
    page.get_by_role("option", name="Kota Tarakan (65.71)").click()
    page.get_by_role("button", name="Ajarkan").click()

    page.get_by_text('Alias "Kota Tarakn Raya" kini dibaca sebagai Kota Tarakan (65.71).').wait_for(timeout=60_000)
    page.get_by_text("2 baris data: 2 akan disimpan, 0 ditolak").wait_for(timeout=60_000)
    page.screenshot(path=str(ARTIFACTS / "alias_2_taught.png"), full_page=True)
    assert page.locator(ERRORS).count() == 0

    from waspada.aliases import list_aliases
    from waspada.db import Database

    stored = list_aliases(Database(work / "waspada.duckdb"))
    assert stored[["name", "code", "created_by"]].values.tolist() == [["Kota Tarakn Raya", "65.71", "staf"]]
