"""Pengguna (admin only): create accounts, change role and regions, deactivate, reset
passwords, unlock. One-time passwords are shown once, here, and never stored in clear."""

import pandas as pd
import streamlit as st

from ui import auth, context, widgets
from waspada import reference
from waspada.accounts import ROLE_NAMES, ROLES, AccountError
from waspada.i18n import fmt_datetime, t, yes_no

ctx = context.current()
lang = ctx.lang
admin = auth.require("manage_users", lang)
acc = auth.accounts()
roles = ROLE_NAMES.get(lang, ROLE_NAMES["id"])

def when(v):
    return fmt_datetime(v, ctx.settings.province, lang) if v is not None and not pd.isna(v) else "–"


regions = reference.regions()
provinces = regions[regions["level"] == "provinsi"].set_index("code")["name"].to_dict()
kab = regions[regions["level"] == "kabupaten_kota"]

st.title(t("page_users", lang))
for kind, message in st.session_state.pop("_pengguna_messages", []):
    {"ok": st.success, "otp": st.info, "code": st.code}[kind](message)

users = acc.list_users()
widgets.plain_table(pd.DataFrame({
    t("users_username", lang): users["username"].to_numpy(),
    t("users_display", lang): users["display_name"].to_numpy(),
    t("users_role", lang): [roles[r] for r in users["role"]],
    t("users_province", lang): [provinces.get(p, "–") if p else "–" for p in users["province_code"]],
    t("users_col_regions", lang): [", ".join(r) if len(r) else "–" for r in users["regions"]],
    t("users_col_email", lang): users["email"].fillna("–").to_numpy(),
    t("users_active", lang): [yes_no(a, lang) for a in users["active"]],
    t("users_col_locked_until", lang): [when(v) for v in users["locked_until"]],
    t("users_col_last_login", lang): [when(v) for v in users["last_login_at"]],
}))


def scope_inputs(prefix: str, role: str, province: str | None, chosen: tuple) -> tuple:
    if role != "staf":
        return None, ()
    plist = list(provinces)
    province = st.selectbox(t("users_province", lang), plist, index=plist.index(province or ctx.settings.province),
                            format_func=lambda c: f"{provinces[c]} ({c})", key=f"{prefix}_prov")
    options = kab[kab["province_code"] == province].set_index("code")["name"].to_dict()
    picked = st.multiselect(t("users_regions", lang), list(options), default=[c for c in chosen if c in options],
                            format_func=lambda c: f"{options[c]} ({c})", key=f"{prefix}_regions",
                            placeholder=t("users_regions_all", lang))
    return province, tuple(picked)


def remember(*messages):
    st.session_state["_pengguna_messages"] = list(messages)
    st.rerun()


# Widgets outside forms: the role decides which scope fields appear.
with st.expander(t("users_new", lang), icon=":material/person_add:", expanded=users.empty):
    name = st.text_input(t("users_username", lang), key="new_name")
    display = st.text_input(t("users_display", lang), key="new_display")
    role = st.selectbox(t("users_role", lang), ROLES, format_func=roles.get, key="new_role")
    province, chosen = scope_inputs("new", role, None, ())
    email = st.text_input(t("users_email", lang), key="new_email")
    if st.button(t("users_create", lang), type="primary", key="new_create"):
        try:
            user, otp = acc.create_user(name, role, actor=admin.username, display_name=display,
                                        province=province, regions=chosen, email=email or None)
        except AccountError as exc:
            st.error(exc.render(lang))
        else:
            remember(("ok", t("users_saved", lang, name=user.username)),
                     ("otp", t("users_otp", lang, name=user.username)),
                     ("code", otp))

if not users.empty:
    with st.expander(t("users_edit", lang), icon=":material/manage_accounts:"):
        pick = st.selectbox(t("users_pick", lang), users["username"].tolist(), key="edit_pick")
        row = users.set_index("username").loc[pick]
        display = st.text_input(t("users_display", lang), value=row["display_name"], key=f"edit_display_{pick}")
        role = st.selectbox(t("users_role", lang), ROLES, index=ROLES.index(row["role"]), format_func=roles.get,
                            key=f"edit_role_{pick}")
        province, chosen = scope_inputs(f"edit_{pick}", role, row["province_code"], tuple(row["regions"]))
        email = st.text_input(t("users_email", lang), value=row["email"] or "", key=f"edit_email_{pick}")
        active = st.checkbox(t("users_active", lang), value=bool(row["active"]), key=f"edit_active_{pick}")
        b1, b2, b3 = st.columns(3)
        try:
            if b1.button(t("users_save", lang), type="primary", key="edit_save"):
                acc.update_user(pick, actor=admin.username, display_name=display, role=role, province=province,
                                regions=chosen, email=email or None, active=active)
                remember(("ok", t("users_saved", lang, name=pick)))
            if b2.button(t("users_reset", lang), key="edit_reset"):
                otp = acc.reset_password(pick, actor=admin.username)
                remember(("otp", t("users_otp", lang, name=pick)), ("code", otp))
            if b3.button(t("users_unlock", lang), key="edit_unlock"):
                acc.unlock(pick, actor=admin.username)
                remember(("ok", t("users_unlocked", lang, name=pick)))
        except AccountError as exc:
            st.error(exc.render(lang))
