"""AppTest: the login gate and role checks on the server, the login form, forced password
change, and the upload page's preview -> store flow through the real st.file_uploader."""

from __future__ import annotations

import pytest

from tests.apptest_helpers import assert_clean, texts
from tests.auth_session import PASSWORD, ensure_users
from tests.workbooks import HEADER, good_row, reference_db, xlsx
from waspada.accounts import Accounts

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# AppTest.switch_page's refusal of a page file that exists but is not in this session's
# navigation (a missing file says "Could not find page" instead): the gate, not a typo.
NOT_IN_NAVIGATION = "Could not find a navigation page"


@pytest.fixture()
def env(tmp_path_factory, tmp_path, monkeypatch):
    db = reference_db(tmp_path_factory, tmp_path)
    accounts_file = tmp_path / "accounts.duckdb"
    ensure_users(accounts_file)
    monkeypatch.setenv("WASPADA_DB", str(db.path))
    monkeypatch.setenv("WASPADA_ACCOUNTS_DB", str(accounts_file))
    return db, accounts_file


def _app():
    from streamlit.testing.v1 import AppTest

    from tests.conftest import APP

    return AppTest.from_file(str(APP), default_timeout=90)


def _login(at, name: str, password: str = PASSWORD):
    at.text_input(key="w_login_user").input(name)
    at.text_input(key="w_login_password").input(password)
    at.button[0].click()
    return at.run()


def test_not_logged_in_sees_only_the_login_page(env):
    at = _app().run()
    assert_clean(at)
    assert [t.value for t in at.title] == ["Masuk ke Waspada"]
    assert not at.sidebar.selectbox  # no dashboard sidebar, no data
    # Asking for a page by name does not get past the gate.
    for page in ("app_pages/unggah.py", "app_pages/insiden.py", "app_pages/admin_pengguna.py"):
        with pytest.raises(ValueError, match=NOT_IN_NAVIGATION):
            at.switch_page(page).run()
    assert [t.value for t in at.title] == ["Masuk ke Waspada"]


def test_wrong_password_is_refused_and_audited(env):
    _, accounts_file = env
    at = _login(_app().run(), "staf", "salah-sekali-ini")
    assert [e.value for e in at.error] == ["Nama pengguna atau kata sandi salah."]
    assert [t.value for t in at.title] == ["Masuk ke Waspada"]
    log = Accounts.open(accounts_file).audit_log(actions=("login_failure",))
    assert log["actor"].tolist() == ["staf"]


@pytest.mark.parametrize("role, allowed, refused", [
    ("pimpinan", [], ["unggah", "admin_pengguna", "admin_audit"]),
    ("staf", ["unggah"], ["admin_pengguna", "admin_audit"]),
    ("admin", ["unggah", "admin_pengguna", "admin_audit"], []),
])
def test_pages_by_role(env, role, allowed, refused):
    at = _login(_app().run(), role)
    assert_clean(at)
    assert at.title[0].value.startswith("Ringkasan")
    assert role.title() in " ".join(t.value for t in at.sidebar.text)
    for page in allowed:
        at.switch_page(f"app_pages/{page}.py").run()
        assert_clean(at)
    for page in refused:
        # Not in this role's navigation: Streamlit refuses to switch to it (the file exists).
        with pytest.raises(ValueError, match=NOT_IN_NAVIGATION):
            at.switch_page(f"app_pages/{page}.py").run()


def test_pages_check_the_role_themselves(env):
    """Defence in depth: run a restricted page's script for a pimpinan directly."""
    from ui import auth

    at = _login(_app().run(), "pimpinan")
    user = at.session_state[auth.USER_KEY]
    assert user.role == "pimpinan" and not user.can("upload")
    from streamlit.testing.v1 import AppTest

    page = AppTest.from_string(
        "import streamlit as st\n"
        "from ui import auth\n"
        "auth.require('upload')\n"
        "st.title('RAHASIA')\n")
    page.session_state[auth.USER_KEY] = user
    page.run()
    assert not [t.value for t in page.title]
    assert "tidak tersedia untuk peran Anda (Pimpinan)" in page.error[0].value


def test_logout_returns_to_the_login_page(env):
    at = _login(_app().run(), "pimpinan")
    at.sidebar.button(key="w_logout").click()
    at.run()
    assert [t.value for t in at.title] == ["Masuk ke Waspada"]


def test_one_time_password_forces_a_password_change(env):
    _, accounts_file = env
    acc = Accounts.open(accounts_file)
    _, otp = acc.create_user("baru", "staf", actor="test", regions=["65.71"])
    at = _login(_app().run(), "baru", otp)
    assert [t.value for t in at.title] == ["Ganti kata sandi"]
    with pytest.raises(ValueError, match=NOT_IN_NAVIGATION):
        at.switch_page("app_pages/ringkasan.py").run()
    assert [t.value for t in at.title] == ["Ganti kata sandi"]
    inputs = at.text_input
    inputs[0].input(otp)
    inputs[1].input("sandi-baru-saya-1")
    inputs[2].input("sandi-baru-saya-1")
    at.button[0].click()
    at.run()
    assert at.title[0].value.startswith("Ringkasan")  # the dashboard opens
    assert acc.login("baru", "sandi-baru-saya-1").ok


def test_upload_preview_then_store(env, tmp_path):
    db, accounts_file = env
    data = xlsx(tmp_path / "laporan_minggu_ini.xlsx", [
        HEADER,
        good_row(uraian="Baliho dirusak <script>alert(1)</script>"),
        good_row(kabupaten_kota="Kabupaten Nunukan", kecamatan=None, uraian="di luar wilayah"),
        good_row(tanggal="31/02/2024", uraian="tanggal salah"),
    ]).read_bytes()
    at = _login(_app().run(), "staf")
    at.switch_page("app_pages/unggah.py").run()
    assert_clean(at)
    at.file_uploader[0].set_value(("laporan_minggu_ini.xlsx", data,
                                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    at.run()
    assert_clean(at)
    page = texts(at) + "\n".join(t.value for t in at.text)
    assert "3 baris data: 1 akan disimpan, 2 ditolak" in page
    accepted = at.dataframe[0].value
    assert accepted["Uraian"].tolist() == ["Baliho dirusak <script>alert(1)</script>"]
    assert accepted["Kabupaten/kota"].tolist() == ["Kota Tarakan"]
    refused = at.dataframe[1].value
    assert refused["Baris"].tolist() == [3, 4]
    assert "Kabupaten Nunukan (65.03) di luar wilayah tugas Anda" in refused["Alasan"].iloc[0]
    assert db.query_df("SELECT count(*) AS n FROM incidents")["n"][0] == 0  # nothing before the button

    at.button(key="w_store").click()
    at.run()
    assert_clean(at)
    assert any("1 insiden baru disimpan" in s.value for s in at.success)
    stored = db.query_df("SELECT description, region_code FROM incidents")
    assert stored.values.tolist() == [["Baliho dirusak <script>alert(1)</script>", "65.71"]]
    assert Accounts.open(accounts_file).audit_log(actions=("upload",))["actor"].tolist() == ["staf"]

    # The same file again: nothing new, and the page says so before and after storing.
    at.file_uploader[0].set_value(("laporan_minggu_ini.xlsx", data, "application/octet-stream"))
    at.run()
    assert any("sudah pernah diunggah" in i.value for i in at.info)
    at.button(key="w_store").click()
    at.run()
    assert any("tidak ada insiden baru" in s.value for s in at.success)
    assert db.query_df("SELECT count(*) AS n FROM incidents")["n"][0] == 1


def test_hostile_file_is_refused_on_the_page(env):
    db, _ = env
    at = _login(_app().run(), "staf")
    at.switch_page("app_pages/unggah.py").run()
    at.file_uploader[0].set_value(("gambar.xlsx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png"))
    at.run()
    assert any("gambar PNG" in e.value and "Tidak ada yang disimpan" in e.value for e in at.error)
    assert not [b for b in at.button if b.key == "w_store"]
    assert db.query_df("SELECT count(*) AS n FROM uploads WHERE kind = 'incidents'")["n"][0] == 0


def test_admin_withdraws_an_upload_on_the_page(env, tmp_path):
    db, accounts_file = env
    from waspada.uploads import preview_upload, store_upload

    acc = Accounts.open(accounts_file)
    staf = acc.get_user("staf")
    data = xlsx(tmp_path / "a.xlsx", [HEADER, good_row(uraian="akan ditarik")]).read_bytes()
    up = store_upload(db, acc, preview_upload(db, data, "a.xlsx", staf), staf).result
    at = _login(_app().run(), "admin")
    at.switch_page("app_pages/unggah.py").run()
    assert_clean(at)
    at.selectbox(key="w_withdraw_pick").select(up.upload_id)
    at.checkbox(key="w_withdraw_sure").check()
    at.text_input(key="w_withdraw_reason").input("keliru kirim")
    at.button(key="w_withdraw_go").click()
    at.run()
    assert any(f"Unggahan #{up.upload_id} ditarik" in s.value for s in at.success)
    assert db.query_df("SELECT withdrawn_by FROM uploads WHERE upload_id = ?", [up.upload_id])["withdrawn_by"][0] \
        == "admin"


def test_admin_creates_a_user_and_sees_the_audit_trail(env):
    _, accounts_file = env
    at = _login(_app().run(), "admin")
    at.switch_page("app_pages/admin_pengguna.py").run()
    assert_clean(at)
    at.text_input(key="new_name").input("siti")
    at.selectbox(key="new_role").select("staf")
    at.run()
    at.multiselect(key="new_regions").select("65.71")
    at.button(key="new_create").click()
    at.run()
    assert_clean(at)
    otp = at.code[0].value
    user = Accounts.open(accounts_file).login("siti", otp).user
    assert user.regions == ("65.71",) and user.must_change_password

    at.switch_page("app_pages/admin_audit.py").run()
    assert_clean(at)
    log = at.dataframe[0].value
    assert "akun dibuat" in log["Peristiwa"].tolist()
    assert any(w.endswith(("WITA",)) for w in log["Waktu"])  # Kalimantan Utara's office zone


def test_oidc_switch_replaces_the_password_form(env, tmp_path, monkeypatch):
    """[akun] masuk = "oidc": no password form; without [auth] in secrets.toml the page
    says what is missing instead of failing."""
    cfg = tmp_path / "waspada.toml"
    cfg.write_text('[kantor]\nprovinsi = "65"\n[akun]\nmasuk = "oidc"\n', encoding="utf-8")
    monkeypatch.setenv("WASPADA_CONFIG", str(cfg))
    from waspada.accounts import _open_installation

    _open_installation.cache_clear()
    try:
        at = _app().run()
        assert not at.exception, [e.value for e in at.exception]
        assert not at.text_input  # no local password form
        page = " ".join(e.value for e in at.error) + " ".join(b.label for b in at.button)
        assert "OpenID Connect" in page or "Masuk dengan akun kantor" in page
    finally:
        _open_installation.cache_clear()
