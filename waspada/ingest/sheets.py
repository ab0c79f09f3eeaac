"""Which sheets of a workbook are read, and their rows in one report.

A workbook may hold a log on every sheet (one per week, one per kecamatan). Every sheet
whose header row holds the required columns is read, into ONE report whose every row entry
names its sheet (``report.sheets`` lists the sheets read). A sheet that is clearly not a
log (a legend, instructions, a few notes, no table) is skipped with a warning naming it.
A sheet that looks like a log but cannot be read (a table without column headings, or one
missing a required column) refuses the whole file, naming the sheet: rows are never lost
without a word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from waspada.i18n import msg
from waspada.ingest.errors import IngestFileError, MissingColumns, NoHeaderRow, UnreadableFile
from waspada.ingest.headers import Field, HeaderMatch, find_header
from waspada.ingest.read import Sheet
from waspada.ingest.report import ParseReport
from waspada.ingest.rows import data_columns, data_rows

# A sheet without a header row but with a row of this many filled cells holds a table.
TABLE_ROW_CELLS = 4
# A header that matched this many columns (but misses a required one) is a log's header.
LOG_HEADER_COLUMNS = 3
NAMED_SHEETS = 10  # a refusal names this many unread sheets, then says how many more


@dataclass
class LogSheets:
    """The sheets to read and the report they fill.

    ``header`` maps field name -> the column heading of the sheet being read; ``rows()``
    updates it in place as it moves from sheet to sheet, so a loader may hold it."""

    report: ParseReport
    matches: list[HeaderMatch]
    header: dict[str, str] = field(default_factory=dict)

    def rows(self, free_text=frozenset(), not_totals=frozenset()) -> Iterator[tuple[int, dict]]:
        for match in self._enter_sheets():
            yield from data_rows(match, self.report, free_text, not_totals)

    def columns(self, free_text=frozenset(), not_totals=frozenset()) -> Iterator[tuple[list[int], dict[str, list]]]:
        """Sheet by sheet, its data rows column by column (rows.data_columns); the loader
        validates a whole sheet at once, its warnings after the sheet's own notes."""
        for match in self._enter_sheets():
            yield data_columns(match, self.report, free_text, not_totals)

    def _enter_sheets(self) -> Iterator[HeaderMatch]:
        for match in self.matches:
            self.report.current_sheet = match.sheet.name
            self.header.clear()
            self.header.update({name: col.header for name, col in match.columns.items()})
            for note in match.notes:
                self.report.warn(note["row"], note["column"], note["message"])
            _warn_cleaned(self.report, match)
            yield match


def read_logs(sheets: list[Sheet], fields: list[Field], file_name: str, kind: str) -> LogSheets:
    """The sheets of ``sheets`` that hold a log of ``fields``. Raises an IngestFileError when
    none does (the error of the best sheet, as for a one-sheet file) or when a sheet that
    looks like a log cannot be read."""
    matches, skipped, unread = [], [], []
    for sheet in sheets:
        try:
            matches.append(find_header([sheet], fields, file_name))
        except MissingColumns as exc:
            if exc.header_row is not None and _matched_columns(sheet, fields, file_name) >= LOG_HEADER_COLUMNS:
                unread.append((sheet.name, exc))
            else:
                skipped.append(sheet.name)
        except NoHeaderRow as exc:
            if _holds_a_table(sheet):
                unread.append((sheet.name, exc))
            else:
                skipped.append(sheet.name)
    if not matches:
        find_header(sheets, fields, file_name)  # raises the error a one-sheet file gets
    if unread and (matches or len(unread) > 1):
        names = ", ".join(f'"{name}"' for name, _ in unread[:NAMED_SHEETS])
        if len(unread) > NAMED_SHEETS:
            names = msg("ingest_sheets_and_more", names=names, n=len(unread) - NAMED_SHEETS)
        raise UnreadableFile("ingest_sheets_not_read", file_name=file_name, sheets=names,
                             reason=unread[0][1].message)
    if not matches:  # pragma: no cover - find_header raised above
        raise unread[0][1]
    first = matches[0]
    report = ParseReport(kind, file_name, sheet=first.sheet.name, header_row=first.header_row,
                         sheets=[m.sheet.name for m in matches])
    for name in skipped:
        report.warn(None, "", msg("ingest_sheet_skipped", sheet=name))
    return LogSheets(report, matches)


def _matched_columns(sheet: Sheet, fields: list[Field], file_name: str) -> int:
    """How many columns the sheet's best header matched (0 when it has none)."""
    optional = [Field(f.name, f.synonyms) for f in fields]  # nothing required: just count
    try:
        return len(find_header([sheet], optional, file_name).columns)
    except IngestFileError:
        return 0


def _holds_a_table(sheet: Sheet) -> bool:
    return any(sum(1 for c in row if c != "" and c is not None) >= TABLE_ROW_CELLS for row in sheet.rows)


def _warn_cleaned(report: ParseReport, match: HeaderMatch) -> None:
    """One warning per cell that held control characters (waspada.ingest.read.clean_cells)."""
    sheet = match.sheet
    by_index = {col.index: col.header for col in match.columns.values()}
    heading = sheet.rows[match.header_index] if match.header_index < len(sheet.rows) else []
    for r, c in sheet.cleaned:
        column = by_index.get(c) or (str(heading[c]) if c < len(heading) and heading[c] != "" else _letter(
            sheet.first_col + c))
        report.warn(sheet.excel_row(r), column, msg("ingest_control_characters_removed"))


def _letter(index: int) -> str:
    """Excel's column letter of a zero-based index (0 -> A, 27 -> AB)."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out
