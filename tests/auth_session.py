"""Logging AppTest sessions in without the login form (for page tests of every helper).

    token = session_token(accounts_file, "pimpinan")
    at.session_state[TOKEN_KEY] = token      # before at.run()

The accounts file is a real one (waspada.accounts), so the gate in app.py checks the
token exactly as in production; only the form is skipped. The login form itself is tested
in tests/test_accounts_pages.py and in the browser test.
"""

from __future__ import annotations

from pathlib import Path

from ui.auth import TOKEN_KEY
from ui.http_login import LOGIN_PATH
from waspada.accounts import Accounts

PASSWORD = "sandi-uji-yang-panjang"
USERS = {
    "pimpinan": dict(role="pimpinan"),
    "staf": dict(role="staf", regions=["65.71", "65.02"]),
    "admin": dict(role="admin"),
}


def ensure_users(accounts_file: Path) -> Accounts:
    """An accounts file holding one user per role (user name = role), password PASSWORD."""
    acc = Accounts.open(accounts_file)
    for name, kw in USERS.items():
        if acc.get_user(name) is None:
            kw = dict(kw)
            acc.create_user(name, kw.pop("role"), actor="test", password=PASSWORD, display_name=name.title(), **kw)
    return acc


def session_token(accounts_file: Path, role: str = "pimpinan") -> str:
    """A live session token for the user of that role."""
    result = ensure_users(accounts_file).login(role, PASSWORD)
    assert result.ok, str(result.notice)
    return result.token


def log_in(at, accounts_file: Path, role: str = "pimpinan"):
    """Put a live session of `role` into an AppTest before its first run; returns at."""
    at.session_state[TOKEN_KEY] = session_token(accounts_file, role)
    return at


__all__ = ["PASSWORD", "TOKEN_KEY", "USERS", "ensure_users", "log_in", "session_token"]


def browser_login(page, role: str = "pimpinan", timeout_ms: int = 60_000) -> None:
    """After page.goto(): log in when the browser has no live session. The server sends a page
    request without one to the login form at /masuk (ui/http_login.py), which sends
    the browser on to the page it asked for; a browser already logged in (the session cookie)
    is on that page already."""
    from urllib.parse import urlparse

    if urlparse(page.url).path != LOGIN_PATH:
        return
    page.get_by_label("Nama pengguna").fill(role)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(lambda url: urlparse(url).path != LOGIN_PATH, timeout=timeout_ms)
