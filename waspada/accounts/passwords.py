"""Passwords: argon2id hashing, the password policy, checking a login's password and the
lock-out after ``max_failures`` consecutive failures (``record_failure``, the one place
that counts them, atomically), changing, resetting and unlocking."""

from __future__ import annotations

import secrets
import threading
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from waspada.accounts.errors import PasswordPolicyError, UnknownUserError, WrongPasswordError
from waspada.accounts.sessions import LoginResult, token_hash
from waspada.accounts.store import ACTIVE, LOCKED_UNTIL, PASSWORD_HASH, SYSTEM_ACTOR, user_row, utc
from waspada.i18n import msg

if TYPE_CHECKING:
    from waspada.accounts import Accounts

_HASHER = PasswordHasher()  # argon2id, argon2-cffi's defaults (RFC 9106 low-memory profile)
# Verified against for unknown user names, so a failed login takes as long either way.
_DUMMY_HASH = _HASHER.hash(secrets.token_hex(16))


def generate_password() -> str:
    """A one-time password: 16 characters from an alphabet without look-alikes (0/O, 1/l/I)."""
    alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(16))


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(pw_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(pw_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


class Passwords:
    def __init__(self, accounts: "Accounts"):
        self._accounts = accounts
        # argon2 allocates its memory_cost (64 MiB) per verification: a burst of logins must
        # wait here rather than multiply that.
        self._argon2_slots = threading.BoundedSemaphore(accounts.settings.max_concurrent_verifications)

    def check_policy(self, password: str, username: str) -> None:
        n = self._accounts.settings.min_password_length
        if len(password or "") < n:
            raise PasswordPolicyError("account_password_too_short", n=n)
        if password.strip().lower() == username.lower():
            raise PasswordPolicyError("account_password_is_username")

    def verify(self, pw_hash: str, password: str) -> bool:
        """One argon2 verification, at most ``max_concurrent_verifications`` at a time."""
        with self._argon2_slots:
            return verify_password(pw_hash, password)

    def login(self, username: str, password: str) -> LoginResult:
        """Check a password; on success open a session. Failures count towards the lock-out.

        Every refusal is the same sentence after one argon2 verification (against a dummy
        hash for an unknown, inactive or locked account), so the answer and its time do not
        tell whether the name exists or is locked; the reason goes to the audit trail. The
        count and the lock are written in one statement inside the writer's transaction,
        and the session is opened only if the account is not locked at that moment, so no
        interleaving of parallel attempts gets past the lock-out."""
        acc = self._accounts
        refused = LoginResult(False, msg("account_login_refused"))
        tried = (username or "").strip().lower()[:64]
        cur = acc.db.reader()
        try:
            row = user_row(cur, tried) if tried else None
        finally:
            cur.close()
        now = acc.now()
        if row is None or not row[ACTIVE] or row[PASSWORD_HASH] is None:
            self.verify(_DUMMY_HASH, password or "")
            acc.audit_trail.audit(tried or "(kosong)", "login_failure", tried or None,
                                  {"reason": "unknown_user" if row is None
                                   else ("inactive" if not row[ACTIVE] else "no_password")})
            return refused
        locked_until = utc(row[LOCKED_UNTIL])
        if locked_until is not None and locked_until > now:
            self.verify(_DUMMY_HASH, password or "")
            acc.audit_trail.audit(tried, "login_failure", tried, {"reason": "locked", "locked_until": locked_until})
            return refused
        if not self.verify(row[PASSWORD_HASH], password or ""):
            self.record_failure(tried, now)
            return refused
        new_hash = hash_password(password) if _HASHER.check_needs_rehash(row[PASSWORD_HASH]) else None
        return acc.sessions.open(tried, "password", new_hash, refuse_if_locked=True) or refused

    def record_failure(self, username: str, now: datetime) -> datetime | None:
        """Count one wrong password; the ``max_failures``-th locks the account (and the count
        starts again). Attempts that arrive while it is locked change nothing. One UPDATE
        in the writer's transaction, so parallel failures all count. Returns the end of the
        lock when this failure locked it, else None."""
        acc = self._accounts
        until = now + timedelta(minutes=acc.settings.lockout_minutes)
        with acc.db.writer() as con:
            # One statement: the count read and written together. A locked row is not
            # touched; the count goes back to 0 only when this failure locks.
            counted = con.execute(
                "UPDATE users SET failed_logins = CASE WHEN failed_logins + 1 >= $max THEN 0"
                "   ELSE failed_logins + 1 END,"
                " locked_until = CASE WHEN failed_logins + 1 >= $max THEN $until ELSE locked_until END "
                "WHERE username = $name AND (locked_until IS NULL OR locked_until <= $now) "
                "RETURNING failed_logins",
                {"now": now, "max": acc.settings.max_failures, "until": until, "name": username}).fetchone()
            if counted is None:  # locked by a parallel attempt since this one read the row
                acc.audit_trail.record(con, username, "login_failure", username, {"reason": "locked"})
                return None
            locked = counted[0] == 0
            failures = acc.settings.max_failures if locked else counted[0]
            acc.audit_trail.record(con, username, "login_failure", username,
                                   {"reason": "wrong_password", "failures": failures})
            if locked:
                acc.audit_trail.record(con, SYSTEM_ACTOR, "login_locked", username,
                                       {"failures": failures, "locked_until": until})
        return until if locked else None

    def change_password(self, username: str, current: str, new: str, token: str | None = None) -> None:
        """Change one's own password (the current one is required). Other sessions end."""
        acc = self._accounts
        username = (username or "").strip().lower()
        cur = acc.db.reader()
        try:
            row = user_row(cur, username)
        finally:
            cur.close()
        if row is None or row[PASSWORD_HASH] is None or not self.verify(row[PASSWORD_HASH], current or ""):
            raise WrongPasswordError("account_password_wrong_current")
        if new == current:
            raise PasswordPolicyError("account_password_unchanged")
        self.check_policy(new, username)
        pw_hash = hash_password(new)
        with acc.db.writer() as con:
            con.execute("UPDATE users SET password_hash = ?, must_change_password = FALSE, password_changed_at = ? "
                        "WHERE username = ?", [pw_hash, acc.now(), username])
            acc.sessions.end_all(con, username, "password_changed",
                                 keep_token_hash=token_hash(token) if token else None)
            acc.audit_trail.record(con, username, "password_changed", username)

    def reset_password(self, username: str, *, actor: str) -> str:
        """A new one-time password (returned once); unlocks and ends the user's sessions."""
        acc = self._accounts
        username = (username or "").strip().lower()
        password = generate_password()
        pw_hash = hash_password(password)
        with acc.db.writer() as con:
            if not user_row(con, username):
                raise UnknownUserError("account_unknown_user", username=username)
            con.execute("UPDATE users SET password_hash = ?, must_change_password = TRUE, failed_logins = 0, "
                        "locked_until = NULL, password_changed_at = ? WHERE username = ?",
                        [pw_hash, acc.now(), username])
            acc.sessions.end_all(con, username, "password_changed")
            acc.audit_trail.record(con, actor, "password_reset", username)
        return password

    def unlock(self, username: str, *, actor: str) -> None:
        acc = self._accounts
        username = (username or "").strip().lower()
        with acc.db.writer() as con:
            if not user_row(con, username):
                raise UnknownUserError("account_unknown_user", username=username)
            con.execute("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE username = ?", [username])
            acc.audit_trail.record(con, actor, "user_unlocked", username)
