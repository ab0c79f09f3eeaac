"""Issue 17: what a file or an uploader could break. Control characters cleaned once at the
reader (and said where), every sheet of a workbook accounted for, UTF-16 CSV, the upload
limit as one number in the reader's language, an empty file called empty, and a file
loaded twice at once counted honestly."""

from __future__ import annotations

import io
import json
import math
import threading
import tomllib
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.workbooks import HEADER, csv_bytes, good_row, reference_db
from waspada.accounts import Accounts, User, open_accounts_db
from waspada.filesafety import DEFAULT_LIMITS, UnsafeFile, check_upload, size_text, upload_limit_mb
from waspada.ingest import IngestFileError, parse_incident_file, store_incidents
from waspada.ingest.read import CONTROL_CHARACTERS
from waspada.uploads import preview_upload

ROOT = Path(__file__).resolve().parents[1]
ADMIN = User("admin", "Admin", "admin", None, ())


@pytest.fixture()
def db(tmp_path_factory, tmp_path):
    return reference_db(tmp_path_factory, tmp_path)


def _book(sheets: dict[str, list[list]]) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _patch_xml(data: bytes, old: str, new: str) -> bytes:
    """The workbook with `old` replaced by `new` in its sheet and shared-string XML (to write
    the escapes openpyxl itself refuses to write)."""
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            body = src.read(item)
            if item.filename.endswith(".xml"):
                body = body.replace(old.encode(), new.encode())
            z.writestr(item, body)
    return out.getvalue()


# -- many sheets ---------------------------------------------------------------------------
def test_two_hundred_sheets_of_one_row_each_are_all_read(db):
    data = _book({f"Minggu {i}": [HEADER, good_row(uraian=f"kejadian {i}")] for i in range(200)})
    rep = parse_incident_file(data, "banyak.xlsx", db=db)
    assert rep.data_rows == 200 and len(rep.accepted) == 200
    assert sorted(rep.accepted["description"]) == sorted(f"kejadian {i}" for i in range(200))
    assert rep.sheets == [f"Minggu {i}" for i in range(200)]
    assert set(rep.accepted["sheet"]) == set(rep.sheets)
    summary = rep.summary_lines()[0]
    assert "200 lembar dibaca" in summary and "200 baris data, 200 diterima" in summary
    assert "200 sheets read" in rep.summary_lines("en")[0]
    assert rep.to_json()["accepted"] == 200 and len(rep.to_json()["sheets"]) == 200


def test_refusals_and_duplicates_name_their_sheet(db):
    data = _book({"A": [HEADER, good_row(uraian="sama"), good_row(tanggal="31/02/2024")],
                  "B": [HEADER, good_row(uraian="sama")]})
    rep = parse_incident_file(data, "dua.xlsx", db=db)
    assert [(r["sheet"], r["row"], r["column"]) for r in rep.refused] == [("A", 3, "tanggal")]
    assert [(d["sheet"], d["row"]) for d in rep.duplicates] == [("B", 2)]
    assert 'baris 2 (lembar "A")' in str(rep.duplicates[0]["reason"])
    lines = "\n".join(rep.summary_lines())
    assert 'Baris 3 (lembar "A"), kolom "tanggal"' in lines and 'Baris 2 (lembar "B")' in lines
    assert 'Row 3 (sheet "A")' in "\n".join(rep.summary_lines("en"))


def test_a_legend_sheet_is_skipped_and_named(db):
    data = _book({"Laporan": [HEADER, good_row()],
                  "Keterangan": [["Kode", "Arti"], ["APK", "Alat peraga kampanye"]]})
    rep = parse_incident_file(data, "x.xlsx", db=db)
    assert len(rep.accepted) == 1 and rep.sheets == ["Laporan"]
    assert [str(w["message"]) for w in rep.warnings] == [
        'lembar "Keterangan" dilewati: tidak berisi tabel laporan (judul kolom tidak ditemukan).']
    assert any("Keterangan" in line for line in rep.summary_lines())


def test_a_sheet_of_rows_without_headings_refuses_the_file_naming_it(db):
    data = _book({"Laporan": [HEADER, good_row()],
                  "Lanjutan": [good_row(uraian="baris tanpa judul kolom")[:8]]})
    with pytest.raises(IngestFileError) as exc:
        parse_incident_file(data, "x.xlsx", db=db)
    text = str(exc.value.message)
    assert '"Lanjutan"' in text and "Tidak ada yang disimpan" in text
    assert '"Lanjutan"' in exc.value.message.render("en") and "Nothing from this file" in exc.value.message.render("en")


def test_a_log_sheet_missing_a_column_refuses_the_file_naming_it(db):
    no_uraian = [h for h in HEADER if h != "uraian"]
    row = [v for h, v in zip(HEADER, good_row()) if h != "uraian"]
    data = _book({"Laporan": [HEADER, good_row()], "Oktober": [no_uraian, row]})
    with pytest.raises(IngestFileError) as exc:
        parse_incident_file(data, "x.xlsx", db=db)
    assert '"Oktober"' in str(exc.value.message) and '"uraian"' in str(exc.value.message)


def test_many_unread_sheets_are_counted_not_all_listed(db):
    sheets = {"Laporan": [HEADER, good_row()]}
    sheets |= {f"L{i}": [good_row(uraian=f"x {i}")[:8]] for i in range(30)}
    with pytest.raises(IngestFileError) as exc:
        parse_incident_file(_book(sheets), "x.xlsx", db=db)
    text = str(exc.value.message)
    assert '"L0"' in text and '"L9"' in text and '"L10"' not in text and "dan 20 lembar lain" in text


def test_kpu_file_with_two_sheets_reads_both(db):
    from waspada.ingest.tables import parse_kpu_file

    data = _book({"Kaltara": [["Wilayah", "DPT"], ["Kota Tarakan", 100]],
                  "NTT": [["Wilayah", "DPT"], ["Kota Kupang", 200]]})
    rep = parse_kpu_file(data, "kpu.xlsx", db=db)
    assert sorted(rep.accepted["value"]) == [100, 200] and rep.sheets == ["Kaltara", "NTT"]


# -- control characters --------------------------------------------------------------------
@pytest.mark.parametrize("escape", ["_x0000_", "_x0001_", "&#x1;", "_x001F_"])
def test_escaped_control_characters_in_a_workbook_are_removed_with_a_warning(db, escape):
    data = _book({"Laporan": [HEADER, good_row(uraian="Baliho PENANDA dirusak")]})
    data = _patch_xml(data, "PENANDA", f"PEN{escape}ANDA")
    rep = parse_incident_file(data, "x.xlsx", db=db)
    assert rep.accepted["description"].tolist() == ["Baliho PENANDA dirusak"]
    assert [(w["row"], w["column"]) for w in rep.warnings] == [(2, "uraian")]
    assert "karakter kendali" in str(rep.warnings[0]["message"])
    assert "control characters" in rep.warnings[0]["message"].render("en")


def test_nul_bytes_in_a_csv_are_removed_with_a_warning(db):
    rows = [HEADER] + [good_row(uraian=f"kejadian {i}") for i in range(200)]
    data = csv_bytes(rows).replace(b"kejadian 150", b"kejadian\x00 150")
    rep = parse_incident_file(data, "x.csv", db=db)
    assert len(rep.accepted) == 200 and "kejadian 150" in set(rep.accepted["description"])
    assert [(w["row"], w["column"]) for w in rep.warnings] == [(152, "uraian")]


CONTROL = st.sampled_from([chr(c) for c in range(0xA0) if CONTROL_CHARACTERS.match(chr(c))])
# Words with control characters anywhere in them (at least one, and at least one letter).
DIRTY = st.tuples(st.text("abc XYZ,.", max_size=8), st.lists(CONTROL, min_size=1, max_size=4),
                  st.text("abcXYZ", min_size=1, max_size=8), st.lists(CONTROL, max_size=2)).map(
    lambda parts: parts[0] + "".join(parts[1]) + parts[2] + "".join(parts[3]))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(uraian=DIRTY, pelaku=DIRTY, as_csv=st.booleans())
def test_control_characters_never_reach_the_database(db, tmp_path, uraian, pelaku, as_csv):
    rows = [HEADER, good_row(uraian="bersih"), good_row(uraian="Baliho " + uraian, pelaku=pelaku)]
    if as_csv:
        data, name = csv_bytes(rows, encoding="utf-8"), "kotor.csv"
    else:  # openpyxl refuses control characters: write escapes, as other programs do
        marks = {"URAIAN": uraian, "PELAKU": pelaku}
        data = _book({"Laporan": [HEADER, good_row(uraian="bersih"),
                                  good_row(uraian="Baliho URAIAN", pelaku="PELAKU")]})
        for mark, text in marks.items():
            escaped = "".join(f"_x{ord(c):04X}_" if CONTROL_CHARACTERS.match(c) else
                              {"&": "&amp;", "<": "&lt;", ">": "&gt;"}.get(c, c) for c in text)
            data = _patch_xml(data, mark, escaped)
        name = "kotor.xlsx"
    rep = parse_incident_file(data, name, db=db)
    warned = {(w["row"], w["column"]) for w in rep.warnings if w["message"].key == "ingest_control_characters_removed"}
    assert (3, "uraian") in warned and (3, "pelaku") in warned and not any(r == 2 for r, _ in warned)
    if len(rep.accepted):
        store_incidents(db, rep, data, "uji", uploads_dir=tmp_path / "up")
    stored = db.query_df("SELECT description, perpetrator, source, desa, kecamatan, category_raw FROM incidents")
    for value in stored.to_numpy().ravel():
        assert value is None or not CONTROL_CHARACTERS.search(str(value)), repr(value)


# -- UTF-16 CSV ----------------------------------------------------------------------------
def _utf16_rows():
    return [HEADER, good_row(uraian="Baliho dirusak — ulang"), good_row(uraian="Spanduk dicopot", korban_luka=2)]


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                           ("utf-16-le", b"")])
def test_utf16_tab_csv_reads_like_the_utf8_file(db, encoding, bom):
    rows = _utf16_rows()
    utf8 = parse_incident_file(csv_bytes(rows, sep=";", encoding="utf-8"), "a.csv", db=db)
    data = bom + csv_bytes(rows, sep="\t", encoding=encoding)
    unicode_text = parse_incident_file(data, "a.txt" if bom else "a.csv", db=db)
    cols = ["occurred_on", "region_code", "description", "injured", "content_hash"]
    assert len(utf8.accepted) == 2
    assert unicode_text.accepted[cols].equals(utf8.accepted[cols])
    assert not unicode_text.warnings and not unicode_text.refused


def test_whitespace_only_utf16_is_empty():
    with pytest.raises(UnsafeFile) as exc:
        check_upload(b"\xff\xfe" + " \r\n".encode("utf-16-le"), "kosong.csv")
    assert str(exc.value.message) == "berkas kosong: tidak ada isi yang dapat dibaca."


# -- empty, too large, sizes ---------------------------------------------------------------
@pytest.mark.parametrize("data", [b"", b"   \r\n\t  "])
def test_an_empty_or_whitespace_file_is_called_empty(data):
    with pytest.raises(IngestFileError) as exc:
        parse_incident_file(data, "kosong.csv")
    assert str(exc.value.message) == "berkas kosong: tidak ada isi yang dapat dibaca."
    assert exc.value.message.render("en") == "the file is empty: there is nothing to read."
    assert "bait" not in str(exc.value)


def test_a_file_over_the_limit_is_refused_naming_the_limit_and_audited(db, tmp_path):
    accounts = Accounts(open_accounts_db(tmp_path / "accounts.duckdb"))
    data = b"tanggal;uraian\n" + b"x" * DEFAULT_LIMITS.max_bytes
    preview = preview_upload(db, data, "besar.csv", ADMIN, accounts=accounts)
    assert not preview.storable
    assert str(preview.error) == ("berkas terlalu besar (10 MB; batas 10 MB). "
                                  "Pecah laporan menjadi beberapa berkas.")
    assert "the limit is 10 MB" in preview.error.render("en")
    log = accounts.audit_log(actions=("upload_refused",))
    assert log["target"].tolist() == ["besar.csv"]
    assert "batas 10 MB" in log["detail"].iloc[0]["reason"] and log["detail"].iloc[0]["bytes"] == len(data)


def test_sizes_read_as_people_write_them():
    mib = 1024 * 1024
    assert [size_text(n) for n in (10 * mib, 3 * mib // 2, 30 * mib, 512 * 1024, 1)] == \
        ["10 MB", "1,5 MB", "30 MB", "512 KB", "1 KB"]


def test_streamlit_lets_files_over_the_limit_reach_the_apps_own_refusal():
    # A 30 MB file must meet Waspada's message (reader's language, audited), not Streamlit's.
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == upload_limit_mb()
    assert upload_limit_mb() * 2**20 >= 30 * 2**20 > DEFAULT_LIMITS.max_bytes
    page = (ROOT / "app_pages" / "unggah.py").read_text()
    assert "max_upload_size=upload_limit_mb()" in page


def test_filesafety_refusals_speak_english_too():
    with pytest.raises(UnsafeFile) as exc:
        check_upload(b"%PDF-1.7\n", "laporan.xlsx")
    assert str(exc.value.message).startswith("berkas ini adalah dokumen PDF")
    assert exc.value.message.render("en").startswith("this file is a PDF document")


# -- the same file twice at once -----------------------------------------------------------
def test_the_same_file_stored_twice_at_once_counts_accepted_as_stored(db, tmp_path):
    data = _book({"Laporan": [HEADER] + [good_row(uraian=f"k {i}") for i in range(30)]})
    reports = [parse_incident_file(data, "a.xlsx", db=db) for _ in range(2)]
    start = threading.Barrier(2)
    results = {}

    def go(i):
        start.wait()
        results[i] = store_incidents(db, reports[i], data, "budi")

    threads = [threading.Thread(target=go, args=(i,)) for i in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=120)
    outcome = sorted((results[i].new, reports[i].to_json()["accepted"], reports[i].to_json()["duplicates"])
                     for i in range(2))
    assert outcome == [(0, 0, 30), (30, 30, 0)]
    ups = db.query_df("SELECT accepted, duplicates, report_json FROM uploads ORDER BY accepted")
    assert ups["accepted"].tolist() == [0, 30] and ups["duplicates"].tolist() == [30, 0]
    assert '"accepted": 0' in ups["report_json"][0]


# -- the command line says it too ----------------------------------------------------------
def test_cli_load_names_every_sheet_read_and_skipped(db, tmp_path, capsys):
    from waspada.cli import main

    f = tmp_path / "dua_minggu.xlsx"
    f.write_bytes(_book({"Minggu 1": [HEADER, good_row(uraian="satu")], "Minggu 2": [HEADER, good_row(uraian="dua")],
                         "Keterangan": [["Kode", "Arti"], ["APK", "Alat peraga kampanye"]]}))
    assert main(["data", "load", str(f), "--db", str(db.path), "--by", "uji"]) == 0
    out = capsys.readouterr().out
    assert '2 lembar dibaca: "Minggu 1", "Minggu 2"' in out and "2 baris data, 2 diterima" in out
    assert 'lembar "Keterangan" dilewati' in out
    assert main(["data", "load", str(f), "--db", str(db.path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["sheets"] == ["Minggu 1", "Minggu 2"] and report["accepted"] == 0 and report["duplicates"] == 2
    assert [d["sheet"] for d in report["duplicate_rows"]] == ["Minggu 1", "Minggu 2"]
