"""Named read-only queries behind the dashboard pages. Pages never build SQL.

Every function takes a DuckDB cursor (``Database(path).reader()``) first and keyword
arguments after it, and returns a DataFrame or a small dict/tuple of plain values, so
the app can cache results keyed on the database version. All SQL is parameterised.

Incidents are read from the view visible_incidents (schema.sql): those of a withdrawn
upload are never shown.

The risk model (``waspada.risk``) is reached only through the functions in the "Risk"
section at the bottom, so the pages do not depend on its module layout. Its reason
columns come in both languages: show ``reason_id`` or ``reason_en`` (``reason_column(lang)``).
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from waspada import reference, risk

from waspada.reference import DEFAULT_ELECTION_ID, ELECTION_FAMILY_SQL
from waspada.verification import STATUSES

ELECTION_ID = DEFAULT_ELECTION_ID  # the name the pages use; kept until they read DEFAULT_ELECTION_ID



def _records(df: pd.DataFrame) -> list[dict]:
    return df.to_dict("records")


# -- schedule and dates --------------------------------------------------------------------
def schedule(cur, *, election_id: str = ELECTION_ID) -> pd.DataFrame:
    """Phase periods in order: phase, phase_order, name_id, name_en, starts_on, ends_on, days."""
    df = cur.execute(
        """
        SELECT ep.phase, p.phase_order, p.name_id, p.name_en, ep.starts_on, ep.ends_on,
               date_diff('day', ep.starts_on, ep.ends_on) + 1 AS days
        FROM election_phases ep JOIN phases p USING (phase)
        WHERE ep.election_id = ?
        ORDER BY p.phase_order
        """,
        [election_id],
    ).df()
    for col in ("starts_on", "ends_on"):
        df[col] = pd.to_datetime(df[col]).dt.date
    return df


def stages(cur, *, election_id: str = ELECTION_ID) -> pd.DataFrame:
    """Detailed sub-stages for the timeline, ordered by phase and start."""
    df = cur.execute(
        """
        SELECT s.phase, p.phase_order, s.stage, s.name_id, s.starts_on, s.ends_on, s.note
        FROM election_stages s JOIN phases p USING (phase)
        WHERE s.election_id = ?
        ORDER BY p.phase_order, s.starts_on, s.stage
        """,
        [election_id],
    ).df()
    for col in ("starts_on", "ends_on"):
        df[col] = pd.to_datetime(df[col]).dt.date
    return df


def default_as_of(cur, *, today: date, election_id: str = ELECTION_ID) -> tuple[date, str]:
    """The date the dashboard opens on, and why: ('today' | 'latest_incident' | 'schedule_end').

    Today when it falls inside the election period; otherwise the latest recorded
    incident inside the period, or the end of the schedule when there is none.
    """
    sched = schedule(cur, election_id=election_id)
    if sched.empty:
        return today, "today"
    first, last = sched["starts_on"].min(), sched["ends_on"].max()
    if first <= today <= last:
        return today, "today"
    latest = cur.execute(
        f"SELECT max(occurred_on) FROM visible_incidents i WHERE election_id = ? AND occurred_on BETWEEN ? AND ?",
        [election_id, first, min(today, last)],
    ).fetchone()[0]
    if latest is not None:
        return pd.Timestamp(latest).date(), "latest_incident"
    return (last if today > last else first), "schedule_end"


def phase_progress(cur, *, as_of: date, election_id: str = ELECTION_ID) -> dict:
    """Where ``as_of`` falls in the schedule.

    Keys: status ('before' | 'during' | 'after' | 'no_schedule'), phase, day, days,
    vote_on, days_to_vote (negative after voting day), first, last.
    """
    sched = schedule(cur, election_id=election_id)
    if sched.empty:
        return {"status": "no_schedule"}
    vote = cur.execute("SELECT vote_on FROM elections WHERE election_id = ?", [election_id]).fetchone()
    vote_on = pd.Timestamp(vote[0]).date() if vote else None
    out = {
        "first": sched["starts_on"].min(),
        "last": sched["ends_on"].max(),
        "vote_on": vote_on,
        "days_to_vote": (vote_on - as_of).days if vote_on else None,
        "phase": None,
        "day": None,
        "days": None,
    }
    row = sched[(sched["starts_on"] <= as_of) & (sched["ends_on"] >= as_of)]
    if row.empty:
        out["status"] = "before" if as_of < out["first"] else "after"
        return out
    r = row.iloc[0]
    out.update(status="during", phase=r["phase"], day=(as_of - r["starts_on"]).days + 1, days=int(r["days"]))
    return out


def data_freshness(cur) -> dict:
    """When data was last loaded and whether anything shown is generated."""
    # Through a DataFrame: fetching a TIMESTAMPTZ as a Python value would need pytz.
    row = cur.execute(
        "SELECT max(loaded_at) AS loaded_at, count(*) AS n, count(*) FILTER (WHERE generated) AS n_gen FROM data_sources"
    ).df().iloc[0].tolist()
    incidents = cur.execute(
        f"SELECT count(*), count(*) FILTER (WHERE i.generated), max(occurred_on) FROM visible_incidents i"
    ).fetchone()
    return {
        "loaded_at": None if pd.isna(row[0]) else row[0].to_pydatetime(),
        "sources": int(row[1]),
        "generated_sources": int(row[2]),
        "incidents": int(incidents[0]),
        "generated_incidents": int(incidents[1]),
        "latest_incident": pd.Timestamp(incidents[2]).date() if incidents[2] is not None else None,
    }


# -- regions --------------------------------------------------------------------------------
def provinces(cur) -> pd.DataFrame:
    return cur.execute(
        "SELECT code, name, timezone FROM regions WHERE level = 'provinsi' ORDER BY code"
    ).df()


def kabkota(cur, *, province: str | None = None) -> pd.DataFrame:
    """Kabupaten/kota (code, name, short_name, province_code), of one province or all."""
    return cur.execute(
        """
        SELECT code, name, short_name, province_code FROM regions
        WHERE level = 'kabupaten_kota' AND (? IS NULL OR province_code = ?)
        ORDER BY code
        """,
        [province, province],
    ).df()


def region(cur, *, code: str) -> dict | None:
    rows = _records(cur.execute("SELECT * FROM regions WHERE code = ?", [code]).df())
    return rows[0] if rows else None


# -- incidents ------------------------------------------------------------------------------
# The filters every incident query takes, as one WHERE fragment and its parameters.
_INCIDENT_FILTER = f"""
        i.election_id IN {ELECTION_FAMILY_SQL}
          AND (CAST(? AS DATE) IS NULL OR i.occurred_on >= ?)
          AND (CAST(? AS DATE) IS NULL OR i.occurred_on <= ?)
          AND (CAST(? AS VARCHAR) IS NULL OR i.province_code = ?)
          AND (CAST(? AS VARCHAR) IS NULL OR i.region_code = ?)
          AND (CAST(? AS VARCHAR) IS NULL OR i.phase = ?)
          AND (len(CAST(? AS VARCHAR[])) = 0 OR list_contains(CAST(? AS VARCHAR[]), i.category))
          AND (CAST(? AS VARCHAR[]) IS NULL OR list_contains(CAST(? AS VARCHAR[]), i.category))
          AND (CAST(? AS VARCHAR) IS NULL OR i.source_kind = ?)
          AND (CAST(? AS VARCHAR) IS NULL OR i.verification_status = ?)"""


def _taxonomy_scope(election_related: bool | None, athg: str | None) -> list[str] | None:
    """The categories allowed by the election-related and ATHG filters (None: all). The
    taxonomy file is the one home of both flags (reference.incident_categories)."""
    if election_related is None and athg is None:
        return None
    cats = reference.incident_categories()
    keep = pd.Series(True, index=cats.index)
    if election_related is not None:
        keep &= cats["election_related"] == bool(election_related)
    if athg is not None:
        keep &= cats["athg"] == athg
    return sorted(cats.loc[keep, "category"])


def _incident_params(start, end, province, region, phase, categories, election_id, election_related=None,
                     athg=None, source_kind=None, verification_status=None) -> list:
    cats = list(categories or [])
    scope = _taxonomy_scope(election_related, athg)
    return [election_id, start, start, end, end, province, province, region, region, phase, phase, cats, cats,
            scope, scope, source_kind, source_kind, verification_status, verification_status]


def incidents(
    cur,
    *,
    start: date | None = None,
    end: date | None = None,
    province: str | None = None,
    region: str | None = None,
    phase: str | None = None,
    categories: tuple[str, ...] | list[str] | None = None,
    election_id: str = ELECTION_ID,
    election_related: bool | None = None, athg: str | None = None, source_kind: str | None = None,
    verification_status: str | None = None, limit: int | None = None,
) -> pd.DataFrame:
    """Incidents matching the filters, newest first, with region, kecamatan and category names
    and their verification status (``verification_status`` keeps one status only).

    ``lat``/``lon`` are the reported coordinates; ``map_lat``/``map_lon`` fall back to the
    kecamatan centroid, then the kabupaten/kota centroid, so every incident can be drawn.
    ``limit`` keeps the newest rows only (a national view can match a million incidents;
    incident_totals() gives the count).
    """
    df = cur.execute(
        f"""
        SELECT i.id, i.occurred_on, i.province_code, prov.name AS province_name,
               i.region_code, kab.name AS region_name, i.kecamatan_code,
               coalesce(kec.name, i.kecamatan) AS kecamatan_name, i.desa,
               i.phase, i.category, c.name_id AS category_id, c.name_en AS category_en,
               i.description, i.perpetrator, i.injured, i.killed, i.source,
               i.lat, i.lon,
               coalesce(i.lat, kec.lat, kab.lat) AS map_lat,
               coalesce(i.lon, kec.lon, kab.lon) AS map_lon,
               i.source_file, i.source_row, i.generated, i.verification_status
        FROM visible_incidents i
        LEFT JOIN regions prov ON prov.code = i.province_code
        LEFT JOIN regions kab ON kab.code = i.region_code
        LEFT JOIN regions kec ON kec.code = i.kecamatan_code
        LEFT JOIN incident_categories c ON c.category = i.category
        WHERE {_INCIDENT_FILTER}
        ORDER BY i.occurred_on DESC, i.id DESC
        LIMIT ?
        """,
        _incident_params(start, end, province, region, phase, categories, election_id, election_related, athg,
                         source_kind, verification_status)
        + [limit if limit is not None else 2**62],
    ).df()
    df["occurred_on"] = pd.to_datetime(df["occurred_on"]).dt.date
    return df


def incident_totals(
    cur, *, start: date | None = None, end: date | None = None, province: str | None = None,
    region: str | None = None, phase: str | None = None, categories: tuple[str, ...] | list[str] | None = None,
    election_id: str = ELECTION_ID,
    election_related: bool | None = None, athg: str | None = None, source_kind: str | None = None,
) -> dict:
    """How many incidents match the filters (n) and how many of them are generated.
    election_related / athg / source_kind narrow by the taxonomy's flags and the report source."""
    n, generated = cur.execute(
        f"SELECT count(*), count(*) FILTER (WHERE i.generated) FROM visible_incidents i WHERE {_INCIDENT_FILTER}",
        _incident_params(start, end, province, region, phase, categories, election_id, election_related, athg,
                         source_kind),
    ).fetchone()
    return {"n": int(n), "generated": int(generated)}


def incident_status_counts(
    cur, *, start: date | None = None, end: date | None = None, province: str | None = None,
    region: str | None = None, phase: str | None = None, categories: tuple[str, ...] | list[str] | None = None,
    election_id: str = ELECTION_ID,
    election_related: bool | None = None, athg: str | None = None, source_kind: str | None = None,
) -> dict[str, int]:
    """How many incidents matching the filters have each verification status (every status
    of verification.STATUSES present, 0 when none): all of them, not only the rows a table shows."""
    rows = cur.execute(
        f"SELECT i.verification_status, count(*) FROM visible_incidents i WHERE {_INCIDENT_FILTER} GROUP BY 1",
        _incident_params(start, end, province, region, phase, categories, election_id, election_related, athg,
                         source_kind),
    ).fetchall()
    counts = dict(rows)
    return {s: int(counts.get(s, 0)) for s in STATUSES}


def incident_map_points(
    cur, *, start: date | None = None, end: date | None = None, province: str | None = None,
    region: str | None = None, phase: str | None = None, categories: tuple[str, ...] | list[str] | None = None,
    election_id: str = ELECTION_ID,
    election_related: bool | None = None, athg: str | None = None, source_kind: str | None = None, max_points: int = 1500,
) -> pd.DataFrame:
    """Where to draw the incidents matching the filters: one row per incident (n = 1) while
    there are at most max_points, else one row per map location (kecamatan or kab/kota
    centre, or reported coordinates) with its count n — a browser does not need a million dots.

    Columns lon, lat, n, occurred_on, category, region_name, place (kecamatan or region name),
    injured, killed, description (for the dot's tooltip); occurred_on, category, injured,
    killed and description are empty for grouped rows.
    """
    params = _incident_params(start, end, province, region, phase, categories, election_id, election_related, athg,
                         source_kind)
    located = f"""
        SELECT i.occurred_on, i.category, kab.name AS region_name,
               coalesce(kec.name, i.kecamatan, kab.name) AS place, i.injured, i.killed, i.description,
               coalesce(i.lat, kec.lat, kab.lat) AS lat, coalesce(i.lon, kec.lon, kab.lon) AS lon, i.id
        FROM visible_incidents i
        LEFT JOIN regions kab ON kab.code = i.region_code
        LEFT JOIN regions kec ON kec.code = i.kecamatan_code
        WHERE {_INCIDENT_FILTER}"""
    df = cur.execute(
        f"""
        WITH located AS ({located}),
        total AS (SELECT count(*) AS n FROM located)
        SELECT lon, lat, 1 AS n, occurred_on, category, region_name, place, injured, killed, description
        FROM located
        WHERE (SELECT n FROM total) <= ?
        UNION ALL
        SELECT lon, lat, count(*) AS n, NULL, NULL, any_value(region_name), any_value(place), NULL, NULL, NULL
        FROM located
        WHERE (SELECT n FROM total) > ? AND lat IS NOT NULL AND lon IS NOT NULL
        GROUP BY lon, lat
        ORDER BY n DESC, occurred_on DESC
        """,
        params + [max_points, max_points],
    ).df()
    df["occurred_on"] = pd.to_datetime(df["occurred_on"]).dt.date
    return df


def incident_counts_by_category(
    cur,
    *,
    start: date | None = None,
    end: date | None = None,
    province: str | None = None,
    region: str | None = None,
    phase: str | None = None,
    categories: tuple[str, ...] | list[str] | None = None,
    election_id: str = ELECTION_ID,
    election_related: bool | None = None, athg: str | None = None, source_kind: str | None = None,
) -> pd.DataFrame:
    """Weekly counts (week starting Monday) per category for the same filters as incidents()."""
    df = cur.execute(
        f"""
        SELECT date_trunc('week', i.occurred_on)::DATE AS week, i.category, c.name_id AS category_id,
               c.name_en AS category_en, count(*) AS n
        FROM visible_incidents i LEFT JOIN incident_categories c ON c.category = i.category
        WHERE {_INCIDENT_FILTER}
        GROUP BY ALL
        ORDER BY week, i.category
        """,
        _incident_params(start, end, province, region, phase, categories, election_id, election_related, athg,
                         source_kind),
    ).df()
    if df.empty:
        return pd.DataFrame(columns=["week", "category", "category_id", "category_en", "n"])
    df["week"] = pd.to_datetime(df["week"]).dt.date
    return df.reset_index(drop=True)


def incident_headline(
    cur, *, as_of: date, province: str | None = None, region: str | None = None,
    election_id: str = ELECTION_ID,
    election_related: bool | None = None, athg: str | None = None, source_kind: str | None = None,
) -> dict:
    """Incidents and casualties in the 7 days ending ``as_of`` and in the 7 days before, of
    the incidents the taxonomy filters keep (all when None)."""
    now_start, prev_start = as_of - timedelta(days=6), as_of - timedelta(days=13)
    row = cur.execute(
        f"""
        SELECT
          count(*) FILTER (WHERE i.occurred_on >= ?) AS n_now,
          count(*) FILTER (WHERE i.occurred_on < ?) AS n_prev,
          coalesce(sum(i.injured + i.killed) FILTER (WHERE i.occurred_on >= ?), 0) AS cas_now,
          coalesce(sum(i.injured + i.killed) FILTER (WHERE i.occurred_on < ?), 0) AS cas_prev
        FROM visible_incidents i WHERE {_INCIDENT_FILTER}
        """,
        [now_start] * 4 + _incident_params(prev_start, as_of, province, region, None, None, election_id,
                                           election_related, athg, source_kind),
    ).fetchone()
    return {"incidents": int(row[0]), "incidents_prev": int(row[1]),
            "casualties": int(row[2]), "casualties_prev": int(row[3])}


def incident_date_span(cur, *, province: str | None = None, election_id: str = ELECTION_ID) -> tuple:
    row = cur.execute(
        f"""SELECT min(occurred_on), max(occurred_on) FROM visible_incidents i WHERE election_id IN {ELECTION_FAMILY_SQL} AND (CAST(? AS VARCHAR) IS NULL OR province_code = ?)""",
        [election_id, province, province],
    ).fetchone()
    return tuple(pd.Timestamp(v).date() if v is not None else None for v in row)


def incident_totals_by_election(
    cur, *, start: date | None = None, end: date | None = None, province: str | None = None,
    region: str | None = None, phase: str | None = None, categories: tuple[str, ...] | list[str] | None = None,
    election_id: str = ELECTION_ID, election_related: bool | None = None, athg: str | None = None,
    source_kind: str | None = None,
) -> dict:
    """Incidents matching the filters, split into election-related and not: {'election':
    n, 'other': n} (election_related itself is ignored). The Pilkada view shows the first and
    says how many the second are."""
    filters = dict(start=start, end=end, province=province, region=region, phase=phase, categories=categories,
                   election_id=election_id, athg=athg, source_kind=source_kind)
    return {"election": incident_totals(cur, **filters, election_related=True)["n"],
            "other": incident_totals(cur, **filters, election_related=False)["n"]}


def incident_categories(cur) -> pd.DataFrame:
    return cur.execute("SELECT category, name_id, name_en FROM incident_categories ORDER BY category").df()


# -- region profile ------------------------------------------------------------------------
def kpu_figures(cur, *, region: str) -> pd.DataFrame:
    """DPT, TPS and paslon of one region, each with its election, source and generated flag."""
    return cur.execute(
        """
        SELECT figure, value, of_election, source, generated
        FROM kpu_figures WHERE region_code = ?
        ORDER BY CASE figure WHEN 'dpt' THEN 1 WHEN 'tps' THEN 2 ELSE 3 END, of_election
        """,
        [region],
    ).df()


def ikp_dimensions(cur, *, region: str) -> pd.DataFrame:
    """Bawaslu IKP of one region: total first, then the four dimensions."""
    return cur.execute(
        """
        SELECT edition, dimension, score, category, source, generated
        FROM ikp_scores WHERE region_code = ?
        ORDER BY edition DESC,
                 CASE dimension WHEN 'total' THEN 0 WHEN 'sosial_politik' THEN 1
                      WHEN 'penyelenggaraan' THEN 2 WHEN 'kontestasi' THEN 3 ELSE 4 END
        """,
        [region],
    ).df()


def kecamatan_ranking(
    cur, *, region: str, start: date | None = None, end: date | None = None,
    election_id: str = ELECTION_ID,
    election_related: bool | None = None, athg: str | None = None, source_kind: str | None = None,
) -> pd.DataFrame:
    """Every kecamatan of a kabupaten/kota with its incidents and casualties, most first."""
    return cur.execute(
        f"""
        WITH inc AS (
            SELECT i.kecamatan_code, count(*) AS n_incidents, sum(i.injured) AS injured, sum(i.killed) AS killed
            FROM visible_incidents i WHERE {_INCIDENT_FILTER}
            GROUP BY i.kecamatan_code
        )
        SELECT r.code, r.name, coalesce(inc.n_incidents, 0) AS n_incidents,
               coalesce(inc.injured, 0) AS injured, coalesce(inc.killed, 0) AS killed
        FROM regions r LEFT JOIN inc ON inc.kecamatan_code = r.code
        WHERE r.level = 'kecamatan' AND r.kabkota_code = ?
        ORDER BY n_incidents DESC, injured + killed DESC, r.name
        """,
        _incident_params(start, end, None, region, None, None, election_id, election_related, athg, source_kind)
        + [region],
    ).df()


# -- method page -----------------------------------------------------------------------------
def data_sources(cur) -> pd.DataFrame:
    return cur.execute(
        "SELECT dataset, description, origin, generated, rows, loaded_at FROM data_sources ORDER BY generated, dataset"
    ).df()


# -- risk (waspada.risk) -------------------------------------------------------------------


def risk_scores(cur, *, as_of: date, level: str = "kabupaten_kota", phase: str | None = None,
                province: str | None = None) -> pd.DataFrame:
    return risk.scores(cur, as_of=as_of, level=level, phase=phase, province=province)


def risk_trend(cur, *, as_of: date, level: str = "kabupaten_kota", phase: str | None = None,
               province: str | None = None) -> pd.DataFrame:
    return risk.trend(cur, as_of=as_of, level=level, province=province, phase=phase)


def risk_contributions(cur, *, as_of: date, region: str, phase: str | None) -> pd.DataFrame:
    return pd.DataFrame(risk.contributions(cur, as_of=as_of, region_code=region, phase=phase))


def risk_history(cur, *, region: str, start: date, end: date, phase: str | None = None,
                 step_days: int = 1) -> pd.DataFrame:
    return risk.score_history(cur, region_code=region, phase=phase, start=start, end=end,
                                 step_days=step_days)


def risk_alerts(cur, *, as_of: date, province: str | None = None, days: int | None = None) -> pd.DataFrame:
    """Alerts of the last `days` (the model's display window when None) up to as_of."""
    return risk.current_alerts(cur, as_of=as_of, province=province, days=days)


def alerts_in_window(alerts: pd.DataFrame, *, as_of: date, days: int) -> pd.DataFrame:
    """The alerts triggered in the `days` ending as_of, from a scan of a longer window: an
    alert belongs to the day it happened, whatever window finds it."""
    on = pd.to_datetime(alerts["triggered_on"]).dt.date
    return alerts[(on > as_of - timedelta(days=days)) & (on <= as_of)].reset_index(drop=True)


def headline_from(trend: pd.DataFrame, alerts: pd.DataFrame, *, as_of: date, days: int) -> dict:
    """risk_headline's figures from a trend and an alert scan covering days + 7 days."""
    prev_on = as_of - timedelta(days=7)
    return {
        "high": int((trend["category"] == "tinggi").sum()),
        "high_prev": int((trend["category_prev"] == "tinggi").sum()),
        "alerts": len(alerts_in_window(alerts, as_of=as_of, days=days)),
        "alerts_prev": len(alerts_in_window(alerts, as_of=prev_on, days=days)),
    }


def reason_column(lang: str) -> str:
    """The column of risk scores, alerts and the forward look that holds the reason
    sentence in ``lang``: 'reason_id' or 'reason_en'."""
    return "reason_en" if lang == "en" else "reason_id"


def risk_config():
    return risk.load_config()


def risk_by_phase(cur, *, as_of: date, province: str | None, phases: tuple[str, ...],
                  level: str = "kabupaten_kota") -> pd.DataFrame:
    """Scores of every region for several phases (region x phase heatmap): one run of the
    engine for every phase of the schedule, then the phases asked for, in their order."""
    every = risk_scores(cur, as_of=as_of, level=level, phase=None, province=province)
    frames = [every[every["phase"] == p] for p in phases]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=["region_code", "region_name", "phase", "score", "category"])
    return pd.concat(frames, ignore_index=True)


def risk_headline(cur, *, as_of: date, province: str | None) -> dict:
    """Regions in category tinggi and open alerts, now and 7 days earlier."""
    trend = risk_trend(cur, as_of=as_of, province=province)
    # one scan of the display window stretched 7 days back serves both counts
    shown = risk_config().alert_display_days
    alerts = risk_alerts(cur, as_of=as_of, province=province, days=shown + 7)
    return headline_from(trend, alerts, as_of=as_of, days=shown)


def risk_config_table() -> pd.DataFrame:
    """Every setting of the risk model file (section, key, value, note) for the method page."""
    return pd.DataFrame(risk.config_table(), columns=["section", "key", "value", "note"])


# -- compositions the pages use ----------------------------------------------------------------
def scores_for_phases(every: pd.DataFrame, phases: tuple[str, ...]) -> pd.DataFrame:
    """The rows of an all-phase risk_scores run (phase=None) for the phases asked for, in
    their order: one engine run scores every phase at nearly the cost of one, so a page
    asking for one phase or several cuts them from that run."""
    frames = [every[every["phase"] == p] for p in phases]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return every.iloc[0:0].reset_index(drop=True)
    return pd.concat(frames, ignore_index=True)


# -- Pilkada 2024 as it happened: pairs, re-runs, published vulnerability mappings ---------------
def contest_facts(cur, *, election_id: str = DEFAULT_ELECTION_ID) -> pd.DataFrame:
    """One row per contest of the election: region_code, race, n_pairs (candidate pairs, the
    kolom kosong not counted), single_candidate, and its latest re-run in the region where
    there was one (rerun_id, rerun_kind 'psu'/'pilkada_ulang', rerun_on, rerun_scope,
    rerun_schedule_loaded: True when an office loaded the KPU's schedule for it)."""
    return cur.execute(
        """
        WITH pairs AS (
            SELECT region_code, count(*) FILTER (WHERE NOT empty_column) AS n_pairs,
                   bool_or(empty_column) AS single_candidate
            FROM candidate_pairs WHERE election_id = ? GROUP BY region_code
        ),
        reruns AS (
            SELECT c.region_code, e.election_id AS rerun_id, e.kind AS rerun_kind, e.vote_on AS rerun_on,
                   c.note AS rerun_scope,
                   EXISTS (SELECT 1 FROM election_stages s WHERE s.election_id = e.election_id
                           AND s.loaded_from IS NOT NULL) AS rerun_schedule_loaded,
                   row_number() OVER (PARTITION BY c.region_code ORDER BY e.vote_on DESC) AS k
            FROM elections e JOIN contests c USING (election_id)
            WHERE e.parent_election_id = ?
        )
        SELECT c.region_code, c.race, p.n_pairs, coalesce(p.single_candidate, FALSE) AS single_candidate,
               r.rerun_id, r.rerun_kind, r.rerun_on, r.rerun_scope, coalesce(r.rerun_schedule_loaded, FALSE)
                   AS rerun_schedule_loaded
        FROM contests c
        LEFT JOIN pairs p USING (region_code)
        LEFT JOIN reruns r ON r.region_code = c.region_code AND r.k = 1
        WHERE c.election_id = ?
        ORDER BY c.region_code
        """,
        [election_id, election_id, election_id],
    ).df()


def candidate_pairs(cur, *, region: str, election_id: str = DEFAULT_ELECTION_ID) -> pd.DataFrame:
    """The ballot of a region's contest: ballot_no, name, empty_column (kolom kosong), source."""
    return cur.execute(
        "SELECT ballot_no, name, empty_column, source FROM candidate_pairs"
        " WHERE election_id = ? AND region_code = ? ORDER BY ballot_no",
        [election_id, region],
    ).df()


def fact_lines(facts: pd.DataFrame, region: str, lang: str) -> list[str]:
    """What a reader is told of a region's contest, as sentences: '3 paslon' or 'calon
    tunggal melawan kolom kosong', and its 2025 re-vote or re-election with its date and
    whether its phases are Waspada's estimate. Shared by the map tooltip, the region profile
    and the briefing. Empty when the region held no contest."""
    from waspada.i18n import fmt_date, fmt_number, t

    hit = facts[facts["region_code"] == region]
    if hit.empty:
        return []
    r = hit.iloc[0]
    lines = []
    if pd.notna(r["n_pairs"]):
        what = (t("realdata_single_candidate", lang) if r["single_candidate"]
                else t("realdata_pairs", lang, n=fmt_number(int(r["n_pairs"]))))
        lines.append(t("realdata_contest", lang, race=t(_RACE_KEY[r["race"]], lang), what=what))
    if isinstance(r["rerun_id"], str):
        key = "realdata_rerun_psu" if r["rerun_kind"] == "psu" else "realdata_rerun_ulang"
        line = t(key, lang, date=fmt_date(pd.Timestamp(r["rerun_on"]).date(), lang))
        if isinstance(r["rerun_scope"], str):
            line += " " + t("realdata_rerun_scope", lang, scope=r["rerun_scope"])
        lines.append(line + " " + t("realdata_schedule_loaded" if r["rerun_schedule_loaded"]
                                    else "realdata_schedule_estimated", lang))
    return lines


_RACE_KEY = {"gubernur": "realdata_race_gubernur", "bupati": "realdata_race_bupati",
             "walikota": "realdata_race_walikota"}


def region_fact_lines(cur, *, lang: str) -> dict[str, str]:
    """Region code -> its contest facts as one line (the map tooltip's extra line)."""
    facts = contest_facts(cur)
    return {code: " · ".join(fact_lines(facts, code, lang)) for code in facts["region_code"]}


def reruns(cur, *, province: str | None = None, parent: str = DEFAULT_ELECTION_ID) -> pd.DataFrame:
    """The re-runs of an election (the 2025 PSU and re-elections of Pilkada 2024), in a
    province or everywhere: election_id, name, kind, vote_on, region_code, region_name,
    scope, source, schedule_loaded, and the phases' span (starts_on, ends_on)."""
    return cur.execute(
        """
        SELECT e.election_id, e.name, e.kind, e.vote_on, c.region_code, r.name AS region_name, c.note AS scope,
               e.source,
               EXISTS (SELECT 1 FROM election_stages s WHERE s.election_id = e.election_id
                       AND s.loaded_from IS NOT NULL) AS schedule_loaded,
               (SELECT min(starts_on) FROM election_phases p WHERE p.election_id = e.election_id) AS starts_on,
               (SELECT max(ends_on) FROM election_phases p WHERE p.election_id = e.election_id) AS ends_on
        FROM elections e JOIN contests c USING (election_id) JOIN regions r ON r.code = c.region_code
        WHERE e.parent_election_id = ? AND (CAST(? AS VARCHAR) IS NULL OR r.province_code = ?)
        ORDER BY e.vote_on, c.region_code
        """,
        [parent, province, province],
    ).df()


def vulnerability(cur, *, region: str) -> pd.DataFrame:
    """The published vulnerability figures of a region and, for a kab/kota, of its province,
    each with its source and date: the IKP 2024 total (Bawaslu, published scores only),
    Bawaslu's Pemetaan Kerawanan Pemilihan 2024 category, Polri's IPKP score. Columns:
    region_code, region_name, index_name ('ikp2024', 'bawaslu_pemetaan_2024',
    'polri_ipkp_2024'), score, category, published, note, source."""
    return cur.execute(
        """
        WITH here AS (
            SELECT code FROM regions WHERE code = ?
            UNION SELECT province_code FROM regions WHERE code = ?
        )
        SELECT i.region_code, r.name AS region_name, 'ikp2024' AS index_name, i.score, i.category,
               '2022-12-16' AS published, NULL AS note, i.source
        FROM ikp_scores i JOIN here h ON h.code = i.region_code JOIN regions r ON r.code = i.region_code
        WHERE i.edition = 'ikp2024' AND i.dimension = 'total' AND NOT i.generated
        UNION ALL
        SELECT v.region_code, r.name, v.index_name, v.score, v.category, v.published, v.note, v.source
        FROM vulnerability_maps v JOIN here h ON h.code = v.region_code JOIN regions r ON r.code = v.region_code
        ORDER BY length(region_code) DESC, index_name
        """,
        [region, region],
    ).df()


def province_vulnerability(cur) -> pd.DataFrame:
    """Every province with its published IKP 2024 total (score, category) beside Bawaslu's
    2024 Pilkada mapping category: code, name, ikp_score, ikp_category, mapping_category."""
    return cur.execute(
        """
        SELECT r.code, r.name, i.score AS ikp_score, i.category AS ikp_category, v.category AS mapping_category
        FROM regions r
        LEFT JOIN ikp_scores i ON i.region_code = r.code AND i.edition = 'ikp2024' AND i.dimension = 'total'
                               AND NOT i.generated
        LEFT JOIN vulnerability_maps v ON v.region_code = r.code AND v.index_name = 'bawaslu_pemetaan_2024'
        WHERE r.level = 'provinsi'
        ORDER BY r.code
        """
    ).df()


def exposure(cur, *, region: str) -> dict | None:
    """The TPS count the risk score is scaled by, and where it comes from ('tps': the
    Pilkada's; 'tps_cadangan': the Pemilu's, where the Pilkada has none; or an estimate)."""
    from waspada.risk.model import exposure_of

    return exposure_of(cur, region)


def exposure_words(source: str, lang: str) -> str:
    """The reader's words for an exposure source code of ``exposure``."""
    from waspada.risk.model import exposure_source_words

    return exposure_source_words(source, lang)


def rerun_score(cur, *, region: str, as_of: date) -> dict | None:
    """The risk of a region in its 2025 re-run on a date inside that re-run's schedule (the
    re-run's phase, score, category and reasons: monitoring after Pilkada 2024 follows the
    2025 calendar there); None when no re-run of the region holds the date."""
    from waspada.risk.model import level_of, standing

    st = standing(cur, as_of=as_of, region_code=region)
    if st.election_id == DEFAULT_ELECTION_ID or st.after_schedule:
        return None
    df = risk.scores(cur, as_of=as_of, level=level_of(region), phase=st.phase, election_id=st.election_id,
                     region_code=region)
    if df.empty:
        return None
    r = df.iloc[0]
    return {"election_id": st.election_id, "phase": st.phase, "score": float(r["score"]),
            "category": str(r["category"]), "reason_id": str(r["reason_id"]), "reason_en": str(r["reason_en"])}


def _elections_at_a_glance(cur) -> dict[str, dict]:
    """election_id -> kind, vote_on, last_phase, last_end: what a standing's words need."""
    rows = cur.execute(
        """
        SELECT e.election_id, e.kind, e.vote_on, arg_max(ep.phase, p.phase_order), max(ep.ends_on)
        FROM elections e JOIN election_phases ep USING (election_id) JOIN phases p USING (phase)
        GROUP BY ALL
        """).fetchall()
    return {e: {"kind": k, "vote_on": v, "last_phase": lp, "last_end": le} for e, k, v, lp, le in rows}


def _standing_words(election: dict, election_id: str, phase: str | None, lang: str) -> str:
    from waspada.i18n import fmt_date, phase_name, t

    after = {"phase": phase_name(election["last_phase"], lang).lower(), "date": fmt_date(election["last_end"], lang)}
    if election_id == DEFAULT_ELECTION_ID or election["kind"] not in ("psu", "pilkada_ulang"):
        return "" if phase is not None else t("rerun_standing_after", lang, **after)
    rerun = t("realdata_rerun_psu" if election["kind"] == "psu" else "realdata_rerun_ulang", lang,
              date=fmt_date(election["vote_on"], lang))
    if phase is None:
        return t("rerun_standing_after_rerun", lang, rerun=rerun, **after)
    return t("rerun_standing_phase", lang, rerun=rerun, phase=phase_name(phase, lang).lower())


def risk_scores_on(cur, *, as_of: date, level: str = "kabupaten_kota", province: str | None = None) -> pd.DataFrame:
    """Each region's score on the date in its own election and phase (what a map, a ranking
    and the briefing show when no phase is chosen): a 2025 re-vote's phase where one holds
    the date, Pilkada 2024's elsewhere, and after the schedule the score with the reports
    decayed to the date and no phase (docs/risk-model.md). Columns of risk_scores plus
    election_id, after_schedule and standing_id / standing_en (empty for Pilkada 2024 inside
    its schedule); the reason of a re-run's row starts with the re-run and its phase."""
    from waspada.i18n import t
    from waspada.risk.model import scores_on

    df = scores_on(cur, as_of=as_of, level=level, province=province)
    facts = _elections_at_a_glance(cur)
    keys = [(e, p if isinstance(p, str) else None) for e, p in zip(df["election_id"], df["phase"])]
    for lang in ("id", "en"):
        words = {key: _standing_words(facts[key[0]], key[0], key[1], lang) for key in set(keys)}
        df[f"standing_{lang}"] = [words[k] for k in keys]
        rerun = (df["election_id"] != DEFAULT_ELECTION_ID).to_numpy()
        df.loc[rerun, f"reason_{lang}"] = [
            t("rerun_labelled_reason", lang, standing=w, reason=r)
            for w, r in zip(df.loc[rerun, f"standing_{lang}"], df.loc[rerun, f"reason_{lang}"])]
    return df


def region_standing(cur, *, region: str, as_of: date) -> dict:
    """Where a region is on a date: election_id, phase (None after the schedule),
    after_schedule, and its words standing_id / standing_en ('' for Pilkada 2024 inside its
    schedule)."""
    from waspada.risk.model import standing

    st = standing(cur, as_of=as_of, region_code=region)
    election = _elections_at_a_glance(cur)[st.election_id]
    return {"election_id": st.election_id, "phase": st.phase, "after_schedule": st.after_schedule,
            **{f"standing_{lang}": _standing_words(election, st.election_id, st.phase, lang) for lang in ("id", "en")}}


def reruns_on(cur, *, as_of: date, province: str | None = None) -> pd.DataFrame:
    """The re-runs whose schedule holds the date in a province or everywhere: region_code,
    region_name, election_id, phase, standing_id, standing_en (their words, as the scores
    label them)."""
    from waspada.risk.model import standing

    runs = reruns(cur, province=province)
    runs = runs[(pd.to_datetime(runs["starts_on"]).dt.date <= as_of) & (as_of <= pd.to_datetime(runs["ends_on"]).dt.date)]
    facts = _elections_at_a_glance(cur)
    rows = []
    for r in runs.itertuples(index=False):
        st = standing(cur, as_of=as_of, region_code=r.region_code)
        if st.election_id == r.election_id and st.phase is not None:
            rows.append({"region_code": r.region_code, "region_name": r.region_name, "election_id": r.election_id,
                         "phase": st.phase, **{f"standing_{lang}": _standing_words(facts[r.election_id], r.election_id,
                                                                                  st.phase, lang)
                                               for lang in ("id", "en")}})
    return pd.DataFrame(rows, columns=["region_code", "region_name", "election_id", "phase", "standing_id",
                                       "standing_en"])


def area_standing(cur, *, as_of: date) -> dict:
    """Pilkada 2024's own words for the date when it is outside its schedule, for a page
    showing an area ('di luar tahapan (setelah pelantikan, 20 Februari 2025)'): standing_id,
    standing_en, both '' inside the schedule or without one."""
    prog = phase_progress(cur, as_of=as_of)
    facts = _elections_at_a_glance(cur)
    if prog["status"] != "after" or DEFAULT_ELECTION_ID not in facts:
        return {"standing_id": "", "standing_en": ""}
    return {f"standing_{lang}": _standing_words(facts[DEFAULT_ELECTION_ID], DEFAULT_ELECTION_ID, None, lang)
            for lang in ("id", "en")}


def reruns_on_line(on: pd.DataFrame, lang: str) -> str | None:
    """The re-runs of reruns_on as one sentence ('Tahapan pemilihan ulang pada tanggal ini:
    Kabupaten Serang: ..., tahapan rekapitulasi.'); None when there is none."""
    from waspada.i18n import t

    if on.empty:
        return None
    return t("rerun_in_area", lang, list="; ".join(
        t("rerun_in_area_item", lang, region=n, standing=w)
        for n, w in zip(on["region_name"], on[standing_column(lang)])))


def standing_column(lang: str) -> str:
    return "standing_en" if lang == "en" else "standing_id"


def monitoring_span(cur, *, election_id: str = DEFAULT_ELECTION_ID) -> tuple[date | None, date | None]:
    """First and last day of an election together with its re-runs (Pilkada 2024 and the 2025
    PSU and re-elections): the range a date picker should allow so monitoring can follow a
    re-run after the parent election's schedule has ended."""
    row = cur.execute(
        "SELECT min(p.starts_on), max(p.ends_on) FROM election_phases p JOIN elections e USING (election_id)"
        " WHERE e.election_id = ? OR e.parent_election_id = ?",
        [election_id, election_id],
    ).fetchone()
    return tuple(pd.Timestamp(v).date() if v is not None else None for v in row)


# -- incidents by the taxonomy's flags and the report source (issue 13) ----------------------
# The Pilkada view counts election-related incidents and says how many others there are; a
# reader may switch to all incidents, the non-election ones, one ATHG class or one source.
# Risk scores are never filtered: they always weigh every category by data/risk_model.toml.
PILKADA_SCOPE = {"election_related": True, "athg": None, "source_kind": None}


def scope_words(scope: dict, lang: str) -> str:
    """What a taxonomy scope keeps, in words: 'Hanya terkait pemilihan · Gangguan · Polri ...'."""
    from waspada.i18n import t

    er = scope.get("election_related")
    parts = [t("filter_election_yes" if er else "filter_election_all" if er is None else "filter_election_no", lang)]
    if scope.get("athg"):
        parts.append(f"{t('filter_athg', lang)}: {t(reference.ATHG_TEXT[scope['athg']], lang)}")
    if scope.get("source_kind"):
        parts.append(f"{t('filter_source', lang)}: {source_name(scope['source_kind'], lang)}")
    return " · ".join(parts)


def source_name(source_kind: str | None, lang: str) -> str:
    """The name of a report source (sumber_laporan.csv), or the words for an unrecognised one."""
    from waspada.i18n import t

    names = reference.report_sources().set_index("source_kind")["name_en" if lang == "en" else "name_id"]
    if not source_kind or source_kind not in names.index:
        return t("source_unrecognised", lang)
    return str(names[source_kind])


def athg_name(athg: str | None, lang: str) -> str:
    """The name of an ATHG class, or the words for 'lainnya' (no class)."""
    from waspada.i18n import t

    return t(reference.ATHG_TEXT[athg], lang) if athg in reference.ATHG_TEXT else t("athg_none", lang)


def incident_breakdown(
    cur, *, start: date | None = None, end: date | None = None, province: str | None = None,
    region: str | None = None, phase: str | None = None, categories: tuple[str, ...] | list[str] | None = None,
    election_id: str = ELECTION_ID,
    election_related: bool | None = None, athg: str | None = None, source_kind: str | None = None,
) -> pd.DataFrame:
    """Incidents matching the filters totalled three ways: by = 'election' (key True, False),
    'athg' (the four classes, then '' for lainnya) and 'source' (the sources of
    sumber_laporan.csv, then '' for a source not recognised or not written); columns by,
    key, n, injured, killed. Every key is listed, zeros included, so each grouping sums to
    the same total. The flags come from the taxonomy file (reference.incident_categories)."""
    counted = cur.execute(
        f"""
        SELECT i.category, i.source_kind, count(*) AS n, sum(i.injured) AS injured, sum(i.killed) AS killed
        FROM visible_incidents i WHERE {_INCIDENT_FILTER}
        GROUP BY ALL
        """,
        _incident_params(start, end, province, region, phase, categories, election_id, election_related, athg,
                         source_kind),
    ).df()
    cats = reference.incident_categories().set_index("category")
    counted["election"] = counted["category"].map(cats["election_related"]).fillna(False).astype(bool)
    counted["athg"] = counted["category"].map(cats["athg"]).fillna("")
    known_sources = list(reference.report_sources()["source_kind"])
    counted["source"] = counted["source_kind"].where(counted["source_kind"].isin(known_sources), "")
    rows = []
    for by, keys in (("election", [True, False]), ("athg", [*reference.ATHG_CLASSES, ""]),
                     ("source", [*known_sources, ""])):
        sums = counted.groupby(by)[["n", "injured", "killed"]].sum().to_dict("index")
        for key in keys:
            got = sums.get(key, {})
            rows.append([by, key, int(got.get("n", 0)), int(got.get("injured", 0)), int(got.get("killed", 0))])
    return pd.DataFrame(rows, columns=["by", "key", "n", "injured", "killed"])


def incident_counts_by_phase(
    cur, *, start: date | None = None, end: date | None = None, province: str | None = None,
    region: str | None = None, election_id: str = ELECTION_ID,
    election_related: bool | None = None, athg: str | None = None, source_kind: str | None = None,
) -> pd.DataFrame:
    """Incidents matching the filters per election phase, in the schedule's order, every
    phase listed: phase, n, injured, killed."""
    df = cur.execute(
        f"""
        WITH inc AS (
            SELECT i.phase, count(*) AS n, sum(i.injured) AS injured, sum(i.killed) AS killed
            FROM visible_incidents i WHERE {_INCIDENT_FILTER}
            GROUP BY i.phase
        )
        SELECT p.phase, coalesce(inc.n, 0) AS n, coalesce(inc.injured, 0) AS injured,
               coalesce(inc.killed, 0) AS killed
        FROM phases p LEFT JOIN inc USING (phase)
        ORDER BY p.phase_order
        """,
        _incident_params(start, end, province, region, None, None, election_id, election_related, athg,
                         source_kind),
    ).df()
    return df.astype({"n": int, "injured": int, "killed": int})


def is_election_related(categories: pd.Series) -> pd.Series:
    """Whether each incident category is election-related (the taxonomy file decides)."""
    flags = reference.incident_categories().set_index("category")["election_related"]
    return categories.map(flags).fillna(False).astype(bool)


# -- the action register and open alerts (issue 15: waspada/actions.py) ----------------------
ACTION_COLUMNS = [
    "action_id", "region_code", "region_name", "province_code", "phase", "kind", "what", "agency", "responsible",
    "due_on", "status", "result", "done_on", "alert_id", "category", "library_id", "created_by", "created_at",
    "updated_by", "updated_at", "overdue",
]


def actions(cur, *, as_of: date, province: str | None = None, region: str | None = None, phase: str | None = None,
            statuses: tuple[str, ...] = (), overdue_only: bool = False, kind: str | None = None) -> pd.DataFrame:
    """The action register (ACTION_COLUMNS), due first: ``overdue`` is an open action (rencana,
    berjalan) whose due date is before ``as_of``. ``region`` is a kabupaten/kota or provinsi code."""
    df = cur.execute(
        """
        SELECT a.action_id, a.region_code, coalesce(r.name, a.region_code) AS region_name, a.province_code, a.phase,
               a.kind, a.what, a.agency, a.responsible, a.due_on, a.status, a.result, a.done_on, a.alert_id,
               a.category, a.library_id, a.created_by, a.created_at, a.updated_by, a.updated_at,
               (a.status IN ('rencana', 'berjalan') AND a.due_on IS NOT NULL AND a.due_on < ?) AS overdue
        FROM actions a LEFT JOIN regions r ON r.code = a.region_code
        WHERE (CAST(? AS VARCHAR) IS NULL OR a.province_code = ?)
          AND (CAST(? AS VARCHAR) IS NULL OR a.region_code = ?)
          AND (CAST(? AS VARCHAR) IS NULL OR a.phase = ?)
          AND (CAST(? AS VARCHAR) IS NULL OR a.kind = ?)
          AND (len(CAST(? AS VARCHAR[])) = 0 OR list_contains(CAST(? AS VARCHAR[]), a.status))
        ORDER BY a.due_on NULLS LAST, a.action_id
        """,
        [as_of, province, province, region, region, phase, phase, kind, kind, list(statuses), list(statuses)],
    ).df()
    if overdue_only:
        df = df[df["overdue"]]
    for col in ("due_on", "done_on"):
        df[col] = [pd.Timestamp(v).date() if pd.notna(v) else None for v in df[col]]
    return df[ACTION_COLUMNS].reset_index(drop=True)


def action_history(cur, *, action_id: int) -> pd.DataFrame:
    """Every change of one action, oldest first: at, actor, event, status_from, status_to, note."""
    return cur.execute("SELECT event_id, event_at AS at, actor, event, status_from, status_to, note FROM action_events"
                       " WHERE action_id = ? ORDER BY event_at, event_id", [int(action_id)]).df()


def actions_done(cur, *, start: date, end: date, province: str | None = None) -> pd.DataFrame:
    """Actions finished (selesai) with a done day from ``start`` to ``end``, oldest first."""
    df = actions(cur, as_of=end, province=province, statuses=("selesai",))
    df = df.loc[df["done_on"].map(lambda d: d is not None and start <= d <= end).astype(bool)]
    return df.sort_values(["done_on", "action_id"]).reset_index(drop=True)


OPEN_ALERT_COLUMNS = ["alert_id", "region_code", "region_name", "phase", "kind", "triggered_on", "reason_id",
                      "reason_en", "status", "owner", "days_open"]


def open_alerts(cur, *, as_of: date, province: str | None = None) -> pd.DataFrame:
    """Stored alerts raised by ``as_of`` and still open (baru, ditangani), oldest first, with
    their status and owner as waspada.alert_work derives them (OPEN_ALERT_COLUMNS)."""
    from waspada.alert_work import OPEN_STATUSES, alert_list

    df = alert_list(cur, province=province, as_of=as_of, statuses=OPEN_STATUSES)
    df["triggered_on"] = [pd.Timestamp(v).date() for v in df["triggered_on"]]
    df["days_open"] = [(as_of - d).days for d in df["triggered_on"]]
    df = df.sort_values(["triggered_on", "region_code"], kind="stable")
    return df[OPEN_ALERT_COLUMNS].reset_index(drop=True)
