"""Incident files (weekly logs from kabupaten/kota staff) -> validated incident rows.

parse_incident_file() reads and validates and writes nothing; store.store_incidents()
writes the result in one transaction. The same code serves `python -m etl load-incidents`
and the upload page.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd

from waspada import reference
from waspada.i18n import Message, msg
from waspada.ingest.dates import DateParser
from waspada.ingest.headers import CASUALTY_FIELDS, REGION_SYNONYMS, TANGGAL, Field, looks_like_casualties
from waspada.ingest.read import Source, default_file_name, read_bytes, read_sheets
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
    parts = (occurred_on.isoformat(), region_code, key(kecamatan or ""), category,
             " ".join(description.split()).lower(), str(injured), str(killed))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


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
    sheets = read_sheets(read_bytes(source), file_name)
    logs = read_logs(sheets, INCIDENT_FIELDS, file_name, "incidents")  # every sheet holding a log
    report = logs.report
    header = logs.header  # the current sheet's columns (logs.rows() moves it along)
    has = header.__contains__

    regions, categories, phases = resolver_for(db), category_vocabulary(), phase_vocabulary()
    sources = source_vocabulary()
    schedule = schedule_for(db)
    parse_date = DateParser(today)
    out: dict[str, list] = {c: [] for c in INCIDENT_COLUMNS}
    row_sheets: list[str] = []

    for excel_row, v in logs.rows(FREE_TEXT):
        report.data_rows += 1
        problems: list[tuple[str, Message]] = []
        warnings: list[tuple[str, Message]] = []

        day, reason = parse_date(v["tanggal"])
        if reason:
            problems.append(("tanggal", reason))

        province = None
        if has("provinsi") and cell_text(v["provinsi"]):
            p = regions.province(v["provinsi"])
            if p.reason:
                problems.append(("provinsi", p.reason))
            else:
                province = p.code
                if p.warning:
                    warnings.append(("provinsi", p.warning))
        region = regions.kabkota(v["kabupaten_kota"], province)
        if region.reason:
            problems.append(("kabupaten_kota", region.reason))
        elif region.warning:
            warnings.append(("kabupaten_kota", region.warning))

        kecamatan = optional_text(v["kecamatan"]) if has("kecamatan") else None
        kecamatan_code = None
        if kecamatan and region.code:
            kec = regions.kecamatan(region.code, kecamatan)
            kecamatan_code = kec.code
            if kec.warning:
                warnings.append(("kecamatan", kec.warning))
            elif kecamatan_code is None:
                warnings.append(("kecamatan", msg("ingest_kecamatan_not_found", kecamatan=kecamatan,
                                                  region=region.name)))

        phase, phase_from = None, "jadwal"
        phase_text = cell_text(v["tahapan"]) if has("tahapan") else ""
        if phase_text:
            phase, candidates = phases.match(phase_text)
            if phase:
                phase_from = "file"
            else:
                warnings.append(("tahapan", msg("ingest_phase_not_recognised", value=phase_text)))
        election = None
        if day is not None:
            election, scheduled = schedule.phase_of(day, region.code, region.province_code)
            if phase is None:
                if scheduled is None:
                    problems.append(("tanggal", msg("ingest_after_last_phase", day=f"{day:%d/%m/%Y}",
                                                    last_end=f"{schedule.last_end:%d/%m/%Y}")))
                phase = scheduled
            elif election is None:
                election = schedule.election_of(day, region.code, region.province_code)

        category_raw = cell_text(v["jenis_kejadian"])
        description = cell_text(v["uraian"])
        if not description:
            problems.append(("uraian", msg("ingest_description_empty")))
        category, category_from, category_words = _category(categories, category_raw, description, problems,
                                                             warnings)

        casualties, casualty_problems = _casualties({f.name: v[f.name] for f in CASUALTY_FIELDS if has(f.name)})
        problems.extend(casualty_problems)

        lat = lon = None
        if has("lat") or has("lon"):
            raw_lat = v.get("lat", "")
            raw_lon = v.get("lon", "")
            if cell_text(raw_lat) or cell_text(raw_lon):
                lat, lon = parse_number(raw_lat), parse_number(raw_lon)
                if lat is None or lon is None:
                    warnings.append(("lat" if lat is None else "lon",
                                     msg("ingest_coordinates_incomplete", lat=cell_text(raw_lat),
                                         lon=cell_text(raw_lon))))
                    lat = lon = None
                elif not (LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]):
                    warnings.append(("lat", msg("ingest_coordinates_outside", lat=lat, lon=lon)))
                    lat = lon = None

        for name, message in warnings:
            report.warn(excel_row, header.get(name, name), message)
        if problems:
            for name, reason in problems:
                report.refuse(excel_row, header.get(name, name), reason)
            continue

        row_sheets.append(report.current_sheet)
        out["election_id"].append(election)
        out["occurred_on"].append(day)
        out["province_code"].append(region.province_code)
        out["region_code"].append(region.code)
        out["kecamatan_code"].append(kecamatan_code)
        out["kecamatan"].append(kecamatan)
        out["desa"].append(optional_text(v["desa"]) if has("desa") else None)
        out["phase"].append(phase)
        out["phase_from"].append(phase_from)
        out["category"].append(category)
        out["category_raw"].append(category_raw or None)
        out["category_from"].append(category_from)
        out["category_words"].append(", ".join(category_words) or None)
        out["description"].append(description)
        out["perpetrator"].append(optional_text(v["pelaku"]) if has("pelaku") else None)
        out["injured"].append(casualties["injured"])
        out["killed"].append(casualties["killed"])
        out["injured_severe"].append(casualties["severe"])
        out["injured_light"].append(casualties["light"])
        source_text = optional_text(v["sumber"]) if has("sumber") else None
        out["source"].append(source_text)  # kept as written, known or not
        out["source_kind"].append(sources.match(source_text)[0] if source_text else None)
        out["lat"].append(lat)
        out["lon"].append(lon)
        out["source_file"].append(file_name)
        out["source_row"].append(excel_row)
        out["content_hash"].append(content_hash(day, region.code, kecamatan, category, description,
                                                casualties["injured"], casualties["killed"]))

    _column_problems(report, header)
    report.accepted = _drop_duplicates(incident_frame(out).assign(sheet=row_sheets), report, db)
    return report


def _category(categories, category_raw: str, description: str, problems: list, warnings: list):
    """(category, where it came from, the words that decided) of one row. The type column
    decides when it is clear; else the description (a suggestion shown in the preview);
    else 'lainnya'. Empty type and nothing in the description: refused, as before."""
    found = categories.resolve(category_raw, description)
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


def incident_frame(columns: dict[str, list]) -> pd.DataFrame:
    """The accepted rows with the incidents table's column types."""
    df = pd.DataFrame(columns, columns=INCIDENT_COLUMNS)
    df["occurred_on"] = pd.to_datetime(pd.Series(columns["occurred_on"], dtype="object")).astype("datetime64[s]")
    for col in ("injured", "killed", "source_row"):
        df[col] = df[col].astype("int64")
    for col in ("injured_severe", "injured_light"):
        df[col] = pd.array(columns[col], dtype="Int64")
    for col in ("lat", "lon"):
        df[col] = pd.array(columns[col], dtype="Float64")
    return df


def _drop_duplicates(df: pd.DataFrame, report: ParseReport, db) -> pd.DataFrame:
    """Remove rows repeated within the file and rows already in the database; list them."""
    if df.empty:
        return df
    first_row = {}
    keep = []
    in_db = existing_hashes(db, df["content_hash"].tolist())
    for h, row, sheet in zip(df["content_hash"], df["source_row"], df["sheet"]):
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
    return df[keep].reset_index(drop=True)
