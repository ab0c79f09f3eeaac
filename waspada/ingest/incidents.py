"""Incident files (weekly logs from kabupaten/kota staff) -> validated incident rows.

parse_incident_file() reads and validates and writes nothing; store.store_incidents()
writes the result in one transaction. The same code serves `python -m etl load-incidents`
and the upload page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import operator
from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

from waspada import reference
from waspada.i18n import Message, msg
from waspada.ingest.dates import DateParser
from waspada.ingest.headers import CASUALTY_FIELDS, REGION_SYNONYMS, TANGGAL, Field, looks_like_casualties
from waspada.ingest.read import Source, default_file_name, gc_paused, read_bytes, read_sheets_while
from waspada.ingest.regions import resolver_for
from waspada.ingest.report import ParseReport, names
from waspada.ingest.sheets import read_logs
from waspada.ingest.text import cell_text, key
from waspada.ingest.values import LAT_RANGE, LON_RANGE, optional_text, parse_casualties, parse_number
from waspada.ingest.vocab import category_vocabulary, phase_vocabulary, schedule_for, source_vocabulary

TEMPLATE_COLUMNS = ("tanggal", "provinsi", "kabupaten_kota", "kecamatan", "desa", "tahapan", "jenis_kejadian",
                    "uraian", "pelaku", "korban_luka", "korban_meninggal", "sumber", "lat", "lon")

INCIDENT_FIELDS = [
    TANGGAL,
    Field("provinsi", ("Provinsi", "Prov", "Prov.", "Propinsi")),
    Field("kabupaten_kota", REGION_SYNONYMS, required=True),
    Field("kecamatan", ("Kecamatan", "Kec.", "Kec")),
    Field("desa", ("Desa", "Desa/Kel.", "Desa/Kelurahan", "Desa/Kel", "Kelurahan", "Kel.", "Kel", "Desa/Nagari",
                   "Nagari", "Gampong", "Kampung")),
    Field("tahapan", ("Tahapan", "Tahap", "Tahapan Pilkada", "Tahapan Pemilihan")),
    Field("jenis_kejadian", ("Jenis Kejadian", "Kejadian", "Jenis", "Kategori", "Jenis Insiden", "Kategori Kejadian",
                             "Jenis Gangguan", "Bentuk Kejadian", "Jenis Peristiwa"), required=True),
    Field("uraian", ("Uraian", "Uraian Singkat", "Uraian Kejadian", "Uraian Singkat Kejadian", "Kronologi",
                     "Kronologis", "Kronologi Kejadian", "Keterangan", "Deskripsi", "Ringkasan"), required=True),
    Field("pelaku", ("Pelaku", "Terduga Pelaku")),
    *CASUALTY_FIELDS,
    Field("sumber", ("Sumber", "Sumber Informasi", "Sumber Info", "Sumber Data", "Sumber Berita")),
    Field("lat", ("Lat", "Latitude", "Lintang", "LS/LU")),
    Field("lon", ("Lon", "Lng", "Long", "Longitude", "Bujur", "BT")),
]
FREE_TEXT = {"uraian", "pelaku", "sumber", "desa"}

INCIDENT_COLUMNS = ["election_id", "occurred_on", "province_code", "region_code", "kecamatan_code", "kecamatan",
                    "desa", "phase", "phase_from", "category", "category_raw", "category_from", "category_words",
                    "description", "perpetrator", "injured", "killed", "injured_severe", "injured_light", "source",
                    "source_kind", "lat", "lon", "source_file", "source_row", "content_hash"]


# Casualties of one incident above this are a typo (the columns are INTEGER: a value past
# 2^31 would fail the whole store).
MAX_CASUALTIES = 100_000


def content_hash(occurred_on: dt.date, region_code: str, kecamatan: str | None, category: str,
                 description: str, injured: int, killed: int) -> str:
    """One incident reported in two files (or twice) gets one hash; the row number and
    file name are deliberately left out."""
    return content_hashes([occurred_on], [region_code], [kecamatan], [category], [description], [injured],
                          [killed])[0]


def content_hashes(days: list, region_codes: list, kecamatans: list, categories: list, descriptions: list,
                   injured: list, killed: list) -> list[str]:
    """content_hash of many rows at once: each distinct date and kecamatan spelled once."""
    day_texts = per_distinct(lambda day: day.isoformat(), days)
    kecamatan_keys = per_distinct(lambda kecamatan: key(kecamatan or ""), kecamatans)
    # map all the way down: no Python bytecode per row.
    normalised = map(str.lower, map(" ".join, map(str.split, descriptions)))
    texts = map("\x1f".join, zip(day_texts, region_codes, kecamatan_keys, categories, normalised, map(str, injured),
                                 map(str, killed)))
    return list(map(operator.methodcaller("hexdigest"), map(hashlib.sha256, map(str.encode, texts))))


def existing_hashes(db, hashes: list[str]) -> set[str]:
    """Which of these content hashes the database already holds."""
    if db is None or not db.exists() or not hashes:
        return set()
    cur = db.reader()
    try:
        cur.register("_hashes", pd.DataFrame({"h": hashes}))
        rows = cur.execute("SELECT content_hash FROM incidents WHERE content_hash IN (SELECT h FROM _hashes)").fetchall()
    finally:
        cur.close()
    return {r[0] for r in rows}


def parse_incident_file(source: Source, file_name: str | None = None, *, db=None,
                        today: dt.date | None = None) -> ParseReport:
    """Read and validate an incident file; nothing is written.

    Raises an IngestFileError subclass when the file cannot be read at all (not a
    spreadsheet, empty, password-protected, no header row, missing required columns).
    With `db`, rows already in the database are reported as duplicates.
    """
    file_name = file_name or default_file_name(source)
    with gc_paused():
        return _parse_incidents(read_bytes(source), file_name, db, today)


def _parse_incidents(data: bytes, file_name: str, db, today: dt.date | None) -> ParseReport:
    sheets, lookups = read_sheets_while(data, file_name, lambda: _Lookups(
        resolver_for(db), category_vocabulary(), phase_vocabulary(), source_vocabulary(), schedule_for(db),
        DateParser(today)))
    logs = read_logs(sheets, INCIDENT_FIELDS, file_name, "incidents")  # every sheet holding a log
    report = logs.report
    header = logs.header  # the current sheet's columns (logs.columns() moves it along)
    out: dict[str, list] = {c: [] for c in INCIDENT_COLUMNS}
    row_sheets: list[str] = []
    for excel_rows, cells in logs.columns(FREE_TEXT):
        report.data_rows += len(excel_rows)
        accepted = _check_sheet(lookups, report, header, excel_rows, cells, file_name)
        del cells  # the sheet's cells are no longer needed: keep the peak memory down
        for c in INCIDENT_COLUMNS:
            if out[c]:
                out[c].extend(accepted[c])
            else:
                out[c] = accepted[c]
        row_sheets.extend([report.current_sheet] * len(accepted["source_row"]))
        del accepted
    del sheets, logs  # every cell of the file: the accepted rows hold what is kept

    _column_problems(report, header)
    frame = incident_frame(out).assign(sheet=row_sheets)
    hashes, source_rows = out["content_hash"], out["source_row"]
    del out  # the frame holds the accepted rows now
    report.accepted = _drop_duplicates(frame, report, db, hashes, source_rows, row_sheets)
    return report


@dataclass(frozen=True)
class _Lookups:
    regions: object
    categories: object
    phases: object
    sources: object
    schedule: object
    parse_date: DateParser


def per_distinct(fn, *columns: list) -> list:
    """[fn(*cells) for each row of the columns], fn called once per distinct combination of
    cells: a 50,000-row file names a few hundred dates and regions. A cell's type is part of
    the combination (True == 1.0 in Python, but not in a spreadsheet)."""
    types = set().union(*(map(type, column) for column in columns))
    if bool in types:  # True == 1 == 1.0: the type joins the key (rare: typed cells TRUE/FALSE)
        keys = list(zip(*[part for column in columns for part in (map(type, column), column)]))
        memo = {k: fn(*k[1::2]) for k in dict.fromkeys(keys)}
    elif len(columns) == 1:
        keys = columns[0]
        memo = {k: fn(k) for k in dict.fromkeys(keys)}
    else:
        keys = list(zip(*columns))
        memo = {k: fn(*k) for k in dict.fromkeys(keys)}
    return list(map(memo.__getitem__, keys))


def _check_sheet(lookups: _Lookups, report: ParseReport, header: dict[str, str], excel_rows: list[int],
                 cells: dict[str, list], file_name: str) -> dict[str, list]:
    """Validate one sheet's data rows column by column; record each row's warnings and
    refusals (in row order, each row's in the order of its columns' checks below) and return
    the accepted rows as INCIDENT_COLUMNS lists."""
    n = len(excel_rows)
    if not n:
        return {c: [] for c in INCIDENT_COLUMNS}
    regions, schedule = lookups.regions, lookups.schedule
    blank = [""] * n

    dates = per_distinct(lookups.parse_date, cells["tanggal"])
    days = [d for d, _reason in dates]

    def region_of(province_cell, region_cell):
        """(province problem, province warning, kab/kota Resolved) of one pair of cells."""
        province = problem = warning = None
        if cell_text(province_cell):
            p = regions.province(province_cell)
            if p.reason:
                problem = ("provinsi", p.reason)
            else:
                province = p.code
                if p.warning:
                    warning = ("provinsi", p.warning)
        return problem, warning, regions.kabkota(region_cell, province)

    placed = per_distinct(region_of, cells.get("provinsi", blank), cells["kabupaten_kota"])
    region_codes = [r[2].code for r in placed]
    province_codes = [r[2].province_code for r in placed]

    def kecamatan_of(cell, region_code):
        """(kecamatan as written, its code, warning)."""
        kecamatan = optional_text(cell)
        if not (kecamatan and region_code):
            return kecamatan, None, None
        kec = regions.kecamatan(region_code, kecamatan)
        if kec.warning:
            return kecamatan, kec.code, ("kecamatan", kec.warning)
        if kec.code is None:
            return kecamatan, None, ("kecamatan", msg("ingest_kecamatan_not_found", kecamatan=kecamatan,
                                                       region=regions.name_of(region_code)))
        return kecamatan, kec.code, None

    if "kecamatan" in cells:
        kecamatans = per_distinct(kecamatan_of, cells["kecamatan"], region_codes)
    else:
        kecamatans = [(None, None, None)] * n

    def phase_written(cell):
        """(phase, where it came from, warning) from the tahapan column."""
        phase_text = cell_text(cell)
        if phase_text:
            phase, _candidates = lookups.phases.match(phase_text)
            if phase:
                return phase, "file", None
            return None, "jadwal", ("tahapan", msg("ingest_phase_not_recognised", value=phase_text))
        return None, "jadwal", None

    written = per_distinct(phase_written, cells["tahapan"]) if "tahapan" in cells else [(None, "jadwal", None)] * n

    def scheduled(day, region_code, province_code, phase):
        """(election, phase, problem) of a day in a region; phase as written or from the schedule."""
        if day is None:
            return None, phase, None
        election, phase_then = schedule.phase_of(day, region_code, province_code)
        if phase is None:
            problem = None
            if phase_then is None:
                problem = ("tanggal", msg("ingest_after_last_phase", day=f"{day:%d/%m/%Y}",
                                          last_end=f"{schedule.last_end:%d/%m/%Y}"))
            return election, phase_then, problem
        if election is None:
            election = schedule.election_of(day, region_code, province_code)
        return election, phase, None

    # Only the regions holding a local election (a re-vote) have their own calendar: every
    # other row's election and phase follow from its day alone.
    local = per_distinct(schedule.holds_local, region_codes, province_codes)
    timed = per_distinct(scheduled, days, [r if held else None for r, held in zip(region_codes, local)],
                         [p if held else None for p, held in zip(province_codes, local)], [w[0] for w in written])

    categories = lookups.categories
    category_raws = per_distinct(cell_text, cells["jenis_kejadian"])
    descriptions = [cell_text(c) for c in cells["uraian"]]

    def decided_by_type(raw):
        found = categories.decided_by_type(raw)
        return None if found is None else _category_outcome(raw, found)

    by_type = per_distinct(decided_by_type, category_raws)  # most rows: the type alone decides
    category_outcomes = [
        decided if decided is not None else _category_outcome(raw, categories.resolve(raw, description))
        for decided, raw, description in zip(by_type, category_raws, descriptions)]

    casualty_names = [f.name for f in CASUALTY_FIELDS if f.name in cells]
    if casualty_names:
        casualties = per_distinct(lambda *values: _casualties(dict(zip(casualty_names, values))),
                                  *(cells[name] for name in casualty_names))
    else:
        casualties = [_casualties({})] * n

    if "lat" in cells or "lon" in cells:
        coordinates = per_distinct(_coordinates, cells.get("lat", blank), cells.get("lon", blank))
    else:
        coordinates = [(None, None, None)] * n

    # Each row's warnings, then its problems, in the order the checks above read the columns.
    warning_slots = ([r[1] for r in placed], [("kabupaten_kota", r[2].warning) if r[2].warning and not r[2].reason else None for r in placed],
                     [k[2] for k in kecamatans], [w[2] for w in written], [c[3] for c in category_outcomes],
                     [c[2] for c in coordinates])
    problem_slots = ([reason and ("tanggal", reason) for _d, reason in dates], [r[0] for r in placed],
                     [r[2].reason and ("kabupaten_kota", r[2].reason) for r in placed], [t[2] for t in timed],
                     [None if d else ("uraian", msg("ingest_description_empty")) for d in descriptions],
                     [c[4] for c in category_outcomes])
    casualty_problems = [c[1] for c in casualties]
    refused = set()
    for i, flags in enumerate(zip(*warning_slots, *problem_slots, casualty_problems)):
        if not any(flags):
            continue
        excel_row = excel_rows[i]
        for found in flags[:len(warning_slots)]:
            if found:
                report.warn(excel_row, header.get(found[0], found[0]), found[1])
        problems = [p for p in flags[len(warning_slots):-1] if p] + flags[-1]
        if problems:
            refused.add(i)
            for name, reason in problems:
                report.refuse(excel_row, header.get(name, name), reason)

    keep = [i for i in range(n) if i not in refused] if refused else range(n)

    def kept(values: list) -> list:
        return values if not refused else [values[i] for i in keep]

    days, region_codes, province_codes = kept(days), kept(region_codes), kept(province_codes)
    kecamatans, timed, written = kept(kecamatans), kept(timed), kept(written)
    category_outcomes, casualties, coordinates = kept(category_outcomes), kept(casualties), kept(coordinates)
    descriptions, category_raws = kept(descriptions), kept(category_raws)
    counts = [c[0] for c in casualties]
    sources = kept(per_distinct(optional_text, cells["sumber"])) if "sumber" in cells else [None] * len(keep)
    source_match = lookups.sources.match
    accepted = {
        "election_id": [t[0] for t in timed],
        "occurred_on": days,
        "province_code": province_codes,
        "region_code": region_codes,
        "kecamatan_code": [k[1] for k in kecamatans],
        "kecamatan": [k[0] for k in kecamatans],
        "desa": kept(per_distinct(optional_text, cells["desa"])) if "desa" in cells else [None] * len(keep),
        "phase": [t[1] for t in timed],
        "phase_from": [w[1] for w in written],
        "category": [c[0] for c in category_outcomes],
        "category_raw": [raw or None for raw in category_raws],
        "category_from": [c[1] for c in category_outcomes],
        "category_words": per_distinct(lambda words: ", ".join(words) or None, [c[2] for c in category_outcomes]),
        "description": descriptions,
        "perpetrator": kept(per_distinct(optional_text, cells["pelaku"])) if "pelaku" in cells else [None] * len(keep),
        "injured": [c["injured"] for c in counts],
        "killed": [c["killed"] for c in counts],
        "injured_severe": [c["severe"] for c in counts],
        "injured_light": [c["light"] for c in counts],
        "source": sources,  # kept as written, known or not
        "source_kind": per_distinct(lambda text: source_match(text)[0] if text else None, sources),
        "lat": [c[0] for c in coordinates],
        "lon": [c[1] for c in coordinates],
        "source_file": [file_name] * len(keep),
        "source_row": kept(excel_rows),
    }
    accepted["content_hash"] = content_hashes(days, region_codes, accepted["kecamatan"], accepted["category"],
                                              descriptions, accepted["injured"], accepted["killed"])
    return accepted


def _coordinates(raw_lat, raw_lon) -> tuple[float | None, float | None, tuple | None]:
    """(lat, lon, warning) of one row: both or neither, inside Indonesia."""
    if not (cell_text(raw_lat) or cell_text(raw_lon)):
        return None, None, None
    lat, lon = parse_number(raw_lat), parse_number(raw_lon)
    if lat is None or lon is None:
        return None, None, ("lat" if lat is None else "lon",
                            msg("ingest_coordinates_incomplete", lat=cell_text(raw_lat), lon=cell_text(raw_lon)))
    if not (LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]):
        return None, None, ("lat", msg("ingest_coordinates_outside", lat=lat, lon=lon))
    return lat, lon, None


def _category_outcome(category_raw: str, found) -> tuple:
    """(category, where it came from, the words that decided, warning, problem) of one row."""
    warnings: list = []
    problems: list = []
    category, came_from, words = _category(found, category_raw, problems, warnings)
    return category, came_from, words, warnings[0] if warnings else None, problems[0] if problems else None


def _category(found, category_raw: str, problems: list, warnings: list):
    """(category, where it came from, the words that decided) of one row from what the
    category matcher found. The type column decides when it is clear; else the description
    (a suggestion shown in the preview); else 'lainnya'. Empty type and nothing in the
    description: refused, as before."""
    if found.came_from == "uraian":
        warnings.append(("jenis_kejadian", msg("ingest_category_from_description", value=category_raw,
                                               category=names("category", [found.category]),
                                               words=", ".join(found.words))))
        return found.category, "uraian", found.words
    if not category_raw:
        problems.append(("jenis_kejadian", msg("ingest_category_empty")))
    elif found.came_from is None:  # neither the type nor the description said
        if found.candidates:
            warnings.append(("jenis_kejadian", msg("ingest_category_ambiguous", value=category_raw,
                                                   candidates=names("category", found.candidates))))
        else:
            warnings.append(("jenis_kejadian", msg("ingest_category_unknown", value=category_raw)))
    return found.category, "kolom", found.words


def _casualties(cells: dict[str, object]) -> tuple[dict[str, int | None], list[tuple[str, Message]]]:
    """killed, injured, severe (LB) and light (LR) of one row from whichever casualty columns
    the file has; a cell may hold several kinds ("2 MD, 5 LL"). injured = LL, or LB + LR when
    there is no LL; both present and different: refused. severe/light None when not given."""
    column_kind = {"korban_meninggal": "killed", "korban_luka": "injured", "korban_luka_berat": "severe",
                   "korban_luka_ringan": "light", "korban": "injured"}
    found: dict[str, int] = {}
    problems: list[tuple[str, Message]] = []
    for name, value in cells.items():
        parsed, reason = parse_casualties(value)
        if reason:
            problems.append((name, reason))
            continue
        for kind, n in parsed.items():
            if kind == "" and name == "korban" and n:
                kind = "casualties"  # a bare number under "Korban": dead or injured is not said
            kind = kind or column_kind[name]
            if n > MAX_CASUALTIES:
                problems.append((name, msg("ingest_count_too_large", value=cell_text(value),
                                           limit=f"{MAX_CASUALTIES:,}".replace(",", "."))))
            elif kind == "casualties":
                problems.append((name, msg("ingest_casualties_unreadable", value=cell_text(value))))
            elif found.get(kind) and n and found[kind] != n:
                problems.append((name, msg("ingest_casualties_twice", kind=msg(CASUALTY_KIND_TEXT[kind]),
                                           first=found[kind], second=n)))
            elif n or kind not in found:
                found[kind] = n
    severe, light = found.get("severe"), found.get("light")
    split = (severe or 0) + (light or 0)
    injured = found.get("injured", 0)
    if injured and split and injured != split:
        problems.append(("korban_luka", msg("ingest_casualties_conflict", injured=injured, severe=severe or 0,
                                            light=light or 0)))
    return {"killed": found.get("killed", 0), "injured": injured or split, "severe": severe,
            "light": light}, problems


# Where a stored category came from, as the preview names it.
CATEGORY_FROM_TEXT = {"kolom": "category_from_kolom", "uraian": "category_from_uraian", "staf": "category_from_staf"}
CASUALTY_KIND_TEXT = {"killed": "casualty_kind_killed", "injured": "casualty_kind_injured",
                      "severe": "casualty_kind_severe", "light": "casualty_kind_light"}


# Column problems go first in the preview: a whole column of casualties or dates that
# cannot be read is one thing to fix, not a warning on every row.
COLUMN_PROBLEM_KEYS = frozenset({"ingest_column_unreadable", "ingest_column_looks_like_casualties"})


def _column_problems(report: ParseReport, header: dict[str, str]) -> None:
    """A date or casualty column unreadable in half the rows or more, and a header that looks
    like casualties but is not understood, moved to the top of the warnings: a column to fix."""
    top = []
    for name in ("tanggal", *(f.name for f in CASUALTY_FIELDS)):
        if name not in header:
            continue
        rows = {r["row"] for r in report.refused if r["column"] == header[name]}
        if rows and len(rows) * 2 >= max(report.data_rows, 1):
            top.append({"row": None, "column": header[name],
                        "message": msg("ingest_column_unreadable", column=header[name], n=len(rows),
                                       rows=report.data_rows)})
    kept = []
    for w in report.warnings:
        message = w["message"]
        if (w["row"] == report.header_row and isinstance(message, Message) and message.key == "ingest_header_unknown"
                and looks_like_casualties(w["column"])):
            top.append({"row": None, "column": w["column"],
                        "message": msg("ingest_column_looks_like_casualties", header=w["column"])})
        else:
            kept.append(w)
    report.warnings[:] = top + kept


def column_problems(report: ParseReport) -> list[dict]:
    """The column problems of a parse report ({column, message}): shown first, to fix."""
    return [w for w in report.warnings if isinstance(w["message"], Message) and w["message"].key in COLUMN_PROBLEM_KEYS]


def set_staff_categories(report: ParseReport, chosen: dict[int, str]) -> int:
    """Staff's choice of category for accepted rows (by source_row), before storing: the
    category, its origin 'staf' and the content hash change. Returns how many rows changed."""
    df = report.accepted
    known = set(reference.incident_categories()["category"])
    changed = 0
    for i, row in df.iterrows():
        new = chosen.get(int(row["source_row"]))
        if new is None or new == row["category"]:
            continue
        if new not in known:
            raise ValueError(f"unknown incident category {new!r}")
        df.at[i, "category"] = new
        df.at[i, "category_from"] = "staf"
        df.at[i, "category_words"] = None
        df.at[i, "content_hash"] = content_hash(row["occurred_on"].date() if hasattr(row["occurred_on"], "date")
                                                else row["occurred_on"], row["region_code"], row["kecamatan"], new,
                                                row["description"], int(row["injured"]), int(row["killed"]))
        changed += 1
    return changed


_TYPED_COLUMNS = {"injured": "int64", "killed": "int64", "source_row": "int64", "injured_severe": "Int64",
                  "injured_light": "Int64", "lat": "Float64", "lon": "Float64"}


def incident_frame(columns: dict[str, list]) -> pd.DataFrame:
    """The accepted rows with the incidents table's column types."""
    typed = {"occurred_on": pd.to_datetime(pd.Series(columns["occurred_on"], dtype="object")).astype("datetime64[s]")}
    typed.update({col: pd.array(columns[col], dtype=dtype) for col, dtype in _TYPED_COLUMNS.items()})
    return pd.DataFrame({col: typed[col] if col in typed else _text_column(columns[col]) for col in INCIDENT_COLUMNS},
                        columns=INCIDENT_COLUMNS)


def _text_column(values: list):
    """A column of texts (None where missing) as pandas' "str" array, through Arrow in one C
    pass: pandas' own inference takes twice as long. Anything else is left to pandas."""
    try:
        arrow = pa.array(values, type=pa.large_string())
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return values
    if arrow.null_count == len(arrow):
        return values  # nothing but None: pandas keeps it an object column
    return pd.array(arrow, dtype="str")


def _drop_duplicates(df: pd.DataFrame, report: ParseReport, db, hashes: list[str], source_rows: list[int],
                     sheets: list[str]) -> pd.DataFrame:
    """Remove rows repeated within the file and rows already in the database; list them.
    hashes, source_rows and sheets are df's columns as lists."""
    if df.empty:
        return df
    in_db = existing_hashes(db, hashes)
    if not in_db and len(set(hashes)) == len(hashes):
        return df  # the usual upload: nothing repeated, nothing stored before
    first_row = {}
    keep = []
    for h, row, sheet in zip(hashes, source_rows, sheets):
        if h in first_row:
            report.duplicate(int(row), msg("ingest_duplicate_in_file", row=report.row_label(first_row[h])), sheet)
            keep.append(False)
        elif h in in_db:
            first_row[h] = {"row": int(row), "sheet": sheet}
            report.duplicate(int(row), msg("ingest_duplicate_in_db"), sheet)
            keep.append(False)
        else:
            first_row[h] = {"row": int(row), "sheet": sheet}
            keep.append(True)
    if all(keep):
        return df  # a fresh frame on a RangeIndex: as df[keep].reset_index(drop=True) would be
    return df[keep].reset_index(drop=True)
