"""Ingest of a 50,000-row incident workbook versus merely reading it with pandas/openpyxl.

Generates (seeded, etl.national.write_incident_workbook) a messy workbook the way a province-wide compilation looks: merged title
block, header below it, dates in mixed spellings (real date cells, 14/10/2024, 8 Okt 2024,
"Senin, 18 November 2024", 07-10-2024), real region names from reference.regions() in
several variants (Kab./KAB/Kabupaten/Kota, capitals), kecamatan names, category synonyms,
about 1% bad rows, a TOTAL row and a signature block. Then, in the same run, it times

* the whole load: parse_incident_file (file-safety check and calamine read in a worker
  thread while the lookups are built, then validate, match regions) plus store_incidents
  (archive, uploads row, insert, alert refresh, commit) into a fresh copy of a reference
  database;
* pandas.read_excel(path, engine="openpyxl") reading the same file and doing nothing else;
* python-calamine reading the cells and nothing else, and waspada.filesafety.check_upload
  alone: together the floor of the read (the check must finish before calamine starts);
* the alert refresh alone on the loaded database (refresh_alerts_after_load, part of the store);
* the peak Python memory of a second parse (tracemalloc, untimed: tracing slows it).

Target (issues): load time < read_excel time, i.e. ratio < 1; 40,000 rows/s or more.

    python -m benchmarks.bench_ingest
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import pandas as pd
import python_calamine

from etl.build import build_database
from etl.national import WORKBOOK_ROWS, write_incident_workbook
from waspada import filesafety
from waspada.db import Database
from waspada.ingest import parse_incident_file, store_incidents
from waspada.risk.alerts import refresh_alerts_after_load

N_ROWS = WORKBOOK_ROWS


def run(workdir: Path) -> list[dict]:
    workdir = Path(workdir)
    book = workdir / "insiden_50000_generated.xlsx"
    bad = write_incident_workbook(book, N_ROWS)
    master = workdir / "ref.duckdb"
    build_database(master, sample=False)
    db_path = workdir / "load" / "w.duckdb"
    db_path.parent.mkdir()
    shutil.copyfile(master, db_path)
    db = Database(db_path)

    t0 = time.perf_counter()
    report = parse_incident_file(book, db=db)
    t1 = time.perf_counter()
    result = store_incidents(db, report, book, uploaded_by="bench")
    load_s = time.perf_counter() - t0
    parse_s = t1 - t0

    t0 = time.perf_counter()
    frame = pd.read_excel(book, engine="openpyxl")
    read_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    cells = python_calamine.CalamineWorkbook.from_path(str(book)).get_sheet_by_index(0).to_python()
    calamine_s = time.perf_counter() - t0
    del cells

    data = book.read_bytes()
    t0 = time.perf_counter()
    filesafety.check_upload(data, book.name)
    check_s = time.perf_counter() - t0

    with db.writer() as con:  # the store's refresh again, alone: the same work, nothing new to store
        t0 = time.perf_counter()
        refresh_alerts_after_load(con)
        alerts_s = time.perf_counter() - t0

    tracemalloc.start()
    parse_incident_file(book, db=db)
    peak_mb = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()

    stored = db.query_df("SELECT count(*) AS n FROM incidents")["n"].iloc[0]
    size_mb = book.stat().st_size / 1e6
    return [
        {
            "name": "Ingest 50.000 baris (xlsx)",
            "value": N_ROWS / load_s,
            "unit": "baris/detik",
            "baseline": f"pandas.read_excel openpyxl: {read_s:.2f} s",
            "ratio": load_s / read_s,
            "target": "ratio < 1",
            "note": (f"muat penuh {load_s:.2f} s (baca+validasi {parse_s:.2f} s, simpan {load_s - parse_s:.2f} s, "
                     f"di antaranya penyegaran peringatan {alerts_s:.2f} s); "
                     f"{size_mb:.1f} MB; {len(report.accepted)} diterima, {report.refused_rows} ditolak "
                     f"(sengaja {bad}), {len(report.ignored)} diabaikan, {stored} di basis data; "
                     f"read_excel {len(frame)} baris; python-calamine saja {calamine_s:.2f} s "
                     f"({N_ROWS / calamine_s:,.0f} baris/detik), pemeriksaan filesafety saja {check_s:.2f} s; "
                     f"puncak memori parse kedua {peak_mb:.0f} MB (tracemalloc; baris kini duplikat)"),
        }
    ]


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="waspada-bench_ingest-") as tmp:
        for row in run(Path(tmp)):
            print(row)
    sys.exit(0)
