"""AppTest: a file's name is shown as written, never as Markdown (issue 17): a name holding a
link, a colour directive and bold text shows literally in the preview heading and in the
message after storing; the page states the upload limit in the reader's language."""

from __future__ import annotations

import re

import pytest

from tests.apptest_helpers import assert_clean
from tests.auth_session import PASSWORD, ensure_users
from tests.workbooks import HEADER, good_row, reference_db, xlsx

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

NAME = "[a](http://x) :red[b] **c** $x$.xlsx"
# Characters that start Markdown (or Streamlit's :colour[...] and $LaTeX$) when not escaped.
ACTIVE = "[]()*_:`$#<>~|!"


def _literal(markdown: str) -> str:
    """What a reader sees of `markdown` when every active character is escaped: the text with
    CommonMark's backslash escapes resolved. Fails when an active character is unescaped."""
    unescaped = re.sub(r"\\.", "", markdown)
    bare = [c for c in unescaped if c in ACTIVE]
    assert not bare, (markdown, bare)
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.fixture()
def env(tmp_path_factory, tmp_path, monkeypatch):
    db = reference_db(tmp_path_factory, tmp_path)
    accounts_file = tmp_path / "accounts.duckdb"
    ensure_users(accounts_file)
    monkeypatch.setenv("WASPADA_DB", str(db.path))
    monkeypatch.setenv("WASPADA_ACCOUNTS_DB", str(accounts_file))
    return db


def _page():
    from streamlit.testing.v1 import AppTest

    from tests.conftest import APP

    at = AppTest.from_file(str(APP), default_timeout=90).run()
    at.text_input(key="w_login_user").input("staf")
    at.text_input(key="w_login_password").input(PASSWORD)
    at.button[0].click()
    at.run()
    at.switch_page("app_pages/unggah.py").run()
    return at


def test_a_markdown_file_name_shows_literally(env, tmp_path):
    data = xlsx(tmp_path / "x.xlsx", [HEADER, good_row(uraian="nama berkas aneh")]).read_bytes()
    at = _page()
    assert_clean(at)
    assert any(c.value == "Ukuran paling besar 10 MB per berkas." for c in at.caption)
    at.file_uploader[0].set_value((NAME, data, "application/octet-stream"))
    at.run()
    assert_clean(at)
    headings = [h.value for h in at.subheader]
    assert NAME in [_literal(h) for h in headings if "xlsx" in h]
    at.button(key="w_store").click()
    at.run()
    stored = [s.value for s in at.success if "insiden baru" in s.value]
    assert stored and _literal(stored[0]).startswith(NAME + ": 1 insiden baru disimpan")


def test_a_refused_markdown_file_name_shows_literally(env):
    at = _page()
    at.file_uploader[0].set_value((NAME, b"%PDF-1.7\n", "application/pdf"))
    at.run()
    errors = [_literal(e.value) for e in at.error]
    assert any(e.startswith(NAME + ": berkas ditolak") and "dokumen PDF" in e for e in errors), errors
