"""Uploads through the browser: preview, store, list and withdraw — the domain side.

The page (app_pages/unggah.py) only draws what these functions return. Parsing and
storing are waspada.ingest's (the same code as ``python -m etl load-incidents``); this
module adds what the browser needs around it:

* ``preview_upload``: safety checks and parsing (through ingest), then the staff member's
  regional scope — rows for a kabupaten/kota outside their assignment are refused with a
  reason naming it; the rows inside are kept;
* ``store_upload``: one transaction (ingest.store_incidents), then the audit entry;
* ``list_uploads`` and ``withdraw_upload``: an admin withdraws a whole upload. Its
  incidents stay in the database (the archived file and the uploads row too) but every
  reader skips them (the view visible_incidents in schema.sql). Their content hashes are moved
  aside (``<hash>:ditarik:<upload_id>``) so that the same incidents can be uploaded
  again later: the hash is unique across the incidents table, and a withdrawn incident
  must not count as "already stored".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable

import pandas as pd

from waspada import reference
from waspada.accounts import Accounts, User
from waspada.db import Database
from waspada.i18n import DEFAULT_LANG, Message, MessageError, msg, t
from waspada.ingest import IngestFileError, ParseReport, StoreResult, parse_incident_file, store_incidents
from waspada.risk import refresh_alerts_after_load


class UploadError(MessageError):
    """An upload that cannot be done; ``render(lang)`` says why."""


class UploadNotPermitted(UploadError):
    """The user's role may not upload, or may not withdraw."""


class UploadStateError(UploadError):
    """The upload is not in a state that allows this: not checked, missing, already
    withdrawn, or of a kind that cannot be withdrawn."""

UPLOAD_TYPES = ("xlsx", "xls", "csv")
WITHDRAWN_MARK = ":ditarik:"
WITHDRAWABLE_KINDS = ("incidents", "sample")

Progress = Callable[[float, str], None]


@dataclass
class UploadPreview:
    """What one file would store, before anything is stored."""

    file_name: str
    data: bytes
    sha256: str
    report: ParseReport | None = None
    error: Message | str | None = None  # the whole file is refused (str() is Indonesian)
    out_of_scope: int = 0  # rows refused because they lie outside the uploader's regions
    previous: list[dict] = field(default_factory=list)  # earlier uploads of the very same bytes

    @property
    def storable(self) -> bool:
        return self.report is not None and self.error is None

    @property
    def counts(self) -> dict:
        r = self.report
        if r is None:
            return {"data_rows": 0, "accepted": 0, "refused": 0, "duplicates": 0, "warnings": 0, "ignored": 0}
        return {"data_rows": r.data_rows, "accepted": len(r.accepted), "refused": r.refused_rows,
                "duplicates": len(r.duplicates), "warnings": len(r.warnings), "ignored": len(r.ignored)}


def _region_names() -> pd.Series:
    return reference.regions().set_index("code")["name"]


def restrict_to_regions(report: ParseReport, user: User) -> int:
    """Move accepted rows outside the user's kabupaten/kota to the refusals; returns how many."""
    allowed = user.upload_regions()
    if allowed is None or report.accepted.empty:
        return 0
    names = _region_names()
    inside = report.accepted["region_code"].isin(allowed)
    if inside.all():
        return 0
    if user.regions:
        scope = ", ".join(f"{names.get(c, c)}" for c in sorted(allowed))
    elif user.province_code:
        scope = msg("upload_scope_province", province=names.get(user.province_code, user.province_code))
    else:
        scope = msg("upload_scope_none")
    outside = report.accepted.loc[~inside]
    sheets = outside["sheet"] if "sheet" in outside else [None] * len(outside)
    for code, row, sheet in zip(outside["region_code"], outside["source_row"], sheets):
        report.refuse(int(row), "kabupaten_kota",
                      msg("upload_out_of_scope", region=names.get(code, code), code=code, scope=scope), sheet)
    # In file order (sheet by sheet), with the parser's own refusals.
    order = {name: i for i, name in enumerate(report.sheets)}
    report.refused.sort(key=lambda r: (order.get(r.get("sheet"), 0), r["row"]))
    n = int((~inside).sum())
    report.accepted = report.accepted[inside].reset_index(drop=True)
    return n


def previous_uploads(db: Database, sha256: str) -> list[dict]:
    """Earlier uploads of exactly these bytes (withdrawn ones included, marked)."""
    df = db.query_df(
        "SELECT upload_id, file_name, uploaded_by, timezone('UTC', uploaded_at) AS uploaded_at, accepted, "
        "withdrawn_at IS NOT NULL AS withdrawn FROM uploads WHERE sha256 = ? ORDER BY upload_id", [sha256])
    return df.to_dict("records")


def preview_upload(db: Database, data: bytes, file_name: str, user: User, *,
                   accounts: Accounts | None = None, progress: Progress | None = None,
                   lang: str = DEFAULT_LANG) -> UploadPreview:
    """Check and parse one file for ``user``; nothing is stored.

    A file refused as a whole (unsafe, unreadable, no header, no data rows) comes back
    with ``error`` set; when ``accounts`` is given that refusal is audited. ``progress``
    receives its texts in ``lang``.
    """
    if not user.can("upload"):
        raise UploadNotPermitted("upload_not_permitted")
    progress = progress or (lambda fraction, text: None)
    sha = hashlib.sha256(data).hexdigest()
    preview = UploadPreview(file_name, data, sha)
    progress(0.1, t("upload_progress_checking", lang, file_name=file_name))
    try:
        # parse_incident_file -> read_sheets runs waspada.filesafety.check_upload first.
        report = parse_incident_file(data, file_name, db=db)
    except IngestFileError as exc:
        preview.error = exc.message
    else:
        progress(0.8, t("upload_progress_matching", lang, file_name=file_name))
        if report.data_rows == 0:
            preview.error = msg("upload_no_data_rows")
        else:
            preview.out_of_scope = restrict_to_regions(report, user)
        preview.report = report
    preview.previous = previous_uploads(db, sha)
    if preview.error and accounts is not None:
        accounts.audit(user.username, "upload_refused", file_name, {"sha256": sha, "bytes": len(data),
                                                                    "reason": str(preview.error)})
    progress(1.0, t("upload_file_checked", lang, file_name=file_name))
    return preview


@dataclass(frozen=True)
class StoreOutcome:
    result: StoreResult
    message: Message  # for the page: message.render(lang); str() is Indonesian


def store_upload(db: Database, accounts: Accounts, preview: UploadPreview, user: User) -> StoreOutcome:
    """Store one previewed file in one transaction (archive, uploads row, incidents), then audit it."""
    if not user.can("upload"):
        raise UploadNotPermitted("upload_not_permitted")
    if not preview.storable:
        raise UploadStateError("upload_not_storable", file_name=preview.file_name,
                               reason=preview.error or msg("upload_not_checked"))
    report = preview.report
    # Scope again at storing time: the preview object comes from the browser session, and
    # the user's regions may have changed since.
    restrict_to_regions(report, user)
    result = store_incidents(db, report, preview.data, uploaded_by=user.username)
    accounts.audit(user.username, "upload", preview.file_name, {
        "upload_id": result.upload_id, "sha256": result.sha256, "stored_path": result.stored_path,
        "data_rows": report.data_rows, "new": result.new, "accepted": len(report.accepted),
        "refused_rows": report.refused_rows, "duplicates": len(report.duplicates),
        "out_of_scope": preview.out_of_scope,
    })
    if result.new == 0:
        message = msg("upload_stored_none_new", file_name=preview.file_name, upload_id=result.upload_id)
    else:
        message = msg("upload_stored", file_name=preview.file_name, n=result.new, upload_id=result.upload_id)
    return StoreOutcome(result, message)


def list_uploads(db: Database, *, user: User | None = None, include_withdrawn: bool = True,
                 limit: int = 500) -> pd.DataFrame:
    """Uploads newest first, with the number of incidents each stored and where they lie.

    Staff see the uploads they made and those holding incidents of their province; of an
    upload that also holds other provinces' (a national compilation), the incidents and
    regions listed are their province's only.
    """
    staff = user is not None and user.role == "staf"
    province = user.province_code if staff else None  # the counts below: every province's when None
    params: list = [province, province] * 2
    where = ["u.kind IN ('incidents', 'sample')"]
    if not include_withdrawn:
        where.append("u.withdrawn_at IS NULL")
    if staff:
        where.append("(u.uploaded_by = ? OR u.upload_id IN (SELECT upload_id FROM incidents WHERE province_code = ?))")
        params += [user.username, province]
    params.append(int(limit))
    df = db.query_df(
        "SELECT u.upload_id, u.kind, u.file_name, u.sha256, timezone('UTC', u.uploaded_at) AS uploaded_at, "
        "u.uploaded_by, u.data_rows, u.accepted, u.duplicates, u.refused, "
        "timezone('UTC', u.withdrawn_at) AS withdrawn_at, u.withdrawn_by, u.stored_path, "
        "(SELECT count(*) FROM incidents i WHERE i.upload_id = u.upload_id "
        " AND (?::VARCHAR IS NULL OR i.province_code = ?)) AS incidents, "
        "(SELECT string_agg(DISTINCT i.region_code, ', ' ORDER BY i.region_code) FROM incidents i "
        " WHERE i.upload_id = u.upload_id AND (?::VARCHAR IS NULL OR i.province_code = ?)) AS regions "
        "FROM uploads u WHERE " + " AND ".join(where) + " ORDER BY u.upload_id DESC LIMIT ?", params)
    for col in ("uploaded_at", "withdrawn_at"):
        df[col] = pd.to_datetime(df[col]).dt.tz_localize("UTC")
    return df


def withdraw_upload(db: Database, accounts: Accounts, upload_id: int, actor: User, reason: str = "") -> int:
    """Withdraw a whole upload (admin only); returns how many incidents it removes from view.

    The uploads row gets withdrawn_at/withdrawn_by; its incidents and archived file remain.
    """
    if not actor.can("withdraw"):
        raise UploadNotPermitted("withdraw_not_permitted")
    upload_id = int(upload_id)
    now = datetime.now(timezone.utc)
    with db.writer() as con:
        row = con.execute("SELECT kind, file_name, sha256, withdrawn_at IS NOT NULL FROM uploads WHERE upload_id = ?",
                          [upload_id]).fetchone()
        if row is None:
            raise UploadStateError("upload_not_found", upload_id=upload_id)
        kind, file_name, sha, withdrawn = row
        if withdrawn:
            raise UploadStateError("upload_already_withdrawn", upload_id=upload_id, file_name=file_name)
        if kind not in WITHDRAWABLE_KINDS:
            raise UploadStateError("upload_not_withdrawable", upload_id=upload_id, kind=kind)
        n = con.execute("SELECT count(*) FROM incidents WHERE upload_id = ?", [upload_id]).fetchone()[0]
        con.execute("UPDATE uploads SET withdrawn_at = ?, withdrawn_by = ? WHERE upload_id = ?",
                    [now, actor.username, upload_id])
        con.execute("UPDATE incidents SET content_hash = content_hash || ? WHERE upload_id = ? "
                    "AND NOT contains(content_hash, ?)", [f"{WITHDRAWN_MARK}{upload_id}", upload_id, WITHDRAWN_MARK])
        refresh_alerts_after_load(con)  # like every load: the data the alerts read changed
    accounts.audit(actor.username, "withdrawal", f"unggahan #{upload_id}",
                   {"upload_id": upload_id, "file_name": file_name, "sha256": sha, "incidents": int(n),
                    "reason": reason.strip()})
    return int(n)
