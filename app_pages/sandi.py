"""Ganti Kata Sandi: change one's own password; forced after a one-time password."""

import streamlit as st

from ui import auth
from waspada.accounts import AccountError
from waspada.i18n import t

user = auth.require("view")
lang = st.query_params.get("lang", "id") if st.query_params.get("lang") in ("id", "en") else "id"
acc = auth.accounts()
st.title(t("password_title", lang))
if user.must_change_password:
    st.warning(t("password_forced", lang))
if st.session_state.pop("_waspada_password_done", False):
    st.success(t("password_done", lang))
with st.form("password", clear_on_submit=True):
    current = st.text_input(t("password_current", lang), type="password", autocomplete="current-password")
    new = st.text_input(t("password_new", lang, n=acc.settings.min_password_length), type="password",
                        autocomplete="new-password")
    again = st.text_input(t("password_again", lang), type="password", autocomplete="new-password")
    submitted = st.form_submit_button(t("password_save", lang), type="primary")
if submitted:
    if new != again:
        st.error(t("password_mismatch", lang))
    else:
        try:
            acc.change_password(user.username, current, new, token=st.session_state.get(auth.TOKEN_KEY))
        except AccountError as exc:
            st.error(exc.render(lang))
        else:
            st.session_state["_waspada_password_done"] = True
            st.rerun()
if user.must_change_password and st.button(t("logout", lang), key="w_logout_forced"):
    auth.logout()
    st.rerun()
