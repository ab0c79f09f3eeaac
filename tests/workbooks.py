"""Builders for the messy files the ingest tests feed the parser (owned by the ingest tests).

Files are written with openpyxl (real Excel cells, merged ranges, formulas) or as CSV bytes
the way Excel on Indonesian Windows saves them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl

from waspada.db import Database

HEADER = ["tanggal", "provinsi", "kabupaten_kota", "kecamatan", "desa", "tahapan", "jenis_kejadian", "uraian",
          "pelaku", "korban_luka", "korban_meninggal", "sumber", "lat", "lon"]


def xlsx(path: Path, rows: list[list], merges: tuple[str, ...] = (), start_col: int = 1,
         sheet_title: str = "Laporan", extra_sheets: dict[str, list[list]] | None = None) -> Path:
    """A workbook with `rows` from row 1 (None = blank cell) and the given merged ranges."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet_title
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=start_col):
            if value is not None:
                ws.cell(row=r, column=c, value=value)
    for rng in merges:
        ws.merge_cells(rng)
    for title, srows in (extra_sheets or {}).items():
        other = wb.create_sheet(title, 0)
        for srow in srows:
            other.append(srow)
    wb.save(path)
    return path


def csv_bytes(rows: list[list], sep: str = ";", encoding: str = "cp1252", bom: bool = False) -> bytes:
    def cell(v) -> str:
        s = "" if v is None else str(v)
        return f'"{s}"' if (sep in s or '"' in s) else s

    text = "\r\n".join(sep.join(cell(v) for v in row) for row in rows) + "\r\n"
    data = text.encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def row(**values) -> list:
    """One template row; unnamed columns blank."""
    return [values.get(h) for h in HEADER]


def good_row(**overrides) -> list:
    base = dict(tanggal="14/10/2024", kabupaten_kota="Kota Tarakan", kecamatan="Tarakan Barat",
                jenis_kejadian="Perusakan APK", uraian="Baliho paslon dirusak", korban_luka=0, korban_meninggal=0,
                sumber="Panwascam")
    base.update(overrides)
    return row(**base)


class ReferenceDatabase:
    """Builds the reference-only database once (etl.build, no sample) and hands out copies."""

    def __init__(self, directory: Path):
        from etl.build import build_database

        self.master = directory / "master.duckdb"
        build_database(self.master, sample=False)

    def copy(self, directory: Path) -> Database:
        target = directory / "w.duckdb"
        shutil.copyfile(self.master, target)
        return Database(target)


_MASTER: ReferenceDatabase | None = None


def reference_db(tmp_path_factory, tmp_path: Path) -> Database:
    """A fresh copy of the reference database for one test (built once per session)."""
    global _MASTER
    if _MASTER is None:
        _MASTER = ReferenceDatabase(tmp_path_factory.mktemp("refdb"))
    return _MASTER.copy(tmp_path)
