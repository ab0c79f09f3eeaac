"""Login sessions: a random token for the browser, its sha256 in the table; sessions end
after ``session_hours`` and after ``idle_minutes`` without activity."""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from waspada.accounts.store import ACTIVE, user_row, utc
from waspada.accounts.users import User, user_from_row
from waspada.i18n import Message, msg

if TYPE_CHECKING:
    from waspada.accounts import Accounts

# The idle clock is moved at most this often: every move is a write (a file copy).
SEEN_RESOLUTION = timedelta(seconds=60)
# Why a session is over, as SessionCheck.reason -> the sentence a person reads.
_ENDED_KEYS = {
    "expired": "account_session_expired",
    "idle": "account_session_idle",
    "deactivated": "account_session_deactivated",
    "ended": "account_session_expired",
}


@dataclass(frozen=True)
class LoginResult:
    ok: bool
    notice: Message  # safe to show (never says whether the user name exists); render(lang)
    user: User | None = None
    token: str | None = None


@dataclass(frozen=True)
class SessionCheck:
    user: User | None
    reason: str | None = None  # 'none', 'ended', 'expired', 'idle', 'deactivated' when user is None

    @property
    def notice(self) -> Message | None:
        """Why the session is over, for the reader (None: live, or never logged in)."""
        key = _ENDED_KEYS.get(self.reason or "")
        return msg(key) if key else None


@dataclass(frozen=True)
class LockEvent:
    """The account was locked at ``at`` (UTC) after ``failures`` failed logins."""

    at: datetime
    failures: int


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Sessions:
    def __init__(self, accounts: "Accounts"):
        self._accounts = accounts

    def open(self, username: str, method: str, new_hash: str | None, issuer: str | None = None,
             refuse_if_locked: bool = False) -> LoginResult | None:
        """A new session for someone whose identity was checked; resets the failure count.

        ``refuse_if_locked``: None (and nothing written but the audit row) when the account is
        locked now: checked inside the transaction that would open the session, so a lock
        written by a parallel attempt after the password was read still holds."""
        acc = self._accounts
        token = secrets.token_urlsafe(32)
        now = acc.now()
        with acc.db.writer() as con:
            if refuse_if_locked:
                locked = con.execute("SELECT timezone('UTC', locked_until) FROM users WHERE username = ? "
                                     "AND locked_until > ?", [username, now]).fetchone()
                if locked:
                    acc.audit_trail.record(con, username, "login_failure", username,
                                           {"reason": "locked", "locked_until": utc(locked[0])})
                    return None
            if new_hash:
                con.execute("UPDATE users SET password_hash = ? WHERE username = ?", [new_hash, username])
            con.execute("UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = ? "
                        "WHERE username = ?", [now, username])
            con.execute("INSERT INTO sessions (token_hash, username, created_at, last_seen_at, expires_at) "
                        "VALUES (?, ?, ?, ?, ?)",
                        [token_hash(token), username, now, now,
                         now + timedelta(hours=acc.settings.session_hours)])
            detail = {"method": method}
            if issuer:
                detail["issuer"] = issuer
            acc.audit_trail.record(con, username, "login_success", username, detail)
            user = user_from_row(user_row(con, username))
        return LoginResult(True, msg("account_login_ok"), user, token)

    def login_external(self, email: str, issuer: str | None = None) -> LoginResult:
        """Open a session for someone the office's OpenID Connect provider vouched for.

        The provider says who they are; the role comes from the local account whose
        email matches (an admin creates it). Lock-out does not apply: the provider
        handles failed passwords.
        """
        acc = self._accounts
        email = (email or "").strip().lower()
        cur = acc.db.reader()
        try:
            row = cur.execute("SELECT username FROM users WHERE email = ? AND active", [email]).fetchone() \
                if email else None
        finally:
            cur.close()
        if row is None:
            acc.audit_trail.audit(email or "(kosong)", "login_failure", None,
                                  {"reason": "oidc_unknown_email", "issuer": issuer})
            return LoginResult(False, msg("account_oidc_unknown", email=email or msg("account_no_email")))
        return self.open(row[0], "oidc", None, issuer=issuer)

    def lock_since_last_login(self, token: str | None) -> "LockEvent | None":
        """The last lock of this session's account between its previous login and this one
        (None when there was none): what the user is told once they are in again."""
        if not token:
            return None
        cur = self._accounts.db.reader()
        try:
            row = cur.execute(
                "WITH this AS (SELECT username, created_at FROM sessions WHERE token_hash = ?), "
                "previous AS (SELECT max(s.created_at) AS at FROM sessions s, this "
                "             WHERE s.username = this.username AND s.created_at < this.created_at) "
                "SELECT timezone('UTC', a.logged_at), a.detail FROM audit_log a, this, previous "
                "WHERE a.action = 'login_locked' AND a.target = this.username AND a.logged_at <= this.created_at "
                "AND (previous.at IS NULL OR a.logged_at > previous.at) ORDER BY a.audit_id DESC LIMIT 1",
                [token_hash(token)]).fetchone()
        finally:
            cur.close()
        if row is None:
            return None
        return LockEvent(utc(row[0]), int(json.loads(row[1]).get("failures", 0)))

    def check(self, token: str | None) -> SessionCheck:
        """The user of a live session, or why there is none. Moves the idle clock."""
        acc = self._accounts
        if not token:
            return SessionCheck(None, "none")
        th = token_hash(token)
        cur = acc.db.reader()
        try:
            srow = cur.execute(
                "SELECT username, timezone('UTC', last_seen_at), timezone('UTC', expires_at), ended_at IS NOT NULL "
                "FROM sessions WHERE token_hash = ?", [th]).fetchone()
            urow = user_row(cur, srow[0]) if srow else None
        finally:
            cur.close()
        if srow is None or srow[3] or urow is None:
            return SessionCheck(None, "ended")
        now = acc.now()
        last_seen, expires = utc(srow[1]), utc(srow[2])
        reason = None
        if now >= expires:
            reason = "expired"
        elif now - last_seen >= timedelta(minutes=acc.settings.idle_minutes):
            reason = "idle"
        elif not urow[ACTIVE]:
            reason = "deactivated"
        if reason:
            with acc.db.writer() as con:
                con.execute("UPDATE sessions SET ended_at = ?, end_reason = ? WHERE token_hash = ? AND ended_at IS NULL",
                            [now, reason, th])
                acc.audit_trail.record(con, srow[0], "session_end", srow[0], {"reason": reason})
            return SessionCheck(None, reason)
        if now - last_seen >= SEEN_RESOLUTION:
            with acc.db.writer() as con:
                con.execute("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", [now, th])
        return SessionCheck(user_from_row(urow))

    def logout(self, token: str | None) -> None:
        acc = self._accounts
        if not token:
            return
        th = token_hash(token)
        with acc.db.writer() as con:
            row = con.execute("SELECT username FROM sessions WHERE token_hash = ? AND ended_at IS NULL",
                              [th]).fetchone()
            if row is None:
                return
            con.execute("UPDATE sessions SET ended_at = ?, end_reason = 'logout' WHERE token_hash = ?",
                        [acc.now(), th])
            acc.audit_trail.record(con, row[0], "logout", row[0])

    def end_all(self, con, username: str, reason: str, keep_token_hash: str | None = None) -> None:
        """End every live session of a user (but keep_token_hash), inside the caller's transaction."""
        con.execute("UPDATE sessions SET ended_at = ?, end_reason = ? WHERE username = ? AND ended_at IS NULL "
                    "AND token_hash IS DISTINCT FROM ?", [self._accounts.now(), reason, username, keep_token_hash])
