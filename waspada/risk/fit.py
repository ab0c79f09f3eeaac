"""Fit the risk model's half-lives, weights and bands on the FIT years of the backtest only.

    python -m waspada.risk.fit [--snpk DIR] [--fit-years 1999,2000]

Loads the fit years of the SNPK history through the real loader into a temporary database
(waspada.risk.backtest), scores every kabupaten/kota each Monday with a candidate
configuration and keeps, one setting at a time (coordinate ascent, a few rounds), the value
with the highest mean of the two AUCs issue 18 asks for: an incident, and one with casualties,
in the next 14 days. Only the surge weights of counted categories are fitted (never below
0.25): a surge weight 0 is the taxonomy's decision that a category (crime, KDRT) raises no
Pilkada alert, which no fit overturns; such incidents still count in the region's norm (every
violent incident at 1 point, [incidents.*] norm), its background level of violence. Prints the fitted values
and the score thresholds after which an incident followed in 1/3, 1/2 and 2/3 of the
region-weeks, to write into data/risk_model.toml and docs/risk-model.md. The test years are
never read here: the backtest reports them afterwards.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from waspada.risk import backtest
from waspada.risk.config import IncidentWeight, RiskConfig, load_config
from waspada.risk.model import compute, phases_on

GRID = {
    "half_life_days": [7.0, 14.0, 28.0, 56.0],
    "norm_half_life_days": [90.0, 120.0, 180.0, 365.0],
    "norm_weight": [0.0, 1.0, 4.0, 8.0, 16.0, 32.0],
    "prior_fade_days": [90.0, 180.0, 365.0, 730.0, 100000.0],
    "carry_over": [0.5, 0.75, 1.0],
    "exposure_power": [0.0, 0.25, 0.5],
    "injured_points": [0.0, 0.25, 1.0],
    "killed_points": [0.0, 1.0, 5.0],
}
# a change is kept only when it raises the mean AUC by this much: smaller moves are noise of two years
MIN_GAIN = 0.002
WEIGHT_GRID = [0.25, 0.5, 1.0, 2.0, 4.0]


@dataclasses.dataclass
class Panel:
    pairs: list[tuple[dt.date, str]]
    provinces: set[str]
    outcomes: pd.DataFrame  # week, region_code, any, casualties


def load_fit_panel(directory: Path, years, workdir: Path):
    """(cursor, Panel): the fit years in a fresh database and each region-week's outcome (an
    incident in the next 14 days, as issue 18 asks; one with casualties)."""
    history = backtest.read_history(directory, years)
    db, _, _ = backtest.load_history(history, workdir, "fit")
    cur = db.reader()
    weeks = backtest.mondays()
    phase_of = phases_on(cur, weeks)
    inc = cur.execute("SELECT region_code, occurred_on, killed + injured > 0 AS hurt FROM visible_incidents").df()
    inc["day"] = pd.to_datetime(inc["occurred_on"]).map(dt.date.toordinal)
    rows = []
    for week in weeks:
        d = week.toordinal()
        ahead = inc[(inc["day"] > d) & (inc["day"] <= d + backtest.HORIZON_DAYS)]
        hit, hurt = set(ahead["region_code"]), set(ahead.loc[ahead["hurt"], "region_code"])
        rows.append((week, hit, hurt))
    return cur, Panel([(w, phase_of[w]) for w in weeks], set(history.incidents["province_code"]),
                      pd.DataFrame(rows, columns=["week", "hit", "hurt"]))


def scored(cur, panel: Panel, cfg: RiskConfig) -> pd.DataFrame:
    """Every region-week of the panel with its score and outcomes."""
    df = compute(cur, level="kabupaten_kota", pairs=panel.pairs, cfg=cfg)
    df = df[df["province_code"].isin(panel.provinces)][["as_of", "region_code", "score", "category"]]
    out = df.merge(panel.outcomes, left_on="as_of", right_on="week")
    out["any"] = [r in h for r, h in zip(out["region_code"], out["hit"])]
    out["casualties"] = [r in h for r, h in zip(out["region_code"], out["hurt"])]
    return out.drop(columns=["hit", "hurt"])


def objective(cur, panel: Panel, cfg: RiskConfig) -> float:
    df = scored(cur, panel, cfg)
    return (backtest.auc(df["score"], df["any"]) + backtest.auc(df["score"], df["casualties"])) / 2


def with_setting(cfg: RiskConfig, key: str, value: float) -> RiskConfig:
    if key.startswith("weight:"):
        cat = key.split(":", 1)[1]
        w = cfg.incidents[cat]
        return dataclasses.replace(cfg, incidents={**cfg.incidents, cat: IncidentWeight(value, w.label_id, w.label_en)})
    return dataclasses.replace(cfg, **{key: value})


def fit(cur, panel: Panel, cfg: RiskConfig, categories: list[str], rounds: int = 2, log=print) -> RiskConfig:
    """Coordinate ascent over GRID and the weights of the categories the history holds."""
    best = objective(cur, panel, cfg)
    log(f"start {best:.4f}")
    keys = [*GRID, *(f"weight:{c}" for c in categories)]
    for _ in range(rounds):
        changed = False
        for key in keys:
            values = WEIGHT_GRID if key.startswith("weight:") else GRID[key]
            for v in values:
                cand = with_setting(cfg, key, v)
                if cand == cfg:
                    continue
                score = objective(cur, panel, cand)
                if score > best + MIN_GAIN:
                    best, cfg, changed = score, cand, True
                    log(f"{key} = {v}: {best:.4f}")
        if not changed:
            break
    return cfg


def threshold_for_share(scores, outcomes, share: float) -> float:
    """The lowest score (two decimals, as shown) such that, among the region-weeks scoring at
    least that, an incident followed in at least `share` of them; NaN when no threshold does."""
    s = np.round(np.asarray(scores, dtype=float), 2)
    y = np.asarray(outcomes, dtype=bool)
    values = np.unique(s)[::-1]  # candidate thresholds, highest first
    # precision of ">= v" for every distinct shown value v
    order = np.argsort(-s, kind="mergesort")
    hits = np.cumsum(y[order])
    last = len(s) - np.searchsorted(np.sort(s), values, side="left")  # how many score >= v
    rate = hits[last - 1] / last
    ok = np.flatnonzero(rate >= share)
    return float(values[ok[-1]]) if len(ok) else float("nan")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m waspada.risk.fit")
    ap.add_argument("--snpk")
    ap.add_argument("--fit-years", default="1999,2000")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    years = [int(y) for y in args.fit_years.split(",")]
    with tempfile.TemporaryDirectory(prefix="waspada-fit-") as work:
        cur, panel = load_fit_panel(backtest.snpk_dir(args.snpk), years, Path(work))
        try:
            start = load_config()
            cats = [c for (c,) in cur.execute("SELECT DISTINCT category FROM visible_incidents ORDER BY 1").fetchall()
                    if start.incident_weight(c) > 0]
            cfg = fit(cur, panel, start, cats, args.rounds)
            df = scored(cur, panel, cfg)
            print("fitted:", {k: getattr(cfg, k) for k in GRID})
            print("weights:", {c: cfg.incidents[c].weight for c in cats})
            print("AUC any / casualties:", backtest.auc(df["score"], df["any"]), backtest.auc(df["score"], df["casualties"]))
            pressure = compute(cur, level="kabupaten_kota", pairs=panel.pairs, cfg=cfg)["pressure"]
            # scale_points does not change the ranking once the prior has faded: it sets where the
            # median region-week with reports sits on the 0-100 scale (there: 50)
            print("median pressure of region-weeks with reports (scale_points):", float(pressure[pressure > 0].median()))
            for share in (1 / 3, 1 / 2, 2 / 3):
                print(f"score after which an incident followed in {share:.2f}:", threshold_for_share(df["score"], df["any"], share))
        finally:
            cur.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
