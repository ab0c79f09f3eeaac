"""Metode dan Data: the risk method in words, the weights in force, every data source."""

import pandas as pd
import streamlit as st

from ui import context, data, widgets
from waspada import queries
from waspada.i18n import fmt_datetime, fmt_number, t, yes_no
from waspada.i18n import fmt_date, risk_word

ctx = context.current()
lang = ctx.lang
st.title(t("page_method", lang))
widgets.sample_notice(ctx)

st.subheader(t("method_title", lang))
st.markdown(t("method_text", lang))

st.subheader(t("weights", lang))
st.caption(t("model_version", lang, version=str(data.risk_config().version)))
table = data.q_file(queries.risk_config_table)
widgets.plain_table(pd.DataFrame({
    t("section", lang): table["section"].to_numpy(),
    t("setting", lang): table["key"].to_numpy(),
    t("value", lang): [str(v) for v in table["value"]],
    t("note", lang): table["note"].to_numpy(),
}), height=420)

st.subheader(t("sources", lang))
sources = data.q(queries.data_sources)
if sources.empty:
    st.info(t("no_sources", lang))
else:
    widgets.plain_table(pd.DataFrame({
        t("dataset", lang): sources["dataset"].to_numpy(),
        t("description", lang): sources["description"].to_numpy(),
        t("origin", lang): sources["origin"].to_numpy(),
        t("generated", lang): [yes_no(g, lang) for g in sources["generated"]],
        t("rows", lang): [fmt_number(n) for n in sources["rows"]],
        t("loaded_at", lang): [fmt_datetime(v, ctx.zone_province, lang) for v in sources["loaded_at"]],
    }))


def published_vulnerability_section() -> None:
    """IKP 2024 beside Bawaslu's 2024 Pilkada mapping per province, and the 2025 re-runs with
    where their schedule comes from (issue 14: every figure published or labelled as borrowed)."""
    st.subheader(t("realdata_method_provinces", lang))
    st.markdown(t("realdata_method_provinces_text", lang))
    prov = data.q(queries.province_vulnerability)
    widgets.plain_table(pd.DataFrame({
        t("realdata_region", lang): prov["name"].to_numpy(),
        t("realdata_ikp_score", lang): [fmt_number(v, 2) for v in prov["ikp_score"]],
        t("realdata_ikp_category", lang): [risk_word(c if isinstance(c, str) else None, lang) for c in prov["ikp_category"]],
        t("realdata_mapping_category", lang): [risk_word(c if isinstance(c, str) else None, lang)
                                               for c in prov["mapping_category"]],
    }), height=420)
    st.subheader(t("realdata_method_reruns", lang))
    st.markdown(t("realdata_method_reruns_text", lang))
    runs = data.q(queries.reruns)
    widgets.plain_table(pd.DataFrame({
        t("realdata_region", lang): runs["region_name"].to_numpy(),
        t("realdata_kind", lang): [t("realdata_kind_psu" if k == "psu" else "realdata_kind_pilkada_ulang", lang)
                                   for k in runs["kind"]],
        t("realdata_vote_on", lang): [fmt_date(pd.Timestamp(d).date(), lang) for d in runs["vote_on"]],
        t("realdata_scope", lang): [s if isinstance(s, str) else "–" for s in runs["scope"]],
        t("realdata_schedule", lang): [t("realdata_schedule_kpu" if loaded else "realdata_schedule_rule", lang)
                                       for loaded in runs["schedule_loaded"]],
        t("realdata_source", lang): runs["source"].to_numpy(),
    }))


published_vulnerability_section()

st.subheader(t("labels_title", lang))
st.markdown(t("labels_text", lang))
fresh = data.q(queries.data_freshness)
if fresh["generated_incidents"] or fresh["generated_sources"]:
    st.warning(t("generated_label", lang) + " — " + t("generated_counts", lang,
               incidents=fmt_number(fresh["generated_incidents"]), total=fmt_number(fresh["incidents"]),
               sources=fmt_number(fresh["generated_sources"])), icon=":material/science:")
