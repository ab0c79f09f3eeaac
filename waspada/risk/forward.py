"""Forward look: which regions enter a phase worth a warning within the next days.

For a date D, every phase of [forward] phases that starts in (D, D + horizon] is paired
with every region whose current score (the phase D falls in) or projected score for the
coming phase reaches [forward] min_category. The projection is the model's own score for
the coming phase as of D: the baseline plus the carry-over of recent incidents (no
incident of a phase that has not started can exist yet).
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from waspada.reference import DEFAULT_ELECTION_ID

from waspada.risk.config import CATEGORY_ORDER, load_config
from waspada.i18n import risk_word, t
from waspada.risk.model import compute, current_phase

FORWARD_COLUMNS = [
    "region_code", "region_name", "province_code", "next_phase", "starts_on", "days_until",
    "current_phase", "current_category", "score", "next_phase_score", "next_phase_category",
    "reason_id", "reason_en",
]


def upcoming_phases(cur, as_of: date, horizon_days: int, election_id: str = DEFAULT_ELECTION_ID) -> pd.DataFrame:
    cfg = load_config()
    return cur.execute(
        "SELECT ep.phase, ep.starts_on, p.name_id, p.name_en FROM election_phases ep JOIN phases p USING (phase)"
        " WHERE ep.election_id = ? AND ep.starts_on > ? AND ep.starts_on <= ?"
        " AND ep.phase IN (SELECT unnest(?::VARCHAR[])) ORDER BY ep.starts_on",
        [election_id, as_of, as_of + timedelta(days=horizon_days), list(cfg.forward_phases)],
    ).df()


def forward_look(cur, *, as_of: date, horizon_days: int | None = None, province: str | None = None,
                 level: str = "kabupaten_kota", election_id: str = DEFAULT_ELECTION_ID) -> pd.DataFrame:
    """Regions at risk entering a high-risk phase within horizon_days, soonest and riskiest first."""
    cfg = load_config()
    horizon = horizon_days if horizon_days is not None else cfg.forward_horizon_days
    coming = upcoming_phases(cur, as_of, horizon, election_id)
    if coming.empty:
        return pd.DataFrame(columns=FORWARD_COLUMNS)
    now_phase = current_phase(cur, as_of, election_id)
    pairs = [(as_of, now_phase)] + [(as_of, p) for p in coming["phase"] if p != now_phase]
    df = compute(cur, level=level, pairs=pairs, election_id=election_id, province=province, cfg=cfg)
    now = df[df["phase"] == now_phase].set_index("region_code")
    min_rank = CATEGORY_ORDER[cfg.forward_min_category]
    rows = []
    for c in coming.itertuples():
        nxt = df[df["phase"] == c.phase].set_index("region_code")
        starts = pd.Timestamp(c.starts_on).date()
        days_until = (starts - as_of).days
        for code, r in now.iterrows():
            n = nxt.loc[code]
            if max(CATEGORY_ORDER[r["category"]], CATEGORY_ORDER[n["category"]]) < min_rank:
                continue
            rows.append({
                "region_code": code, "region_name": r["region_name"], "province_code": r["province_code"],
                "next_phase": c.phase, "starts_on": starts, "days_until": days_until,
                "current_phase": now_phase, "current_category": r["category"], "score": float(r["score"]),
                "next_phase_score": float(n["score"]), "next_phase_category": n["category"],
                **{f"reason_{lang}": t("forward_reason", lang, category=risk_word(r["category"], lang),
                                       phase=name.lower(), days=days_until, reason=r[f"reason_{lang}"])
                   for lang, name in (("id", c.name_id), ("en", c.name_en))},
            })
    out = pd.DataFrame(rows, columns=FORWARD_COLUMNS)
    return out.sort_values(["days_until", "score"], ascending=[True, False]).reset_index(drop=True)
