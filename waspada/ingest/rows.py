"""Walk the rows under the header: hand data rows to the loader, and count as ignored the
rows that are not data (blank, column numbers, totals, notes, the signature block)."""

from __future__ import annotations

import re
from typing import Iterator

from waspada.i18n import msg
from waspada.ingest.headers import HeaderMatch
from waspada.ingest.report import ParseReport
from waspada.ingest.text import cell_text, words

_TOTALS = re.compile(r"^\W*(?:sub\W*total|grand\W*total|total|jumlah|jml)\b", re.I)
# In a description column only a cell that is nothing but the word counts.
_TOTALS_ONLY = re.compile(r"^\W*(?:sub\W*total|grand\W*total|total|jumlah|jml)(?:\W+(?:keseluruhan|seluruhnya))?\W*$", re.I)
# "Tanjung Selor, 14 Oktober 2024", "Padang, 12-10-2024"
_PLACE_DATE = re.compile(
    r"^[^\d,]{2,50},\s*(?:\d{1,2}\s+[A-Za-z]+\.?\s+\d{4}|\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4})$"
)
_SIGNATURE = re.compile(
    r"^(?:kepala|kabid|kasubbid|kasubag|sekretaris|plt|plh|pj|a n|an|u b|mengetahui|menyetujui|disetujui|"
    r"dibuat oleh|yang membuat|pembuat laporan|pelapor|nip|nrp|ttd|pembina|penata|tanda tangan|"
    r"gubernur|bupati|wali ?kota|kesbangpol|badan kesatuan)\b"
)
# Templates carry one example row whose text cells start with this; it is never loaded.
TEMPLATE_EXAMPLE_MARK = "CONTOH (hapus baris ini)"
SIGNATURE_MAX_CELLS = 2  # signature lines hold one or two cells (two signers side by side)


def _is_column_numbers(cells: list) -> bool:
    """The '(1) (2) (3) ...' row Indonesian forms put under the header."""
    nums = []
    for c in cells:
        t = cell_text(c).strip("()")
        if not t.isdigit():
            return False
        nums.append(int(t))
    return len(nums) >= 3 and nums == list(range(nums[0], nums[0] + len(nums)))


def _is_totals(row: list, free_cols: set[int], skip_cols: set[int]) -> bool:
    """'TOTAL' / 'JUMLAH' / 'Sub Total' starting one of the first three filled text cells
    (the No column included: that is where people write it); in description columns only
    as the whole cell."""
    seen = 0
    for i, c in enumerate(row):
        if c == "" or not isinstance(c, str) or i in skip_cols:
            continue
        if len(c) <= 40 and (_TOTALS_ONLY if i in free_cols else _TOTALS).match(c):
            return True
        seen += 1
        if seen == 3:
            break
    return False


def data_rows(match: HeaderMatch, report: ParseReport, free_text: set[str] = frozenset(),
              not_totals: set[str] = frozenset()) -> Iterator[tuple[int, dict]]:
    """Yield (excel_row, {field: cell value}) for each data row; record the others as ignored.

    `free_text` fields (descriptions) count as a totals row only when the whole cell is
    "TOTAL"/"JUMLAH": a description may well start with "Jumlah massa ...". `not_totals`
    fields are never read as totals (IKP's dimension 'total' is data).
    """
    sheet = match.sheet
    columns = [(name, col.index) for name, col in match.columns.items()]
    free_cols = {i for name, i in columns if name in free_text}
    skip_cols = {i for name, i in columns if name in not_totals}
    in_signature = False
    for idx in range(match.data_start, len(sheet.rows)):
        row = sheet.rows[idx]
        excel_row = sheet.excel_row(idx)
        filled = [c for c in row if c != "" and c is not None and not (type(c) is str and c.isspace())]
        if not filled:
            report.ignore(excel_row, msg("ingest_ignored_blank"))
            continue
        if idx == match.data_start and _is_column_numbers(filled):
            report.ignore(excel_row, msg("ingest_ignored_column_numbers"))
            continue
        if len(filled) <= SIGNATURE_MAX_CELLS:
            texts = [cell_text(c) for c in filled]
            if in_signature or any(_PLACE_DATE.match(t) or _SIGNATURE.match(words(t)) for t in texts):
                in_signature = True
                report.ignore(excel_row, msg("ingest_ignored_signature"))
                continue
        width = len(row)
        if _is_totals(row, free_cols, skip_cols):
            report.ignore(excel_row, msg("ingest_ignored_totals"))
            continue
        values = {name: (row[i] if i < width else "") for name, i in columns}
        if any(type(v) is str and v.startswith(TEMPLATE_EXAMPLE_MARK) for v in values.values()):
            report.ignore(excel_row, msg("ingest_ignored_example"))
            continue
        present = [name for name, v in values.items()
                   if v != "" and v is not None and not (type(v) is str and v.isspace())]
        if len(present) < 2:
            report.ignore(excel_row, msg("ingest_ignored_note_in_column", column=match.columns[present[0]].header)
                          if present else msg("ingest_ignored_note"))
            continue
        yield excel_row, values
