"""Masuk: the login page (the only page anyone sees before logging in).

Local accounts: user name and password (argon2 hashes, lock-out after repeated failures,
see waspada.accounts). With ``[akun] masuk = "oidc"`` in waspada.toml the office's OpenID
Connect provider (st.login) proves who the user is instead; the role comes from the local
account with the same email.
"""

import streamlit as st

from app_pages import _auth as auth

lang = st.query_params.get("lang", "id") if st.query_params.get("lang") in ("id", "en") else "id"
T = {
    "title": {"id": "Masuk ke Waspada", "en": "Log in to Waspada"},
    "intro": {"id": "Dasbor kewaspadaan dini Pilkada. Masuk dengan akun yang dibuat admin kantor Anda.",
              "en": "Pilkada early-warning dashboard. Log in with the account your office's admin created."},
    "username": {"id": "Nama pengguna", "en": "User name"},
    "password": {"id": "Kata sandi", "en": "Password"},
    "submit": {"id": "Masuk", "en": "Log in"},
    "oidc": {"id": "Masuk dengan akun kantor", "en": "Log in with the office account"},
    "oidc_logout": {"id": "Keluar dari akun kantor", "en": "Log out of the office account"},
    "oidc_missing": {
        "id": "Masuk lewat OpenID Connect dipilih (waspada.toml [akun] masuk = \"oidc\"), tetapi belum dapat "
              "dipakai: {error}. Lihat docs/accounts.md.",
        "en": "OpenID Connect login is selected (waspada.toml [akun] masuk = \"oidc\") but cannot be used: "
              "{error}. See docs/accounts.md.",
    },
    "no_admin": {
        "id": "Belum ada akun admin. Di komputer server jalankan `python -m etl ensure-admin` (atau `make run`): "
              "perintah itu membuat admin pertama dan menampilkan kata sandi sekali pakainya di terminal.",
        "en": "There is no admin account yet. On the server run `python -m etl ensure-admin` (or `make run`): "
              "it creates the first admin and prints its one-time password in the terminal.",
    },
}


def tx(key, **kw):
    return T[key].get(lang, T[key]["id"]).format(**kw)


acc = auth.accounts()
st.title(tx("title"))
st.caption(tx("intro"))
if st.session_state.get(auth.NOTICE_KEY):
    st.info(st.session_state[auth.NOTICE_KEY])
if acc.settings.problem:
    st.warning(acc.settings.problem)
if not acc.has_admin():
    st.warning(tx("no_admin"))

if acc.settings.login == "oidc":
    provider = acc.settings.oidc_provider
    try:
        logged_in = bool(st.user.is_logged_in)
    except Exception as exc:  # no [auth] in secrets.toml
        logged_in = None
        st.error(tx("oidc_missing", error=str(exc)))
    if logged_in:
        result = acc.login_external(st.user.get("email"), issuer=st.user.get("iss"))
        if result.ok:
            auth.start_session(result.token)
            st.rerun()
        st.error(result.message)
        st.button(tx("oidc_logout"), on_click=st.logout)
    elif logged_in is False:
        try:
            import authlib  # noqa: F401  st.login needs it
        except ImportError:
            st.error(tx("oidc_missing", error="paket Authlib belum terpasang (pip install Authlib)"))
        else:
            st.button(tx("oidc"), type="primary", icon=":material/login:", on_click=st.login,
                      args=(provider,) if provider else ())
else:
    with st.form("login", enter_to_submit=True):
        username = st.text_input(tx("username"), key="w_login_user", autocomplete="username")
        password = st.text_input(tx("password"), type="password", key="w_login_password",
                                 autocomplete="current-password")
        submitted = st.form_submit_button(tx("submit"), type="primary")
    if submitted:
        result = acc.login(username, password)
        if result.ok:
            auth.start_session(result.token)
            st.rerun()
        st.error(result.message)
