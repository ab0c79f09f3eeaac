"""Walk the rows under the header: hand data rows to the loader, and count as ignored the
rows that are not data (blank, column numbers, totals, notes, the signature block)."""

from __future__ import annotations

import itertools
import operator
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
    excel_rows, columns = data_columns(match, report, free_text, not_totals)
    names = list(columns)
    for excel_row, values in zip(excel_rows, zip(*columns.values())):
        yield excel_row, dict(zip(names, values))


class _Anything:
    """Stands for a set of texts that holds every row's (when the cells could not be hashed)."""

    def __bool__(self) -> bool:
        return True

    def isdisjoint(self, _other) -> bool:
        return False


_ANY = _Anything()


def _blank(value) -> bool:
    return value == "" or value is None or (type(value) is str and value.isspace())


def data_columns(match: HeaderMatch, report: ParseReport, free_text: set[str] = frozenset(),
                 not_totals: set[str] = frozenset()) -> tuple[list[int], dict[str, list]]:
    """The data rows of a sheet column by column: (their Excel row numbers, {field: the
    cells of that column, one per data row}); the other rows recorded as ignored, in order.
    The rules are data_rows' (same order, same reasons): this is the one place they live.

    Whole-sheet facts decide most rows at C speed: the count of filled cells comes from
    list.count, and the checks run only on the rows those counts and the few distinct texts
    that could make a totals or example row single out; the rest are data."""
    sheet = match.sheet
    columns = [(name, col.index) for name, col in match.columns.items()]
    free_cols = {i for name, i in columns if name in free_text}
    skip_cols = {i for name, i in columns if name in not_totals}
    start = match.data_start
    body = sheet.rows[start:]
    try:
        texts = [c for c in set(itertools.chain.from_iterable(body)) if type(c) is str]
    except TypeError:  # an unhashable cell (never from the readers): every row takes the slow checks
        texts = None
    has_space_only = texts is None or any(map(str.isspace, texts))  # else filled = not '' and not None
    # The texts that could make a row a totals row (_TOTALS_ONLY matches are among them) or
    # the template's example row; a row holding none of them is neither.
    if texts is None:
        totals_texts = example_texts = _ANY
    else:
        totals_texts = {m.string for m in filter(None, map(_TOTALS.match, texts)) if len(m.string) <= 40}
        example_texts = ({c for c in texts if c.startswith(TEMPLATE_EXAMPLE_MARK)}
                         if TEMPLATE_EXAMPLE_MARK in "\n".join(texts) else set())
    field_indexes = [i for _name, i in columns]
    # Filled cells outside the fields' columns bound how many can be missing from them.
    other_columns = {width: width - len({i for i in field_indexes if i < width}) for width in set(map(len, body))}
    if has_space_only:
        counts = [sum(1 for c in row if not _blank(c)) for row in body]
    else:
        counts = [len(row) - row.count("") - row.count(None) for row in body]
    # A row that is blank, may be a signature line or a note, or holds a text that could make
    # it a totals or example row takes the checks below; every other row is data. The first
    # row always does (column numbers).
    least = {width: max(SIGNATURE_MAX_CELLS + 1, other + 2) for width, other in other_columns.items()}
    if len(least) == 1:
        (bound,) = least.values()
        checked = {offset for offset, n in enumerate(counts) if n < bound}
    else:
        checked = {offset for offset, (n, row) in enumerate(zip(counts, body)) if n < least[len(row)]}
    checked.add(0)
    for found in (totals_texts, example_texts):
        if found:
            checked.update(itertools.compress(itertools.count(), map(operator.not_, map(found.isdisjoint, body))))
    in_signature = False
    kept: list[int] = []
    next_plain = 0  # body offsets from here to the next checked row are data
    for offset in sorted(checked):
        if offset >= len(body):
            break
        kept.extend(range(start + next_plain, start + offset))
        next_plain = offset + 1
        row, idx, n_filled = body[offset], start + offset, counts[offset]
        if not n_filled:
            report.ignore(sheet.excel_row(idx), msg("ingest_ignored_blank"))
            continue
        if n_filled <= SIGNATURE_MAX_CELLS or idx == start:
            filled = [c for c in row if not _blank(c)]
            if idx == start and _is_column_numbers(filled):
                report.ignore(sheet.excel_row(idx), msg("ingest_ignored_column_numbers"))
                continue
            if n_filled <= SIGNATURE_MAX_CELLS:
                texts_ = [cell_text(c) for c in filled]
                if in_signature or any(_PLACE_DATE.match(t) or _SIGNATURE.match(words(t)) for t in texts_):
                    in_signature = True
                    report.ignore(sheet.excel_row(idx), msg("ingest_ignored_signature"))
                    continue
        if totals_texts and not totals_texts.isdisjoint(row) and _is_totals(row, free_cols, skip_cols):
            report.ignore(sheet.excel_row(idx), msg("ingest_ignored_totals"))
            continue
        width = len(row)
        if example_texts and not example_texts.isdisjoint(row) and any(
                type(row[i]) is str and row[i].startswith(TEMPLATE_EXAMPLE_MARK) for i in field_indexes if i < width):
            report.ignore(sheet.excel_row(idx), msg("ingest_ignored_example"))
            continue
        if n_filled - other_columns[width] < 2:
            present = [name for name, i in columns if i < width and not _blank(row[i])]
            if len(present) < 2:
                report.ignore(sheet.excel_row(idx), msg("ingest_ignored_note_in_column",
                                                        column=match.columns[present[0]].header)
                              if present else msg("ingest_ignored_note"))
                continue
        kept.append(idx)
    kept.extend(range(start + next_plain, start + len(body)))
    rows = body if len(kept) == len(body) else [sheet.rows[i] for i in kept]
    if len(other_columns) == 1:  # every row as wide (calamine's grid, the CSV reader's): transpose in C
        (width,) = other_columns
        by_index = list(zip(*rows))
        return [sheet.excel_row(i) for i in kept], {
            name: list(by_index[i]) if i < width and rows else [""] * len(rows) for name, i in columns}
    out = {}
    narrowest = min(map(len, rows), default=0)
    for name, i in columns:
        if i < narrowest:
            out[name] = list(map(operator.itemgetter(i), rows))
        else:
            out[name] = [r[i] if i < len(r) else "" for r in rows]
    return [sheet.excel_row(i) for i in kept], out
