"""Accounts, roles, login sessions and the audit log.

Three roles:

* ``pimpinan`` reads everything;
* ``staf`` uploads incident logs for the kabupaten/kota assigned to them (all of their
  province when none are listed) and reads everything of their province;
* ``admin`` manages users, withdraws uploads and reads the audit log (and may upload).

Everything lives in a separate DuckDB file (default ``data/accounts.duckdb``, beside the
main database; ``WASPADA_ACCOUNTS_DB`` overrides it) opened through the same
``waspada.db.Database`` class: the main file is copied on every write, and logins write
often, so they must not write into it.

Passwords are hashed with argon2id (argon2-cffi). A login returns a random token; only its
sha256 is stored. Sessions end after ``session_hours`` and after ``idle_minutes`` without
activity. ``max_failures`` consecutive failed logins lock the account for
``lockout_minutes``. The settings come from ``[akun]`` in waspada.toml (see docs/accounts.md).

No streamlit here: the pages (app_pages/_auth.py) and the CLI (etl/account_commands.py)
both call these functions. Every statement is parameterised.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from waspada import reference
from waspada.db import Database

ACCOUNTS_SCHEMA_PATH = Path(__file__).with_name("accounts_schema.sql")
ACCOUNTS_ENV_VAR = "WASPADA_ACCOUNTS_DB"
ACCOUNTS_FILE_NAME = "accounts.duckdb"

ROLES = ("pimpinan", "staf", "admin")
ROLE_NAMES = {
    "id": {"pimpinan": "Pimpinan", "staf": "Staf", "admin": "Admin"},
    "en": {"pimpinan": "Leadership", "staf": "Staff", "admin": "Administrator"},
}
# What each role may do. Pages check one of these on the server before they render.
PERMISSIONS: dict[str, frozenset[str]] = {
    "view": frozenset(ROLES),
    "upload": frozenset({"staf", "admin"}),
    "withdraw": frozenset({"admin"}),
    "manage_users": frozenset({"admin"}),
    "audit": frozenset({"admin"}),
}
AUDIT_ACTIONS = (
    "login_success", "login_failure", "login_locked", "logout", "session_end",
    "password_changed", "password_reset", "user_created", "user_updated", "user_unlocked",
    "upload", "upload_refused", "withdrawal",
)
SYSTEM_ACTOR = "sistem"

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,63}$")
_HASHER = PasswordHasher()  # argon2id, argon2-cffi's defaults (RFC 9106 low-memory profile)
# Verified against for unknown user names, so a failed login takes as long either way.
_DUMMY_HASH = _HASHER.hash(secrets.token_hex(16))
# The idle clock is moved at most this often: every move is a write (a file copy).
SEEN_RESOLUTION = timedelta(seconds=60)


class AccountError(ValueError):
    """A request that cannot be done; ``str(exc)`` is a sentence in Bahasa Indonesia."""


# -- where, and with which settings ----------------------------------------------------
def accounts_path(main_db_path: Path | str | None = None) -> Path:
    """WASPADA_ACCOUNTS_DB when set, else accounts.duckdb beside the main database."""
    env = os.environ.get(ACCOUNTS_ENV_VAR)
    if env:
        return Path(env)
    if main_db_path is None:
        from waspada.settings import db_path
        main_db_path = db_path()
    return Path(main_db_path).parent / ACCOUNTS_FILE_NAME


def open_accounts_db(path: Path | str | None = None) -> Database:
    """The accounts database, created with its schema on first use."""
    db = Database(path or accounts_path(), schema_path=ACCOUNTS_SCHEMA_PATH)
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
    problem: str | None = None  # set when [akun] could not be used as written


def load_account_settings(path: Path | None = None) -> AccountSettings:
    """[akun] of waspada.toml; missing keys take the defaults."""
    from waspada.settings import ConfigUnreadable, config_path, read_section

    path = path or config_path()
    try:
        akun = read_section("akun", path)
    except ConfigUnreadable as exc:
        return AccountSettings(problem=str(exc))
    defaults = AccountSettings()
    try:
        login = str(akun.get("masuk", defaults.login)).strip().lower()
        if login not in ("lokal", "oidc"):
            raise ValueError(f'masuk = "{login}" tidak dikenal (pilih "lokal" atau "oidc")')
        settings = AccountSettings(
            session_hours=float(akun.get("sesi_jam", defaults.session_hours)),
            idle_minutes=float(akun.get("sesi_diam_menit", defaults.idle_minutes)),
            max_failures=int(akun.get("gagal_maksimum", defaults.max_failures)),
            lockout_minutes=float(akun.get("kunci_menit", defaults.lockout_minutes)),
            min_password_length=int(akun.get("panjang_sandi_minimum", defaults.min_password_length)),
            login=login,
            oidc_provider=(str(akun["penyedia_oidc"]).strip() or None) if "penyedia_oidc" in akun else None,
        )
        if min(settings.session_hours, settings.idle_minutes, settings.max_failures,
               settings.lockout_minutes, settings.min_password_length) <= 0:
            raise ValueError("nilai harus lebih dari 0")
    except (TypeError, ValueError) as exc:
        return AccountSettings(problem=f"{path.name} [akun]: {exc}; memakai pengaturan bawaan.")
    return settings


# -- users ----------------------------------------------------------------------------
@dataclass(frozen=True)
class User:
    username: str
    display_name: str
    role: str
    province_code: str | None = None
    regions: tuple[str, ...] = ()
    email: str | None = None
    must_change_password: bool = False
    active: bool = True

    def can(self, permission: str) -> bool:
        return self.active and self.role in PERMISSIONS[permission]

    def upload_regions(self) -> frozenset[str] | None:
        """The kabupaten/kota codes this user may store incidents for; None = any."""
        if self.role == "admin":
            return None
        if self.role != "staf":
            return frozenset()
        if self.regions:
            return frozenset(self.regions)
        return frozenset(_kabkota_of(self.province_code)) if self.province_code else frozenset()


@dataclass(frozen=True)
class LoginResult:
    ok: bool
    message: str  # Indonesian, safe to show (never says whether the user name exists)
    user: User | None = None
    token: str | None = None


@dataclass(frozen=True)
class SessionCheck:
    user: User | None
    reason: str | None = None  # 'none', 'ended', 'expired', 'idle', 'deactivated' when user is None

    @property
    def message(self) -> str | None:
        return {
            "expired": "Sesi Anda sudah berakhir; silakan masuk lagi.",
            "idle": "Sesi Anda berakhir karena lama tidak aktif; silakan masuk lagi.",
            "deactivated": "Akun Anda dinonaktifkan; hubungi admin.",
            "ended": "Sesi Anda sudah berakhir; silakan masuk lagi.",
        }.get(self.reason or "")


def _kabkota_of(province_code: str) -> list[str]:
    r = reference.regions()
    return r.loc[(r["level"] == "kabupaten_kota") & (r["province_code"] == province_code), "code"].tolist()


def _region_names(codes) -> str:
    r = reference.regions().set_index("code")["name"]
    return ", ".join(f"{r.get(c, c)} ({c})" for c in codes)


def normalise_username(username: str) -> str:
    name = (username or "").strip().lower()
    if not _USERNAME.match(name):
        raise AccountError(
            f'nama pengguna "{username}" tidak sah: 2–64 karakter, huruf kecil, angka, titik, '
            "garis bawah, tanda hubung atau @, diawali huruf atau angka."
        )
    return name


def check_scope(role: str, province: str | None, regions) -> tuple[str | None, tuple[str, ...]]:
    """Validate a staff member's province and kabupaten/kota codes; returns them cleaned.

    Only staff carry a scope; pimpinan and admin read everything.
    """
    if role not in ROLES:
        raise AccountError(f'peran "{role}" tidak dikenal; pilih salah satu: {", ".join(ROLES)}.')
    regions = tuple(dict.fromkeys(reference.dotted(c) for c in (regions or ()) if str(c).strip()))
    province = reference.dotted(province) if province and str(province).strip() else None
    if role != "staf":
        if regions:
            raise AccountError(f"peran {role} tidak dibatasi wilayah; kosongkan daftar kabupaten/kota.")
        return None, ()
    r = reference.regions().set_index("code")
    if province is not None and (province not in r.index or r.loc[province, "level"] != "provinsi"):
        raise AccountError(f'kode provinsi "{province}" tidak dikenal.')
    for code in regions:
        if code not in r.index or r.loc[code, "level"] != "kabupaten_kota":
            raise AccountError(f'kode kabupaten/kota "{code}" tidak dikenal (contoh yang sah: 65.71 Kota Tarakan).')
    provinces = {r.loc[c, "province_code"] for c in regions}
    if province is None:
        if len(provinces) > 1:
            raise AccountError(f"kabupaten/kota {_region_names(regions)} berasal dari lebih dari satu provinsi; "
                               "staf bertugas di satu provinsi.")
        if not provinces:
            raise AccountError("staf memerlukan provinsi (--province) atau kabupaten/kota (--regions).")
        province = provinces.pop()
    elif provinces - {province}:
        outside = [c for c in regions if r.loc[c, "province_code"] != province]
        raise AccountError(f"kabupaten/kota {_region_names(outside)} tidak berada di provinsi {province}.")
    return province, regions


def generate_password() -> str:
    """A one-time password: 16 characters from an alphabet without look-alikes (0/O, 1/l/I)."""
    alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(16))


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def _utc(value) -> datetime | None:
    """A naive UTC datetime from the database (selected with timezone('UTC', col)) -> aware."""
    if value is None or (not isinstance(value, datetime) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


_USER_COLUMNS = ("username, display_name, role, province_code, regions, email, must_change_password, active, "
                 "password_hash, failed_logins, timezone('UTC', locked_until)")


def _user_from_row(row) -> User:
    return User(username=row[0], display_name=row[1], role=row[2], province_code=row[3],
                regions=tuple(row[4] or ()), email=row[5], must_change_password=bool(row[6]),
                active=bool(row[7]))


def _json(detail: dict | None) -> str:
    return json.dumps(detail or {}, ensure_ascii=False, default=str, sort_keys=True)


class Accounts:
    """Users, sessions and the audit log in one accounts database."""

    def __init__(self, db: Database, settings: AccountSettings | None = None,
                 clock: Callable[[], datetime] | None = None):
        self.db = db
        self.settings = settings or AccountSettings()
        self._clock = clock or (lambda: datetime.now(timezone.utc))

    @classmethod
    def open(cls, path: Path | str | None = None, settings: AccountSettings | None = None) -> "Accounts":
        return cls(open_accounts_db(path), settings or load_account_settings())

    def now(self) -> datetime:
        return self._clock()

    # -- audit --------------------------------------------------------------------------
    def _audit(self, con, actor: str, action: str, target: str | None = None, detail: dict | None = None) -> None:
        if action not in AUDIT_ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        con.execute("INSERT INTO audit_log (logged_at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                    [self.now(), actor, action, target, _json(detail)])

    def audit(self, actor: str, action: str, target: str | None = None, detail: dict | None = None) -> None:
        """Record one event in its own transaction."""
        with self.db.writer() as con:
            self._audit(con, actor, action, target, detail)

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
        df = self.db.query_df(
            "SELECT audit_id, timezone('UTC', logged_at) AS logged_at, actor, action, target, detail "
            "FROM audit_log WHERE " + " AND ".join(where) + " ORDER BY audit_id DESC LIMIT ?", params)
        df["logged_at"] = pd.to_datetime(df["logged_at"]).dt.tz_localize("UTC")
        df["detail"] = [json.loads(d) for d in df["detail"]]
        return df

    # -- users --------------------------------------------------------------------------
    def _row(self, con_or_cur, username: str):
        # _USER_COLUMNS is a fixed list of column names; the user name is a parameter.
        return con_or_cur.execute("SELECT " + _USER_COLUMNS + " FROM users WHERE username = ?", [username]).fetchone()

    def get_user(self, username: str) -> User | None:
        cur = self.db.reader()
        try:
            row = self._row(cur, (username or "").strip().lower())
        finally:
            cur.close()
        return _user_from_row(row) if row else None

    def list_users(self) -> pd.DataFrame:
        df = self.db.query_df(
            "SELECT username, display_name, role, province_code, regions, email, active, must_change_password, "
            "failed_logins, timezone('UTC', locked_until) AS locked_until, timezone('UTC', last_login_at) "
            "AS last_login_at, timezone('UTC', created_at) AS created_at, created_by FROM users ORDER BY username")
        for col in ("locked_until", "last_login_at", "created_at"):
            df[col] = pd.to_datetime(df[col]).dt.tz_localize("UTC")
        return df

    def has_admin(self) -> bool:
        return bool(self.db.query_df(
            "SELECT count(*) AS n FROM users WHERE role = 'admin' AND active")["n"].iloc[0])

    def _check_password(self, password: str, username: str) -> None:
        if len(password or "") < self.settings.min_password_length:
            raise AccountError(f"kata sandi minimal {self.settings.min_password_length} karakter.")
        if password.strip().lower() == username.lower():
            raise AccountError("kata sandi tidak boleh sama dengan nama pengguna.")

    def _check_email(self, con, email: str | None, username: str) -> str | None:
        email = (email or "").strip().lower() or None
        if email is None:
            return None
        if "@" not in email:
            raise AccountError(f'alamat surel "{email}" tidak sah.')
        other = con.execute("SELECT username FROM users WHERE email = ? AND username <> ?",
                            [email, username]).fetchone()
        if other:
            raise AccountError(f"alamat surel {email} sudah dipakai akun {other[0]}.")
        return email

    def create_user(self, username: str, role: str, *, actor: str, display_name: str | None = None,
                    province: str | None = None, regions=(), email: str | None = None,
                    password: str | None = None, must_change: bool | None = None) -> tuple[User, str | None]:
        """Create an account. Without ``password`` a one-time password is generated and
        returned (the user must change it at first login); otherwise None is returned."""
        username = normalise_username(username)
        province, regions = check_scope(role, province, regions)
        one_time = None
        if password is None:
            one_time = password = generate_password()
            must_change = True if must_change is None else must_change
        else:
            self._check_password(password, username)
            must_change = bool(must_change)
        pw_hash = hash_password(password)
        with self.db.writer() as con:
            if con.execute("SELECT 1 FROM users WHERE username = ?", [username]).fetchone():
                raise AccountError(f'nama pengguna "{username}" sudah ada.')
            email = self._check_email(con, email, username)
            now = self.now()
            con.execute(
                "INSERT INTO users (username, display_name, role, province_code, regions, email, password_hash, "
                "must_change_password, created_at, created_by, password_changed_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [username, (display_name or "").strip() or username, role, province, list(regions), email, pw_hash,
                 must_change, now, actor, now])
            self._audit(con, actor, "user_created", username,
                        {"role": role, "province": province, "regions": list(regions), "email": email,
                         "one_time_password": one_time is not None})
            user = _user_from_row(self._row(con, username))
        return user, one_time

    def update_user(self, username: str, *, actor: str, **changes) -> User:
        """Change role, province, regions, display_name, email or active; audited with before/after."""
        allowed = {"role", "province", "regions", "display_name", "email", "active"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"unknown fields {sorted(unknown)}")
        username = (username or "").strip().lower()
        with self.db.writer() as con:
            row = self._row(con, username)
            if not row:
                raise AccountError(f'pengguna "{username}" tidak ada.')
            before = _user_from_row(row)
            role = changes.get("role", before.role)
            if "province" in changes or "regions" in changes or "role" in changes:
                province, regions = check_scope(role, changes.get("province", before.province_code),
                                                changes.get("regions", before.regions) if role == "staf" else ())
            else:
                province, regions = before.province_code, before.regions
            active = bool(changes.get("active", before.active))
            if before.role == "admin" and before.active and (role != "admin" or not active):
                others = con.execute("SELECT count(*) FROM users WHERE role = 'admin' AND active AND username <> ?",
                                     [username]).fetchone()[0]
                if not others:
                    raise AccountError("admin terakhir tidak dapat dinonaktifkan atau diturunkan perannya.")
            email = self._check_email(con, changes.get("email", before.email), username)
            display = (changes.get("display_name", before.display_name) or "").strip() or username
            con.execute("UPDATE users SET role = ?, province_code = ?, regions = ?, display_name = ?, email = ?, "
                        "active = ? WHERE username = ?",
                        [role, province, list(regions), display, email, active, username])
            if not active:
                self._end_sessions(con, username, "deactivated")
            after = _user_from_row(self._row(con, username))
            diff = {k: {"sebelum": getattr(before, a), "sesudah": getattr(after, a)}
                    for k, a in (("role", "role"), ("province", "province_code"), ("regions", "regions"),
                                 ("display_name", "display_name"), ("email", "email"), ("active", "active"))
                    if getattr(before, a) != getattr(after, a)}
            self._audit(con, actor, "user_updated", username, diff)
        return after

    def reset_password(self, username: str, *, actor: str) -> str:
        """A new one-time password (returned once); unlocks and ends the user's sessions."""
        username = (username or "").strip().lower()
        password = generate_password()
        pw_hash = hash_password(password)
        with self.db.writer() as con:
            if not self._row(con, username):
                raise AccountError(f'pengguna "{username}" tidak ada.')
            con.execute("UPDATE users SET password_hash = ?, must_change_password = TRUE, failed_logins = 0, "
                        "locked_until = NULL, password_changed_at = ? WHERE username = ?",
                        [pw_hash, self.now(), username])
            self._end_sessions(con, username, "password_changed")
            self._audit(con, actor, "password_reset", username)
        return password

    def unlock(self, username: str, *, actor: str) -> None:
        username = (username or "").strip().lower()
        with self.db.writer() as con:
            if not self._row(con, username):
                raise AccountError(f'pengguna "{username}" tidak ada.')
            con.execute("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE username = ?", [username])
            self._audit(con, actor, "user_unlocked", username)

    def ensure_admin(self, username: str = "admin", actor: str = SYSTEM_ACTOR) -> tuple[str, str] | None:
        """When no active admin exists: create one with a one-time password and return
        (username, password); otherwise None and nothing changes."""
        if self.has_admin():
            return None
        name = username
        n = 1
        while self.get_user(name) is not None:
            n += 1
            name = f"{username}{n}"
        _, password = self.create_user(name, "admin", actor=actor, display_name="Administrator")
        return name, password

    # -- logging in and out -------------------------------------------------------------
    def login(self, username: str, password: str) -> LoginResult:
        """Check a password; on success open a session. Failures count towards the lock-out."""
        refused = LoginResult(False, "Nama pengguna atau kata sandi salah.")
        tried = (username or "").strip().lower()[:64]
        cur = self.db.reader()
        try:
            row = self._row(cur, tried) if tried else None
        finally:
            cur.close()
        now = self.now()
        if row is None or not row[7] or row[8] is None:
            _verify(_DUMMY_HASH, password or "")  # same time as a real check
            self.audit(tried or "(kosong)", "login_failure", tried or None,
                       {"reason": "unknown_user" if row is None else ("inactive" if not row[7] else "no_password")})
            return refused
        locked_until = _utc(row[10])
        if locked_until is not None and locked_until > now:
            self.audit(tried, "login_failure", tried, {"reason": "locked", "locked_until": locked_until})
            return LoginResult(False, _locked_message(locked_until, now))
        if not _verify(row[8], password or ""):
            failures = int(row[9]) + 1
            lock = failures >= self.settings.max_failures
            with self.db.writer() as con:
                if lock:
                    until = now + timedelta(minutes=self.settings.lockout_minutes)
                    con.execute("UPDATE users SET failed_logins = 0, locked_until = ? WHERE username = ?",
                                [until, tried])
                    self._audit(con, tried, "login_failure", tried, {"reason": "wrong_password", "failures": failures})
                    self._audit(con, SYSTEM_ACTOR, "login_locked", tried,
                                {"failures": failures, "locked_until": until})
                else:
                    con.execute("UPDATE users SET failed_logins = ? WHERE username = ?", [failures, tried])
                    self._audit(con, tried, "login_failure", tried, {"reason": "wrong_password", "failures": failures})
            if lock:
                return LoginResult(False, _locked_message(until, now))
            return refused
        rehash = _HASHER.check_needs_rehash(row[8])
        new_hash = hash_password(password) if rehash else None
        return self._open_session(tried, "password", new_hash)

    def login_external(self, email: str, issuer: str | None = None) -> LoginResult:
        """Open a session for someone the office's OpenID Connect provider vouched for.

        The provider says who they are; the role comes from the local account whose
        email matches (an admin creates it). Lock-out does not apply: the provider
        handles failed passwords.
        """
        email = (email or "").strip().lower()
        cur = self.db.reader()
        try:
            row = cur.execute("SELECT username FROM users WHERE email = ? AND active", [email]).fetchone() \
                if email else None
        finally:
            cur.close()
        if row is None:
            self.audit(email or "(kosong)", "login_failure", None, {"reason": "oidc_unknown_email", "issuer": issuer})
            return LoginResult(False, f"Akun {email or '(tanpa surel)'} belum terdaftar di Waspada; minta admin "
                                      "membuatkan akun dengan alamat surel ini.")
        return self._open_session(row[0], "oidc", None, issuer=issuer)

    def _open_session(self, username: str, method: str, new_hash: str | None, issuer: str | None = None) -> LoginResult:
        token = secrets.token_urlsafe(32)
        now = self.now()
        with self.db.writer() as con:
            if new_hash:
                con.execute("UPDATE users SET password_hash = ? WHERE username = ?", [new_hash, username])
            con.execute("UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = ? "
                        "WHERE username = ?", [now, username])
            con.execute("INSERT INTO sessions (token_hash, username, created_at, last_seen_at, expires_at) "
                        "VALUES (?, ?, ?, ?, ?)",
                        [_token_hash(token), username, now, now,
                         now + timedelta(hours=self.settings.session_hours)])
            detail = {"method": method}
            if issuer:
                detail["issuer"] = issuer
            self._audit(con, username, "login_success", username, detail)
            user = _user_from_row(self._row(con, username))
        return LoginResult(True, "Berhasil masuk.", user, token)

    def check_session(self, token: str | None) -> SessionCheck:
        """The user of a live session, or why there is none. Moves the idle clock."""
        if not token:
            return SessionCheck(None, "none")
        th = _token_hash(token)
        cur = self.db.reader()
        try:
            srow = cur.execute(
                "SELECT username, timezone('UTC', last_seen_at), timezone('UTC', expires_at), ended_at IS NOT NULL "
                "FROM sessions WHERE token_hash = ?", [th]).fetchone()
            urow = self._row(cur, srow[0]) if srow else None
        finally:
            cur.close()
        if srow is None or srow[3] or urow is None:
            return SessionCheck(None, "ended")
        now = self.now()
        last_seen, expires = _utc(srow[1]), _utc(srow[2])
        reason = None
        if now >= expires:
            reason = "expired"
        elif now - last_seen >= timedelta(minutes=self.settings.idle_minutes):
            reason = "idle"
        elif not urow[7]:
            reason = "deactivated"
        if reason:
            with self.db.writer() as con:
                con.execute("UPDATE sessions SET ended_at = ?, end_reason = ? WHERE token_hash = ? AND ended_at IS NULL",
                            [now, reason, th])
                self._audit(con, srow[0], "session_end", srow[0], {"reason": reason})
            return SessionCheck(None, reason)
        if now - last_seen >= SEEN_RESOLUTION:
            with self.db.writer() as con:
                con.execute("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", [now, th])
        return SessionCheck(_user_from_row(urow))

    def logout(self, token: str | None) -> None:
        if not token:
            return
        th = _token_hash(token)
        with self.db.writer() as con:
            row = con.execute("SELECT username FROM sessions WHERE token_hash = ? AND ended_at IS NULL",
                              [th]).fetchone()
            if row is None:
                return
            con.execute("UPDATE sessions SET ended_at = ?, end_reason = 'logout' WHERE token_hash = ?",
                        [self.now(), th])
            self._audit(con, row[0], "logout", row[0])

    def _end_sessions(self, con, username: str, reason: str, keep_token_hash: str | None = None) -> None:
        con.execute("UPDATE sessions SET ended_at = ?, end_reason = ? WHERE username = ? AND ended_at IS NULL "
                    "AND token_hash IS DISTINCT FROM ?", [self.now(), reason, username, keep_token_hash])

    def change_password(self, username: str, current: str, new: str, token: str | None = None) -> None:
        """Change one's own password (the current one is required). Other sessions end."""
        username = (username or "").strip().lower()
        cur = self.db.reader()
        try:
            row = self._row(cur, username)
        finally:
            cur.close()
        if row is None or row[8] is None or not _verify(row[8], current or ""):
            raise AccountError("kata sandi saat ini salah.")
        if new == current:
            raise AccountError("kata sandi baru harus berbeda dari kata sandi saat ini.")
        self._check_password(new, username)
        pw_hash = hash_password(new)
        with self.db.writer() as con:
            con.execute("UPDATE users SET password_hash = ?, must_change_password = FALSE, password_changed_at = ? "
                        "WHERE username = ?", [pw_hash, self.now(), username])
            self._end_sessions(con, username, "password_changed",
                               keep_token_hash=_token_hash(token) if token else None)
            self._audit(con, username, "password_changed", username)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _verify(pw_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(pw_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _locked_message(until: datetime, now: datetime) -> str:
    minutes = max(1, int((until - now).total_seconds() // 60) + (1 if (until - now).total_seconds() % 60 else 0))
    return (f"Akun terkunci sementara karena terlalu banyak percobaan masuk yang gagal. "
            f"Coba lagi dalam {minutes} menit, atau minta admin membukanya.")


def scope_description(user: User, lang: str = "id") -> str:
    """'Staf — Kota Tarakan (65.71), Kabupaten Malinau (65.02)' for the sidebar and lists."""
    role = ROLE_NAMES.get(lang, ROLE_NAMES["id"])[user.role]
    if user.role != "staf":
        return role
    if user.regions:
        return f"{role} — {_region_names(user.regions)}"
    if user.province_code:
        everything = "semua kabupaten/kota" if lang == "id" else "every regency/city"
        return f"{role} — {_region_names([user.province_code])}, {everything}"
    return role


__all__ = [
    "ACCOUNTS_ENV_VAR", "AUDIT_ACTIONS", "AccountError", "AccountSettings", "Accounts", "LoginResult", "PERMISSIONS",
    "ROLES", "ROLE_NAMES", "SessionCheck", "User", "accounts_path", "check_scope", "generate_password",
    "hash_password", "load_account_settings", "normalise_username", "open_accounts_db", "scope_description",
]


@functools.cache
def _open_installation(path: str) -> Accounts:
    return Accounts.open(path, load_account_settings())


def installation_accounts() -> Accounts:
    """This installation's accounts (accounts_path(), [akun] of waspada.toml), opened once per
    process and shared by the pages and the HTTP login. Tests that change the settings call
    ``_open_installation.cache_clear()``."""
    return _open_installation(str(accounts_path()))
