"""The risk model's numbers, read once from data/risk_model.toml.

Everything the score, the alerts and the forward look use comes from that one file;
``RiskConfig`` is its checked, typed form and ``config_table()`` lists it (with the
file's own comments) for the method page.
"""

from __future__ import annotations

import functools
import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from waspada import reference
from waspada.paths import DATA_DIR

RISK_CONFIG_PATH = DATA_DIR / "risk_model.toml"
LEVELS = ("provinsi", "kabupaten_kota", "kecamatan")
CATEGORY_ORDER = {"rendah": 0, "sedang": 1, "tinggi": 2}


class RiskConfigError(ValueError):
    """data/risk_model.toml is missing a value or holds one the model cannot use."""


@dataclass(frozen=True)
class IncidentWeight:
    weight: float   # points in the surge kernel (what alerts and reasons point at)
    label_id: str
    label_en: str
    norm: float = 1.0  # points in the region's norm: every violent incident is part of the region's rate


@dataclass(frozen=True)
class Bands:
    sedang_from: float
    tinggi_from: float
    # Bands of the score once a region has reports, measured by the backtest (issue 18); never
    # below Bawaslu's, so a region's category is the higher of its IKP's Bawaslu band and these.
    reports_sedang_from: float | None = None
    reports_tinggi_from: float | None = None

    def category(self, score: float) -> str:
        return reference.category_of(score, self.sedang_from, self.tinggi_from)


@dataclass(frozen=True)
class RiskConfig:
    version: str
    scale_points: float
    half_life_days: float
    norm_half_life_days: float
    norm_weight: float
    prior_fade_days: float
    carry_over: float
    recent_days: int
    default_incident_weight: float
    ikp_edition: str
    default_baseline: float
    carved_out_of: dict[str, str]
    bands: dict[str, Bands]
    injured_points: float
    killed_points: float
    incidents: dict[str, IncidentWeight]
    violations: dict[str, float]
    default_violation_weight: float
    tps_election: str
    tps_fallback_election: str
    min_norm: float
    exposure_power: float
    voters_per_tps: float
    population_per_tps: float
    reference_tps: dict[str, float]
    alert_levels: tuple[str, ...]
    alert_lookback_days: int
    alert_display_days: int
    surge_incidents: dict[str, int]
    surge_history_days: int
    surge_min_history: int
    forward_horizon_days: int
    forward_phases: tuple[str, ...]
    forward_min_category: str
    path: Path = field(default=RISK_CONFIG_PATH, compare=False)
    unverified_weight: float = 1.0  # [verification]: an incident nobody has verified yet counts at this share

    @property
    def uncounted_categories(self) -> list[str]:
        """Categories with weight 0: they do not belong in the Pilkada score (a domestic case,
        an accident) and raise no alert either."""
        return sorted(c for c, w in self.incidents.items() if w.weight == 0)

    @property
    def ignored_categories(self) -> list[str]:
        """Categories that count nowhere in the score (surge weight and norm 0: disasters,
        foreigners): not even as a sign that the province reports."""
        return sorted(c for c, w in self.incidents.items() if w.weight == 0 and w.norm == 0)

    @property
    def decay_per_day(self) -> float:
        """ln 2 / half-life: weight = exp(-decay_per_day * age) = 0.5 ** (age / half_life)."""
        return math.log(2) / self.half_life_days

    @property
    def norm_decay_per_day(self) -> float:
        """ln 2 / the norm's half-life: the slow kernel that remembers the region's past year."""
        return math.log(2) / self.norm_half_life_days

    def prior_weight(self, observed_days):
        """The IKP prior's share after the province has reported for `observed_days`: 1 before
        its first report, falling linearly to 0 after prior_fade_days (numpy or float)."""
        import numpy as np

        return np.clip(1 - np.asarray(observed_days, dtype=float) / self.prior_fade_days, 0.0, 1.0)

    def category(self, score: float, level: str) -> str:
        """Bawaslu's band of a score (the IKP view; the score of a region without reports)."""
        return self.bands[level].category(score)

    def incident_weight(self, category: str) -> float:
        w = self.incidents.get(category)
        return w.weight if w else self.default_incident_weight


def _require(table: dict, key: str, where: str):
    if key not in table:
        raise RiskConfigError(f"{RISK_CONFIG_PATH.name}: [{where}] tidak memuat '{key}'.")
    return table[key]


def _positive(value, name: str, allow_zero: bool = True) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise RiskConfigError(f"{RISK_CONFIG_PATH.name}: '{name}' harus angka, tertulis {value!r}.") from None
    if not math.isfinite(v) or v < 0 or (v == 0 and not allow_zero):
        raise RiskConfigError(f"{RISK_CONFIG_PATH.name}: '{name}' harus angka {'>= 0' if allow_zero else '> 0'}, tertulis {value!r}.")
    return v


def parse_config(raw: dict, path: Path = RISK_CONFIG_PATH) -> RiskConfig:
    """Check the TOML content and turn it into a RiskConfig (errors in Bahasa Indonesia)."""
    score = _require(raw, "score", "")
    base = _require(raw, "baseline", "")
    cats = _require(raw, "categories", "")
    bands = {}
    for level in LEVELS:
        b = _require(cats, level, "categories")
        sedang = _positive(_require(b, "sedang_from", f"categories.{level}"), f"categories.{level}.sedang_from")
        tinggi = _positive(_require(b, "tinggi_from", f"categories.{level}"), f"categories.{level}.tinggi_from")
        if round(sedang, reference.SCORE_DECIMALS) != sedang or round(tinggi, reference.SCORE_DECIMALS) != tinggi:
            # Scores are compared on two decimals; a finer limit would never be met exactly.
            raise RiskConfigError(f"{path.name}: [categories.{level}] batas paling banyak dua desimal.")
        if not 0 < sedang < tinggi < 100:
            raise RiskConfigError(f"{path.name}: [categories.{level}] harus 0 < sedang_from < tinggi_from < 100.")
        r_sedang = _positive(b.get("reports_sedang_from", sedang), f"categories.{level}.reports_sedang_from")
        r_tinggi = _positive(b.get("reports_tinggi_from", tinggi), f"categories.{level}.reports_tinggi_from")
        if not (sedang <= r_sedang < r_tinggi < 100 and tinggi <= r_tinggi):
            raise RiskConfigError(f"{path.name}: [categories.{level}] reports_*_from harus >= batas Bawaslu dan "
                                  "reports_sedang_from < reports_tinggi_from < 100.")
        if round(r_sedang, reference.SCORE_DECIMALS) != r_sedang or round(r_tinggi, reference.SCORE_DECIMALS) != r_tinggi:
            raise RiskConfigError(f"{path.name}: [categories.{level}] batas paling banyak dua desimal.")
        bands[level] = Bands(sedang, tinggi, r_sedang, r_tinggi)

    incidents = {}
    for code, entry in _require(raw, "incidents", "").items():
        incidents[code] = IncidentWeight(
            _positive(_require(entry, "weight", f"incidents.{code}"), f"incidents.{code}.weight"),
            str(_require(entry, "label_id", f"incidents.{code}")),
            str(_require(entry, "label_en", f"incidents.{code}")),
            _positive(entry.get("norm", 1.0), f"incidents.{code}.norm"),
        )
    missing = sorted(set(reference.incident_categories()["category"]) - set(incidents))
    if missing:
        raise RiskConfigError(f"{path.name}: kategori insiden tanpa bobot di [incidents]: {', '.join(missing)}.")

    viol = dict(_require(raw, "violations", ""))
    default_v = _positive(viol.pop("default", 0.1), "violations.default")
    violations = {k: _positive(v, f"violations.{k}") for k, v in viol.items()}

    expo = _require(raw, "exposure", "")
    ref_tps = _require(expo, "reference_tps", "exposure")
    alerts = _require(raw, "alerts", "")
    surge = _require(alerts, "surge_incidents", "alerts")
    fwd = _require(raw, "forward", "")
    min_cat = str(_require(fwd, "min_category", "forward"))
    if min_cat not in CATEGORY_ORDER:
        raise RiskConfigError(f"{path.name}: forward.min_category harus rendah, sedang atau tinggi.")
    phases = tuple(_require(fwd, "phases", "forward"))
    unknown = sorted(set(phases) - set(reference.PHASES))
    if unknown:
        raise RiskConfigError(f"{path.name}: forward.phases memuat tahapan tak dikenal: {', '.join(unknown)}.")
    carry = _positive(_require(score, "carry_over", "score"), "score.carry_over")
    if carry > 1:
        raise RiskConfigError(f"{path.name}: score.carry_over harus antara 0 dan 1.")
    unverified = _positive(raw.get("verification", {}).get("unverified_weight", 1.0), "verification.unverified_weight")
    if unverified > 1:
        raise RiskConfigError(f"{path.name}: verification.unverified_weight harus antara 0 dan 1.")

    return RiskConfig(
        version=str(raw.get("version", "")),
        scale_points=_positive(_require(score, "scale_points", "score"), "score.scale_points", False),
        half_life_days=_positive(_require(score, "half_life_days", "score"), "score.half_life_days", False),
        norm_half_life_days=_positive(_require(score, "norm_half_life_days", "score"), "score.norm_half_life_days", False),
        norm_weight=_positive(_require(score, "norm_weight", "score"), "score.norm_weight"),
        prior_fade_days=_positive(_require(score, "prior_fade_days", "score"), "score.prior_fade_days", False),
        carry_over=carry,
        recent_days=int(_positive(_require(score, "recent_days", "score"), "score.recent_days", False)),
        default_incident_weight=_positive(score.get("default_incident_weight", 0.5), "score.default_incident_weight"),
        ikp_edition=str(_require(base, "edition", "baseline")),
        default_baseline=_positive(_require(base, "default_score", "baseline"), "baseline.default_score"),
        carved_out_of={str(k): str(v) for k, v in base.get("carved_out_of", {}).items()},
        bands=bands,
        injured_points=_positive(_require(raw["casualties"], "injured", "casualties"), "casualties.injured"),
        killed_points=_positive(_require(raw["casualties"], "killed", "casualties"), "casualties.killed"),
        incidents=incidents,
        violations=violations,
        default_violation_weight=default_v,
        tps_election=str(_require(expo, "tps_election", "exposure")),
        tps_fallback_election=str(_require(expo, "tps_fallback_election", "exposure")),
        min_norm=_positive(_require(expo, "min_norm", "exposure"), "exposure.min_norm", False),
        exposure_power=_positive(_require(expo, "power", "exposure"), "exposure.power"),
        voters_per_tps=_positive(_require(expo, "voters_per_tps", "exposure"), "exposure.voters_per_tps", False),
        population_per_tps=_positive(_require(expo, "population_per_tps", "exposure"), "exposure.population_per_tps", False),
        reference_tps={lvl: _positive(_require(ref_tps, lvl, "exposure.reference_tps"), f"exposure.reference_tps.{lvl}", False)
                       for lvl in LEVELS},
        alert_levels=tuple(_require(alerts, "levels", "alerts")),
        alert_lookback_days=int(_positive(_require(alerts, "lookback_days", "alerts"), "alerts.lookback_days", False)),
        alert_display_days=int(_positive(_require(alerts, "display_days", "alerts"), "alerts.display_days", False)),
        surge_incidents={lvl: int(_positive(v, f"alerts.surge_incidents.{lvl}", False)) for lvl, v in surge.items()},
        surge_history_days=int(_positive(_require(alerts, "surge_history_days", "alerts"), "alerts.surge_history_days", False)),
        surge_min_history=int(_positive(_require(alerts, "surge_min_history", "alerts"), "alerts.surge_min_history")),
        forward_horizon_days=int(_positive(_require(fwd, "horizon_days", "forward"), "forward.horizon_days", False)),
        forward_phases=phases,
        forward_min_category=min_cat,
        path=path,
        unverified_weight=unverified,
    )


@functools.cache
def _load(path: Path) -> RiskConfig:
    with open(path, "rb") as fh:
        return parse_config(tomllib.load(fh), path)


def load_config(path: Path | str | None = None) -> RiskConfig:
    """The risk model configuration (read once per process and path)."""
    return _load(Path(path or RISK_CONFIG_PATH).resolve())


_LINE = re.compile(r"^\s*(?P<key>[\"\w.-]+)\s*=\s*(?P<value>.*?)\s*(?:#\s*(?P<note>.*))?$")
_SECTION = re.compile(r"^\s*\[(?P<name>[^\]]+)\]")


def config_table(path: Path | str | None = None) -> list[dict]:
    """Every setting of the file as rows (section, key, value, note) for the method page.

    The note is the comment written after the value, continued on comment-only lines
    indented under it; values come from the parsed file, not from the text.
    """
    path = Path(path or RISK_CONFIG_PATH)
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    rows: list[dict] = []
    section = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _SECTION.match(line)
        if m:
            section = m.group("name").strip()
            continue
        if line.lstrip().startswith("#"):
            # a comment line indented like a note continues the previous row's note
            if rows and line.startswith(" " * 10) and rows[-1]["section"] == section:
                rows[-1]["note"] = (rows[-1]["note"] + " " + line.strip().lstrip("#").strip()).strip()
            continue
        m = _LINE.match(line)
        if not m or "#" in (m.group("key") or ""):
            continue
        key = m.group("key").strip('"')
        node = raw
        for part in [p for p in section.split(".") if p]:
            node = node.get(part, {})
        if key not in node:
            continue
        rows.append({"section": section, "key": key, "value": node[key], "note": (m.group("note") or "").strip()})
    return rows
