"""What the fast ingest path must keep: the file's own error first, the garbage collector
back as it was, and alerts after a load identical to a full refresh."""

from __future__ import annotations

import gc
import threading

import pytest

from tests.workbooks import HEADER, csv_bytes, good_row
from waspada.ingest.errors import UnreadableFile
from waspada.ingest.read import gc_paused, read_sheets_while


def test_read_while_preparing_returns_the_sheets_and_what_was_prepared():
    sheets, prepared = read_sheets_while(csv_bytes([HEADER, good_row()]), "a.csv", lambda: "lookups")
    assert prepared == "lookups"
    assert sheets[0].rows[0][:3] == HEADER[:3]


def test_an_unreadable_file_is_the_error_even_when_preparing_failed_too():
    def prepare():
        raise RuntimeError("schedule missing")

    with pytest.raises(UnreadableFile) as caught:
        read_sheets_while(b"", "kosong.xlsx", prepare)
    assert caught.value.message.key == "ingest_file_empty"
    with pytest.raises(RuntimeError, match="schedule missing"):
        read_sheets_while(csv_bytes([HEADER, good_row()]), "a.csv", prepare)


def test_gc_paused_restores_the_collector_after_every_overlapping_parse():
    assert gc.isenabled()
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen = {}

    def second():
        first_in.wait()
        with gc_paused():
            second_in.set()
            first_out.wait()
            seen["after first left"] = gc.isenabled()

    worker = threading.Thread(target=second)
    worker.start()
    with gc_paused():
        first_in.set()
        second_in.wait()
        seen["inside"] = gc.isenabled()
    first_out.set()
    worker.join()
    assert seen == {"inside": False, "after first left": False}
    assert gc.isenabled()


def test_gc_paused_leaves_a_disabled_collector_disabled_and_survives_an_error():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(ValueError):
        with gc_paused():
            raise ValueError("bad row")
    assert gc.isenabled()


def _walk(rows: list[list]):
    from waspada.ingest.headers import find_header
    from waspada.ingest.incidents import FREE_TEXT, INCIDENT_FIELDS
    from waspada.ingest.read import Sheet
    from waspada.ingest.report import ParseReport
    from waspada.ingest.rows import data_columns

    match = find_header([Sheet("s", rows)], INCIDENT_FIELDS, "f.xlsx")
    report = ParseReport("incidents", "f.xlsx")
    excel_rows, columns = data_columns(match, report, FREE_TEXT)
    return excel_rows, columns, [(i["row"], i["reason"].key) for i in report.ignored]


def test_rows_of_every_width_are_walked_in_order_and_only_non_data_rows_ignored():
    head = ["No", "Tanggal", "Kabupaten/Kota", "Jenis Kejadian", "Uraian", "Korban Luka"]
    rows = [head,
            ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
            [1, "14/10/2024", "Kota Tarakan", "Perusakan APK", "Baliho dirusak", 0],
            [2, "15/10/2024", "Kota Tarakan", "Intimidasi"],  # short row: uraian missing, still data
            ["", "", "", "", "", ""],
            [3, "16/10/2024", "Kota Tarakan", "Perusakan APK", "Jumlah massa 30 orang", 1, "catatan"],
            ["", "", "", "", "Lihat lampiran"],  # one field filled: a note
            ["TOTAL", "", "", "", "", 1],
            [4, "17/10/2024", "Kota Tarakan", "Bentrok", "Dua kelompok", 2],
            ["", "Tarakan, 18 Oktober 2024"],
            ["", "Kepala Badan"],
            ["", "Budi"]]
    excel_rows, columns, ignored = _walk(rows)
    assert excel_rows == [3, 4, 6, 9]
    assert columns["uraian"] == ["Baliho dirusak", "", "Jumlah massa 30 orang", "Dua kelompok"]
    assert columns["korban_luka"] == [0, "", 1, 2]
    assert ignored == [(2, "ingest_ignored_column_numbers"), (5, "ingest_ignored_blank"),
                       (7, "ingest_ignored_note_in_column"), (8, "ingest_ignored_totals"),
                       (10, "ingest_ignored_signature"), (11, "ingest_ignored_signature"),
                       (12, "ingest_ignored_signature")]


def test_a_grid_of_one_width_gives_the_same_columns_as_a_ragged_one():
    head = ["Tanggal", "Kabupaten/Kota", "Jenis Kejadian", "Uraian"]
    data = [["14/10/2024", "Kota Tarakan", "Perusakan APK", f"Baliho {i}"] for i in range(5)]
    square = _walk([head] + [row + [""] for row in data])
    ragged = _walk([head] + data[:2] + [data[2] + ["x"]] + data[3:])
    assert square[0] == ragged[0] == [2, 3, 4, 5, 6]
    assert square[1] == ragged[1]
    assert square[2] == ragged[2] == []


def test_insert_skips_rows_already_stored_and_repeats_within_the_rows(tmp_path_factory, tmp_path):
    from tests.workbooks import reference_db
    from waspada.ingest import parse_incident_file
    from waspada.ingest.store import insert_incidents

    db = reference_db(tmp_path_factory, tmp_path)
    rows = parse_incident_file(csv_bytes([HEADER, good_row(uraian="Satu"), good_row(uraian="Dua")]), "a.csv").accepted
    with db.writer() as con:
        assert insert_incidents(con, rows.iloc[:1], upload_id=1) == 1
        repeated = rows.iloc[[0, 1, 1]].assign(source_row=[7, 8, 9])  # "Dua" twice: the first kept
        assert insert_incidents(con, repeated, upload_id=2) == 1
    stored = db.query_df("SELECT description, source_row, upload_id FROM incidents ORDER BY id")
    assert stored.values.tolist() == [["Satu", 2, 1], ["Dua", 8, 2]]


def test_accepted_frame_has_the_column_types_pandas_would_infer():
    import datetime as dt

    import pandas as pd

    from waspada.ingest.incidents import INCIDENT_COLUMNS, incident_frame

    n = 3
    columns = {c: ["x", None, "z"] for c in INCIDENT_COLUMNS}
    columns.update(occurred_on=[dt.date(2024, 10, d) for d in (1, 2, 3)], injured=[0, 1, 2], killed=[0, 0, 1],
                   source_row=[2, 3, 4], injured_severe=[None, 1, None], injured_light=[None, None, 2],
                   lat=[None, 1.5, None], lon=[None, 120.0, None], desa=[None] * n, perpetrator=["a", float("nan"), "b"])
    frame = incident_frame(columns)
    inferred = pd.DataFrame({c: columns[c] for c in ("description", "desa", "perpetrator")})
    pd.testing.assert_frame_equal(frame[["description", "desa", "perpetrator"]], inferred)
    assert str(frame["description"].dtype) == "str" and frame["desa"].dtype == object
    assert frame["description"].tolist()[0] == "x" and pd.isna(frame["description"].tolist()[1])
    assert frame["injured_severe"].dtype == "Int64" and frame["lat"].dtype == "Float64"
    assert incident_frame({c: [] for c in INCIDENT_COLUMNS}).empty
