"""The lock-out under parallel logins, the uniform refusal, and the login rate limit
(waspada.accounts): what the hardening of issue 17 promised, without a server. The same
burst against the running server is in tests/e2e/test_login.py."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import pytest

from waspada.accounts import Accounts, AccountSettings, open_accounts_db
from waspada.accounts import passwords as passwords_module

RIGHT = "kata-sandi-budi"


class Clock:
    def __init__(self):
        self.now = datetime(2024, 11, 27, 1, 0, tzinfo=timezone.utc)

    def __call__(self):
        return self.now


@pytest.fixture()
def clock():
    return Clock()


@pytest.fixture()
def accounts(tmp_path, clock):
    settings = AccountSettings(max_failures=5, lockout_minutes=15, max_concurrent_verifications=8)
    acc = Accounts(open_accounts_db(tmp_path / "accounts.duckdb"), settings, clock=clock)
    acc.create_user("budi", "staf", actor="admin", password=RIGHT, regions=["65.71"])
    return acc


def _locked_until(acc: Accounts):
    return acc.list_users().set_index("username").loc["budi", "locked_until"]


def test_parallel_wrong_passwords_lock_the_account_and_the_right_one_is_refused(accounts):
    n = 12  # >= max_failures (5), all at once
    start = threading.Barrier(n + 1)

    def attempt(password):
        start.wait()
        return accounts.login("budi", password)

    with ThreadPoolExecutor(n + 1) as pool:
        wrong = [pool.submit(attempt, f"salah-salah-{i}") for i in range(n)]
        right_during = pool.submit(attempt, RIGHT)
        results = [f.result() for f in wrong]
        during = right_during.result()
    assert not any(r.ok for r in results)
    assert not pd_isna(_locked_until(accounts)), "12 parallel wrong passwords must lock the account"
    # Locked: the right password is refused (during the burst it may have come first, and then
    # the wrong ones after it still lock the account).
    after = accounts.login("budi", RIGHT)
    assert not after.ok and after.token is None
    if during.ok:
        assert accounts.check_session(during.token).user is not None
    log = accounts.audit_log()
    assert (log["action"] == "login_locked").sum() >= 1


def pd_isna(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def test_the_right_password_is_refused_while_locked_even_if_read_before_the_lock(accounts, monkeypatch):
    """The interleaving the old code lost: the right password's attempt read the row before
    the lock was written; the session must still not open."""
    real_verify = passwords_module.verify_password
    locked_meanwhile = threading.Event()

    def verify_then_lock(pw_hash, password):
        ok = real_verify(pw_hash, password)
        if password == RIGHT and not locked_meanwhile.is_set():
            locked_meanwhile.set()
            for i in range(5):  # another client locks the account while this one verifies
                accounts.login("budi", f"salah-salah-{i}")
        return ok

    monkeypatch.setattr(passwords_module, "verify_password", verify_then_lock)
    result = accounts.login("budi", RIGHT)
    assert locked_meanwhile.is_set()
    assert not result.ok and result.token is None
    assert not pd_isna(_locked_until(accounts))


def test_unknown_wrong_and_locked_get_the_same_answer_and_one_verification_each(accounts, monkeypatch, clock):
    calls = []
    real_verify = passwords_module.verify_password
    monkeypatch.setattr(passwords_module, "verify_password", lambda h, p: calls.append(h) or real_verify(h, p))

    def answer(username, password):
        before = len(calls)
        result = accounts.login(username, password)
        assert len(calls) == before + 1, f"{username}: one argon2 verification, not {len(calls) - before}"
        assert not result.ok
        return result.notice

    unknown = answer("tidak-ada", "apa-saja-apa-saja")
    wrong = answer("budi", "apa-saja-apa-saja")
    for _ in range(4):
        answer("budi", "apa-saja-apa-saja")
    locked_wrong = answer("budi", "apa-saja-apa-saja")
    locked_right = answer("budi", RIGHT)
    for lang in ("id", "en"):
        assert {n.render(lang) for n in (unknown, wrong, locked_wrong, locked_right)} == \
            {n.render(lang) for n in (unknown,)}
    assert unknown.render("id") == "Nama pengguna atau kata sandi salah."
    assert unknown.render("en") == "Wrong user name or password."
    reasons = [d["reason"] for d in accounts.audit_log(actions=("login_failure",))["detail"]][::-1]
    assert reasons == ["unknown_user"] + ["wrong_password"] * 5 + ["locked", "locked"]


def test_after_the_lock_the_user_is_told_at_the_next_login(accounts, clock):
    for i in range(5):
        accounts.login("budi", f"salah-salah-{i}")
    locked_at = clock.now
    clock.now += timedelta(minutes=16)
    result = accounts.login("budi", RIGHT)
    assert result.ok
    lock = accounts.lock_notice(result.token)
    assert lock is not None and lock.failures == 5 and lock.at == locked_at
    # Once told (the next login), not again.
    clock.now += timedelta(minutes=1)
    again = accounts.login("budi", RIGHT)
    assert accounts.lock_notice(again.token) is None


def test_a_locked_account_stays_locked_under_more_attempts_and_unlocks_on_time(accounts, clock):
    for i in range(5):
        accounts.login("budi", f"salah-salah-{i}")
    until = _locked_until(accounts)
    clock.now += timedelta(minutes=5)
    for i in range(5):
        accounts.login("budi", f"salah-salah-{i}")
    assert _locked_until(accounts) == until  # attempts during a lock neither extend nor lift it
    clock.now += timedelta(minutes=11)
    assert accounts.login("budi", RIGHT).ok


# -- the rate limit -------------------------------------------------------------------
def test_the_rate_limit_counts_per_address_and_per_account():
    from waspada.accounts.ratelimit import LoginRateLimit

    now = [1000.0]
    limit = LoginRateLimit(per_address=4, per_account=3, window_seconds=60, clock=lambda: now[0])
    assert [limit.check("10.0.0.1", "budi") for _ in range(3)] == [None, None, None]
    wait = limit.check("10.0.0.1", "budi")  # the account's fourth within a minute
    assert wait is not None and 0 < wait <= 60
    assert limit.check("10.0.0.1", "sari") is None  # another account, the address's fourth
    assert limit.check("10.0.0.1", "rina") is not None  # the address's fifth
    assert limit.check("10.0.0.2", "rina") is None
    assert limit.check("10.0.0.2", "budi") is not None  # budi from elsewhere: still budi's limit
    now[0] += 61
    assert limit.check("10.0.0.1", "budi") is None  # the window slid past


def test_rate_limit_settings_from_waspada_toml(tmp_path):
    from waspada.accounts import load_account_settings

    cfg = tmp_path / "waspada.toml"
    cfg.write_text("[akun]\nmasuk_per_alamat_per_menit = 7\nmasuk_per_akun_per_menit = 3\n"
                   "verifikasi_serentak = 1\ndi_balik_proxy = true\n", encoding="utf-8")
    s = load_account_settings(cfg)
    assert (s.login_per_address_per_minute, s.login_per_account_per_minute, s.max_concurrent_verifications,
            s.behind_proxy) == (7, 3, 1, True)
    cfg.write_text('[akun]\ndi_balik_proxy = "ya"\n', encoding="utf-8")
    assert load_account_settings(cfg).problem is not None


def test_argon2_verifications_are_bounded(tmp_path, clock, monkeypatch):
    acc = Accounts(open_accounts_db(tmp_path / "a.duckdb"),
                   AccountSettings(max_concurrent_verifications=2), clock=clock)
    running, peak, guard = [0], [0], threading.Lock()
    real_verify = passwords_module.verify_password

    def counting(h, p):
        with guard:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        try:
            return real_verify(h, p)
        finally:
            with guard:
                running[0] -= 1

    monkeypatch.setattr(passwords_module, "verify_password", counting)
    with ThreadPoolExecutor(10) as pool:
        list(pool.map(lambda i: acc.login(f"orang{i}", "apa-saja-apa-saja"), range(10)))
    assert peak[0] <= 2
