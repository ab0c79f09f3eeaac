"""The weekly cycle from the command line (issue 15 point 5): `report weekly --week 2024-W47`, as
`waspada` and as `python -m etl`, with the week's actions in the workbook and the PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date, datetime, timezone

import openpyxl
import pytest

from waspada import actions
from waspada.cli import main
from waspada.cli.report import week_day
from waspada.db import Database
from waspada.reports import weekly

ROOT = weekly.__file__.rsplit("/waspada/", 1)[0]


@pytest.fixture
def db(sample_db, tmp_path, fresh_accounts):
    path = tmp_path / "waspada.duckdb"
    shutil.copyfile(sample_db, path)
    acc = fresh_accounts
    acc.create_user("budi", "staf", actor="test", password="sandi-uji-yang-panjang", regions=["65.71"])
    budi = acc.get_user("budi")
    now = datetime(2024, 11, 20, 8, 0, tzinfo=timezone.utc)
    done = actions.add_action(Database(path), acc, budi, actions.NewAction(
        "65.71", "kampanye", "Rakor pengamanan kampanye akbar", "Polres", responsible="AKP Sari"), now=now)
    actions.change_status(Database(path), acc, budi, done, "selesai", result="Rakor 20/11, 40 personel",
                          done_on=date(2024, 11, 20), now=now)
    actions.add_action(Database(path), acc, budi, actions.NewAction(
        "65.71", "masa_tenang", "Patroli masa tenang", "Kodim", due_on=date(2024, 11, 23)), now=now)
    return path


def test_an_iso_week_is_its_monday_and_a_date_is_itself():
    assert week_day("2024-W47", "id") == date(2024, 11, 18)
    assert week_day("2024w47", "id") == date(2024, 11, 18)
    assert week_day("2024-11-20", "id") == date(2024, 11, 20)
    assert week_day("2025-W01", "id") == date(2024, 12, 30)  # ISO week 1 of 2025 starts in 2024


@pytest.mark.parametrize("bad", ["2024-W54", "2024-W00", "minggu 47", "2024-13-01"])
def test_a_bad_week_is_refused_in_the_readers_language(db, tmp_path, capsys, bad):
    assert main(["report", "weekly", "--province", "65", "--week", bad, "--out", str(tmp_path / "a.pdf"),
                 "--db", str(db)]) == 2
    assert f"minggu '{bad}' tidak sah" in capsys.readouterr().err


def test_report_weekly_by_iso_week_carries_the_actions(db, tmp_path):
    out = tmp_path / "mingguan.xlsx"
    assert main(["report", "weekly", "--province", "65", "--week", "2024-W47", "--out", str(out), "--db", str(db)]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == list(weekly.SHEETS)
    done = [r for r in wb["Aksi minggu ini"].iter_rows(values_only=True) if isinstance(r[0], int)]
    assert [(r[2], r[4], r[7]) for r in done] == [("Kota Tarakan", "Rakor pengamanan kampanye akbar",
                                                    "Rakor 20/11, 40 personel")]
    still = [r for r in wb["Aksi terbuka"].iter_rows(values_only=True) if isinstance(r[0], int)]
    assert [(r[3], r[7], r[8]) for r in still] == [("Patroli masa tenang", "rencana", "ya")]  # due the 23rd
    summary = {r[0]: r[1] for r in wb["Ringkasan"].iter_rows(values_only=True) if r[0]}
    assert summary["Aksi selesai minggu ini"] == 1 and summary["Aksi terbuka (terlambat)"] == "1 (1 terlambat)"
    # The same week by one of its dates gives the same report.
    again = tmp_path / "tanggal.xlsx"
    assert main(["report", "weekly", "--province", "65", "--week", "2024-11-21", "--out", str(again),
                 "--db", str(db)]) == 0
    assert ([list(r) for r in openpyxl.load_workbook(again)["Aksi minggu ini"].iter_rows(values_only=True)]
            == [list(r) for r in wb["Aksi minggu ini"].iter_rows(values_only=True)])


def test_python_m_etl_report_weekly_writes_the_pdf(db, tmp_path):
    out = tmp_path / "mingguan.pdf"
    run = subprocess.run([sys.executable, "-m", "etl", "report", "weekly", "--province", "65", "--week", "2024-W47",
                          "--out", str(out), "--db", str(db)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "18–24 November 2024" in run.stdout
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF")
    text = _pdf_text(out)
    if text is not None:  # pdftotext (poppler-utils) is installed where `make test` runs
        words = " ".join(text.split())
        # lettered sections, the actions after the incident tables
        assert re.search(r"\b[A-Z]\. Aksi yang diselesaikan minggu ini", words), words
        assert re.search(r"\b[A-Z]\. Aksi yang masih terbuka", words), words
        assert "Rakor pengamanan" in words and "personel" in words and "Patroli masa tenang" in words


def _pdf_text(path):
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    return subprocess.run([tool, "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
