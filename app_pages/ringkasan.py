"""Ringkasan: where the election stands, headline figures, the risk map, riskiest regions, alerts,
and the open alerts by age and by who is responsible."""

import pandas as pd
import streamlit as st

from ui import context, data, widgets
from waspada import alert_work, queries
from waspada.i18n import fmt_date, fmt_number, fmt_signed, phase_name, risk_word, t

ctx = context.current()
lang = ctx.lang
st.title(f"{t('page_overview', lang)} — {context.area_name(ctx)}")

# Where the date falls in the schedule: "Kampanye, hari ke-45 dari 60 — pemungutan suara 14 hari lagi".
prog = data.q(queries.phase_progress, as_of=ctx.as_of)
if prog["status"] == "no_schedule":
    ctx.notice_once("no_schedule")
else:
    if prog["status"] == "during":
        line = t("phase_progress", lang, phase=phase_name(prog["phase"], lang), day=prog["day"], days=prog["days"])
    elif prog["status"] == "before":
        line = t("before_schedule", lang, date=fmt_date(prog["first"], lang))
    else:
        line = t("after_schedule", lang, date=fmt_date(prog["last"], lang))
    to_vote = prog["days_to_vote"]
    if to_vote is not None:
        vote = (t("vote_in", lang, n=fmt_number(to_vote)) if to_vote > 0 else
                t("vote_today", lang) if to_vote == 0 else t("vote_past", lang, n=fmt_number(-to_vote)))
        line = f"{line} — {vote}"
    st.subheader(f"{fmt_date(ctx.as_of, lang)}: {line}")
    # After Pilkada 2024's schedule some regions are in the phases of their 2025 re-vote.
    if prog["status"] == "after":
        line = queries.reruns_on_line(data.q(queries.reruns_on, as_of=ctx.as_of, province=ctx.province), lang)
        if line:
            st.markdown(line.replace("*", "\\*"))

widgets.sample_notice(ctx)

# Headline figures, each with its change against the 7 days before. Incidents are those of
# the scope (election-related by default, the others counted beside); scores are never scoped.
scope = widgets.incident_scope(ctx)
head = data.q(queries.incident_headline, as_of=ctx.as_of, province=ctx.province, **scope)
head |= data.risk_headline(as_of=ctx.as_of, province=ctx.province) or dict.fromkeys(
    ("high", "high_prev", "alerts", "alerts_prev"))
cols = st.columns(4)
election_only = scope["election_related"] is True
figures = [
    ("metric_incidents_election" if election_only else "metric_incidents", head["incidents"], head["incidents_prev"]),
    ("metric_casualties_election" if election_only else "metric_casualties", head["casualties"],
     head["casualties_prev"]),
    ("metric_high", head["high"], head["high_prev"]),
    ("metric_alerts", head["alerts"], head["alerts_prev"]),
]
for col, (label, now, before) in zip(cols, figures):
    col.metric(
        t(label, lang),
        fmt_number(now) if now is not None else "–",
        delta=fmt_signed(now - before) if now is not None and before is not None else None,
        delta_color="inverse",  # more incidents or alerts is worse
        help=t("metric_help_7d", lang),
        border=True,
    )
if election_only:
    others = data.q(queries.incident_headline, as_of=ctx.as_of, province=ctx.province, **(scope | {"election_related": False}))
    widgets.others_note(ctx, scope, others["incidents"])

phase = data.effective_phase(ctx)
level = "kabupaten_kota"
if ctx.sel.is_national:
    context.seed("w_natlevel", ctx.sel.national_level)
    level = st.segmented_control(
        t("map_level", lang), ("provinsi", "kabupaten_kota"), key="w_natlevel",
        format_func=lambda v: t(f"map_level_{v}", lang), required=True,
    ) or ctx.sel.national_level
    if level != ctx.sel.national_level:
        context.update(national_level=level)

scores = data.phase_scores(as_of=ctx.as_of, level=level, phase=phase, province=ctx.province)
map_col, side_col = st.columns([1, 1])
with map_col:
    map_title = (t("map_title", lang, area=context.area_name(ctx), phase=phase_name(phase, lang)) if phase else
                 t("rerun_map_title_own_phase", lang, area=context.area_name(ctx), date=fmt_date(ctx.as_of, lang)))
    st.subheader(map_title)
    widgets.risk_map(ctx, scores, level=level, province=ctx.province, width_px=600, label=map_title)
    widgets.legend(ctx)
    if scores is not None and scores.empty:
        st.info(t("no_scores", lang))
with side_col:
    st.subheader(t("top10", lang))
    if scores is not None and not scores.empty:
        widgets.reading_table(widgets.scores_table(ctx, scores, n=10))
    elif scores is not None:
        st.info(t("no_scores", lang))

st.subheader(t("new_alerts", lang))
alerts = data.alerts_shown(as_of=ctx.as_of, province=ctx.province)
if alerts is not None:
    if alerts.empty:
        st.info(t("no_alerts", lang))
    else:
        widgets.reading_table(widgets.alerts_table(ctx, alerts))

# Open alerts by age and owner (issue 15): what nobody has taken yet, and what has waited long.
st.subheader(t("open_alerts_heading", lang))
open_alerts = data.q(alert_work.open_by_age_and_owner, as_of=ctx.as_of, province=ctx.province)
if open_alerts.empty:
    st.info(t("open_alerts_none", lang))
else:
    widgets.plain_table(pd.DataFrame({
        t("alerts_col_owner", lang): [o if isinstance(o, str) else t("alerts_nobody", lang) for o in open_alerts["owner"]],
        **{t("open_alerts_age", lang, band=band): open_alerts[band].to_numpy() for _, _, band in alert_work.AGE_BANDS},
        t("open_alerts_total", lang): open_alerts["total"].to_numpy(),
    }))
