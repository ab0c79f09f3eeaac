"""Lapor Cepat: one incident reported through a short form, between weekly files.

A quick report is not a second way in. It is written as the one-row file a staff member
would send (the template's columns, names as staff write them) and goes through
waspada.uploads.preview_upload and store_upload like any upload: the same parser, the same
refusals, warnings and category suggestion from the description, the same regional scope,
duplicate rule and audit. What this module adds:

* the choices the form may offer: only the provinces, kabupaten/kota and kecamatan of the
  reporter's scope (an out-of-scope region cannot be picked; the parser's scope check
  still refuses one);
* one rule of its own: an incident reported through the form has happened, so a date after
  today (the office's local date) is refused. A weekly file may carry a date up to a year
  ahead (the parser's window); a form that offers a calendar should not;
* a duplicate names the stored incident it repeats (upload, who, when);
* storing refuses a report whose row was not accepted (refused or duplicate), instead of
  recording an upload of nothing.

The stored bytes are a CSV (';', UTF-8 with BOM, as Excel on Indonesian Windows saves it):
plain text a person can read in the archive, read by the same reader as staff CSVs, and
the same report always gives the same bytes (an xlsx carries its creation time), so the
upload page's "this very file was sent before" check applies too. Who and when are the
upload's own (uploads.uploaded_by, uploaded_at); the file name says "Lapor Cepat".
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import pandas as pd

from waspada import reference
from waspada.accounts import Accounts, User
from waspada.db import Database
from waspada.i18n import DEFAULT_LANG, UTC_OFFSET_HOURS, MessageError, msg
from waspada.ingest import parse_incident_file
from waspada.ingest.incidents import TEMPLATE_COLUMNS, column_problems
from waspada.uploads import StoreOutcome, UploadNotPermitted, UploadPreview, preview_upload, store_upload

FILE_PREFIX = "Lapor Cepat"
DATA_ROW = 2  # the one data row, under the heading row: the row number the preview names
MAX_DESCRIPTION_CHARS = 2000  # the form's limit; a phoned-in report is a few sentences


class QuickReportError(MessageError):
    """A quick report that cannot be stored; ``render(lang)`` says why."""


class QuickReportRefused(QuickReportError):
    """Its row was refused or is a duplicate: nothing is stored."""


@dataclass(frozen=True)
class QuickReport:
    """What the form holds. ``category`` None: let the description suggest one (as an empty
    type cell does in a file); ``source_kind`` None: not said."""

    occurred_on: date
    region_code: str  # kabupaten/kota
    kecamatan_code: str | None
    category: str | None
    description: str
    killed: int = 0
    injured: int = 0
    source_kind: str | None = None


@dataclass
class QuickPreview:
    """The upload preview of the generated file, plus the stored incident a duplicate repeats."""

    report: QuickReport
    upload: UploadPreview
    stored_duplicate: dict | None = None  # upload_id, file_name, source_row, uploaded_by, uploaded_at

    @property
    def storable(self) -> bool:
        return self.upload.storable and len(self.upload.report.accepted) == 1


# -- what the form may offer -------------------------------------------------------------------
def kabkota_choices(user: User) -> pd.DataFrame:
    """The kabupaten/kota the user may report for (code, name, province_code), by code."""
    regions = reference.regions()
    kab = regions[regions["level"] == "kabupaten_kota"]
    allowed = user.upload_regions() if user.can("upload") else frozenset()
    if allowed is not None:
        kab = kab[kab["code"].isin(allowed)]
    return kab[["code", "name", "province_code"]].sort_values("code").reset_index(drop=True)


def province_choices(user: User) -> pd.DataFrame:
    """The provinces holding a kabupaten/kota the user may report for (code, name)."""
    regions = reference.regions()
    codes = set(kabkota_choices(user)["province_code"])
    prov = regions[(regions["level"] == "provinsi") & regions["code"].isin(codes)]
    return prov[["code", "name"]].sort_values("code").reset_index(drop=True)


def kecamatan_choices(region_code: str) -> pd.DataFrame:
    """The kecamatan of one kabupaten/kota (code, name), by name."""
    regions = reference.regions()
    kec = regions[(regions["level"] == "kecamatan") & (regions["parent_code"] == region_code)]
    return kec[["code", "name"]].sort_values("name").reset_index(drop=True)


def local_today(region_code: str, now: datetime | None = None) -> date:
    """Today's date where the incident happened (WIB, WITA or WIT)."""
    now = now or datetime.now(timezone.utc)
    hours = UTC_OFFSET_HOURS[reference.timezone_of(region_code[:2])]
    return now.astimezone(timezone(timedelta(hours=hours))).date()


# -- the one-row file -------------------------------------------------------------------------
def report_row(report: QuickReport) -> dict[str, str]:
    """The report as a staff file's row: the template's columns, names as staff write them."""
    names = reference.regions().set_index("code")["name"]
    categories = reference.incident_categories().set_index("category")["name_id"]
    sources = reference.report_sources().set_index("source_kind")["name_id"]
    row = dict.fromkeys(TEMPLATE_COLUMNS, "")
    row |= {
        "tanggal": report.occurred_on.strftime("%d/%m/%Y"),
        "provinsi": names.get(report.region_code[:2], ""),
        "kabupaten_kota": names.get(report.region_code, report.region_code),
        "kecamatan": names.get(report.kecamatan_code, "") if report.kecamatan_code else "",
        "jenis_kejadian": categories.get(report.category, report.category) if report.category else "",
        "uraian": report.description,
        "korban_luka": str(int(report.injured)),
        "korban_meninggal": str(int(report.killed)),
        "sumber": sources.get(report.source_kind, report.source_kind) if report.source_kind else "",
    }
    return row


def report_file(report: QuickReport) -> bytes:
    """The CSV a staff member's Excel would save for this one row."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(TEMPLATE_COLUMNS)
    row = report_row(report)
    writer.writerow([row[c] for c in TEMPLATE_COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def file_name(user: User, now: datetime) -> str:
    """'Lapor Cepat 2024-11-18 14.05 staf.csv': what the upload list and the incident's
    source column show (in UTC; the upload row keeps the exact time)."""
    return f"{FILE_PREFIX} {now.astimezone(timezone.utc):%Y-%m-%d %H.%M.%S} {user.username}.csv"


# -- preview and store ------------------------------------------------------------------------
def preview_quick_report(db: Database, report: QuickReport, user: User, *, accounts: Accounts | None = None,
                         now: datetime | None = None, lang: str = DEFAULT_LANG) -> QuickPreview:
    """Check one quick report as the upload page checks a file; nothing is stored."""
    if not user.can("upload"):
        raise UploadNotPermitted("upload_not_permitted")
    now = now or datetime.now(timezone.utc)
    data = report_file(report)
    upload = preview_upload(db, data, file_name(user, now), user, accounts=accounts, lang=lang)
    preview = QuickPreview(report, upload)
    parsed = upload.report
    if parsed is None:
        return preview
    # "Column X unreadable in 1 of 1 rows, fix the column": a file's advice; the row's own refusal says it.
    parsed.warnings[:] = [w for w in parsed.warnings if w not in column_problems(parsed)]
    today = local_today(report.region_code, now)
    if report.occurred_on > today and len(parsed.accepted):
        parsed.refuse(DATA_ROW, "tanggal", msg("quick_report_future_date", day=f"{report.occurred_on:%d/%m/%Y}",
                                               today=f"{today:%d/%m/%Y}"))
        parsed.accepted = parsed.accepted.iloc[0:0]
    if parsed.duplicates:
        preview.stored_duplicate = stored_incident(db, data, upload.file_name)
    return preview


def stored_incident(db: Database, data: bytes, name: str) -> dict | None:
    """The visible stored incident with the same content as this one-row file (the parser's
    own content hash, read without the database so the duplicate row is not dropped)."""
    parsed = parse_incident_file(data, name)
    if parsed.accepted.empty:
        return None
    rows = db.query_df(
        "SELECT i.upload_id, u.file_name, i.source_row, u.uploaded_by, timezone('UTC', u.uploaded_at) AS uploaded_at "
        "FROM visible_incidents i JOIN uploads u USING (upload_id) WHERE i.content_hash = ?",
        [parsed.accepted["content_hash"].iloc[0]])
    if rows.empty:
        return None
    found = rows.iloc[0].to_dict()
    found["uploaded_at"] = pd.Timestamp(found["uploaded_at"]).tz_localize("UTC")
    return found


def store_quick_report(db: Database, accounts: Accounts, preview: QuickPreview, user: User) -> StoreOutcome:
    """Store a previewed quick report as an upload (archive, uploads row, incident, audit).
    A report whose row was refused or repeats a stored incident is refused, not stored."""
    if not user.can("upload"):
        raise UploadNotPermitted("upload_not_permitted")
    if preview.upload.report is not None and preview.upload.report.duplicates:
        raise QuickReportRefused("quick_report_duplicate")
    if not preview.storable:
        raise QuickReportRefused("quick_report_not_storable")
    outcome = store_upload(db, accounts, preview.upload, user)
    if outcome.result.new != 1:  # stored by someone else between preview and store
        raise QuickReportRefused("quick_report_duplicate")
    return outcome
