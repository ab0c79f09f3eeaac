"""Rencana Aksi: the province's action register (rencana aksi and rencana kontinjensi) — the list
with its filters, recording an action from the library or blank, following one up (status and
result, person responsible, comments, history), and the offices' Excel matrix out and in.
Every change goes through waspada.actions (scope, status rules, audit)."""

from datetime import date

import pandas as pd
import streamlit as st

from ui import auth, context, data, widgets
from waspada import actions, queries, reference
from waspada.i18n import fmt_date, fmt_datetime, phase_name, t, yes_no

STATUS_KEYS = {"rencana": "actions_status_rencana", "berjalan": "actions_status_berjalan",
               "selesai": "actions_status_selesai", "batal": "actions_status_batal"}
KIND_KEYS = {"aksi": "actions_kind_aksi", "kontinjensi": "actions_kind_kontinjensi"}
EVENT_KEYS = {"dibuat": "actions_event_dibuat", "status": "actions_event_status",
              "ditugaskan": "actions_event_ditugaskan", "komentar": "actions_event_komentar",
              "diimpor": "actions_event_diimpor"}
NOTICES = "_actions_notices"  # what the last change said, shown after the rerun that follows it

ctx = context.current()
lang = ctx.lang
user = auth.require("view", lang)
acc = auth.accounts()

st.title(t("page_actions", lang))
for kind, text in st.session_state.pop(NOTICES, []):
    (st.success if kind == "ok" else st.warning)(text)

province = ctx.province  # None in the national view
if province is None:
    st.info(t("actions_needs_province", lang))
    st.stop()
st.caption(t("actions_intro", lang, date=fmt_date(ctx.as_of, lang)))

kab = data.q(queries.kabkota, province=province)
names = {province: (data.q(queries.region, code=province) or {}).get("name", province),
         **dict(zip(kab["code"], kab["name"]))}


def status_word(status: str) -> str:
    return t(STATUS_KEYS[status], lang)


def done(messages: list[tuple[str, str]]) -> None:
    st.session_state[NOTICES] = messages
    st.rerun()


# -- the list -------------------------------------------------------------------------------------
everything = data.q(queries.actions, as_of=ctx.as_of, province=province)
cols = st.columns(3)
cols[0].metric(t("actions_metric_open", lang), int(everything["status"].isin(actions.OPEN_STATUSES).sum()), border=True)
cols[1].metric(t("actions_metric_overdue", lang), int(everything["overdue"].sum()), border=True)
cols[2].metric(t("actions_metric_done", lang), int((everything["status"] == "selesai").sum()), border=True)

f = st.columns([3, 2, 3, 2])
region = f[0].selectbox(t("actions_filter_region", lang), [None, *names], key="w_actions_region", placeholder=t("actions_all_regions", lang),
                        format_func=lambda c: t("actions_all_regions", lang) if c is None else names[c])
phase = f[1].selectbox(t("actions_filter_phase", lang), [None, *reference.PHASES], key="w_actions_phase", placeholder=t("actions_all_phases", lang),
                       format_func=lambda p: t("actions_all_phases", lang) if p is None else phase_name(p, lang))
statuses = f[2].multiselect(t("actions_filter_status", lang), list(actions.STATUSES), key="w_actions_status",
                            format_func=status_word, placeholder=t("verify_filter_all", lang))
overdue_only = f[3].checkbox(t("actions_filter_overdue", lang), key="w_actions_overdue")
shown = data.q(queries.actions, as_of=ctx.as_of, province=province, region=region, phase=phase,
               statuses=tuple(statuses), overdue_only=overdue_only)
if shown.empty:
    st.info(t("actions_none", lang))
else:
    widgets.plain_table(pd.DataFrame({
        t("actions_col_no", lang): shown["action_id"].to_numpy(),
        t("actions_col_region", lang): shown["region_name"].to_numpy(),
        t("actions_col_phase", lang): [phase_name(p, lang) for p in shown["phase"]],
        t("actions_col_kind", lang): [t(KIND_KEYS[k], lang) for k in shown["kind"]],
        t("actions_col_what", lang): shown["what"].to_numpy(),
        t("actions_col_agency", lang): shown["agency"].to_numpy(),
        t("actions_col_responsible", lang): shown["responsible"].fillna("–").to_numpy(),
        t("actions_col_due", lang): [fmt_date(d, lang) if d else "–" for d in shown["due_on"]],
        t("actions_col_status", lang): [status_word(s) for s in shown["status"]],
        t("actions_col_overdue", lang): [yes_no(bool(o), lang) for o in shown["overdue"]],
        t("actions_col_result", lang): shown["result"].fillna("–").to_numpy(),
    }))

# -- recording an action ----------------------------------------------------------------------------
st.subheader(t("actions_add_heading", lang))
recordable = [c for c in names if actions.may_record(user, c)]
if not recordable:
    st.caption(t("actions_cannot_record", lang))
else:
    # An action may answer an open alert (page Peringatan lists the actions linked to it).
    open_alerts = data.q(queries.open_alerts, as_of=ctx.as_of, province=province)
    alert_labels = {"": t("actions_no_alert", lang)} | {
        r.alert_id: f"{fmt_date(r.triggered_on, lang)} · {r.region_name} · "
                    f"{(r.reason_en if lang == 'en' else r.reason_id)[:100]}" for r in open_alerts.itertuples()}
    linked_alert = st.selectbox(t("actions_alert", lang), list(alert_labels), format_func=alert_labels.get,
                                key="w_actions_alert") or None
    from_library, blank = st.tabs([t("actions_from_library", lang), t("actions_blank", lang)])
    with from_library:
        cats = data.q(queries.incident_categories)
        cat_names = dict(zip(cats["category"], cats["name_en" if lang == "en" else "name_id"]))
        c = st.columns(2)
        category = c[0].selectbox(t("actions_library_category", lang), [None, *cat_names], key="w_actions_lib_cat", placeholder=t("actions_any_category", lang),
                                  format_func=lambda k: t("actions_any_category", lang) if k is None else cat_names[k])
        lib_phase = c[1].selectbox(t("actions_phase", lang), list(reference.PHASES), key="w_actions_lib_phase",
                                   index=list(reference.PHASES).index(data.effective_phase(ctx) or "persiapan"),
                                   format_func=lambda p: phase_name(p, lang))
        lib = actions.library(category=category, phase=lib_phase)
        texts = dict(zip(lib["library_id"], lib["what_en" if lang == "en" else "what_id"]))
        pick = st.selectbox(t("actions_library_pick", lang), list(texts), key="w_actions_lib_pick",
                            format_func=lambda i: f"{i} · {texts[i]}")
        if pick:
            row = lib[lib["library_id"] == pick].iloc[0]
            st.caption(f"{row['agency']} · {t(KIND_KEYS[row['kind']], lang)} · "
                       + t("actions_library_source", lang, source=row["source"]))
        with st.form("actions_from_library"):
            lib_region = st.selectbox(t("actions_region", lang), recordable, format_func=names.get,
                                      key="w_actions_lib_region")
            lib_person = st.text_input(t("actions_responsible", lang), key="w_actions_lib_person")
            lib_due = st.date_input(t("actions_due", lang), value=None, key="w_actions_lib_due")
            go = st.form_submit_button(t("actions_submit_add", lang), type="primary", key="w_actions_lib_add")
        if go and pick:
            try:
                new = actions.from_library(pick, region_code=lib_region, phase=lib_phase, lang=lang,
                                           responsible=lib_person or None, due_on=lib_due, alert_id=linked_alert)
                action_id = actions.add_action(ctx.db, acc, user, new)
            except actions.ActionError as exc:
                st.error(exc.render(lang))
            else:
                done([("ok", t("actions_added", lang, action_id=action_id))])
    with blank:
        agencies = [*actions.AGENCIES, ""]  # "": another agency, written in the next box
        with st.form("actions_blank"):
            c = st.columns(3)
            b_region = c[0].selectbox(t("actions_region", lang), recordable, format_func=names.get,
                                      key="w_actions_b_region")
            b_phase = c[1].selectbox(t("actions_phase", lang), list(reference.PHASES), key="w_actions_b_phase",
                                     format_func=lambda p: phase_name(p, lang))
            b_kind = c[2].selectbox(t("actions_kind", lang), list(actions.KINDS), key="w_actions_b_kind",
                                    format_func=lambda k: t(KIND_KEYS[k], lang))
            b_what = st.text_area(t("actions_what", lang), key="w_actions_b_what")
            c = st.columns(2)
            b_agency = c[0].selectbox(t("actions_agency", lang), agencies, key="w_actions_b_agency",
                                      format_func=lambda a: a or t("actions_agency_other", lang))
            b_other = c[1].text_input(t("actions_agency_other", lang), key="w_actions_b_other")
            c = st.columns(2)
            b_person = c[0].text_input(t("actions_responsible", lang), key="w_actions_b_person")
            b_due = c[1].date_input(t("actions_due", lang), value=None, key="w_actions_b_due")
            go = st.form_submit_button(t("actions_submit_add", lang), type="primary", key="w_actions_b_add")
        if go:
            try:
                new = actions.NewAction(region_code=b_region, phase=b_phase, what=b_what,
                                        agency=b_agency or b_other, kind=b_kind, responsible=b_person or None,
                                        due_on=b_due, alert_id=linked_alert)
                action_id = actions.add_action(ctx.db, acc, user, new)
            except actions.ActionError as exc:
                st.error(exc.render(lang))
            else:
                done([("ok", t("actions_added", lang, action_id=action_id))])

# -- following one action up ---------------------------------------------------------------------------
if not shown.empty:
    st.subheader(t("actions_update_heading", lang))
    labels = {int(r.action_id): f"{r.action_id} · {r.region_name} · {status_word(r.status)} · {r.what[:90]}"
              for r in shown.itertuples()}
    chosen = st.selectbox(t("actions_pick", lang), list(labels), format_func=labels.get, key="w_actions_pick")
    current = shown[shown["action_id"] == chosen].iloc[0]
    left, right = st.columns(2)
    with left:
        nexts = sorted(actions.TRANSITIONS[current["status"]], key=actions.STATUSES.index)
        if nexts and actions.may_record(user, current["region_code"]):
            with st.form("actions_status"):
                new_status = st.selectbox(t("actions_new_status", lang), nexts, format_func=status_word,
                                          key="w_actions_new_status")
                result = st.text_area(t("actions_result_label", lang), key="w_actions_result")
                done_on = st.date_input(t("actions_done_on", lang), value=date.today(), max_value=date.today(),
                                        key="w_actions_done_on")
                go = st.form_submit_button(t("actions_submit_status", lang), type="primary", key="w_actions_set_status")
            if go:
                try:
                    actions.change_status(ctx.db, acc, user, chosen, new_status, result=result, done_on=done_on)
                except actions.ActionError as exc:
                    st.error(exc.render(lang))
                else:
                    done([("ok", t("actions_status_changed", lang, action_id=chosen, status=status_word(new_status)))])
        if user.can("assign_actions") or actions.may_record(user, current["region_code"]):
            with st.form("actions_assign"):
                person = st.text_input(t("actions_assign_label", lang), value=current["responsible"] if isinstance(current["responsible"], str) else "",
                                       key="w_actions_person")
                go = st.form_submit_button(t("actions_submit_assign", lang), key="w_actions_assign")
            if go:
                try:
                    actions.assign(ctx.db, acc, user, chosen, person)
                except actions.ActionError as exc:
                    st.error(exc.render(lang))
                else:
                    done([("ok", t("actions_assigned", lang, action_id=chosen, name=person.strip()))])
        if user.can("comment_actions"):
            with st.form("actions_comment"):
                note = st.text_area(t("actions_comment_label", lang), key="w_actions_note")
                go = st.form_submit_button(t("actions_submit_comment", lang), key="w_actions_comment")
            if go:
                try:
                    actions.comment(ctx.db, acc, user, chosen, note)
                except actions.ActionError as exc:
                    st.error(exc.render(lang))
                else:
                    done([("ok", t("actions_commented", lang))])
    with right:
        st.markdown(f"**{t('actions_history', lang)}**")
        history = data.q(queries.action_history, action_id=chosen)
        widgets.plain_table(pd.DataFrame({
            t("actions_hist_at", lang): [fmt_datetime(v, ctx.zone_province, lang) for v in history["at"]],
            t("actions_hist_actor", lang): history["actor"].to_numpy(),
            t("actions_hist_event", lang): [t(EVENT_KEYS[e], lang) + (f" → {status_word(s)}" if isinstance(s, str) else "")
                                           for e, s in zip(history["event"], history["status_to"])],
            t("actions_hist_note", lang): history["note"].fillna("–").to_numpy(),
        }))

# -- Excel -------------------------------------------------------------------------------------------------
st.subheader(t("actions_excel_heading", lang))
title = t("actions_export_title", lang, area=names[province].upper(), date=fmt_date(ctx.as_of, lang))
widgets.file_download(ctx, t("actions_export", lang), lambda: actions.export_matrix(shown, title=title, lang=lang),
                      file_name=f"rencana_aksi_{province}_{ctx.as_of.isoformat()}.xlsx",
                      mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                      icon=":material/table:", key="dl_actions_xlsx")
if user.can("record_actions"):
    st.caption(t("actions_import_help", lang))
    upload = st.file_uploader(t("actions_import_file", lang), type=["xlsx", "csv"], key="w_actions_upload")
    if upload is not None and st.button(t("actions_import_button", lang), type="primary", key="w_actions_import"):
        try:
            report = actions.import_matrix(ctx.db, acc, user, upload.getvalue(), upload.name, province=province)
        except actions.ActionError as exc:
            st.error(exc.render(lang))
        else:
            done([("ok", report.summary().render(lang))]
                 + [("warn", r.render(lang)) for r in report.refused]
                 + [("warn", t("actions_import_duplicate", lang, file=report.file, row=row, first=first))
                    for row, first in report.duplicates])
