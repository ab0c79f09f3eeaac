"""Old-format .xls workbooks (Excel 97-2003), which some offices still save."""

from __future__ import annotations

from datetime import datetime

import xlwt

from tests.workbooks import HEADER, reference_db
from waspada.ingest import parse_incident_file, store_incidents


def test_xls_with_title_block_and_real_dates_loads(tmp_path_factory, tmp_path):
    db = reference_db(tmp_path_factory, tmp_path)
    book = xlwt.Workbook()
    ws = book.add_sheet("Laporan")
    ws.write_merge(0, 0, 0, 5, "LAPORAN SITUASI KAB. KUPANG")
    for c, name in enumerate(["NO", "HARI/TANGGAL", "KAB/KOTA", "JENIS KEJADIAN", "URAIAN SINGKAT", "MD"]):
        ws.write(2, c, name)
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    ws.write(3, 0, 1)
    ws.write(3, 1, datetime(2024, 11, 27), date_style)
    ws.write(3, 2, "Kab. Kupang")
    ws.write(3, 3, "Kericuhan di TPS")
    ws.write(3, 4, "Pemilih tanpa undangan ditolak, terjadi adu mulut")
    ws.write(3, 5, 0)
    ws.write(4, 0, 2)
    ws.write(4, 1, "Kamis, 28 Nop 2024")
    ws.write(4, 2, "Kupang")  # ambiguous: Kabupaten Kupang or Kota Kupang
    ws.write(4, 3, "Unjuk rasa")
    ws.write(4, 4, "Massa mendatangi kantor PPK")
    ws.write(4, 5, 0)
    path = tmp_path / "laporan_lama.xls"
    book.save(str(path))

    report = parse_incident_file(path, db=db)

    assert report.header_row == 3
    accepted = report.accepted
    assert list(accepted["region_code"]) == ["53.01"]
    assert str(accepted["occurred_on"].iloc[0])[:10] == "2024-11-27"
    assert list(accepted["phase"]) == ["pemungutan_suara"]
    assert list(accepted["category"]) == ["gangguan_tps"]
    assert [r["row"] for r in report.refused] == [5]
    assert "53.01" in str(report.refused[0]["reason"]) and "53.71" in str(report.refused[0]["reason"])
    assert store_incidents(db, report, path, uploaded_by="uji").new == 1
