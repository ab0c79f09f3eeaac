"""Accounts and sessions on PostgreSQL (issue 16): the same code as on the DuckDB file,
through waspada.pg.PgDatabase, against a real server (tests/pg_fixture.py).

The lock-out tests of tests/test_login_burst.py run here again, unchanged, with their
``accounts`` fixture pointed at PostgreSQL: lock-out stays atomic under parallel logins."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pg_fixture import pg_server, pg_url  # noqa: F401  (fixtures)
from test_login_burst import (  # noqa: F401  (collected again here, on PostgreSQL)
    RIGHT, clock, test_a_locked_account_stays_locked_under_more_attempts_and_unlocks_on_time,
    test_after_the_lock_the_user_is_told_at_the_next_login,
    test_parallel_wrong_passwords_lock_the_account_and_the_right_one_is_refused,
    test_the_right_password_is_refused_while_locked_even_if_read_before_the_lock,
    test_unknown_wrong_and_locked_get_the_same_answer_and_one_verification_each,
)
from waspada.accounts import Accounts, AccountSettings, installation_accounts, open_accounts_db
from waspada.pg import PgDatabase

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def accounts(pg_url, clock):  # noqa: F811  (test_login_burst's fixture, on PostgreSQL)
    settings = AccountSettings(max_failures=5, lockout_minutes=15, max_concurrent_verifications=8)
    acc = Accounts(open_accounts_db(pg_url), settings, clock=clock)
    acc.create_user("budi", "staf", actor="admin", password=RIGHT, regions=["65.71"])
    return acc


def test_a_url_opens_the_accounts_on_postgresql(pg_url):
    db = open_accounts_db(pg_url)
    assert isinstance(db, PgDatabase)
    acc = Accounts(db)
    user, one_time = acc.create_user("siti", "staf", actor="admin", regions=["65.71", "65.01"],
                                     email="Siti@Kaltara.go.id")
    assert one_time and user.regions == ("65.71", "65.01") and user.email == "siti@kaltara.go.id"
    assert acc.get_user("siti").must_change_password
    users = acc.list_users().set_index("username")
    assert list(users.loc["siti", "regions"]) == ["65.71", "65.01"]
    log = acc.audit_log(actions=("user_created",))
    assert list(log["target"]) == ["siti"] and log["detail"].iloc[0]["regions"] == ["65.71", "65.01"]


def test_a_session_opened_on_replica_a_is_valid_on_replica_b_and_ends_everywhere(pg_url):
    replica_a, replica_b = Accounts(open_accounts_db(pg_url)), Accounts(open_accounts_db(pg_url))
    replica_a.create_user("budi", "pimpinan", actor="admin", password=RIGHT)
    login = replica_a.login("budi", RIGHT)
    assert login.ok
    # Replica B in a process of its own, as in the cluster.
    check = subprocess.run(
        [sys.executable, "-c",
         "import sys; from waspada.accounts import Accounts, open_accounts_db; "
         "print(Accounts(open_accounts_db(sys.argv[1])).check_session(sys.argv[2]).user.username)",
         pg_url, login.token], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert check.stdout.strip() == "budi", check.stderr
    replica_b.logout(login.token)
    assert replica_a.check_session(login.token).user is None


def test_the_configured_url_is_the_installation_accounts(pg_url, monkeypatch, tmp_path):
    import waspada.accounts as accounts_module

    monkeypatch.setenv("WASPADA_DATABASE_URL", pg_url)
    monkeypatch.setenv("WASPADA_ACCOUNTS_DB", str(tmp_path / "not-used.duckdb"))
    accounts_module._open_installation.cache_clear()
    try:
        acc = installation_accounts()
        assert isinstance(acc.db, PgDatabase)
        assert acc.ensure_admin() is not None
        assert not (tmp_path / "not-used.duckdb").exists()
    finally:
        accounts_module._open_installation.cache_clear()


def test_the_url_comes_from_waspada_toml_and_the_environment_wins(tmp_path, monkeypatch):
    from waspada.settings import ConfigUnreadable, database_url

    config = tmp_path / "waspada.toml"
    monkeypatch.setenv("WASPADA_CONFIG", str(config))
    monkeypatch.delenv("WASPADA_DATABASE_URL", raising=False)
    assert database_url() is None  # no file: the embedded DuckDB files
    config.write_text('[database]\nurl = "postgresql://w@db.example/waspada"\n', encoding="utf-8")
    assert database_url() == "postgresql://w@db.example/waspada"
    monkeypatch.setenv("WASPADA_DATABASE_URL", "postgresql://w@other/waspada")
    assert database_url() == "postgresql://w@other/waspada"
    monkeypatch.setenv("WASPADA_DATABASE_URL", "mysql://x")
    with pytest.raises(ConfigUnreadable) as err:
        database_url()
    assert "postgresql://" in err.value.message.render("en")
