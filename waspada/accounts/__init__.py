"""Accounts, roles, login sessions and the audit log.

One package, a module per concern, behind the facade ``Accounts``:

* ``users``: users, roles (pimpinan/staf/admin), permissions and the staff scope;
* ``passwords``: argon2id hashing, the password policy, login checks and the lock-out;
* ``ratelimit``: how many login attempts per client address and per account are let through;
* ``sessions``: tokens (only their sha256 is stored), expiry and the idle timeout;
* ``audit``: the audit log;
* ``store``: where the accounts file is, the ``[akun]`` settings, row helpers;
* ``errors``: AccountError and its subclasses (MessageErrors, in both languages).

No streamlit here: the pages (ui/auth.py) and the command line (waspada.cli)
both call these. Every statement is parameterised.
"""

from __future__ import annotations

import functools
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import pandas as pd

from waspada.accounts.audit import AUDIT_ACTIONS, AuditTrail
from waspada.accounts.errors import (
    AccountError, EmailError, InvalidUsernameError, LastAdminError, PasswordPolicyError, ScopeError,
    UnknownUserError, UserExistsError, WrongPasswordError,
)
from waspada.accounts.passwords import Passwords, generate_password, hash_password
from waspada.accounts.ratelimit import LoginRateLimit
from waspada.accounts.sessions import SEEN_RESOLUTION, LockEvent, LoginResult, SessionCheck, Sessions
from waspada.accounts.store import (
    ACCOUNTS_ENV_VAR, ACCOUNTS_FILE_NAME, ACCOUNTS_SCHEMA_PATH, SYSTEM_ACTOR, AccountSettings, accounts_path,
    load_account_settings, open_accounts_db,
)
from waspada.accounts.users import (
    PERMISSIONS, ROLE_NAMES, ROLES, User, Users, check_scope, normalise_username, scope_description,
)
from waspada.db import Database


class Accounts:
    """Users, sessions and the audit log in one accounts database: the parts, composed.

    The parts share this object's database, settings and clock; the methods below are the
    public calls the pages, the uploads and the command line use."""

    def __init__(self, db: Database, settings: AccountSettings | None = None,
                 clock: Callable[[], datetime] | None = None):
        self.db = db
        self.settings = settings or AccountSettings()
        self._clock = clock or (lambda: datetime.now(timezone.utc))
        self.audit_trail = AuditTrail(self)
        self.sessions = Sessions(self)
        self.passwords = Passwords(self)
        self.users = Users(self)
        # Attempts per client address and account on POST /masuk (in this process).
        self.login_rate = LoginRateLimit(self.settings.login_per_address_per_minute,
                                         self.settings.login_per_account_per_minute)

    @classmethod
    def open(cls, path: Path | str | None = None, settings: AccountSettings | None = None) -> "Accounts":
        return cls(open_accounts_db(path), settings or load_account_settings())

    def now(self) -> datetime:
        return self._clock()

    # audit
    def audit(self, actor: str, action: str, target: str | None = None, detail: dict | None = None) -> None:
        self.audit_trail.audit(actor, action, target, detail)

    def audit_log(self, **filters) -> pd.DataFrame:
        return self.audit_trail.audit_log(**filters)

    # users
    def get_user(self, username: str) -> User | None:
        return self.users.get_user(username)

    def list_users(self) -> pd.DataFrame:
        return self.users.list_users()

    def has_admin(self) -> bool:
        return self.users.has_admin()

    def create_user(self, username: str, role: str, **kw) -> tuple[User, str | None]:
        return self.users.create_user(username, role, **kw)

    def update_user(self, username: str, *, actor: str, **changes) -> User:
        return self.users.update_user(username, actor=actor, **changes)

    def ensure_admin(self, username: str = "admin", actor: str = SYSTEM_ACTOR) -> tuple[str, str] | None:
        return self.users.ensure_admin(username, actor)

    # passwords and lock-out
    def login(self, username: str, password: str) -> LoginResult:
        return self.passwords.login(username, password)

    def change_password(self, username: str, current: str, new: str, token: str | None = None) -> None:
        self.passwords.change_password(username, current, new, token)

    def reset_password(self, username: str, *, actor: str) -> str:
        return self.passwords.reset_password(username, actor=actor)

    def unlock(self, username: str, *, actor: str) -> None:
        self.passwords.unlock(username, actor=actor)

    # sessions
    def login_external(self, email: str, issuer: str | None = None) -> LoginResult:
        return self.sessions.login_external(email, issuer)

    def check_session(self, token: str | None) -> SessionCheck:
        return self.sessions.check(token)

    def logout(self, token: str | None) -> None:
        self.sessions.logout(token)

    def lock_notice(self, token: str | None) -> LockEvent | None:
        return self.sessions.lock_since_last_login(token)


@functools.cache
def _open_installation(path: str) -> Accounts:
    return Accounts.open(path, load_account_settings())


def installation_accounts() -> Accounts:
    """This installation's accounts (the PostgreSQL system of record when configured, else
    accounts_path(); [akun] of waspada.toml), opened once per process and shared by the pages
    and the HTTP login. Tests that change the settings call ``_open_installation.cache_clear()``."""
    from waspada.settings import database_url

    return _open_installation(database_url() or str(accounts_path()))


__all__ = [
    "ACCOUNTS_ENV_VAR", "ACCOUNTS_FILE_NAME", "ACCOUNTS_SCHEMA_PATH", "AUDIT_ACTIONS", "AccountError",
    "AccountSettings", "Accounts", "EmailError", "InvalidUsernameError", "LastAdminError", "LockEvent",
    "LoginRateLimit", "LoginResult",
    "PERMISSIONS", "PasswordPolicyError", "ROLES", "ROLE_NAMES", "SEEN_RESOLUTION", "SYSTEM_ACTOR", "ScopeError",
    "SessionCheck", "UnknownUserError", "User", "UserExistsError", "WrongPasswordError", "accounts_path",
    "check_scope", "generate_password", "hash_password", "installation_accounts", "load_account_settings",
    "normalise_username", "open_accounts_db", "scope_description",
]
