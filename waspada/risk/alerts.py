"""Early-warning alerts: a category that rises, a surge of incidents, a death.

Three kinds, each on the day it happened (so a daily and a weekly refresh find the
same alerts, and the same alert is never stored twice):

* ``kategori_naik`` — a region's score in the phase of the day moves into a higher
  category than the day before (levels from [alerts] levels), unless what drives the score
  most is a category that raises no alert (weight 0: crime, KDRT count in the norm only);
* ``lonjakan_insiden`` — the number of incidents in the last ``recent_days`` reaches
  the level's threshold ([alerts.surge_incidents]) on that day, having been below it the
  day before, in a region with a norm (enough incidents in the year before);
* ``korban_jiwa`` — any incident with someone killed (its kabupaten/kota, on its date).

Surges and deaths count the incidents of the election's re-runs too (a 2025 PSU repeats
Pilkada 2024 in its regions: a death there is a Pilkada death), named in the phase of the
re-run's own schedule; category rises follow the election's own scores.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone

import pandas as pd

from waspada.reference import DEFAULT_ELECTION_ID, ELECTION_FAMILY_SQL

from waspada.i18n import fmt_date, fmt_number, risk_word, t
from waspada.risk.config import CATEGORY_ORDER, load_config
from waspada.risk.model import UNIT_OF_INCIDENT, compute, phases_on, schedule_of

ALERT_COLUMNS = [
    "alert_id", "election_id", "region_code", "region_name", "level", "province_code", "phase", "kind",
    "category", "category_prev", "score", "n_incidents", "incident_id", "reason_id", "reason_en",
    "triggered_on", "created_at",
]
_KIND_ORDER = {"korban_jiwa": 0, "kategori_naik": 1, "lonjakan_insiden": 2}
_STORED = [c for c in ALERT_COLUMNS if c != "region_name"]


def _alert_id(*parts) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:24]


def _category_rises(cur, cfg, level, start, end, election_id, province) -> list[dict]:
    days = [start - timedelta(days=1) + timedelta(days=i) for i in range((end - start).days + 2)]
    phase_of = phases_on(cur, days, election_id)
    df = compute(cur, level=level, pairs=[(d, phase_of[d]) for d in days], election_id=election_id,
                 province=province, cfg=cfg)
    df = df.sort_values(["region_code", "as_of"])
    df["rank"] = df["category"].map(CATEGORY_ORDER)
    df["rank_prev"] = df.groupby("region_code")["rank"].shift(1)
    df["category_prev"] = df.groupby("region_code")["category"].shift(1)
    rises = df[df["rank_prev"].notna() & (df["rank"] > df["rank_prev"])
               # driven by a category that raises no Pilkada alert (crime, KDRT: in the norm only): none
               & ~df["c1"].isin(cfg.uncounted_categories)]
    out = []
    for r in rises.itertuples():
        out.append({
            "alert_id": _alert_id(election_id, "kategori_naik", r.region_code, r.phase, r.as_of, r.category),
            "election_id": election_id, "region_code": r.region_code, "region_name": r.region_name,
            "level": level, "province_code": r.province_code, "phase": r.phase, "kind": "kategori_naik",
            "category": r.category, "category_prev": r.category_prev, "score": float(r.score),
            "n_incidents": None, "incident_id": None,
            **{f"reason_{lang}": t("alert_reason_rose", lang, prev=risk_word(r.category_prev, lang),
                                   now=risk_word(r.category, lang), reason=getattr(r, f"reason_{lang}"))
               for lang in ("id", "en")},
            "triggered_on": r.as_of,
        })
    return out


_SURGE_SQL = """
WITH prm AS (SELECT ?::INTEGER AS w, ?::INTEGER AS threshold, ?::DATE AS first_day, ?::DATE AS last_day,
                    ?::INTEGER AS history_days, ?::INTEGER AS min_history),
days AS (SELECT unnest(?::DATE[]) AS day),
inc AS (
    SELECT {unit} AS unit, i.occurred_on
    FROM visible_incidents i CROSS JOIN prm
    WHERE i.election_id IN {family} AND {unit} IS NOT NULL AND (?::VARCHAR IS NULL OR i.province_code = ?)
      AND i.occurred_on > prm.first_day - prm.w - 1 - prm.history_days AND i.occurred_on <= prm.last_day
      AND NOT list_contains(?::VARCHAR[], i.category)  -- weight 0: not counted in the Pilkada score
      AND i.verification_status <> 'ditolak'           -- rejected (hoaks, duplikat, ...): never counted
),
counts AS (
    -- n_now: the window (day - w, day]; n_before: the window of the day before;
    -- n_history: the region's norm, the history_days before the day before's window
    SELECT d.day, inc.unit,
        count(*) FILTER (WHERE inc.occurred_on > d.day - prm.w) AS n_now,
        count(*) FILTER (WHERE inc.occurred_on < d.day AND inc.occurred_on > d.day - prm.w - 1) AS n_before,
        count(*) FILTER (WHERE inc.occurred_on <= d.day - prm.w - 1) AS n_history
    FROM days d CROSS JOIN prm
    JOIN inc ON inc.occurred_on > d.day - prm.w - 1 - prm.history_days AND inc.occurred_on <= d.day
    GROUP BY ALL
)
SELECT c.day, c.unit AS region_code, r.name AS region_name, r.province_code, c.n_now, c.n_before, c.n_history
FROM counts c CROSS JOIN prm JOIN regions r ON r.code = c.unit
WHERE c.n_now >= prm.threshold AND c.n_before < prm.threshold AND c.n_history >= prm.min_history
ORDER BY c.day, c.unit
"""


def _surges(cur, cfg, level, start, end, election_id, province) -> list[dict]:
    """Days on which a region's count over the last recent_days reaches the threshold, in a
    region with a norm: at least surge_min_history counted incidents in the surge_history_days
    before (a first incident in a quiet region is not a surge against anything).

    n_before counts the window ending the day before, i.e. (day-1-recent, day-1].
    """
    threshold = cfg.surge_incidents.get(level)
    if not threshold:
        return []
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    window = cfg.recent_days
    sql = _SURGE_SQL.replace("{unit}", UNIT_OF_INCIDENT[level]).replace("{family}", ELECTION_FAMILY_SQL)
    rows = cur.execute(sql, [window, threshold, start, end, cfg.surge_history_days, cfg.surge_min_history, days,
                              election_id, province, province, cfg.uncounted_categories]).df()
    if rows.empty:
        return []
    phase_of = phases_on(cur, days, election_id)
    schedule = schedule_of(cur)
    out = []
    for r in rows.itertuples():
        day = pd.Timestamp(r.day).date()
        # The region's own phase where a re-vote holds the day (its campaign, not the
        # Pilkada's pelantikan); elsewhere the election's.
        kabkota = r.region_code if level == "kabupaten_kota" else None
        phase = schedule.phase_of(day, kabkota, r.province_code)[1] or phase_of[day]
        out.append({
            "alert_id": _alert_id(election_id, "lonjakan_insiden", r.region_code, day, threshold),
            "election_id": election_id, "region_code": r.region_code, "region_name": r.region_name,
            "level": level, "province_code": r.province_code, "phase": phase, "kind": "lonjakan_insiden",
            "category": None, "category_prev": None, "score": None, "n_incidents": int(r.n_now), "incident_id": None,
            **{f"reason_{lang}": t("alert_reason_surge", lang, n=r.n_now, days=window, threshold=threshold)
               for lang in ("id", "en")},
            "triggered_on": day,
        })
    return out


def _deaths(cur, cfg, start, end, election_id, province) -> list[dict]:
    rows = cur.execute(
        "SELECT i.id, i.content_hash, i.occurred_on, i.region_code, r.name AS region_name, i.province_code,"
        " i.phase, i.category, i.killed, i.injured, i.kecamatan"
        " FROM visible_incidents i JOIN regions r ON r.code = i.region_code"
        " WHERE i.election_id IN " + ELECTION_FAMILY_SQL + " AND i.killed > 0"
        " AND (?::DATE IS NULL OR i.occurred_on >= ?) AND i.occurred_on <= ?"
        " AND (?::VARCHAR IS NULL OR i.province_code = ?)"
        " AND NOT list_contains(?::VARCHAR[], i.category)"  # weight 0: not counted in the Pilkada score
        " AND i.verification_status <> 'ditolak'"  # rejected (hoaks, duplikat, ...): never counted
        " ORDER BY i.occurred_on, i.id",
        [election_id, start, start, end, province, province, cfg.uncounted_categories],
    ).df()
    out = []
    for r in rows.itertuples():
        day = pd.Timestamp(r.occurred_on).date()
        w = cfg.incidents.get(r.category)
        label_id, label_en = (w.label_id, w.label_en) if w else (r.category, r.category)
        has_kecamatan = isinstance(r.kecamatan, str) and bool(r.kecamatan)
        out.append({
            "alert_id": _alert_id(election_id, "korban_jiwa", r.content_hash),
            "election_id": election_id, "region_code": r.region_code, "region_name": r.region_name,
            "level": "kabupaten_kota", "province_code": r.province_code, "phase": r.phase, "kind": "korban_jiwa",
            "category": None, "category_prev": None, "score": None, "n_incidents": int(r.killed),
            "incident_id": int(r.id),
            **{f"reason_{lang}": t("alert_reason_death", lang, n=r.killed, label=label, date=fmt_date(day, lang),
                                   where=t("alert_where_kecamatan", lang, kecamatan=r.kecamatan) if has_kecamatan else "")
               for lang, label in (("id", label_id), ("en", label_en))},
            "triggered_on": day,
        })
    return out


def compute_alerts(cur, *, start: date | None, end: date, province: str | None = None,
                   election_id: str = DEFAULT_ELECTION_ID) -> pd.DataFrame:
    """Alerts triggered on days start..end (start None: every death up to end, and
    rises and surges over the configured lookback)."""
    cfg = load_config()
    window_start = start or end - timedelta(days=cfg.alert_lookback_days - 1)
    rows: list[dict] = []
    for level in cfg.alert_levels:
        rows += _category_rises(cur, cfg, level, window_start, end, election_id, province)
        rows += _surges(cur, cfg, level, window_start, end, election_id, province)
    rows += _deaths(cur, cfg, start, end, election_id, province)
    df = pd.DataFrame(rows, columns=[c for c in ALERT_COLUMNS if c != "created_at"])
    df["kind_order"] = df["kind"].map(_KIND_ORDER)
    df = df.sort_values(["triggered_on", "kind_order", "score"], ascending=[False, True, False], na_position="last")
    return df.drop(columns="kind_order").reset_index(drop=True)


def refresh_alerts(con, as_of: date, election_id: str = DEFAULT_ELECTION_ID) -> int:
    """Store the alerts raised up to as_of; returns how many were new.

    Takes the writer connection of Database.writer() (call it after every load). Deaths
    are stored whatever their date; rises and surges are scanned day by day over the last
    [alerts] lookback_days. Alerts already stored are left as they are (created_at kept).
    """
    df = compute_alerts(con, start=None, end=as_of, election_id=election_id)
    if df.empty:
        return 0
    df = df.drop(columns="region_name").assign(created_at=datetime.now(timezone.utc))
    df["triggered_on"] = pd.to_datetime(df["triggered_on"]).dt.date
    df["n_incidents"] = df["n_incidents"].astype("Int64")
    df["incident_id"] = df["incident_id"].astype("Int64")
    before = con.execute("SELECT count(*) FROM alerts").fetchall()[0][0]
    con.register("_risk_alerts", df[_STORED])
    try:
        con.execute("INSERT INTO alerts (" + ", ".join(_STORED) + ") SELECT " + ", ".join(_STORED)
                    + " FROM _risk_alerts ON CONFLICT DO NOTHING")
    finally:
        con.unregister("_risk_alerts")
    return con.execute("SELECT count(*) FROM alerts").fetchall()[0][0] - before


def current_alerts(cur, *, as_of: date, province: str | None = None, election_id: str = DEFAULT_ELECTION_ID,
                   days: int | None = None) -> pd.DataFrame:
    """Alerts triggered in the last [alerts] display_days up to as_of, newest first.

    Computed from the data (so any date works); created_at comes from the alerts table
    when refresh_alerts() stored the alert (NaT when it has not been stored yet), so a
    briefing can show what is new since its last meeting.
    """
    cfg = load_config()
    days = days or cfg.alert_display_days
    df = compute_alerts(cur, start=as_of - timedelta(days=days - 1), end=as_of, province=province,
                        election_id=election_id)
    stored = pd.DataFrame(columns=["alert_id", "created_at"])
    if not df.empty:
        stored = cur.execute("SELECT alert_id, created_at FROM alerts WHERE alert_id IN (SELECT unnest(?::VARCHAR[]))",
                             [df["alert_id"].tolist()]).df()
    out = df.merge(stored, on="alert_id", how="left")
    return out[ALERT_COLUMNS]


def alert_summary(alerts: pd.DataFrame, lang: str = "id") -> str:
    """'3 peringatan: 1 korban jiwa, 2 kategori naik' for a briefing header."""
    if alerts.empty:
        return t("alert_summary_none", lang)
    words = {"korban_jiwa": t("alert_word_korban_jiwa", lang), "kategori_naik": t("alert_word_kategori_naik", lang),
             "lonjakan_insiden": t("alert_word_lonjakan_insiden", lang)}
    counts = alerts["kind"].value_counts()
    parts = ", ".join(f"{fmt_number(counts[k])} {words[k]}" for k in _KIND_ORDER if k in counts)
    return t("alert_summary_one" if len(alerts) == 1 else "alert_summary", lang, n=fmt_number(len(alerts)), parts=parts)


def refresh_alerts_after_load(con, election_id: str = DEFAULT_ELECTION_ID, since: date | None = None) -> int:
    """refresh_alerts as of the newest incident (or today, if that is earlier): what every
    load calls inside its transaction. Loads often arrive after the fact (a weekly report,
    or a past election's logs), so 'today' alone would scan an empty window.

    ``since``: also scan every earlier day from there, one lookback window at a time, so a
    load that covers months (the sample) stores the rises and surges of all its days, as
    weekly loads would have."""
    latest = con.execute("SELECT max(occurred_on) FROM visible_incidents WHERE election_id IN " + ELECTION_FAMILY_SQL,
                         [election_id]).fetchall()[0][0]
    if latest is None:
        return 0
    end = min(latest, date.today())
    new = 0
    if since is not None:
        step = timedelta(days=load_config().alert_lookback_days)
        day = since + step - timedelta(days=1)
        while day < end:
            new += refresh_alerts(con, day, election_id=election_id)
            day += step
    return new + refresh_alerts(con, end, election_id=election_id)
