"""Pengguna (admin only): create accounts, change role and regions, deactivate, reset
passwords, unlock. One-time passwords are shown once, here, and never stored in clear."""

import pandas as pd
import streamlit as st

from app_pages import _auth as auth
from app_pages import _ui as ui
from waspada import reference
from waspada.accounts import ROLE_NAMES, ROLES, AccountError
from waspada.i18n import fmt_datetime

ctx = ui.current()
lang = ctx.lang
admin = auth.require("manage_users", lang)
acc = auth.accounts()
roles = ROLE_NAMES.get(lang, ROLE_NAMES["id"])

T = {
    "title": {"id": "Pengguna", "en": "Users"},
    "new": {"id": "Buat akun baru", "en": "Create an account"},
    "edit": {"id": "Ubah akun", "en": "Change an account"},
    "username": {"id": "Nama pengguna", "en": "User name"},
    "display": {"id": "Nama lengkap", "en": "Full name"},
    "role": {"id": "Peran", "en": "Role"},
    "province": {"id": "Provinsi (staf)", "en": "Province (staff)"},
    "regions": {"id": "Kabupaten/kota tugas (staf; kosong = seluruh provinsi)",
                "en": "Assigned regencies/cities (staff; empty = the whole province)"},
    "email": {"id": "Surel (untuk masuk lewat OpenID Connect; boleh kosong)",
              "en": "Email (for OpenID Connect login; optional)"},
    "active": {"id": "Aktif", "en": "Active"},
    "create": {"id": "Buat akun", "en": "Create account"},
    "save": {"id": "Simpan perubahan", "en": "Save changes"},
    "reset": {"id": "Buat kata sandi sekali pakai baru", "en": "Issue a new one-time password"},
    "unlock": {"id": "Buka kunci", "en": "Unlock"},
    "otp": {"id": "Kata sandi sekali pakai untuk {name} (ditampilkan sekali ini saja; harus diganti saat masuk):",
            "en": "One-time password for {name} (shown this once; must be changed at login):"},
    "saved": {"id": "Akun {name} disimpan.", "en": "Account {name} saved."},
    "unlocked": {"id": "Kunci akun {name} dibuka.", "en": "Account {name} unlocked."},
    "pick": {"id": "Akun", "en": "Account"},
}


def tx(key, **kw):
    return T[key].get(lang, T[key]["id"]).format(**kw)


def when(v):
    return fmt_datetime(v, ctx.settings.province, lang) if v is not None and not pd.isna(v) else "–"


regions = reference.regions()
provinces = regions[regions["level"] == "provinsi"].set_index("code")["name"].to_dict()
kab = regions[regions["level"] == "kabupaten_kota"]

st.title(tx("title"))
for kind, message in st.session_state.pop("_pengguna_messages", []):
    {"ok": st.success, "otp": st.info, "code": st.code}[kind](message)

users = acc.list_users()
ui.plain_table(pd.DataFrame({
    tx("username"): users["username"].to_numpy(),
    tx("display"): users["display_name"].to_numpy(),
    tx("role"): [roles[r] for r in users["role"]],
    tx("province"): [provinces.get(p, "–") if p else "–" for p in users["province_code"]],
    "Kab/kota": [", ".join(r) if len(r) else "–" for r in users["regions"]],
    "Surel": users["email"].fillna("–").to_numpy(),
    tx("active"): ["ya" if a else "tidak" for a in users["active"]],
    "Terkunci sampai": [when(v) for v in users["locked_until"]],
    "Terakhir masuk": [when(v) for v in users["last_login_at"]],
}))


def scope_inputs(prefix: str, role: str, province: str | None, chosen: tuple) -> tuple:
    if role != "staf":
        return None, ()
    plist = list(provinces)
    province = st.selectbox(tx("province"), plist, index=plist.index(province or ctx.settings.province),
                            format_func=lambda c: f"{provinces[c]} ({c})", key=f"{prefix}_prov")
    options = kab[kab["province_code"] == province].set_index("code")["name"].to_dict()
    picked = st.multiselect(tx("regions"), list(options), default=[c for c in chosen if c in options],
                            format_func=lambda c: f"{options[c]} ({c})", key=f"{prefix}_regions")
    return province, tuple(picked)


def remember(*messages):
    st.session_state["_pengguna_messages"] = list(messages)
    st.rerun()


# Widgets outside forms: the role decides which scope fields appear.
with st.expander(tx("new"), icon=":material/person_add:", expanded=users.empty):
    name = st.text_input(tx("username"), key="new_name")
    display = st.text_input(tx("display"), key="new_display")
    role = st.selectbox(tx("role"), ROLES, format_func=roles.get, key="new_role")
    province, chosen = scope_inputs("new", role, None, ())
    email = st.text_input(tx("email"), key="new_email")
    if st.button(tx("create"), type="primary", key="new_create"):
        try:
            user, otp = acc.create_user(name, role, actor=admin.username, display_name=display,
                                        province=province, regions=chosen, email=email or None)
        except AccountError as exc:
            st.error(str(exc))
        else:
            remember(("ok", tx("saved", name=user.username)), ("otp", tx("otp", name=user.username)),
                     ("code", otp))

if not users.empty:
    with st.expander(tx("edit"), icon=":material/manage_accounts:"):
        pick = st.selectbox(tx("pick"), users["username"].tolist(), key="edit_pick")
        row = users.set_index("username").loc[pick]
        display = st.text_input(tx("display"), value=row["display_name"], key=f"edit_display_{pick}")
        role = st.selectbox(tx("role"), ROLES, index=ROLES.index(row["role"]), format_func=roles.get,
                            key=f"edit_role_{pick}")
        province, chosen = scope_inputs(f"edit_{pick}", role, row["province_code"], tuple(row["regions"]))
        email = st.text_input(tx("email"), value=row["email"] or "", key=f"edit_email_{pick}")
        active = st.checkbox(tx("active"), value=bool(row["active"]), key=f"edit_active_{pick}")
        b1, b2, b3 = st.columns(3)
        try:
            if b1.button(tx("save"), type="primary", key="edit_save"):
                acc.update_user(pick, actor=admin.username, display_name=display, role=role, province=province,
                                regions=chosen, email=email or None, active=active)
                remember(("ok", tx("saved", name=pick)))
            if b2.button(tx("reset"), key="edit_reset"):
                otp = acc.reset_password(pick, actor=admin.username)
                remember(("otp", tx("otp", name=pick)), ("code", otp))
            if b3.button(tx("unlock"), key="edit_unlock"):
                acc.unlock(pick, actor=admin.username)
                remember(("ok", tx("unlocked", name=pick)))
        except AccountError as exc:
            st.error(str(exc))
