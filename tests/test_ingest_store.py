"""Storing an incident report: one transaction, raw file archived, upload audited,
re-loading never duplicates; and the CLI end to end."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.workbooks import HEADER, csv_bytes, good_row, reference_db, row, xlsx
from waspada.ingest import parse_incident_file, store_incidents
from waspada.paths import ROOT

EXAMPLE = Path(__file__).parent / "data" / "contoh_laporan_mingguan_sumbar.xlsx"


@pytest.fixture()
def db(tmp_path_factory, tmp_path):
    return reference_db(tmp_path_factory, tmp_path)


def test_store_inserts_archives_and_records_upload(db, tmp_path):
    rep = parse_incident_file(EXAMPLE, db=db)
    result = store_incidents(db, rep, EXAMPLE, uploaded_by="Staf Sumbar")
    assert result.new == 5

    inc = db.query_df("SELECT * FROM incidents ORDER BY source_row")
    assert inc["source_row"].tolist() == [6, 7, 8, 9, 10]
    assert set(inc["upload_id"]) == {result.upload_id}
    assert not inc["generated"].any()
    assert inc["region_code"].tolist() == ["13.71", "13.08", "13.02", "13.75", "13.05"]

    up = db.query_df("SELECT * FROM uploads WHERE upload_id = ?", [result.upload_id]).iloc[0]
    raw = EXAMPLE.read_bytes()
    assert up["kind"] == "incidents" and up["file_name"] == EXAMPLE.name and up["uploaded_by"] == "Staf Sumbar"
    assert up["sha256"] == hashlib.sha256(raw).hexdigest()
    assert (up["data_rows"], up["accepted"], up["duplicates"], up["refused"]) == (5, 5, 0, 0)
    report = json.loads(up["report_json"])
    assert report["file"] == EXAMPLE.name and len(report["warnings"]) == 2  # 2 kecamatan spellings

    archived = db.path.parent / up["stored_path"]
    assert archived.parent == tmp_path / "uploads"  # beside the test database, not in the repo
    assert archived.read_bytes() == raw


def test_reload_adds_nothing_and_is_audited_as_duplicates(db):
    store_incidents(db, parse_incident_file(EXAMPLE, db=db), EXAMPLE, "a")
    again = parse_incident_file(EXAMPLE, db=db)
    assert again.accepted.empty and len(again.duplicates) == 5
    result = store_incidents(db, again, EXAMPLE, "a")
    assert result.new == 0
    assert db.query_df("SELECT count(*) AS n FROM incidents")["n"].iloc[0] == 5
    ups = db.query_df("SELECT accepted, duplicates FROM uploads WHERE kind = 'incidents' ORDER BY upload_id")
    assert ups.values.tolist() == [[5, 0], [0, 5]]


def test_stale_report_stored_twice_still_does_not_duplicate(db):
    # Parsed before either store (the upload page previews, two people confirm).
    first = parse_incident_file(EXAMPLE, db=db)
    second = parse_incident_file(EXAMPLE, db=db)
    assert store_incidents(db, first, EXAMPLE, "a").new == 5
    assert store_incidents(db, second, EXAMPLE, "b").new == 0
    assert db.query_df("SELECT count(*) AS n FROM incidents")["n"].iloc[0] == 5
    last = db.query_df("SELECT accepted, duplicates FROM uploads ORDER BY upload_id DESC LIMIT 1")
    assert last.values.tolist() == [[0, 5]]


def test_same_incident_in_two_files_is_one_incident(db, tmp_path):
    a = csv_bytes([HEADER, good_row(uraian="Baliho  dirusak", sumber="Polres")])
    b = xlsx(tmp_path / "b.xlsx", [["Laporan lain"], HEADER, good_row(uraian="baliho dirusak", sumber="Bawaslu")])
    assert store_incidents(db, parse_incident_file(a, "a.csv", db=db), a, "x").new == 1
    rep_b = parse_incident_file(b, db=db)
    assert len(rep_b.duplicates) == 1
    assert store_incidents(db, rep_b, b, "y").new == 0


def test_rows_repeated_within_a_file_are_duplicates():
    rep = parse_incident_file(csv_bytes([HEADER, good_row(), good_row(), good_row(uraian="lain")]), "d.csv")
    assert rep.accepted["source_row"].tolist() == [2, 4]
    assert rep.to_json()["duplicate_rows"] == [{"row": 3, "reason": "sama dengan baris 2 di berkas ini."}]


def test_failed_transaction_leaves_database_and_archive_untouched(db, tmp_path):
    rep = parse_incident_file(EXAMPLE)
    rep.accepted.loc[0, "phase"] = None  # violates NOT NULL: the insert fails inside the transaction
    before = db.version()
    with pytest.raises(duckdb.ConstraintException, match="NOT NULL constraint failed: incidents.phase"):
        store_incidents(db, rep, EXAMPLE, "x")
    assert db.version() == before
    assert db.query_df("SELECT count(*) AS n FROM uploads")["n"].iloc[0] == 0
    assert not any((tmp_path / "uploads").glob("*"))


def test_cli_load_incidents_json_end_to_end(db, tmp_path):
    bad = tmp_path / "campuran.csv"
    bad.write_bytes(csv_bytes([HEADER, good_row(), good_row(tanggal="31/02/2024", uraian="b"),
                               row(tanggal="1/10/2024", kabupaten_kota="Kupang", jenis_kejadian="demo", uraian="c")]))
    cmd = [sys.executable, "-m", "etl", "load-incidents", str(EXAMPLE), str(bad), "--db", str(db.path), "--json",
           "--by", "uji"]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [(x["file"], x["accepted"], x["new"]) for x in lines] == [(EXAMPLE.name, 5, 5), ("campuran.csv", 1, 1)]
    assert [(r["row"], r["column"]) for r in lines[1]["refused"]] == [(3, "tanggal"), (4, "kabupaten_kota")]
    assert db.query_df("SELECT count(*) AS n FROM incidents")["n"].iloc[0] == 6

    again = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert [json.loads(line)["new"] for line in again.stdout.splitlines()] == [0, 0]


def test_cli_unreadable_file_writes_nothing_and_fails(db, tmp_path):
    junk = tmp_path / "rusak.xlsx"
    junk.write_bytes(b"bukan excel")
    before = db.version()
    out = subprocess.run([sys.executable, "-m", "etl", "load-incidents", str(EXAMPLE), str(junk), "--db", str(db.path)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode != 0
    assert "rusak.xlsx" in out.stderr and "Tidak ada yang dimuat" in out.stderr
    assert db.version() == before


def test_cli_readable_summary_lists_refusals_and_warnings(db, tmp_path):
    f = tmp_path / "x.csv"
    f.write_bytes(csv_bytes([HEADER, good_row(korban_luka="dua"), good_row(jenis_kejadian="Aneh", uraian="b")]))
    out = subprocess.run([sys.executable, "-m", "etl", "load-incidents", str(f), "--db", str(db.path)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert 'Baris 2, kolom "korban_luka": "dua" bukan angka' in out.stdout
    assert 'Baris 3, kolom "jenis_kejadian": jenis kejadian "Aneh"' in out.stdout
    assert "1 baris baru" in out.stdout
