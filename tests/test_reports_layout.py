"""Tables on slides and in PDFs: columns wide enough for their words, rows that fit the box."""

from __future__ import annotations

import pytest

from waspada.briefing import Table
from waspada.reports import layout as L

COLUMNS = ["Tanggal", "Nama", "Kategori", "Alasan"]
ROWS = [["20 November 2024", "Kabupaten Timor Tengah Selatan", "tinggi",
         "Tinggi karena 7 perusakan (2 dalam 7 hari terakhir), 2 kekerasan fisik (5 luka) dan IKP 2024 "
         "pengganti (dibangkitkan) tinggi (51,9)."]] * 12


def test_columns_fill_the_width_and_never_split_a_word_or_a_date():
    widths = L.column_widths(COLUMNS, ROWS, 6.0, 12)
    assert sum(widths) == pytest.approx(6.0)
    per_char = 12 * 0.56 / 72
    assert widths[0] >= len("20 November 2024") * per_char  # a short cell stays on one line
    assert widths[1] >= len("Kabupaten") * per_char  # the longest word fits
    assert widths[2] >= len("Kategori") * 12 * 0.64 / 72  # the bold header word fits
    assert widths[3] == max(widths)  # the long reasons get the room


def test_rows_that_fit_shrink_with_the_box_and_hidden_rows_are_counted():
    widths = L.column_widths(COLUMNS, ROWS, 6.0, 12)
    tall = L.rows_that_fit(COLUMNS, ROWS, widths, 12, 40.0)
    short = L.rows_that_fit(COLUMNS, ROWS, widths, 12, 2.0)
    assert tall == len(ROWS) and 1 <= short < tall
    table = Table(COLUMNS, ROWS, hidden=3).shown(short)
    assert len(table.rows) == short and table.hidden == 3 + len(ROWS) - short
    assert table.note("id") == f"… dan {3 + len(ROWS) - short} lainnya"
    assert Table(COLUMNS, ROWS[:2]).note("id") is None


def test_a_figure_label_carries_its_change_without_a_breakable_hyphen():
    from waspada.briefing import Figure

    label = L.figure_label(Figure("Insiden 7 hari terakhir", "42", "-11"))
    assert label == "Insiden 7 hari terakhir\u00a0(\u221211)"
