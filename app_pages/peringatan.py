"""Peringatan: the alerts someone owns — the list by status, owner and region, and for one
alert its history, linked actions and the steps the reader's role allows (take, assign,
note, close with a reason, reopen). Notes are shown as plain text."""

import pandas as pd
import streamlit as st

from ui import auth, context, data, widgets
from waspada import alert_work
from waspada.i18n import fmt_date, fmt_datetime, fmt_number, t

ctx = context.current()
lang = ctx.lang
user = auth.require("view", lang)
acc = auth.accounts()
st.title(f"{t('page_alerts', lang)} — {context.area_name(ctx)}")
st.caption(t("alerts_stored_note", lang))

saved = st.session_state.pop("_w_alert_saved", None)
if saved:
    st.success(saved)


def status_word(s: str) -> str:
    return t(alert_work.STATUS_TEXT[s], lang)


def owner_word(o) -> str:
    return o if isinstance(o, str) and o else t("alerts_nobody", lang)


# -- the list -----------------------------------------------------------------------------------
f1, f2 = st.columns([2, 1])
statuses = f1.multiselect(t("alerts_filter_status", lang), alert_work.ALERT_STATUSES,
                          default=list(alert_work.OPEN_STATUSES), format_func=status_word, key="w_alert_status",
                          placeholder=t("verify_filter_all", lang))
mine = f2.toggle(t("alerts_filter_mine", lang), key="w_alert_mine")
region = ctx.sel.region if not ctx.sel.is_national else None
alerts = data.q(alert_work.alert_list, province=ctx.province, region=region, as_of=ctx.as_of,
                statuses=tuple(statuses) or None, owner=user.username if mine else None)
if alerts.empty:
    st.info(t("alerts_none", lang))
    st.stop()
st.caption(t("alerts_count", lang, n=fmt_number(len(alerts))))
reason_col = "reason_en" if lang == "en" else "reason_id"
ages = (pd.Timestamp(ctx.as_of) - pd.to_datetime(alerts["triggered_on"])).dt.days.clip(lower=0)
widgets.plain_table(pd.DataFrame({
    t("alerts_col_date", lang): [fmt_date(d, lang) for d in alerts["triggered_on"]],
    t("alerts_col_region", lang): alerts["region_name"].to_numpy(),
    t("alerts_col_status", lang): [status_word(s) for s in alerts["status"]],
    t("alerts_col_owner", lang): [owner_word(o) for o in alerts["owner"]],
    t("alerts_col_age", lang): ages.to_numpy(),
    t("alerts_col_notes", lang): alerts["n_notes"].to_numpy(),
    t("alerts_col_reason", lang): alerts[reason_col].to_numpy(),
}), height=320)

# -- one alert ----------------------------------------------------------------------------------
labels = {r.alert_id: f"{fmt_date(r.triggered_on, lang)} — {r.region_name} — {status_word(r.status)}"
          for r in alerts.itertuples()}
alert_id = st.selectbox(t("alerts_pick", lang), list(labels), format_func=lambda a: labels[a], key="w_alert_pick")
alert = alerts.set_index("alert_id").loc[alert_id]
st.subheader(labels[alert_id])
st.text(alert[reason_col])
st.text(f"{t('alerts_col_status', lang)}: {status_word(alert['status'])} · "
        f"{t('alerts_col_owner', lang)}: {owner_word(alert['owner'])}")

history_col, actions_col = st.columns([1, 1])
with history_col:
    st.markdown(f"**{t('alerts_history', lang)}**")
    events = data.q(alert_work.events, alert_id=alert_id)
    if events.empty:
        st.caption(t("alerts_history_none", lang))
    reasons = {r: t(alert_work.DISMISS_TEXT[r], lang) for r in alert_work.DISMISS_REASONS}
    for e in events.itertuples():
        detail = []
        if e.action == "tugaskan":
            detail.append(owner_word(e.owner))
        if isinstance(e.reason, str):
            detail.append(reasons.get(e.reason, e.reason))
        if isinstance(e.note, str):
            detail.append(e.note)
        # st.text: names and notes are what people typed, shown as typed
        st.text(t("alerts_history_line", lang, when=fmt_datetime(e.at, ctx.zone_province, lang), who=e.by_user,
                  action=t(alert_work.ACTION_TEXT[e.action], lang), detail=(": " + " — ".join(detail)) if detail else ""))
with actions_col:
    st.markdown(f"**{t('alerts_linked_actions', lang)}**")
    linked = data.q(alert_work.linked_actions, alert_id=alert_id)
    if linked.empty:
        st.caption(t("alerts_no_actions", lang))
    else:
        widgets.plain_table(pd.DataFrame({
            t("actions_col_what", lang): linked["what"].to_numpy(),
            t("actions_col_agency", lang): linked["agency"].to_numpy(),
            t("actions_col_responsible", lang): linked["responsible"].fillna("–").to_numpy(),
            t("actions_col_due", lang): [fmt_date(d, lang) if pd.notna(d) else "–" for d in linked["due_on"]],
            t("actions_col_status", lang): linked["status"].to_numpy(),
            t("actions_col_result", lang): linked["result"].fillna("–").to_numpy(),
        }), height=200)


# -- steps the reader may take ------------------------------------------------------------------
def step(action: str, **kw) -> None:
    try:
        state = alert_work.record(ctx.db, acc, user, alert_id, action, **kw)
    except alert_work.AlertWorkRefused as e:
        st.error(e.render(lang))
    else:  # run again so the list shows the new state; the message waits for that run
        st.session_state["_w_alert_saved"] = t("alerts_saved", lang, status=status_word(state.status),
                                               owner=owner_word(state.owner))
        st.rerun()


def may(action: str) -> bool:
    return alert_work.may_act(user, action, alert["region_code"], alert["level"])


is_open = alert["status"] in alert_work.OPEN_STATUSES
if is_open and may("ambil") and alert["owner"] != user.username:
    if st.button(t("alerts_take", lang), icon=":material/front_hand:", key="w_alert_take"):
        step("ambil")
if is_open and may("tugaskan"):
    candidates = []
    for name in acc.list_users().query("active")["username"]:
        person = acc.get_user(name)
        if person is not None and alert_work.may_act(person, "ambil", alert["region_code"], alert["level"]):
            candidates.append(name)
    a1, a2 = st.columns([3, 1], vertical_alignment="bottom")
    assignee = a1.selectbox(t("alerts_assign", lang), candidates, key="w_alert_assignee")
    if a2.button(t("alerts_assign_button", lang), key="w_alert_assign", disabled=not candidates):
        step("tugaskan", owner=assignee)
if may("catatan"):
    with st.form("w_alert_note_form", clear_on_submit=True):
        note = st.text_area(t("alerts_note", lang), max_chars=alert_work.NOTE_MAX, key="w_alert_note")
        if st.form_submit_button(t("alerts_note_button", lang)):
            step("catatan", note=note)
if is_open and may("selesai"):
    with st.form("w_alert_close_form"):
        st.markdown(f"**{t('alerts_close', lang)}**")
        how = st.radio(t("alerts_close_as", lang), ["selesai", "abaikan"], horizontal=True, key="w_alert_close_as",
                       format_func=lambda a: status_word("selesai" if a == "selesai" else "diabaikan"))
        why = st.selectbox(t("alerts_dismiss_reason", lang), [None, *alert_work.DISMISS_REASONS], placeholder="–",
                           format_func=lambda r: "–" if r is None else reasons[r], key="w_alert_dismiss_reason")
        close_note = st.text_area(t("alerts_note", lang), max_chars=alert_work.NOTE_MAX, key="w_alert_close_note")
        if st.form_submit_button(t("alerts_close_button", lang)):
            step(how, reason=why if how == "abaikan" else None, note=close_note)
if not is_open and may("buka"):
    if st.button(t("alerts_reopen", lang), key="w_alert_reopen"):
        step("buka")
