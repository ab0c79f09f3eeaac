"""Property: generated messy workbooks never crash the parser, and every data row is
accounted for — accepted + duplicates + refused = data rows, and data rows + ignored rows =
every row under the header."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.workbooks import HEADER
from waspada.ingest import IngestFileError, parse_incident_file

# Header spellings staff use (and the template's), so most examples find a header.
HEADER_SPELLINGS = {
    "tanggal": ["tanggal", "Tanggal", "Tgl", "Hari/Tanggal", "TANGGAL KEJADIAN"],
    "kabupaten_kota": ["kabupaten_kota", "Kab/Kota", "Kabupaten/Kota", "Wilayah"],
    "jenis_kejadian": ["jenis_kejadian", "Jenis Kejadian", "Kategori"],
    "uraian": ["uraian", "Uraian Singkat", "Kronologi"],
}
REGIONS = ["Kota Tarakan", "Tarakan", "KAB. MALINAU", "Kupang", "Kota Kupang", "65.71", "Atlantis", "", "Padang"]
CATEGORIES = ["Perusakan APK", "politik uang", "demo", "bentrok", "hal lain", "", "=1+1", "<b>x</b>"]
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
DATES = st.one_of(
    st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2026, 12, 31)),
    st.dates(min_value=dt.date(2024, 5, 1), max_value=dt.date(2025, 2, 20)).map(lambda d: d.strftime("%d/%m/%Y")),
    st.sampled_from(["14 Oktober 2024", "2024-10-14", "31/02/2024", "kemarin", "", "45580", "14-10-24"]),
    st.integers(min_value=-5, max_value=60000),
)
# Extremes included on purpose: a count of 1.8e19 once crashed the parser (OverflowError).
HUGE = st.sampled_from([2**31, 2**63, 1.8446744073709556e19, 10**30, -(2**63)])
CELL = st.one_of(st.none(), TEXT, st.integers(-10, 10**6), st.floats(allow_nan=True, allow_infinity=False),
                 st.booleans(), HUGE)


@st.composite
def messy_table(draw):
    header = []
    for name in HEADER:
        if name in HEADER_SPELLINGS:
            header.append(draw(st.sampled_from(HEADER_SPELLINGS[name])))
        elif draw(st.booleans()):
            header.append(name)
        else:
            header.append(None)  # optional column left out
    n = draw(st.integers(0, 12))
    rows = []
    for _ in range(n):
        kind = draw(st.sampled_from(["good", "good", "random", "blank", "note", "total"]))
        if kind == "blank":
            rows.append([None] * len(HEADER))
        elif kind == "note":
            rows.append([draw(TEXT)] + [None] * (len(HEADER) - 1))
        elif kind == "total":
            rows.append(["JUMLAH"] + [None] * 8 + [draw(st.integers(0, 9)), draw(st.integers(0, 9))] + [None] * 3)
        else:
            row = {h: draw(CELL) for h in HEADER}
            if kind == "good":  # mostly plausible, with a few mistakes staff make
                row.update(tanggal=draw(DATES), kabupaten_kota=draw(st.sampled_from(REGIONS)),
                           provinsi=draw(st.sampled_from([None, "Kalimantan Utara", "Kaltara", "NTT", "Jawa"])),
                           kecamatan=draw(st.sampled_from([None, "Tarakan Barat", "Kelapa Lima", "Entah"])),
                           tahapan=draw(st.sampled_from([None, "kampanye", "Masa Tenang", "pungut hitung", "x"])),
                           jenis_kejadian=draw(st.sampled_from(CATEGORIES)),
                           uraian=draw(st.one_of(TEXT, st.sampled_from(["Baliho dirusak", "Bentrok massa"]))),
                           korban_luka=draw(st.one_of(st.integers(0, 5), st.just("dua"), st.none(), HUGE)),
                           korban_meninggal=draw(st.one_of(st.integers(0, 2), st.none(), st.just(-1))),
                           lat=draw(st.one_of(st.none(), st.floats(-12, 8), TEXT)),
                           lon=draw(st.one_of(st.none(), st.floats(90, 145))))
            rows.append([row[h] for h in HEADER])
    title_rows = draw(st.integers(0, 3))
    return header, rows, title_rows


def _xlsx(header, rows, title_rows) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    for i in range(title_rows):
        ws.cell(row=i + 1, column=1, value=f"LAPORAN KEJADIAN MINGGU KE-{i + 1}")
    keep = [i for i, h in enumerate(header) if h is not None]
    ws.append([header[i] for i in keep]) if title_rows == 0 else None
    if title_rows:
        for c, i in enumerate(keep, start=1):
            ws.cell(row=title_rows + 1, column=c, value=header[i])
    for r, row in enumerate(rows, start=title_rows + 2):
        for c, i in enumerate(keep, start=1):
            v = row[i]
            if isinstance(v, float) and v != v:
                v = None
            if isinstance(v, str):
                # openpyxl refuses control characters; a string starting '=' would be a formula.
                v = "".join(ch for ch in v if ch >= " " or ch in "\t\n") or None
            cell = ws.cell(row=r, column=c, value=v)
            if isinstance(v, str):
                cell.data_type = "s"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _rows_under_header(data: bytes, header_row: int) -> int:
    """Rows after the header up to the last row with any content, as a reader sees them."""
    from python_calamine import CalamineWorkbook

    sheet = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0)
    rows = sheet.to_python(skip_empty_area=True)
    start = (sheet.start or (0, 0))[0]
    last = start + len(rows)  # Excel number of the last row read
    return last - header_row


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messy_table())
def test_messy_workbooks_never_crash_and_every_row_is_accounted_for(table):
    header, rows, title_rows = table
    data = _xlsx(header, rows, title_rows)
    try:
        rep = parse_incident_file(data, "acak.xlsx")
    except IngestFileError as exc:
        assert exc.message  # a whole-file refusal always says why
        return
    assert rep.data_rows == len(rep.accepted) + len(rep.duplicates) + rep.refused_rows
    assert rep.data_rows + len(rep.ignored) == _rows_under_header(data, rep.header_row)
    # Every refused row names a row under the header and a reason.
    for r in rep.refused:
        assert rep.header_row < r["row"] and r["reason"]
    accepted_rows = set(rep.accepted["source_row"]) if len(rep.accepted) else set()
    refused_rows = {r["row"] for r in rep.refused}
    ignored_rows = {r["row"] for r in rep.ignored}
    duplicate_rows = {r["row"] for r in rep.duplicates}
    groups = [accepted_rows, refused_rows, ignored_rows, duplicate_rows]
    assert sum(len(g) for g in groups) == len(set().union(*groups))  # no row counted twice


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["x.xlsx", "x.xls", "x.csv", "x"]))
def test_arbitrary_bytes_are_refused_cleanly_or_parsed(data, name):
    try:
        rep = parse_incident_file(data, name)
    except IngestFileError as exc:
        assert exc.message
    else:
        assert rep.data_rows == len(rep.accepted) + len(rep.duplicates) + rep.refused_rows
