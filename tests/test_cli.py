"""The one command line (waspada.cli): every group does what it says, `--lang en` speaks
English, and the old `python -m etl` names still work."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tests.workbooks import HEADER, csv_bytes, good_row
from waspada.accounts import Accounts
from waspada.cli import main
from waspada.db import Database

ROOT = Path(__file__).resolve().parent.parent


def _run(*args, stdin: str | None = None, module: str = "waspada"):
    env = {k: v for k, v in os.environ.items() if k not in ("WASPADA_ACCOUNTS_DB", "WASPADA_DB")}
    return subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, input=stdin, capture_output=True,
                          text=True, env=env, timeout=300)


def _count(db: Path, sql: str) -> int:
    cur = Database(db).reader()
    try:
        return cur.execute(sql).fetchone()[0]
    finally:
        cur.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """`waspada data build` with the generated sample, once; tests work on copies."""
    db = tmp_path_factory.mktemp("built") / "waspada.duckdb"
    assert main(["data", "build", "--db", str(db)]) == 0
    return db


@pytest.fixture()
def db(built, tmp_path) -> Path:
    copy = tmp_path / "data" / "waspada.duckdb"
    copy.parent.mkdir()
    shutil.copyfile(built, copy)
    return copy


def test_data_build_creates_the_database(built):
    assert _count(built, "SELECT count(*) FROM regions") > 500
    assert _count(built, "SELECT count(*) FROM incidents") > 0


def test_data_load_stores_the_rows_of_a_csv(db, tmp_path, capsys):
    before = _count(db, "SELECT count(*) FROM incidents")
    f = tmp_path / "laporan.csv"
    f.write_bytes(csv_bytes([HEADER, good_row(), good_row(uraian="Posko paslon dilempari batu")]))
    assert main(["data", "load", str(f), "--db", str(db), "--by", "uji"]) == 0
    assert _count(db, "SELECT count(*) FROM incidents") == before + 2
    assert "2 baris baru" in capsys.readouterr().out


def test_data_load_lang_en_prints_refusals_in_english_and_json_stays_indonesian(db, tmp_path, capsys):
    f = tmp_path / "campuran.csv"
    f.write_bytes(csv_bytes([HEADER, good_row(), good_row(tanggal="31/02/2024", uraian="b"),
                             good_row(korban_luka="dua", uraian="c")]))
    assert main(["--lang", "en", "data", "load", str(f), "--db", str(db), "--by", "uji"]) == 0
    out = capsys.readouterr().out
    assert 'Refused:\n  Row 3, column "tanggal": date "31/02/2024" does not exist (February 2024 has only 29 days).' in out
    assert 'Row 4, column "korban_luka": "dua" is not a number' in out
    assert "Loaded into" in out and "Ditolak" not in out and "Baris" not in out
    assert main(["data", "load", str(f), "--db", str(db), "--json"]) == 0
    line = json.loads(capsys.readouterr().out.splitlines()[0])
    assert line["refused"][0] == {"row": 3, "column": "tanggal",
                                  "reason": 'tanggal "31/02/2024" tidak ada (Februari 2024 hanya 29 hari).'}
    missing = main(["--lang", "en", "data", "load", str(tmp_path / "tidak_ada.csv"), "--db", str(db)])
    err = capsys.readouterr().err
    assert missing == 2 and "FAILED tidak_ada.csv: the file cannot be opened" in err and "Nothing was loaded" in err


def test_users_create_then_the_user_exists_and_list_shows_it(tmp_path, capsys):
    db = tmp_path / "waspada.duckdb"
    assert main(["users", "create", "budi", "--role", "staf", "--regions", "65.71", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    password = next(line.split(":", 1)[1].strip() for line in out.splitlines() if "sekali pakai" in line)
    acc = Accounts.open(tmp_path / "accounts.duckdb")
    user = acc.login("budi", password).user
    assert (user.role, user.regions, user.must_change_password) == ("staf", ("65.71",), True)
    assert main(["users", "list", "--db", str(db)]) == 0
    assert "budi | Staf — Kota Tarakan (65.71)" in capsys.readouterr().out
    assert not db.exists()  # account commands never create the main database


def test_users_reset_password_and_unlock(tmp_path, capsys):
    db = tmp_path / "waspada.duckdb"
    acc = Accounts.open(tmp_path / "accounts.duckdb")
    acc.create_user("sari", "pimpinan", actor="uji", password="kata-sandi-sari")
    for _ in range(acc.settings.max_failures):
        acc.login("sari", "salah-salah-salah")
    assert not acc.login("sari", "kata-sandi-sari").ok  # locked
    assert main(["users", "unlock", "sari", "--db", str(db)]) == 0
    assert acc.login("sari", "kata-sandi-sari").ok
    assert main(["users", "reset-password", "sari", "--db", str(db)]) == 0
    new = next(line.split(":", 1)[1].strip() for line in capsys.readouterr().out.splitlines()
               if "sekali pakai" in line)
    assert acc.login("sari", new).ok and not acc.login("sari", "kata-sandi-sari").ok
    assert main(["users", "unlock", "tidak-ada", "--db", str(db)]) == 2
    assert 'pengguna "tidak-ada" tidak ada' in capsys.readouterr().err


def test_backup_create_verify_restore_round_trip(db, tmp_path, capsys):
    Accounts.open(db.parent / "accounts.duckdb").create_user("kepala", "pimpinan", actor="uji",
                                                             password="kata-sandi-kepala")
    incidents = _count(db, "SELECT count(*) FROM incidents")
    assert main(["backup", "create", "--to", str(tmp_path / "backups"), "--db", str(db)]) == 0
    [folder] = list((tmp_path / "backups").iterdir())
    assert main(["backup", "verify", str(folder)]) == 0
    db.unlink()
    (db.parent / "accounts.duckdb").unlink()
    assert main(["backup", "restore", str(folder), "--db", str(db)]) == 0
    assert _count(db, "SELECT count(*) FROM incidents") == incidents
    assert Accounts.open(db.parent / "accounts.duckdb").login("kepala", "kata-sandi-kepala").ok
    out = capsys.readouterr().out
    assert "Cadangan selesai" in out and "Cadangan utuh" in out and f"{incidents} insiden" in out
    (folder / "waspada.duckdb").write_bytes(b"rusak")
    assert main(["backup", "verify", str(folder)]) == 1
    assert "Cadangan rusak" in capsys.readouterr().err


def test_report_weekly_writes_a_pdf_and_an_xlsx(built, tmp_path):
    pdf, xlsx = tmp_path / "mingguan.pdf", tmp_path / "mingguan.xlsx"
    for out in (pdf, xlsx):
        assert main(["report", "weekly", "--province", "65", "--week", "2024-11-18", "--out", str(out),
                     "--db", str(built)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames[0] == "Ringkasan"
    assert main(["report", "weekly", "--province", "99", "--week", "2024-11-18", "--out", str(pdf),
                 "--db", str(built)]) == 2


def test_lang_en_prints_english_and_the_default_is_indonesian(tmp_path):
    args = ["users", "ensure-admin", "--db", str(tmp_path / "waspada.duckdb")]
    english = _run("--lang", "en", *args)
    assert english.returncode == 0, english.stderr
    assert "one-time password" in english.stdout and "kata sandi" not in english.stdout
    again = _run(*args)
    assert again.returncode == 0 and "Akun admin sudah ada" in again.stdout
    bad = _run("users", "create", "xy", "--role", "staf", "--regions", "99.99", "--db", str(tmp_path / "w.duckdb"),
               "--lang=en")
    assert bad.returncode == 2 and 'FAILED: regency/city code "99.99" is unknown' in bad.stderr


def test_python_m_etl_is_still_the_data_group(tmp_path):
    db = tmp_path / "waspada.duckdb"
    built = _run("build", "--db", str(db), "--no-sample", module="etl")
    assert built.returncode == 0, built.stderr
    assert "siap" in built.stdout and _count(db, "SELECT count(*) FROM incidents") == 0
    moved = _run("ensure-admin", "--db", str(db), module="etl")
    assert moved.returncode == 0 and "waspada users ensure-admin" in moved.stderr
