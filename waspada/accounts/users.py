"""Users, roles and scope: who may do what, and for which kabupaten/kota.

Three roles:

* ``pimpinan`` reads everything;
* ``staf`` uploads incident logs for the kabupaten/kota assigned to them (all of their
  province when none are listed) and reads everything of their province;
* ``admin`` manages users, withdraws uploads and reads the audit log (and may upload).

Staf also verify incidents and take, note and close alerts in their scope; pimpinan note
alerts and assign them an owner; admin do all of it everywhere (issue 15).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from waspada import reference
from waspada.accounts.errors import (
    EmailError, LastAdminError, InvalidUsernameError, ScopeError, UnknownUserError, UserExistsError,
)
from waspada.accounts.store import SYSTEM_ACTOR, user_row
from waspada.i18n import DEFAULT_LANG, t

if TYPE_CHECKING:
    from waspada.accounts import Accounts

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
    # issue 15: verification of incidents and the work on alerts (waspada.verification, alert_work)
    "verify": frozenset({"staf", "admin"}),
    "work_alerts": frozenset({"staf", "admin"}),          # take, close, dismiss, reopen
    "assign_alerts": frozenset({"pimpinan", "admin"}),    # name an alert's owner
    "comment_alerts": frozenset(ROLES),
    # The action register (waspada.actions): staf record in their scope, pimpinan comment and assign.
    "record_actions": frozenset({"staf", "admin"}),
    "comment_actions": frozenset(ROLES),
    "assign_actions": frozenset({"pimpinan", "admin"}),
}
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,63}$")


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


def user_from_row(row) -> User:
    return User(username=row[0], display_name=row[1], role=row[2], province_code=row[3],
                regions=tuple(row[4] or ()), email=row[5], must_change_password=bool(row[6]),
                active=bool(row[7]))


def _kabkota_of(province_code: str) -> list[str]:
    r = reference.regions()
    return r.loc[(r["level"] == "kabupaten_kota") & (r["province_code"] == province_code), "code"].tolist()


def _region_names(codes) -> str:
    r = reference.regions().set_index("code")["name"]
    return ", ".join(f"{r.get(c, c)} ({c})" for c in codes)


def normalise_username(username: str) -> str:
    name = (username or "").strip().lower()
    if not _USERNAME.match(name):
        raise InvalidUsernameError("account_bad_username", username=username)
    return name


def check_scope(role: str, province: str | None, regions) -> tuple[str | None, tuple[str, ...]]:
    """Validate a staff member's province and kabupaten/kota codes; returns them cleaned.

    Only staff carry a scope; pimpinan and admin read everything.
    """
    if role not in ROLES:
        raise ScopeError("account_unknown_role", role=role, roles=", ".join(ROLES))
    regions = tuple(dict.fromkeys(reference.dotted(c) for c in (regions or ()) if str(c).strip()))
    province = reference.dotted(province) if province and str(province).strip() else None
    if role != "staf":
        if regions:
            raise ScopeError("account_role_not_scoped", role=role)
        return None, ()
    r = reference.regions().set_index("code")
    if province is not None and (province not in r.index or r.loc[province, "level"] != "provinsi"):
        raise ScopeError("account_unknown_province", code=province)
    for code in regions:
        if code not in r.index or r.loc[code, "level"] != "kabupaten_kota":
            raise ScopeError("account_unknown_kabkota", code=code)
    provinces = {r.loc[c, "province_code"] for c in regions}
    if province is None:
        if len(provinces) > 1:
            raise ScopeError("account_regions_many_provinces", regions=_region_names(regions))
        if not provinces:
            raise ScopeError("account_staff_needs_scope")
        province = provinces.pop()
    elif provinces - {province}:
        outside = [c for c in regions if r.loc[c, "province_code"] != province]
        raise ScopeError("account_regions_outside_province", regions=_region_names(outside), province=province)
    return province, regions


def scope_description(user: User, lang: str = DEFAULT_LANG) -> str:
    """'Staf — Kota Tarakan (65.71), Kabupaten Malinau (65.02)' for the sidebar and lists."""
    role = ROLE_NAMES.get(lang, ROLE_NAMES[DEFAULT_LANG])[user.role]
    if user.role != "staf":
        return role
    if user.regions:
        return f"{role} — {_region_names(user.regions)}"
    if user.province_code:
        return f"{role} — {_region_names([user.province_code])}, {t('account_scope_all_kabkota', lang)}"
    return role


class Users:
    """Creating, changing and listing accounts."""

    def __init__(self, accounts: "Accounts"):
        self._accounts = accounts

    def get_user(self, username: str) -> User | None:
        cur = self._accounts.db.reader()
        try:
            row = user_row(cur, (username or "").strip().lower())
        finally:
            cur.close()
        return user_from_row(row) if row else None

    def list_users(self) -> pd.DataFrame:
        df = self._accounts.db.query_df(
            "SELECT username, display_name, role, province_code, regions, email, active, must_change_password, "
            "failed_logins, timezone('UTC', locked_until) AS locked_until, timezone('UTC', last_login_at) "
            "AS last_login_at, timezone('UTC', created_at) AS created_at, created_by FROM users ORDER BY username")
        for col in ("locked_until", "last_login_at", "created_at"):
            df[col] = pd.to_datetime(df[col]).dt.tz_localize("UTC")
        return df

    def has_admin(self) -> bool:
        return bool(self._accounts.db.query_df(
            "SELECT count(*) AS n FROM users WHERE role = 'admin' AND active")["n"].iloc[0])

    @staticmethod
    def _check_email(con, email: str | None, username: str) -> str | None:
        email = (email or "").strip().lower() or None
        if email is None:
            return None
        if "@" not in email:
            raise EmailError("account_bad_email", email=email)
        other = con.execute("SELECT username FROM users WHERE email = ? AND username <> ?",
                            [email, username]).fetchone()
        if other:
            raise EmailError("account_email_taken", email=email, other=other[0])
        return email

    def create_user(self, username: str, role: str, *, actor: str, display_name: str | None = None,
                    province: str | None = None, regions=(), email: str | None = None,
                    password: str | None = None, must_change: bool | None = None) -> tuple[User, str | None]:
        """Create an account. Without ``password`` a one-time password is generated and
        returned (the user must change it at first login); otherwise None is returned."""
        from waspada.accounts.passwords import generate_password, hash_password

        acc = self._accounts
        username = normalise_username(username)
        province, regions = check_scope(role, province, regions)
        one_time = None
        if password is None:
            one_time = password = generate_password()
            must_change = True if must_change is None else must_change
        else:
            acc.passwords.check_policy(password, username)
            must_change = bool(must_change)
        pw_hash = hash_password(password)
        with acc.db.writer() as con:
            if con.execute("SELECT 1 FROM users WHERE username = ?", [username]).fetchone():
                raise UserExistsError("account_user_exists", username=username)
            email = self._check_email(con, email, username)
            now = acc.now()
            con.execute(
                "INSERT INTO users (username, display_name, role, province_code, regions, email, password_hash, "
                "must_change_password, created_at, created_by, password_changed_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [username, (display_name or "").strip() or username, role, province, list(regions), email, pw_hash,
                 must_change, now, actor, now])
            acc.audit_trail.record(con, actor, "user_created", username,
                                   {"role": role, "province": province, "regions": list(regions), "email": email,
                                    "one_time_password": one_time is not None})
            user = user_from_row(user_row(con, username))
        return user, one_time

    def update_user(self, username: str, *, actor: str, **changes) -> User:
        """Change role, province, regions, display_name, email or active; audited with before/after."""
        acc = self._accounts
        allowed = {"role", "province", "regions", "display_name", "email", "active"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"unknown fields {sorted(unknown)}")
        username = (username or "").strip().lower()
        with acc.db.writer() as con:
            row = user_row(con, username)
            if not row:
                raise UnknownUserError("account_unknown_user", username=username)
            before = user_from_row(row)
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
                    raise LastAdminError("account_last_admin")
            email = self._check_email(con, changes.get("email", before.email), username)
            display = (changes.get("display_name", before.display_name) or "").strip() or username
            con.execute("UPDATE users SET role = ?, province_code = ?, regions = ?, display_name = ?, email = ?, "
                        "active = ? WHERE username = ?",
                        [role, province, list(regions), display, email, active, username])
            if not active:
                acc.sessions.end_all(con, username, "deactivated")
            after = user_from_row(user_row(con, username))
            diff = {k: {"sebelum": getattr(before, a), "sesudah": getattr(after, a)}
                    for k, a in (("role", "role"), ("province", "province_code"), ("regions", "regions"),
                                 ("display_name", "display_name"), ("email", "email"), ("active", "active"))
                    if getattr(before, a) != getattr(after, a)}
            acc.audit_trail.record(con, actor, "user_updated", username, diff)
        return after

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
