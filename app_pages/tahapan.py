"""Tahapan: the election timeline with the chosen date, region x phase scores, maps per phase."""

from datetime import timedelta

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ui import context, data, widgets
from waspada import queries, reference
from waspada.i18n import RISK_CATEGORIES, fmt_date, fmt_number, phase_name, risk_word, t
from waspada.maps import NO_DATA_HEX, category_hex

ctx = context.current()
lang = ctx.lang
st.title(f"{t('page_stages', lang)} — {context.area_name(ctx)}")
widgets.sample_notice(ctx)

# -- timeline --------------------------------------------------------------------------------
st.subheader(t("timeline", lang))
stages = data.q(queries.stages)
if stages.empty:
    ctx.notice_once("no_schedule")
else:
    fig = go.Figure()
    labels = [f"{phase_name(p, lang)} · {n}" for p, n in zip(stages["phase"], stages["name_id"])]
    for i, row in enumerate(stages.itertuples()):
        # Inclusive end date: a one-day stage is drawn one day wide.
        end = row.ends_on + timedelta(days=1)
        fig.add_trace(go.Scatter(
            x=[row.starts_on, end, end, row.starts_on, row.starts_on],
            y=[i - 0.35, i - 0.35, i + 0.35, i + 0.35, i - 0.35],
            fill="toself", mode="lines", line={"width": 1, "color": "#08306b"},
            fillcolor="#6b8fc7" if row.phase_order % 2 else "#9fb7dd",
            hoveron="fills", showlegend=False,
            name=f"{labels[i]}: {fmt_date(row.starts_on, lang)} – {fmt_date(row.ends_on, lang)}",
        ))
    fig.add_shape(type="line", x0=ctx.as_of, x1=ctx.as_of, y0=-0.6, y1=len(stages) - 0.4,
                  line={"color": "#000000", "width": 3, "dash": "dash"})
    fig.add_annotation(x=ctx.as_of, y=len(stages) - 0.4, yanchor="bottom", showarrow=False,
                       text=f"{t('as_of_marker', lang)}: {fmt_date(ctx.as_of, lang)}",
                       font={"size": 15, "color": "#000000"}, bgcolor="#ffffff")
    fig.update_yaxes(tickvals=list(range(len(stages))), ticktext=labels, autorange="reversed")
    fig.update_layout(height=max(360, 30 * len(stages) + 80), margin={"l": 10, "r": 10, "t": 30, "b": 10},
                      font={"size": 14, "color": "#111111"}, plot_bgcolor="#ffffff")
    fig.update_xaxes(gridcolor="#d0d0d0")
    st.plotly_chart(fig, width="stretch", config={"displayModeBar": False})

# After Pilkada 2024's schedule: say so, and which regions are in a 2025 re-vote's phases.
outside = data.q(queries.area_standing, as_of=ctx.as_of)[queries.standing_column(lang)]
if outside:
    st.info(f"{fmt_date(ctx.as_of, lang)}: {outside}")
    line = queries.reruns_on_line(data.q(queries.reruns_on, as_of=ctx.as_of, province=ctx.province), lang)
    if line:
        st.markdown(line.replace("*", "\\*"))

# -- incidents per phase (of the incident scope: election-related by default) ----------------
st.subheader(t("phase_incidents", lang))
scope = widgets.incident_scope(ctx)
region = ctx.sel.region if not ctx.sel.is_national else None
per_phase = data.q(queries.incident_counts_by_phase, end=ctx.as_of, province=ctx.province, region=region, **scope)
widgets.plain_table(pd.DataFrame({
    t("phase", lang): [phase_name(p, lang) for p in per_phase["phase"]],
    t("n_incidents", lang): per_phase["n"].to_numpy(),
    t("injured", lang): per_phase["injured"].to_numpy(),
    t("killed", lang): per_phase["killed"].to_numpy(),
}))
st.caption(t("phase_incidents_caption", lang, date=fmt_date(ctx.as_of, lang), scope=queries.scope_words(scope, lang)))
if scope["election_related"] is True:
    widgets.others_note(ctx, scope, data.q(queries.incident_totals, end=ctx.as_of, province=ctx.province,
                                           region=region, **(scope | {"election_related": False}))["n"])

# -- region x phase heatmap ------------------------------------------------------------------
level = "provinsi" if ctx.sel.is_national else "kabupaten_kota"
st.subheader(t("heatmap", lang))
grid = data.scores_by_phase(as_of=ctx.as_of, province=ctx.province, phases=reference.PHASES, level=level)
if grid is not None and grid.empty:
    st.info(t("no_scores", lang))
elif grid is not None:
    order = {c: i for i, c in enumerate(RISK_CATEGORIES)}
    wide_score = grid.pivot_table(index="region_name", columns="phase", values="score", aggfunc="first")
    wide_cat = grid.pivot_table(index="region_name", columns="phase", values="category", aggfunc="first")
    phases = [p for p in reference.PHASES if p in wide_score.columns]
    wide_score = wide_score[phases]
    current_phase = data.effective_phase(ctx)
    if current_phase in phases:  # riskiest on top for the phase in force
        wide_score = wide_score.sort_values(current_phase, ascending=False, na_position="last")
    wide_cat = wide_cat.reindex(index=wide_score.index, columns=phases)
    z = wide_cat.apply(lambda col: col.map(order)).to_numpy(dtype=float)
    text = [[fmt_number(v, 1) if pd.notna(v) else "" for v in row] for row in wide_score[phases].to_numpy()]
    # Discrete colours: the category decides the colour (same as on the maps), the number is written in.
    scale = []
    for i, c in enumerate(RISK_CATEGORIES):
        scale += [[i / 3, category_hex(c)], [(i + 1) / 3, category_hex(c)]]
    hover = [[f"{r} · {phase_name(p, lang)}: {txt} ({risk_word(wide_cat.loc[r, p], lang)})"
              for p, txt in zip(phases, trow)] for r, trow in zip(wide_score.index, text)]
    fig = go.Figure(go.Heatmap(
        z=z, x=[phase_name(p, lang) for p in phases], y=list(wide_score.index), text=text,
        texttemplate="%{text}", textfont={"size": 13}, zmin=-0.5, zmax=2.5,
        colorscale=scale,
        hovertext=hover, hoverinfo="text", xgap=2, ygap=2,
        colorbar={"tickvals": [0, 1, 2], "ticktext": [risk_word(c, lang) for c in RISK_CATEGORIES],
                  "title": t("legend", lang)},
    ))
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(height=max(320, 28 * len(wide_score) + 120), margin={"l": 10, "r": 10, "t": 10, "b": 10},
                      font={"size": 14, "color": "#111111"}, plot_bgcolor=NO_DATA_HEX)
    st.plotly_chart(fig, width="stretch", config={"displayModeBar": False})

# -- maps of three phases side by side -------------------------------------------------------
st.subheader(t("phase_maps", lang))
sched = data.q(queries.schedule).set_index("phase")
cols = st.columns(3)
for col, phase in zip(cols, ("kampanye", "pemungutan_suara", "rekapitulasi")):
    with col:
        map_title = t("map_title", lang, area=context.area_name(ctx), phase=phase_name(phase, lang))
        st.markdown(f"**{map_title}**")
        if phase in sched.index and ctx.as_of < sched.loc[phase, "starts_on"]:
            st.info(t("phase_not_started", lang, phase=phase_name(phase, lang),
                      date=fmt_date(sched.loc[phase, "starts_on"], lang)))
        scores = data.phase_scores(as_of=ctx.as_of, level=level, phase=phase, province=ctx.province)
        widgets.risk_map(ctx, scores, level=level, province=ctx.province, height=380, width_px=330, label=map_title)
widgets.legend(ctx)
