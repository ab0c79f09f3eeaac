"""Excel export of what a page shows, safe to open in a spreadsheet program."""

from __future__ import annotations

import io
from datetime import date, datetime

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

# A cell starting with one of these is read as a formula (or DDE) by Excel/LibreOffice.
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value):
    """A value that a spreadsheet will show as written, never evaluate.

    Text that starts with a formula trigger gets a leading apostrophe, the convention
    spreadsheet users know ("'=1+1" shows as =1+1). Numbers, dates and booleans pass
    unchanged; missing values become empty cells.
    """
    if value is None:
        return None
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_TRIGGERS) else value
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.to_pydatetime()
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, (bool, int, float, date, datetime)):
        return value
    text = str(value)
    if text.startswith(_FORMULA_TRIGGERS):
        return "'" + text
    return text


def to_excel_bytes(frame: pd.DataFrame, sheet_name: str = "Data", notes: list[str] | None = None) -> bytes:
    """One sheet with a header row and every row of ``frame``; optional note lines on top.

    Every cell passes through ``safe_cell``; string cells are stored as strings (data type
    's'), so even a guarded value is never parsed as a formula.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_name[:31]
    row = 1
    for note in notes or []:
        ws.cell(row=row, column=1, value=safe_cell(note)).data_type = "s"
        row += 1
    if notes:
        row += 1
    for col, name in enumerate(frame.columns, start=1):
        cell = ws.cell(row=row, column=col, value=safe_cell(str(name)))
        cell.data_type = "s"
    for values in frame.itertuples(index=False, name=None):
        row += 1
        for col, value in enumerate(values, start=1):
            safe = safe_cell(value)
            cell = ws.cell(row=row, column=col, value=safe)
            if isinstance(safe, str):
                cell.data_type = "s"
    for col, name in enumerate(frame.columns, start=1):
        width = max([len(str(name))] + [len(str(v)) for v in frame.iloc[:200, col - 1].tolist()])
        ws.column_dimensions[get_column_letter(col)].width = min(max(10, width + 2), 60)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
