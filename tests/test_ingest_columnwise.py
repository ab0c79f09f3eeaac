"""The incident parser validates a sheet column by column, each distinct cell (or pair of
cells) once. What a person relies on must not change with that: every row gets its own
answer, in its own province, for its own cell type, and the report lists rows in order,
each row's notes in the order of its columns."""

from __future__ import annotations

import math

from tests.workbooks import HEADER, csv_bytes, good_row, xlsx
from waspada.ingest import parse_incident_file
from waspada.ingest.dates import DateParser
from waspada.ingest.incidents import per_distinct
from waspada.ingest.vocab import category_vocabulary


def keys(entries: list[dict], field: str) -> list[tuple]:
    return [(e["row"], e["column"], e[field].key) for e in entries]


def test_per_distinct_gives_each_row_its_own_cells_answer_true_is_not_one():
    seen = []

    def describe(value):
        seen.append(value)
        return f"{type(value).__name__}:{value}"

    nan = float("nan")
    column = ["a", True, 1.0, "a", 1, True, nan, None, 1.0]
    assert per_distinct(describe, column) == [
        "str:a", "bool:True", "float:1.0", "str:a", "int:1", "bool:True", "float:nan", "NoneType:None", "float:1.0"]
    assert len(seen) == 6  # a, True, 1.0, 1, nan, None: each once
    pairs = per_distinct(lambda a, b: (a, b), ["x", "x", "y"], [1.0, 2.0, 1.0])
    assert pairs == [("x", 1.0), ("x", 2.0), ("y", 1.0)]
    assert math.isnan(per_distinct(lambda v: v, [nan])[0])


def test_date_parser_reads_a_true_cell_and_serial_one_each_for_itself():
    parse = DateParser()
    assert parse(1.0)[1].key == "ingest_not_a_date"
    assert parse(True)[1].key == "ingest_date_unreadable"  # once 1.0 was read, True hit its answer
    assert parse(1.0)[1].key == "ingest_not_a_date"


def test_typed_true_and_one_in_the_date_column_refused_each_for_its_own_reason(tmp_path):
    f = xlsx(tmp_path / "b.xlsx", [HEADER, good_row(tanggal=1), good_row(tanggal=True, uraian="Kedua"),
                                   good_row(uraian="Ketiga")])
    rep = parse_incident_file(f)
    assert keys(rep.refused, "reason") == [(2, "tanggal", "ingest_not_a_date"), (3, "tanggal", "ingest_date_unreadable")]
    assert rep.accepted["source_row"].tolist() == [4]


def test_one_region_name_read_within_each_rows_own_province():
    rows = [HEADER,
            good_row(provinsi="Jawa Barat", kabupaten_kota="Kab. Bogor", kecamatan="Cibinong", uraian="Satu"),
            good_row(provinsi="Banten", kabupaten_kota="Kab. Bogor", kecamatan="Cibinong", uraian="Dua"),
            good_row(provinsi="Jawa Barat", kabupaten_kota="Kab. Bogor", kecamatan="Cibinong", uraian="Tiga"),
            good_row(provinsi="", kabupaten_kota="Kab. Bogor", kecamatan="Tarakan Barat", uraian="Empat")]
    rep = parse_incident_file(csv_bytes(rows), "bogor.csv")
    assert keys(rep.refused, "reason") == [(3, "kabupaten_kota", "ingest_region_not_in_province")]
    assert rep.accepted["source_row"].tolist() == [2, 4, 5]
    assert rep.accepted["region_code"].tolist() == ["32.01", "32.01", "32.01"]
    assert rep.accepted["province_code"].tolist() == ["32", "32", "32"]
    # The kecamatan is looked up in each row's own kabupaten/kota: Tarakan Barat is not in Bogor.
    assert rep.accepted["kecamatan_code"].notna().tolist() == [True, True, False]
    assert keys(rep.warnings, "message") == [(5, "kecamatan", "ingest_kecamatan_not_found")]


def test_rows_reported_in_order_each_rows_notes_in_the_order_of_its_columns():
    rows = [HEADER,
            good_row(uraian="Baik"),
            # warnings: province read despite a typo, coordinates incomplete
            good_row(provinsi="Kalimatan Utara", lat="3,3", uraian="Dua"),
            # refused: date unreadable, description empty, casualties unreadable; warned: phase
            good_row(tanggal="kemarin", tahapan="masa panen", uraian="", korban_luka="banyak sekali"),
            # the same cells as row 3 again: the same answers, under its own row number
            good_row(provinsi="Kalimatan Utara", lat="3,3", uraian="Lima")]
    rep = parse_incident_file(csv_bytes(rows), "urut.csv")
    assert keys(rep.warnings, "message") == [
        (3, "provinsi", "ingest_province_read_as"), (3, "lon", "ingest_coordinates_incomplete"),
        (4, "tahapan", "ingest_phase_not_recognised"),
        (5, "provinsi", "ingest_province_read_as"), (5, "lon", "ingest_coordinates_incomplete")]
    assert keys(rep.refused, "reason") == [
        (4, "tanggal", "ingest_date_unreadable"), (4, "uraian", "ingest_description_empty"),
        (4, "korban_luka", "ingest_count_not_number")]
    assert rep.accepted["source_row"].tolist() == [2, 3, 5]
    assert rep.data_rows == 4


def test_category_read_from_the_type_alone_only_when_the_description_could_not_change_it():
    matcher = category_vocabulary()
    at_polls, at_market = "Warga dianiaya di TPS saat pencoblosan", "Warga dianiaya di pasar"
    # A generic type: the election context in the description decides, so it is read.
    assert matcher.decided_by_type("penganiayaan") is None
    assert matcher.resolve("penganiayaan", at_polls).category == "kekerasan_fisik"
    assert matcher.resolve("penganiayaan", at_market).category == "kriminalitas_umum"
    # 'lainnya' and an empty type: the description may suggest better.
    assert matcher.decided_by_type("lainnya") is None and matcher.decided_by_type("") is None
    assert matcher.resolve("lainnya", at_polls).came_from == "uraian"
    # A type that means one category in any context decides alone, as reading everything did.
    decided = matcher.decided_by_type("Perusakan APK")
    assert decided is not None and decided.category == "perusakan"
    assert matcher.resolve("Perusakan APK", at_polls) == matcher.resolve("Perusakan APK", at_market) == decided


def test_row_of_space_only_cells_and_one_value_is_a_note_not_data():
    rows = [HEADER, good_row(uraian="Baik"),
            ["   ", " ", "", "", "", "", "", "Catatan: laporan susulan menyusul", "  "] + [""] * 5,
            good_row(uraian="Dua")]
    rep = parse_incident_file(csv_bytes(rows), "catatan.csv")
    assert [(i["row"], i["reason"].key) for i in rep.ignored] == [(3, "ingest_ignored_note_in_column")]
    assert rep.accepted["source_row"].tolist() == [2, 4]
