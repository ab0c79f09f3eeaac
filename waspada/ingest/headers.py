"""Find the header row of a table typed by people: below title rows and merged cells,
possibly split over two rows (a merged "KORBAN" over "LUKA" / "MD"), with headers in any
case, punctuation and common synonyms."""

from __future__ import annotations

from dataclasses import dataclass, field

from waspada.i18n import msg
from waspada.ingest.errors import MissingColumns, NoHeaderRow
from waspada.ingest.read import Sheet
from waspada.ingest.text import cell_text, key

# Headers recognised as "no/nomor" columns: read, then ignored.
IGNORED_HEADERS = frozenset({"no", "nomor", "nourut", "noo", "nmr", "num"})
HEADER_SEARCH_ROWS = 40  # title blocks are a handful of rows; headers never sit lower


@dataclass(frozen=True)
class Field:
    """One template column: its name and the other ways people write its header."""

    name: str
    synonyms: tuple[str, ...] = ()
    required: bool = False


@dataclass
class Column:
    index: int  # index into Sheet.rows[i]
    header: str  # as written in the file (two-row headers joined by a space)


@dataclass
class HeaderMatch:
    sheet: Sheet
    header_index: int  # index of the (last) header row in sheet.rows
    columns: dict[str, Column]  # field name -> column
    notes: list[dict] = field(default_factory=list)  # warnings about the header itself

    @property
    def header_row(self) -> int:
        return self.sheet.excel_row(self.header_index)

    @property
    def data_start(self) -> int:
        return self.header_index + 1


class HeaderVocabulary:
    """Maps a header cell to a field name, memoised per distinct text."""

    def __init__(self, fields: list[Field]):
        self.fields = {f.name: f for f in fields}
        self._exact: dict[str, tuple[str, int]] = {}
        for f in fields:
            for rank, text in enumerate((f.name, *f.synonyms)):
                self._exact.setdefault(key(text), (f.name, rank))
        # Longest first, so "tanggalkejadian..." prefers tanggal over a shorter synonym.
        self._prefixes = sorted(((k, v) for k, v in self._exact.items() if len(k) >= 4),
                                key=lambda kv: -len(kv[0]))
        self._cache: dict[str, tuple[str, int, bool] | None] = {}

    def match(self, text) -> tuple[str, int, bool] | None:
        """(field, rank, exact) for a header text, 'no' columns as ('', 0, True), else None."""
        k = key(text)
        if not k:
            return None
        if k in self._cache:
            return self._cache[k]
        if k in IGNORED_HEADERS:
            result = ("", 0, True)
        elif k in self._exact:
            name, rank = self._exact[k]
            result = (name, rank, True)
        else:
            result = None
            for prefix, (name, rank) in self._prefixes:
                if k.startswith(prefix):
                    result = (name, rank, False)
                    break
        self._cache[k] = result
        return result


def _assign(candidates: list[tuple[int, str, tuple[str, int, bool]]]) -> tuple[dict[str, Column], list[tuple[int, str, str]]]:
    """Pick one column per field: exact before prefix match, better synonym, then leftmost."""
    best: dict[str, tuple[tuple, Column]] = {}
    losers: list[tuple[int, str, str]] = []
    for col, header, (name, rank, exact) in candidates:
        if not name:
            continue
        order = (not exact, rank, col)
        if name not in best or order < best[name][0]:
            if name in best:
                losers.append((best[name][1].index, best[name][1].header, name))
            best[name] = (order, Column(col, header))
        else:
            losers.append((col, header, name))
    return {n: c for n, (_, c) in best.items()}, losers


def _single_row(vocab: HeaderVocabulary, row: list) -> list[tuple[int, str, tuple]]:
    out = []
    for c, v in enumerate(row):
        text = cell_text(v)
        m = vocab.match(text) if text else None
        if m:
            out.append((c, text, m))
    return out


def _group_fill(vocab: HeaderVocabulary, row: list, sheet: Sheet, r: int) -> list[str]:
    """The group header above each column: merged ranges when the file has them,
    otherwise an unmatched cell carried right over the blank cells after it."""
    filled = [cell_text(v) for v in row]
    merged_any = False
    for r0, c0, r1, c1 in sheet.merged:
        if r0 <= r <= r1 and c1 > c0 and 0 <= c0 < len(filled):
            merged_any = True
            for c in range(c0 + 1, min(c1 + 1, len(filled))):
                filled[c] = filled[c0]
    if not merged_any:
        carry = ""
        for c, text in enumerate(filled):
            if text:
                carry = "" if vocab.match(text) else text
            elif carry:
                filled[c] = carry
    return filled


def _two_rows(vocab: HeaderVocabulary, sheet: Sheet, r: int) -> list[tuple[int, str, tuple]] | None:
    """Candidates for a header split over rows r and r+1, or None when r+1 is not a sub-header."""
    if r + 1 >= len(sheet.rows):
        return None
    top, sub = sheet.rows[r], sheet.rows[r + 1]
    groups = _group_fill(vocab, top, sheet, r)
    out = []
    any_sub = False
    for c in range(max(len(top), len(sub))):
        sub_text = cell_text(sub[c]) if c < len(sub) else ""
        top_text = cell_text(top[c]) if c < len(top) else ""
        if sub_text:
            any_sub = True
            group = groups[c] if c < len(groups) else ""
            m = vocab.match(group + " " + sub_text) if group else None
            if m and m[2]:
                out.append((c, f"{group} {sub_text}", m))
                continue
            m = vocab.match(sub_text)
            if not m:
                return None  # a cell that is no header: r+1 is data, not a sub-header
            out.append((c, sub_text, m))
        elif top_text:
            m = vocab.match(top_text)
            if m:
                out.append((c, top_text, m))
    return out if any_sub else None


def find_header(sheets: list[Sheet], fields: list[Field], file_name: str) -> HeaderMatch:
    """The best header row over all sheets. Raises NoHeaderRow or MissingColumns."""
    vocab = HeaderVocabulary(fields)
    best = None  # (score, -sheet_no, -row) , sheet, last_header_row, candidates
    for s_no, sheet in enumerate(sheets):
        for r in range(min(HEADER_SEARCH_ROWS, len(sheet.rows))):
            for last, cands in ((r, _single_row(vocab, sheet.rows[r])), (r + 1, _two_rows(vocab, sheet, r))):
                if not cands:
                    continue
                columns, _ = _assign(cands)
                required = sum(1 for f in fields if f.required and f.name in columns)
                score = (required, len(columns), -s_no, -r, -(last - r))
                if best is None or score > best[0]:
                    best = (score, sheet, last, cands)
    if best is None or best[0][1] < 2:
        raise NoHeaderRow("ingest_no_header_row", file_name=file_name,
                          required=", ".join(f.name for f in fields if f.required))
    _, sheet, last, cands = best
    columns, losers = _assign(cands)
    match = HeaderMatch(sheet, last, columns)
    header_row = match.header_row
    missing = [f.name for f in fields if f.required and f.name not in columns]
    if missing:
        found = ", ".join(c.header for c in sorted(columns.values(), key=lambda c: c.index))
        raise MissingColumns("ingest_missing_columns", file_name=file_name, missing=missing, header_row=header_row,
                             found=found, columns=", ".join(f'"{m}"' for m in missing))
    for c, header, name in losers:
        match.notes.append({"row": header_row, "column": header,
                            "message": msg("ingest_header_also_matches", header=header, field=name,
                                           used=columns[name].header)})
    for c, header, (name, _rank, exact) in cands:
        if name and not exact and columns.get(name) and columns[name].index == c:
            match.notes.append({"row": header_row, "column": header,
                                "message": msg("ingest_header_read_as", header=header, field=name)})
    matched = {c for c, _h, _m in cands}
    top = sheet.rows[last]
    for c, v in enumerate(top):
        text = cell_text(v)
        if text and c not in matched:
            match.notes.append({"row": header_row, "column": text,
                                "message": msg("ingest_header_unknown", header=text)})
    return match


# Header fields shared by every kind of file (incidents, KPU, IKP, violations).
# Synonyms seen in Kesbangpol, Bawaslu and Polres reports. Order matters only when
# two columns of one file match the same field: the earlier synonym wins.
TANGGAL = Field("tanggal", ("Tanggal", "Tgl", "Tgl.", "Hari/Tanggal", "Hari, Tanggal", "Hari Tanggal",
                            "Tanggal Kejadian", "Tgl Kejadian", "Hari/Tgl", "Waktu", "Waktu Kejadian", "Date"),
                required=True)
REGION_SYNONYMS = ("Kab/Kota", "Kabupaten/Kota", "Kab./Kota", "Kabupaten Kota", "Kab Kota", "Kab/Kot",
                   "Kabupaten/Kota Lokasi", "Lokasi (Kab/Kota)", "Wilayah", "Kode Wilayah", "Kabupaten",
                   "Kota", "Daerah", "Lokasi")

# Casualty columns as police and Kesbangpol tables head them (MD = meninggal dunia, LL =
# luka-luka, LB/LR = luka berat/ringan; LB + LR = injured). A cell may hold several kinds
# ("2 MD, 5 LL"): waspada.ingest.values.parse_casualties reads it.
KORBAN_MENINGGAL = Field("korban_meninggal", (
    "Korban Meninggal", "Meninggal", "MD", "Meninggal Dunia", "Korban MD", "Korban Meninggal Dunia", "Tewas",
    "Korban Tewas", "Korban Jiwa", "Jumlah Korban Meninggal", "Jml MD", "Jumlah MD", "MD (Meninggal Dunia)",
    "Meninggal Dunia (MD)", "Korban Jiwa (MD)", "Wafat"))
KORBAN_LUKA = Field("korban_luka", (
    "Korban Luka", "Luka", "Luka-luka", "Korban Luka-luka", "Luka Luka", "LL", "Korban LL", "Jumlah Korban Luka",
    "Jml LL", "Jumlah LL", "LL (Luka-luka)", "Luka-luka (LL)", "Korban Luka Luka", "Terluka"))
KORBAN_LUKA_BERAT = Field("korban_luka_berat", (
    "Luka Berat", "LB", "Korban LB", "Korban Luka Berat", "Jumlah Luka Berat", "Jml LB", "LB (Luka Berat)",
    "Luka Berat (LB)"))
KORBAN_LUKA_RINGAN = Field("korban_luka_ringan", (
    "Luka Ringan", "LR", "Korban LR", "Korban Luka Ringan", "Jumlah Luka Ringan", "Jml LR", "LR (Luka Ringan)",
    "Luka Ringan (LR)"))
KORBAN = Field("korban", (
    "Korban", "Jumlah Korban", "Korban (MD/LL)", "Korban MD/LL", "MD/LL", "Korban MD/LL/LB/LR", "Keterangan Korban",
    "Korban Jiwa/Luka", "Korban Jiwa dan Luka", "Jumlah Korban (MD/LL)"))
CASUALTY_FIELDS = (KORBAN_MENINGGAL, KORBAN_LUKA, KORBAN_LUKA_BERAT, KORBAN_LUKA_RINGAN, KORBAN)

# Header words that say "this column counts casualties": such a column left unrecognised
# would lose casualties, so the preview shows it as a problem, not as a note.
_CASUALTY_HEADER_WORDS = ("korban", "luka", "meninggal", "tewas", "wafat", "cedera")
_CASUALTY_HEADER_KEYS = frozenset({"md", "ll", "lb", "lr", "mdll", "llmd"})


def looks_like_casualties(header: str) -> bool:
    k = key(header)
    return k in _CASUALTY_HEADER_KEYS or any(w in k for w in _CASUALTY_HEADER_WORDS)
