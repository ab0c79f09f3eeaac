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


@pytest.fixture
def open_app(monkeypatch):
    """open_app(db, page=None, params=None) -> AppTest after the first run (and the page switch)."""
    from streamlit.testing.v1 import AppTest

    def _open(db: Path, page: str | None = None, params: dict | None = None, timeout: float = 60):
        monkeypatch.setenv("WASPADA_DB", str(db))
        at = AppTest.from_file(str(APP), default_timeout=timeout)
        at.query_params.update(params or {})
        at.run()
        if page:
            at.switch_page(f"app_pages/{page}.py").run()
        return at

    return _open
