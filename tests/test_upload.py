"""The upload flow's domain side: preview with the staff member's regions, store in one
transaction with an audit entry, re-uploads, withdrawal (and uploading a withdrawn file
again), the Excel template, concurrent uploads, and hostile text kept as text."""

from __future__ import annotations

import csv
import io
import threading
from datetime import datetime

import openpyxl
import pytest

from tests.workbooks import HEADER, good_row, xlsx
from waspada.accounts import User
from waspada.ingest import parse_incident_file, store_incidents
from waspada.template_xlsx import build_template
from waspada.uploads import (
    UploadNotPermitted, UploadStateError, list_uploads, preview_upload, store_upload, withdraw_upload,
)

STAF = User("budi", "Budi", "staf", "65", ("65.71", "65.02"))
ADMIN = User("root", "Root", "admin")
PIMPINAN = User("ketua", "Ketua", "pimpinan")


@pytest.fixture()
def db(writable_reference_db):
    return writable_reference_db


@pytest.fixture()
def accounts(fresh_accounts):
    return fresh_accounts


def _workbook(tmp_path, rows, name="laporan.xlsx") -> bytes:
    return xlsx(tmp_path / name, [HEADER, *rows]).read_bytes()


def _csv(rows) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, delimiter=";").writerows([["" if v is None else v for v in r] for r in rows])
    return buf.getvalue().encode("utf-8")


def _shown_incidents(db) -> list[str]:
    """Descriptions the dashboard lists (queries.incidents skips withdrawn uploads)."""
    from waspada import queries

    cur = db.reader()
    try:
        df = queries.incidents(cur, start=datetime(2024, 1, 1).date(), end=datetime(2025, 12, 31).date(),
                               province="65")
    finally:
        cur.close()
    return sorted(df["description"])


# -- scope -------------------------------------------------------------------------------
def test_staff_rows_outside_their_regions_are_refused_naming_the_region(db, tmp_path):
    data = _workbook(tmp_path, [
        good_row(uraian="di Tarakan"),
        good_row(kabupaten_kota="Kabupaten Nunukan", kecamatan=None, uraian="di Nunukan"),
        good_row(kabupaten_kota="Kabupaten Malinau", kecamatan=None, uraian="di Malinau"),
    ])
    preview = preview_upload(db, data, "laporan.xlsx", STAF)
    assert preview.storable and preview.out_of_scope == 1
    assert sorted(preview.report.accepted["description"]) == ["di Malinau", "di Tarakan"]
    [refusal] = preview.report.refused
    assert refusal["row"] == 3 and refusal["column"] == "kabupaten_kota"
    reason = refusal["reason"]
    assert reason.key == "upload_out_of_scope"
    assert "Kabupaten Nunukan (65.03)" in reason.render("id") and "di luar wilayah tugas Anda" in reason.render("id")
    assert "outside your assigned regions" in reason.render("en")
    assert "Kota Tarakan" in reason.render("id") and "Kabupaten Malinau" in reason.render("id")
    c = preview.counts
    assert (c["data_rows"], c["accepted"], c["refused"]) == (3, 2, 1)


def test_admin_may_store_any_region_and_pimpinan_none(db, tmp_path):
    data = _workbook(tmp_path, [good_row(kabupaten_kota="Kota Padang", kecamatan=None)])
    assert len(preview_upload(db, data, "x.xlsx", ADMIN).report.accepted) == 1
    with pytest.raises(UploadNotPermitted):
        preview_upload(db, data, "x.xlsx", PIMPINAN)


def test_staff_of_a_whole_province(db, tmp_path):
    sari = User("sari", "Sari", "staf", "65", ())
    data = _workbook(tmp_path, [good_row(kabupaten_kota="Kabupaten Nunukan", kecamatan=None),
                                good_row(kabupaten_kota="Kota Padang", kecamatan=None)])
    preview = preview_upload(db, data, "x.xlsx", sari)
    assert preview.report.accepted["region_code"].tolist() == ["65.03"]
    assert "kabupaten/kota di Kalimantan Utara" in preview.report.refused[0]["reason"].render("id")


def test_a_workbook_with_only_the_header_stores_nothing(db, tmp_path):
    preview = preview_upload(db, _workbook(tmp_path, []), "kosong.xlsx", STAF)
    assert not preview.storable and "0 baris data" in preview.error.render("id")


# -- store ---------------------------------------------------------------------------------
def test_store_records_upload_and_audits_it(db, accounts, tmp_path):
    data = _workbook(tmp_path, [good_row(uraian="satu"), good_row(uraian="dua")])
    preview = preview_upload(db, data, "laporan.xlsx", STAF)
    outcome = store_upload(db, accounts, preview, STAF)
    assert outcome.result.new == 2 and "2 insiden baru" in outcome.message.render("id")
    up = list_uploads(db).iloc[0]
    assert (up["uploaded_by"], up["accepted"], up["incidents"], up["regions"]) == ("budi", 2, 2, "65.71")
    entry = accounts.audit_log(actions=("upload",)).iloc[0]
    assert entry["actor"] == "budi" and entry["target"] == "laporan.xlsx"
    assert entry["detail"]["upload_id"] == outcome.result.upload_id
    assert entry["detail"]["sha256"] == preview.sha256 and entry["detail"]["new"] == 2
    assert (db.path.parent / up["stored_path"]).read_bytes() == data
    assert _shown_incidents(db) == ["dua", "satu"]


def test_the_same_file_again_stores_nothing_new_and_says_so(db, accounts, tmp_path):
    data = _workbook(tmp_path, [good_row(uraian="satu")])
    store_upload(db, accounts, preview_upload(db, data, "a.xlsx", STAF), STAF)
    again = preview_upload(db, data, "a.xlsx", STAF)
    assert len(again.previous) == 1 and again.previous[0]["uploaded_by"] == "budi"
    assert again.report.accepted.empty and len(again.report.duplicates) == 1
    outcome = store_upload(db, accounts, again, STAF)
    assert outcome.result.new == 0 and "tidak ada insiden baru" in outcome.message.render("id")
    assert "no new incidents" in outcome.message.render("en")
    assert _shown_incidents(db) == ["satu"]
    assert len(list_uploads(db)) == 2  # every upload is kept and audited


def test_scope_is_applied_again_when_storing(db, accounts, tmp_path):
    """The regions of the user at storing time count, not those at preview time."""
    data = _workbook(tmp_path, [good_row(uraian="Tarakan"),
                                good_row(kabupaten_kota="Kabupaten Malinau", kecamatan=None, uraian="Malinau")])
    preview = preview_upload(db, data, "a.xlsx", STAF)
    narrowed = User("budi", "Budi", "staf", "65", ("65.71",))
    assert store_upload(db, accounts, preview, narrowed).result.new == 1
    assert _shown_incidents(db) == ["Tarakan"]


def test_staff_see_uploads_of_their_province_only(db, accounts, tmp_path):
    store_upload(db, accounts, preview_upload(db, _workbook(tmp_path, [good_row()], "a.xlsx"), "a.xlsx", STAF), STAF)
    padang = _workbook(tmp_path, [good_row(kabupaten_kota="Kota Padang", kecamatan=None)], "b.xlsx")
    store_upload(db, accounts, preview_upload(db, padang, "b.xlsx", ADMIN), ADMIN)
    assert list_uploads(db, user=STAF)["file_name"].tolist() == ["a.xlsx"]
    assert list_uploads(db, user=ADMIN)["file_name"].tolist() == ["b.xlsx", "a.xlsx"]


def test_staff_see_only_their_province_in_a_national_upload(db, accounts, tmp_path):
    both = _workbook(tmp_path, [good_row(), good_row(kabupaten_kota="Kota Padang", kecamatan=None)], "nas.xlsx")
    store_upload(db, accounts, preview_upload(db, both, "nas.xlsx", ADMIN), ADMIN)
    seen = list_uploads(db, user=STAF).iloc[0]
    assert seen["file_name"] == "nas.xlsx" and seen["incidents"] == 1
    assert seen["regions"].startswith("65.") and "13." not in seen["regions"]
    whole = list_uploads(db, user=ADMIN).iloc[0]
    assert whole["incidents"] == 2 and "13.71" in whole["regions"]


# -- withdrawal ----------------------------------------------------------------------------
def test_withdrawal_hides_the_incidents_but_keeps_the_record(db, accounts, tmp_path):
    first = _workbook(tmp_path, [good_row(uraian="satu"), good_row(uraian="dua")], "a.xlsx")
    other = _workbook(tmp_path, [good_row(uraian="tiga")], "b.xlsx")
    a = store_upload(db, accounts, preview_upload(db, first, "a.xlsx", STAF), STAF).result
    store_upload(db, accounts, preview_upload(db, other, "b.xlsx", STAF), STAF)
    with pytest.raises(UploadNotPermitted, match="hanya admin"):
        withdraw_upload(db, accounts, a.upload_id, STAF)

    assert withdraw_upload(db, accounts, a.upload_id, ADMIN, reason="berkas keliru") == 2
    assert _shown_incidents(db) == ["tiga"]
    up = list_uploads(db).set_index("upload_id").loc[a.upload_id]
    assert up["withdrawn_by"] == "root" and up["withdrawn_at"] is not None and up["incidents"] == 2
    assert (db.path.parent / up["stored_path"]).exists()  # the archived file remains
    entry = accounts.audit_log(actions=("withdrawal",)).iloc[0]
    assert entry["actor"] == "root" and entry["detail"]["incidents"] == 2
    assert entry["detail"]["reason"] == "berkas keliru"
    with pytest.raises(UploadStateError, match="sudah ditarik"):
        withdraw_upload(db, accounts, a.upload_id, ADMIN)


def test_withdrawn_incidents_leave_the_risk_scores(db, accounts, tmp_path):
    from waspada import queries

    rows = [good_row(uraian=f"kejadian {i}", korban_meninggal=1, tanggal="20/11/2024") for i in range(5)]
    a = store_upload(db, accounts, preview_upload(db, _workbook(tmp_path, rows), "a.xlsx", STAF), STAF).result
    as_of = datetime(2024, 11, 22).date()

    def tarakan_score():
        cur = db.reader()
        try:
            scores = queries.risk_scores(cur, as_of=as_of, province="65", phase="rekapitulasi")
        finally:
            cur.close()
        return float(scores.set_index("region_code").loc["65.71", "score"])

    with_incidents = tarakan_score()
    withdraw_upload(db, accounts, a.upload_id, ADMIN)
    assert tarakan_score() < with_incidents


def test_a_withdrawn_file_can_be_uploaded_again(db, accounts, tmp_path):
    data = _workbook(tmp_path, [good_row(uraian="satu")])
    first = store_upload(db, accounts, preview_upload(db, data, "a.xlsx", STAF), STAF).result
    withdraw_upload(db, accounts, first.upload_id, ADMIN)
    again = preview_upload(db, data, "a.xlsx", STAF)
    assert len(again.report.accepted) == 1 and not again.report.duplicates  # withdrawn is not "already stored"
    assert again.previous[0]["withdrawn"]
    second = store_upload(db, accounts, again, STAF).result
    assert second.new == 1 and second.upload_id != first.upload_id
    assert _shown_incidents(db) == ["satu"]
    hashes = db.query_df("SELECT upload_id, content_hash FROM incidents ORDER BY upload_id")
    assert hashes["content_hash"].iloc[0] == hashes["content_hash"].iloc[1] + f":ditarik:{first.upload_id}"
    # ... and withdrawn a second time: both copies stay, neither is shown.
    withdraw_upload(db, accounts, second.upload_id, ADMIN)
    assert _shown_incidents(db) == []
    assert db.query_df("SELECT count(*) AS n FROM incidents")["n"][0] == 2


# -- hostile text ------------------------------------------------------------------------
def test_script_and_formula_text_is_stored_as_given_and_exported_inert(db, accounts, tmp_path):
    from waspada.export import to_excel_bytes

    script = "<script>alert(1)</script>"
    formula = '=HYPERLINK("http://x","klik")'
    # CSV: in a workbook written by a program, "=..." would become a formula cell; typed into
    # a CSV (or a text cell) it is text, and text is what must survive.
    data = _csv([HEADER, good_row(uraian=script), good_row(uraian=formula, pelaku="@SUM(A1)")])
    store_upload(db, accounts, preview_upload(db, data, "a.csv", STAF), STAF)
    stored = db.query_df("SELECT description, perpetrator FROM incidents ORDER BY source_row")
    assert stored["description"].tolist() == [script, formula]
    wb = openpyxl.load_workbook(io.BytesIO(to_excel_bytes(stored)))
    cells = [c for row in wb.active.iter_rows(min_row=2) for c in row]
    assert all(c.data_type != "f" for c in cells)
    values = [c.value for c in cells]
    assert script in values and "'" + formula in values and "'@SUM(A1)" in values


# -- concurrency ---------------------------------------------------------------------------
def test_two_staff_uploading_at_the_same_moment(db, accounts, tmp_path):
    """Different files: both stored. The same incidents in both: stored once."""
    siti = User("siti", "Siti", "staf", "65", ("65.71",))
    shared = good_row(uraian="dilaporkan dua staf")
    files = {
        "budi": _workbook(tmp_path, [good_row(uraian=f"budi {i}") for i in range(20)] + [shared], "budi.xlsx"),
        "siti": _workbook(tmp_path, [good_row(uraian=f"siti {i}") for i in range(20)] + [shared], "siti.xlsx"),
    }
    previews = {u.username: preview_upload(db, files[u.username], f"{u.username}.xlsx", u) for u in (STAF, siti)}
    start = threading.Barrier(2)
    results, errors = {}, []

    def upload(user):
        try:
            start.wait()
            results[user.username] = store_upload(db, accounts, previews[user.username], user).result
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=upload, args=(u,)) for u in (STAF, siti)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    assert sorted(r.new for r in results.values()) == [20, 21]  # the shared incident counted once
    inc = db.query_df("SELECT description, count(*) AS n FROM incidents GROUP BY description")
    assert len(inc) == 41 and inc["n"].max() == 1
    ups = db.query_df("SELECT uploaded_by, accepted, duplicates FROM uploads WHERE kind = 'incidents' "
                      "ORDER BY uploaded_by")
    assert ups["uploaded_by"].tolist() == ["budi", "siti"]
    assert sorted(ups["accepted"]) == [20, 21] and sorted(ups["duplicates"]) == [0, 1]
    assert len(accounts.audit_log(actions=("upload",))) == 2


def test_same_file_stored_by_two_threads_at_once(db, tmp_path):
    data = _workbook(tmp_path, [good_row(uraian=f"k {i}") for i in range(10)])
    reports = [parse_incident_file(data, "a.xlsx", db=db) for _ in range(2)]
    start = threading.Barrier(2)
    news = []

    def go(report):
        start.wait()
        news.append(store_incidents(db, report, data, "budi").new)

    threads = [threading.Thread(target=go, args=(r,)) for r in reports]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert sorted(news) == [0, 10]
    assert db.query_df("SELECT count(*) AS n FROM incidents")["n"][0] == 10


# -- template ------------------------------------------------------------------------------
def test_template_has_columns_dropdowns_dates_and_instructions():
    wb = openpyxl.load_workbook(io.BytesIO(build_template("65")))
    assert wb.sheetnames[:2] == ["Laporan", "Petunjuk"]
    ws = wb["Laporan"]
    assert [c.value for c in ws[1]] == HEADER
    assert ws["H2"].value.startswith("CONTOH")
    assert wb["Daftar"].sheet_state == "hidden"
    lists = {str(dv.sqref)[0]: dv.formula1 for dv in ws.data_validations.dataValidation
             if dv.type == "list"}
    assert set(lists) == {"B", "C", "F", "G"}  # provinsi, kabupaten_kota, tahapan, jenis_kejadian
    kab_range = lists["C"].lstrip("=").split("!")[1].replace("$", "")
    kab = [c.value for row in wb["Daftar"][kab_range] for c in row]
    assert kab == ["Kabupaten Bulungan", "Kabupaten Malinau", "Kabupaten Nunukan", "Kabupaten Tana Tidung",
                   "Kota Tarakan"]
    assert {dv.type for dv in ws.data_validations.dataValidation} >= {"list", "date", "whole", "decimal"}
    assert ws.column_dimensions["A"].number_format == "DD/MM/YYYY"
    help_text = " ".join(str(c.value) for row in wb["Petunjuk"].iter_rows() for c in row if c.value)
    for column in HEADER:
        assert column in help_text
    assert "wajib" in help_text and "Kabupaten Kupang dan Kota Kupang" in help_text


def test_all_provinces_template_lists_every_kabupaten_kota():
    wb = openpyxl.load_workbook(io.BytesIO(build_template(None)))
    assert wb["Daftar"].max_row - 1 == 514


def test_a_filled_template_loads_through_the_parser(db):
    wb = openpyxl.load_workbook(io.BytesIO(build_template("65")))
    ws = wb["Laporan"]
    values = {"B": "Kalimantan Utara", "C": "Kota Tarakan", "D": "Tarakan Barat", "E": "Karang Anyar",
              "F": "Kampanye", "G": "Intimidasi / ancaman", "H": "Saksi diancam", "I": "OTK", "J": 1, "K": 0,
              "L": "Panwascam", "M": 3.3, "N": 117.6}
    ws["A3"] = datetime(2024, 10, 20)
    for col, v in values.items():
        ws[f"{col}3"] = v
    buf = io.BytesIO()
    wb.save(buf)
    rep = parse_incident_file(buf.getvalue(), "Template_Laporan_Insiden.xlsx", db=db)
    assert not rep.refused, rep.refused
    # The instructions sheet is no log: it is named as skipped, and that is the only warning.
    assert [str(w["message"]) for w in rep.warnings] == [
        'lembar "Petunjuk" dilewati: tidak berisi tabel laporan (judul kolom tidak ditemukan).']
    assert rep.sheets == ["Laporan"]
    assert rep.data_rows == 1 and len(rep.ignored) == 1  # the example row is never loaded
    row = rep.accepted.iloc[0]
    assert (row["region_code"], row["kecamatan_code"], row["phase"], row["category"], row["injured"]) == \
        ("65.71", "65.71.01", "kampanye", "intimidasi", 1)
    assert str(row["occurred_on"].date()) == "2024-10-20"


def test_the_unfilled_template_has_no_data_rows(db):
    preview = preview_upload(db, build_template("65"), "Template_Laporan_Insiden.xlsx", STAF)
    assert not preview.storable and "0 baris data" in preview.error.render("id")
