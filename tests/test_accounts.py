"""Accounts: roles and scope, argon2 passwords, lock-out, sessions that expire, password
change, the audit trail, the separate accounts file, and `waspada users create/ensure-admin`."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from waspada.accounts import (
    AccountError, Accounts, AccountSettings, User, accounts_path, load_account_settings, open_accounts_db,
)
from waspada.paths import ROOT


class Clock:
    """A clock the test moves by hand, so expiry is tested without sleeping."""

    def __init__(self):
        self.now = datetime(2024, 11, 27, 1, 0, tzinfo=timezone.utc)

    def __call__(self):
        return self.now

    def advance(self, **kw):
        self.now += timedelta(**kw)


@pytest.fixture()
def clock():
    return Clock()


@pytest.fixture()
def accounts(tmp_path, clock):
    settings = AccountSettings(session_hours=8, idle_minutes=30, max_failures=3, lockout_minutes=15)
    return Accounts(open_accounts_db(tmp_path / "accounts.duckdb"), settings, clock=clock)


def _user(accounts, name="budi", role="staf", password="kata-sandi-budi", **kw):
    kw.setdefault("regions", ["65.71", "65.02"] if role == "staf" else ())
    user, _ = accounts.create_user(name, role, actor="admin", password=password, **kw)
    return user


# -- where the accounts live -------------------------------------------------------------
def test_accounts_file_is_separate_and_beside_the_main_database(tmp_path, monkeypatch):
    monkeypatch.delenv("WASPADA_ACCOUNTS_DB", raising=False)
    assert accounts_path(tmp_path / "waspada.duckdb") == tmp_path / "accounts.duckdb"
    monkeypatch.setenv("WASPADA_ACCOUNTS_DB", str(tmp_path / "elsewhere.duckdb"))
    assert accounts_path(tmp_path / "waspada.duckdb") == tmp_path / "elsewhere.duckdb"


def test_logins_never_write_the_main_database(tmp_path, clock):
    from waspada.db import Database

    main = Database(tmp_path / "waspada.duckdb")
    with main.writer(create=True):
        pass
    before = main.version()
    acc = Accounts(open_accounts_db(accounts_path(main.path)), clock=clock)
    _user(acc)
    assert acc.login("budi", "kata-sandi-budi").ok
    assert acc.login("budi", "salah-salah").ok is False
    assert main.version() == before
    assert (tmp_path / "accounts.duckdb").exists()


# -- roles -----------------------------------------------------------------------------
def test_permissions_by_role():
    pimpinan = User("p", "P", "pimpinan")
    staf = User("s", "S", "staf", "65", ("65.71",))
    admin = User("a", "A", "admin")
    assert [u.can("view") for u in (pimpinan, staf, admin)] == [True, True, True]
    assert [u.can("upload") for u in (pimpinan, staf, admin)] == [False, True, True]
    assert [u.can("manage_users") for u in (pimpinan, staf, admin)] == [False, False, True]
    assert [u.can("withdraw") for u in (pimpinan, staf, admin)] == [False, False, True]
    assert not User("x", "X", "admin", active=False).can("view")


def test_staff_scope_is_their_regions_or_their_whole_province(accounts):
    listed = _user(accounts, "budi", regions=["65.71", "65.02"])
    assert listed.province_code == "65"  # derived from the regions
    assert listed.upload_regions() == {"65.71", "65.02"}
    whole = _user(accounts, "sari", regions=(), province="65")
    assert whole.upload_regions() == {"65.01", "65.02", "65.03", "65.04", "65.71"}
    assert _user(accounts, "ketua", role="pimpinan").upload_regions() == frozenset()
    assert _user(accounts, "root", role="admin").upload_regions() is None


@pytest.mark.parametrize("kw, words", [
    (dict(regions=["65.71", "13.71"], province="65"), "13.71"),  # a region of another province
    (dict(regions=["99.99"]), "99.99"),  # no such code
    (dict(regions=["65.71.01"]), "65.71.01"),  # a kecamatan, not a kabupaten/kota
    (dict(regions=[], province=None), "provinsi"),  # staff without any scope
])
def test_staff_scope_is_validated_against_the_region_list(accounts, kw, words):
    with pytest.raises(AccountError, match=words.replace(".", r"\.")):
        accounts.create_user("budi", "staf", actor="admin", password="kata-sandi-budi", **kw)


def test_user_names_and_duplicates(accounts):
    _user(accounts, "budi")
    with pytest.raises(AccountError, match="sudah ada"):
        _user(accounts, "Budi")
    with pytest.raises(AccountError, match="tidak sah"):
        _user(accounts, "budi'; DROP TABLE users; --")
    assert accounts.get_user("BUDI").username == "budi"


# -- passwords ---------------------------------------------------------------------------
def test_passwords_are_stored_as_argon2id_hashes_only(accounts):
    _user(accounts, password="kata-sandi-budi")
    stored = accounts.db.query_df("SELECT password_hash FROM users WHERE username = 'budi'")["password_hash"][0]
    assert stored.startswith("$argon2id$")
    assert "kata-sandi-budi" not in stored


def test_password_policy(accounts):
    with pytest.raises(AccountError, match="minimal 10"):
        _user(accounts, password="pendek")
    with pytest.raises(AccountError, match="sama dengan nama"):
        _user(accounts, "panjangsekali", password="PanjangSekali")


def test_one_time_password_must_be_changed_at_first_login(accounts):
    user, one_time = accounts.create_user("budi", "staf", actor="admin", regions=["65.71"])
    assert one_time and len(one_time) == 16 and user.must_change_password
    login = accounts.login("budi", one_time)
    assert login.ok and login.user.must_change_password
    with pytest.raises(AccountError, match="saat ini salah"):
        accounts.change_password("budi", "bukan-ini-sandinya", "kata-sandi-baru-1")
    with pytest.raises(AccountError, match="berbeda"):
        accounts.change_password("budi", one_time, one_time)
    accounts.change_password("budi", one_time, "kata-sandi-baru-1", token=login.token)
    assert accounts.check_session(login.token).user.must_change_password is False
    assert not accounts.login("budi", one_time).ok
    assert accounts.login("budi", "kata-sandi-baru-1").ok


def test_password_change_ends_the_other_sessions(accounts):
    _user(accounts)
    here = accounts.login("budi", "kata-sandi-budi")
    elsewhere = accounts.login("budi", "kata-sandi-budi")
    accounts.change_password("budi", "kata-sandi-budi", "kata-sandi-baru-1", token=here.token)
    assert accounts.check_session(here.token).user is not None
    assert accounts.check_session(elsewhere.token).user is None


def test_reset_password_gives_a_new_one_time_password(accounts):
    _user(accounts)
    new = accounts.reset_password("budi", actor="admin")
    assert not accounts.login("budi", "kata-sandi-budi").ok
    result = accounts.login("budi", new)
    assert result.ok and result.user.must_change_password


# -- lock-out ----------------------------------------------------------------------------
def test_repeated_failures_lock_the_account_for_a_while(accounts, clock):
    _user(accounts)
    for _ in range(2):
        r = accounts.login("budi", "salah-salah-salah")
        assert not r.ok and "salah" in str(r.notice)
    locked = accounts.login("budi", "salah-salah-salah")  # the third failure (max_failures=3)
    # The answer does not tell that the account exists or is locked; the audit trail does.
    assert not locked.ok and str(locked.notice) == "Nama pengguna atau kata sandi salah."
    right = accounts.login("budi", "kata-sandi-budi")
    assert not right.ok and str(right.notice) == "Nama pengguna atau kata sandi salah."
    assert accounts.audit_log(actions=("login_failure",))["detail"].iloc[0]["reason"] == "locked"
    clock.advance(minutes=14)
    assert not accounts.login("budi", "kata-sandi-budi").ok
    clock.advance(minutes=2)
    assert accounts.login("budi", "kata-sandi-budi").ok
    actions = accounts.audit_log()["action"].tolist()
    assert actions.count("login_locked") == 1
    assert actions.count("login_failure") == 5 and actions.count("login_success") == 1


def test_a_success_resets_the_failure_count(accounts):
    _user(accounts)
    accounts.login("budi", "salah-salah-salah")
    accounts.login("budi", "salah-salah-salah")
    assert accounts.login("budi", "kata-sandi-budi").ok
    accounts.login("budi", "salah-salah-salah")
    accounts.login("budi", "salah-salah-salah")
    assert accounts.login("budi", "kata-sandi-budi").ok  # not locked: the count started again


def test_admin_unlocks(accounts):
    _user(accounts)
    for _ in range(3):
        accounts.login("budi", "salah-salah-salah")
    assert not accounts.login("budi", "kata-sandi-budi").ok
    accounts.unlock("budi", actor="admin")
    assert accounts.login("budi", "kata-sandi-budi").ok


def test_unknown_user_gets_the_same_answer_and_is_audited(accounts):
    _user(accounts)
    unknown = accounts.login("tidak-ada", "apa-saja-apa-saja")
    wrong = accounts.login("budi", "apa-saja-apa-saja")
    assert str(unknown.notice) == str(wrong.notice)
    log = accounts.audit_log(actions=("login_failure",))
    assert set(log["actor"]) == {"tidak-ada", "budi"}
    assert {d["reason"] for d in log["detail"]} == {"unknown_user", "wrong_password"}


def test_deactivated_user_cannot_log_in_and_loses_sessions(accounts):
    _user(accounts)
    live = accounts.login("budi", "kata-sandi-budi")
    _user(accounts, "root", role="admin")
    accounts.update_user("budi", actor="root", active=False)
    assert accounts.check_session(live.token).user is None
    assert not accounts.login("budi", "kata-sandi-budi").ok


# -- sessions ----------------------------------------------------------------------------
def test_sessions_expire_after_the_configured_hours(accounts, clock):
    _user(accounts)
    token = accounts.login("budi", "kata-sandi-budi").token
    for _ in range(23):  # active all day, every 20 minutes (idle limit 30): 7 h 40 min
        clock.advance(minutes=20)
        assert accounts.check_session(token).user is not None
    clock.advance(minutes=20)  # 8 hours after the login: over, however active
    check = accounts.check_session(token)
    assert check.user is None and check.reason == "expired" and "berakhir" in str(check.notice)


def test_sessions_end_after_idle_minutes(accounts, clock):
    _user(accounts)
    token = accounts.login("budi", "kata-sandi-budi").token
    clock.advance(minutes=20)
    assert accounts.check_session(token).user is not None  # moves the idle clock
    clock.advance(minutes=29)
    assert accounts.check_session(token).user is not None
    clock.advance(minutes=31)
    check = accounts.check_session(token)
    assert check.user is None and check.reason == "idle" and "tidak aktif" in str(check.notice)
    assert accounts.check_session(token).reason == "ended"


def test_absolute_expiry(tmp_path, clock):
    acc = Accounts(open_accounts_db(tmp_path / "a.duckdb"),
                   AccountSettings(session_hours=2, idle_minutes=600), clock=clock)
    _user(acc)
    token = acc.login("budi", "kata-sandi-budi").token
    clock.advance(hours=1, minutes=59)
    assert acc.check_session(token).user is not None
    clock.advance(minutes=2)
    assert acc.check_session(token).reason == "expired"


def test_logout_ends_the_session_and_is_audited(accounts):
    _user(accounts)
    token = accounts.login("budi", "kata-sandi-budi").token
    accounts.logout(token)
    assert accounts.check_session(token).user is None
    assert accounts.audit_log()["action"].iloc[0] == "logout"


def test_the_token_is_not_stored(accounts):
    _user(accounts)
    token = accounts.login("budi", "kata-sandi-budi").token
    stored = accounts.db.query_df("SELECT token_hash FROM sessions")["token_hash"].tolist()
    assert token not in stored and len(stored) == 1
    assert accounts.check_session(token + "x").user is None
    assert accounts.check_session(None).reason == "none"


def test_role_changes_apply_to_a_live_session(accounts):
    _user(accounts)
    _user(accounts, "root", role="admin")
    token = accounts.login("budi", "kata-sandi-budi").token
    accounts.update_user("budi", actor="root", role="pimpinan")
    assert accounts.check_session(token).user.role == "pimpinan"


# -- admin ------------------------------------------------------------------------------
def test_the_last_admin_cannot_be_removed(accounts):
    _user(accounts, "root", role="admin")
    with pytest.raises(AccountError, match="admin terakhir"):
        accounts.update_user("root", actor="root", active=False)
    with pytest.raises(AccountError, match="admin terakhir"):
        accounts.update_user("root", actor="root", role="staf", province="65")
    _user(accounts, "root2", role="admin")
    accounts.update_user("root", actor="root2", active=False)


def test_user_changes_are_audited_with_before_and_after(accounts):
    _user(accounts, "root", role="admin")
    _user(accounts, "budi", regions=["65.71"])
    accounts.update_user("budi", actor="root", regions=["65.71", "65.02"])
    entry = accounts.audit_log(actions=("user_updated",)).iloc[0]
    assert entry["actor"] == "root" and entry["target"] == "budi"
    assert entry["detail"]["regions"] == {"sebelum": ["65.71"], "sesudah": ["65.71", "65.02"]}


def test_ensure_admin_only_when_there_is_none(accounts):
    created = accounts.ensure_admin()
    assert created is not None
    name, password = created
    assert accounts.login(name, password).user.must_change_password
    assert accounts.ensure_admin() is None
    assert len(accounts.list_users()) == 1


def test_email_is_unique_and_opens_an_external_session(accounts):
    _user(accounts, email="Budi@Kesbangpol.go.id")
    with pytest.raises(AccountError, match="sudah dipakai"):
        _user(accounts, "sari", email="budi@kesbangpol.go.id")
    ok = accounts.login_external("budi@kesbangpol.go.id", issuer="https://sso.example")
    assert ok.ok and ok.user.username == "budi" and accounts.check_session(ok.token).user
    unknown = accounts.login_external("orang@lain.id")
    assert not unknown.ok and "belum terdaftar" in str(unknown.notice)


def test_audit_times_are_utc(accounts, clock):
    _user(accounts)
    accounts.login("budi", "kata-sandi-budi")
    at = accounts.audit_log()["logged_at"].iloc[0]
    assert at.tzinfo is not None and at.to_pydatetime() == clock.now


def test_settings_from_waspada_toml(tmp_path):
    cfg = tmp_path / "waspada.toml"
    cfg.write_text('[kantor]\nprovinsi = "65"\n[akun]\nsesi_jam = 4\nsesi_diam_menit = 20\n'
                   'gagal_maksimum = 3\nkunci_menit = 30\nmasuk = "oidc"\npenyedia_oidc = "kantor"\n',
                   encoding="utf-8")
    s = load_account_settings(cfg)
    assert (s.session_hours, s.idle_minutes, s.max_failures, s.lockout_minutes, s.login, s.oidc_provider) == \
        (4, 20, 3, 30, "oidc", "kantor")
    cfg.write_text('[akun]\nmasuk = "ldap"\n', encoding="utf-8")
    bad = load_account_settings(cfg)
    assert bad.problem and "ldap" in str(bad.problem) and bad.login == "lokal"
    assert load_account_settings(tmp_path / "missing.toml") == AccountSettings()


# -- command line ------------------------------------------------------------------------
def _users_cli(*args, stdin: str | None = None, env_extra: dict | None = None):
    import os

    env = dict(os.environ)
    env.pop("WASPADA_ACCOUNTS_DB", None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "waspada", "users", *args], cwd=ROOT, input=stdin, capture_output=True,
                          text=True, env=env, timeout=120)


def test_cli_ensure_admin_then_create_user(tmp_path):
    db = tmp_path / "waspada.duckdb"
    first = _users_cli("ensure-admin", "--db", str(db))
    assert first.returncode == 0, first.stderr
    password = next(line.split(":", 1)[1].strip() for line in first.stdout.splitlines()
                    if "kata sandi sekali pakai" in line)
    acc = Accounts.open(tmp_path / "accounts.duckdb")
    assert acc.login("admin", password).ok
    again = _users_cli("ensure-admin", "--db", str(db))
    assert again.returncode == 0 and "sudah ada" in again.stdout and password not in again.stdout

    made = _users_cli("create", "budi", "--role", "staf", "--regions", "65.71,65.02", "--password-stdin",
                "--db", str(db), stdin="sandi-rahasia-budi\n")
    assert made.returncode == 0, made.stderr
    assert "sandi-rahasia-budi" not in made.stdout
    user = acc.login("budi", "sandi-rahasia-budi").user
    assert (user.role, user.province_code, user.regions, user.must_change_password) == \
        ("staf", "65", ("65.71", "65.02"), False)

    bad = _users_cli("create", "sari", "--role", "staf", "--regions", "65.71,13.71", "--db", str(db))
    assert bad.returncode == 2 and "13.71" in bad.stderr
    assert acc.get_user("sari") is None
    assert not Path(db).exists()  # account commands never create or touch the main database
