"""The risk score's backtest on the real SNPK history (issue 18): AUC of Waspada's score
and of the simple counts for an incident (and one with casualties) in the next 14 days,
fit years and test years apart, and the time the whole backtest takes.

The history is read from WASPADA_SNPK_DIR or ../shared/data/history/snpk (never copied
into the repository); without it the benchmark says so in one row.

    python -m benchmarks bench_backtest
"""

from __future__ import annotations

import time
from pathlib import Path

from waspada.risk import backtest

GROUPS = (("fit", (1999, 2000)), ("test", (2001, 2002)))
TARGET_AUC = 0.85  # issue 18: done when the score reaches this and beats every count


def run(workdir: Path) -> list[dict]:
    directory = backtest.snpk_dir()
    if not directory.is_dir():
        return [{"name": "backtest", "note": f"riwayat SNPK tidak ada di {directory} (WASPADA_SNPK_DIR)"}]
    rows = []
    started = time.perf_counter()
    for label, years in GROUPS:
        r = backtest.run_backtest(directory, years, workdir / label)
        span = f"{label} {years[0]}-{years[-1]}"
        for outcome, aucs, positives in (("any", r.auc_any, r.positives_any),
                                         ("casualties", r.auc_casualties, r.positives_casualties)):
            best_key = max((k for k in aucs if k != "score"), key=lambda k: aucs[k])
            rows.append({
                "name": f"backtest AUC score, {outcome} in 14 d ({span})", "value": round(aucs["score"], 3),
                "unit": "AUC", "baseline": round(aucs[best_key], 3),
                "ratio": round(aucs["score"] / aucs[best_key], 3), "target": f">= {TARGET_AUC} and > every count",
                "note": f"baseline = {best_key}; {positives}/{len(r.weeks) * r.regions} region-weeks positive",
            })
            for key in (k for k in aucs if k != "score"):
                rows.append({"name": f"backtest AUC {key}, {outcome} in 14 d ({span})",
                             "value": round(aucs[key], 3), "unit": "AUC"})
        rows.append({"name": f"backtest time ({span})", "value": round(r.seconds, 1), "unit": "s",
                     "note": f"{r.loaded} incidents loaded, {r.regions} kab/kota x {len(r.weeks)} Mondays"})
    rows.append({"name": "backtest time (both groups)", "value": round(time.perf_counter() - started, 1), "unit": "s"})
    return rows
