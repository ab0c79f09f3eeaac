"""Incident files as staff send them: where the header is, what the columns are called,
how dates/regions/categories are written, and which rows are not data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from tests.workbooks import HEADER, csv_bytes, good_row, row, xlsx
from waspada.ingest import parse_incident_file
from waspada.ingest.dates import DateParser, parse_date

EXAMPLE = Path(__file__).parent / "data" / "contoh_laporan_mingguan_sumbar.xlsx"


def parse(path_or_bytes, name=None, **kw):
    return parse_incident_file(path_or_bytes, name, **kw)


def test_header_found_under_merged_title_block_and_rows_numbered_as_excel(tmp_path):
    rows = [
        ["LAPORAN KEJADIAN MENONJOL PILKADA 2024"],
        ["KESBANGPOL PROVINSI KALIMANTAN UTARA"],
        [],
        HEADER,
        good_row(),
        good_row(tanggal="15/10/2024", uraian="Kedua"),
    ]
    f = xlsx(tmp_path / "a.xlsx", rows, merges=("A1:N1", "A2:N2"))
    rep = parse(f)
    assert rep.header_row == 4
    assert rep.accepted["source_row"].tolist() == [5, 6]
    assert rep.accepted["region_code"].tolist() == ["65.71", "65.71"]
    assert rep.refused == []


def test_table_not_starting_in_column_a_keeps_excel_row_numbers(tmp_path):
    f = xlsx(tmp_path / "b.xlsx", [[], [], HEADER, good_row(tahapan=None, kecamatan=None)], start_col=3)
    rep = parse(f)
    assert rep.header_row == 3
    assert rep.accepted["source_row"].tolist() == [4]


def test_two_row_header_korban_over_luka_and_md(tmp_path):
    rows = [
        ["Rekap Kejadian"],
        ["No", "Hari/Tanggal", "Kab./Kota", "Jenis", "Kronologi", "KORBAN", None, "Sumber Informasi"],
        [None, None, None, None, None, "LUKA", "MD", None],
        [1, "Senin, 18 November 2024", "KAB. MALINAU", "Pengeroyokan", "Pendukung dikeroyok", 3, 1, "Polres"],
    ]
    f = xlsx(tmp_path / "c.xlsx", rows, merges=("A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:G2", "H2:H3"))
    rep = parse(f)
    assert rep.header_row == 3
    a = rep.accepted.iloc[0]
    assert (a["injured"], a["killed"]) == (3, 1)
    assert a["region_code"] == "65.02"
    assert a["category"] == "kekerasan_fisik"
    assert a["occurred_on"].date() == dt.date(2024, 11, 18)


def test_two_row_header_in_csv_without_merge_information():
    rows = [
        ["Tanggal", "Kabupaten/Kota", "Kategori", "Uraian Singkat", "Korban", ""],
        ["", "", "", "", "Luka-luka", "Meninggal Dunia"],
        ["8 Okt 2024", "Kota Tarakan", "Intimidasi", "Ancaman kepada PPS", "2 orang", "-"],
    ]
    rep = parse(csv_bytes(rows), "c.csv")
    a = rep.accepted.iloc[0]
    assert (a["injured"], a["killed"]) == (2, 0)
    assert rep.refused == []


@pytest.mark.parametrize(
    "headers",
    [
        ["Tgl", "Kabupaten/Kota", "Kejadian", "Uraian Singkat", "Luka", "Meninggal"],
        ["TANGGAL KEJADIAN", "Wilayah", "Kategori", "Keterangan", "Korban_Luka", "Korban Meninggal"],
        ["Waktu", "Lokasi (Kab/Kota)", "jenis_kejadian", "URAIAN", "korban luka", "MD"],
        ["hari / tanggal", "kab kota", "Jenis Kejadian", "Kronologi", "Luka-luka", "Meninggal Dunia"],
    ],
)
def test_header_synonyms_any_case_and_punctuation(headers):
    data = ["14-10-2024", "Kota Tarakan", "Politik uang", "Bagi-bagi uang", "1", "0"]
    rep = parse(csv_bytes([headers, data], sep=","), "s.csv")
    assert len(rep.accepted) == 1, rep.refused
    a = rep.accepted.iloc[0]
    assert (a["category"], a["injured"], a["description"]) == ("politik_uang", 1, "Bagi-bagi uang")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("07-10-2024", dt.date(2024, 10, 7)),
        ("10/10/2024", dt.date(2024, 10, 10)),
        ("10.11.2024", dt.date(2024, 11, 10)),
        ("8/10/24", dt.date(2024, 10, 8)),
        ("2024-10-08", dt.date(2024, 10, 8)),
        ("8 Okt 2024", dt.date(2024, 10, 8)),
        ("08 Oktober 2024", dt.date(2024, 10, 8)),
        ("Senin, 18 November 2024", dt.date(2024, 11, 18)),
        ("Jum'at, 11 Oktober 2024", dt.date(2024, 10, 11)),
        ("8 Oktober 2024 10.30 WITA", dt.date(2024, 10, 8)),
        ("3 Peb 2024", dt.date(2024, 2, 3)),
        ("3 Agt 2024", dt.date(2024, 8, 3)),
        ("3 Nop 2024", dt.date(2024, 11, 3)),
        ("3 Sept 2024", dt.date(2024, 9, 3)),
        ("3 Dec 2024", dt.date(2024, 12, 3)),
        ("45573", dt.date(2024, 10, 8)),  # Excel serial number in a CSV
        (45573.0, dt.date(2024, 10, 8)),
        (dt.datetime(2024, 10, 9, 14, 0), dt.date(2024, 10, 9)),
    ],
)
def test_date_spellings_day_first(text, expected):
    assert parse_date(text) == (expected, None)


def test_impossible_date_message_names_month_length():
    day, reason = parse_date("31/02/2024")
    assert day is None and str(reason) == 'tanggal "31/02/2024" tidak ada (Februari 2024 hanya 29 hari).'
    assert reason.render("en") == 'date "31/02/2024" does not exist (February 2024 has only 29 days).'


def test_far_off_dates_refused():
    p = DateParser(today=dt.date(2024, 12, 1))
    assert p("14/10/1999")[0] is None and "sebelum tahun 2000" in str(p("14/10/1999")[1])
    assert p("14/10/2026")[0] is None and "setahun ke depan" in str(p("14/10/2026")[1])
    assert p("14/10/2025")[0] == dt.date(2025, 10, 14)


def test_mixed_dates_in_one_workbook_including_real_date_cells(tmp_path):
    rows = [HEADER,
            good_row(tanggal=dt.datetime(2024, 10, 9), uraian="a"),
            good_row(tanggal="8 Okt 2024", uraian="b"),
            good_row(tanggal="Jumat, 11 Oktober 2024", uraian="c"),
            good_row(tanggal=45580, uraian="d")]
    rep = parse(xlsx(tmp_path / "d.xlsx", rows))
    assert [d.date() for d in rep.accepted["occurred_on"]] == [
        dt.date(2024, 10, 9), dt.date(2024, 10, 8), dt.date(2024, 10, 11), dt.date(2024, 10, 15)]


def test_totals_blank_and_signature_rows_are_ignored_not_refused(tmp_path):
    rows = [
        ["No", *HEADER],
        [1, *good_row(uraian="a")],
        [None],
        [2, *good_row(uraian="b", korban_luka=2)],
        ["JUMLAH", None, None, None, None, None, None, None, None, None, "=SUM(K2:K4)", None],
        [None, None, None, None, None, None, None, None, "Sub Total"],
        [],
        [None, None, None, None, None, None, None, None, None, None, "Tanjung Selor, 14 Oktober 2024"],
        [None, None, None, None, None, None, None, None, None, None, "Kepala Badan Kesbangpol"],
        [],
        [None, None, None, None, None, None, None, None, None, None, "Drs. H. Fulan, M.Si"],
        [None, None, None, None, None, None, None, None, None, None, "NIP. 19700101 199001 1 001"],
    ]
    rep = parse(xlsx(tmp_path / "e.xlsx", rows))
    assert rep.refused == []
    assert rep.data_rows == 2 and len(rep.accepted) == 2
    reasons = {i["row"]: str(i["reason"]) for i in rep.ignored}
    assert reasons[3] == "baris kosong"
    assert reasons[5] == reasons[6] == "baris jumlah/total"
    assert all("tanda tangan" in reasons[r] for r in (8, 9, 11, 12))


def test_description_starting_with_jumlah_is_data_not_a_total_row():
    rows = [HEADER, good_row(uraian="Jumlah massa sekitar 200 orang menghadang logistik")]
    rep = parse(csv_bytes(rows), "j.csv")
    assert len(rep.accepted) == 1


def test_csv_semicolon_cp1252_and_comma_utf8_bom():
    rows = [HEADER, good_row(uraian="Pengrusakan baliho \u2013 caf\u00e9", pelaku="Oknum")]
    for data in (csv_bytes(rows, sep=";", encoding="cp1252"), csv_bytes(rows, sep=",", encoding="utf-8", bom=True)):
        rep = parse(data, "x.csv")
        assert rep.accepted["description"].tolist() == ["Pengrusakan baliho \u2013 caf\u00e9"]
        assert rep.accepted["category"].tolist() == ["perusakan"]


def test_region_codes_and_name_variants():
    names = ["65.71", "6571", "KOTA TARAKAN", "  kota   tarakan ", "Tarakan", "Kab. Malinau", "KAB MALINAU",
             "Kabupaten Malinau", "Jakarta Pusat", "Kota Administrasi Jakarta Pusat"]
    rows = [HEADER] + [good_row(kabupaten_kota=n, kecamatan=None, uraian=f"u{i}") for i, n in enumerate(names)]
    rep = parse(csv_bytes(rows), "r.csv")
    assert rep.refused == []
    assert rep.accepted["region_code"].tolist() == ["65.71"] * 5 + ["65.02"] * 3 + ["31.71"] * 2


def test_province_column_narrows_and_abbreviations_work():
    # "Banjar" is Kota Banjar (Jawa Barat) and Kabupaten Banjar (Kalimantan Selatan).
    rows = [HEADER,
            row(tanggal="1/10/2024", provinsi="Kalsel", kabupaten_kota="Banjar", jenis_kejadian="demo", uraian="a"),
            row(tanggal="1/10/2024", provinsi="Jawa Barat", kabupaten_kota="Banjar", jenis_kejadian="demo", uraian="b"),
            row(tanggal="1/10/2024", provinsi="NTT", kabupaten_kota="Kota Kupang", jenis_kejadian="demo", uraian="c")]
    rep = parse(csv_bytes(rows), "p.csv")
    assert rep.refused == []
    assert rep.accepted["region_code"].tolist() == ["63.03", "32.79", "53.71"]


def test_kecamatan_with_prefix_and_small_spelling_difference(tmp_path):
    rep = parse(csv_bytes([HEADER,
                           good_row(kecamatan="Kec. Tarakan Barat", uraian="a"),
                           good_row(kabupaten_kota="Kota Bukittinggi", kecamatan="Guguk Panjang", uraian="b")]), "k.csv")
    assert rep.accepted["kecamatan_code"].tolist() == ["65.71.01", "13.75.01"]
    assert [str(w["message"]) for w in rep.warnings] == ['kecamatan "Guguk Panjang" dibaca sebagai Guguak Panjang (13.75.01).']


def test_unknown_kecamatan_is_a_warning_and_the_row_is_kept():
    rep = parse(csv_bytes([HEADER, good_row(kecamatan="Kampung Entah")]), "k.csv")
    assert len(rep.accepted) == 1
    a = rep.accepted.iloc[0]
    assert a["kecamatan"] == "Kampung Entah"
    assert pd.isna(a["kecamatan_code"])
    assert [{**w, "message": str(w["message"])} for w in rep.warnings] == [{"row": 2, "column": "kecamatan",
                             "message": 'kecamatan "Kampung Entah" tidak ditemukan di Kota Tarakan; '
                                        "disimpan tanpa kode kecamatan."}]


@pytest.mark.parametrize(
    "raw, category",
    [("Perusakan APK", "perusakan"), ("Ujaran Kebencian / Hoaks", "hoaks_sara"), ("Bentrok Massa", "bentrok_massa"),
     ("serangan fajar", "politik_uang"), ("Kericuhan di TPS", "gangguan_tps"), ("netralitas_asn", "netralitas_asn"),
     ("PEMBAKARAN KANTOR KPU", "perusakan")],
)
def test_category_from_names_synonyms_and_keywords(raw, category):
    rep = parse(csv_bytes([HEADER, good_row(jenis_kejadian=raw)]), "c.csv")
    assert rep.accepted["category"].tolist() == [category]
    assert rep.accepted["category_raw"].tolist() == [raw]


def test_unknown_category_becomes_lainnya_with_warning_and_raw_text_kept():
    rep = parse(csv_bytes([HEADER, good_row(jenis_kejadian="Kejadian Menonjol", uraian="Dilaporkan ke atasan")]), "c.csv")
    assert rep.accepted["category"].tolist() == ["lainnya"]
    assert rep.accepted["category_raw"].tolist() == ["Kejadian Menonjol"]
    assert rep.warnings[0]["column"] == "jenis_kejadian" and '"lainnya"' in str(rep.warnings[0]["message"])


def test_phase_from_column_or_from_schedule():
    rows = [HEADER,
            good_row(tanggal="14/10/2024", tahapan="Masa Tenang", uraian="a"),    # column wins
            good_row(tanggal="14/10/2024", tahapan=None, uraian="b"),             # schedule: kampanye
            good_row(tanggal="27/11/2024", tahapan="Pungut Hitung", uraian="c"),
            good_row(tanggal="01/03/2024", tahapan=None, uraian="d"),             # before the first phase
            good_row(tanggal="01/12/2024", tahapan="Rekap", uraian="e")]
    rep = parse(csv_bytes(rows), "t.csv")
    got = list(zip(rep.accepted["phase"], rep.accepted["phase_from"]))
    assert got == [("masa_tenang", "file"), ("kampanye", "jadwal"), ("pemungutan_suara", "file"),
                   ("persiapan", "jadwal"), ("rekapitulasi", "file")]
    assert set(rep.accepted["election_id"]) == {"pilkada2024"}


# The first and last day of each phase (PKPU schedule, data/ reference): a row without a
# tahapan column gets the phase its date falls in, both ends included.
PHASE_EDGES = [("25/09/2024", "kampanye"), ("23/11/2024", "kampanye"), ("24/11/2024", "masa_tenang"),
               ("26/11/2024", "masa_tenang"), ("27/11/2024", "pemungutan_suara"), ("28/11/2024", "rekapitulasi"),
               ("16/12/2024", "rekapitulasi"), ("17/12/2024", "penetapan"), ("20/02/2025", "pelantikan")]


def test_phase_from_schedule_at_each_phase_boundary():
    rows = [HEADER] + [good_row(tanggal=day, tahapan=None, uraian=f"batas {i}") for i, (day, _) in enumerate(PHASE_EDGES)]
    rep = parse(csv_bytes(rows), "batas.csv")
    assert rep.refused == []
    assert list(zip(rep.accepted["occurred_on"].dt.strftime("%d/%m/%Y"), rep.accepted["phase"])) == PHASE_EDGES
    assert set(rep.accepted["phase_from"]) == {"jadwal"}


def test_injured_and_killed_columns_are_stored_as_written():
    rep = parse(csv_bytes([HEADER, good_row(korban_luka=3, korban_meninggal=1),
                           good_row(korban_luka=0, korban_meninggal=2, uraian="b")]), "k.csv")
    assert rep.accepted[["injured", "killed"]].values.tolist() == [[3, 1], [0, 2]]


def test_date_after_every_election_without_phase_is_refused():
    rep = parse(csv_bytes([HEADER, good_row(tanggal="01/04/2025")]), "t.csv", today=dt.date(2025, 5, 1))
    assert rep.accepted.empty
    assert rep.refused[0]["column"] == "tanggal" and "isi kolom tahapan" in str(rep.refused[0]["reason"])
    # With a phase the row is kept, tied to the election that ended last.
    rep = parse(csv_bytes([HEADER, good_row(tanggal="01/04/2025", tahapan="penetapan")]), "t.csv",
                today=dt.date(2025, 5, 1))
    assert rep.accepted["election_id"].tolist() == ["pilkada2024"]


def test_casualties_blank_dash_and_orang():
    rows = [HEADER, good_row(korban_luka=None, korban_meninggal="-", uraian="a"),
            good_row(korban_luka="2 orang", korban_meninggal=1.0, uraian="b")]
    rep = parse(csv_bytes(rows), "n.csv")
    assert rep.accepted["injured"].tolist() == [0, 2]
    assert rep.accepted["killed"].tolist() == [0, 1]
    assert rep.warnings == []


def test_coordinates_outside_indonesia_dropped_with_warning():
    rows = [HEADER, good_row(lat="3,30", lon="117,6", uraian="a"), good_row(lat=48.85, lon=2.35, uraian="b")]
    rep = parse(csv_bytes(rows), "g.csv")
    assert rep.accepted["lat"].tolist()[0] == pytest.approx(3.3)
    assert rep.accepted["lon"].isna().tolist() == [False, True]
    assert len(rep.warnings) == 1 and "di luar wilayah Indonesia" in str(rep.warnings[0]["message"])


def test_example_workbook_loads():
    """tests/data/contoh_laporan_mingguan_sumbar.xlsx is made up (see tests/data/README.md)."""
    rep = parse(EXAMPLE)
    assert rep.header_row == 5
    assert rep.refused == []
    assert len(rep.accepted) == 5
    assert rep.accepted["region_code"].tolist() == ["13.71", "13.08", "13.02", "13.75", "13.05"]
    assert [d.date().day for d in rep.accepted["occurred_on"]] == [7, 8, 9, 10, 11]
    assert rep.accepted["category"].tolist() == ["konflik_pemilihan", "politik_uang", "unjuk_rasa", "hoaks_sara", "bentrok_massa"]
    assert rep.accepted["injured"].tolist() == [0, 0, 0, 0, 2]
    assert {i["row"]: str(i["reason"]) for i in rep.ignored}[11] == "baris jumlah/total"
    assert len(rep.ignored) == 4


def test_template_file_is_read_and_its_example_row_is_not_loaded():
    from waspada.paths import TEMPLATES_DIR

    rep = parse(TEMPLATES_DIR / "Template_Laporan_Insiden.csv")
    assert rep.header_row == 1
    assert rep.data_rows == 0 and rep.accepted.empty
    assert rep.to_json()["ignored"] == [{"row": 2, "reason": "baris contoh dari templat"}]


def test_instructions_sheet_before_the_data_sheet_is_skipped(tmp_path):
    f = xlsx(tmp_path / "m.xlsx", [HEADER, good_row()],
             extra_sheets={"Petunjuk": [["Isi tabel di lembar Laporan"], ["Kolom wajib: tanggal, uraian"]]})
    rep = parse(f)
    assert rep.sheet == "Laporan" and len(rep.accepted) == 1


# -- casualty columns as police and Kesbangpol tables write them (issue 13) ------------------
def _casualty_file(header: list[str], *cells) -> bytes:
    base = ["Tanggal", "Kab/Kota", "Jenis Kejadian", "Uraian"]
    rows = [base + header]
    for i, values in enumerate(cells):
        rows.append(["14/10/2024", "Kota Tarakan", "Pengeroyokan", f"Pendukung paslon dikeroyok {i}", *values])
    return csv_bytes(rows)


def test_md_and_ll_columns_store_dead_and_injured():
    rep = parse(_casualty_file(["Korban MD", "Korban LL"], [1, 4], ["-", "nihil"], [0, "2 orang"]), "c.csv")
    assert rep.refused == []
    assert rep.accepted["killed"].tolist() == [1, 0, 0]
    assert rep.accepted["injured"].tolist() == [4, 0, 2]
    assert not any("Korban LL" in str(w["message"]) for w in rep.warnings)


def test_lb_and_lr_are_kept_and_add_up_to_injured():
    rep = parse(_casualty_file(["MD", "LB", "LR"], [0, 2, 3], [1, "-", 1]), "c.csv")
    assert rep.refused == []
    assert rep.accepted["injured"].tolist() == [5, 1]
    assert rep.accepted["injured_severe"].tolist() == [2, 0]
    assert rep.accepted["injured_light"].tolist() == [3, 1]
    assert rep.accepted["killed"].tolist() == [0, 1]


def test_ll_that_disagrees_with_lb_plus_lr_is_refused_not_guessed():
    rep = parse(_casualty_file(["LL", "LB", "LR"], [4, 2, 3], [5, 2, 3]), "c.csv")
    assert len(rep.accepted) == 1 and rep.accepted["injured"].tolist() == [5]
    assert [r["row"] for r in rep.refused] == [2]


@pytest.mark.parametrize("cell, killed, injured", [
    ("2 MD, 5 LL", 2, 5), ("1 meninggal dunia dan 3 luka-luka", 1, 3), ("MD: 1, LL: 4", 1, 4),
    ("1 tewas, 2 luka berat, 3 luka ringan", 1, 5), ("nihil", 0, 0), ("-", 0, 0), ("", 0, 0),
])
def test_combined_casualty_cell(cell, killed, injured):
    rep = parse(_casualty_file(["Korban"], [cell]), "c.csv")
    assert rep.refused == []
    assert (rep.accepted["killed"].item(), rep.accepted["injured"].item()) == (killed, injured)


def test_bare_number_under_korban_is_refused_because_dead_or_injured_is_not_said():
    rep = parse(_casualty_file(["Korban"], ["3"]), "c.csv")
    assert rep.accepted.empty and rep.refused[0]["column"] == "Korban"


def test_unreadable_casualty_column_is_a_column_problem_at_the_top():
    from waspada.ingest.incidents import column_problems

    rep = parse(_casualty_file(["MD", "LL"], [0, "banyak"], [0, "beberapa"], [0, 1]), "c.csv")
    problems = column_problems(rep)
    assert [p["column"] for p in problems] == ["LL"]
    assert rep.warnings[0] is problems[0]
    assert "2 dari 3" in str(problems[0]["message"])


def test_unrecognised_casualty_looking_header_is_a_column_problem():
    from waspada.ingest.incidents import column_problems

    rep = parse(_casualty_file(["MD", "Korban Hilang"], [0, 1]), "c.csv")
    assert [p["column"] for p in column_problems(rep)] == ["Korban Hilang"]


def test_category_source_and_origin_are_stored():
    rows = [["Tanggal", "Kab/Kota", "Jenis Kejadian", "Uraian", "Sumber"],
            ["14/10/2024", "Kota Tarakan", "Sengketa Lahan", "Warga saling klaim tanah", "Polres Tarakan"],
            ["14/10/2024", "Kota Tarakan", "", "Tim sukses membagikan amplop berisi uang", "Pak RT 05"]]
    rep = parse(csv_bytes(rows), "c.csv")
    a = rep.accepted
    assert a["category"].tolist() == ["konflik_lahan_sda", "politik_uang"]
    assert a["category_from"].tolist() == ["kolom", "uraian"]
    assert a["source_kind"].iloc[0] == "polri" and pd.isna(a["source_kind"].iloc[1])
    assert a["source"].tolist() == ["Polres Tarakan", "Pak RT 05"]
    assert any(w["column"] == "Jenis Kejadian" and "amplop berisi uang" in str(w["message"]) for w in rep.warnings)
