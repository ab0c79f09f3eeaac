"""Shared pieces of the browser tests: one Chromium for the whole session (Playwright's sync
API allows one running instance per thread), a Streamlit server per database, and a page
that records any request leaving the machine.

Chromium is Debian's (/usr/bin/chromium, installed by tests/install_system_packages.sh);
Playwright only drives it. Screenshots go to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.auth_session import ensure_users

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps trying Google's hosts on this
# closed network; as root it needs --no-sandbox.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# A risk map: an inline SVG (regions only) or a deck.gl canvas (regions with incident dots).
MAP = 'svg[data-peta="kerawanan"], [data-testid="stDeckGlJsonChart"] canvas'
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(db: Path, accounts: Path, log_name: str):
    """`streamlit run server.py` (the app with its HTTP login, as `make run` serves it) on a free port against these databases; yields the base URL
    once /_stcore/health answers."""
    ensure_users(accounts)
    port = free_port()
    env = dict(os.environ, WASPADA_DB=str(db), WASPADA_ACCOUNTS_DB=str(accounts))
    ARTIFACTS.mkdir(exist_ok=True)
    log_path = ARTIFACTS / log_name
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "server.py"), "--server.port", str(port),
             "--server.headless", "true", "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as r:
                        if r.read() == b"ok":
                            break
                except OSError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"streamlit did not start; see {log_path}")
                time.sleep(0.3)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="session")
def server(sample_db):
    """The app on the generated sample, with one test account per role."""
    with streamlit_server(sample_db, sample_db.parent / "accounts_e2e.duckdb", "streamlit-e2e.log") as base:
        yield base


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is missing: run `make test` as root, or apt-get install chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def browser(chromium):
    """One browser context (a fresh, empty profile) for the dashboard tests."""
    context = chromium.new_context(viewport={"width": 1500, "height": 1800})
    yield context
    context.close()


def watch_outside_requests(page):
    """Record on page.outside_requests every request to a host other than this machine."""
    outside = []
    page.on("request", lambda r: outside.append(r.url)
            if urlparse(r.url).hostname not in ("127.0.0.1", "localhost")
            and urlparse(r.url).scheme in ("http", "https", "ws", "wss") else None)
    page.outside_requests = outside
    return page


@pytest.fixture
def page(browser):
    page = watch_outside_requests(browser.new_page())
    yield page
    page.close()
