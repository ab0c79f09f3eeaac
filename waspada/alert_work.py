"""Alerts someone owns: what officials do about an early-warning alert.

An alert (table ``alerts``, raised by waspada.risk) is ``baru`` until someone takes it or is
assigned it (``ditangani``), and is closed as ``selesai`` (dealt with) or ``diabaikan``
(dismissed, with a reason). No alert closes without an owner. Each step is an event in
``alert_events`` keyed by the alert's stable id; the status and owner after an event are
stored with it, so the current state is the latest event (``current_state``) and the whole
history stays. Every write runs in one Database.writer() transaction, which reads the latest
state under the writers' lock: two officials acting at once are applied one after the other,
and neither update is lost (or a step that no longer fits is refused).

Roles (``PERMISSIONS`` in waspada.accounts.users): staf take, note, close and reopen alerts of
the kabupaten/kota they may report for; pimpinan read, note and assign an owner; admin all.
Every step and every refusal goes to the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING

import pandas as pd

from waspada.db import Database
from waspada.i18n import MessageError

if TYPE_CHECKING:
    from waspada.accounts import Accounts, User

ALERT_STATUSES = ("baru", "ditangani", "selesai", "diabaikan")
OPEN_STATUSES = ("baru", "ditangani")
CLOSED_STATUSES = ("selesai", "diabaikan")
ACTIONS = ("ambil", "tugaskan", "catatan", "selesai", "abaikan", "buka")
DISMISS_REASONS = ("alarm_palsu", "ditangani_pihak_lain", "di_luar_kewenangan", "lainnya")
# Which permission each step needs (waspada.accounts.users.PERMISSIONS).
ACTION_PERMISSION = {"ambil": "work_alerts", "selesai": "work_alerts", "abaikan": "work_alerts",
                     "buka": "work_alerts", "tugaskan": "assign_alerts", "catatan": "comment_alerts"}
NOTE_MAX = 2000
# Catalogue keys of the words (waspada/texts/verification.py), named here so each is read as written.
STATUS_TEXT = {"baru": "alert_status_baru", "ditangani": "alert_status_ditangani", "selesai": "alert_status_selesai",
               "diabaikan": "alert_status_diabaikan"}
ACTION_TEXT = {"ambil": "alert_action_ambil", "tugaskan": "alert_action_tugaskan", "catatan": "alert_action_catatan",
               "selesai": "alert_action_selesai", "abaikan": "alert_action_abaikan", "buka": "alert_action_buka"}
DISMISS_TEXT = {"alarm_palsu": "alert_dismiss_alarm_palsu", "ditangani_pihak_lain": "alert_dismiss_ditangani_pihak_lain",
                "di_luar_kewenangan": "alert_dismiss_di_luar_kewenangan", "lainnya": "alert_dismiss_lainnya"}
AGE_BANDS = ((0, 2, "0-2"), (3, 7, "3-7"), (8, None, "8+"))  # days since the alert was raised


class AlertWorkRefused(MessageError):
    """A step on an alert that is not allowed, or does not fit its state."""


@dataclass(frozen=True)
class AlertState:
    status: str = "baru"
    owner: str | None = None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


def transition(state: AlertState, action: str, *, by: str, owner: str | None = None, reason: str | None = None,
               note: str | None = None) -> AlertState:
    """The state after ``action`` by user ``by``; AlertWorkRefused when it does not fit.
    The one home of the rules: no alert closes (selesai, diabaikan) without an owner."""
    note = (note or "").strip()
    if action not in ACTIONS:
        raise AlertWorkRefused("alert_unknown_action", action=action)
    if action == "catatan":
        if not note:
            raise AlertWorkRefused("alert_note_empty")
        return state
    if action == "buka":
        if state.is_open:
            raise AlertWorkRefused("alert_not_closed")
        return AlertState("ditangani", state.owner)
    if not state.is_open:
        raise AlertWorkRefused("alert_already_closed")
    if action == "ambil":
        return AlertState("ditangani", by)
    if action == "tugaskan":
        if not (owner or "").strip():
            raise AlertWorkRefused("alert_owner_needed")
        return AlertState("ditangani", owner.strip())
    if state.owner is None:  # selesai, abaikan
        raise AlertWorkRefused("alert_close_needs_owner")
    if action == "abaikan":
        if reason not in DISMISS_REASONS:
            raise AlertWorkRefused("alert_dismiss_needs_reason")
        if reason == "lainnya" and not note:
            raise AlertWorkRefused("alert_other_needs_note")
        return AlertState("diabaikan", state.owner)
    return AlertState("selesai", state.owner)


def _kabkota(region_code: str) -> str:
    return ".".join(str(region_code).split(".")[:2])


def may_act(user: "User", action: str, region_code: str, level: str) -> bool:
    """Whether ``user`` may take ``action`` on an alert of that region: the role's permission,
    and for staf the kabupaten/kota they may report for (a province-wide alert: staf of the
    whole province, i.e. without a list of kabupaten/kota)."""
    if not user.can(ACTION_PERMISSION[action]):
        return False
    if user.role != "staf":
        return True
    if level == "provinsi":
        return not user.regions and user.province_code == region_code
    allowed = user.upload_regions()
    return allowed is None or _kabkota(region_code) in allowed


def current_state(cur, alert_id: str) -> AlertState:
    row = cur.execute("SELECT status, owner FROM alert_events WHERE alert_id = ? ORDER BY event_id DESC LIMIT 1",
                      [alert_id]).fetchall()
    return AlertState(*row[0]) if row else AlertState()


def record(db: Database, accounts: "Accounts", user: "User", alert_id: str, action: str, *,
           owner: str | None = None, reason: str | None = None, note: str | None = None,
           now: datetime | None = None) -> AlertState:
    """Apply one step to the alert, in one transaction, and audit it; returns the new state.
    ``owner`` is the username assigned (tugaskan): an active account that may work on the alert."""
    note = (note or "").strip()[:NOTE_MAX] or None
    detail = {"action": action, "owner": owner, "reason": reason, "note": note, "role": user.role}
    now = now or datetime.now(timezone.utc)
    assignee = None
    if action == "tugaskan" and owner:
        assignee = accounts.get_user(owner)
        if assignee is None or not assignee.active:
            raise AlertWorkRefused("alert_owner_unknown", owner=owner)
    try:
        with db.writer() as con:
            row = con.execute("SELECT region_code, level FROM alerts WHERE alert_id = ?", [alert_id]).fetchall()
            if not row:
                raise AlertWorkRefused("alert_unknown", alert_id=alert_id)
            region_code, level = row[0]
            if action not in ACTIONS:
                raise AlertWorkRefused("alert_unknown_action", action=action)
            if not may_act(user, action, region_code, level):
                raise _NotAllowed()
            if assignee is not None and not may_act(assignee, "ambil", region_code, level):
                raise AlertWorkRefused("alert_owner_cannot_work", owner=assignee.username)
            new = transition(current_state(con, alert_id), action, by=user.username,
                             owner=assignee.username if assignee else owner, reason=reason, note=note)
            con.execute("INSERT INTO alert_events (alert_id, action, status, owner, reason, note, by_user, acted_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [alert_id, action, new.status, new.owner, reason if action == "abaikan" else None, note,
                         user.username, now])
    except _NotAllowed:
        accounts.audit(user.username, "alert_refused", alert_id, detail)
        raise AlertWorkRefused("alert_not_permitted") from None
    accounts.audit(user.username, "alert_updated", alert_id, detail | {"status": new.status, "owner": new.owner})
    return new


class _NotAllowed(Exception):
    """Rolls the writer back when the user may not take this step."""


# -- reading -----------------------------------------------------------------------------------
_LIST_SQL = """
WITH latest AS (
    SELECT alert_id, status, owner, acted_at AS updated_at, by_user AS updated_by FROM alert_events
    QUALIFY row_number() OVER (PARTITION BY alert_id ORDER BY event_id DESC) = 1
), notes AS (
    SELECT alert_id, count(*) FILTER (WHERE note IS NOT NULL) AS n_notes FROM alert_events GROUP BY alert_id
)
SELECT a.alert_id, a.triggered_on, a.region_code, r.name AS region_name, a.level, a.province_code, a.phase,
       a.kind, a.reason_id, a.reason_en, timezone('UTC', a.created_at) AS created_at,
       coalesce(l.status, 'baru') AS status, l.owner, timezone('UTC', l.updated_at) AS updated_at, l.updated_by,
       coalesce(n.n_notes, 0) AS n_notes
FROM alerts a
LEFT JOIN regions r ON r.code = a.region_code
LEFT JOIN latest l USING (alert_id)
LEFT JOIN notes n USING (alert_id)
WHERE (?::VARCHAR IS NULL OR a.province_code = ?)
  AND (?::VARCHAR IS NULL OR a.region_code = ? OR starts_with(a.region_code, ? || '.'))
  AND (?::DATE IS NULL OR a.triggered_on <= ?)
  AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], coalesce(l.status, 'baru')))
  AND (?::VARCHAR IS NULL OR l.owner = ?)
ORDER BY a.triggered_on DESC, a.alert_id
"""


def alert_list(cur, *, province: str | None = None, region: str | None = None, as_of: date | None = None,
               statuses: tuple[str, ...] | None = None, owner: str | None = None) -> pd.DataFrame:
    """Stored alerts with their status, owner, last update and number of notes, newest first.
    ``region`` keeps the region and the regions inside it; ``as_of`` those raised by then."""
    st_list = list(statuses) if statuses else None
    df = cur.execute(_LIST_SQL, [province, province, region, region, region, as_of, as_of, st_list, st_list,
                                 owner, owner]).df()
    for col in ("created_at", "updated_at"):
        df[col] = pd.to_datetime(df[col]).dt.tz_localize("UTC")
    return df


def events(cur, *, alert_id: str) -> pd.DataFrame:
    """The alert's history, oldest first."""
    df = cur.execute("SELECT event_id, action, status, owner, reason, note, by_user, timezone('UTC', acted_at) AS at"
                     " FROM alert_events WHERE alert_id = ? ORDER BY event_id", [alert_id]).df()
    df["at"] = pd.to_datetime(df["at"]).dt.tz_localize("UTC")
    return df


def linked_actions(cur, *, alert_id: str) -> pd.DataFrame:
    """Actions of the action register (waspada.actions) tied to the alert, due first."""
    return cur.execute("SELECT what, agency, responsible, due_on, status, result FROM actions WHERE alert_id = ?"
                       " ORDER BY due_on NULLS LAST, action_id", [alert_id]).df()


def age_band(days: int) -> str:
    for low, high, label in AGE_BANDS:
        if days >= low and (high is None or days <= high):
            return label
    return AGE_BANDS[0][2]  # raised after the date shown: counted as new


def open_by_age_and_owner(cur, *, as_of: date, province: str | None = None) -> pd.DataFrame:
    """Open alerts raised by ``as_of``, counted per owner (None: nobody yet) and age band
    (days from triggered_on to as_of): columns owner, then one per AGE_BANDS label, then total."""
    df = alert_list(cur, province=province, as_of=as_of, statuses=OPEN_STATUSES)
    labels = [b[2] for b in AGE_BANDS]
    if df.empty:
        return pd.DataFrame(columns=["owner", *labels, "total"])
    ages = (pd.Timestamp(as_of) - pd.to_datetime(df["triggered_on"])).dt.days
    df = df.assign(band=[age_band(int(a)) for a in ages], owner=df["owner"].astype(object))
    table = pd.crosstab(df["owner"].fillna(""), df["band"]).reindex(columns=labels, fill_value=0)
    table["total"] = table.sum(axis=1)
    table = table.reset_index()
    table["owner"] = table["owner"].replace("", None)
    return table.sort_values(["total", "owner"], ascending=[False, True], na_position="first").reset_index(drop=True)


def closed_since(cur, *, since: datetime, province: str | None = None) -> pd.DataFrame:
    """Alerts whose latest event closed them at or after ``since`` (aware), newest first."""
    df = alert_list(cur, province=province, statuses=CLOSED_STATUSES)
    return df[df["updated_at"] >= pd.Timestamp(since)].sort_values("updated_at", ascending=False).reset_index(drop=True)
