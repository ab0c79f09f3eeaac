"""The action register: rencana aksi, and the rencana kontinjensi prepared before high-risk
phases (issue 15). What the office and the Forkopimda do about a warning, per region and phase.

State lives in one place, table ``actions`` (one row per action, its current status); every
change is also one row of ``action_events`` (the history) and one row of the audit trail.
Statuses: rencana -> berjalan -> selesai (with its result) or batal (with its reason);
selesai and batal are final (``TRANSITIONS``, checked by ``check_change``).

Who may do what (``waspada.accounts.users.PERMISSIONS``): staf record and update actions for the
kabupaten/kota they may report for (and the province when their scope is the whole province);
pimpinan read, comment and assign the person responsible; admin everything.

An action is keyed by region, phase, kind, what and agency (``action_key``): importing the same
Excel matrix again updates those actions and never duplicates them.
No streamlit here: pages and the command line render the Messages this module returns or raises.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from waspada import reference
from waspada.export import safe_cell, unguarded
from waspada.i18n import DEFAULT_LANG, Message, MessageError, msg, phase_name, t
from waspada.ingest.dates import parse_date
from waspada.ingest.regions import resolver_for
from waspada.ingest.text import cell_text, key, words
from waspada.ingest.vocab import phase_matcher
from waspada.paths import DATA_DIR

LIBRARY_PATH = DATA_DIR / "actions" / "library.csv"
KINDS = ("aksi", "kontinjensi")
STATUSES = ("rencana", "berjalan", "selesai", "batal")
OPEN_STATUSES = ("rencana", "berjalan")
# Where a status may go. A finished or cancelled action stays so: a new action is recorded instead,
# so the history of what was done is never rewritten.
TRANSITIONS: dict[str, frozenset[str]] = {
    "rencana": frozenset({"berjalan", "selesai", "batal"}),
    "berjalan": frozenset({"rencana", "selesai", "batal"}),
    "selesai": frozenset(),
    "batal": frozenset(),
}
# The agencies offices name, with the words their files use; anything else is kept as written
# ("Dinas Kominfo", "Kejari").
AGENCIES: dict[str, tuple[str, ...]] = {
    "Kesbangpol": ("kesbangpol", "badan kesbangpol", "bakesbangpol", "kesbangpolinmas", "kesbangpol linmas"),
    "Polres/Polda": ("polres", "polda", "polresta", "polrestabes", "polsek", "polri", "kepolisian", "polres polda"),
    "Kodim/Korem": ("kodim", "korem", "koramil", "kodam", "tni", "kodim korem"),
    "KPU": ("kpu", "kpud", "kpu provinsi", "kpu kabupaten", "kpu kota"),
    "Bawaslu": ("bawaslu", "panwaslu", "panwascam", "bawaslu provinsi", "bawaslu kabupaten", "bawaslu kota"),
    "Satpol PP": ("satpol pp", "satpolpp", "satuan polisi pamong praja"),
    "FKUB": ("fkub", "forum kerukunan umat beragama"),
    "FKDM": ("fkdm", "forum kewaspadaan dini masyarakat"),
    "Forkopimda": ("forkopimda",),
    "Pemda": ("pemda", "pemerintah daerah", "pemkab", "pemkot", "pemprov", "sekda", "setda"),
}
_AGENCY_BY_WORDS = {words(w): name for name, ws in AGENCIES.items() for w in (name, *ws)}
_STATUS_WORDS = {
    "rencana": "rencana", "direncanakan": "rencana", "belum": "rencana", "belum dimulai": "rencana",
    "planned": "rencana", "plan": "rencana",
    "berjalan": "berjalan", "sedang berjalan": "berjalan", "proses": "berjalan", "dalam proses": "berjalan",
    "ongoing": "berjalan", "in progress": "berjalan",
    "selesai": "selesai", "sudah": "selesai", "sudah dilaksanakan": "selesai", "terlaksana": "selesai",
    "done": "selesai", "completed": "selesai",
    "batal": "batal", "dibatalkan": "batal", "tidak dilaksanakan": "batal", "cancelled": "batal",
    "canceled": "batal",
}
_KIND_WORDS = {"aksi": "aksi", "rencana aksi": "aksi", "action": "aksi", "kontinjensi": "kontinjensi",
               "rencana kontinjensi": "kontinjensi", "kontingensi": "kontinjensi", "contingency": "kontinjensi"}
EVENTS = ("dibuat", "status", "ditugaskan", "komentar", "diimpor")


class ActionError(MessageError):
    """An action change that may not be made (outside scope, wrong role, a status change that
    needs a result or a reason, an unknown region or phase...)."""


def normalise_agency(text) -> str:
    """'polres tarakan' stays as written; 'POLRES' and 'Polda' -> 'Polres/Polda'; '' -> ''."""
    raw = cell_text(text)
    return _AGENCY_BY_WORDS.get(words(raw), raw)


def action_key(election_id: str, region_code: str, phase: str, kind: str, what: str, agency: str) -> str:
    """What identifies an action across imports: the same region, phase, kind, activity and agency
    (case, spaces and punctuation aside) are the same action."""
    parts = [election_id, region_code, phase, kind, words(what), key(normalise_agency(agency))]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


# -- rules ------------------------------------------------------------------------------------
def check_change(current: str | None, new: str, result: str | None) -> None:
    """Refuse a status (for a new action: ``current`` None) that may not be reached: an unknown
    status, a move out of a final one, selesai without its result, batal without its reason."""
    if new not in STATUSES:
        raise ActionError("actions_unknown_status", status=new, statuses=", ".join(STATUSES))
    if current is not None and new != current and new not in TRANSITIONS[current]:
        raise ActionError("actions_bad_transition", old=current, new=new)
    if new == "selesai" and not cell_text(result):
        raise ActionError("actions_done_needs_result")
    if new == "batal" and not cell_text(result):
        raise ActionError("actions_cancel_needs_reason")


def may_record(user, region_code: str) -> bool:
    """Staf for the kabupaten/kota they may report for (the province too when their scope is the
    whole province); admin anywhere; pimpinan not (they comment and assign)."""
    if user is None:  # the command line acting as the system
        return True
    if not user.can("record_actions"):
        return False
    scope = user.upload_regions()
    if scope is None:
        return True
    if "." not in region_code:  # a province-level action
        return not user.regions and user.province_code == region_code
    return region_code in scope


def _actor(user) -> str:
    return user.username if user is not None else "sistem"


@functools.lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    """Province and kabupaten/kota codes -> official name (reference data: read once)."""
    r = reference.regions()
    r = r[r["level"].isin(("provinsi", "kabupaten_kota"))]
    return dict(zip(r["code"], r["name"]))


def _region(region_code: str) -> pd.Series:
    code = reference.dotted(cell_text(region_code))
    if code not in _regions():
        raise ActionError("actions_unknown_region", code=region_code)
    return pd.Series({"name": _regions()[code]}, name=code)


# -- writing ----------------------------------------------------------------------------------
@dataclass
class NewAction:
    """One action as a person or a file states it, before it is stored."""
    region_code: str
    phase: str
    what: str
    agency: str
    kind: str = "aksi"
    responsible: str | None = None
    due_on: date | None = None
    status: str = "rencana"
    result: str | None = None
    alert_id: str | None = None
    category: str | None = None
    library_id: str | None = None
    election_id: str = reference.DEFAULT_ELECTION_ID

    def cleaned(self) -> "NewAction":
        region = _region(self.region_code)
        if self.phase not in reference.PHASES:
            raise ActionError("actions_unknown_phase", phase=self.phase)
        if self.kind not in KINDS:
            raise ActionError("actions_unknown_kind", kind=self.kind)
        what, agency = cell_text(self.what), normalise_agency(self.agency)
        if not what:
            raise ActionError("actions_what_empty")
        if not agency:
            raise ActionError("actions_agency_empty")
        check_change(None, self.status, self.result)
        return NewAction(region.name, self.phase, what, agency, self.kind, cell_text(self.responsible) or None,
                         self.due_on, self.status, cell_text(self.result) or None, self.alert_id or None,
                         self.category or None, self.library_id or None, self.election_id)

    @property
    def key(self) -> str:
        return action_key(self.election_id, self.region_code, self.phase, self.kind, self.what, self.agency)


def _event(con, action_id: int, now: datetime, actor: str, event: str, status_from=None, status_to=None,
           note=None, detail: dict | None = None) -> None:
    con.execute("INSERT INTO action_events (action_id, event_at, actor, event, status_from, status_to, note, detail)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [action_id, now, actor, event, status_from, status_to, note,
                 json.dumps(detail or {}, ensure_ascii=False, default=str)])


def _insert(con, a: NewAction, actor: str, now: datetime, done_on: date | None, event: str) -> int:
    province = a.region_code.split(".")[0]
    action_id = con.execute(
        "INSERT INTO actions (action_key, election_id, region_code, province_code, phase, kind, what, agency,"
        " responsible, due_on, status, result, done_on, alert_id, category, library_id, created_by, created_at,"
        " updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " RETURNING action_id",
        [a.key, a.election_id, a.region_code, province, a.phase, a.kind, a.what, a.agency, a.responsible, a.due_on,
         a.status, a.result, done_on if a.status == "selesai" else None, a.alert_id, a.category, a.library_id,
         actor, now, actor, now]).fetchall()[0][0]
    _event(con, action_id, now, actor, event, None, a.status, a.result,
           {"what": a.what, "agency": a.agency, "region": a.region_code, "phase": a.phase})
    return int(action_id)


def _value(v):
    return None if v is None or (not isinstance(v, str) and pd.isna(v)) else v


def _insert_many(con, new: list[NewAction], actor: str, now: datetime) -> list[int]:
    """Insert actions new to the register (from an import) with their 'diimpor' events; their ids."""
    frame = pd.DataFrame({
        "action_key": [a.key for a in new], "election_id": [a.election_id for a in new],
        "region_code": [a.region_code for a in new], "province_code": [a.region_code.split(".")[0] for a in new],
        "phase": [a.phase for a in new], "kind": [a.kind for a in new], "what": [a.what for a in new],
        "agency": [a.agency for a in new], "responsible": pd.Series([a.responsible for a in new], dtype=object),
        "due_on": pd.to_datetime(pd.Series([a.due_on for a in new], dtype=object)),
        "status": [a.status for a in new], "result": pd.Series([a.result for a in new], dtype=object),
        "done_on": pd.to_datetime(pd.Series([now.date() if a.status == "selesai" else None for a in new], dtype=object)),
    })
    con.register("imported_actions", frame)
    try:
        rows = con.execute(
            "INSERT INTO actions (action_key, election_id, region_code, province_code, phase, kind, what, agency,"
            " responsible, due_on, status, result, done_on, created_by, created_at, updated_by, updated_at)"
            " SELECT action_key, election_id, region_code, province_code, phase, kind, what, agency, responsible,"
            " CAST(due_on AS DATE), status, result, CAST(done_on AS DATE), ?, ?, ?, ? FROM imported_actions"
            " RETURNING action_id, status, result", [actor, now, actor, now]).fetchall()
    finally:
        con.unregister("imported_actions")
    con.executemany("INSERT INTO action_events (action_id, event_at, actor, event, status_from, status_to, note)"
                    " VALUES (?, ?, ?, 'diimpor', NULL, ?, ?)", [[r[0], now, actor, r[1], r[2]] for r in rows])
    return [int(r[0]) for r in rows]


def add_action(db, accounts, user, action: NewAction, *, now: datetime | None = None,
               done_on: date | None = None) -> int:
    """Record one action for ``user`` (staf in scope, admin); returns its id. An action with the
    same key already in the register is refused (actions_exists), never stored twice. Audited."""
    a = action.cleaned()
    now = now or datetime.now(timezone.utc)
    if not may_record(user, a.region_code):
        if user is not None:
            accounts.audit(user.username, "action_refused", a.region_code, {"what": a.what, "role": user.role})
        raise ActionError("actions_outside_scope" if user is None or user.can("record_actions")
                          else "actions_not_permitted", region=_region(a.region_code)["name"])
    with db.writer() as con:
        known = con.execute("SELECT action_id FROM actions WHERE action_key = ?", [a.key]).fetchall()
        if known:
            raise ActionError("actions_exists", action_id=known[0][0])
        action_id = _insert(con, a, _actor(user), now, done_on or now.date(), "dibuat")
    accounts.audit(_actor(user), "action_created", str(action_id),
                   {"region": a.region_code, "phase": a.phase, "kind": a.kind, "what": a.what, "agency": a.agency,
                    "status": a.status, "library_id": a.library_id, "alert_id": a.alert_id})
    return action_id


def _current(con, action_id: int) -> dict:
    df = con.execute("SELECT action_id, region_code, status, result, responsible FROM actions WHERE action_id = ?",
                     [int(action_id)]).df()
    if df.empty:
        raise ActionError("actions_not_found", action_id=action_id)
    return {k: (None if not isinstance(v, str) and pd.isna(v) else v) for k, v in df.iloc[0].to_dict().items()}


def _may_change(user, region_code: str, accounts, action_id: int, what: str) -> None:
    if not may_record(user, region_code):
        accounts.audit(_actor(user), "action_refused", str(action_id), {"change": what, "role": user.role})
        raise ActionError("actions_outside_scope" if user.can("record_actions") else "actions_not_permitted",
                          region=_region(region_code)["name"])


def change_status(db, accounts, user, action_id: int, status: str, *, result: str | None = None,
                  done_on: date | None = None, now: datetime | None = None) -> None:
    """Move an action to ``status``: selesai with its result (and the day it was done, not after
    today), batal with its reason. Staf in scope and admin. History and audit."""
    now = now or datetime.now(timezone.utc)
    done_on = done_on or now.date()
    if done_on > now.date():
        raise ActionError("actions_done_in_future", date=done_on.isoformat())
    with db.writer() as con:
        cur = _current(con, action_id)
        _may_change(user, cur["region_code"], accounts, action_id, status)
        check_change(cur["status"], status, result)
        if status == cur["status"]:
            return
        result = (cell_text(result) or None) if status in ("selesai", "batal") else cur["result"]
        con.execute("UPDATE actions SET status = ?, result = ?, done_on = ?, updated_by = ?, updated_at = ?"
                    " WHERE action_id = ?",
                    [status, result, done_on if status == "selesai" else None, _actor(user), now, int(action_id)])
        _event(con, int(action_id), now, _actor(user), "status", cur["status"], status, result,
               {"done_on": done_on.isoformat()} if status == "selesai" else None)
    accounts.audit(_actor(user), "action_status", str(action_id),
                   {"from": cur["status"], "to": status, "result": result})


def assign(db, accounts, user, action_id: int, responsible: str, *, now: datetime | None = None) -> None:
    """Name the person responsible: pimpinan and admin anywhere, staf in their scope."""
    now = now or datetime.now(timezone.utc)
    responsible = cell_text(responsible)
    if not responsible:
        raise ActionError("actions_responsible_empty")
    with db.writer() as con:
        cur = _current(con, action_id)
        if user is not None and not user.can("assign_actions"):
            _may_change(user, cur["region_code"], accounts, action_id, "assign")
        con.execute("UPDATE actions SET responsible = ?, updated_by = ?, updated_at = ? WHERE action_id = ?",
                    [responsible, _actor(user), now, int(action_id)])
        _event(con, int(action_id), now, _actor(user), "ditugaskan", note=responsible,
               detail={"from": cur["responsible"]})
    accounts.audit(_actor(user), "action_assigned", str(action_id), {"from": cur["responsible"], "to": responsible})


def comment(db, accounts, user, action_id: int, text: str, *, now: datetime | None = None) -> None:
    """A note on an action's history; every role that reads may comment."""
    now = now or datetime.now(timezone.utc)
    text = cell_text(text)
    if not text:
        raise ActionError("actions_comment_empty")
    if user is not None and not user.can("comment_actions"):
        raise ActionError("actions_not_permitted", region="–")
    with db.writer() as con:
        _current(con, action_id)
        _event(con, int(action_id), now, _actor(user), "komentar", note=text)
    accounts.audit(_actor(user), "action_comment", str(action_id), {"note": text[:200]})


# -- the library ------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _library() -> pd.DataFrame:
    df = pd.read_csv(LIBRARY_PATH, dtype=str, keep_default_na=False)
    return df


def library(*, category: str | None = None, phase: str | None = None) -> pd.DataFrame:
    """The library's rows (data/actions/library.csv) that fit a category and phase: a row with no
    category or phase fits any. Rows for that exact category and phase first."""
    df = _library().copy()
    if category:
        df = df[(df["category"] == "") | (df["category"] == category)]
    if phase:
        df = df[(df["phase"] == "") | (df["phase"] == phase)]
    df["_fit"] = (df["category"] != "").astype(int) + (df["phase"] != "").astype(int)
    return df.sort_values(["_fit", "library_id"], ascending=[False, True]).drop(columns="_fit").reset_index(drop=True)


def from_library(library_id: str, *, region_code: str, phase: str | None = None, lang: str = DEFAULT_LANG,
                 **fields) -> NewAction:
    """A new action started from a library row: its activity (in the reader's language), agency,
    kind, category and phase (the row's, else ``phase``); the caller adds region, person, date."""
    rows = _library()[_library()["library_id"] == library_id]
    if rows.empty:
        raise ActionError("actions_library_unknown", library_id=library_id)
    r = rows.iloc[0]
    chosen = phase or r["phase"]
    if not chosen:
        raise ActionError("actions_unknown_phase", phase="")
    return NewAction(region_code=region_code, phase=chosen, what=r["what_en" if lang == "en" else "what_id"],
                     agency=r["agency"], kind=r["kind"], category=r["category"] or None, library_id=library_id,
                     **fields)


# -- Excel matrix -----------------------------------------------------------------------------
# The matrix offices plan in today, in their words (the export is an Indonesian document).
MATRIX_COLUMNS = ("No", "Wilayah", "Tahapan", "Kegiatan", "Instansi", "Penanggung jawab", "Tenggat", "Status",
                  "Hasil", "Jenis")
_HEADER_WORDS = {
    "no": "No", "nomor": "No",
    "wilayah": "Wilayah", "kabupaten kota": "Wilayah", "kab kota": "Wilayah", "daerah": "Wilayah", "region": "Wilayah",
    "tahapan": "Tahapan", "tahap": "Tahapan", "phase": "Tahapan",
    "kegiatan": "Kegiatan", "rencana aksi": "Kegiatan", "aksi": "Kegiatan", "uraian kegiatan": "Kegiatan",
    "activity": "Kegiatan", "action": "Kegiatan",
    "instansi": "Instansi", "instansi pelaksana": "Instansi", "pelaksana": "Instansi", "agency": "Instansi",
    "penanggung jawab": "Penanggung jawab", "pj": "Penanggung jawab", "person responsible": "Penanggung jawab",
    "tenggat": "Tenggat", "batas waktu": "Tenggat", "target waktu": "Tenggat", "due date": "Tenggat",
    "status": "Status",
    "hasil": "Hasil", "keterangan": "Hasil", "hasil keterangan": "Hasil", "result": "Hasil",
    "jenis": "Jenis", "kind": "Jenis",
}
REQUIRED_COLUMNS = ("Wilayah", "Tahapan", "Kegiatan", "Instansi")


def export_matrix(frame: pd.DataFrame, *, title: str, lang: str = DEFAULT_LANG) -> bytes:
    """The register as the offices' matrix (MATRIX_COLUMNS), from queries.actions rows. Every
    cell goes through the export guard: a '=HYPERLINK(...)' activity stays text."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Rencana aksi"
    ws.cell(row=1, column=1, value=safe_cell(title, lang)).font = Font(bold=True)
    ws.cell(row=1, column=1).data_type = "s"
    header = 3
    for c, name in enumerate(MATRIX_COLUMNS, start=1):
        ws.cell(row=header, column=c, value=name).font = Font(bold=True)
    for i, r in enumerate(frame.itertuples(index=False), start=1):
        values = [i, r.region_name, phase_name(r.phase, "id"), r.what, r.agency, r.responsible,
                  pd.Timestamp(r.due_on).date() if pd.notna(r.due_on) else None, r.status, r.result, r.kind]
        for c, v in enumerate(values, start=1):
            cell = ws.cell(row=header + i, column=c, value=safe_cell(v, lang))
            if isinstance(cell.value, str):
                cell.data_type = "s"
            elif isinstance(cell.value, date):
                cell.number_format = "DD/MM/YYYY"
    for c, w in enumerate((5, 24, 16, 60, 16, 22, 12, 10, 40, 12), start=1):
        ws.column_dimensions[get_column_letter(c)].width = w
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@dataclass(frozen=True)
class ImportRefusal:
    file: str
    row: int  # as the spreadsheet shows it
    column: str
    reason: Message

    def render(self, lang: str = DEFAULT_LANG) -> str:
        return t("actions_refusal", lang, file=self.file, row=self.row, column=self.column, reason=self.reason)


@dataclass
class ImportReport:
    file: str
    rows: int = 0
    added: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    duplicates: list[tuple[int, int]] = field(default_factory=list)  # (row, the earlier row of the same action)
    refused: list[ImportRefusal] = field(default_factory=list)

    def summary(self) -> Message:
        return msg("actions_import_summary", file=self.file, rows=self.rows, added=len(self.added),
                   updated=len(self.updated), unchanged=len(self.unchanged), duplicates=len(self.duplicates),
                   refused=len(self.refused))


def _read_rows(data: bytes, file_name: str) -> list[tuple[int, list]]:
    """(row number as shown, cells) of the first sheet (xlsx) or of a CSV file."""
    if file_name.lower().endswith(".csv"):
        text = data.decode("utf-8-sig", errors="replace")
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
        return [(i, row) for i, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1)]
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise ActionError("actions_import_unreadable", file=file_name) from None
    ws = wb.worksheets[0]
    return [(i, list(row)) for i, row in enumerate(ws.iter_rows(values_only=True), start=1)]


def _header(rows: list[tuple[int, list]]) -> tuple[int, dict[str, int]] | None:
    for n, (row_no, cells) in enumerate(rows[:20]):
        found = {}
        for c, v in enumerate(cells):
            name = _HEADER_WORDS.get(words(v))
            if name and name not in found:
                found[name] = c
        if {"Wilayah", "Kegiatan"} <= set(found):
            return n, found
    return None


def import_matrix(db, accounts, user, data: bytes, file_name: str, *, province: str | None = None,
                  now: datetime | None = None) -> ImportReport:
    """Read an action matrix (xlsx or csv) and store every valid row in one transaction: a row
    whose action is already in the register updates its person, due date, status and result (when
    they differ), a new one is added; a row refused names its file, row, column and reason, and a
    second row of the same action in the file is reported as a duplicate. Nothing is dropped
    without a word. Only staf (in their scope) and admin import. Audited."""
    now = now or datetime.now(timezone.utc)
    report = ImportReport(file=file_name)
    if user is not None and not user.can("record_actions"):
        raise ActionError("actions_not_permitted", region="–")
    rows = _read_rows(data, file_name)
    found = _header(rows)
    if found is None:
        raise ActionError("actions_import_no_header", file=file_name, columns=", ".join(REQUIRED_COLUMNS))
    start, cols = found
    missing = [c for c in REQUIRED_COLUMNS if c not in cols]
    if missing:
        raise ActionError("actions_import_missing_columns", file=file_name, columns=", ".join(missing))
    resolver = resolver_for(db)
    phases = phase_matcher()
    province = province or (user.province_code if user is not None and user.role == "staf" else None)
    parsed: list[tuple[int, NewAction]] = []
    seen: dict[str, int] = {}

    def cell(cells, name):
        i = cols.get(name)
        value = cells[i] if i is not None and i < len(cells) else None
        return unguarded(value) if isinstance(value, str) else value

    for row_no, cells in rows[start + 1:]:
        if not any(cell_text(v) for v in cells):
            continue
        report.rows += 1

        def refuse(column: str, reason: Message) -> None:
            report.refused.append(ImportRefusal(file_name, row_no, column, reason))

        region = resolver.kabkota(cell(cells, "Wilayah"), province, allow_province=True)
        if region.code is None:
            refuse("Wilayah", region.reason or msg("actions_region_empty"))
            continue
        phase, _ = phases.match(cell(cells, "Tahapan"))
        if phase is None:
            refuse("Tahapan", msg("actions_phase_unreadable", raw=cell_text(cell(cells, "Tahapan"))))
            continue
        due = None
        if cell_text(cell(cells, "Tenggat")):
            due, why = parse_date(cell(cells, "Tenggat"))
            if due is None:
                refuse("Tenggat", why)
                continue
        status_raw = cell_text(cell(cells, "Status"))
        status = _STATUS_WORDS.get(words(status_raw), None) if status_raw else "rencana"
        if status is None:
            refuse("Status", msg("actions_status_unreadable", raw=status_raw, statuses=", ".join(STATUSES)))
            continue
        kind_raw = cell_text(cell(cells, "Jenis"))
        kind = _KIND_WORDS.get(words(kind_raw)) if kind_raw else "aksi"
        if kind is None:
            refuse("Jenis", msg("actions_kind_unreadable", raw=kind_raw))
            continue
        try:
            a = NewAction(region.code, phase, cell_text(cell(cells, "Kegiatan")), cell_text(cell(cells, "Instansi")),
                          kind, cell_text(cell(cells, "Penanggung jawab")) or None, due, status,
                          cell_text(cell(cells, "Hasil")) or None).cleaned()
        except ActionError as exc:
            column = {"actions_what_empty": "Kegiatan", "actions_agency_empty": "Instansi"}.get(exc.message.key, "Status")
            refuse(column, exc.message)
            continue
        if not may_record(user, a.region_code):
            refuse("Wilayah", msg("actions_outside_scope", region=_region(a.region_code)["name"]))
            continue
        if a.key in seen:
            report.duplicates.append((row_no, seen[a.key]))
            continue
        seen[a.key] = row_no
        parsed.append((row_no, a))

    actor = _actor(user)
    with db.writer() as con:
        # One read of the actions the file names and one insert of the new ones: a matrix of
        # hundreds of rows is stored in seconds, not one round trip per row.
        known = con.execute("SELECT action_id, action_key, status, result, responsible, due_on FROM actions"
                            " WHERE list_contains(?, action_key)", [[a.key for _, a in parsed]]).df()
        known = {r["action_key"]: r for r in known.to_dict("records")}
        fresh = [a for _, a in parsed if a.key not in known]
        if fresh:
            report.added += _insert_many(con, fresh, actor, now)
        for row_no, a in parsed:
            k = known.get(a.key)
            if k is None:
                continue
            action_id = int(k["action_id"])
            before = {"status": k["status"], "result": _value(k["result"]), "responsible": _value(k["responsible"]),
                      "due_on": pd.Timestamp(k["due_on"]).date() if pd.notna(k["due_on"]) else None}
            after = {"status": a.status, "result": a.result, "responsible": a.responsible, "due_on": a.due_on}
            changed = {f: (before[f], after[f]) for f in after if before[f] != after[f]}
            if not changed:
                report.unchanged.append(action_id)
                continue
            try:
                check_change(before["status"], a.status, a.result)
            except ActionError as exc:
                report.refused.append(ImportRefusal(file_name, row_no, "Status", exc.message))
                continue
            done_on = now.date() if a.status == "selesai" and before["status"] != "selesai" else None
            con.execute("UPDATE actions SET status = ?, result = ?, responsible = ?, due_on = ?,"
                        " done_on = CASE WHEN ? THEN ? ELSE done_on END, updated_by = ?, updated_at = ?"
                        " WHERE action_id = ?",
                        [a.status, a.result, a.responsible, a.due_on, done_on is not None, done_on, actor, now,
                         action_id])
            _event(con, action_id, now, actor, "diimpor", before["status"], a.status, a.result,
                   {"file": file_name, "row": row_no, "changed": {f: [str(x), str(y)] for f, (x, y) in changed.items()}})
            report.updated.append(action_id)
    accounts.audit(actor, "action_import", file_name,
                   {"rows": report.rows, "added": len(report.added), "updated": len(report.updated),
                    "unchanged": len(report.unchanged), "duplicates": len(report.duplicates),
                    "refused": len(report.refused)})
    return report
