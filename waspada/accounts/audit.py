"""The audit log: who did what to whom, when. Every account change writes one row in the
same transaction as the change (``record``); other modules (uploads) call ``audit``."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING

import pandas as pd

from waspada.accounts.store import to_json

if TYPE_CHECKING:
    from waspada.accounts import Accounts

AUDIT_ACTIONS = (
    "login_success", "login_failure", "login_locked", "logout", "session_end",
    "password_changed", "password_reset", "user_created", "user_updated", "user_unlocked",
    "upload", "upload_refused", "withdrawal", "briefing_saved", "briefing_save_refused",
    "alias_added", "alias_removed", "nihil_recorded", "nihil_refused",
    "incident_verification", "verification_refused", "alert_updated", "alert_refused",  # issue 15
    "action_created", "action_status", "action_assigned", "action_comment", "action_import", "action_refused",
)


class AuditTrail:
    def __init__(self, accounts: "Accounts"):
        self._accounts = accounts

    def record(self, con, actor: str, action: str, target: str | None = None, detail: dict | None = None) -> None:
        """One row, inside the caller's transaction."""
        if action not in AUDIT_ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        con.execute("INSERT INTO audit_log (logged_at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                    [self._accounts.now(), actor, action, target, to_json(detail)])

    def audit(self, actor: str, action: str, target: str | None = None, detail: dict | None = None) -> None:
        """Record one event in its own transaction."""
        with self._accounts.db.writer() as con:
            self.record(con, actor, action, target, detail)

    def audit_log(self, *, since: datetime | None = None, until: datetime | None = None,
                  actions: tuple[str, ...] = (), actor: str | None = None, limit: int = 5000) -> pd.DataFrame:
        """Newest first: audit_id, logged_at (aware UTC), actor, action, target, detail (dict)."""
        where, params = ["TRUE"], []
        if since is not None:
            where.append("logged_at >= ?")
            params.append(since)
        if until is not None:
            where.append("logged_at < ?")
            params.append(until)
        if actions:
            where.append("list_contains(?, action)")
            params.append(list(actions))
        if actor:
            where.append("actor = ?")
            params.append(actor)
        params.append(int(limit))
        df = self._accounts.db.query_df(
            "SELECT audit_id, timezone('UTC', logged_at) AS logged_at, actor, action, target, detail "
            "FROM audit_log WHERE " + " AND ".join(where) + " ORDER BY audit_id DESC LIMIT ?", params)
        df["logged_at"] = pd.to_datetime(df["logged_at"]).dt.tz_localize("UTC")
        df["detail"] = [json.loads(d) for d in df["detail"]]
        return df
