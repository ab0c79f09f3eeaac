"""Risk score per region and phase, as of a date: one DuckDB query for a whole level.

The method (docs/risk-model.md, numbers in data/risk_model.toml):

    score = 100 * (1 - (1 - b) * 0.5 ** (pressure / half_gap_points))
    b        = baseline / 100, the region's IKP 2024 total (borrowed when it has none)
    pressure = (incident points + violation points) / exposure_norm
    incident points = (category weight + injured * w_injured + killed * w_killed)
                      * 0.5 ** (age_days / half_life_days) * (1, or carry_over for an earlier phase)
    exposure_norm = max(min_norm, sqrt(TPS / reference_tps[level]))

No reports -> pressure 0 -> score = baseline exactly. The score rises with every point,
never reaches 100, and the part above the baseline is shared among the components in
proportion to their points, so baseline + components = score exactly.

Which incidents count for phase P as of date D: incidents with occurred_on <= min(D, end of
P) whose stage is P (full weight) or an earlier phase (carry_over share), decayed to
min(D, end of P). A finished phase keeps the score it had at its end; a phase not yet
started shows the baseline plus what is carried over from the phases before it.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from waspada.i18n import fmt_number
from waspada.risk.config import LEVELS, RiskConfig, load_config

VIOLATIONS_COMPONENT = "pelanggaran"
BASELINE_COMPONENT = "baseline"

# Identifiers cannot be parameters: the level picks one of these fixed fragments.
_UNIT_OF_INCIDENT = {
    "provinsi": "i.province_code",
    "kabupaten_kota": "i.region_code",
    "kecamatan": "i.kecamatan_code",
}
_UNIT_OF_REGION = {
    "provinsi": "r.province_code",
    "kabupaten_kota": "r.kabkota_code",
    "kecamatan": "CASE WHEN r.level = 'kecamatan' THEN r.code END",
}

SCORE_COLUMNS = [
    "region_code", "region_name", "level", "province_code", "phase", "score", "category",
    "baseline_points", "incident_points", "violation_points", "n_incidents", "injured", "killed",
    "has_reports", "reason_id", "reason_en",
    # for the method and profile pages
    "as_of", "baseline", "baseline_source", "baseline_generated", "exposure_tps", "exposure_source",
    "exposure_norm", "raw_points", "pressure", "n_recent", "n_carried", "violation_reports",
]

_SQL = """
WITH
cfg AS (
    SELECT ?::DOUBLE AS lam, ?::DOUBLE AS half_gap, ?::DOUBLE AS carry, ?::INTEGER AS recent,
           ?::DOUBLE AS w_default, ?::DOUBLE AS w_injured, ?::DOUBLE AS w_killed, ?::DOUBLE AS v_default,
           ?::DOUBLE AS p_sedang, ?::DOUBLE AS p_tinggi, ?::DOUBLE AS l_sedang, ?::DOUBLE AS l_tinggi,
           ?::DOUBLE AS default_base, ?::DOUBLE AS min_norm, ?::DOUBLE AS ref_tps,
           ?::DOUBLE AS voters_per_tps, ?::DOUBLE AS pop_per_tps
),
-- components are numbered (cid) so the big aggregations group on integers: 0 = violations
cat_w AS (SELECT unnest(?::VARCHAR[]) AS category, unnest(?::DOUBLE[]) AS weight, unnest(?::INTEGER[]) AS cid),
vio_w AS (SELECT unnest(?::VARCHAR[]) AS violation_type, unnest(?::DOUBLE[]) AS weight),
carved AS (SELECT unnest(?::VARCHAR[]) AS code, unnest(?::VARCHAR[]) AS parent),
pairs AS (SELECT unnest(?::DATE[]) AS as_of, unnest(?::VARCHAR[]) AS phase, unnest(?::INTEGER[]) AS pid),
latest AS (SELECT max(as_of) AS day FROM pairs),
dp AS (
    SELECT pr.pid, pr.as_of, pr.phase, p.phase_order, ep.starts_on, least(pr.as_of, ep.ends_on) AS ref_on,
        -- decay is separable: exp(-lam*(ref - t)) = exp(-lam*(ref - latest)) * exp(lam*(t - latest))
        exp(-cfg.lam * (least(pr.as_of, ep.ends_on) - latest.day)) AS decay_ref
    FROM pairs pr
    CROSS JOIN cfg
    CROSS JOIN latest
    JOIN phases p ON p.phase = pr.phase
    JOIN election_phases ep ON ep.phase = pr.phase AND ep.election_id = ?
),
units AS (
    SELECT (row_number() OVER (ORDER BY code))::INTEGER AS uid,
        code AS unit, name, level, province_code, kabkota_code, population
    FROM regions
    WHERE level = ? AND (?::VARCHAR IS NULL OR province_code = ?) AND (?::VARCHAR IS NULL OR code = ?)
),
ikp AS (
    SELECT region_code, score, generated FROM ikp_scores WHERE edition = ? AND dimension = 'total'
),
tps AS (
    SELECT region_code, max(value)::DOUBLE AS value FROM kpu_figures
    WHERE figure = 'tps' AND of_election = ? AND value > 0 GROUP BY region_code
),
dpt AS (
    SELECT region_code, max(value)::DOUBLE AS value FROM kpu_figures
    WHERE figure = 'dpt' AND value > 0 GROUP BY region_code
),
kec_count AS (
    SELECT kabkota_code, count(*) AS n FROM regions WHERE level = 'kecamatan' GROUP BY kabkota_code
),
base AS (
    SELECT u.*,
        CASE
            WHEN own.score IS NOT NULL THEN own.score
            WHEN kk.score IS NOT NULL THEN kk.score
            WHEN coalesce(pr.score, pp.score) IS NOT NULL THEN
                CASE WHEN u.level = 'provinsi' THEN coalesce(pr.score, pp.score)
                     -- a province score mapped onto this level's bands, keeping its category
                     WHEN coalesce(pr.score, pp.score) < cfg.p_sedang
                          THEN coalesce(pr.score, pp.score) * cfg.l_sedang / cfg.p_sedang
                     WHEN coalesce(pr.score, pp.score) < cfg.p_tinggi
                          THEN cfg.l_sedang + (coalesce(pr.score, pp.score) - cfg.p_sedang)
                               * (cfg.l_tinggi - cfg.l_sedang) / (cfg.p_tinggi - cfg.p_sedang)
                     ELSE cfg.l_tinggi + (coalesce(pr.score, pp.score) - cfg.p_tinggi)
                          * (100 - cfg.l_tinggi) / (100 - cfg.p_tinggi)
                END
            ELSE cfg.default_base
        END AS baseline,
        CASE
            WHEN own.score IS NOT NULL THEN 'ikp'
            WHEN kk.score IS NOT NULL THEN 'ikp_kabkota'
            WHEN pr.score IS NOT NULL THEN 'ikp_provinsi'
            WHEN pp.score IS NOT NULL THEN 'ikp_provinsi_asal'
            ELSE 'bawaan'
        END AS baseline_source,
        coalesce(own.generated, kk.generated, pr.generated, pp.generated, FALSE) AS baseline_generated,
        coalesce(t.value, d.value / cfg.voters_per_tps, u.population / cfg.pop_per_tps,
                 kt.value / kc.n, kd.value / cfg.voters_per_tps / kc.n, cfg.ref_tps) AS exposure_tps,
        CASE
            WHEN t.value IS NOT NULL THEN 'tps'
            WHEN d.value IS NOT NULL THEN 'dpt'
            WHEN u.population IS NOT NULL THEN 'penduduk'
            WHEN kt.value IS NOT NULL THEN 'tps_kabkota_dibagi'
            WHEN kd.value IS NOT NULL THEN 'dpt_kabkota_dibagi'
            ELSE 'acuan'
        END AS exposure_source
    FROM units u
    CROSS JOIN cfg
    LEFT JOIN ikp own ON own.region_code = u.unit
    LEFT JOIN ikp kk ON kk.region_code = u.kabkota_code AND u.level = 'kecamatan'
    LEFT JOIN ikp pr ON pr.region_code = u.province_code AND u.level <> 'provinsi'
    LEFT JOIN carved c ON c.code = u.province_code
    LEFT JOIN ikp pp ON pp.region_code = c.parent
    LEFT JOIN tps t ON t.region_code = u.unit
    LEFT JOIN dpt d ON d.region_code = u.unit
    LEFT JOIN tps kt ON kt.region_code = u.kabkota_code AND u.level = 'kecamatan'
    LEFT JOIN dpt kd ON kd.region_code = u.kabkota_code AND u.level = 'kecamatan'
    LEFT JOIN kec_count kc ON kc.kabkota_code = u.kabkota_code AND u.level = 'kecamatan'
),
inc AS (
    SELECT u.uid, i.occurred_on, p.phase_order AS stage_order, coalesce(w.cid, -1) AS cid,
           i.injured, i.killed,
           (coalesce(w.weight, cfg.w_default) + cfg.w_injured * i.injured + cfg.w_killed * i.killed)
               * exp(cfg.lam * (i.occurred_on - latest.day)) AS e_points
    FROM incidents i
    CROSS JOIN cfg
    CROSS JOIN latest
    JOIN units u ON u.unit = {unit_incident}
    JOIN phases p ON p.phase = i.stage
    LEFT JOIN cat_w w ON w.category = i.category
    WHERE i.election_id = ?
      AND i.occurred_on <= latest.day
      AND i.upload_id NOT IN (SELECT upload_id FROM uploads WHERE withdrawn_at IS NOT NULL)
),
{wide}
scored AS (
    SELECT dp.pid, dp.as_of, dp.phase, dp.phase_order, b.unit AS region_code, b.name AS region_name, b.level,
        b.province_code, b.baseline, b.baseline_source, b.baseline_generated,
        b.exposure_tps, b.exposure_source,
        greatest(cfg.min_norm, sqrt(b.exposure_tps / cfg.ref_tps)) AS exposure_norm,
        coalesce(a.raw_points, 0) AS raw_points, coalesce(a.inc_raw, 0) AS inc_raw,
        coalesce(a.vio_raw, 0) AS vio_raw,
        coalesce(a.n_incidents, 0)::BIGINT AS n_incidents, coalesce(a.injured, 0)::BIGINT AS injured,
        coalesce(a.killed, 0)::BIGINT AS killed, coalesce(a.n_recent, 0)::BIGINT AS n_recent,
        coalesce(a.n_carried, 0)::BIGINT AS n_carried,
        coalesce(a.violation_reports, 0)::BIGINT AS violation_reports,
        -- the two largest components, flat, for the reason sentence
        a.top[1].cid AS c1, coalesce(a.top[1].n, 0)::BIGINT AS n1,
        coalesce(a.top[1].injured, 0)::BIGINT AS inj1, coalesce(a.top[1].killed, 0)::BIGINT AS kil1,
        coalesce(a.top[1].n_recent, 0)::BIGINT AS rec1,
        a.top[2].cid AS c2, coalesce(a.top[2].n, 0)::BIGINT AS n2,
        coalesce(a.top[2].injured, 0)::BIGINT AS inj2, coalesce(a.top[2].killed, 0)::BIGINT AS kil2,
        coalesce(a.top[2].n_recent, 0)::BIGINT AS rec2,
        cfg.half_gap
    FROM dp
    CROSS JOIN base b
    CROSS JOIN cfg
    LEFT JOIN agg a ON a.pid = dp.pid AND a.uid = b.uid
),
final AS (
    SELECT *, raw_points / exposure_norm AS pressure,
        100 * (1 - (1 - baseline / 100) * exp(-ln(2) * raw_points / exposure_norm / half_gap)) AS score
    FROM scored
)
SELECT *,
    CASE WHEN raw_points > 0 THEN (score - baseline) / raw_points ELSE 0 END AS share
FROM final
ORDER BY pid, region_code
"""


# Incidents joined to the (as_of, phase) pairs they count for, then summed per pair, region
# and component; regions and components are integers (uid, cid) so the big aggregation
# hashes integers, and decay is separable so exp() is taken once per incident.
_COMPONENTS = """
inc_comp AS (
    SELECT dp.pid, inc.uid, inc.cid,
        sum(inc.e_points * CASE WHEN inc.stage_order = dp.phase_order THEN 1.0 ELSE cfg.carry END)
            * any_value(dp.decay_ref) AS points,
        count(*) AS n, sum(inc.injured) AS injured, sum(inc.killed) AS killed,
        count(*) FILTER (WHERE inc.occurred_on > dp.as_of - cfg.recent) AS n_recent,
        count(*) FILTER (WHERE inc.stage_order < dp.phase_order) AS n_carried
    FROM dp
    CROSS JOIN cfg
    JOIN inc ON inc.stage_order <= dp.phase_order AND inc.occurred_on <= dp.ref_on
    WHERE cfg.carry > 0 OR inc.stage_order = dp.phase_order
    GROUP BY ALL
),
vio_comp AS (
    SELECT dp.pid, u.uid, 0 AS cid,
        sum(v.reports * coalesce(vw.weight, cfg.v_default)) AS points,
        sum(v.reports) AS n, 0 AS injured, 0 AS killed, 0 AS n_recent, 0 AS n_carried
    FROM violations v
    CROSS JOIN cfg
    JOIN regions r ON r.code = v.region_code
    JOIN units u ON u.unit = {unit_region}
    JOIN dp ON dp.phase = v.phase AND coalesce(v.reported_on, dp.starts_on) <= dp.as_of
    LEFT JOIN vio_w vw ON vw.violation_type = v.violation_type
    WHERE v.election_id = ? AND v.reports > 0
    GROUP BY ALL
),
comp AS (SELECT * FROM inc_comp UNION ALL SELECT * FROM vio_comp)"""
_AGG = """,
agg AS (
    SELECT pid, uid,
        sum(points) AS raw_points,
        coalesce(sum(points) FILTER (WHERE cid <> 0), 0) AS inc_raw,
        coalesce(sum(points) FILTER (WHERE cid = 0), 0) AS vio_raw,
        coalesce(sum(n) FILTER (WHERE cid <> 0), 0) AS n_incidents,
        coalesce(sum(n) FILTER (WHERE cid = 0), 0) AS violation_reports,
        sum(injured) AS injured, sum(killed) AS killed, sum(n_recent) AS n_recent, sum(n_carried) AS n_carried,
        -- the two largest components (ties broken by cid, so the reason is the same every run)
        arg_max({'cid': cid, 'n': n, 'injured': injured, 'killed': killed, 'n_recent': n_recent},
                {'p': points, 'c': cid}, 2) AS top
    FROM comp GROUP BY ALL
),"""
_ONE_REGION_COMPONENTS = """
SELECT cid, sum(points) AS points, sum(n) AS n, sum(injured) AS injured, sum(killed) AS killed
FROM comp GROUP BY cid ORDER BY points DESC, cid"""


def _sql(level: str, components_only: bool = False) -> str:
    """The engine's query for one level; components_only stops at the points per
    component (for contributions() of one region and one pair)."""
    if level not in LEVELS:
        raise ValueError(f"Tingkat wilayah tidak dikenal: {level!r} (provinsi, kabupaten_kota, kecamatan).")
    comps = _COMPONENTS.replace("{unit_region}", _UNIT_OF_REGION[level])
    head = _SQL.replace("{unit_incident}", _UNIT_OF_INCIDENT[level])
    if components_only:
        return head.split("{wide}")[0] + comps + _ONE_REGION_COMPONENTS
    return head.replace("{wide}", comps + _AGG)


def _params(cfg: RiskConfig, level: str, pairs: list[tuple[date, str]], election_id: str,
            province: str | None, region_code: str | None) -> list:
    prov_bands, lvl_bands = cfg.bands["provinsi"], cfg.bands[level]
    cats = sorted(cfg.incidents)
    vtypes = sorted(cfg.violations)
    carved = sorted(cfg.carved_out_of.items())
    return [
        cfg.decay_per_day, cfg.half_gap_points, cfg.carry_over, cfg.recent_days,
        cfg.default_incident_weight, cfg.injured_points, cfg.killed_points, cfg.default_violation_weight,
        prov_bands.sedang_from, prov_bands.tinggi_from, lvl_bands.sedang_from, lvl_bands.tinggi_from,
        cfg.default_baseline, cfg.min_norm, cfg.reference_tps[level], cfg.voters_per_tps, cfg.population_per_tps,
        cats, [cfg.incidents[c].weight for c in cats], list(range(1, len(cats) + 1)),
        vtypes, [cfg.violations[v] for v in vtypes],
        [c for c, _ in carved], [p for _, p in carved],
        [d for d, _ in pairs], [p for _, p in pairs], list(range(len(pairs))),
        election_id,
        level, province, province, region_code, region_code,
        cfg.ikp_edition,
        cfg.tps_election,
        election_id,
        election_id,
    ]


def compute(cur, *, level: str, pairs: list[tuple[date, str]], election_id: str = "pilkada2024",
            province: str | None = None, region_code: str | None = None,
            cfg: RiskConfig | None = None) -> pd.DataFrame:
    """Scores of every region of `level` for each (as_of, phase) pair: the one engine
    behind scores(), score_history(), trend() and the alerts."""
    cfg = cfg or load_config()
    if not pairs:
        return pd.DataFrame(columns=SCORE_COLUMNS)
    df = cur.execute(_sql(level), _params(cfg, level, pairs, election_id, province, region_code)).df()
    df["as_of"] = pd.to_datetime(df["as_of"]).dt.date
    df["c1"] = component_names(cfg, df["c1"])
    df["c2"] = component_names(cfg, df["c2"])
    df["baseline_points"] = df["baseline"]
    df["incident_points"] = df["inc_raw"] * df["share"]
    df["violation_points"] = df["vio_raw"] * df["share"]
    df["has_reports"] = (df["n_incidents"] > 0) | (df["violation_reports"] > 0)
    df["category"] = _categories(df["score"].to_numpy(), cfg, level)
    df["baseline_category"] = _categories(df["baseline"].to_numpy(), cfg, level)
    df["reason_id"], df["reason_en"] = _reasons(df, cfg)
    return df


def component_names(cfg: RiskConfig, cids) -> list:
    """cid -> component: 0 violations, 1.. the config's categories in sorted order, -1 unknown."""
    names = [VIOLATIONS_COMPONENT, *sorted(cfg.incidents)]
    out = []
    for c in pd.Series(cids, dtype="Int64").tolist():
        if c is None or c is pd.NA:
            out.append(None)
        else:
            out.append(names[c] if c >= 0 else "lainnya")
    return out


def _categories(values: np.ndarray, cfg: RiskConfig, level: str) -> np.ndarray:
    bands = cfg.bands[level]
    return np.where(values >= bands.tinggi_from, "tinggi", np.where(values >= bands.sedang_from, "sedang", "rendah"))


# -- the one-sentence reason -------------------------------------------------------------
_CATEGORY_WORD = {
    "id": {"rendah": "rendah", "sedang": "sedang", "tinggi": "tinggi"},
    "en": {"rendah": "low", "sedang": "medium", "tinggi": "high"},
}
_BASELINE_WORDS = {
    "id": {"ikp": "IKP 2024", "ikp_generated": "IKP 2024 pengganti (dibangkitkan)",
           "ikp_kabkota": "IKP 2024 kab/kota", "ikp_provinsi": "IKP 2024 (dari provinsi)",
           "ikp_provinsi_asal": "IKP 2024 (dari provinsi asal)", "bawaan": "skor dasar bawaan"},
    "en": {"ikp": "IKP 2024", "ikp_generated": "IKP 2024 stand-in (generated)",
           "ikp_kabkota": "IKP 2024 of the regency/city", "ikp_provinsi": "IKP 2024 (from the province)",
           "ikp_provinsi_asal": "IKP 2024 (from the parent province)", "bawaan": "default baseline"},
}


def _baseline_phrase(source: str, generated: bool, category: str, value: float, lang: str) -> str:
    key = "ikp_generated" if (source == "ikp" and generated) else source
    return f"{_BASELINE_WORDS[lang][key]} {_CATEGORY_WORD[lang][category]} ({fmt_number(value, 1)})"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _component_phrase(component: str, n: int, injured: int, killed: int, recent: int,
                      cfg: RiskConfig, lang: str) -> str:
    """'3 kekerasan fisik (1 meninggal) dalam 7 hari terakhir' / '12 laporan pelanggaran'."""
    if component == VIOLATIONS_COMPONENT:
        return f"{n} laporan pelanggaran" if lang == "id" else f"{n} violation report{'s' if n != 1 else ''}"
    w = cfg.incidents.get(component)
    label = (w.label_id if lang == "id" else w.label_en) if w else component
    details = []
    if killed:
        details.append(f"{killed} meninggal" if lang == "id" else f"{killed} killed")
    if injured:
        details.append(f"{injured} luka" if lang == "id" else f"{injured} injured")
    days = cfg.recent_days
    window = f"dalam {days} hari terakhir" if lang == "id" else f"in the last {days} days"
    if 0 < recent < n:
        details.append(f"{recent} {window}")
    text = f"{n} {label}" if lang == "id" else f"{n} {label} incident{'s' if n != 1 else ''}"
    if details:
        text += f" ({', '.join(details)})"
    if recent == n:
        text += f" {window}"
    return text


def _sentence_head(category: str, parts: list[str], lang: str) -> str:
    """The sentence up to the baseline phrase: 'Tinggi karena 3 kekerasan fisik ... dan '."""
    cat = _CATEGORY_WORD[lang][category].capitalize()
    if not parts:
        return f"{cat}: belum ada laporan; skor = " if lang == "id" else f"{cat}: no reports yet; score = "
    joined = ", ".join(parts)
    return f"{cat} karena {joined} dan " if lang == "id" else f"{cat} because of {joined} and "


def _reasons(df: pd.DataFrame, cfg: RiskConfig) -> tuple[list[str], list[str]]:
    """The reason sentence of every row, in Indonesian and English.

    A sentence is a head (category and the two largest components) and the baseline
    phrase; both repeat across regions and phases, so each distinct one is built once.
    """
    heads: dict = {}
    bases: dict = {}
    head_keys = zip(df["category"].tolist(), df["has_reports"].tolist(),
                    df["c1"].tolist(), df["n1"].tolist(), df["inj1"].tolist(), df["kil1"].tolist(), df["rec1"].tolist(),
                    df["c2"].tolist(), df["n2"].tolist(), df["inj2"].tolist(), df["kil2"].tolist(), df["rec2"].tolist())
    base_keys = zip(df["baseline_source"].tolist(), df["baseline_generated"].astype(bool).tolist(),
                    df["baseline_category"].tolist(), df["baseline"].round(1).tolist())
    out_id, out_en = [], []
    for hk, bk in zip(head_keys, base_keys):
        head = heads.get(hk)
        if head is None:
            cat, has, c1, n1, i1, k1, r1, c2, n2, i2, k2, r2 = hk
            comps = []
            if has:
                comps = [(c, int(n), int(i), int(k), int(r)) for c, n, i, k, r in ((c1, n1, i1, k1, r1),
                                                                                   (c2, n2, i2, k2, r2))
                         if isinstance(c, str)]
            head = heads[hk] = tuple(
                _sentence_head(cat, [_component_phrase(*c, cfg, lang) for c in comps], lang) for lang in ("id", "en"))
        base = bases.get(bk)
        if base is None:
            base = bases[bk] = tuple(_baseline_phrase(*bk, lang) for lang in ("id", "en"))
        out_id.append(head[0] + base[0] + ".")
        out_en.append(head[1] + base[1] + ".")
    return out_id, out_en


# -- public functions ----------------------------------------------------------------------
def _phases(cur, election_id: str, phase: str | None) -> list[str]:
    rows = cur.execute(
        "SELECT ep.phase FROM election_phases ep JOIN phases p USING (phase)"
        " WHERE ep.election_id = ? AND (?::VARCHAR IS NULL OR ep.phase = ?) ORDER BY p.phase_order",
        [election_id, phase, phase],
    ).fetchall()
    if phase is not None and not rows:
        raise ValueError(f"Tahapan tidak dikenal untuk {election_id}: {phase!r}.")
    return [r[0] for r in rows]


def level_of(region_code: str) -> str:
    """'65' -> provinsi, '65.71' -> kabupaten_kota, '65.71.01' -> kecamatan."""
    return LEVELS[min(region_code.count("."), 2)]


def scores(cur, *, as_of: date, level: str = "kabupaten_kota", phase: str | None = None,
           province: str | None = None, election_id: str = "pilkada2024",
           region_code: str | None = None) -> pd.DataFrame:
    """One row per region x phase (phase None = every phase of the schedule) as of a date."""
    pairs = [(as_of, p) for p in _phases(cur, election_id, phase)]
    df = compute(cur, level=level, pairs=pairs, election_id=election_id, province=province, region_code=region_code)
    return df[SCORE_COLUMNS].reset_index(drop=True)


def phases_on(cur, days: list[date], election_id: str = "pilkada2024") -> dict[date, str]:
    """The phase each day falls in; before the schedule the first phase, after it the last."""
    rows = cur.execute(
        "SELECT ep.phase, ep.starts_on FROM election_phases ep JOIN phases p USING (phase)"
        " WHERE ep.election_id = ? ORDER BY p.phase_order",
        [election_id],
    ).fetchall()
    if not rows:
        raise ValueError(f"Jadwal {election_id} belum dimuat (tabel election_phases kosong).")
    out = {}
    for d in days:
        started = [phase for phase, starts_on in rows if starts_on <= d]
        out[d] = started[-1] if started else rows[0][0]
    return out


def current_phase(cur, on: date, election_id: str = "pilkada2024") -> str:
    """The phase a date falls in (see phases_on)."""
    return phases_on(cur, [on], election_id)[on]


def contributions(cur, *, as_of: date, region_code: str, phase: str,
                  election_id: str = "pilkada2024") -> pd.DataFrame:
    """What makes up one region's score: baseline, each incident category, violations.

    Rows (component, label_id, label_en, points, n, injured, killed) add up to the score.
    """
    cfg = load_config()
    level = level_of(region_code)
    row = compute(cur, level=level, pairs=[(as_of, phase)], election_id=election_id, region_code=region_code)
    if row.empty:
        raise ValueError(f"Wilayah tidak dikenal: {region_code!r}.")
    r = row.iloc[0]
    base_words = _BASELINE_WORDS["id"]["ikp_generated" if r["baseline_source"] == "ikp" and r["baseline_generated"]
                                       else r["baseline_source"]]
    base_words_en = _BASELINE_WORDS["en"]["ikp_generated" if r["baseline_source"] == "ikp" and r["baseline_generated"]
                                          else r["baseline_source"]]
    out = [{"component": BASELINE_COMPONENT, "label_id": f"Dasar: {base_words}", "label_en": f"Baseline: {base_words_en}",
            "points": float(r["baseline"]), "raw_points": None, "n": None, "injured": None, "killed": None}]
    if r["raw_points"] > 0:
        comps = _components(cur, cfg, level, as_of, phase, region_code, election_id)
        for c in comps.itertuples():
            if c.component == VIOLATIONS_COMPONENT:
                lid, len_ = "Laporan pelanggaran (Bawaslu)", "Violation reports (Bawaslu)"
            else:
                w = cfg.incidents.get(c.component)
                lid, len_ = (_capital(w.label_id), _capital(w.label_en)) if w else (c.component, c.component)
            out.append({"component": c.component, "label_id": lid, "label_en": len_,
                        "points": float(c.points * r["share"]), "raw_points": float(c.points),
                        "n": int(c.n), "injured": int(c.injured), "killed": int(c.killed)})
    return pd.DataFrame(out)


def _components(cur, cfg, level, as_of, phase, region_code, election_id) -> pd.DataFrame:
    """Raw points per component of one region (the comp step of the engine's query)."""
    df = cur.execute(_sql(level, components_only=True), _params(cfg, level, [(as_of, phase)], election_id, None, region_code)).df()
    df["component"] = component_names(cfg, df["cid"])
    return df


def score_history(cur, *, region_code: str, phase: str | None = None, start: date, end: date,
                  step_days: int = 1, election_id: str = "pilkada2024") -> pd.DataFrame:
    """(date, phase, score, category) from start to end for one region.

    phase None follows the schedule: each date is scored in the phase it falls in.
    """
    if step_days < 1:
        raise ValueError("step_days harus >= 1.")
    days = [start + timedelta(days=i) for i in range(0, (end - start).days + 1, step_days)]
    if phase is None:
        phase_of = phases_on(cur, days, election_id)
        pairs = [(d, phase_of[d]) for d in days]
    else:
        pairs = [(d, phase) for d in days]
    df = compute(cur, level=level_of(region_code), pairs=pairs, election_id=election_id, region_code=region_code)
    return df.rename(columns={"as_of": "date"})[["date", "phase", "score", "category", "n_incidents", "has_reports"]]


def trend(cur, *, as_of: date, level: str = "kabupaten_kota", province: str | None = None,
          phase: str | None = None, election_id: str = "pilkada2024", days: int | None = None) -> pd.DataFrame:
    """scores() plus score_prev_7d, delta_7d and category_prev (same phase, 7 days earlier).

    phase None scores each region in the phase as_of falls in.
    """
    cfg = load_config()
    days = days or cfg.recent_days
    phase = phase or current_phase(cur, as_of, election_id)
    prev_on = as_of - timedelta(days=days)
    df = compute(cur, level=level, pairs=[(prev_on, phase), (as_of, phase)], election_id=election_id,
                 province=province)
    now = df[df["as_of"] == as_of][SCORE_COLUMNS].reset_index(drop=True)
    prev = df[df["as_of"] == prev_on][["region_code", "score", "category"]].rename(
        columns={"score": "score_prev_7d", "category": "category_prev"})
    out = now.merge(prev, on="region_code", how="left")
    out["delta_7d"] = out["score"] - out["score_prev_7d"]
    return out
