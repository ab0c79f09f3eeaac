"""Insiden: the incident log — filters, weekly counts by category, map, table and Excel export."""

from datetime import datetime, timezone

import plotly.graph_objects as go
import streamlit as st

from ui import context, data, widgets
from waspada import maps, queries, reference
from waspada.i18n import fmt_datetime, fmt_number, t

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
    athg = st.selectbox(t("filter_athg", lang), [None, *reference.ATHG_CLASSES], key="w_athg",
                        format_func=lambda k: t("filter_any", lang) if k is None else t(reference.ATHG_TEXT[k], lang))
with g3:
    source_names = dict(zip(reference.report_sources()["source_kind"],
                            reference.report_sources()["name_en" if lang == "en" else "name_id"]))
    source_kind = st.selectbox(t("filter_source", lang), [None, *source_names], key="w_source",
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
