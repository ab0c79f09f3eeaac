"""Excel export of what a page shows, safe to open in a spreadsheet program; and the one
home of what stored text may carry into any export (xlsx, PPTX, PDF).

Stored text comes from staff files, older databases and other paths, so an export never
trusts it: ``export_text`` removes the control characters that XML (xlsx, PPTX) and
reportlab refuse, and cuts pathological lengths at ``TEXT_LIMIT`` with a visible mark;
``safe_cell`` adds the formula guard for spreadsheets. (Long words and URLs wrap in PDF and
PPTX tables because waspada.reports.layout sizes columns for at most LONG_WORD_CHARS.)
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from waspada.i18n import DEFAULT_LANG, fmt_number, t

# The longest text one cell, slide box or table cell of an export holds: far above any
# real incident description (a news paragraph), far below Excel's own 32,767 per cell,
# and short enough that one row of the weekly PDF's narrowest text column fits on a page.
TEXT_LIMIT = 2000

# Characters XML 1.0 forbids (openpyxl's IllegalCharacterError, lxml for PPTX) and that
# reportlab cannot set; tab, newline and carriage return are kept. Also the non-characters
# U+FFFE/U+FFFF and lone surrogates, which cannot be encoded in a file at all.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")

# A cell starting with one of these is read as a formula (or DDE) by Excel/LibreOffice.
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def export_text(value, lang: str = DEFAULT_LANG, limit: int = TEXT_LIMIT) -> str:
    """Stored text made safe for any export: control characters removed, and text longer
    than ``limit`` cut with a visible mark in the reader's language ("… [dipotong, 32.767
    karakter]", the original length)."""
    text = _CONTROL.sub("", str(value))
    if len(text) > limit:
        text = text[:limit].rstrip() + " " + t("export_cut_mark", lang, n=fmt_number(len(text)))
    return text


def safe_cell(value, lang: str = DEFAULT_LANG):
    """A value that a spreadsheet will show as written, never evaluate, and that openpyxl
    can always write.

    Text passes through ``export_text`` (control characters out, long text cut). Text that starts with a formula trigger gets a leading apostrophe, the convention
    spreadsheet users know ("'=1+1" shows as =1+1). Numbers, dates and booleans pass
    unchanged; missing values become empty cells.
    """
    if value is None:
        return None
    if isinstance(value, str):
        return _guard(export_text(value, lang))
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
    return _guard(export_text(value, lang))


def _guard(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_TRIGGERS) else text


def unguarded(text: str) -> str:
    """The text a guarded cell stood for ("'=1+1" -> "=1+1"): what an import of Waspada's own
    export reads back, so a round trip keeps the text as it was typed."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_TRIGGERS) else text


def to_excel_bytes(frame: pd.DataFrame, sheet_name: str = "Data", notes: list[str] | None = None,
                   lang: str = DEFAULT_LANG) -> bytes:
    """One sheet with a header row and every row of ``frame``; optional note lines on top.

    Every cell passes through ``safe_cell``; string cells are stored as strings (data type
    's'), so even a guarded value is never parsed as a formula.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = re.sub(r"[\\/*?:\[\]]", " ", export_text(sheet_name, lang))[:31] or "Data"
    row = 1
    for note in notes or []:
        ws.cell(row=row, column=1, value=safe_cell(note, lang)).data_type = "s"
        row += 1
    if notes:
        row += 1
    for col, name in enumerate(frame.columns, start=1):
        cell = ws.cell(row=row, column=col, value=safe_cell(str(name), lang))
        cell.data_type = "s"
    for values in frame.itertuples(index=False, name=None):
        row += 1
        for col, value in enumerate(values, start=1):
            safe = safe_cell(value, lang)
            cell = ws.cell(row=row, column=col, value=safe)
            if isinstance(safe, str):
                cell.data_type = "s"
    for col, name in enumerate(frame.columns, start=1):
        width = max([len(str(name))] + [len(str(v)) for v in frame.iloc[:200, col - 1].tolist()])
        ws.column_dimensions[get_column_letter(col)].width = min(max(10, width + 2), 60)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
