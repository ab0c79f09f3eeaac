"""Ingest of a 50,000-row incident workbook versus merely reading it with pandas/openpyxl.

Generates (seeded) a messy workbook the way a province-wide compilation looks: merged title
block, header below it, dates in mixed spellings (real date cells, 14/10/2024, 8 Okt 2024,
"Senin, 18 November 2024", 07-10-2024), real region names from reference.regions() in
several variants (Kab./KAB/Kabupaten/Kota, capitals), kecamatan names, category synonyms,
about 1% bad rows, a TOTAL row and a signature block. Then, in the same run, it times

* the whole load: parse_incident_file (read with calamine, validate, match regions) plus
  store_incidents (archive, uploads row, insert) into a fresh copy of a reference database;
* pandas.read_excel(path, engine="openpyxl") reading the same file and doing nothing else.

Target (issue): load time < read_excel time, i.e. ratio < 1.

    python -m benchmarks.bench_ingest
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
import pandas as pd

from etl.build import build_database
from waspada import reference
from waspada.db import Database
from waspada.ingest import parse_incident_file, store_incidents

N_ROWS = 50_000
SEED = 20241127
MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember"]
MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nov", "Des"]
DAYS_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
HEADERS = ["NO", "HARI/TANGGAL", "PROVINSI", "KAB/KOTA", "KEC.", "DESA/KEL.", "TAHAPAN", "JENIS KEJADIAN",
           "URAIAN SINGKAT", "PELAKU", "LUKA", "MD", "SUMBER INFORMASI", "LAT", "LON"]


def _date_cell(rng: random.Random, day: dt.date):
    style = rng.randrange(5)
    if style == 0:
        return dt.datetime(day.year, day.month, day.day)
    if style == 1:
        return f"{day:%d/%m/%Y}"
    if style == 2:
        return f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year}"
    if style == 3:
        return f"{DAYS_ID[day.weekday()]}, {day.day} {MONTHS_ID[day.month - 1]} {day.year}"
    return f"{day:%d-%m-%Y}"


def _region_variant(rng: random.Random, name: str, short: str, kind: str) -> str:
    if kind.startswith("kota"):
        return rng.choice([name, name.upper(), f"Kota {short}", f"KOTA {short.upper()}"])
    return rng.choice([name, f"Kab. {short}", f"KAB. {short.upper()}", f"Kab {short}", name.upper()])


def make_workbook(path: Path, n_rows: int = N_ROWS, seed: int = SEED) -> int:
    """Write the workbook; returns the number of rows meant to be refused."""
    rng = random.Random(seed)
    regions = reference.regions()
    kab = regions[(regions["level"] == "kabupaten_kota")].reset_index(drop=True)
    kec = regions[regions["level"] == "kecamatan"]
    kec_by_kab = kec.groupby("kabkota_code")["name"].apply(list).to_dict()
    prov_name = regions[regions["level"] == "provinsi"].set_index("code")["name"].to_dict()
    aliases = reference.province_aliases()
    cats = reference.incident_categories()
    cat_words = [w for syn, name in zip(cats["synonyms"], cats["name_id"]) for w in [name, *syn]]
    stages = ["Kampanye", "Masa Tenang", "Pungut Hitung", "Rekap", "", "", ""]
    start = dt.date(2024, 8, 27)

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap Nasional"
    ws.append(["REKAPITULASI LAPORAN KEWASPADAAN DINI PILKADA SERENTAK 2024 (DATA UJI, DIBANGKITKAN)"])
    ws.append(["KESBANGPOL — GABUNGAN PROVINSI"])
    ws.append([])
    ws.merge_cells("A1:O1")
    ws.merge_cells("A2:O2")
    ws.append(HEADERS)
    bad = 0
    for i in range(n_rows):
        r = kab.iloc[rng.randrange(len(kab))]
        day = start + dt.timedelta(days=rng.randrange(110))
        date_cell = _date_cell(rng, day)
        if rng.random() < 0.01:  # a bad row now and then
            bad += 1
            date_cell = "31/02/2024"
        prov = rng.choice([prov_name[r.province_code], *aliases.get(r.province_code, []), ""])
        kecs = kec_by_kab.get(r.code, [""])
        ws.append([
            i + 1, date_cell, prov, _region_variant(rng, r["name"], r.short_name, r.kind),
            rng.choice(kecs), "", rng.choice(stages), rng.choice(cat_words),
            f"Kejadian uji nomor {i + 1} di {r.short_name}", rng.choice(["", "OTK", "Massa pendukung"]),
            rng.choice([0, 0, 0, 1, 2, ""]), rng.choice([0, 0, 0, 0, ""]),
            rng.choice(["Polres", "Bawaslu", "Kesbangpol kab/kota", "Media daring"]),
            round(r.lat, 4) if rng.random() < 0.3 else "", round(r.lon, 4) if rng.random() < 0.3 else "",
        ])
    last = ws.max_row
    ws.append(["TOTAL", None, None, None, None, None, None, None, None, None, f"=SUM(K5:K{last})", f"=SUM(L5:L{last})"])
    ws.append([])
    ws.append([None] * 11 + ["Jakarta, 20 Desember 2024"])
    ws.append([None] * 11 + ["Kepala Badan Kesbangpol"])
    ws.append([None] * 11 + ["NIP. 19700101 199001 1 001"])
    wb.save(path)
    return bad


def run(workdir: Path) -> list[dict]:
    workdir = Path(workdir)
    book = workdir / "insiden_50000_generated.xlsx"
    bad = make_workbook(book)
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
            "note": (f"muat penuh {load_s:.2f} s (baca+validasi {parse_s:.2f} s, simpan {load_s - parse_s:.2f} s); "
                     f"{size_mb:.1f} MB; {len(report.accepted)} diterima, {report.refused_rows} ditolak "
                     f"(sengaja {bad}), {len(report.ignored)} diabaikan, {stored} di basis data; "
                     f"read_excel {len(frame)} baris"),
        }
    ]


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="waspada-bench_ingest-") as tmp:
        for row in run(Path(tmp)):
            print(row)
    sys.exit(0)
