"""File -> grid of cells. One reader for every upload: xlsx/xlsm/xls/ods via calamine
(fast, returns cached values of formula cells), CSV as Excel on Indonesian Windows saves it
(';' or ',' separated, UTF-8 with or without BOM, or cp1252; or Excel's "Unicode text":
UTF-16 with a BOM, tab separated).

Every text cell of every file passes through ``clean_cells`` here, once: control characters
(other than tab and line breaks) are removed, so nothing stored can break an export
(openpyxl refuses them), and the sheet remembers where, for a warning naming the cell."""

from __future__ import annotations

import contextlib
import csv
import gc
import io
import re
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable, TypeVar, Union

import python_calamine
from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from waspada import filesafety
from waspada.ingest.errors import UnreadableFile

Source = Union[str, Path, bytes, bytearray, memoryview, BinaryIO]
T = TypeVar("T")

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An Office file encrypted with a password is an OLE container holding a stream of this name.
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}


@dataclass
class Sheet:
    """Cells of one sheet as Python values ('' for blank), with Excel's row numbers."""

    name: str
    rows: list[list]
    first_row: int = 1  # Excel row number of rows[0]
    first_col: int = 0  # zero-based column index of rows[i][0]
    # Merged ranges as (row_index, col_index, last_row_index, last_col_index) in rows' coordinates.
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    # (row_index, col_index) of cells that held control characters, removed by clean_cells.
    cleaned: list[tuple[int, int]] = field(default_factory=list)

    def excel_row(self, index: int) -> int:
        return self.first_row + index


# C0 controls except tab, line feed and carriage return (which openpyxl and XML accept and
# cell_text turns into spaces), DEL, C1 controls, and the two non-characters XML refuses.
# Workbooks carry them as _x0001_ escapes or &#x1; references that the reader decodes;
# CSV files as raw bytes (NUL).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def clean_cells(rows: list[list]) -> list[tuple[int, int]]:
    """Remove control characters from every text cell of ``rows`` in place; returns the
    (row_index, col_index) of each cell that held any."""
    # One search over all the text first: almost every file holds none (\n joins: not a control character here).
    if not CONTROL_CHARACTERS.search("\n".join([c for row in rows for c in row if type(c) is str])):
        return []
    cleaned = []
    search = CONTROL_CHARACTERS.search
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if type(value) is str and search(value):
                row[c] = CONTROL_CHARACTERS.sub("", value)
                cleaned.append((r, c))
    return cleaned


def read_bytes(source: Source) -> bytes:
    if isinstance(source, (str, Path)):
        try:
            return Path(source).read_bytes()
        except OSError as exc:
            raise UnreadableFile("ingest_cannot_open", file_name=Path(source).name, error=exc.strerror) from exc
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source)
    data = source.read()
    return data if isinstance(data, bytes) else data.encode("utf-8")


def default_file_name(source: Source) -> str:
    if isinstance(source, (str, Path)):
        return Path(source).name
    return getattr(source, "name", None) or "unggahan"


def read_sheets(data: bytes, file_name: str) -> list[Sheet]:
    """Every sheet of the file with any content. Raises UnreadableFile."""
    filesafety.check_upload(data, file_name)  # size, type, encryption, zip bomb, XML entities
    return _read_checked(data, file_name)


def _read_checked(data: bytes, file_name: str) -> list[Sheet]:
    """read_sheets of a file that passed filesafety.check_upload."""
    if not data or not data.strip():
        raise UnreadableFile("ingest_file_empty", file_name=file_name)
    suffix = Path(file_name).suffix.lower()
    if data.startswith(_OLE_MAGIC) and _ENCRYPTED_STREAM in data:
        raise UnreadableFile("ingest_password_protected", file_name=file_name)
    if data.startswith(_ZIP_MAGIC) or data.startswith(_OLE_MAGIC) or suffix in SPREADSHEET_SUFFIXES:
        sheets = _read_workbook(data, file_name)
    elif suffix in TEXT_SUFFIXES or not suffix:
        sheets = [_read_csv(data, file_name)]
    else:
        raise UnreadableFile("ingest_unsupported_type", file_name=file_name, suffix=suffix)
    for sheet in sheets:
        sheet.cleaned = clean_cells(sheet.rows)
    sheets = [s for s in sheets if any(any(c != "" for c in row) for row in s.rows)]
    if not sheets:
        raise UnreadableFile("ingest_no_data", file_name=file_name)
    return sheets


def read_sheets_while(data: bytes, file_name: str, prepare: Callable[[], T]) -> tuple[list[Sheet], T]:
    """(read_sheets(data, file_name), prepare()): the file is checked here, then read in a
    worker thread while prepare() runs in this one. calamine parses a workbook with the GIL
    released, so a large file's read and a loader's lookups (the region index, the
    vocabularies, the database's schedule) overlap; the check holds the GIL and must finish
    before calamine starts anyway. The file's error comes first, as when reading alone."""
    filesafety.check_upload(data, file_name)  # size, type, encryption, zip bomb, XML entities
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="waspada-read") as pool:
        reading = pool.submit(_read_checked, data, file_name)
        try:
            prepared = prepare()
        except BaseException:
            reading.result()  # an unreadable file is the error to report, not what prepare met
            raise
        return reading.result(), prepared


_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = True


@contextlib.contextmanager
def gc_paused():
    """The cyclic garbage collector off while a file is parsed, back as it was after (also
    when several threads parse at once). A parse allocates hundreds of thousands of lists
    and tuples without cycles while every cell of the sheet is alive, and each collection
    walks them all: about a tenth of a 50,000-row parse. Reference counting still frees
    everything the parse drops."""
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


def _read_workbook(data: bytes, file_name: str) -> list[Sheet]:
    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError as exc:
        raise UnreadableFile("ingest_password_protected_short", file_name=file_name) from exc
    except Exception as exc:  # calamine raises several types for corrupt or foreign files
        raise UnreadableFile("ingest_not_a_workbook", file_name=file_name) from exc
    sheets = []
    try:
        for meta in wb.sheets_metadata:
            if meta.visible != SheetVisibleEnum.Visible or meta.typ != SheetTypeEnum.WorkSheet:
                continue  # hidden helper sheets (drop-down lists) and chart sheets
            sheet = wb.get_sheet_by_name(meta.name)
            rows = sheet.to_python(skip_empty_area=True)
            start = sheet.start or (0, 0)
            merged = []
            for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []:
                merged.append((r0 - start[0], c0 - start[1], r1 - start[0], c1 - start[1]))
            sheets.append(Sheet(meta.name, rows, first_row=start[0] + 1, first_col=start[1], merged=merged))
    except Exception as exc:
        raise UnreadableFile("ingest_workbook_unreadable", file_name=file_name, error=str(exc)) from exc
    return sheets


def decode_text(data: bytes) -> str:
    """UTF-16 (Excel's 'Unicode text'), UTF-8 (BOM or not), else cp1252 (Excel's 'CSV' on
    Indonesian Windows)."""
    encoding = filesafety.utf16_encoding(data)
    if encoding:
        return data.decode(encoding, errors="replace").lstrip("\ufeff")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_csv(data: bytes, file_name: str) -> Sheet:
    # A NUL byte in text is a control character like any other (filesafety refused the
    # files that are binary): clean_cells removes it and says where.
    text = decode_text(data)
    sample = text[:20000]
    delimiter = _sniff_delimiter(sample)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    width = max((len(r) for r in rows), default=0)
    rows = [[c.strip() for c in r] + [""] * (width - len(r)) for r in rows]
    return Sheet(Path(file_name).stem or "csv", rows)


def _sniff_delimiter(sample: str) -> str:
    """The separator that splits the most lines into the same number (>1) of fields.

    csv.Sniffer is fooled by title lines above the table and by commas inside the
    description text; counting consistent field counts is not. Ties go to ';', the list
    separator of Excel on Indonesian Windows.
    """
    lines = [ln for ln in sample.splitlines()[:60] if ln.strip()]
    best, best_score = ",", -1
    for d in (";", ",", "\t", "|"):
        counts = Counter(len(r) for r in csv.reader(lines, delimiter=d))
        counts.pop(1, None)
        score = max(counts.values(), default=0)
        if score > best_score:
            best, best_score = d, score
    return best
