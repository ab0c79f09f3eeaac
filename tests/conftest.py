"""Shared fixtures: a sample database built once per session, a schema-only database, and
an AppTest opener that points the app at a database through WASPADA_DB."""

from __future__ import annotations

from pathlib import Path

import pytest

from waspada.db import Database

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """Real reference tables plus the generated sample (Kaltara, NTT, Kalbar), built once."""
    from etl.build import build_database

    path = tmp_path_factory.mktemp("sample") / "waspada.duckdb"
    build_database(path, sample=True)
    return path


@pytest.fixture(scope="session")
def empty_db(tmp_path_factory) -> Path:
    """The schema and nothing else: no regions, no schedule, no incidents."""
    path = tmp_path_factory.mktemp("empty") / "waspada.duckdb"
    with Database(path).writer(create=True):
        pass
    return path


@pytest.fixture(scope="session")
def accounts_file(tmp_path_factory) -> Path:
    """An accounts database with one user per role (tests/auth_session.py)."""
    return tmp_path_factory.mktemp("accounts") / "accounts.duckdb"


@pytest.fixture
def open_app(monkeypatch, accounts_file):
    """open_app(db, page=None, params=None, role="pimpinan") -> AppTest, logged in as that
    role, after the first run (and the page switch)."""
    from streamlit.testing.v1 import AppTest

    from tests.auth_session import log_in

    def _open(db: Path, page: str | None = None, params: dict | None = None, timeout: float = 60,
              role: str | None = "pimpinan"):
        monkeypatch.setenv("WASPADA_DB", str(db))
        monkeypatch.setenv("WASPADA_ACCOUNTS_DB", str(accounts_file))
        at = AppTest.from_file(str(APP), default_timeout=timeout)
        if role:
            log_in(at, accounts_file, role)
        at.query_params.update(params or {})
        at.run()
        if page:
            at.switch_page(f"app_pages/{page}.py").run()
        return at

    return _open


@pytest.fixture
def writable_reference_db(tmp_path_factory, tmp_path):
    """A writable copy of the built reference database (no incidents), for upload tests."""
    from tests.workbooks import reference_db

    return reference_db(tmp_path_factory, tmp_path)


@pytest.fixture
def fresh_accounts(tmp_path):
    """An empty accounts database of this test's own."""
    from waspada.accounts import Accounts, open_accounts_db

    return Accounts(open_accounts_db(tmp_path / "accounts.duckdb"))
