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
