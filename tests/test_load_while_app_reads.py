"""Issue 2's concurrency promise: `python -m etl load-incidents` succeeds while the app holds
its connection open, and the app then shows the new rows without a restart."""

from __future__ import annotations

import shutil
import subprocess
import sys

from apptest_helpers import assert_clean
from tests.workbooks import HEADER, good_row, xlsx
from waspada.paths import ROOT


def test_cli_load_while_the_app_is_open(open_app, sample_db, tmp_path):
    db_path = tmp_path / "waspada.duckdb"
    shutil.copyfile(sample_db, db_path)
    params = {"prov": "65", "wilayah": "65.71", "dari": "2024-10-14", "sampai": "2024-10-14"}
    at = open_app(db_path, page="insiden", params=params)
    assert_clean(at)
    before = at.dataframe[0].value if at.dataframe else None
    n_before = 0 if before is None else len(before)

    # The app's reader is open (AppTest keeps the session and its cached Database alive).
    workbook = xlsx(tmp_path / "laporan_tarakan.xlsx", [
        ["LAPORAN KEJADIAN MINGGUAN KOTA TARAKAN"], [],
        HEADER,
        good_row(uraian="Posko paslon di Kec. Tarakan Barat dilempari batu oleh OTK", jenis_kejadian="Perusakan"),
    ], merges=("A1:N1",))
    result = subprocess.run([sys.executable, "-m", "etl", "load-incidents", str(workbook), "--db", str(db_path),
                             "--json"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert '"new": 1' in result.stdout

    at.run()
    assert_clean(at)
    after = at.dataframe[0].value
    assert len(after) == n_before + 1
    assert "Posko paslon di Kec. Tarakan Barat dilempari batu oleh OTK" in set(after["Uraian"])
