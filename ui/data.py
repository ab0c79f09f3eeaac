"""The pages' cached way to the data: ``q(queries.risk_scores, as_of=..., province=...)``.

A page passes the query FUNCTION (go-to-definition reaches its SQL), never its name. Results
are cached per database version, the function's qualified name and its arguments (defaults
filled in, so two spellings of one call share a result): a load replaces the file, the
version changes and every page reads fresh results without a restart.

The risk compositions below are what several pages ask of the risk engine, written once:
one engine run serves every phase, one alert scan serves the overview's list and headline.
"""

from __future__ import annotations

import inspect
from datetime import date
from typing import Callable

import pandas as pd
import streamlit as st

from waspada import queries
from waspada.db import Database
from ui.context import Context, current


@st.cache_resource(show_spinner=False)
def database(path: str) -> Database:
    """The one Database handle of this process for the file at path."""
    return Database(path)


def _call_key(query: Callable, kwargs: dict) -> tuple[str, tuple]:
    bound = inspect.signature(query).bind(None, **kwargs)  # None: the cursor
    bound.apply_defaults()
    args = tuple(sorted((k, v) for k, v in list(bound.arguments.items())[1:]))
    return f"{query.__module__}.{query.__qualname__}", args


@st.cache_data(show_spinner=False, max_entries=1024)
def _cached_call(path: str, version: str, name: str, args: tuple, _query: Callable) -> object:
    # `_query` is left out of the key (Streamlit skips parameters named _*): `name` stands for it.
    cur = database(path).reader()
    try:
        return _query(cur, **dict(args))
    finally:
        cur.close()


def q_at(path: str, version: str, query: Callable, /, **kwargs):
    """query(cur, **kwargs) on the database at path, cached for that data version.

    For code that runs outside a page's run (a download's builder) or that needs the
    version read afresh (a list the page has just written to)."""
    name, args = _call_key(query, kwargs)
    return _cached_call(path, version, name, args, query)


def q_for(ctx: Context, query: Callable, /, **kwargs):
    """query(cur, **kwargs) on the database of ctx, cached for its data version."""
    return q_at(str(ctx.db.path), ctx.version, query, **kwargs)


def q(query: Callable, /, **kwargs):
    """query(cur, **kwargs) on the database of this run, cached per data version."""
    return q_for(current(), query, **kwargs)


@st.cache_data(show_spinner=False)
def _cached_file_call(name: str, args: tuple, _query: Callable) -> object:
    return _query(**dict(args))


def q_file(query: Callable, /, **kwargs):
    """A waspada function that reads files, not the database (cached per process)."""
    bound = inspect.signature(query).bind(**kwargs)
    bound.apply_defaults()
    return _cached_file_call(f"{query.__module__}.{query.__qualname__}", tuple(sorted(bound.arguments.items())),
                             query)


def risk_config():
    """The risk model's configuration (data/risk_model.toml), read once per process."""
    return q_file(queries.risk_config)


def has_schedule(ctx: Context) -> bool:
    """Whether the election schedule is loaded; without it, with the notice once per run."""
    if q_for(ctx, queries.phase_progress, as_of=ctx.as_of)["status"] == "no_schedule":
        ctx.notice_once("no_schedule")
        return False
    return True


def q_risk(query: Callable, /, **kwargs):
    """Like q() for a risk query; None (with a notice, once per run) without a schedule,
    which scores need: the page says so instead of failing."""
    if not has_schedule(current()):
        return None
    return q(query, **kwargs)


def effective_phase(ctx: Context) -> str | None:
    """The chosen phase, or the phase the date falls in."""
    if ctx.sel.phase:
        return ctx.sel.phase
    return q_for(ctx, queries.phase_progress, as_of=ctx.as_of).get("phase")


# -- risk compositions -----------------------------------------------------------------------
def phase_scores(*, as_of: date, phase: str | None, level: str = "kabupaten_kota",
                 province: str | None = None) -> pd.DataFrame | None:
    """queries.risk_scores for one phase, cut from the cached all-phase run: one engine run
    scores every phase at nearly the cost of one, so every page and map asking for a phase
    shares it. phase None (no phase chosen and the date outside Pilkada 2024's schedule):
    each region in its own election and phase on the date (queries.risk_scores_on: a 2025
    re-vote's phase, or "di luar tahapan"). None without a schedule (q_risk)."""
    if phase is None:
        return q_risk(queries.risk_scores_on, as_of=as_of, level=level, province=province)
    every = q_risk(queries.risk_scores, as_of=as_of, level=level, phase=None, province=province)
    return None if every is None else queries.scores_for_phases(every, (phase,))


def scores_by_phase(*, as_of: date, phases: tuple[str, ...], level: str = "kabupaten_kota",
                    province: str | None = None) -> pd.DataFrame | None:
    """Scores of every region for several phases, in their order (region x phase heatmap),
    from the same cached all-phase run as phase_scores."""
    every = q_risk(queries.risk_scores, as_of=as_of, level=level, phase=None, province=province)
    return None if every is None else queries.scores_for_phases(every, phases)


def _overview_alert_scan(as_of: date, province: str | None) -> tuple[pd.DataFrame, int] | None:
    # The display window stretched 7 days back: the headline compares with a week earlier.
    shown = risk_config().alert_display_days
    scan = q_risk(queries.risk_alerts, as_of=as_of, province=province, days=shown + 7)
    return None if scan is None else (scan, shown)


def alerts_shown(*, as_of: date, province: str | None) -> pd.DataFrame | None:
    """queries.risk_alerts over the model's display window, from the cached scan that
    risk_headline reads too. None without a schedule."""
    found = _overview_alert_scan(as_of, province)
    if found is None:
        return None
    scan, shown = found
    return queries.alerts_in_window(scan, as_of=as_of, days=shown)


def risk_headline(*, as_of: date, province: str | None) -> dict | None:
    """queries.risk_headline's figures (regions in tinggi and alerts, now and 7 days earlier)
    from one cached trend and the alert scan alerts_shown reads. None without a schedule."""
    found = _overview_alert_scan(as_of, province)
    if found is None:
        return None
    scan, shown = found
    trend = q(queries.risk_trend, as_of=as_of, province=province)
    return queries.headline_from(trend, scan, as_of=as_of, days=shown)


def category_bands(level: str) -> dict[str, tuple[float, float]] | None:
    """Score ranges of rendah/sedang/tinggi at a level, from the risk model's configuration."""
    bands = risk_config().bands
    if level not in bands:
        return None
    b = bands[level]
    return {"rendah": (0.0, b.sedang_from), "sedang": (b.sedang_from, b.tinggi_from), "tinggi": (b.tinggi_from, 100.0)}
