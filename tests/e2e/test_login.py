"""The login as an official meets it when the app is served by server.py (`make run`): a page
link without a session opens the login form, the form sends them on to that page, and the
session cookie keeps them logged in in new tabs until they log out or the session ends."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.auth_session import PASSWORD
from tests.e2e.conftest import ARTIFACTS, ERRORS, MAP

pytestmark = pytest.mark.browser

LINK = "/insiden?tahapan=kampanye&tanggal=2024-11-08"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _http(url: str, data: dict | None = None, headers: dict | None = None):
    """(status, headers, body) of one request, redirects not followed."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers or {})
    try:
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=30) as r:
            return r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read().decode()


@pytest.fixture
def context(chromium):
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    yield context
    context.close()


def _log_in(page, user: str = "pimpinan", password: str = PASSWORD) -> None:
    page.get_by_label("Nama pengguna").fill(user)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()


def test_a_link_opens_the_form_then_its_page_and_new_tabs_stay_logged_in(server, context):
    page = context.new_page()
    page.goto(server + LINK)
    assert urllib.parse.urlparse(page.url).path == "/masuk"
    page.get_by_role("heading", name="Masuk ke Waspada").wait_for()
    page.screenshot(path=str(ARTIFACTS / "login_form.png"))
    _log_in(page)
    page.wait_for_url("**" + LINK)
    page.get_by_role("heading", name="Daftar insiden").first.wait_for(timeout=60_000)
    assert page.get_by_text("Masuk sebagai Pimpinan").count() == 1
    # The cookie is out of reach of page scripts.
    cookie = next(c for c in context.cookies() if c["name"] == "waspada_sesi")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert "waspada_sesi" not in page.evaluate("document.cookie")

    # A new tab (a new Streamlit session) and a reload open the dashboard without the form.
    tab = context.new_page()
    tab.goto(server + "/?tanggal=2024-11-08")
    tab.locator(MAP).first.wait_for(timeout=60_000)
    assert urllib.parse.urlparse(tab.url).path == "/" and tab.get_by_label("Nama pengguna").count() == 0
    tab.reload()
    tab.locator(MAP).first.wait_for(timeout=60_000)
    tab.get_by_role("link", name="Keluar").scroll_into_view_if_needed(timeout=60_000)
    tab.screenshot(path=str(ARTIFACTS / "login_new_tab.png"))
    assert tab.locator(ERRORS).count() == 0

    # Keluar ends the session on the server and deletes the cookie: every tab's next page asks again.
    tab.get_by_role("link", name="Keluar").click()
    tab.get_by_text("Anda telah keluar.").wait_for(timeout=60_000)
    assert urllib.parse.urlparse(tab.url).path == "/masuk"
    assert not [c for c in context.cookies() if c["name"] == "waspada_sesi"]
    page.goto(server + "/tahapan")
    assert urllib.parse.urlparse(page.url).path == "/masuk"


def test_a_wrong_password_is_refused_on_the_form(server, context):
    page = context.new_page()
    page.goto(server + "/masuk")
    _log_in(page, password="bukan-sandinya")
    page.get_by_text("Nama pengguna atau kata sandi salah.").wait_for()
    assert urllib.parse.urlparse(page.url).path == "/masuk"
    assert page.get_by_label("Nama pengguna").input_value() == "pimpinan"  # kept; the password is not
    assert not [c for c in context.cookies() if c["name"] == "waspada_sesi"]


def test_the_server_sends_page_requests_to_the_form_and_checks_each_post(server):
    status, headers, _ = _http(server + LINK, headers={"Accept": "text/html"})
    assert status == 303 and headers["location"] == "/masuk?next=" + urllib.parse.quote(LINK, safe="")
    # Streamlit's own requests are not pages: they pass.
    assert _http(server + "/_stcore/health")[0] == 200
    # The form is posted from this site only, and sends the browser nowhere else.
    form = {"username": "pimpinan", "password": PASSWORD, "next": "https://contoh.example/"}
    status, _, body = _http(server + "/masuk", form, {"Origin": "https://contoh.example"})
    assert status == 403 and "formulir tidak berasal dari halaman ini" in body
    status, headers, _ = _http(server + "/masuk", form, {"Origin": server})
    assert status == 303 and headers["location"] == "/"
    assert "HttpOnly" in headers["set-cookie"] and "SameSite=strict" in headers["set-cookie"]
    token = headers["set-cookie"].split(";")[0]
    assert _http(server + "/tahapan", headers={"Accept": "text/html", "Cookie": token})[0] == 200
    # A cookie that is not a live session is sent to the form.
    status, headers, _ = _http(server + "/tahapan", headers={"Accept": "text/html", "Cookie": "waspada_sesi=palsu"})
    assert status == 303 and headers["location"] == "/masuk?next=%2Ftahapan"
