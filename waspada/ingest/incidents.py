"""Incident files (weekly logs from kabupaten/kota staff) -> validated incident rows.

parse_incident_file() reads and validates and writes nothing; store.store_incidents()
writes the result in one transaction. The same code serves `python -m etl load-incidents`
and the upload page.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd

from waspada.i18n import Message, msg
from waspada.ingest.dates import DateParser
from waspada.ingest.headers import REGION_SYNONYMS, TANGGAL, Field, find_header
from waspada.ingest.read import Source, default_file_name, read_bytes, read_sheets
from waspada.ingest.regions import resolver_for
from waspada.ingest.report import ParseReport, names
from waspada.ingest.rows import data_rows
from waspada.ingest.text import cell_text, key
from waspada.ingest.values import LAT_RANGE, LON_RANGE, optional_text, parse_count, parse_number
from waspada.ingest.vocab import category_vocabulary, phase_vocabulary, schedule_for

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
    Field("korban_luka", ("Korban Luka", "Luka", "Luka-luka", "Korban Luka-luka", "Luka Luka", "LL",
                          "Jumlah Korban Luka")),
    Field("korban_meninggal", ("Korban Meninggal", "Meninggal", "MD", "Meninggal Dunia", "Korban MD",
                               "Korban Meninggal Dunia", "Tewas", "Korban Jiwa", "Jumlah Korban Meninggal")),
    Field("sumber", ("Sumber", "Sumber Informasi", "Sumber Info", "Sumber Data", "Sumber Berita")),
    Field("lat", ("Lat", "Latitude", "Lintang", "LS/LU")),
    Field("lon", ("Lon", "Lng", "Long", "Longitude", "Bujur", "BT")),
]
FREE_TEXT = {"uraian", "pelaku", "sumber", "desa"}

INCIDENT_COLUMNS = ["election_id", "occurred_on", "province_code", "region_code", "kecamatan_code", "kecamatan",
                    "desa", "phase", "phase_from", "category", "category_raw", "description", "perpetrator",
                    "injured", "killed", "source", "lat", "lon", "source_file", "source_row", "content_hash"]


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
    match = find_header(sheets, INCIDENT_FIELDS, file_name)
    report = ParseReport("incidents", file_name, sheet=match.sheet.name, header_row=match.header_row)
    report.warnings.extend(match.notes)
    header = {name: col.header for name, col in match.columns.items()}
    has = header.__contains__

    regions, categories, phases = resolver_for(db), category_vocabulary(), phase_vocabulary()
    schedule = schedule_for(db)
    parse_date = DateParser(today)
    out: dict[str, list] = {c: [] for c in INCIDENT_COLUMNS}

    for excel_row, v in data_rows(match, report, FREE_TEXT):
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
            election, scheduled = schedule.phase_of(day)
            if phase is None:
                if scheduled is None:
                    problems.append(("tanggal", msg("ingest_after_last_phase", day=f"{day:%d/%m/%Y}",
                                                    last_end=f"{schedule.last_end:%d/%m/%Y}")))
                phase = scheduled
            elif election is None:
                election = schedule.election_of(day)

        category_raw = cell_text(v["jenis_kejadian"])
        category = None
        if not category_raw:
            problems.append(("jenis_kejadian", msg("ingest_category_empty")))
        else:
            category, candidates = categories.match(category_raw)
            if category is None:
                category = "lainnya"
                if candidates:
                    warnings.append(("jenis_kejadian", msg("ingest_category_ambiguous", value=category_raw,
                                                           candidates=names("category", candidates))))
                else:
                    warnings.append(("jenis_kejadian", msg("ingest_category_unknown", value=category_raw)))

        description = cell_text(v["uraian"])
        if not description:
            problems.append(("uraian", msg("ingest_description_empty")))

        counts = []
        for name in ("korban_luka", "korban_meninggal"):
            n, reason = parse_count(v[name], MAX_CASUALTIES) if has(name) else (0, None)
            if reason:
                problems.append((name, reason))
            counts.append(n)

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
        out["category_raw"].append(category_raw)
        out["description"].append(description)
        out["perpetrator"].append(optional_text(v["pelaku"]) if has("pelaku") else None)
        out["injured"].append(counts[0])
        out["killed"].append(counts[1])
        out["source"].append(optional_text(v["sumber"]) if has("sumber") else None)
        out["lat"].append(lat)
        out["lon"].append(lon)
        out["source_file"].append(file_name)
        out["source_row"].append(excel_row)
        out["content_hash"].append(content_hash(day, region.code, kecamatan, category, description,
                                                counts[0], counts[1]))

    report.accepted = _drop_duplicates(incident_frame(out), report, db)
    return report


def incident_frame(columns: dict[str, list]) -> pd.DataFrame:
    """The accepted rows with the incidents table's column types."""
    df = pd.DataFrame(columns, columns=INCIDENT_COLUMNS)
    df["occurred_on"] = pd.to_datetime(pd.Series(columns["occurred_on"], dtype="object")).astype("datetime64[s]")
    for col in ("injured", "killed", "source_row"):
        df[col] = df[col].astype("int64")
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
    for h, row in zip(df["content_hash"], df["source_row"]):
        if h in first_row:
            report.duplicates.append({"row": int(row), "reason": msg("ingest_duplicate_in_file", row=first_row[h])})
            keep.append(False)
        elif h in in_db:
            first_row[h] = int(row)
            report.duplicates.append({"row": int(row), "reason": msg("ingest_duplicate_in_db")})
            keep.append(False)
        else:
            first_row[h] = int(row)
            keep.append(True)
    return df[keep].reset_index(drop=True)
