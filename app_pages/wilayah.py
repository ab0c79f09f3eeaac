"""Wilayah: one kabupaten/kota — score over time, what makes up today's score, IKP, KPU figures,
its incidents (map and table) and its kecamatan ranked."""

from datetime import timedelta

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ui import context, data, widgets
from waspada import maps, queries
from waspada.i18n import (
    RISK_CATEGORIES, fmt_date, fmt_number, phase_name, risk_word, t, yes_no,
)

ctx = context.current()
lang = ctx.lang

if ctx.sel.is_national:
    st.title(t("page_region", lang))
    st.info(t("region_needs_province", lang))
    st.stop()

kab = data.q(queries.kabkota, province=ctx.sel.province)
if kab.empty:
    st.title(t("page_region", lang))
    st.info(t("no_regions", lang))
    st.stop()

phase = data.effective_phase(ctx)
region = ctx.sel.region
picked_note = None
if region is None:
    # No region chosen yet: open on the riskiest one, and say so.
    scores = data.phase_scores(as_of=ctx.as_of, phase=phase, province=ctx.sel.province)
    if scores is not None and not scores.empty:
        region = scores.sort_values("score", ascending=False).iloc[0]["region_code"]
        picked_note = t("region_default_riskiest", lang)
    else:
        region = kab.iloc[0]["code"]
        picked_note = t("region_default_first", lang)

info = data.q(queries.region, code=region)
st.title(f"{t('page_region', lang)} — {info['name']}")
if picked_note:
    st.caption(picked_note)

# -- today's score -------------------------------------------------------------------------
row = None
scores = data.phase_scores(as_of=ctx.as_of, phase=phase, province=ctx.sel.province)
if scores is not None:
    hit = scores[scores["region_code"] == region]
    row = hit.iloc[0] if not hit.empty else None
# No phase chosen and the date outside Pilkada 2024's schedule: the region's own standing
# (its 2025 re-vote's phase, or outside every schedule), as its score is computed.
standing = data.q_risk(queries.region_standing, region=region, as_of=ctx.as_of) if phase is None else None
if phase is not None or standing is None:
    phase_shown = phase_name(phase, lang)
else:
    phase_shown = phase_name(standing["phase"], lang) if standing["phase"] else t("rerun_phase_outside", lang)
cols = st.columns(3)
cols[0].metric(t("score", lang), fmt_number(row["score"], 1) if row is not None else "–", border=True)
cols[1].metric(t("category", lang), risk_word(row["category"] if row is not None else None, lang), border=True)
cols[2].metric(t("phase", lang), phase_shown, border=True)
st.caption(f"{t('as_of', lang)}: {fmt_date(ctx.as_of, lang)}")
if standing is not None and standing["after_schedule"]:
    st.caption(standing[queries.standing_column(lang)])
if row is not None:
    st.markdown(f"**{t('reason', lang)}:** " + str(row[queries.reason_column(lang)]).replace("*", "\\*"))

totals = data.q(queries.incident_totals, region=region, end=ctx.as_of)
widgets.generated_notice(ctx, totals["generated"], totals["n"])

left, right = st.columns(2)
with left:
    st.subheader(t("score_over_time", lang))
    prog = data.q(queries.phase_progress, as_of=ctx.as_of)
    start = prog.get("first") or (ctx.as_of - timedelta(days=90))
    history = data.q_risk(queries.risk_history, region=region, start=start, end=ctx.as_of, step_days=3)
    if history is not None and history.empty:
        st.info(t("no_scores", lang))
    elif history is not None:
        fig = go.Figure(go.Scatter(x=history["date"],
                                   y=history["score"], mode="lines", line={"color": "#08306b", "width": 3},
                                   name=t("score", lang)))
        bands = data.category_bands("kabupaten_kota")
        if bands:
            for c, (lo, hi) in bands.items():
                fig.add_hrect(y0=lo, y1=hi, fillcolor=maps.category_hex(c), opacity=0.18, line_width=0,
                              annotation_text=risk_word(c, lang), annotation_position="top left")
        fig.update_layout(height=340, margin={"l": 10, "r": 10, "t": 10, "b": 10}, font={"size": 14, "color": "#111111"},
                          yaxis_title=t("score", lang), plot_bgcolor="#ffffff")
        st.plotly_chart(fig, width="stretch", config={"displayModeBar": False})
with right:
    st.subheader(t("contributions", lang))
    contrib = data.q_risk(queries.risk_contributions, as_of=ctx.as_of, region=region, phase=phase)
    if contrib is not None and contrib.empty:
        st.info(t("no_scores", lang))
    elif contrib is not None:
        label = contrib["label_en" if lang == "en" else "label_id"]
        fig = go.Figure(go.Bar(x=contrib["points"], y=label, orientation="h", marker_color="#08306b",
                               text=[fmt_number(v, 1) for v in contrib["points"]], textposition="auto"))
        fig.update_yaxes(autorange="reversed")
        fig.update_layout(height=340, margin={"l": 10, "r": 10, "t": 10, "b": 10}, font={"size": 14, "color": "#111111"},
                          xaxis_title=t("points", lang), plot_bgcolor="#ffffff")
        st.plotly_chart(fig, width="stretch", config={"displayModeBar": False})

# -- IKP and KPU figures ---------------------------------------------------------------------
left, right = st.columns(2)
with left:
    st.subheader(t("ikp", lang))
    ikp = data.q(queries.ikp_dimensions, region=region)
    if ikp.empty:
        st.info(t("no_ikp", lang))
    else:
        widgets.plain_table(pd.DataFrame({
            t("dimension", lang): [t(f"ikp_{d}", lang) for d in ikp["dimension"]],
            t("score", lang): [fmt_number(v, 2) for v in ikp["score"]],
            t("category", lang): [risk_word(c, lang) for c in ikp["category"]],
            t("edition", lang): ikp["edition"].to_numpy(),
            t("generated", lang): [yes_no(g, lang) for g in ikp["generated"]],
            t("source", lang): ikp["source"].to_numpy(),
        }))
        if ikp["generated"].any():
            st.caption(t("generated_label", lang) + ": " + t("ikp_generated_note", lang))
with right:
    st.subheader(t("kpu", lang))
    kpu = data.q(queries.kpu_figures, region=region)
    if kpu.empty:
        st.info(t("no_kpu", lang))
    else:
        widgets.plain_table(pd.DataFrame({
            t("figure", lang): [t(f"kpu_{f}", lang) for f in kpu["figure"]],
            t("value", lang): [fmt_number(v) for v in kpu["value"]],
            t("of_election", lang): kpu["of_election"].to_numpy(),
            t("generated", lang): [yes_no(g, lang) for g in kpu["generated"]],
            t("source", lang): kpu["source"].to_numpy(),
        }))
        if kpu["generated"].any():
            st.caption(t("generated_label", lang) + ": " + t("kpu_generated_note", lang))

# -- Pilkada 2024 as it happened and the published vulnerability ---------------------------
def pilkada_section(region: str) -> None:
    """The region's contest (pairs or calon tunggal, ballot), its 2025 re-run, the TPS the
    score is scaled by, its published DPT, and the published vulnerability figures beside
    the IKP, each with its source and date."""
    st.subheader(t("realdata_section", lang))
    facts = data.q(queries.contest_facts)
    lines = queries.fact_lines(facts, region, lang)
    for line in lines or [t("realdata_no_contest", lang)]:
        st.markdown("- " + line.replace("*", "\\*"))
    now = data.q_risk(queries.rerun_score, region=region, as_of=ctx.as_of)
    if now is not None:
        st.info(t("realdata_rerun_now", lang, date=fmt_date(ctx.as_of, lang), phase=phase_name(now["phase"], lang).lower(),
                  election=now["election_id"], score=fmt_number(now["score"], 1), category=risk_word(now["category"], lang),
                  reason=now[queries.reason_column(lang)]))
    expo = data.q(queries.exposure, region=region)
    if expo is not None:
        st.caption(t("realdata_exposure_line" if expo["scaled"] else "realdata_exposure_unscaled", lang,
                     tps=fmt_number(expo["tps"]),
                     source=queries.exposure_words(expo["source"], lang)))
    dpt = data.q(queries.kpu_figures, region=region)
    dpt = dpt[(dpt["figure"] == "dpt") & ~dpt["generated"]]
    if dpt.empty:
        st.caption(t("realdata_dpt_none", lang))
    else:
        st.caption(t("realdata_dpt_line", lang, value=fmt_number(dpt.iloc[0]["value"]), source=dpt.iloc[0]["source"]))
    left, right = st.columns(2)
    with left:
        ballot = data.q(queries.candidate_pairs, region=region)
        if not ballot.empty:
            st.markdown(f"**{t('realdata_ballot', lang)}**")
            widgets.plain_table(pd.DataFrame({
                t("realdata_ballot_no", lang): ballot["ballot_no"].astype(int).to_numpy(),
                t("realdata_pair", lang): [t("realdata_empty_column", lang) if e else n
                                           for n, e in zip(ballot["name"], ballot["empty_column"])],
            }))
            st.caption(str(ballot.iloc[0]["source"]))
    with right:
        st.markdown(f"**{t('realdata_vulnerability', lang)}**")
        vul = data.q(queries.vulnerability, region=region)
        if vul.empty:
            st.info(t("realdata_no_vulnerability", lang))
        else:
            widgets.plain_table(pd.DataFrame({
                t("realdata_region", lang): vul["region_name"].to_numpy(),
                t("realdata_index", lang): [t(INDEX_KEY[i], lang) for i in vul["index_name"]],
                t("realdata_value", lang): [risk_word(c, lang) if isinstance(c, str) else fmt_number(v, 2)
                                            for c, v in zip(vul["category"], vul["score"])],
                t("realdata_published", lang): vul["published"].to_numpy(),
                t("realdata_source", lang): vul["source"].to_numpy(),
            }))


INDEX_KEY = {"ikp2024": "realdata_index_ikp2024", "bawaslu_pemetaan_2024": "realdata_index_bawaslu_pemetaan_2024",
             "polri_ipkp_2024": "realdata_index_polri_ipkp_2024"}


pilkada_section(region)


# -- the region's action plan: open and overdue actions (waspada/actions.py, page Rencana Aksi) ------
def actions_section(region: str) -> None:
    st.subheader(t("actions_region_block", lang))
    open_actions = data.q(queries.actions, as_of=ctx.as_of, region=region, statuses=("rencana", "berjalan"))
    if open_actions.empty:
        st.caption(t("actions_region_none", lang))
        return
    st.caption(t("actions_region_summary", lang, open=fmt_number(len(open_actions)),
                 overdue=fmt_number(int(open_actions["overdue"].sum())), date=fmt_date(ctx.as_of, lang)))
    widgets.plain_table(pd.DataFrame({
        t("actions_col_what", lang): open_actions["what"].to_numpy(),
        t("actions_col_agency", lang): open_actions["agency"].to_numpy(),
        t("actions_col_responsible", lang): open_actions["responsible"].fillna("–").to_numpy(),
        t("actions_col_due", lang): [fmt_date(d, lang) if d else "–" for d in open_actions["due_on"]],
        t("actions_col_overdue", lang): [yes_no(bool(o), lang) for o in open_actions["overdue"]],
    }))


actions_section(region)

# -- incidents: map and table (of the incident scope: election-related by default) -----------
st.subheader(t("region_incidents", lang))
scope = widgets.incident_scope(ctx)
scoped = data.q(queries.incident_totals, region=region, end=ctx.as_of, **scope)
if scope["election_related"] is True:
    widgets.others_note(ctx, scope, data.q(queries.incident_totals, region=region, end=ctx.as_of,
                                           **(scope | {"election_related": False}))["n"])
if not scoped["n"]:
    st.info(t("no_incidents", lang))
else:
    incidents = data.q(queries.incidents, region=region, end=ctx.as_of, limit=widgets.TABLE_ROWS, **scope)
    points = widgets.incident_points(ctx, data.q(queries.incident_map_points, region=region, end=ctx.as_of, **scope))
    map_col, table_col = st.columns([2, 3])
    with map_col:
        one = data.phase_scores(as_of=ctx.as_of, phase=phase, province=ctx.sel.province)
        widgets.risk_map(ctx, one, region=region, extra_layers=[maps.incident_layer(points)], height=420,
                    width_px=400, key="region_map")
        st.caption(t("map_location_note", lang))
    with table_col:
        if scoped["n"] > len(incidents):
            st.caption(t("incident_table_newest", lang, n=fmt_number(len(incidents))))
        widgets.plain_table(widgets.incident_table(ctx, incidents), height=420)

st.subheader(t("kecamatan_ranking", lang))
ranking = data.q(queries.kecamatan_ranking, region=region, end=ctx.as_of, **scope)
if ranking.empty:
    st.info(t("no_incidents", lang))
else:
    widgets.plain_table(pd.DataFrame({
        t("col_kecamatan", lang): ranking["name"].to_numpy(),
        t("n_incidents", lang): ranking["n_incidents"].astype(int).to_numpy(),
        t("injured", lang): ranking["injured"].astype(int).to_numpy(),
        t("killed", lang): ranking["killed"].astype(int).to_numpy(),
    }))
