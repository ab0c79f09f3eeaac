"""Jejak Audit (admin only): logins, lock-outs, logouts, uploads, withdrawals and user
changes — who, when (shown in the office's zone; stored in UTC), what, and the detail."""

import json
from datetime import datetime, time, timedelta, timezone

import pandas as pd
import streamlit as st

from app_pages import _auth as auth
from app_pages import _ui as ui
from waspada import export
from waspada.accounts import AUDIT_ACTIONS
from waspada.i18n import UTC_OFFSET_HOURS, fmt_datetime
from waspada.reference import timezone_of

ctx = ui.current()
lang = ctx.lang
auth.require("audit", lang)
acc = auth.accounts()

ACTION_NAMES = {
    "login_success": "masuk berhasil", "login_failure": "masuk gagal", "login_locked": "akun terkunci",
    "logout": "keluar", "session_end": "sesi berakhir", "password_changed": "kata sandi diganti",
    "password_reset": "kata sandi sekali pakai dibuat", "user_created": "akun dibuat",
    "user_updated": "akun diubah", "user_unlocked": "kunci akun dibuka", "upload": "unggahan disimpan",
    "upload_refused": "berkas ditolak", "withdrawal": "unggahan ditarik",
}
zone = timezone_of(ctx.settings.province)
office_tz = timezone(timedelta(hours=UTC_OFFSET_HOURS[zone]))

st.title("Jejak Audit" if lang == "id" else "Audit trail")
st.caption(f"Waktu ditampilkan dalam {zone}; disimpan dalam UTC." if lang == "id"
           else f"Times shown in {zone}; stored in UTC.")
today = datetime.now(office_tz).date()
f1, f2, f3 = st.columns([2, 3, 2])
picked = f1.date_input("Rentang tanggal" if lang == "id" else "Date range", (today - timedelta(days=30), today),
                       format="DD/MM/YYYY", key="w_audit_range")
start, end = (picked if isinstance(picked, (tuple, list)) and len(picked) == 2 else (today - timedelta(days=30), today))
actions = f2.multiselect("Peristiwa" if lang == "id" else "Events", AUDIT_ACTIONS, format_func=ACTION_NAMES.get,
                         key="w_audit_actions", placeholder="semua" if lang == "id" else "all")
actor = f3.text_input("Pelaku (nama pengguna)" if lang == "id" else "Actor (user name)", key="w_audit_actor")

# Local office days -> UTC bounds (parameters, never SQL text).
since = datetime.combine(start, time.min, office_tz).astimezone(timezone.utc)
until = datetime.combine(end + timedelta(days=1), time.min, office_tz).astimezone(timezone.utc)
log = acc.audit_log(since=since, until=until, actions=tuple(actions), actor=actor.strip().lower() or None)

table = pd.DataFrame({
    "Waktu": [fmt_datetime(v, ctx.settings.province, lang) for v in log["logged_at"]],
    "Pelaku": log["actor"].to_numpy(),
    "Peristiwa": [ACTION_NAMES.get(a, a) for a in log["action"]],
    "Sasaran": log["target"].fillna("–").to_numpy(),
    "Rincian": [json.dumps(d, ensure_ascii=False, sort_keys=True) if d else "" for d in log["detail"]],
})
st.caption(f"{len(table)} catatan." if lang == "id" else f"{len(table)} entries.")
ui.plain_table(table)
if len(table):
    st.download_button("Unduh Excel" if lang == "id" else "Download Excel",
                       export.to_excel_bytes(table, sheet_name="Jejak audit"),
                       file_name=f"jejak_audit_{start:%Y%m%d}_{end:%Y%m%d}.xlsx", icon=":material/download:")
