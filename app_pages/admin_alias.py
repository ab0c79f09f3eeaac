"""Alias Wilayah (admin only): the region names staff taught in the upload preview — who,
when, which region — and removing a wrong one (audited). Shown as plain text."""

import pandas as pd
import streamlit as st

from ui import auth, context, widgets
from waspada.aliases import AliasError, list_aliases, remove_alias
from waspada.i18n import fmt_datetime, t

ctx = context.current()
lang = ctx.lang
user = auth.require("manage_users", lang)
acc = auth.accounts()

st.title(t("aliases_title", lang))
st.caption(t("aliases_caption", lang))
for message in st.session_state.pop("_alias_removed", []):
    st.success(message)

aliases = list_aliases(ctx.db)
if aliases.empty:
    st.info(t("aliases_none", lang))
    st.stop()

widgets.plain_table(pd.DataFrame({
    t("aliases_col_id", lang): aliases["alias_id"].to_numpy(),
    t("aliases_col_name", lang): aliases["name"].to_numpy(),
    t("aliases_col_region", lang): [f"{r} ({c})" for r, c in zip(aliases["region"], aliases["code"])],
    t("aliases_col_by", lang): aliases["created_by"].to_numpy(),
    t("aliases_col_when", lang): [fmt_datetime(v, ctx.settings.province, lang) for v in aliases["created_at"]],
}))

labels = {int(r.alias_id): f"{r.alias_id}: {r.name} → {r.region} ({r.code})" for r in aliases.itertuples()}
with st.form("alias_remove"):
    pick = st.selectbox(t("aliases_remove_pick", lang), list(labels), format_func=labels.get, key="w_alias_pick")
    go = st.form_submit_button(t("aliases_remove", lang), type="primary", key="w_alias_remove")
if go:
    try:
        done = remove_alias(ctx.db, acc, user, pick)
    except AliasError as exc:
        st.error(exc.render(lang))
    else:
        st.session_state["_alias_removed"] = [done.render(lang)]
        st.rerun()
