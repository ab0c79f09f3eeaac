"""Backtest of the risk score on real history: does it rank where trouble comes next?

The SNPK history (violent incidents 1997-2002, see its README beside the files) is read
from a directory outside the repository (never copied in), its years moved into the
Pilkada 2024 calendar, written as the incident file staff send and loaded through the real
parser and store into a temporary database built without the sample. Every kabupaten/kota
of the provinces the history covers is then scored each Monday from June to December 2024
in the phase of that day, and the ranking is compared with simple counts of the region's
past incidents by AUC (issue 18).

    result = run_backtest(snpk_dir, years=(2001, 2002), workdir=tmp)
    markdown_report([fit, test], lang="en")
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from waspada import queries, reference
from waspada.i18n import MessageError, t
from waspada.paths import ROOT

SNPK_ENV = "WASPADA_SNPK_DIR"
DEFAULT_SNPK_DIR = ROOT.parent / "shared" / "data" / "history" / "snpk"
TARGET_YEAR = 2024
HORIZON_DAYS = 14
COUNT_WINDOWS = (14, 28, 90, 365)
FIRST_DAY = dt.date(TARGET_YEAR, 6, 1)
LAST_OUTCOME_DAY = dt.date(TARGET_YEAR, 12, 31)
UPLOADED_BY = "backtest"

# SNPK's meta category (meta_tp_kek1_new) as the words an officer would write in jenis_kejadian.
SNPK_CATEGORIES = {
    "88880": "Motif Tidak Jelas", "88881": "Konflik Sumber Daya", "88882": "Tata Kelola Pemerintahan",
    "88883": "Pemilu & Jabatan", "88884": "Konflik Identitas", "88885": "Main Hakim Sendiri",
    "88886": "Aparat Keamanan", "88887": "Kriminalitas", "88888": "KDRT", "88889": "Lainnya",
}
# BPS province codes of the SNPK files -> Kemendagri provinces that now hold their regions
# (Papua Barat and Papua were split in 2022); any other code is the same in both.
PROVINCE_SUCCESSORS = {"91": {"92", "96"}, "94": {"91", "93", "94", "95"}}
# The provinces SNPK's first phase monitored (BPS codes; its README); an incident coded
# elsewhere (two in Medan) is dropped, so that a province with no monitoring is not scored.
MONITORED_PROVINCES = {"11", "53", "61", "62", "72", "81", "82", "91", "94"}
# Regions renamed since the data was coded (SNPK name key -> Kemendagri short-name key).
RENAMED = {("kabupaten", "PONTIANAK"): "MEMPAWAH", ("kabupaten", "MALUKUTENGGARABARAT"): "KEPULAUANTANIMBAR",
           ("kabupaten", "MOROTAI"): "PULAUMOROTAI"}
# SNPK codes ending 99xx mark incidents placed in a province but no kabupaten/kota.
_NO_KABKOTA = re.compile(r"^9999\d\d$")


class BacktestError(MessageError):
    """The history cannot be read (directory, year file or columns missing)."""


# -- AUC ---------------------------------------------------------------------------------------
def auc(scores, outcomes) -> float:
    """Mann-Whitney AUC: the chance that a random positive outranks a random negative, a tie
    counting one half. NaN when there is no positive or no negative."""
    s = np.asarray(scores, dtype=float)
    y = np.asarray(outcomes, dtype=bool)
    n_pos, n_neg = int(y.sum()), int((~y).sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    order = np.argsort(s, kind="mergesort")
    sorted_s = s[order]
    # Mid-ranks (1-based): every member of a run of equal scores gets the run's mean rank.
    starts = np.flatnonzero(np.r_[True, sorted_s[1:] != sorted_s[:-1]])
    ends = np.r_[starts[1:], len(s)]
    ranks = np.empty(len(s))
    ranks[order] = np.repeat((starts + ends + 1) / 2.0, ends - starts)
    u = ranks[y].sum() - n_pos * (n_pos + 1) / 2.0
    return float(u / (n_pos * n_neg))


# -- reading the history -----------------------------------------------------------------------
def snpk_dir(option: str | None = None) -> Path:
    """--snpk, else $WASPADA_SNPK_DIR, else ../shared/data/history/snpk beside the repository."""
    return Path(option or os.environ.get(SNPK_ENV) or DEFAULT_SNPK_DIR)


def _name_key(name: str) -> str:
    words = name.upper().split()
    while words and words[0] in ("KAB", "KAB.", "KABUPATEN", "KOTA"):
        words = words[1:]
    return re.sub(r"[^A-Z0-9]", "", "".join(words))


def _kabkota_index() -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(kind 'kota'|'kabupaten', name key) -> [(dotted code, province code)] of today's regions."""
    regions = reference.regions()
    index: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for r in regions[regions["level"] == "kabupaten_kota"].itertuples(index=False):
        kind = "kota" if r.kind.startswith("kota") else "kabupaten"
        index.setdefault((kind, _name_key(r.short_name)), []).append((r.code, r.province_code))
    return index


def map_region(bps_code: str, name: str, bps_province: str, index=None) -> tuple[str | None, str]:
    """(Kemendagri dotted code, '') or (None, reason). By NAME within the province, not by the
    BPS code: BPS numbers many regions differently (BPS 1108 is Aceh Besar, Kemendagri 11.08
    Aceh Utara). Reasons: 'outside_monitored', 'no_kabkota',
    'unknown_region', 'ambiguous_region'."""
    index = index if index is not None else _kabkota_index()
    if bps_province not in MONITORED_PROVINCES:
        return None, "outside_monitored"
    if _NO_KABKOTA.match(bps_code) or not name.strip():
        return None, "no_kabkota"
    kind = "kota" if len(bps_code) == 4 and bps_code[2:].isdigit() and int(bps_code[2:]) >= 71 else "kabupaten"
    key = _name_key(name)
    key = RENAMED.get((kind, key), key)
    allowed = PROVINCE_SUCCESSORS.get(bps_province, {bps_province})
    hits = [code for code, prov in index.get((kind, key), []) if prov in allowed]
    if not hits:
        return None, "unknown_region"
    if len(hits) > 1:
        return None, "ambiguous_region"
    return hits[0], ""


def move_year(day: dt.date, years: int) -> dt.date:
    """The same day and month `years` later; 29 February into a common year becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclass
class History:
    """Incidents of the chosen years, moved by `shift` years, with what was dropped and why."""
    years: tuple[int, ...]
    shift: int
    incidents: pd.DataFrame  # snpk_id, original_on, occurred_on, region_code, province_code, category_text, killed, injured
    read: int = 0
    dropped: dict[str, int] = field(default_factory=dict)


def _year_file(directory: Path, year: int) -> Path:
    files = sorted(directory.glob(f"DATA_SNPK_{year}_*.csv"))
    if not files:
        raise BacktestError("backtest_year_missing", year=year, directory=str(directory))
    return files[0]


def _count(value: str) -> int:
    try:
        return max(int(float(value or 0)), 0)
    except ValueError:
        return 0


def read_history(directory: Path, years, target_year: int = TARGET_YEAR) -> History:
    """Read the SNPK files of `years` (Latin-1, quoted, dd/mm/yyyy), map regions and move the
    dates so that the last year falls in target_year (same day and month)."""
    years = tuple(sorted(set(int(y) for y in years)))
    if not years:
        raise BacktestError("backtest_no_years")
    directory = Path(directory)
    if not directory.is_dir():
        raise BacktestError("backtest_dir_missing", directory=str(directory))
    shift = target_year - years[-1]
    index = _kabkota_index()
    rows, dropped, read = [], {}, 0
    for year in years:
        with _year_file(directory, year).open(encoding="cp1252", newline="") as f:
            reader = csv.DictReader(f)
            need = {"tanggal_kejadian", "kodebpskab", "kabupaten", "kodebpsprop", "kil_total", "inj_total",
                    "meta_tp_kek1_new", "idkejadian"}
            if not need <= set(reader.fieldnames or ()):
                raise BacktestError("backtest_columns_missing", year=year,
                                    columns=", ".join(sorted(need - set(reader.fieldnames or ()))))
            for rec in reader:
                read += 1
                try:
                    original = dt.datetime.strptime(rec["tanggal_kejadian"].strip(), "%d/%m/%Y").date()
                except ValueError:
                    dropped["bad_date"] = dropped.get("bad_date", 0) + 1
                    continue
                code, reason = map_region(rec["kodebpskab"].strip(), rec["kabupaten"], rec["kodebpsprop"].strip(), index)
                if code is None:
                    dropped[reason] = dropped.get(reason, 0) + 1
                    continue
                rows.append({
                    "snpk_id": rec["idkejadian"].strip(), "original_on": original,
                    "occurred_on": move_year(original, shift), "region_code": code,
                    "province_code": code.split(".")[0],
                    "category_text": SNPK_CATEGORIES.get(rec["meta_tp_kek1_new"].strip(), "Lainnya"),
                    "killed": _count(rec["kil_total"]), "injured": _count(rec["inj_total"]),
                })
    cols = ["snpk_id", "original_on", "occurred_on", "region_code", "province_code", "category_text", "killed", "injured"]
    return History(years, shift, pd.DataFrame(rows, columns=cols), read, dropped)


def write_incident_file(history: History, path: Path) -> Path:
    """The incidents as staff send them (the template's columns, dd/mm/yyyy, region by code)."""
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["tanggal", "provinsi", "kabupaten_kota", "jenis_kejadian", "uraian", "korban_luka",
                    "korban_meninggal", "sumber"])
        for r in history.incidents.itertuples(index=False):
            w.writerow([f"{r.occurred_on:%d/%m/%Y}", r.province_code, r.region_code, r.category_text,
                        f"Insiden SNPK {r.snpk_id} ({r.original_on:%d/%m/%Y})", r.injured, r.killed, "SNPK"])
    return path


# -- scoring and measuring ---------------------------------------------------------------------
def mondays(first: dt.date = FIRST_DAY, last_outcome: dt.date = LAST_OUTCOME_DAY,
            horizon: int = HORIZON_DAYS) -> list[dt.date]:
    """Every Monday from `first` whose next `horizon` days end by `last_outcome`."""
    day = first + dt.timedelta(days=(7 - first.weekday()) % 7)
    out = []
    while day + dt.timedelta(days=horizon) <= last_outcome:
        out.append(day)
        day += dt.timedelta(days=7)
    return out


@dataclass
class Result:
    years: tuple[int, ...]
    shift: int
    read: int
    dropped: dict[str, int]
    loaded: int
    categories: dict[str, int]  # taxonomy category the parser gave -> incidents
    regions: int
    weeks: list[dt.date]
    auc_any: dict[str, float]
    auc_casualties: dict[str, float]
    positives_any: int
    positives_casualties: int
    tinggi_share: dict[dt.date, float]
    alerts: pd.DataFrame  # kind, level, alerts, followed, share
    # the headline outcome: an incident of a category the score counts (weight > 0)
    auc_counted: dict[str, float] = field(default_factory=dict)
    auc_counted_casualties: dict[str, float] = field(default_factory=dict)
    positives_counted: int = 0
    bands: pd.DataFrame = field(default_factory=pd.DataFrame)  # category, region_weeks, followed, share
    seconds: float = 0.0
    # every kabupaten/kota of the country, most in provinces that sent no report (run_backtest(national=True))
    auc_any_national: dict[str, float] = field(default_factory=dict)
    auc_casualties_national: dict[str, float] = field(default_factory=dict)


def _day_arrays(df: pd.DataFrame, key: str) -> dict[str, np.ndarray]:
    return {k: np.sort(g["day"].to_numpy()) for k, g in df.groupby(key)}


def _between(days: np.ndarray | None, lo: int, hi: int) -> int:
    """How many of the sorted day numbers lie in [lo, hi]."""
    if days is None:
        return 0
    return int(np.searchsorted(days, hi, side="right") - np.searchsorted(days, lo, side="left"))


OUTCOMES = ("counted", "counted_casualties", "any", "casualties")


def measure(cur, weeks: list[dt.date], provinces: set[str] | None = None, horizon: int = HORIZON_DAYS,
            last_outcome: dt.date = LAST_OUTCOME_DAY) -> dict:
    """Score every kabupaten/kota (of `provinces`, or all) each week in the phase of that day
    and compare with counts; outcomes are incidents in the `horizon` days after the Monday.

    Two outcomes, each also with casualties: (the headline, as issue 18 asks) any incident, and
    an incident of a category that raises Pilkada alerts (weight > 0; crime and KDRT count in
    the norm only). The counts it is compared with are of every incident and of those."""
    from waspada import risk
    from waspada.risk.alerts import compute_alerts
    from waspada.risk.config import load_config

    uncounted = load_config().uncounted_categories
    inc = cur.execute("SELECT region_code, province_code, category, occurred_on, killed, injured"
                      " FROM visible_incidents").df()
    inc["day"] = pd.to_datetime(inc["occurred_on"]).map(dt.date.toordinal) if len(inc) else []
    counted = inc[~inc["category"].isin(uncounted)]
    hurt = (inc["killed"] > 0) | (inc["injured"] > 0)
    by = {"any": _day_arrays(inc, "region_code"), "casualties": _day_arrays(inc[hurt], "region_code"),
          "counted": _day_arrays(counted, "region_code"),
          "counted_casualties": _day_arrays(counted[hurt.loc[counted.index]], "region_code")}
    rows = []
    tinggi = {}
    for week in weeks:
        phase = risk.current_phase(cur, week)
        df = queries.risk_scores(cur, as_of=week, phase=phase)
        if provinces is not None:
            df = df[df["province_code"].isin(provinces)]
        tinggi[week] = float((df["category"] == "tinggi").mean()) if len(df) else float("nan")
        d = week.toordinal()
        for r in df.itertuples(index=False):
            row = {"week": week, "region_code": r.region_code, "score": float(r.score), "category": r.category}
            for outcome in OUTCOMES:
                row[outcome] = _between(by[outcome].get(r.region_code), d + 1, d + horizon) > 0
            for w in COUNT_WINDOWS:
                row[f"count_{w}"] = _between(by["any"].get(r.region_code), d - w + 1, d)
                row[f"counted_count_{w}"] = _between(by["counted"].get(r.region_code), d - w + 1, d)
            rows.append(row)
    panel = pd.DataFrame(rows)
    predictors = ["score", *(f"count_{w}" for w in COUNT_WINDOWS), *(f"counted_count_{w}" for w in COUNT_WINDOWS)]
    out = {"panel": panel, "tinggi_share": tinggi,
           **{f"auc_{o}": {p: auc(panel[p], panel[o]) for p in predictors} if len(panel) else
              {p: float("nan") for p in predictors} for o in OUTCOMES}}
    # What each band means: the share of its region-weeks followed by an incident (the bands'
    # thresholds were fitted on this outcome).
    bands = pd.DataFrame(columns=["category", "region_weeks", "followed", "share"])
    if len(panel):
        bands = (panel.groupby("category").agg(region_weeks=("any", "size"), followed=("any", "sum"))
                 .reindex(["rendah", "sedang", "tinggi"]).fillna(0).astype(int).reset_index())
        bands["share"] = bands["followed"] / bands["region_weeks"].where(bands["region_weeks"] > 0)
    out["bands"] = bands
    # Alerts raised from the first Monday to the end of the last scored week (while a full
    # `horizon` of outcomes follows): was the alert's region hit within `horizon` days after
    # (by an incident the score counts)?
    alerts = pd.DataFrame()
    if weeks:
        end = min(weeks[-1] + dt.timedelta(days=6), last_outcome - dt.timedelta(days=horizon))
        alerts = compute_alerts(cur, start=weeks[0], end=end)
    by_province = _day_arrays(counted, "province_code")
    counts = []
    if len(alerts):
        if provinces is not None:
            alerts = alerts[alerts["province_code"].isin(provinces)]
        for a in alerts.itertuples(index=False):
            d = pd.Timestamp(a.triggered_on).date().toordinal()
            days = by_province.get(a.region_code) if a.level == "provinsi" else by["counted"].get(a.region_code)
            counts.append({"kind": a.kind, "level": a.level, "followed": _between(days, d + 1, d + horizon) > 0})
    table = pd.DataFrame(counts, columns=["kind", "level", "followed"])
    out["alerts"] = (table.groupby(["kind", "level"]).agg(alerts=("followed", "size"), followed=("followed", "sum"))
                     .reset_index())
    out["alerts"]["share"] = out["alerts"]["followed"] / out["alerts"]["alerts"]
    return out


def load_history(history: History, workdir: Path, tag: str):
    """(Database, ParseReport, StoreResult): `history` written as staff send it and loaded
    through the real parser and store into a fresh database without the sample."""
    from etl.build import build_database
    from waspada.db import Database
    from waspada.ingest import parse_incident_file, store_incidents

    path = write_incident_file(history, Path(workdir) / f"insiden_snpk_{tag}.csv")
    db_path = Path(workdir) / f"backtest_{tag}.duckdb"
    build_database(db_path, sample=False)
    db = Database(db_path)
    report = parse_incident_file(path, path.name, db=db)
    stored = store_incidents(db, report, path, uploaded_by=UPLOADED_BY)
    # SNPK is a curated record, checked by its researchers: stored as verified, as an office's
    # checked reports are (else [verification] unverified_weight would scale all history alike).
    with db.writer() as con:
        con.execute("INSERT INTO incident_verifications (incident_key, incident_id, status, decided_by, decided_at)"
                    " SELECT content_hash, id, 'terverifikasi', ?, now() FROM visible_incidents", [UPLOADED_BY])
    return db, report, stored


def run_backtest(directory: Path, years, workdir: Path, weeks: list[dt.date] | None = None,
                 target_year: int = TARGET_YEAR, national: bool = False) -> Result:
    """The whole backtest for one group of years in a fresh database under workdir.
    national: also rank every kabupaten/kota of the country (those of provinces without a
    report keep their IKP as the score) against the same counts."""
    started = time.perf_counter()
    history = read_history(directory, years, target_year)
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    tag = "-".join(str(y) for y in history.years)
    db, report, stored = load_history(history, workdir, tag)
    weeks = weeks if weeks is not None else mondays()
    cur = db.reader()
    try:
        provinces = set(history.incidents["province_code"])
        m = measure(cur, weeks, provinces)
        nat = measure(cur, weeks, None) if national else {}
        categories = dict(cur.execute("SELECT category, count(*) FROM visible_incidents GROUP BY 1 ORDER BY 2 DESC")
                          .fetchall())
    finally:
        cur.close()
    panel = m["panel"]
    return Result(
        years=history.years, shift=history.shift, read=history.read,
        dropped={**history.dropped, **({"refused_by_loader": report.refused_rows} if report.refused_rows else {}),
                 **({"duplicate": len(history.incidents) - report.refused_rows - stored.new}
                    if len(history.incidents) - report.refused_rows - stored.new else {})},
        loaded=stored.new, categories=categories, regions=int(panel["region_code"].nunique()) if len(panel) else 0,
        weeks=weeks, auc_any=m["auc_any"], auc_casualties=m["auc_casualties"],
        positives_any=int(panel["any"].sum()) if len(panel) else 0,
        positives_casualties=int(panel["casualties"].sum()) if len(panel) else 0,
        tinggi_share=m["tinggi_share"], alerts=m["alerts"],
        auc_counted=m["auc_counted"], auc_counted_casualties=m["auc_counted_casualties"],
        positives_counted=int(panel["counted"].sum()) if len(panel) else 0, bands=m["bands"],
        seconds=time.perf_counter() - started,
        auc_any_national=nat.get("auc_any", {}), auc_casualties_national=nat.get("auc_casualties", {}),
    )


# -- the report ------------------------------------------------------------------------------
def _f(value: float, decimals: int = 3) -> str:
    return "–" if value is None or value != value else f"{value:.{decimals}f}"


def markdown_report(results: list[Result], labels: list[str], lang: str = "id") -> str:
    """One Markdown report: the AUC table, the data behind it, tinggi per week, alert precision."""
    heads = [f"{label} {min(r.years)}–{max(r.years)}" if len(r.years) > 1 else f"{label} {r.years[0]}"
             for r, label in zip(results, labels)]
    names = {"score": t("backtest_row_score", lang),
             **{f"count_{w}": t("backtest_row_count", lang, days=w) for w in COUNT_WINDOWS},
             **{f"counted_count_{w}": t("backtest_row_counted_count", lang, days=w) for w in COUNT_WINDOWS}}
    lines: list[str] = []
    for title, first, second, col_keys in (
            ("backtest_auc_title", "auc_any", "auc_casualties", ("backtest_auc_any", "backtest_auc_casualties")),
            ("backtest_auc_counted_title", "auc_counted", "auc_counted_casualties",
             ("backtest_auc_counted", "backtest_auc_counted_casualties"))):
        lines += [f"### {t(title, lang, horizon=HORIZON_DAYS)}", ""]
        cols = [t("backtest_ranking_by", lang)]
        for h in heads:
            cols += [t(col_keys[0], lang, group=h), t(col_keys[1], lang, group=h)]
        lines += ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
        for key, name in names.items():
            cells = [name]
            for r in results:
                cells += [_f(getattr(r, first).get(key, float("nan"))), _f(getattr(r, second).get(key, float("nan")))]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    national = [(h, r) for h, r in zip(heads, results) if r.auc_any_national]
    if national:
        lines += [f"### {t('backtest_national_title', lang, horizon=HORIZON_DAYS)}", ""]
        cols = [t("backtest_ranking_by", lang)]
        for h, _ in national:
            cols += [t("backtest_auc_any", lang, group=h), t("backtest_auc_casualties", lang, group=h)]
        lines += ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
        for key in ("score", *(f"count_{w}" for w in COUNT_WINDOWS)):
            cells = [names[key]]
            for _, r in national:
                cells += [_f(r.auc_any_national.get(key, float("nan"))), _f(r.auc_casualties_national.get(key, float("nan")))]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    lines += [f"### {t('backtest_data_title', lang)}", ""]
    lines += ["| | " + " | ".join(heads) + " |", "|" + "---|" * (len(heads) + 1)]

    def row(key, values):
        lines.append("| " + t(key, lang) + " | " + " | ".join(values) + " |")

    row("backtest_shift", [f"+{r.shift}" for r in results])
    row("backtest_read", [str(r.read) for r in results])
    row("backtest_dropped", ["; ".join(f"{k} {v}" for k, v in sorted(r.dropped.items())) or "0" for r in results])
    row("backtest_loaded", [str(r.loaded) for r in results])
    row("backtest_categories", [", ".join(f"{k} {v}" for k, v in r.categories.items()) for r in results])
    row("backtest_regions", [str(r.regions) for r in results])
    row("backtest_weeks", [f"{len(r.weeks)} ({r.weeks[0]:%d/%m}–{r.weeks[-1]:%d/%m/%Y})" if r.weeks else "0"
                           for r in results])
    row("backtest_positives", [f"{r.positives_counted} / {r.positives_any} / {r.positives_casualties} / "
                               f"{r.regions * len(r.weeks)}" for r in results])
    row("backtest_seconds", [f"{r.seconds:.1f}" for r in results])
    lines += ["", f"### {t('backtest_tinggi_title', lang)}", ""]
    lines += ["| " + t("backtest_week", lang) + " | " + " | ".join(heads) + " |", "|" + "---|" * (len(heads) + 1)]
    weeks = sorted({w for r in results for w in r.weeks})
    for w in weeks:
        lines.append(f"| {w:%d/%m/%Y} | " + " | ".join(_f(100 * r.tinggi_share.get(w, float('nan')), 1) + " %"
                                                        for r in results) + " |")
    lines += ["", f"### {t('backtest_bands_title', lang, horizon=HORIZON_DAYS)}", ""]
    lines += ["| " + t("backtest_band", lang) + " | " + " | ".join(heads) + " |", "|" + "---|" * (len(heads) + 1)]
    for cat in ("tinggi", "sedang", "rendah"):
        cells = []
        for r in results:
            hit = r.bands[r.bands["category"] == cat] if len(r.bands) else r.bands
            cells.append("–" if hit.empty or not int(hit["region_weeks"].iloc[0]) else
                         f"{int(hit['followed'].iloc[0])}/{int(hit['region_weeks'].iloc[0])} ({_f(hit['share'].iloc[0], 2)})")
        lines.append(f"| {cat} | " + " | ".join(cells) + " |")
    lines += ["", f"### {t('backtest_alerts_title', lang, horizon=HORIZON_DAYS)}", ""]
    lines += ["| " + t("backtest_alert_kind", lang) + " | " + " | ".join(heads) + " |",
              "|" + "---|" * (len(heads) + 1)]
    kinds = sorted({(a.kind, a.level) for r in results for a in r.alerts.itertuples(index=False)})
    for kind, level in kinds:
        cells = []
        for r in results:
            hit = r.alerts[(r.alerts["kind"] == kind) & (r.alerts["level"] == level)]
            cells.append("–" if hit.empty else
                         f"{int(hit['followed'].iloc[0])}/{int(hit['alerts'].iloc[0])} ({_f(hit['share'].iloc[0], 2)})")
        lines.append(f"| {kind} ({level}) | " + " | ".join(cells) + " |")
    lines += ["", t("backtest_notes", lang, horizon=HORIZON_DAYS)]
    return "\n".join(lines) + "\n"


__all__ = ["BacktestError", "COUNT_WINDOWS", "DEFAULT_SNPK_DIR", "HORIZON_DAYS", "History", "Result", "SNPK_ENV",
           "OUTCOMES", "auc", "map_region", "markdown_report", "measure", "mondays", "move_year", "read_history",
           "run_backtest", "snpk_dir", "write_incident_file"]
