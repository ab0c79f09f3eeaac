"""What every page shares: the database handle, cached queries, the sidebar and the selection.

Not a page itself (st.navigation in app.py lists the pages). Pages call ``current()`` for
the context that app.py prepared in this run, ``q(name, **kwargs)`` for a cached query
from waspada.queries, and the small drawing helpers below.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
import streamlit as st

from waspada import export, maps, queries, reference
from waspada.db import Database, DatabaseMissing
from waspada.i18n import (
    LANGS, TEXT, fmt_date, fmt_datetime, fmt_number, incident_category_name, phase_name, risk_word, t, yes_no,
)
from waspada.maps import legend_html
from waspada.selection import PARAM_NAMES, Selection
from waspada.settings import OfficeSettings, db_path, load_settings

_CTX_KEY = "_waspada_context"
# Option values meaning "all kabupaten/kota" and "the phase of the chosen date" (a
# selectbox holding None would show its placeholder instead of the option's label).
ALL = "semua"
AUTO = "otomatis"
_SEL_KEY = "_waspada_selection"


@dataclass
class Context:
    db: Database
    version: str
    settings: OfficeSettings
    sel: Selection
    as_of: date  # the effective date (chosen or default)
    as_of_reason: str  # 'chosen' | 'today' | 'latest_incident' | 'schedule_end'
    lang: str
    notices: set = field(default_factory=set)  # notices already shown in this run

    @property
    def province(self) -> str | None:
        return self.sel.area_province

    @property
    def zone_province(self) -> str:
        """Whose clock times are shown in: the selected province, else the office's."""
        return self.sel.province or self.settings.province


# -- database and cache --------------------------------------------------------------------
@st.cache_resource(show_spinner=False)
def _database(path: str) -> Database:
    return Database(path)


@st.cache_data(show_spinner=False, max_entries=1024)
def _cached_query(path: str, version: str, name: str, kwargs: tuple) -> object:
    # ``version`` is part of the key: a new load replaces the file, the version changes
    # and every page reads fresh results without a restart.
    cur = _database(path).reader()
    try:
        return getattr(queries, name)(cur, **dict(kwargs))
    finally:
        cur.close()


def q(name: str, **kwargs):
    """Run waspada.queries.<name>(cur, **kwargs), cached per database version."""
    ctx = current()
    return _cached_query(str(ctx.db.path), ctx.version, name, tuple(sorted(kwargs.items())))


def q_risk(name: str, **kwargs):
    """Like q() for a risk query; None (with a notice, once per run) when scores can't be had.

    Scores need the election schedule and the risk model; without either the page says
    so instead of failing.
    """
    ctx = current()
    if q("phase_progress", as_of=ctx.as_of)["status"] == "no_schedule":
        _notice_once(ctx, "no_schedule")
        return None
    try:
        if name in ("risk_alerts", "risk_headline") and set(kwargs) == {"as_of", "province"}:
            # The overview shows both: one cached alert scan (display window + the 7 days the
            # headline compares with) and one cached trend serve them.
            config = risk_config()
            if config is None:
                raise queries.RiskModelUnavailable("waspada.risk")
            shown = config.alert_display_days
            scan = q("risk_alerts", **kwargs, days=shown + 7)
            if name == "risk_alerts":
                return queries.alerts_in_window(scan, as_of=kwargs["as_of"], days=shown)
            return queries.headline_from(q("risk_trend", **kwargs), scan, as_of=kwargs["as_of"], days=shown)
        if name == "risk_scores" and kwargs.get("phase") is not None:
            # One engine run scores every phase at nearly the cost of one, so every page and
            # map asking for a phase shares one cached result.
            every = q(name, **(kwargs | {"phase": None}))
            return every[every["phase"] == kwargs["phase"]].reset_index(drop=True)
        return q(name, **kwargs)
    except queries.RiskModelUnavailable:
        _notice_once(ctx, "risk_unavailable")
        return None


def _notice_once(ctx: "Context", key: str) -> None:
    if key not in ctx.notices:
        ctx.notices.add(key)
        st.info(t(key, ctx.lang))


@st.cache_data(show_spinner=False)
def _risk_config() -> dict | None:
    try:
        return queries.risk_config()
    except queries.RiskModelUnavailable:
        return None


def risk_config() -> dict | None:
    return _risk_config()


# -- selection -----------------------------------------------------------------------------
def _selection(default_province: str) -> Selection:
    sel = st.session_state.get(_SEL_KEY)
    if sel is None:
        sel = Selection.from_query(st.query_params.to_dict(), default_province)
        st.session_state[_SEL_KEY] = sel
    return sel


def update(**changes) -> Selection:
    """Change the selection and write it to the URL, so the link reopens this view."""
    ctx = st.session_state.get(_CTX_KEY)
    sel = st.session_state[_SEL_KEY].replace(**changes)
    st.session_state[_SEL_KEY] = sel
    if ctx is not None:
        ctx.sel = sel
    _write_url(sel)
    return sel


def _write_url(sel: Selection) -> None:
    settings = load_settings()
    current = st.query_params.to_dict()
    # Parameters the selection does not own (the briefing's slide number) are kept.
    owned = set(PARAM_NAMES.values())
    wanted = sel.to_query(settings.province) | {k: v for k, v in current.items() if k not in owned}
    if current != wanted:
        st.query_params.from_dict(wanted)


def _seed(key: str, value) -> None:
    """Give a widget its value from the selection unless it already holds one.

    A widget's own state is dropped when a page without it runs; the selection (kept in
    session state and the URL) is what carries the value across pages. Widgets that steer
    the selection also take the selection as their default (index=, value=): when a page
    switch interrupts a run, the browser can remount a widget from its default and report
    that back with the next interaction (seen: a staff member's province turning into Aceh,
    the first in the list, after an upload). The default being the selection makes that
    harmless; .streamlit/config.toml silences Streamlit's log line about the two.
    """
    if key not in st.session_state:
        st.session_state[key] = value


def _index(options: list, value) -> int:
    return options.index(value) if value in options else 0


def current() -> Context:
    return st.session_state[_CTX_KEY]


def start() -> Context | None:
    """Sidebar and context for this run; None after showing why the database can't be used."""
    settings = load_settings()
    _warm_maps()
    sel = _selection(settings.province)
    lang = sel.lang
    path = db_path()
    db = _database(str(path))
    version = db.version()
    if version == "missing":
        st.error(t("db_missing", lang, path=str(path)))
        return None
    try:
        span = _cached_query(str(path), version, "default_as_of", (("today", date.today()),))
    except DatabaseMissing:
        st.error(t("db_missing", lang, path=str(path)))
        return None
    except Exception as exc:  # a damaged or foreign file: say so instead of a traceback
        st.error(t("db_error", lang, path=str(path), error=str(exc)))
        return None
    default_date, default_reason = span
    ctx = Context(db=db, version=version, settings=settings, sel=sel,
                  as_of=sel.as_of or default_date,
                  as_of_reason="chosen" if sel.as_of else default_reason, lang=lang)
    st.session_state[_CTX_KEY] = ctx
    _sidebar(ctx, default_date)
    _write_url(ctx.sel)
    return ctx


def _sidebar(ctx: Context, default_date: date) -> None:
    sb = st.sidebar
    # Language first: every label below follows it.
    _seed("w_lang", ctx.sel.lang)
    lang = sb.segmented_control(
        "Bahasa / Language", LANGS, key="w_lang", format_func=lambda v: {"id": "Indonesia", "en": "English"}[v],
        selection_mode="single", required=True,
    ) or ctx.sel.lang
    if lang != ctx.sel.lang:
        update(lang=lang)
    ctx.lang = lang

    _seed("w_view", ctx.sel.view)
    view = sb.segmented_control(
        t("view", lang), ("provinsi", "nasional"), key="w_view",
        format_func=lambda v: t(f"view_{v}", lang), selection_mode="single", required=True,
    ) or ctx.sel.view
    if view != ctx.sel.view:
        update(view=view)

    provs = q("provinces")
    names = dict(zip(provs["code"], provs["name"]))
    if names:
        chosen = ctx.sel.province if ctx.sel.province in names else ctx.settings.province
        _seed("w_prov", chosen)
        province = sb.selectbox(t("province", lang), list(names), key="w_prov", index=_index(list(names), chosen),
                                format_func=lambda c: names.get(c, c), disabled=ctx.sel.is_national)
        if province != ctx.sel.province:
            update(province=province, region=None)

    if not ctx.sel.is_national:
        kab = q("kabkota", province=ctx.sel.province)
        kab_names = dict(zip(kab["code"], kab["name"]))
        options = [ALL] + list(kab_names)
        if ctx.sel.region is not None and ctx.sel.region not in kab_names:
            ctx.sel = update(region=None)
        if st.session_state.get("w_region") not in options:
            st.session_state.pop("w_region", None)
        _seed("w_region", ctx.sel.region or ALL)
        region_code = sb.selectbox(t("region", lang), options, key="w_region",
                                   index=_index(options, ctx.sel.region or ALL),
                                   format_func=lambda c: t("all_regions", lang) if c == ALL else kab_names[c])
        region_code = None if region_code == ALL else region_code
        if region_code != ctx.sel.region:
            update(region=region_code)

    _seed("w_phase", ctx.sel.phase or AUTO)
    phase = sb.selectbox(t("phase", lang), [AUTO, *reference.PHASES], key="w_phase",
                         index=_index([AUTO, *reference.PHASES], ctx.sel.phase or AUTO),
                         format_func=lambda p: t("phase_auto", lang) if p == AUTO else phase_name(p, lang))
    phase = None if phase == AUTO else phase
    if phase != ctx.sel.phase:
        update(phase=phase)

    prog = q("phase_progress", as_of=default_date)
    lo, hi = prog.get("first"), prog.get("last")
    _seed("w_asof", ctx.as_of)
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

    fresh = q("data_freshness")
    if fresh["loaded_at"] is not None:
        sb.caption(t("freshness", lang, when=fmt_datetime(fresh["loaded_at"], ctx.zone_province, lang)))
    else:
        sb.caption(t("freshness_none", lang))
    if ctx.settings.problem:
        sb.warning(t("settings_problem", lang, problem=ctx.settings.problem))


# -- drawing helpers -----------------------------------------------------------------------
def area_name(ctx: Context) -> str:
    if ctx.sel.is_national:
        return t("national", ctx.lang)
    row = reference.regions().set_index("code")
    return str(row.loc[ctx.sel.province, "name"]) if ctx.sel.province in row.index else ctx.sel.province


def effective_phase(ctx: Context) -> str | None:
    """The chosen phase, or the phase the date falls in."""
    if ctx.sel.phase:
        return ctx.sel.phase
    return q("phase_progress", as_of=ctx.as_of).get("phase")


def generated_notice(ctx: Context, n_generated: int, n_total: int | None = None) -> None:
    """The label every page shows when what it shows includes generated data."""
    if n_generated <= 0:
        return
    text = t("generated_label", ctx.lang)
    if n_total:
        text += " — " + t("generated_detail", ctx.lang, n=fmt_number(n_generated), total=fmt_number(n_total))
    st.warning(text, icon=":material/science:")


def sample_notice(ctx: Context) -> None:
    """Generated label for pages whose figures mix the sample into the risk scores."""
    fresh = q("data_freshness")
    if fresh["generated_incidents"] or fresh["generated_sources"]:
        st.warning(t("generated_label", ctx.lang), icon=":material/science:")


def legend(ctx: Context) -> None:
    st.html(legend_html(ctx.lang))


@st.cache_data(show_spinner=False, max_entries=64)
def cached_briefing(path: str, version: str, province: str, as_of, phase, lang: str):
    """The briefing (waspada.briefing) for the Briefing and Laporan pages, built once per
    database version: the screen and its exports show the same slides."""
    from waspada import briefing

    cur = _database(path).reader()
    try:
        return briefing.build_briefing(cur, province=province, as_of=as_of, phase=phase, lang=lang)
    finally:
        cur.close()


def plain_table(df: pd.DataFrame, **kwargs) -> None:
    """st.dataframe renders cell text as text, never HTML."""
    st.dataframe(df, hide_index=True, width="stretch", **kwargs)


def reading_table(df: pd.DataFrame) -> None:
    """A short table whose sentences must be read whole (reasons): st.table wraps cell
    text (st.dataframe cuts it) and, like it, shows text as text. Rows numbered from 1."""
    st.table(df.set_axis(range(1, len(df) + 1)))


@st.cache_resource(show_spinner=False)
def _warm_maps() -> threading.Thread:
    """Simplify and serialise the national boundaries once per process, in the background,
    so the first national map does not wait for it (maps.shapes caches them)."""
    thread = threading.Thread(target=maps.warm, name="waspada-warm-maps", daemon=True)
    thread.start()
    return thread


def risk_map(ctx: Context, scores: pd.DataFrame | None, *, level: str = "kabupaten_kota",
             province: str | None = None, region: str | None = None,
             extra_layers: list | None = None, height: int = 520, width_px: int = 1000,
             key: str | None = None, label: str = "") -> bool:
    """Draw regions coloured by category (grey: no score); False if no shapes.

    Regions alone are an inline SVG (maps.risk_svg: drawn at once, no WebGL, each region's
    words in its tooltip). With extra layers (incident dots) the map is a deck.gl map the
    reader can zoom into. Either way the geometry is simplified for width_px and prepared
    once per process; each run only writes the colours and words."""
    if not extra_layers:
        svg = maps.risk_svg(level, scores, ctx.lang, province=province, region=region,
                            width_px=width_px, height_px=height, label=label)
        if svg is None:
            return False
        # Markup made by maps.risk_svg, every text in it escaped (st.html's sanitiser drops SVG).
        st.markdown(svg, unsafe_allow_html=True)
        return True
    deck = maps.risk_deck(level, scores, ctx.lang, province=province, region=region,
                          extra_layers=extra_layers, width_px=width_px, height_px=height)
    if deck is None:
        return False
    st.pydeck_chart(deck, height=height, key=key)
    return True


def scores_table(ctx: Context, scores: pd.DataFrame, n: int | None = None) -> pd.DataFrame:
    """Region, score, category word and reason, riskiest first, in the interface language."""
    lang = ctx.lang
    df = scores.sort_values("score", ascending=False)
    if n:
        df = df.head(n)
    return pd.DataFrame({
        t("name", lang): df["region_name"].to_numpy(),
        t("score", lang): [fmt_number(v, 1) for v in df["score"]],
        t("category", lang): [risk_word(c, lang) for c in df["category"]],
        t("reason", lang): df["reason_en" if lang == "en" else "reason_id"].to_numpy(),
    })


# Incident categories (not risk categories) in charts: Okabe–Ito, distinguishable with
# colour-vision deficiencies, then two greys for the tail of the twelve categories.
CATEGORY_PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
                    "#F0E442", "#000000", "#999999", "#882255", "#44AA99", "#555555"]


def incident_table(ctx: Context, df: pd.DataFrame, for_export: bool = False) -> pd.DataFrame:
    """The incident columns a reader needs, headed in the interface language.

    On screen dates read '27 November 2024'; in the export they are real dates so a
    spreadsheet can sort and filter them. Same rows and columns either way.
    """
    lang = ctx.lang
    dates = df["occurred_on"].to_numpy() if for_export else [fmt_date(d, lang) for d in df["occurred_on"]]
    df = df.fillna({c: "" for c in ("kecamatan_name", "desa", "perpetrator", "source")})
    return pd.DataFrame({
        t("date", lang): dates,
        t("region", lang): df["region_name"].to_numpy(),
        "Kecamatan": df["kecamatan_name"].to_numpy(),
        "Desa": df["desa"].to_numpy(),
        t("phase", lang): [phase_name(p, lang) for p in df["phase"]],
        t("categories", lang): df["category_en" if lang == "en" else "category_id"].to_numpy(),
        t("description", lang): df["description"].to_numpy(),
        t("perpetrator", lang): df["perpetrator"].to_numpy(),
        t("injured", lang): df["injured"].astype(int).to_numpy(),
        t("killed", lang): df["killed"].astype(int).to_numpy(),
        t("source", lang): df["source"].to_numpy(),
        t("generated", lang): [yes_no(g, lang) for g in df["generated"]],
        t("source_file", lang): [f"{f} ({t('row', lang)} {r})" if pd.notna(r) else f
                                 for f, r in zip(df["source_file"], df["source_row"])],
    })


# Tables show the newest rows only: a national view can match a million incidents, and a
# browser table of them would take longer to send than to read. The export has them all.
TABLE_ROWS = 1000


def incident_points(ctx: Context, points: pd.DataFrame) -> pd.DataFrame:
    """lon, lat and a plain-text label for maps.incident_layer, from queries.incident_map_points:
    one dot per incident ('27 November 2024 · Bentrokan massa · Kota Tarakan') or, when there
    are many, one per place ('Kec. Tarakan Barat: 1.234 insiden')."""
    lang = ctx.lang
    labels = [
        f"{fmt_date(d, lang)} · {incident_category_name(c, lang)} · {r}" if n == 1 and isinstance(c, str)
        else t("incidents_at_place", lang, place=p, n=fmt_number(n))
        for n, d, c, r, p in zip(points["n"], points["occurred_on"], points["category"], points["region_name"],
                                 points["place"])
    ]
    return pd.DataFrame({"lon": points["lon"], "lat": points["lat"], "nama": labels}).dropna(subset=["lon", "lat"])


def incident_export(ctx: Context, filters: dict, notes: list[str]):
    """The Excel of every incident matching the filters, built only when the button is
    clicked (st.download_button calls it), so a page view never pays for it."""
    db, lang = ctx.db, ctx.lang

    def build() -> bytes:
        cur = db.reader()
        try:
            df = queries.incidents(cur, **filters)
        finally:
            cur.close()
        return export.to_excel_bytes(incident_table(ctx, df, for_export=True), sheet_name=t("page_incidents", lang),
                                     notes=notes)

    return build


def filter_summary(ctx: Context, filters: dict) -> str:
    """One line saying what the incident filters are (shown on the page and in the export)."""
    lang = ctx.lang
    parts = [f"{fmt_date(filters['start'], lang)} – {fmt_date(filters['end'], lang)}", area_name(ctx)]
    if filters.get("region"):
        info = q("region", code=filters["region"])
        parts.append(info["name"] if info else filters["region"])
    parts.append(phase_name(filters["phase"], lang) if filters.get("phase") else t("all_phases", lang))
    cats = filters.get("categories") or ()
    parts.append(", ".join(incident_category_name(c, lang) for c in cats) if cats else t("all_categories", lang))
    return " · ".join(parts)


def category_bands(config, level: str) -> dict[str, tuple[float, float]] | None:
    """Score ranges of rendah/sedang/tinggi at a level, from the risk model's configuration."""
    bands = getattr(config, "bands", None) if config is not None else None
    if not bands or level not in bands:
        return None
    b = bands[level]
    return {"rendah": (0.0, b.sedang_from), "sedang": (b.sedang_from, b.tinggi_from), "tinggi": (b.tinggi_from, 100.0)}


def alerts_table(ctx: Context, alerts: pd.DataFrame) -> pd.DataFrame:
    """Alerts as plain text, newest first: date, region, kind, category and the reason."""
    lang = ctx.lang
    df = alerts.sort_values("triggered_on", ascending=False, kind="stable")
    kinds = {k: t(f"alert_{k}", lang) if f"alert_{k}" in TEXT else k.replace("_", " ") for k in df["kind"].unique()}
    return pd.DataFrame({
        t("date", lang): [fmt_date(d, lang) if pd.notna(d) else "–" for d in df["triggered_on"]],
        t("name", lang): df["region_name"].to_numpy(),
        t("alert_kind", lang): [kinds[k] for k in df["kind"]],
        t("category", lang): [risk_word(c, lang) if isinstance(c, str) else "–" for c in df["category"]],
        t("reason", lang): df["reason_en" if lang == "en" else "reason_id"].to_numpy(),
    })


@st.cache_data(show_spinner=False)
def _plain(name: str) -> object:
    return getattr(queries, name)()


def cached_plain(name: str):
    """A waspada.queries function that reads files, not the database (cached per process)."""
    return _plain(name)
