"""Ganti Kata Sandi: change one's own password; forced after a one-time password."""

import streamlit as st

from app_pages import _auth as auth
from waspada.accounts import AccountError

user = auth.require("view")
lang = st.query_params.get("lang", "id") if st.query_params.get("lang") in ("id", "en") else "id"
T = {
    "title": {"id": "Ganti kata sandi", "en": "Change password"},
    "forced": {
        "id": "Anda masuk dengan kata sandi sekali pakai. Buat kata sandi Anda sendiri sebelum melanjutkan.",
        "en": "You logged in with a one-time password. Choose your own password before you continue.",
    },
    "current": {"id": "Kata sandi saat ini", "en": "Current password"},
    "new": {"id": "Kata sandi baru (minimal {n} karakter)", "en": "New password (at least {n} characters)"},
    "again": {"id": "Ulangi kata sandi baru", "en": "New password again"},
    "save": {"id": "Simpan kata sandi", "en": "Save password"},
    "mismatch": {"id": "Kedua isian kata sandi baru tidak sama.", "en": "The two new passwords differ."},
    "done": {"id": "Kata sandi diganti. Sesi lain akun ini diakhiri.",
             "en": "Password changed. Other sessions of this account were ended."},
    "logout": {"id": "Keluar", "en": "Log out"},
}


def tx(key, **kw):
    return T[key].get(lang, T[key]["id"]).format(**kw)


acc = auth.accounts()
st.title(tx("title"))
if user.must_change_password:
    st.warning(tx("forced"))
if st.session_state.pop("_waspada_password_done", False):
    st.success(tx("done"))
with st.form("password", clear_on_submit=True):
    current = st.text_input(tx("current"), type="password", autocomplete="current-password")
    new = st.text_input(tx("new", n=acc.settings.min_password_length), type="password", autocomplete="new-password")
    again = st.text_input(tx("again"), type="password", autocomplete="new-password")
    submitted = st.form_submit_button(tx("save"), type="primary")
if submitted:
    if new != again:
        st.error(tx("mismatch"))
    else:
        try:
            acc.change_password(user.username, current, new, token=st.session_state.get(auth.TOKEN_KEY))
        except AccountError as exc:
            st.error(str(exc).capitalize())
        else:
            st.session_state["_waspada_password_done"] = True
            st.rerun()
if user.must_change_password and st.button(tx("logout"), key="w_logout_forced"):
    auth.logout()
    st.rerun()
