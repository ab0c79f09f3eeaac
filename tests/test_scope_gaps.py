"""Upload scope at its edges: a staff member with no region assigned stores nothing, and
regions taken away between preview and store are enforced at the store (waspada/uploads.py)."""

from __future__ import annotations

import pytest

from tests.workbooks import HEADER, csv_bytes, good_row
from waspada.accounts import User
from waspada.uploads import preview_upload, store_upload

TARAKAN = User("budi", "Budi", "staf", "65", ("65.71",))
NO_SCOPE = User("baru", "Baru", "staf", None, ())  # a staff account before the admin assigned regions
ROWS = [good_row(uraian="a"), good_row(kabupaten_kota="Kabupaten Bulungan", kecamatan="Tanjung Selor", uraian="b")]


@pytest.fixture()
def db(writable_reference_db):
    return writable_reference_db


@pytest.fixture()
def accounts(fresh_accounts):
    return fresh_accounts


def _count(db) -> int:
    return int(db.query_df("SELECT count(*) AS n FROM incidents")["n"][0])


def test_staff_without_any_region_stores_nothing(db, accounts):
    preview = preview_upload(db, csv_bytes([HEADER, *ROWS]), "a.csv", NO_SCOPE)
    assert preview.report.accepted.empty
    assert preview.out_of_scope == 2
    assert [r["row"] for r in preview.report.refused] == [2, 3]
    assert all("tidak ada wilayah yang ditugaskan" in str(r["reason"]) for r in preview.report.refused)
    outcome = store_upload(db, accounts, preview, NO_SCOPE)
    assert outcome.result.new == 0 and _count(db) == 0


def test_regions_taken_away_after_the_preview_are_enforced_at_the_store(db, accounts):
    preview = preview_upload(db, csv_bytes([HEADER, *ROWS]), "a.csv", TARAKAN)
    assert preview.report.accepted["region_code"].tolist() == ["65.71"]
    outcome = store_upload(db, accounts, preview, NO_SCOPE)  # the admin emptied budi's scope meanwhile
    assert outcome.result.new == 0 and _count(db) == 0


def test_staff_scope_keeps_only_their_regions(db, accounts):
    preview = preview_upload(db, csv_bytes([HEADER, *ROWS]), "a.csv", TARAKAN)
    assert preview.out_of_scope == 1
    assert "Kabupaten Bulungan (65.01) di luar wilayah tugas Anda (Kota Tarakan)" in str(preview.report.refused[0]["reason"])
    assert store_upload(db, accounts, preview, TARAKAN).result.new == 1
    assert db.query_df("SELECT region_code FROM incidents")["region_code"].tolist() == ["65.71"]
