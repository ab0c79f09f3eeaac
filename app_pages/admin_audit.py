"""Jejak Audit (admin only): logins, lock-outs, logouts, uploads, withdrawals and user
changes — who, when (shown in the office's zone; stored in UTC), what, and the detail."""

import json
from datetime import datetime, time, timedelta, timezone

import pandas as pd
import streamlit as st

from ui import auth, context, widgets
from waspada import export
from waspada.accounts import AUDIT_ACTIONS
from waspada.i18n import TEXT, UTC_OFFSET_HOURS, fmt_datetime, t
from waspada.reference import timezone_of

ctx = context.current()
lang = ctx.lang
auth.require("audit", lang)
acc = auth.accounts()


def action_name(action: str) -> str:
    """An audit action in words; one this version has no words for is shown as stored."""
    key = f"audit_action_{action}"
    return t(key, lang) if key in TEXT else action


zone = timezone_of(ctx.settings.province)
office_tz = timezone(timedelta(hours=UTC_OFFSET_HOURS[zone]))

st.title(t("page_audit", lang))
st.caption(t("audit_zone_note", lang, zone=zone))
today = datetime.now(office_tz).date()
f1, f2, f3 = st.columns([2, 3, 2])
picked = f1.date_input(t("date_range", lang), (today - timedelta(days=30), today),
                       format="DD/MM/YYYY", key="w_audit_range")
start, end = (picked if isinstance(picked, (tuple, list)) and len(picked) == 2 else (today - timedelta(days=30), today))
actions = f2.multiselect(t("audit_events", lang), AUDIT_ACTIONS, format_func=action_name,
                         key="w_audit_actions", placeholder=t("audit_all_events", lang))
actor = f3.text_input(t("audit_actor_filter", lang), key="w_audit_actor")

# Local office days -> UTC bounds (parameters, never SQL text).
since = datetime.combine(start, time.min, office_tz).astimezone(timezone.utc)
until = datetime.combine(end + timedelta(days=1), time.min, office_tz).astimezone(timezone.utc)
log = acc.audit_log(since=since, until=until, actions=tuple(actions), actor=actor.strip().lower() or None)

table = pd.DataFrame({
    t("audit_col_time", lang): [fmt_datetime(v, ctx.settings.province, lang) for v in log["logged_at"]],
    t("audit_col_actor", lang): log["actor"].to_numpy(),
    t("audit_events", lang): [action_name(a) for a in log["action"]],
    t("audit_col_target", lang): log["target"].fillna("–").to_numpy(),
    t("audit_col_detail", lang): [json.dumps(d, ensure_ascii=False, sort_keys=True) if d else ""
                                  for d in log["detail"]],
})
st.caption(t("audit_entries", lang, n=len(table)))
widgets.plain_table(table)
if len(table):
    st.download_button(t("audit_download", lang), export.to_excel_bytes(table, sheet_name=t("page_audit", lang)),
                       file_name=f"jejak_audit_{start:%Y%m%d}_{end:%Y%m%d}.xlsx", icon=":material/download:")
