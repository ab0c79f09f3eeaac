import io
from datetime import date

import openpyxl
import pandas as pd
import pytest

from waspada.export import safe_cell, to_excel_bytes


@pytest.mark.parametrize("text", ["=1+1", "+62 811", "-2+3", "@SUM(A1)", "\t=cmd", "\r=cmd", '=HYPERLINK("x")'])
def test_text_that_a_spreadsheet_would_evaluate_is_guarded(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Bentrok di TPS 3", "a=b", "", "Kec. Sesayap Hilir"])
def test_ordinary_text_is_unchanged(value):
    assert safe_cell(value) == value


def test_numbers_dates_and_missing_values_keep_their_type():
    assert safe_cell(-3) == -3
    assert safe_cell(2.5) == 2.5
    assert safe_cell(date(2024, 11, 27)) == date(2024, 11, 27)
    assert safe_cell(None) is None
    assert safe_cell(float("nan")) is None
    assert safe_cell(pd.NA) is None


def test_the_workbook_holds_guarded_strings_never_formulas():
    frame = pd.DataFrame({"Uraian": ["=cmd|' /C calc'!A0", "biasa"], "Luka": [2, 0],
                          "Tanggal": [date(2024, 11, 27), date(2024, 11, 28)]})
    book = openpyxl.load_workbook(io.BytesIO(to_excel_bytes(frame, notes=["@catatan"])))
    ws = book.active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "'@catatan"
    header = rows.index(("Uraian", "Luka", "Tanggal"))
    assert rows[header + 1][0] == "'=cmd|' /C calc'!A0"
    assert rows[header + 1][1] == 2
    assert all(cell.data_type != "f" for row in ws.iter_rows() for cell in row)
