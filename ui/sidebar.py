"""The sidebar every dashboard page shares, and the Context of the run it sets up.

app.py calls ``start()`` once per run: language, national/provincial view, province,
region, phase, date and data freshness; the choices go into the selection and the URL.
"""

from __future__ import annotations

import threading
from datetime import date

import streamlit as st

from ui import data
from ui.context import CONTEXT_KEY, SELECTION_KEY, Context, option_index, seed, session_selection, update, write_url
from waspada import maps, queries, reference
from waspada.db import DatabaseMissing
from waspada.i18n import LANGS, fmt_date, fmt_datetime, phase_name, t
from waspada.settings import db_path, load_settings

# Option values meaning "all kabupaten/kota" and "the phase of the chosen date" (a
# selectbox holding None would show its placeholder instead of the option's label).
ALL = "semua"
AUTO = "otomatis"


@st.cache_resource(show_spinner=False)
def warm_maps() -> threading.Thread:
    """Simplify and serialise the national boundaries once per process, in the background,
    so the first national map does not wait for it (maps.shapes caches them)."""
    thread = threading.Thread(target=maps.warm, name="waspada-warm-maps", daemon=True)
    thread.start()
    return thread


def start() -> Context | None:
    """Sidebar and context for this run; None after showing why the database can't be used."""
    settings = load_settings()
    warm_maps()
    sel = session_selection(settings.province)
    lang = sel.lang
    path = db_path()
    db = data.database(str(path))
    version = db.version()
    if version == "missing":
        st.error(t("db_missing", lang, path=str(path)))
        return None
    try:
        default_date, default_reason = data.q_at(str(path), version, queries.default_as_of, today=date.today())
    except DatabaseMissing:
        st.error(t("db_missing", lang, path=str(path)))
        return None
    except Exception as exc:  # a damaged or foreign file: say so instead of a traceback
        st.error(t("db_error", lang, path=str(path), error=str(exc)))
        return None
    # Dates from the URL moved into the range the date widgets offer, with a word why.
    first, last = data.q_at(str(path), version, queries.monitoring_span)
    sel, moved = sel.clamp_dates(first, last)
    if moved:
        st.session_state[SELECTION_KEY] = sel
        # Shown by the page that runs (show_pending_notices): the hidden "/" page only forwards.
        st.session_state[_DATE_MOVED_KEY] = t("url_date_moved", lang, first=fmt_date(first, lang),
                                              last=fmt_date(last, lang))
    ctx = Context(db=db, version=version, settings=settings, sel=sel,
                  as_of=sel.as_of or default_date,
                  as_of_reason="chosen" if sel.as_of else default_reason, lang=lang)
    st.session_state[CONTEXT_KEY] = ctx
    _sidebar(ctx)
    write_url(ctx.sel)
    return ctx


def _sidebar(ctx: Context) -> None:
    sb = st.sidebar
    # Language first: every label below follows it.
    seed("w_lang", ctx.sel.lang)
    # Each language named in itself, so a reader of either finds theirs.
    own_names = {"id": t("language_name_id", "id"), "en": t("language_name_en", "en")}
    lang = sb.segmented_control(
        t("language_picker", ctx.sel.lang), LANGS, key="w_lang", format_func=own_names.get,
        selection_mode="single", required=True,
    ) or ctx.sel.lang
    if lang != ctx.sel.lang:
        update(lang=lang)
    ctx.lang = lang

    seed("w_view", ctx.sel.view)
    view = sb.segmented_control(
        t("view", lang), ("provinsi", "nasional"), key="w_view",
        format_func=lambda v: t(f"view_{v}", lang), selection_mode="single", required=True,
    ) or ctx.sel.view
    if view != ctx.sel.view:
        update(view=view)

    provs = data.q_for(ctx, queries.provinces)
    names = dict(zip(provs["code"], provs["name"]))
    if names:
        chosen = ctx.sel.province if ctx.sel.province in names else ctx.settings.province
        seed("w_prov", chosen)
        province = sb.selectbox(t("province", lang), list(names), key="w_prov",
                                index=option_index(list(names), chosen),
                                format_func=lambda c: names.get(c, c), disabled=ctx.sel.is_national)
        if province != ctx.sel.province:
            update(province=province, region=None)

    if not ctx.sel.is_national:
        kab = data.q_for(ctx, queries.kabkota, province=ctx.sel.province)
        kab_names = dict(zip(kab["code"], kab["name"]))
        options = [ALL] + list(kab_names)
        if ctx.sel.region is not None and ctx.sel.region not in kab_names:
            ctx.sel = update(region=None)
        if st.session_state.get("w_region") not in options:
            st.session_state.pop("w_region", None)
        seed("w_region", ctx.sel.region or ALL)
        region_code = sb.selectbox(t("region", lang), options, key="w_region",
                                   index=option_index(options, ctx.sel.region or ALL),
                                   format_func=lambda c: t("all_regions", lang) if c == ALL else kab_names[c])
        region_code = None if region_code == ALL else region_code
        if region_code != ctx.sel.region:
            update(region=region_code)

    phases = [AUTO, *reference.PHASES]
    seed("w_phase", ctx.sel.phase or AUTO)
    phase = sb.selectbox(t("phase", lang), phases, key="w_phase", index=option_index(phases, ctx.sel.phase or AUTO),
                         format_func=lambda p: t("phase_auto", lang) if p == AUTO else phase_name(p, lang))
    phase = None if phase == AUTO else phase
    if phase != ctx.sel.phase:
        update(phase=phase)

    # The election's schedule and its 2025 re-votes': monitoring follows a re-vote's phases
    # after Pilkada 2024's schedule has ended.
    lo, hi = data.q_for(ctx, queries.monitoring_span)
    seed("w_asof", ctx.as_of)
    as_of = sb.date_input(t("as_of", lang), value=ctx.as_of, key="w_asof", min_value=lo, max_value=hi,
                          format="DD/MM/YYYY")
    if as_of and as_of != ctx.as_of:
        ctx.sel = update(as_of=as_of)
        ctx.as_of, ctx.as_of_reason = as_of, "chosen"
    if ctx.as_of_reason == "chosen":
        sb.caption(t("as_of_note_chosen", lang, date=fmt_date(ctx.as_of, lang)))
    elif ctx.as_of_reason == "today":
        sb.caption(t("as_of_note_today", lang))
    elif ctx.as_of_reason == "latest_incident":
        sb.caption(t("as_of_note_latest", lang, date=fmt_date(ctx.as_of, lang)))
    else:
        sb.caption(t("as_of_note_end", lang, date=fmt_date(ctx.as_of, lang)))

    fresh = data.q_for(ctx, queries.data_freshness)
    if fresh["loaded_at"] is not None:
        sb.caption(t("freshness", lang, when=fmt_datetime(fresh["loaded_at"], ctx.zone_province, lang)))
    else:
        sb.caption(t("freshness_none", lang))
    if ctx.settings.problem:
        sb.warning(t("settings_problem", lang, problem=ctx.settings.problem))


_DATE_MOVED_KEY = "_waspada_date_moved_notice"


def show_pending_notices() -> None:
    """Notices of the link's values that had to change, once, on the page that runs."""
    notice = st.session_state.pop(_DATE_MOVED_KEY, None)
    if notice:
        st.warning(notice, icon=":material/event_busy:")
