"""Write a parse report: archive the raw file, record the upload, insert the rows — all in
one database transaction (Database.writer), so a failure leaves the database as it was.

Every load of every kind (incidents, KPU figures, IKP, violations) goes through
upload_transaction, which refreshes the stored alerts at the end of the transaction: a new
incident and a raised IKP score alike can raise an alert. The parser never writes."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path


from waspada.db import Database
from waspada.i18n import msg
from waspada.risk.alerts import refresh_alerts_after_load
from waspada.ingest.incidents import INCIDENT_COLUMNS
from waspada.ingest.read import Source, read_bytes
from waspada.ingest.report import ParseReport


@dataclass
class StoreResult:
    upload_id: int
    file_name: str
    sha256: str
    stored_path: str  # relative to the database's data directory
    new: int  # rows that were not in the database before
    replaced: int = 0  # rows that replaced an existing row with the same key (kpu/ikp/violations)


def uploads_dir_for(db: Database) -> Path:
    """Raw uploads live in 'uploads/' beside the database file (data/uploads for the
    default data/waspada.duckdb), so a test database keeps its uploads in its temp dir."""
    return db.path.parent / "uploads"


def archive(data: bytes, file_name: str, uploads_dir: Path) -> tuple[str, Path, bool]:
    """Keep the raw bytes under uploads_dir named by their sha256; returns (sha256, path, created)."""
    sha = hashlib.sha256(data).hexdigest()
    suffix = Path(file_name).suffix.lower()[:10]
    path = uploads_dir / f"{sha}{suffix}"
    if path.exists():
        return sha, path, False
    uploads_dir.mkdir(parents=True, exist_ok=True)
    # Unique per process and thread: the app's threads may archive the same file at once.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return sha, path, True


def _json_default(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def record_upload(con, kind: str, report: ParseReport, sha: str, stored_path: str, uploaded_by: str,
                  accepted: int, duplicates: int) -> int:
    return con.execute(
        "INSERT INTO uploads (kind, file_name, sha256, stored_path, uploaded_at, uploaded_by, data_rows, accepted,"
        " duplicates, refused, report_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING upload_id",
        [kind, report.file_name, sha, stored_path, datetime.now(timezone.utc), uploaded_by, report.data_rows,
         accepted, duplicates, report.refused_rows, _report_json(report)],
    ).fetchall()[0][0]


def _report_json(report: ParseReport) -> str:
    return json.dumps(report.to_json(), ensure_ascii=False, default=_json_default)


@contextlib.contextmanager
def upload_transaction(db: Database, raw: Source, file_name: str, uploads_dir: Path | None):
    """db.writer() plus the archived raw file; the archive is removed again when the
    transaction fails and the file was not there before. After the caller's writes, and
    before the commit, the alerts are refreshed (refresh_alerts_after_load): every load
    path passes here, so none can forget it."""
    data = read_bytes(raw)
    uploads_dir = uploads_dir or uploads_dir_for(db)
    sha, path, created = archive(data, file_name, uploads_dir)
    try:
        stored = str(path.relative_to(db.path.parent))
    except ValueError:
        stored = str(path)
    try:
        with db.writer() as con:
            yield con, sha, stored
            refresh_alerts_after_load(con)
    except BaseException:
        if created:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        raise


def insert_incidents(con, rows, upload_id: int, generated: bool = False) -> int:
    """Insert accepted incident rows (INCIDENT_COLUMNS) inside the caller's transaction;
    rows whose content hash is already stored are skipped. Returns how many were new."""
    if not len(rows):
        return 0
    rows = rows[INCIDENT_COLUMNS]
    repeated = rows["content_hash"].duplicated()
    if repeated.any():  # the parser drops them; a caller's own rows may repeat one: the first is kept
        rows = rows[~repeated]
    # fetchall, not fetchone: DuckDB 2 refuses register() while a result is unfinished.
    before = con.execute("SELECT count(*) FROM incidents").fetchall()[0][0]
    con.register("_incoming", rows)
    cols = ", ".join(INCIDENT_COLUMNS)
    # An anti-join, not ON CONFLICT DO NOTHING: the same rows skipped, but ON CONFLICT probes
    # the unique index row by row (a third of the insert of 50,000 rows).
    con.execute(
        "INSERT INTO incidents (" + cols + ", upload_id, generated) SELECT " + cols
        + ", ?, ? FROM _incoming WHERE content_hash NOT IN (SELECT content_hash FROM incidents)",
        [upload_id, generated],
    )
    con.unregister("_incoming")
    return con.execute("SELECT count(*) FROM incidents").fetchall()[0][0] - before


def store_incidents(db: Database, report: ParseReport, raw: Source, uploaded_by: str,
                    uploads_dir: Path | None = None) -> StoreResult:
    """Archive, record and insert the accepted incidents of `report` in one transaction.

    Re-loading never duplicates: rows whose content hash is already present are skipped
    (ON CONFLICT DO NOTHING); `new` says how many were actually added.
    """
    if report.kind != "incidents":
        raise ValueError(f"report of kind {report.kind!r} is not an incident report")
    rows = report.accepted[INCIDENT_COLUMNS] if len(report.accepted) else report.accepted
    with upload_transaction(db, raw, report.file_name, uploads_dir) as (con, sha, stored):
        upload_id = record_upload(con, "incidents", report, sha, stored, uploaded_by,
                                  accepted=len(rows), duplicates=len(report.duplicates))
        new = insert_incidents(con, rows, upload_id)
        if new != len(rows):
            # Rows stored by another upload between parsing and storing (the same file loaded
            # twice at once): they are duplicates of this report, not accepted rows, in the
            # report the caller prints and in the uploads row alike.
            mine = {h for (h,) in con.execute("SELECT content_hash FROM incidents WHERE upload_id = ?",
                                               [upload_id]).fetchall()}
            taken = ~report.accepted["content_hash"].isin(mine)
            lost = report.accepted.loc[taken]
            for row, sheet in zip(lost["source_row"], lost["sheet"] if "sheet" in lost else [None] * len(lost)):
                report.duplicate(int(row), msg("ingest_duplicate_in_db"), sheet)
            report.accepted = report.accepted[~taken].reset_index(drop=True)
            con.execute("UPDATE uploads SET accepted = ?, duplicates = ?, report_json = ? WHERE upload_id = ?",
                        [new, len(report.duplicates), _report_json(report), upload_id])
    return StoreResult(upload_id, report.file_name, sha, stored, new)
