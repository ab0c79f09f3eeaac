"""Masuk: the login page (the only page anyone sees before logging in).

Local accounts: user name and password (argon2 hashes, lock-out after repeated failures,
see waspada.accounts). With ``[akun] masuk = "oidc"`` in waspada.toml the office's OpenID
Connect provider (st.login) proves who the user is instead; the role comes from the local
account with the same email.
"""

import streamlit as st

from ui import auth
from waspada.i18n import t

lang = st.query_params.get("lang", "id") if st.query_params.get("lang") in ("id", "en") else "id"
acc = auth.accounts()
st.title(t("login_title", lang))
st.caption(t("login_intro", lang))
if st.session_state.get(auth.NOTICE_KEY):
    st.info(st.session_state[auth.NOTICE_KEY].render(lang))
if acc.settings.problem:
    st.warning(acc.settings.problem.render(lang))
if not acc.has_admin():
    st.warning(t("login_no_admin", lang))

if acc.settings.login == "oidc":
    provider = acc.settings.oidc_provider
    try:
        logged_in = bool(st.user.is_logged_in)
    except Exception as exc:  # no [auth] in secrets.toml
        logged_in = None
        st.error(t("login_oidc_missing", lang, error=str(exc)))
    if logged_in:
        result = acc.login_external(st.user.get("email"), issuer=st.user.get("iss"))
        if result.ok:
            auth.start_session(result.token)
            st.rerun()
        st.error(result.notice.render(lang))
        st.button(t("login_oidc_logout", lang), on_click=st.logout)
    elif logged_in is False:
        try:
            import authlib  # noqa: F401  st.login needs it
        except ImportError:
            st.error(t("login_oidc_missing", lang, error=t("login_no_authlib", lang)))
        else:
            st.button(t("login_oidc", lang), type="primary", icon=":material/login:", on_click=st.login,
                      args=(provider,) if provider else ())
else:
    with st.form("login", enter_to_submit=True):
        username = st.text_input(t("login_username", lang), key="w_login_user", autocomplete="username")
        password = st.text_input(t("login_password", lang), type="password", key="w_login_password",
                                 autocomplete="current-password")
        submitted = st.form_submit_button(t("login_submit", lang), type="primary")
    # The same rate limit as the /masuk form (ui/http_login.py), before any password check.
    wait = acc.login_rate.check(st.context.ip_address or "", username) if submitted else None
    if wait is not None:
        st.error(t("http_login_too_many", lang, seconds=int(wait + 0.999)))
    elif submitted:
        result = acc.login(username, password)
        if result.ok:
            auth.start_session(result.token)
            st.rerun()
        st.error(result.notice.render(lang))

