"""Where the accounts live, with which settings, and how a users row becomes a User.

Everything lives in a separate DuckDB file (default ``data/accounts.duckdb``, beside the
main database; ``WASPADA_ACCOUNTS_DB`` overrides it) opened through the same
``waspada.db.Database`` class: the main file is copied on every write, and logins write
often, so they must not write into it. When a PostgreSQL system of record is configured
(``waspada.settings.database_url``) the same tables live there instead
(``waspada.pg.PgDatabase``, the same interface), so a session opened on one replica is
valid on every other.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from waspada.db import Database
from waspada.i18n import Message, msg

if TYPE_CHECKING:
    from waspada.pg import PgDatabase

ACCOUNTS_SCHEMA_PATH = Path(__file__).with_name("schema.sql")
ACCOUNTS_ENV_VAR = "WASPADA_ACCOUNTS_DB"
ACCOUNTS_FILE_NAME = "accounts.duckdb"
SYSTEM_ACTOR = "sistem"


def accounts_path(main_db_path: Path | str | None = None) -> Path:
    """WASPADA_ACCOUNTS_DB when set, else accounts.duckdb beside the main database."""
    env = os.environ.get(ACCOUNTS_ENV_VAR)
    if env:
        return Path(env)
    if main_db_path is None:
        from waspada.settings import db_path
        main_db_path = db_path()
    return Path(main_db_path).parent / ACCOUNTS_FILE_NAME


def is_database_url(where) -> bool:
    return isinstance(where, str) and where.startswith(("postgresql://", "postgres://"))


def open_accounts_db(path: Path | str | None = None) -> "Database | PgDatabase":
    """The accounts database, created with its schema on first use: the file ``path``, a
    PostgreSQL URL, or (None) the configured PostgreSQL system of record if there is one,
    else accounts_path()."""
    if path is None:
        from waspada.settings import database_url
        path = database_url() or accounts_path()
    if is_database_url(path):
        from waspada.pg import accounts_database
        return accounts_database(str(path))
    db = Database(path, schema_path=ACCOUNTS_SCHEMA_PATH)
    if not db.exists():
        with db.writer(create=True):
            pass
    return db


@dataclass(frozen=True)
class AccountSettings:
    session_hours: float = 8.0
    idle_minutes: float = 60.0
    max_failures: int = 5
    lockout_minutes: float = 15.0
    min_password_length: int = 10
    login: str = "lokal"  # 'lokal' (own accounts) or 'oidc' (st.login with the office's provider)
    oidc_provider: str | None = None  # the [auth.<name>] block of secrets.toml; None: the [auth] block
    # POST /masuk answers 429 beyond these, before any password is checked (ratelimit.py).
    login_per_address_per_minute: int = 30  # an office behind one NAT address shares it
    login_per_account_per_minute: int = 10
    # argon2 takes 64 MiB per verification: at most this many at once (the rest wait).
    max_concurrent_verifications: int = 2
    # The client address for the rate limit: True only behind a reverse proxy that sets
    # X-Forwarded-For (its last entry is used); otherwise the TCP peer's address.
    behind_proxy: bool = False
    problem: Message | None = None  # set when [akun] could not be used as written


class _SettingsValueError(ValueError):
    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


def load_account_settings(path: Path | None = None) -> AccountSettings:
    """[akun] of waspada.toml; missing keys take the defaults."""
    from waspada.settings import ConfigUnreadable, config_path, read_section

    path = path or config_path()
    try:
        akun = read_section("akun", path)
    except ConfigUnreadable as exc:
        return AccountSettings(problem=exc.message)
    defaults = AccountSettings()
    try:
        login = str(akun.get("masuk", defaults.login)).strip().lower()
        if login not in ("lokal", "oidc"):
            raise _SettingsValueError(msg("account_settings_bad_login", value=login))
        settings = AccountSettings(
            session_hours=float(akun.get("sesi_jam", defaults.session_hours)),
            idle_minutes=float(akun.get("sesi_diam_menit", defaults.idle_minutes)),
            max_failures=int(akun.get("gagal_maksimum", defaults.max_failures)),
            lockout_minutes=float(akun.get("kunci_menit", defaults.lockout_minutes)),
            min_password_length=int(akun.get("panjang_sandi_minimum", defaults.min_password_length)),
            login=login,
            oidc_provider=(str(akun["penyedia_oidc"]).strip() or None) if "penyedia_oidc" in akun else None,
            login_per_address_per_minute=int(akun.get("masuk_per_alamat_per_menit",
                                                      defaults.login_per_address_per_minute)),
            login_per_account_per_minute=int(akun.get("masuk_per_akun_per_menit",
                                                      defaults.login_per_account_per_minute)),
            max_concurrent_verifications=int(akun.get("verifikasi_serentak", defaults.max_concurrent_verifications)),
            behind_proxy=akun.get("di_balik_proxy", defaults.behind_proxy),
        )
        if not isinstance(settings.behind_proxy, bool):
            raise _SettingsValueError(msg("account_settings_not_bool", key="di_balik_proxy"))
        if min(settings.session_hours, settings.idle_minutes, settings.max_failures,
               settings.lockout_minutes, settings.min_password_length, settings.login_per_address_per_minute,
               settings.login_per_account_per_minute, settings.max_concurrent_verifications) <= 0:
            raise _SettingsValueError(msg("account_settings_not_positive"))
    except (TypeError, ValueError) as exc:
        problem = exc.message if isinstance(exc, _SettingsValueError) else str(exc)
        return AccountSettings(problem=msg("account_settings_problem", file=path.name, problem=problem))
    return settings


def utc(value) -> datetime | None:
    """A naive UTC datetime from the database (selected with timezone('UTC', col)) -> aware."""
    if value is None or (not isinstance(value, datetime) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


# A users row as read by user_row(); the indexes below name its columns.
USER_COLUMNS = ("username, display_name, role, province_code, regions, email, must_change_password, active, "
                "password_hash, failed_logins, timezone('UTC', locked_until)")
ACTIVE, PASSWORD_HASH, FAILED_LOGINS, LOCKED_UNTIL = 7, 8, 9, 10


def user_row(con_or_cur, username: str):
    # USER_COLUMNS is a fixed list of column names; the user name is a parameter.
    return con_or_cur.execute("SELECT " + USER_COLUMNS + " FROM users WHERE username = ?", [username]).fetchone()


def to_json(detail: dict | None) -> str:
    return json.dumps(detail or {}, ensure_ascii=False, default=str, sort_keys=True)
