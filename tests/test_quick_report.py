"""Lapor Cepat's domain side: the form becomes the one-row file a staff member would send and
goes through the upload's parser, scope, duplicate rule and audit; its own rule (no date
after today) and a duplicate that names the stored incident."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from waspada.accounts import User
from waspada.ingest import parse_incident_file
from waspada.quick_report import (
    QuickReport, QuickReportRefused, file_name, kabkota_choices, kecamatan_choices, local_today,
    preview_quick_report, province_choices, report_file, store_quick_report,
)
from waspada.uploads import UploadNotPermitted, list_uploads, preview_upload

STAF = User("budi", "Budi", "staf", "65", ("65.71", "65.02"))
ADMIN = User("root", "Root", "admin")
PIMPINAN = User("ketua", "Ketua", "pimpinan")
NOW = datetime(2024, 11, 20, 3, 0, tzinfo=timezone.utc)  # 11.00 WITA: Kalimantan Utara's 20 November


def tarakan(**overrides) -> QuickReport:
    base = dict(occurred_on=date(2024, 11, 18), region_code="65.71", kecamatan_code=_kec("65.71", "Tarakan Barat"),
                category="perusakan", description="Baliho paslon 02 dirobek OTK di Jl. Mulawarman",
                killed=0, injured=2, source_kind="polri")
    base.update(overrides)
    return QuickReport(**base)


def _kec(region: str, name: str) -> str:
    kec = kecamatan_choices(region)
    return kec.loc[kec["name"] == name, "code"].item()


@pytest.fixture()
def db(writable_reference_db):
    return writable_reference_db


def test_the_form_offers_only_the_reporters_regions():
    assert kabkota_choices(STAF)["code"].tolist() == ["65.02", "65.71"]
    assert province_choices(STAF)["code"].tolist() == ["65"]
    assert kabkota_choices(PIMPINAN).empty  # no upload permission: nothing to pick
    whole = User("sari", "Sari", "staf", "53", ())
    assert set(kabkota_choices(whole)["province_code"]) == {"53"} and len(kabkota_choices(whole)) == 22
    assert len(province_choices(ADMIN)) == 38
    assert "Tarakan Barat" in kecamatan_choices("65.71")["name"].tolist()


def test_the_form_is_written_as_a_staff_files_row_and_parsed_as_one():
    data = report_file(tarakan())
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, ';' separated: Excel's CSV
    parsed = parse_incident_file(data, "x.csv", today=date(2024, 11, 20))
    assert parsed.refused == [] and len(parsed.accepted) == 1
    row = parsed.accepted.iloc[0]
    assert (row["region_code"], row["kecamatan"], row["category"], row["category_from"]) == (
        "65.71", "Tarakan Barat", "perusakan", "kolom")
    assert (row["injured"], row["killed"], row["source_kind"], row["phase"]) == (2, 0, "polri", "kampanye")
    assert row["kecamatan_code"] == _kec("65.71", "Tarakan Barat")
    assert report_file(tarakan()) == data  # the same report, the same bytes


def test_every_category_and_source_of_the_lists_is_read_back_as_chosen():
    from waspada import reference

    for category in reference.incident_categories()["category"]:
        parsed = parse_incident_file(report_file(tarakan(category=category, description="kejadian di pasar")), "x.csv")
        assert parsed.accepted["category"].tolist() == [category], category
    for kind in reference.report_sources()["source_kind"]:
        parsed = parse_incident_file(report_file(tarakan(source_kind=kind)), "x.csv")
        assert parsed.accepted["source_kind"].tolist() == [kind], kind


def test_preview_and_store_keep_it_as_an_audited_upload(db, fresh_accounts):
    preview = preview_quick_report(db, tarakan(), STAF, accounts=fresh_accounts, now=NOW)
    assert preview.storable and preview.stored_duplicate is None
    outcome = store_quick_report(db, fresh_accounts, preview, STAF)
    assert outcome.result.new == 1
    up = list_uploads(db).iloc[0]
    assert up["file_name"] == "Lapor Cepat 2024-11-20 03.00.00 budi.csv" == file_name(STAF, NOW)
    assert (up["uploaded_by"], up["incidents"], up["regions"]) == ("budi", 1, "65.71")
    assert (db.path.parent / up["stored_path"]).read_bytes() == report_file(tarakan())
    entry = fresh_accounts.audit_log(actions=("upload",)).iloc[0]
    assert entry["actor"] == "budi" and entry["target"] == up["file_name"]
    assert entry["detail"]["upload_id"] == outcome.result.upload_id and entry["detail"]["new"] == 1
    stored = db.query_df("SELECT description, injured, source_row FROM visible_incidents")
    assert stored.values.tolist() == [["Baliho paslon 02 dirobek OTK di Jl. Mulawarman", 2, 2]]


def test_a_second_identical_report_is_refused_naming_the_stored_one(db, fresh_accounts):
    first = store_quick_report(db, fresh_accounts, preview_quick_report(db, tarakan(), STAF, now=NOW), STAF)
    # Written differently (spaces, case) but the same incident: the parser's content rule.
    again = preview_quick_report(db, tarakan(description="  baliho paslon 02 dirobek OTK di Jl.  Mulawarman "),
                                 ADMIN, now=NOW)
    assert not again.storable
    assert again.stored_duplicate["upload_id"] == first.result.upload_id
    assert (again.stored_duplicate["uploaded_by"], again.stored_duplicate["source_row"]) == ("budi", 2)
    with pytest.raises(QuickReportRefused) as refused:
        store_quick_report(db, fresh_accounts, again, ADMIN)
    assert "sudah tersimpan" in refused.value.render("id") and "already stored" in refused.value.render("en")
    assert len(list_uploads(db)) == 1  # nothing recorded for the refused one


def test_a_report_stored_from_a_weekly_file_is_named_too(db, fresh_accounts):
    from waspada.uploads import store_upload

    weekly = preview_upload(db, report_file(tarakan()), "mingguan_tarakan.csv", STAF)
    stored = store_upload(db, fresh_accounts, weekly, STAF)
    again = preview_quick_report(db, tarakan(), STAF, now=NOW)
    assert again.stored_duplicate["file_name"] == "mingguan_tarakan.csv"
    assert again.stored_duplicate["upload_id"] == stored.result.upload_id


def test_refusals_of_the_parser_and_of_the_form(db, fresh_accounts):
    empty = preview_quick_report(db, tarakan(description="   "), STAF, now=NOW)
    assert not empty.storable
    assert [r["reason"].key for r in empty.upload.report.refused] == ["ingest_description_empty"]
    with pytest.raises(QuickReportRefused):
        store_quick_report(db, fresh_accounts, empty, STAF)

    # 21 November is tomorrow in Tarakan at 11.00 WITA; the parser alone would take it.
    future = preview_quick_report(db, tarakan(occurred_on=date(2024, 11, 21)), STAF, now=NOW)
    assert not future.storable
    reason = future.upload.report.refused[0]["reason"]
    assert reason.key == "quick_report_future_date" and "21/11/2024" in reason.render("en")
    assert local_today("65.71", NOW) == date(2024, 11, 20)
    assert local_today("65.71", datetime(2024, 11, 20, 16, 30, tzinfo=timezone.utc)) == date(2024, 11, 21)

    outside = preview_quick_report(db, tarakan(region_code="53.71", kecamatan_code=None), STAF, now=NOW)
    assert not outside.storable
    assert [r["reason"].key for r in outside.upload.report.refused] == ["upload_out_of_scope"]
    assert len(list_uploads(db)) == 0


def test_a_description_decides_the_type_when_the_reporter_is_not_sure(db):
    preview = preview_quick_report(db, tarakan(category=None, description="Posko pemenangan dirusak massa"), STAF,
                                   now=NOW)
    row = preview.upload.report.accepted.iloc[0]
    assert (row["category"], row["category_from"]) == ("perusakan", "uraian")
    assert [w["message"].key for w in preview.upload.report.warnings] == ["ingest_category_from_description"]
    nothing = preview_quick_report(db, tarakan(category=None, description="Ada kejadian"), STAF, now=NOW)
    assert [r["reason"].key for r in nothing.upload.report.refused] == ["ingest_category_empty"]


def test_only_staff_and_admin_may_report(db, fresh_accounts):
    with pytest.raises(UploadNotPermitted):
        preview_quick_report(db, tarakan(), PIMPINAN, now=NOW)
    preview = preview_quick_report(db, tarakan(), STAF, now=NOW)
    with pytest.raises(UploadNotPermitted):
        store_quick_report(db, fresh_accounts, preview, PIMPINAN)
