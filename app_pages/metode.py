"""Metode dan Data: the risk method in words, the weights in force, every data source."""

import pandas as pd
import streamlit as st

from ui import context, data, widgets
from waspada import queries
from waspada.i18n import fmt_datetime, fmt_number, t, yes_no

ctx = context.current()
lang = ctx.lang
st.title(t("page_method", lang))

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

st.subheader(t("labels_title", lang))
st.markdown(t("labels_text", lang))
fresh = data.q(queries.data_freshness)
if fresh["generated_incidents"] or fresh["generated_sources"]:
    st.warning(t("generated_label", lang) + " — " + t("generated_counts", lang,
               incidents=fmt_number(fresh["generated_incidents"]), total=fmt_number(fresh["incidents"]),
               sources=fmt_number(fresh["generated_sources"])), icon=":material/science:")
