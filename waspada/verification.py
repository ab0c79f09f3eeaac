"""Verification of incidents: dilaporkan (reported, the default), terverifikasi (checked),
ditolak (rejected, with a reason: hoaks, duplikat of another incident, di luar wilayah,
lainnya with a note).

Every decision is an event in ``incident_verifications`` keyed on the incident's content
hash, so the history is kept and a corrected file loaded again keeps the status of its
unchanged rows; the current status is the view ``incident_status`` (schema.sql), which
``visible_incidents`` carries as ``verification_status``. The risk model weighs that
status ([verification] in data/risk_model.toml); nothing else here touches the score.

Staf decide for the kabupaten/kota they may report for (``User.upload_regions``), admin
everywhere, pimpinan not at all. Every decision, and every refusal, goes to the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING

import pandas as pd

from waspada.db import Database
from waspada.i18n import MessageError
from waspada.uploads import WITHDRAWN_MARK

if TYPE_CHECKING:
    from waspada.accounts import Accounts, User

STATUSES = ("dilaporkan", "terverifikasi", "ditolak")
REJECT_REASONS = ("hoaks", "duplikat", "di_luar_wilayah", "lainnya")
NOTE_MAX = 2000  # a note is a sentence or two, not a document
# Catalogue keys of the words (waspada/texts/verification.py), named here so each is read as written.
STATUS_TEXT = {"dilaporkan": "verify_status_dilaporkan", "terverifikasi": "verify_status_terverifikasi",
               "ditolak": "verify_status_ditolak"}
REASON_TEXT = {"hoaks": "verify_reason_hoaks", "duplikat": "verify_reason_duplikat",
               "di_luar_wilayah": "verify_reason_di_luar_wilayah", "lainnya": "verify_reason_lainnya"}


class VerificationRefused(MessageError):
    """The decision cannot be recorded: not allowed, out of scope, or incomplete."""


class _OutOfScope(Exception):
    """Rolls the writer back when a selected incident lies outside the user's scope."""


@dataclass(frozen=True)
class Decision:
    status: str
    reason: str | None = None
    duplicate_of: int | None = None
    note: str | None = None


def check_decision(decision: Decision) -> Decision:
    """The decision as stored, or VerificationRefused saying what is missing. A rejection
    needs a reason; duplikat needs the incident it repeats; lainnya needs a note."""
    note = (decision.note or "").strip()[:NOTE_MAX] or None
    if decision.status not in STATUSES:
        raise VerificationRefused("verify_unknown_status", status=decision.status)
    if decision.status != "ditolak":
        return Decision(decision.status, None, None, note)
    if decision.reason not in REJECT_REASONS:
        raise VerificationRefused("verify_reason_needed")
    if decision.reason == "duplikat" and decision.duplicate_of is None:
        raise VerificationRefused("verify_duplicate_needs_incident")
    if decision.reason == "lainnya" and not note:
        raise VerificationRefused("verify_other_needs_note")
    dup = int(decision.duplicate_of) if decision.reason == "duplikat" else None
    return Decision("ditolak", decision.reason, dup, note)


def may_verify(user: "User", region_code: str) -> bool:
    """Staf for the kabupaten/kota they may report for, admin everywhere, pimpinan never."""
    if not user.can("verify"):
        return False
    allowed = user.upload_regions()
    return allowed is None or region_code in allowed


def verify_incidents(db: Database, accounts: "Accounts", user: "User", incident_ids, decision: Decision,
                     now: datetime | None = None) -> int:
    """Record ``decision`` for the (visible) incidents ``incident_ids`` in one transaction;
    returns how many incidents it was recorded for. All or nothing: one incident outside the
    user's scope refuses the whole selection, and the refusal is audited."""
    decision = check_decision(decision)
    ids = sorted({int(i) for i in incident_ids})
    if not ids:
        raise VerificationRefused("verify_nothing_selected")
    detail = {"incidents": ids, "status": decision.status, "reason": decision.reason,
              "duplicate_of": decision.duplicate_of, "note": decision.note, "role": user.role}
    if not user.can("verify"):
        accounts.audit(user.username, "verification_refused", None, detail)
        raise VerificationRefused("verify_not_permitted")
    now = now or datetime.now(timezone.utc)
    outside: list[str] = []
    try:
        with db.writer() as con:
            rows = con.execute(
                "SELECT id, content_hash, region_code FROM visible_incidents"
                " WHERE id IN (SELECT unnest(?::BIGINT[]))", [ids]).fetchall()
            missing = sorted(set(ids) - {r[0] for r in rows})
            if missing:
                raise VerificationRefused("verify_unknown_incident", ids=", ".join(map(str, missing)))
            outside = sorted({r[2] for r in rows if not may_verify(user, r[2])})
            if outside:
                raise _OutOfScope()  # nothing is written: the copy is dropped
            if decision.duplicate_of is not None:
                if decision.duplicate_of in ids:
                    raise VerificationRefused("verify_duplicate_of_itself", id=decision.duplicate_of)
                known = con.execute("SELECT count(*) FROM visible_incidents WHERE id = ?",
                                    [decision.duplicate_of]).fetchall()[0][0]
                if not known:
                    raise VerificationRefused("verify_unknown_incident", ids=str(decision.duplicate_of))
            con.executemany(
                "INSERT INTO incident_verifications (incident_key, incident_id, status, reason, duplicate_of, note,"
                " decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [[key, iid, decision.status, decision.reason, decision.duplicate_of, decision.note,
                  user.username, now] for iid, key, _ in rows])
    except _OutOfScope:
        accounts.audit(user.username, "verification_refused", None, detail | {"outside": outside})
        raise VerificationRefused("verify_out_of_scope", regions=", ".join(outside)) from None
    accounts.audit(user.username, "incident_verification", ", ".join(f"#{i}" for i in ids), detail)
    return len(ids)


# -- reading -----------------------------------------------------------------------------------
def statuses(cur, *, ids) -> pd.DataFrame:
    """id, status, reason, duplicate_of, note, decided_by, decided_at (aware UTC) of the
    given visible incidents; dilaporkan with no decision when nobody has decided yet."""
    df = cur.execute(
        "SELECT i.id, i.verification_status AS status, s.reason, s.duplicate_of, s.note, s.decided_by,"
        " timezone('UTC', s.decided_at) AS decided_at"
        " FROM visible_incidents i LEFT JOIN incident_status s ON s.incident_key = i.content_hash"
        " WHERE i.id IN (SELECT unnest(?::BIGINT[])) ORDER BY i.id", [[int(i) for i in ids]]).df()
    df["decided_at"] = pd.to_datetime(df["decided_at"]).dt.tz_localize("UTC")
    return df


def history(cur, *, incident_id: int) -> pd.DataFrame:
    """Every decision on the incident (on its content, so from earlier uploads of the same
    row too), oldest first."""
    df = cur.execute(
        "SELECT v.event_id, v.status, v.reason, v.duplicate_of, v.note, v.decided_by,"
        " timezone('UTC', v.decided_at) AS decided_at FROM incident_verifications v"
        " JOIN incidents i ON v.incident_key = split_part(i.content_hash, ?, 1)"
        " WHERE i.id = ? ORDER BY v.event_id", [WITHDRAWN_MARK, int(incident_id)]).df()
    df["decided_at"] = pd.to_datetime(df["decided_at"]).dt.tz_localize("UTC")
    return df

