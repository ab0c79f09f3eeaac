"""The login page as plain HTTP, and the session cookie it sets (served by server.py).

Why not only the Streamlit login page: a Streamlit session lives as long as one browser tab's
WebSocket, and Streamlit cannot set a cookie, so every reload, bookmark and new tab asked
for the password again, and the form itself waited for the whole Streamlit front end. Here:

* ``GET /masuk`` is a small HTML form (no script) in the interface language;
* ``POST /masuk`` checks the password with ``Accounts.login`` (argon2, lock-out, audit: the
  same function the Streamlit page calls), sets the session token in an HttpOnly,
  SameSite=Strict cookie that no page script can read, and sends the browser on to the page
  it asked for (local paths only);
* ``GET /keluar`` ends the session and clears the cookie;
* ``RequireLogin`` sends a page request without a live session to /masuk, sends ``/`` to the
  overview's own address ``/ringkasan``, and refuses the session's media and downloads
  (``/media/``) and Streamlit's metrics without a live session.

``POST /masuk`` is rate limited per client address and per account
(``waspada.accounts.ratelimit``, ``[akun]`` of waspada.toml) before any password is checked,
and ``Accounts.login`` bounds how many argon2 checks run at once, so a burst of posts is
answered with 429 and costs no memory.

The pages read the cookie on the server (``st.context.cookies``) and check the token against
the accounts database on every run (ui/auth.py), as they did before. Without
server.py (``streamlit run app.py``, AppTest) the Streamlit login page still works alone.
The same page is shown in place of the app when a session ends while a tab is open.

No Streamlit here; text is escaped; every value the browser sends is checked.
"""

from __future__ import annotations

import html
import math
from urllib.parse import quote, urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from waspada.accounts import Accounts, SessionCheck
from waspada.accounts import installation_accounts as accounts
from waspada.i18n import t

COOKIE = "waspada_sesi"
LOGIN_PATH = "/masuk"
LOGOUT_PATH = "/keluar"
HOME_PATH = "/ringkasan"  # the overview's own address; "/" is sent there
# Requests that are not a page: Streamlit's own API, scripts, media, components.
_NOT_PAGES = ("/_stcore/", "/static/", "/media/", "/component/", "/bidi-components/", "/app/static/",
              "/auth/", "/favicon", "/manifest", LOGIN_PATH, LOGOUT_PATH)
# Not pages, but only for a live session: the images and downloads a session's pages made
# (st.image, st.download_button) and Streamlit's metrics. /_stcore/health stays public.
SESSION_ONLY = ("/media/", "/_stcore/metrics")


def safe_next(value: str | None) -> str:
    """Where to go after logging in: a path of this site, never another site ("//x", "https://x")."""
    value = (value or "").strip()
    parts = urlsplit(value)
    if (not value.startswith("/") or value.startswith("//") or "\\" in value or parts.scheme or parts.netloc
            or parts.path in (LOGIN_PATH, LOGOUT_PATH)):
        return "/"
    return value


def _lang(request: Request) -> str:
    return "en" if request.query_params.get("lang") == "en" else "id"


def login_page(lang: str, *, next_path: str = "/", username: str = "", error: str | None = None,
               notices: tuple[str, ...] = ()) -> str:
    """The login form as a whole HTML document; every text in it is escaped."""
    e = html.escape
    other = "id" if lang == "en" else "en"
    boxes = "".join(f'<p class="notice" role="status">{e(n)}</p>' for n in notices)
    if error:
        boxes += f'<p class="error" role="alert">{e(error)}</p>'
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(t("login_title", lang))} · Waspada</title>
<style>
body {{ font-family: "Source Sans", "Source Sans Pro", "Segoe UI", Roboto, sans-serif; margin: 0;
       background: #f0f2f6; color: #111; font-size: 17px; }}
main {{ max-width: 26rem; margin: 10vh auto; background: #fff; padding: 2rem 2.2rem; border-radius: .6rem;
        border: 1px solid #d5d8de; }}
h1 {{ font-size: 1.9rem; margin: 0 0 .4rem; }}
p.intro {{ color: #4a4f5a; margin: 0 0 1.4rem; }}
label {{ display: block; font-size: .95rem; margin: 1rem 0 .3rem; }}
input {{ width: 100%; box-sizing: border-box; font-size: 1.05rem; padding: .55rem .6rem; border: 1px solid #b8bcc4;
         border-radius: .4rem; }}
button {{ margin-top: 1.4rem; width: 100%; font-size: 1.1rem; padding: .6rem; border: 0; border-radius: .4rem;
          background: #1f4e8c; color: #fff; cursor: pointer; }}
p.error {{ background: #fde8e8; color: #8a1c1c; padding: .6rem .8rem; border-radius: .4rem; }}
p.notice {{ background: #eef3fb; color: #1f3d66; padding: .6rem .8rem; border-radius: .4rem; }}
p.lang {{ text-align: right; margin: 0 0 .6rem; font-size: .95rem; }}
</style></head>
<body><main>
<p class="lang"><a href="{LOGIN_PATH}?lang={other}&amp;next={e(quote(next_path, safe=''))}">{e(t("http_login_other_lang", lang))}</a></p>
<h1>{e(t("login_title", lang))}</h1>
<p class="intro">{e(t("login_intro", lang))}</p>
{boxes}
<form method="post" action="{LOGIN_PATH}?lang={lang}">
<input type="hidden" name="next" value="{e(next_path)}">
<label for="username">{e(t("login_username", lang))}</label>
<input id="username" name="username" autocomplete="username" required autofocus value="{e(username)}">
<label for="password">{e(t("login_password", lang))}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">{e(t("login_submit", lang))}</button>
</form>
</main></body></html>"""


def _notices(acc: Accounts, lang: str) -> tuple[str, ...]:
    out = []
    if acc.settings.problem:
        out.append(acc.settings.problem.render(lang))
    if not acc.has_admin():
        out.append(t("login_no_admin", lang))
    return tuple(out)


def _page(body: str, status: int = 200) -> HTMLResponse:
    # No caching (a form with a user name in it) and no framing by other sites.
    return HTMLResponse(body, status_code=status, headers={
        "Cache-Control": "no-store", "X-Frame-Options": "DENY",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                                   "frame-ancestors 'none'; base-uri 'none'"})


async def login_form(request: Request) -> Response:
    acc = accounts()
    lang = _lang(request)
    notices = _notices(acc, lang)
    reason = request.query_params.get("alasan")
    if reason == "keluar":
        notices = (t("http_login_logged_out", lang),) + notices
    elif reason:
        notice = SessionCheck(None, reason).notice
        notices = ((notice.render(lang),) if notice else ()) + notices
    return _page(login_page(lang, next_path=safe_next(request.query_params.get("next")), notices=notices))


def _secure(request: Request) -> bool:
    # Trusted from anyone: it can only add the Secure flag to the cookie, never remove it.
    return request.url.scheme == "https" or request.headers.get("x-forwarded-proto", "") == "https"


def client_address(request: Request, behind_proxy: bool) -> str:
    """Who is asking, for the rate limit. X-Forwarded-For is anyone's to write, so it is read
    only with ``[akun] di_balik_proxy = true``, and then only its last entry: the address
    the proxy itself saw (the entries before it come from the client)."""
    if behind_proxy:
        forwarded = request.headers.get("x-forwarded-for", "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return request.client.host if request.client else "-"


def _same_origin(request: Request) -> bool:
    """A login form posted from this site (browsers send Origin with every POST)."""
    origin = request.headers.get("origin")
    if origin is None:
        return True  # not a browser's cross-site form
    host = request.headers.get("x-forwarded-host") or request.headers.get("host", "")
    return urlsplit(origin).netloc == host


async def login_submit(request: Request) -> Response:
    acc = accounts()
    lang = _lang(request)
    form = await request.form()
    username = str(form.get("username", ""))[:200]
    next_path = safe_next(str(form.get("next", "")))
    if not _same_origin(request):
        return _page(login_page(lang, next_path=next_path, error=t("http_login_bad_request", lang)), 403)
    wait = acc.login_rate.check(client_address(request, acc.settings.behind_proxy), username)
    if wait is not None:  # before any argon2 work
        seconds = math.ceil(wait)
        response = _page(login_page(lang, next_path=next_path, username=username,
                                    error=t("http_login_too_many", lang, seconds=seconds)), 429)
        response.headers["Retry-After"] = str(seconds)
        return response
    result = await run_in_threadpool(acc.login, username, str(form.get("password", ""))[:1000])
    if not result.ok:
        return _page(login_page(lang, next_path=next_path, username=username, error=result.notice.render(lang),
                                notices=_notices(acc, lang)), 401)
    response = RedirectResponse(next_path, status_code=303)
    response.set_cookie(COOKIE, result.token, max_age=int(acc.settings.session_hours * 3600), path="/",
                        httponly=True, samesite="strict", secure=_secure(request))
    return response


async def logout(request: Request) -> Response:
    await run_in_threadpool(accounts().logout, request.cookies.get(COOKIE))
    response = RedirectResponse(f"{LOGIN_PATH}?alasan=keluar&lang={_lang(request)}", status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict", secure=_secure(request))
    return response


def routes() -> list[Route]:
    return [Route(LOGIN_PATH, login_form, methods=["GET"]), Route(LOGIN_PATH, login_submit, methods=["POST"]),
            Route(LOGOUT_PATH, logout, methods=["GET"])]


class RequireLogin:
    """ASGI middleware: a page request (GET of the app's HTML) without a live session is sent to
    /masuk, with the page it asked for kept in ``next``; ``/`` is sent to ``/ringkasan`` with its
    query. ``/media/`` and ``/_stcore/metrics`` without a live session are refused (403).
    Streamlit's other requests pass untouched; the pages check the session again on every
    run. With ``[akun] masuk = "oidc"`` the Streamlit login page (st.login) is the way in and
    there is no cookie of ours to check: pages and media pass, the metrics are refused."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        if path.startswith(SESSION_ONLY):
            acc = accounts()
            if acc.settings.login == "oidc":  # no cookie of ours: media pass, metrics never
                live = path.startswith("/media/")
            else:
                live = (await run_in_threadpool(acc.check_session, Request(scope).cookies.get(COOKIE))).user is not None
            if not live:
                await Response("403", status_code=403, media_type="text/plain",
                               headers={"Cache-Control": "no-store"})(scope, receive, send)
                return
        elif path == "/" and scope["method"] == "GET" and "text/html" in Request(scope).headers.get("accept", ""):
            query = Request(scope).url.query
            await RedirectResponse(HOME_PATH + (f"?{query}" if query else ""), status_code=303)(scope, receive, send)
            return
        elif scope["method"] == "GET" and not path.startswith(_NOT_PAGES):
            request = Request(scope)
            acc = accounts()
            if acc.settings.login != "oidc" and "text/html" in request.headers.get("accept", ""):
                check = await run_in_threadpool(acc.check_session, request.cookies.get(COOKIE))
                if check.user is None:
                    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                    query = f"next={quote(target, safe='')}"
                    if check.reason in ("expired", "idle", "deactivated"):  # not "ended": logged out
                        query += f"&alasan={check.reason}"
                    if request.query_params.get("lang") == "en":
                        query += "&lang=en"
                    await RedirectResponse(f"{LOGIN_PATH}?{query}", status_code=303)(scope, receive, send)
                    return
        await self.app(scope, receive, send)
