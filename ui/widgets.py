"""What pages draw the same way: tables, notices, maps and downloads."""

from __future__ import annotations

import re

import logging
from typing import Callable

import pandas as pd
import streamlit as st

from ui import data
from ui.context import Context, area_name, seed
from waspada import export, maps, queries, reference, verification
from waspada.i18n import (
    TEXT, fmt_date, fmt_number, incident_category_name, phase_name, risk_word, t, yes_no,
)
from waspada.maps import legend_html

# Incident categories (not risk categories) in charts: Okabe–Ito, distinguishable with
# colour-vision deficiencies, then two greys for the tail of the twelve categories.
CATEGORY_PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
                    "#F0E442", "#000000", "#999999", "#882255", "#44AA99", "#555555"]

# Tables show the newest rows only: a national view can match a million incidents, and a
# browser table of them would take longer to send than to read. The export has them all.
TABLE_ROWS = 1000
# An incident export up to this many rows is made with the page (about a second), so a
# failure is shown at once; a larger one is made on click (see incident_download).
EXPORT_AT_ONCE_ROWS = 5000
TOOLTIP_CHARS = 160  # an incident's description on a map tooltip, cut with the visible mark

_LOG = logging.getLogger(__name__)


# -- notices ---------------------------------------------------------------------------------
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
    fresh = data.q_for(ctx, queries.data_freshness)
    if fresh["generated_incidents"] or fresh["generated_sources"]:
        st.warning(t("generated_label", ctx.lang), icon=":material/science:")


# -- tables ----------------------------------------------------------------------------------
def plain_table(df: pd.DataFrame, **kwargs) -> None:
    """st.dataframe renders cell text as text, never HTML."""
    st.dataframe(df, hide_index=True, width="stretch", **kwargs)


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>:$=^])")


def plain(text) -> str:
    """Text for an element that renders Markdown (st.table cells, subheader, success, error,
    progress), shown exactly as written: `[a](http://x) :red[b] **c**` is not a link, red or bold."""
    return _MARKDOWN.sub(r"\\\1", str(text))


def reading_table(df: pd.DataFrame) -> None:
    """A short table whose sentences must be read whole (reasons): st.table wraps cell
    text (st.dataframe cuts it). Streamlit 1.67 renders its cells as Markdown (HTML off):
    a cell holding what someone typed goes through `plain`. Rows numbered from 1."""
    st.table(df.set_axis(range(1, len(df) + 1)))


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
        t("reason", lang): df[queries.reason_column(lang)].to_numpy(),
    })


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
        t("reason", lang): df[queries.reason_column(lang)].to_numpy(),
    })


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
        t("col_kecamatan", lang): df["kecamatan_name"].to_numpy(),
        t("col_desa", lang): df["desa"].to_numpy(),
        t("phase", lang): [phase_name(p, lang) for p in df["phase"]],
        t("categories", lang): df["category_en" if lang == "en" else "category_id"].to_numpy(),
        t("description", lang): df["description"].to_numpy(),
        t("perpetrator", lang): df["perpetrator"].to_numpy(),
        t("injured", lang): df["injured"].astype(int).to_numpy(),
        t("killed", lang): df["killed"].astype(int).to_numpy(),
        t("source", lang): df["source"].to_numpy(),
        t("generated", lang): [yes_no(g, lang) for g in df["generated"]],
        t("verify_filter", lang): [t(verification.STATUS_TEXT[v], lang) for v in df["verification_status"]],
        t("source_file", lang): [f"{f} ({t('row', lang)} {r})" if pd.notna(r) else f
                                 for f, r in zip(df["source_file"], df["source_row"])],
    })


def filter_summary(ctx: Context, filters: dict) -> str:
    """One line saying what the incident filters are (shown on the page and in the export)."""
    lang = ctx.lang
    parts = [f"{fmt_date(filters['start'], lang)} – {fmt_date(filters['end'], lang)}", area_name(ctx)]
    if filters.get("region"):
        info = data.q_for(ctx, queries.region, code=filters["region"])
        parts.append(info["name"] if info else filters["region"])
    parts.append(phase_name(filters["phase"], lang) if filters.get("phase") else t("all_phases", lang))
    cats = filters.get("categories") or ()
    parts.append(", ".join(incident_category_name(c, lang) for c in cats) if cats else t("all_categories", lang))
    return " · ".join(parts)


# -- the incident scope: election-related or not, ATHG class, report source ---------------------
SCOPE_KEY = "incident_scope"  # session: the scope last chosen, carried from page to page
_ELECTION_CHOICES = {"yes": True, "all": None, "no": False}
_ELECTION_TEXT = {"yes": "filter_election_yes", "all": "filter_election_all", "no": "filter_election_no"}


def incident_scope(ctx: Context) -> dict:
    """The one incident filter of Ringkasan, Wilayah, Tahapan and the briefing: election-
    related incidents (the Pilkada default), all, or the others; an ATHG class; a report
    source. Returns the keyword arguments of the incident queries (election_related, athg,
    source_kind). It filters what is counted and listed, never the risk scores, and says so."""
    lang = ctx.lang
    kept = st.session_state.get(SCOPE_KEY, queries.PILKADA_SCOPE)
    seed("w_scope_election", next(k for k, v in _ELECTION_CHOICES.items() if v is kept["election_related"]))
    seed("w_scope_athg", kept["athg"])
    seed("w_scope_source", kept["source_kind"])
    with st.container(border=True):
        left, middle, right = st.columns([2, 1, 1])
        election = left.radio(t("scope_filter_label", lang), list(_ELECTION_CHOICES), horizontal=True,
                              key="w_scope_election", format_func=lambda k: t(_ELECTION_TEXT[k], lang))
        athg = middle.selectbox(t("filter_athg", lang), [None, *reference.ATHG_CLASSES], key="w_scope_athg", placeholder=t("filter_any", lang),
                                format_func=lambda k: t("filter_any", lang) if k is None else queries.athg_name(k, lang))
        source = right.selectbox(t("filter_source", lang), [None, *reference.report_sources()["source_kind"]], placeholder=t("filter_any", lang),
                                 key="w_scope_source",
                                 format_func=lambda k: t("filter_any", lang) if k is None else queries.source_name(k, lang))
        st.caption(t("scope_risk_unchanged", lang))
    chosen = {"election_related": _ELECTION_CHOICES[election], "athg": athg, "source_kind": source}
    st.session_state[SCOPE_KEY] = chosen
    return chosen


def current_scope() -> dict:
    """The incident scope last chosen on any page (the Pilkada default before any choice),
    for a page that shows it without the filter (the briefing screen)."""
    return dict(st.session_state.get(SCOPE_KEY, queries.PILKADA_SCOPE))


def others_note(ctx: Context, scope: dict, others: int) -> None:
    """Under election-related figures: how many other incidents the same filters leave out."""
    if scope["election_related"] is True and others:
        st.caption(t("incidents_others_hidden", ctx.lang, n=fmt_number(others)))


# -- maps ------------------------------------------------------------------------------------
def legend(ctx: Context) -> None:
    st.html(legend_html(ctx.lang))


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
                            width_px=width_px, height_px=height, label=label, facts=map_facts(ctx))
        if svg is None:
            return False
        # Markup made by maps.risk_svg, every text in it escaped (st.html's sanitiser drops SVG).
        st.markdown(svg, unsafe_allow_html=True)
        return True
    deck = maps.risk_deck(level, scores, ctx.lang, province=province, region=region,
                          extra_layers=extra_layers, width_px=width_px, height_px=height, facts=map_facts(ctx))
    if deck is None:
        return False
    st.pydeck_chart(deck, height=height, key=key)
    return True


def map_facts(ctx: Context) -> dict[str, str]:
    """Region code -> its Pilkada 2024 facts (pairs or calon tunggal, a 2025 re-run) for
    the map tooltip."""
    return data.q(queries.region_fact_lines, lang=ctx.lang)


def incident_points(ctx: Context, points: pd.DataFrame) -> pd.DataFrame:
    """lon, lat, a plain-text label ('nama') and the tooltip's further lines ('rincian') for
    maps.incident_layer, from queries.incident_map_points: one dot per incident
    ('27 November 2024 · Bentrokan massa', then region, casualties and the description cut
    to TOOLTIP_CHARS when the query gives them) or, when there are many, one per place
    ('Kec. Tarakan Barat: 1.234 insiden')."""
    lang = ctx.lang
    names, details = [], []
    for row in points.to_dict("records"):
        category = row.get("category")
        if row.get("n") == 1 and isinstance(category, str):
            names.append(f"{fmt_date(row['occurred_on'], lang)} · {incident_category_name(category, lang)}")
            lines = [str(row.get("region_name") or "")]
            if pd.notna(row.get("injured")) and pd.notna(row.get("killed")):
                lines.append(f"{t('injured', lang)}: {fmt_number(row['injured'])} · "
                             f"{t('killed', lang)}: {fmt_number(row['killed'])}")
            if isinstance(row.get("description"), str) and row["description"].strip():
                lines.append(export.export_text(row["description"].strip(), lang, limit=TOOLTIP_CHARS))
            details.append("\n".join(x for x in lines if x))
        else:
            names.append(t("incidents_at_place", lang, place=row.get("place"), n=fmt_number(row.get("n"))))
            details.append(str(row.get("region_name") or ""))
    return pd.DataFrame({"lon": points["lon"], "lat": points["lat"], "nama": names, "rincian": details},
                        index=points.index).dropna(subset=["lon", "lat"])


# -- downloads -------------------------------------------------------------------------------
def incident_export(ctx: Context, filters: dict, notes: list[str]) -> Callable[[], bytes]:
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
                                     notes=notes, lang=lang)

    return build


def file_download(ctx: Context, label: str, build: Callable[[], bytes], *, file_name: str, mime: str,
                  icon: str, key: str, on_request: bool = False) -> bool:
    """A download button for a file made now; when it cannot be made, an error in the
    reader's language instead of a button that does nothing (the traceback goes to the
    server log, never to the browser). True if the button is shown.

    ``on_request``: a file that takes seconds to make (the briefing's pictures) is made only
    after a click on "Siapkan …", so the page itself stays fast; once asked for, the same
    file (same name: same area, date and language) is offered straight away."""
    wanted_key = f"_waspada_wanted_{key}"
    if on_request and st.session_state.get(wanted_key) != file_name:
        kind = file_name.rsplit(".", 1)[-1].upper()
        if not st.button(t("export_prepare", ctx.lang, kind=kind), icon=icon, key=f"{key}_prepare"):
            return False
        st.session_state[wanted_key] = file_name
        st.rerun()  # the page again, with the download button where the "Siapkan" button was
    try:
        payload = build()
    except Exception:
        _LOG.exception("export %s failed", file_name)
        st.error(t("export_failed", ctx.lang, file=file_name))
        return False
    st.download_button(label, data=payload, file_name=file_name, mime=mime, icon=icon, on_click="ignore", key=key)
    return True
