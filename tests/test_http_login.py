"""The plain-HTTP login page (ui/http_login.py) without a server: where it may send
the browser, and that what it shows is text. Its HTTP behaviour is in tests/e2e/test_login.py."""

from ui.http_login import login_page, safe_next


def test_after_login_only_paths_of_this_site():
    assert safe_next("/insiden?tahapan=kampanye&tanggal=2024-11-08") == "/insiden?tahapan=kampanye&tanggal=2024-11-08"
    assert safe_next("/") == "/"
    for elsewhere in ("https://contoh.example/", "//contoh.example/x", "/\\contoh.example", "javascript:alert(1)",
                      "http:/x", "", None, "insiden", "/masuk", "/keluar"):
        assert safe_next(elsewhere) == "/", elsewhere


def test_the_form_shows_user_text_as_text():
    hostile = '"><script>alert(1)</script>'
    page = login_page("id", next_path="/x?a=1&b=" + hostile, username=hostile, error="Salah <b>", notices=("<i>n</i>",))
    assert "<script>" not in page and "<b>" not in page and "<i>" not in page
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in page
    assert "Nama pengguna" in page and "Kata sandi" in page and 'lang="id"' in page
    assert "Password" in login_page("en") and 'lang="en"' in login_page("en")


def test_the_rate_limit_trusts_x_forwarded_for_only_behind_a_proxy():
    from starlette.requests import Request

    from ui.http_login import client_address

    def request(forwarded):
        headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded else []
        return Request({"type": "http", "headers": headers, "client": ("10.0.0.9", 5000)})

    # Direct: whatever the header says, the peer's address (a client cannot pick a fresh one).
    assert client_address(request("1.2.3.4"), behind_proxy=False) == "10.0.0.9"
    # Behind the proxy: the address the proxy appended, not the ones the client wrote before it.
    assert client_address(request("1.2.3.4, 203.0.113.7"), behind_proxy=True) == "203.0.113.7"
    assert client_address(request(None), behind_proxy=True) == "10.0.0.9"


def test_after_a_lock_the_first_page_tells_the_user(open_app, sample_db, accounts_file):
    from apptest_helpers import texts

    from tests.auth_session import PASSWORD, ensure_users
    from ui.auth import TOKEN_KEY

    acc = ensure_users(accounts_file)
    acc.create_user("dikunci", "pimpinan", actor="test", password=PASSWORD)
    for i in range(acc.settings.max_failures):
        acc.login("dikunci", f"salah-salah-{i}")
    assert not acc.login("dikunci", PASSWORD).ok
    acc.unlock("dikunci", actor="admin")
    at = open_app(sample_db, role=None)
    at.session_state[TOKEN_KEY] = acc.login("dikunci", PASSWORD).token
    at.run()
    assert "sempat dikunci pada" in texts(at) and f"karena {acc.settings.max_failures} percobaan" in texts(at)
    at.run()  # still there on the next run, until closed
    assert "sempat dikunci pada" in texts(at)
    at.button(key="w_lock_notice_close").click().run()
    assert "sempat dikunci" not in texts(at)
