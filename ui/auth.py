"""The login gate and role checks every page goes through.

app.py calls ``gate()`` before it builds the navigation: nobody logged in -> the login
page only; a one-time password -> the password page only; otherwise the user of a live
session (checked against the accounts database on every run, so expiry, deactivation
and role changes apply at once). ``pages()`` adds the pages the role may open, and every
one of those pages starts with ``require(permission)``, which checks again on the server
before anything renders.

The session token lives in Streamlit's session state (server side, per browser tab). When
the app is served by server.py, the login at /masuk also puts it in an HttpOnly cookie
(ui/http_login.py), which a new tab or a reload brings along: the gate takes the
token from there and checks it like any other, so the official is not asked again.
With ``[akun] masuk = "oidc"`` the login page uses st.login (the office's OpenID Connect
provider) instead of passwords; roles still come from the local accounts (docs/accounts.md).
"""

from __future__ import annotations

import html
from pathlib import Path

import streamlit as st

from ui.http_login import COOKIE, LOGOUT_PATH
from waspada.accounts import ROLE_NAMES, Accounts, User, installation_accounts, scope_description
from waspada.i18n import fmt_datetime, t

TOKEN_KEY = "_waspada_auth_token"
ENDED_COOKIE_KEY = "_waspada_auth_ended_cookie"  # a cookie's token this tab logged out of
USER_KEY = "_waspada_auth_user"
NOTICE_KEY = "_waspada_auth_notice"
LOCK_CHECKED_KEY = "_waspada_auth_lock_checked"  # the token whose lock history this tab has looked up
LOCK_NOTICE_KEY = "_waspada_auth_lock_notice"  # that lock (a LockEvent), shown until closed
NOT_FOR_ROLE_KEY = "_waspada_auth_not_for_role"  # the page a role could not open, told on the overview


def accounts() -> Accounts:
    """The accounts of this installation (accounts.duckdb beside the main database)."""
    return installation_accounts()


def current_user() -> User | None:
    """The user of this browser session's live login, or None (with the reason kept for the login page)."""
    token = st.session_state.get(TOKEN_KEY) or _cookie_token()
    if not token:
        return None
    check = accounts().check_session(token)
    if check.user is None:
        st.session_state.pop(TOKEN_KEY, None)
        st.session_state[ENDED_COOKIE_KEY] = token  # a cookie holding it is not tried again
        st.session_state[NOTICE_KEY] = check.notice
        _oidc_logout()
    else:
        st.session_state[TOKEN_KEY] = token
    return check.user


def _cookie_token() -> str | None:
    """The session token of the login cookie (set by /masuk), unless this tab logged out of it."""
    try:
        token = st.context.cookies.get(COOKIE)
    except Exception:  # no browser behind this session
        return None
    # AppTest's stand-in context answers with a placeholder object rather than a string.
    return token if isinstance(token, str) and token and token != st.session_state.get(ENDED_COOKIE_KEY) else None


def start_session(token: str) -> None:
    st.session_state[TOKEN_KEY] = token
    st.session_state.pop(NOTICE_KEY, None)


def logout() -> None:
    token = st.session_state.pop(TOKEN_KEY, None)
    accounts().logout(token)
    if token and token == _cookie_token():
        st.session_state[ENDED_COOKIE_KEY] = token  # ended; not a reason to say "session expired"
    st.session_state.pop(USER_KEY, None)
    _oidc_logout()


def _oidc_logout() -> None:
    if accounts().settings.login == "oidc":
        try:
            if st.user.is_logged_in:
                st.logout()
        except Exception:  # st.user needs [auth] in secrets.toml; without it there is nothing to end
            pass


PAGES_DIR = Path(__file__).resolve().parent.parent / "app_pages"  # pages only (tests/test_architecture.py)
# URL paths of the account pages (the dashboard pages use their file names).
PAGE_PATHS = {"lapor_cepat": "lapor_cepat", "unggah": "unggah", "admin_pengguna": "pengguna", "admin_alias": "alias", "admin_audit": "audit",
              "sandi": "sandi"}


def _only(script: str, title: str, icon: str) -> None:
    """Run one page whatever page the URL names, then stop.

    The page is registered under the URL path of every page of the app, so a link such
    as /insiden?tanggal=... shows this page and, once the user is through, the page it
    named, with its selection.
    """
    own = Path(script).stem  # the default page already answers to its own file name
    paths = {PAGE_PATHS.get(f.stem, f.stem) for f in PAGES_DIR.glob("*.py")} - {own}
    pages = [st.Page(script, title=title, icon=icon, default=True)]
    pages += [st.Page(script, title=title, icon=icon, url_path=path) for path in sorted(paths)]
    st.navigation(pages, position="hidden").run()
    st.stop()


def gate(lang: str = "id") -> User:
    """The logged-in user; otherwise run the login (or forced password) page and stop."""
    user = current_user()
    if user is None:
        st.session_state.pop(USER_KEY, None)
        _only("app_pages/masuk.py", t("page_login", lang), ":material/login:")
    st.session_state[USER_KEY] = user
    if user.must_change_password:
        _only("app_pages/sandi.py", t("page_password", lang), ":material/key:")
    return user


def home(overview, lang: str = "id"):
    """The page at "/": hidden, it sends the browser on to the overview's own address
    (/ringkasan) with the link's selection. Streamlit serves its default page at "/" only,
    so the overview itself is not the default, or /ringkasan would be "Page not found".
    Behind server.py the HTTP layer already redirects "/"; this covers `streamlit run app.py`."""

    def go_to_overview():
        st.switch_page(overview, query_params=st.query_params.to_dict())

    return st.Page(go_to_overview, title=t("page_overview", lang), url_path="beranda", default=True,
                   visibility="hidden")


# The account pages a role may lack: script, permission, title key, icon.
_ROLE_PAGES = (
    ("lapor_cepat", "upload", "page_quick_report", ":material/add_alert:"),
    ("unggah", "upload", "page_upload", ":material/upload_file:"),
    ("admin_pengguna", "manage_users", "page_users", ":material/group:"),
    ("admin_alias", "manage_users", "page_aliases", ":material/translate:"),
    ("admin_audit", "audit", "page_audit", ":material/policy:"),
)


def _not_for_role(overview, title_key: str, url_path: str):
    """A hidden page at the address of a page the role may not open: back to the overview,
    which says why (instead of Streamlit's "Page not found")."""

    def refuse():
        st.session_state[NOT_FOR_ROLE_KEY] = title_key
        st.switch_page(overview)

    return st.Page(refuse, title=url_path, url_path=url_path, visibility="hidden")


def pages(user: User, lang: str = "id", overview=None) -> list:
    """The account pages this user's role may open (added to the navigation after the dashboard);
    with ``overview``, the addresses of the others lead there with a word why."""
    out = []
    for stem, permission, title_key, icon in _ROLE_PAGES:
        path = PAGE_PATHS[stem]
        if user.can(permission):
            out.append(st.Page(f"app_pages/{stem}.py", title=t(title_key, lang), icon=icon, url_path=path))
        elif overview is not None:
            out.append(_not_for_role(overview, title_key, path))
    out.append(st.Page("app_pages/sandi.py", title=t("page_password", lang), icon=":material/key:",
                       url_path="sandi"))
    return out


def require(permission: str, lang: str = "id") -> User:
    """At the top of a page: the user, or an error and stop when the role may not do this."""
    user = st.session_state.get(USER_KEY)
    if user is None or not user.can(permission):
        role = ROLE_NAMES.get(lang, ROLE_NAMES["id"]).get(user.role, user.role) if user else "-"
        st.error(t("not_allowed", lang, role=role))
        st.stop()
    return user


def notices(user: User, lang: str = "id") -> None:
    """Above the page: why the browser was brought to the overview, and, on the first page of
    a login, that the account was locked since the previous login (the lock-out refuses with
    the same words as a wrong password, so this is where its owner learns of it)."""
    title_key = st.session_state.pop(NOT_FOR_ROLE_KEY, None)
    if title_key:
        role = ROLE_NAMES.get(lang, ROLE_NAMES["id"]).get(user.role, user.role)
        st.warning(t("page_not_for_role", lang, page=t(title_key, lang), role=role), icon=":material/block:")
    token = st.session_state.get(TOKEN_KEY)
    if token and st.session_state.get(LOCK_CHECKED_KEY) != token:
        st.session_state[LOCK_CHECKED_KEY] = token
        st.session_state[LOCK_NOTICE_KEY] = accounts().lock_notice(token)
    lock = st.session_state.get(LOCK_NOTICE_KEY)
    if lock is not None:  # until closed: a redirect or rerun must not swallow it
        from waspada.settings import load_settings

        province = user.province_code or load_settings().province
        st.warning(t("account_was_locked", lang, when=fmt_datetime(lock.at, province, lang), failures=lock.failures),
                   icon=":material/lock:")
        if st.button(t("notice_close", lang), key="w_lock_notice_close"):
            st.session_state[LOCK_NOTICE_KEY] = None
            st.rerun()


def sidebar(user: User, lang: str = "id") -> None:
    """Who is logged in, with their scope, and the logout button."""
    sb = st.sidebar
    sb.divider()
    # st.text, not markdown: the display name is user-chosen text and is shown as typed.
    sb.text(t("logged_in_as", lang, name=user.display_name, scope=scope_description(user, lang)))
    token = st.session_state.get(TOKEN_KEY)
    if token and token == _cookie_token():
        # Logged in through /masuk: /keluar ends the session and deletes the cookie, then shows
        # the login form. A link in this tab (Markdown links open a new tab unless told), and
        # fixed markup: the path, a language code and the catalogue's escaped word.
        sb.markdown(
            f'<a href="{LOGOUT_PATH}?lang={"en" if lang == "en" else "id"}" target="_self" style="display:inline-block;padding:.3rem .8rem;'
            f'border:1px solid rgba(49,51,63,.3);border-radius:.5rem;text-decoration:none;color:inherit">'
            f"{html.escape(t('logout', lang))}</a>", unsafe_allow_html=True)
    elif sb.button(t("logout", lang), icon=":material/logout:", key="w_logout"):
        logout()
        st.rerun()

