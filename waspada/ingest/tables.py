"""KPU figures, Bawaslu IKP scores and violation counts from files people send.

Same machinery as incidents (read.py, headers.py, rows.py, regions.py, report.py,
store.upload_transaction): each loader only says which columns it has and how one row
becomes table rows. Each load is one transaction that upserts by the table's primary key
and is recorded in uploads (kind kpu/ikp/violations) with generated = FALSE.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd

from waspada import reference
from waspada.db import Database
from waspada.i18n import msg, t
from waspada.ingest.dates import DateParser
from waspada.ingest.errors import MissingColumns
from waspada.ingest.headers import REGION_SYNONYMS, TANGGAL, Field
from waspada.ingest.regions import RegionResolver, resolver_for
from waspada.ingest.read import Source, default_file_name, read_bytes, read_sheets
from waspada.ingest.report import ParseReport
from waspada.ingest.sheets import read_logs
from waspada.ingest.store import StoreResult, record_upload, upload_transaction
from waspada.ingest.text import cell_text, key
from waspada.ingest.values import NIL, parse_count, parse_number
from waspada.ingest.vocab import TermMatcher, phase_vocabulary, schedule_for

WILAYAH = Field("wilayah", ("Wilayah", "kabupaten_kota", "Kode Wilayah", *REGION_SYNONYMS, "Kode", "Nama Wilayah",
                            "Provinsi/Kab/Kota", "Provinsi/Kabupaten/Kota"), required=True)
PROVINSI = Field("provinsi", ("Provinsi", "Prov", "Prov.", "Propinsi"))
SUMBER = Field("sumber", ("Sumber", "Sumber Data", "Sumber Informasi", "Source"))
_ELECTION_ID = re.compile(r"^[a-z_]+\d{4}$")


@dataclass
class RowContext:
    report: ParseReport
    file_name: str
    header: dict[str, str]
    db: Database | None
    dates: DateParser
    regions: RegionResolver  # with the office's aliases, as for incident files

    def column(self, name: str) -> str:
        return self.header.get(name, name)


@dataclass(frozen=True)
class TableSpec:
    kind: str
    table: str
    fields: tuple[Field, ...]
    columns: tuple[str, ...]  # table columns the loader fills (upload_id, generated added on store)
    key: tuple[str, ...]  # primary key
    convert: Callable  # (ctx, values) -> (rows, problems, warnings)
    free_text: frozenset = frozenset({"sumber"})
    not_totals: frozenset = frozenset()
    one_of: tuple[str, ...] = ()  # at least one of these columns must be present


# -- shared row pieces -------------------------------------------------------------------
def _region(ctx: RowContext, v: dict, problems: list, warnings: list):
    province = None
    if "provinsi" in ctx.header and cell_text(v.get("provinsi")):
        p = ctx.regions.province(v["provinsi"])
        if p.reason:
            problems.append(("provinsi", p.reason))
            return None
        province = p.code
    r = ctx.regions.kabkota(v["wilayah"], province, allow_province=True)
    if r.reason:
        problems.append(("wilayah", msg("ingest_wilayah_empty") if r.reason.key == "ingest_region_empty" else r.reason))
        return None
    if r.warning:
        warnings.append(("wilayah", r.warning))
    return r


def _source(ctx: RowContext, v: dict) -> str:
    # Stored data, not a message: written once, in Bahasa Indonesia like the rest of the tables.
    return cell_text(v.get("sumber")) or t("ingest_upload_source", file=ctx.file_name)


def _level(code: str) -> str:
    return "provinsi" if "." not in code else "kabupaten_kota"


# -- KPU ---------------------------------------------------------------------------------
KPU_FIGURES = ("dpt", "tps", "paslon")


def _kpu_rows(ctx: RowContext, v: dict):
    problems, warnings, rows = [], [], []
    region = _region(ctx, v, problems, warnings)
    election = key(v.get("of_election")) or reference.DEFAULT_ELECTION_ID
    if not _ELECTION_ID.match(election):
        problems.append(("of_election", msg("ingest_election_unknown", value=cell_text(v.get("of_election")))))
    present = 0
    for figure in KPU_FIGURES:
        if figure not in ctx.header or cell_text(v.get(figure)).lower() in ("", *NIL):
            continue  # blank or "-": no figure given (not zero)
        present += 1
        n, reason = parse_count(v[figure])
        if reason:
            problems.append((figure, reason))
        elif region is not None:
            rows.append({"region_code": region.code, "figure": figure, "value": n, "of_election": election,
                         "source": _source(ctx, v)})
    if not present:
        problems.append((KPU_FIGURES[0] if "dpt" in ctx.header else "wilayah",
                         msg("ingest_no_figures")))
    return rows, problems, warnings


KPU = TableSpec(
    kind="kpu", table="kpu_figures",
    fields=(WILAYAH, PROVINSI,
            Field("dpt", ("DPT", "Jumlah DPT", "Daftar Pemilih Tetap", "Jumlah Pemilih")),
            Field("tps", ("TPS", "Jumlah TPS", "Jml TPS")),
            Field("paslon", ("Paslon", "Jumlah Paslon", "Pasangan Calon", "Jumlah Pasangan Calon", "Jml Paslon")),
            Field("of_election", ("of_election", "Pemilihan", "Pemilu", "Election", "Untuk Pemilihan")),
            SUMBER),
    columns=("region_code", "figure", "value", "of_election", "source"),
    key=("region_code", "figure", "of_election"),
    convert=_kpu_rows,
    one_of=KPU_FIGURES,
)


# -- IKP ---------------------------------------------------------------------------------
IKP_DIMENSIONS = {
    "total": ["total", "ikp", "skor total", "keseluruhan", "indeks total", "komposit"],
    "sosial_politik": ["sosial politik", "konteks sosial politik", "sospol"],
    "penyelenggaraan": ["penyelenggaraan", "penyelenggaraan pemilu", "penyelenggaraan pemilihan"],
    "kontestasi": ["kontestasi"],
    "partisipasi": ["partisipasi", "partisipasi politik"],
}


@functools.cache
def _dimensions() -> TermMatcher:
    return TermMatcher({t: code for code, terms in IKP_DIMENSIONS.items() for t in [code, *terms]})


def _ikp_rows(ctx: RowContext, v: dict):
    problems, warnings = [], []
    region = _region(ctx, v, problems, warnings)
    dim_text = cell_text(v.get("dimensi"))
    dimension = "total"
    if dim_text:
        dimension, _ = _dimensions().match(dim_text)
        if dimension is None:
            problems.append(("dimensi", msg("ingest_dimension_unknown", value=dim_text, allowed=", ".join(IKP_DIMENSIONS))))
    score = parse_number(v.get("skor"))
    if not cell_text(v.get("skor")):
        problems.append(("skor", msg("ingest_score_empty")))
    elif score is None:
        problems.append(("skor", msg("ingest_score_not_number", value=cell_text(v.get("skor")))))
    elif not 0 <= score <= 100:
        problems.append(("skor", msg("ingest_score_out_of_range", value=cell_text(v.get("skor")))))
    edition = key(v.get("edisi")) or "ikp2024"
    if not _ELECTION_ID.match(edition):
        problems.append(("edisi", msg("ingest_edition_unknown", value=cell_text(v.get("edisi")))))
    if problems:
        return [], problems, warnings
    category = reference.ikp_category(score, _level(region.code))
    return [{"edition": edition, "region_code": region.code, "dimension": dimension, "score": score,
             "category": category, "source": _source(ctx, v)}], problems, warnings


IKP = TableSpec(
    kind="ikp", table="ikp_scores",
    fields=(WILAYAH, PROVINSI,
            Field("dimensi", ("Dimensi", "Dimension", "Aspek")),
            Field("skor", ("Skor", "Nilai", "Skor IKP", "IKP", "Indeks", "Score"), required=True),
            Field("edisi", ("Edisi", "Tahun IKP", "Edition")),
            SUMBER),
    columns=("edition", "region_code", "dimension", "score", "category", "source"),
    key=("edition", "region_code", "dimension"),
    convert=_ikp_rows,
    not_totals=frozenset({"dimensi"}),
)


# -- violations --------------------------------------------------------------------------
VIOLATION_SYNONYMS = {
    "administrasi": ["adm", "administratif", "pelanggaran administrasi", "pelanggaran administratif"],
    "pidana": ["tindak pidana", "tindak pidana pemilihan", "pidana pemilihan", "pelanggaran pidana"],
    "kode_etik": ["etik", "kode etik", "pelanggaran kode etik", "kode etik penyelenggara", "dkpp"],
    "netralitas_asn": ["netralitas", "asn", "netralitas asn", "pelanggaran hukum lainnya", "hukum lainnya"],
    "politik_uang": ["money politic", "money politics", "politik uang", "serangan fajar"],
}


@functools.cache
def _violation_types() -> TermMatcher:
    terms: dict[str, set[str]] = {}
    for row in reference.violation_types().itertuples(index=False):
        for t in (row.violation_type, row.violation_type.replace("_", " "), row.name_id, row.name_en,
                  *VIOLATION_SYNONYMS.get(row.violation_type, [])):
            terms.setdefault(t, set()).add(row.violation_type)
    return TermMatcher(terms)


def _violation_rows(ctx: RowContext, v: dict):
    problems, warnings = [], []
    region = _region(ctx, v, problems, warnings)
    schedule = schedule_for(ctx.db)
    day = None
    if cell_text(v.get("tanggal")):
        day, reason = ctx.dates(v["tanggal"])
        if reason:
            problems.append(("tanggal", reason))
    phase = None
    phase_text = cell_text(v.get("tahapan"))
    if phase_text:
        phase, _ = phase_vocabulary().match(phase_text)
        if phase is None:
            problems.append(("tahapan", msg("ingest_phase_unknown", value=phase_text)))
    elif day is not None:
        _, phase = schedule.phase_of(day)
        if phase is None:
            problems.append(("tahapan", msg("ingest_phase_empty_after_schedule")))
    elif not cell_text(v.get("tanggal")):
        problems.append(("tahapan", msg("ingest_phase_empty")))
    type_text = cell_text(v.get("jenis_pelanggaran"))
    violation_type = None
    if not type_text:
        problems.append(("jenis_pelanggaran", msg("ingest_violation_type_empty")))
    else:
        violation_type, candidates = _violation_types().match(type_text)
        if violation_type is None:
            problems.append(("jenis_pelanggaran", msg("ingest_violation_type_unknown", value=type_text,
                                                      allowed=", ".join(reference.violation_types()["violation_type"]))))
    if not cell_text(v.get("jumlah")):
        problems.append(("jumlah", msg("ingest_count_empty")))
        reports = None
    else:
        reports, reason = parse_count(v["jumlah"])
        if reason:
            problems.append(("jumlah", reason))
    if problems:
        return [], problems, warnings
    election = schedule.election_of(day) if day is not None else schedule.elections[-1][2]
    return [{"election_id": election, "region_code": region.code, "phase": phase, "violation_type": violation_type,
             "reports": reports, "reported_on": day, "source": _source(ctx, v)}], problems, warnings


VIOLATIONS = TableSpec(
    kind="violations", table="violations",
    fields=(WILAYAH, PROVINSI,
            Field("tahapan", ("Tahapan", "Tahap", "Tahapan Pilkada")),
            Field("jenis_pelanggaran", ("Jenis Pelanggaran", "Jenis", "Pelanggaran", "Kategori Pelanggaran",
                                        "Jenis Dugaan Pelanggaran"), required=True),
            Field("jumlah", ("Jumlah", "Jml", "Jumlah Laporan", "Jumlah Temuan", "Jumlah Pelanggaran",
                             "Temuan dan Laporan", "Total"), required=True),
            Field("tanggal", TANGGAL.synonyms),
            SUMBER),
    columns=("election_id", "region_code", "phase", "violation_type", "reports", "reported_on", "source"),
    key=("election_id", "region_code", "phase", "violation_type"),
    convert=_violation_rows,
)

SPECS = {s.kind: s for s in (KPU, IKP, VIOLATIONS)}
# Identifiers cannot be SQL parameters: the only tables and columns these loaders write.
_ALLOWED_TABLES = frozenset(s.table for s in SPECS.values())


def parse_table_file(spec: TableSpec, source: Source, file_name: str | None = None, *, db=None,
                     today: dt.date | None = None) -> ParseReport:
    """Read and validate a KPU/IKP/violations file; nothing is written."""
    file_name = file_name or default_file_name(source)
    sheets = read_sheets(read_bytes(source), file_name)
    logs = read_logs(sheets, list(spec.fields), file_name, spec.kind)  # every sheet holding a table
    for match in logs.matches:
        if spec.one_of and not any(n in match.columns for n in spec.one_of):
            found = ", ".join(c.header for c in sorted(match.columns.values(), key=lambda c: c.index))
            raise MissingColumns("ingest_no_figure_columns", file_name=file_name, missing=list(spec.one_of),
                                 header_row=match.header_row, found=found,
                                 needed=", ".join(f'"{n}"' for n in spec.one_of))
    report = logs.report
    ctx = RowContext(report, file_name, logs.header, db, DateParser(today), resolver_for(db))

    out: list[dict] = []
    first_row: dict[tuple, tuple] = {}
    for excel_row, values in logs.rows(spec.free_text, spec.not_totals):
        report.data_rows += 1
        rows, problems, warnings = spec.convert(ctx, values)
        for name, message in warnings:
            report.warn(excel_row, ctx.column(name), message)
        if problems:
            for name, reason in problems:
                report.refuse(excel_row, ctx.column(name), reason)
            continue
        kept = 0
        for r in rows:
            k = tuple(r[c] for c in spec.key)
            if k in first_row:
                continue
            first_row[k] = (excel_row, report.current_sheet)
            out.append({**r, "source_row": excel_row, "sheet": report.current_sheet})
            kept += 1
        if rows and not kept:
            earlier, sheet = first_row[tuple(rows[0][c] for c in spec.key)]
            report.duplicate(excel_row, msg("ingest_same_key_row", row=report.row_label(
                {"row": earlier, "sheet": sheet})))
    report.accepted = pd.DataFrame(out, columns=[*spec.columns, "source_row", "sheet"])
    return report


def store_table(db: Database, report: ParseReport, raw: Source, uploaded_by: str,
                uploads_dir: Path | None = None) -> StoreResult:
    """Archive, record and upsert (by primary key) the accepted rows in one transaction.
    `new` counts keys that were not in the table before; `replaced` the others."""
    spec = SPECS[report.kind]
    if spec.table not in _ALLOWED_TABLES:
        raise ValueError(spec.table)
    rows = report.accepted[list(spec.columns)]
    with upload_transaction(db, raw, report.file_name, uploads_dir) as (con, sha, stored):
        upload_id = record_upload(con, spec.kind, report, sha, stored, uploaded_by,
                                  accepted=len(rows), duplicates=len(report.duplicates))
        existing = 0
        if len(rows):
            con.register("_incoming", rows)
            cols = ", ".join(spec.columns)
            existing = con.execute("SELECT count(*) FROM " + spec.table + " JOIN _incoming USING ("
                                   + ", ".join(spec.key) + ")").fetchone()[0]
            con.execute("INSERT OR REPLACE INTO " + spec.table + " (" + cols + ", upload_id, generated) SELECT "
                        + cols + ", ?, FALSE FROM _incoming", [upload_id])
            con.unregister("_incoming")
    return StoreResult(upload_id, report.file_name, sha, stored, new=len(rows) - existing, replaced=existing)


PARSERS = {kind: functools.partial(parse_table_file, spec) for kind, spec in SPECS.items()}
parse_kpu_file, parse_ikp_file, parse_violations_file = PARSERS["kpu"], PARSERS["ikp"], PARSERS["violations"]
