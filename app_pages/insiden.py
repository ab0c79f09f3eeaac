"""Insiden: the incident log — filters, weekly counts by category, map, table and Excel export,
and the verification of incidents (status, and a form for staf and admin to decide)."""

from datetime import datetime, timezone

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ui import auth, context, data, widgets
from waspada import maps, queries, reference, verification
from waspada.i18n import fmt_date, fmt_datetime, fmt_number, t

ctx = context.current()
lang = ctx.lang
st.title(f"{t('page_incidents', lang)} — {context.area_name(ctx)}")

# -- filters (region and phase come from the sidebar) ----------------------------------------
# The range the sidebar's date allows: Pilkada 2024's schedule and its 2025 re-votes'.
span_first, span_last = data.q(queries.monitoring_span)
first = span_first or ctx.as_of
default_range = tuple(sorted((ctx.sel.start or first, ctx.sel.end or ctx.as_of)))  # a link may invert them
cats = data.q(queries.incident_categories)
cat_names = dict(zip(cats["category"], cats["name_en" if lang == "en" else "name_id"]))

f1, f2 = st.columns([2, 3])
with f1:
    # Until the user picks a range, it follows the sidebar date.
    previous_default = st.session_state.get("_w_range_default")
    if "w_range" in st.session_state and tuple(st.session_state["w_range"]) == previous_default:
        st.session_state["w_range"] = default_range
    st.session_state["_w_range_default"] = default_range
    context.seed("w_range", default_range)
    picked = st.date_input(t("date_range", lang), value=default_range, key="w_range", format="DD/MM/YYYY",
                           min_value=span_first, max_value=span_last)
    if isinstance(picked, (tuple, list)) and len(picked) == 2:
        start, end = picked
    else:  # the user is half-way through picking a range: keep the previous one
        start, end = default_range
    if (start, end) != default_range:
        context.update(start=start, end=end)
with f2:
    shown = [c for c in ctx.sel.categories if c in cat_names]
    context.seed("w_cats", shown)
    chosen = st.multiselect(t("categories", lang), list(cat_names), default=shown, key="w_cats",
                            format_func=lambda c: cat_names.get(c, c), placeholder=t("all_categories", lang))
    if tuple(chosen) != ctx.sel.categories:
        context.update(categories=tuple(chosen))

# Election-related or not, ATHG class, report source (issue 13). The Pilkada view shows the
# election-related incidents by default and says how many others there are.
ELECTION_CHOICES = {"yes": True, "no": False, "all": None}
ELECTION_TEXT = {"yes": "filter_election_yes", "no": "filter_election_no", "all": "filter_election_all"}
g1, g2, g3 = st.columns([2, 1, 1])
with g1:
    scope = st.radio(t("filter_election_related", lang), list(ELECTION_CHOICES), horizontal=True, key="w_election",
                     format_func=lambda k: t(ELECTION_TEXT[k], lang))
with g2:
    athg = st.selectbox(t("filter_athg", lang), [None, *reference.ATHG_CLASSES], key="w_athg", placeholder=t("filter_any", lang),
                        format_func=lambda k: t("filter_any", lang) if k is None else t(reference.ATHG_TEXT[k], lang))
with g3:
    source_names = dict(zip(reference.report_sources()["source_kind"],
                            reference.report_sources()["name_en" if lang == "en" else "name_id"]))
    source_kind = st.selectbox(t("filter_source", lang), [None, *source_names], key="w_source", placeholder=t("filter_any", lang),
                               format_func=lambda k: t("filter_any", lang) if k is None else source_names[k])

filters = dict(start=start, end=end, province=ctx.province, region=ctx.sel.region if not ctx.sel.is_national else None,
               phase=ctx.sel.phase, categories=tuple(chosen), election_related=ELECTION_CHOICES[scope], athg=athg,
               source_kind=source_kind)
summary = widgets.filter_summary(ctx, filters)
st.caption(summary)

totals = data.q(queries.incident_totals, **filters)
if scope == "yes":
    split = data.q(queries.incident_totals_by_election, **filters)
    if split["other"]:
        st.caption(t("incidents_others_hidden", lang, n=fmt_number(split["other"])))
widgets.generated_notice(ctx, totals["generated"], totals["n"])
if not totals["n"]:
    st.info(t("no_incidents", lang))
    st.stop()
df = data.q(queries.incidents, **filters, limit=widgets.TABLE_ROWS)  # the newest; the export has them all

# -- counts by category over time ------------------------------------------------------------
st.subheader(t("counts_over_time", lang))
counts = data.q(queries.incident_counts_by_category, **filters)
fig = go.Figure()
for i, (category, group) in enumerate(counts.groupby("category", sort=True)):
    fig.add_trace(go.Bar(x=group["week"], y=group["n"], name=cat_names.get(category, category),
                         marker_color=widgets.CATEGORY_PALETTE[i % len(widgets.CATEGORY_PALETTE)]))
fig.update_layout(barmode="stack", height=360, margin={"l": 10, "r": 10, "t": 10, "b": 10}, font={"size": 14, "color": "#111111"},
                  legend={"orientation": "h", "y": -0.2}, plot_bgcolor="#ffffff", yaxis_title=t("n_incidents", lang))
st.plotly_chart(fig, width="stretch", config={"displayModeBar": False})

# -- map and table ---------------------------------------------------------------------------
map_col, table_col = st.columns([2, 3])
with map_col:
    st.subheader(t("incident_map", lang))
    points = widgets.incident_points(ctx, data.q(queries.incident_map_points, **filters))
    level = "provinsi" if ctx.sel.is_national else "kabupaten_kota"
    widgets.risk_map(ctx, None, level=level, province=ctx.province,
                region=filters["region"], extra_layers=[maps.incident_layer(points)], height=460, width_px=400,
                key="incident_map")
    st.caption(t("map_location_note", lang))
with table_col:
    st.subheader(t("incident_table", lang, n=fmt_number(totals["n"])))
    if totals["n"] > len(df):
        st.caption(t("incident_table_newest", lang, n=fmt_number(len(df))))
    # What the Excel export holds, the verification status included (it decides what counts).
    widgets.plain_table(widgets.incident_table(ctx, df), height=460)
    made = fmt_datetime(datetime.now(timezone.utc), ctx.zone_province, lang)
    notes = [t("export_note", lang, filters=summary, when=made)]
    if totals["generated"]:
        notes.append(t("generated_label", lang))
    export_args = dict(file_name=f"insiden_{start.isoformat()}_{end.isoformat()}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       icon=":material/download:")
    build = widgets.incident_export(ctx, filters, notes)  # every matching row, not only the table's
    if totals["n"] <= widgets.EXPORT_AT_ONCE_ROWS:
        widgets.file_download(ctx, t("download_excel", lang), build, key="dl_incidents", **export_args)
    else:  # too many rows to make on every view: made when clicked
        st.download_button(t("download_excel", lang), data=build, on_click="ignore", key="dl_incidents",
                           **export_args)

# -- verification (issue 15): status of the incidents shown, and a decision --------------------------
st.subheader(t("verify_heading", lang))
user = auth.require("view", lang)
# Counted and filtered over every incident of the filters above, not only the newest rows of
# the table: an old report waiting for a decision must be findable.
counts = data.q(queries.incident_status_counts, **filters)
st.caption(t("verify_counts", lang, **{s: fmt_number(counts[s]) for s in verification.STATUSES}))
picked_status = st.selectbox(t("verify_filter", lang), [None, *verification.STATUSES], key="w_verify_status", placeholder=t("verify_filter_all", lang),
                             format_func=lambda s: t("verify_filter_all", lang) if s is None else t(verification.STATUS_TEXT[s], lang))
review = df if picked_status is None else data.q(queries.incidents, **filters, verification_status=picked_status,
                                                  limit=widgets.TABLE_ROWS)
if review.empty:
    st.info(t("verify_none", lang))
    st.stop()
decided = data.q(verification.statuses, ids=tuple(review["id"].tolist()))
review = review.merge(decided[["id", "status", "reason", "duplicate_of", "decided_by"]], on="id", how="left")
review["status"] = review["status"].fillna("dilaporkan")
matching = totals["n"] if picked_status is None else counts[picked_status]
st.caption(t("verify_list_caption", lang, n=fmt_number(len(review)), total=fmt_number(matching)))
reasons = {r: t(verification.REASON_TEXT[r], lang) for r in verification.REJECT_REASONS}
widgets.plain_table(pd.DataFrame({
    "#": review["id"].to_numpy(),
    t("date", lang): [fmt_date(d, lang) for d in review["occurred_on"]],
    t("region", lang): review["region_name"].to_numpy(),
    t("verify_col_status", lang): [t(verification.STATUS_TEXT[s], lang) for s in review["status"]],
    t("verify_reason", lang): [reasons.get(r, "") if isinstance(r, str) else "" for r in review["reason"]],
    t("verify_col_decided", lang): review["decided_by"].fillna("").to_numpy(),
    t("description", lang): review["description"].to_numpy(),
}), height=300)

if not user.can("verify"):
    st.caption(t("verify_read_only", lang))
    st.stop()
mine = review[[verification.may_verify(user, r) for r in review["region_code"]]]
labels = {int(i): f"#{i} — {fmt_date(d, lang)}, {name}" for i, d, name in
          zip(mine["id"], mine["occurred_on"], mine["region_name"])}
saved = st.session_state.pop("_w_verify_saved", None)
if saved:
    st.success(t("verify_saved", lang, n=fmt_number(saved)))
with st.form("w_verify_form", clear_on_submit=True):
    chosen_ids = st.multiselect(t("incident_table", lang, n=fmt_number(len(labels))), list(labels),
                                format_func=lambda i: labels[i], key="w_verify_ids",
                                placeholder=t("verify_pick_incidents", lang))
    v1, v2, v3 = st.columns([1, 1, 1])
    decision = v1.selectbox(t("verify_decision", lang), ["terverifikasi", "ditolak", "dilaporkan"],
                            format_func=lambda s: t(verification.STATUS_TEXT[s], lang), key="w_verify_decision")
    reason = v2.selectbox(t("verify_reason", lang), [None, *verification.REJECT_REASONS], key="w_verify_reason", placeholder="–",
                          format_func=lambda r: "–" if r is None else reasons[r])
    duplicate_of = v3.number_input(t("verify_duplicate_of", lang), min_value=0, step=1, value=0,
                                   key="w_verify_duplicate")
    note = st.text_area(t("verify_note", lang), max_chars=verification.NOTE_MAX, key="w_verify_note")
    if st.form_submit_button(t("verify_save", lang), icon=":material/fact_check:"):
        try:
            n = verification.verify_incidents(ctx.db, auth.accounts(), user, chosen_ids, verification.Decision(
                decision, reason if decision == "ditolak" else None,
                (int(duplicate_of) or None) if decision == "ditolak" and reason == "duplikat" else None, note))
        except verification.VerificationRefused as e:
            st.error(e.render(lang))
        else:  # run again so the tables above show the new status; the message waits for that run
            st.session_state["_w_verify_saved"] = n
            st.rerun()
