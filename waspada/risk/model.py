"""Risk score per region and phase, as of a date, for a whole level at once.

The method (docs/risk-model.md, numbers in data/risk_model.toml):

    score = 100 * (1 - (1 - b) / (1 + (1 - b) * pressure / scale_points))
          = 100 * (1 - 1 / (1 + (prior + pressure) / scale_points)),  prior = scale_points * b / (1 - b)
    b        = baseline / 100, the region's IKP 2024 total (borrowed when it has none)
    pressure = (incident points + violation points) / exposure_norm
    incident points = (category weight + injured * w_injured + killed * w_killed)
                      * (0.5 ** (age / half_life_days) + norm_weight * 0.5 ** (age / norm_half_life_days))
                      * (1, or carry_over for an earlier phase)
    exposure_norm = max(min_norm, (TPS / reference_tps[level]) ** exposure_power)

The IKP is a prior worth `prior` points of pressure: it decides the score of a region without
reports (score = baseline exactly), and weighs less as the region's own history adds points
(for large pressure the score is about 100 * (1 - scale_points / pressure) whatever the IKP).
The shape is hyperbolic, not exponential, so regions with long histories keep distinct
scores instead of all reaching 100 (the ranking is what the backtest measures). The score
rises with every point, never reaches 100, and the part above the baseline is shared among
the components in proportion to their points, so baseline + components = score exactly.

Which incidents count for phase P as of date D: incidents with occurred_on <= min(D, end of
P) whose phase is P (full weight) or an earlier phase (carry_over share), decayed to
min(D, end of P). A finished phase keeps the score it had at its end; a phase not yet
started shows the baseline plus what is carried over from the phases before it.

How it is computed (the speed matters: pages score every region of a level on every view).
DuckDB reads the regions with their baseline and exposure, and every incident that can count
as one row (region number, component, phase, day, decayed points), and the violation totals.
numpy then does the aggregation: ordered by date and phase, the (as_of, phase) pairs form a
chain along which an incident, once it counts, counts for every later pair (in full within
its own phase, at carry_over after), so each total is a bincount at the first pair it
counts for followed by a running sum along the chain: one pass over the incidents however
many phases are scored, instead of joining every incident to every phase. The reason
sentences are joined from phrases built once per distinct component and baseline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from waspada import reference
from waspada.reference import DEFAULT_ELECTION_ID

from waspada.i18n import MessageError, fmt_number, risk_word, t
from waspada.risk.config import LEVELS, RiskConfig, load_config

VIOLATIONS_COMPONENT = "pelanggaran"
BASELINE_COMPONENT = "baseline"

# Identifiers cannot be parameters: the level picks one of these fixed fragments.
UNIT_OF_INCIDENT = {
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

# The regions of the level, numbered 0.. in code order (uid). The same text in every query
# below, so the numbers agree between them.
_UNITS = """
units AS (
    SELECT (row_number() OVER (ORDER BY code))::INTEGER - 1 AS uid,
        code AS unit, name, level, province_code, kabkota_code, population
    FROM regions
    WHERE level = ? AND (?::VARCHAR IS NULL OR province_code = ?) AND (?::VARCHAR IS NULL OR code = ?)
)"""

# Baseline (IKP, borrowed when missing) and exposure of every region of the level.
_BASE_SQL = """
WITH
cfg AS (
    SELECT ?::DOUBLE AS p_sedang, ?::DOUBLE AS p_tinggi, ?::DOUBLE AS l_sedang, ?::DOUBLE AS l_tinggi,
           ?::DOUBLE AS default_base, ?::DOUBLE AS min_norm, ?::DOUBLE AS ref_tps,
           ?::DOUBLE AS voters_per_tps, ?::DOUBLE AS pop_per_tps, ?::DOUBLE AS exposure_power
),
carved AS (SELECT unnest(?::VARCHAR[]) AS code, unnest(?::VARCHAR[]) AS parent),
{units},
ikp AS (
    SELECT region_code, score, generated FROM ikp_scores WHERE edition = ? AND dimension = 'total'
),
tps AS (
    SELECT region_code, max(value)::DOUBLE AS value FROM kpu_figures
    WHERE figure = 'tps' AND of_election = ? AND value > 0 GROUP BY region_code
),
tps_fallback AS (
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
            -- a kab/kota without a published IKP says so; a kecamatan's words name the province
            WHEN pr.score IS NOT NULL THEN CASE WHEN u.level = 'kecamatan' THEN 'ikp_provinsi_kecamatan'
                                                ELSE 'ikp_provinsi' END
            WHEN pp.score IS NOT NULL THEN 'ikp_provinsi_asal'
            ELSE 'bawaan'
        END AS baseline_source,
        coalesce(own.generated, kk.generated, pr.generated, pp.generated, FALSE) AS baseline_generated,
        coalesce(t.value, tf.value, d.value / cfg.voters_per_tps, u.population / cfg.pop_per_tps,
                 kt.value / kc.n, kd.value / cfg.voters_per_tps / kc.n, cfg.ref_tps) AS exposure_tps,
        CASE
            WHEN t.value IS NOT NULL THEN 'tps'
            WHEN tf.value IS NOT NULL THEN 'tps_cadangan'
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
    LEFT JOIN tps_fallback tf ON tf.region_code = u.unit
    LEFT JOIN dpt d ON d.region_code = u.unit
    LEFT JOIN tps kt ON kt.region_code = u.kabkota_code AND u.level = 'kecamatan'
    LEFT JOIN dpt kd ON kd.region_code = u.kabkota_code AND u.level = 'kecamatan'
    LEFT JOIN kec_count kc ON kc.kabkota_code = u.kabkota_code AND u.level = 'kecamatan'
)
SELECT b.uid, b.unit AS region_code, b.name AS region_name, b.level, b.province_code,
    b.baseline, b.baseline_source, b.baseline_generated, b.exposure_tps, b.exposure_source,
    greatest(cfg.min_norm, pow(b.exposure_tps / cfg.ref_tps, cfg.exposure_power)) AS exposure_norm
FROM base b CROSS JOIN cfg
ORDER BY b.uid
"""

# Every incident that can count, one row each: its region number, component slot (cid + 1:
# 0 an unknown category, 2.. the config's categories), phase order, day and points decayed to the
# latest as-of date (decay is separable: exp(-lam*(ref - t)) = exp(-lam*(ref - latest)) *
# exp(lam*(t - latest)), so exp() is taken once per incident).
_INCIDENTS_SQL = """
WITH
cfg AS (SELECT ?::DOUBLE AS lam, ?::DOUBLE AS lam_norm, ?::DOUBLE AS w_default, ?::DOUBLE AS w_injured, ?::DOUBLE AS w_killed,
               ?::DATE AS latest, ?::DOUBLE AS w_unverified),
cat_w AS (SELECT unnest(?::VARCHAR[]) AS category, unnest(?::DOUBLE[]) AS weight, unnest(?::DOUBLE[]) AS norm,
                 unnest(?::INTEGER[]) AS cid),
{units}
SELECT u.uid, (coalesce(w.cid, -1) + 1)::INTEGER AS slot, p.phase_order::INTEGER AS incident_phase_order,
    (i.occurred_on - DATE '1970-01-01')::INTEGER AS day, i.injured, i.killed,
    (i.verification_status = 'dilaporkan')::INTEGER AS unverified,
    (coalesce(w.weight, cfg.w_default) + cfg.w_injured * i.injured + cfg.w_killed * i.killed)
        * (CASE WHEN i.verification_status = 'dilaporkan' THEN cfg.w_unverified ELSE 1 END)
        * exp(cfg.lam * (i.occurred_on - cfg.latest)) AS e_points,
    coalesce(w.norm, 1)
        * (CASE WHEN i.verification_status = 'dilaporkan' THEN cfg.w_unverified ELSE 1 END)
        * exp(cfg.lam_norm * (i.occurred_on - cfg.latest)) AS e_norm
FROM visible_incidents i
CROSS JOIN cfg
JOIN units u ON u.unit = {unit_incident}
JOIN phases p ON p.phase = i.phase
LEFT JOIN cat_w w ON w.category = i.category
WHERE i.election_id = ?
  AND i.occurred_on <= cfg.latest
  AND (coalesce(w.weight, cfg.w_default) > 0 OR coalesce(w.norm, 1) > 0)  -- both 0: not a sign of conflict at all
  AND i.verification_status <> 'ditolak'     -- rejected (hoaks, duplikat, ...): never counted
"""

# Violation points per pair and region: phase totals that do not decay, counted in their
# own phase from reported_on (from the phase's start when unknown).
_VIOLATIONS_SQL = """
WITH
cfg AS (SELECT ?::DOUBLE AS v_default),
vio_w AS (SELECT unnest(?::VARCHAR[]) AS violation_type, unnest(?::DOUBLE[]) AS weight),
dp AS (SELECT unnest(?::INTEGER[]) AS pid, unnest(?::VARCHAR[]) AS phase, unnest(?::DATE[]) AS as_of,
              unnest(?::DATE[]) AS starts_on),
{units}
SELECT dp.pid, u.uid, sum(v.reports * coalesce(vw.weight, cfg.v_default)) AS points, sum(v.reports) AS n
FROM violations v
CROSS JOIN cfg
JOIN regions r ON r.code = v.region_code
JOIN units u ON u.unit = {unit_region}
JOIN dp ON dp.phase = v.phase AND coalesce(v.reported_on, dp.starts_on) <= dp.as_of
LEFT JOIN vio_w vw ON vw.violation_type = v.violation_type
WHERE v.election_id = ? AND v.reports > 0
GROUP BY ALL
"""

_VIOLATION_SLOT = 1  # cid 0
_EPOCH = date(1970, 1, 1)


def _check_level(level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"Tingkat wilayah tidak dikenal: {level!r} (provinsi, kabupaten_kota, kecamatan).")


def _units_params(level: str, province: str | None, region_code: str | None) -> list:
    return [level, province, province, region_code, region_code]


def _base(cur, cfg: RiskConfig, level: str, province, region_code) -> pd.DataFrame:
    prov_bands, lvl_bands = cfg.bands["provinsi"], cfg.bands[level]
    carved = sorted(cfg.carved_out_of.items())
    params = [
        prov_bands.sedang_from, prov_bands.tinggi_from, lvl_bands.sedang_from, lvl_bands.tinggi_from,
        cfg.default_baseline, cfg.min_norm, cfg.reference_tps[level], cfg.voters_per_tps, cfg.population_per_tps,
        cfg.exposure_power,
        [c for c, _ in carved], [p for _, p in carved],
        *_units_params(level, province, region_code),
        cfg.ikp_edition, cfg.tps_election, cfg.tps_fallback_election,
    ]
    return cur.execute(_BASE_SQL.replace("{units}", _UNITS), params).df()


def _incidents(cur, cfg: RiskConfig, level: str, province, region_code, latest: date,
               election_id: str) -> dict[str, np.ndarray]:
    cats = sorted(cfg.incidents)
    params = [
        cfg.decay_per_day, cfg.norm_decay_per_day, cfg.default_incident_weight, cfg.injured_points, cfg.killed_points, latest,
        cfg.unverified_weight,
        cats, [cfg.incidents[c].weight for c in cats], [cfg.incidents[c].norm for c in cats], list(range(1, len(cats) + 1)),
        *_units_params(level, province, region_code),
        election_id,
    ]
    sql = _INCIDENTS_SQL.replace("{units}", _UNITS).replace("{unit_incident}", UNIT_OF_INCIDENT[level])
    return {k: np.asarray(v) for k, v in cur.execute(sql, params).fetchnumpy().items()}


def _violations(cur, cfg: RiskConfig, level: str, province, region_code, pairs: list[_Pair],
                election_id: str) -> pd.DataFrame:
    vtypes = sorted(cfg.violations)
    params = [
        cfg.default_violation_weight, vtypes, [cfg.violations[v] for v in vtypes],
        [p.pid for p in pairs], [p.phase for p in pairs], [p.as_of for p in pairs], [p.starts_on for p in pairs],
        *_units_params(level, province, region_code),
        election_id,
    ]
    sql = _VIOLATIONS_SQL.replace("{units}", _UNITS).replace("{unit_region}", _UNIT_OF_REGION[level])
    return cur.execute(sql, params).df()


@dataclass(frozen=True)
class _Pair:
    pid: int          # position in the caller's list
    as_of: date
    phase: str
    order: int        # phase_order
    starts_on: date
    ref_on: date      # min(as_of, end of the phase): what the incidents are decayed to


def _schedule_pairs(cur, pairs: list[tuple[date, str]], election_id: str, open_end: bool = False) -> list[_Pair]:
    """The pairs whose phase is in the election's schedule (the others get no rows).

    open_end: the schedule's last phase does not end (a region after its election's
    schedule, "di luar tahapan"): its reports decay to the as-of date instead of keeping
    the score the phase had at its end."""
    sched = {phase: (order, starts, ends) for phase, order, starts, ends in cur.execute(
        "SELECT ep.phase, p.phase_order, ep.starts_on, ep.ends_on FROM election_phases ep JOIN phases p USING (phase)"
        " WHERE ep.election_id = ?", [election_id]).fetchall()}
    last = max(sched, key=lambda ph: sched[ph][0]) if sched else None
    out = []
    for pid, (as_of, phase) in enumerate(pairs):
        if phase in sched:
            order, starts, ends = sched[phase]
            ref_on = as_of if (open_end and phase == last) else min(as_of, ends)
            out.append(_Pair(pid, as_of, phase, order, starts, ref_on))
    return out


def _chains(pairs: list[_Pair]) -> list[list[_Pair]]:
    """The pairs cut into runs in which phase order, reference date and as-of date never go
    down. Within such a run an incident that counts for one pair counts for every later
    pair, so each run is scored with running totals over one pass of the incidents.
    scores() (one date, phases in order), trend(), score_history() and the alerts' day by
    day scan are each a single run."""
    ordered = sorted(pairs, key=lambda p: (p.as_of, p.order, p.ref_on, p.pid))
    chains: list[list[_Pair]] = []
    for p in ordered:
        last = chains[-1][-1] if chains else None
        if last is not None and p.order >= last.order and p.ref_on >= last.ref_on:
            chains[-1].append(p)
        else:
            chains.append([p])
    return chains


def _days(values) -> np.ndarray:
    return np.array([(d - _EPOCH).days for d in values], dtype=np.int64)


def _run_components(inc: dict[str, np.ndarray], chain: list[_Pair], n_units: int, n_slots: int,
                    cfg: RiskConfig, latest: date) -> dict[str, np.ndarray]:
    """Points, counts, casualties, recent and carried counts per (pair of the chain, region,
    component), each an array of shape (len(chain), n_units, n_slots).

    An incident of phase s on day t counts for pair k when s <= phase_k and t <= ref_k. Both
    rise along the chain, so it counts from its first pair f on: in full while phase_k == s
    (its own run of pairs), at carry_over after. Totals are therefore sums added at f (own)
    or at the end of the own run (carried) and accumulated along the chain.
    """
    m = len(chain)
    order = np.array([p.order for p in chain], dtype=np.int64)
    ref = _days(p.ref_on for p in chain)
    recent_from = _days(p.as_of for p in chain) - cfg.recent_days  # recent: day > as_of - recent_days
    inc_phase, day = inc["incident_phase_order"], inc["day"]
    first = np.maximum(np.searchsorted(order, inc_phase, "left"), np.searchsorted(ref, day, "left"))
    keep = first < m
    uid, slot, injured, killed = inc["uid"], inc["slot"], inc["injured"], inc["killed"]
    e, e_norm, unverified = inc["e_points"], inc["e_norm"], inc["unverified"]
    if not keep.all():
        first, inc_phase, day = first[keep], inc_phase[keep], day[keep]
        uid, slot, injured, killed = uid[keep], slot[keep], injured[keep], killed[keep]
        e, e_norm, unverified = e[keep], e_norm[keep], unverified[keep]
    run_end = np.searchsorted(order, order, "right")  # one past the last pair of the same phase
    own = order[first] == inc_phase
    own_end = np.where(own, run_end[first], first)  # the own interval is [first, own_end)
    carry = cfg.carry_over

    shape = (m, n_units, n_slots)
    size = m * n_units * n_slots
    cell = uid.astype(np.int64) * n_slots + slot  # the region and component, without the pair
    at_first = first * (n_units * n_slots) + cell
    at_own_end = own_end * (n_units * n_slots) + cell

    def along_chain(index, weights=None) -> np.ndarray:
        """Added at index, counted there and at every later pair."""
        return np.cumsum(np.bincount(index, weights, minlength=size).reshape(shape), axis=0)

    def within_run(mask, weights=None) -> np.ndarray:
        """Added at first, counted there and at the later pairs of the same phase only."""
        a = np.bincount(at_first[mask], None if weights is None else weights[mask], minlength=size).reshape(shape)
        start = 0
        while start < m:
            stop = run_end[start]
            np.cumsum(a[start:stop], axis=0, out=a[start:stop])
            start = stop
        return a

    ref_from_latest = (ref - (latest - _EPOCH).days).reshape(m, 1, 1)
    later = own_end < m

    def kernel(weights: np.ndarray, lam: float) -> np.ndarray:
        """The decayed points of one kernel (weights are exp(lam * (day - latest)) scaled)."""
        total = within_run(own, weights)
        if carry > 0:
            total = total + carry * along_chain(at_own_end[later], weights[later])
        return total * np.exp(-lam * ref_from_latest)

    # the surge (short half-life) plus the region's own norm (long half-life), per component
    points = kernel(e, cfg.decay_per_day)
    if cfg.norm_weight > 0:
        points = points + cfg.norm_weight * kernel(e_norm, cfg.norm_decay_per_day)
    if carry > 0:
        n_carried = along_chain(at_own_end[later])
        n = along_chain(at_first)
        n_injured, n_killed = along_chain(at_first, injured), along_chain(at_first, killed)
        n_unverified = along_chain(at_first, unverified)
        count_end = np.full_like(first, m)
    else:
        # with carry_over 0 an incident of an earlier phase does not count at all (not even in n)
        n_carried = np.zeros(shape, dtype=np.int64)
        n = within_run(own)
        n_injured, n_killed = within_run(own, injured), within_run(own, killed)
        n_unverified = within_run(own, unverified)
        count_end = own_end
    # recent: counted over [first, min(count_end, the first pair whose window starts after day))
    recent_end = np.minimum(count_end, np.searchsorted(recent_from, day, "left"))
    is_recent = recent_end > first
    ends = is_recent & (recent_end < m)
    diff = np.bincount(at_first[is_recent], minlength=size)
    diff -= np.bincount((recent_end * (n_units * n_slots) + cell)[ends], minlength=size)
    return {
        "points": points,
        "n": n,
        "injured": np.rint(n_injured).astype(np.int64),
        "killed": np.rint(n_killed).astype(np.int64),
        "n_recent": np.cumsum(diff.reshape(shape), axis=0),
        "n_carried": n_carried,
        "n_unverified": np.rint(n_unverified).astype(np.int64),  # counted at [verification] unverified_weight
    }


def _engine(cur, *, level: str, pairs: list[tuple[date, str]], election_id: str, province: str | None,
            region_code: str | None, cfg: RiskConfig, open_end: bool = False):
    """(base, schedule pairs, [(chain, components)]): the per-component totals behind compute()
    and contributions()."""
    _check_level(level)
    base = _base(cur, cfg, level, province, region_code)
    base["reports_from"] = base["province_code"].map(_reports_from(cur, election_id, cfg)).astype("float64")
    sched = _schedule_pairs(cur, pairs, election_id, open_end)
    n_units, n_slots = len(base), len(cfg.incidents) + 2
    if not sched or not n_units:
        return base, sched, []
    latest = max(d for d, _ in pairs)
    inc = _incidents(cur, cfg, level, province, region_code, latest, election_id)
    vio = _violations(cur, cfg, level, province, region_code, sched, election_id)
    runs = []
    for chain in _chains(sched):
        comps = _run_components(inc, chain, n_units, n_slots, cfg, latest)
        if not vio.empty:
            k_of = {p.pid: k for k, p in enumerate(chain)}
            v = vio[vio["pid"].isin(list(k_of))]
            if not v.empty:
                k = v["pid"].map(k_of).to_numpy(np.int64)
                u = v["uid"].to_numpy(np.int64)
                comps["points"][k, u, _VIOLATION_SLOT] = v["points"].to_numpy(np.float64)
                comps["n"][k, u, _VIOLATION_SLOT] = v["n"].to_numpy(np.int64)
        runs.append((chain, comps))
    return base, sched, runs


def _reports_from(cur, election_id: str, cfg: RiskConfig) -> dict[str, int]:
    """Province -> the day (since 1970) of its first report that counts in the score: from
    then on the province's record, silence included, is evidence, and the IKP prior fades
    ([score] prior_fade_days)."""
    return dict(cur.execute(
        "SELECT province_code, min(occurred_on - DATE '1970-01-01') FROM visible_incidents"
        " WHERE election_id = ? AND verification_status <> 'ditolak'"
        " AND NOT list_contains(?::VARCHAR[], category) GROUP BY 1",
        [election_id, cfg.ignored_categories]).fetchall())


def _top_two(points: np.ndarray, exists: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The slots of the two largest existing components per row (-1: none); ties go to the
    larger cid, so the reason is the same every run. Points are compared at 1e-9, so equal
    sums that differ only in their last bits of rounding count as a tie."""
    key = np.where(exists, np.round(points, 9), -np.inf)[:, ::-1]
    last = key.shape[1] - 1
    i1 = np.argmax(key, axis=1)
    np.put_along_axis(key, i1[:, None], -np.inf, axis=1)
    i2 = np.argmax(key, axis=1)
    n_exist = exists.sum(axis=1)
    return np.where(n_exist >= 1, last - i1, -1), np.where(n_exist >= 2, last - i2, -1)


_EMPTY = ["pid", "as_of", "phase", "phase_order", "region_code", "region_name", "level", "province_code",
          "baseline", "baseline_source", "baseline_generated", "exposure_tps", "exposure_source", "exposure_norm",
          "raw_points", "inc_raw", "vio_raw", "n_incidents", "injured", "killed", "n_recent", "n_carried",
          "violation_reports", "c1", "n1", "inj1", "kil1", "rec1", "c2", "n2", "inj2", "kil2", "rec2",
          "pressure", "score", "share"]


def compute(cur, *, level: str, pairs: list[tuple[date, str]], election_id: str = DEFAULT_ELECTION_ID,
            province: str | None = None, region_code: str | None = None,
            cfg: RiskConfig | None = None, open_end: bool = False) -> pd.DataFrame:
    """Scores of every region of `level` for each (as_of, phase) pair: the one engine
    behind scores(), score_history(), trend() and the alerts. Rows in pair order, then
    region code; a pair whose phase is not in the election's schedule has no rows.
    open_end: see _schedule_pairs (the score of a region after its election's schedule)."""
    cfg = cfg or load_config()
    if not pairs:
        return pd.DataFrame(columns=SCORE_COLUMNS)
    base, sched, runs = _engine(cur, level=level, pairs=pairs, election_id=election_id, province=province,
                                region_code=region_code, cfg=cfg, open_end=open_end)
    if not runs:
        empty = {c: np.zeros(0, dtype=object) for c in _EMPTY}
        empty.update({c: np.zeros(0) for c in ("baseline", "raw_points", "inc_raw", "vio_raw", "score", "share",
                                               "prior_weight", "prior_points")})
        empty["observed_days"] = np.zeros(0, dtype=np.int64)
        empty.update({c: np.zeros(0, dtype=np.int64) for c in ("n_incidents", "violation_reports", "c1", "c2",
                                                               "n_unverified")})
        return _finish(empty, cfg, level)
    n_units = len(base)
    blocks = []
    for chain, c in runs:
        m = len(chain)
        rows = m * n_units
        flat = {k: v.reshape(rows, -1) for k, v in c.items()}
        exists = flat["n"] > 0
        s1, s2 = _top_two(flat["points"], exists)
        idx = np.arange(rows)
        inc_slots = np.ones(flat["points"].shape[1], dtype=bool)
        inc_slots[_VIOLATION_SLOT] = False

        def pick(arr, s):
            return np.where(s >= 0, arr[idx, np.maximum(s, 0)], 0)

        blocks.append({
            "pid": np.repeat([p.pid for p in chain], n_units),
            "uid": np.tile(np.arange(n_units), m),
            "raw_points": flat["points"].sum(axis=1),
            "inc_raw": flat["points"][:, inc_slots].sum(axis=1),
            "vio_raw": flat["points"][:, _VIOLATION_SLOT],
            "n_incidents": flat["n"][:, inc_slots].sum(axis=1),
            "violation_reports": flat["n"][:, _VIOLATION_SLOT],
            "injured": flat["injured"].sum(axis=1), "killed": flat["killed"].sum(axis=1),
            "n_recent": flat["n_recent"].sum(axis=1), "n_carried": flat["n_carried"].sum(axis=1),
            "n_unverified": flat["n_unverified"].sum(axis=1),
            "c1": s1 - 1, "n1": pick(flat["n"], s1), "inj1": pick(flat["injured"], s1),
            "kil1": pick(flat["killed"], s1), "rec1": pick(flat["n_recent"], s1),
            "c2": s2 - 1, "n2": pick(flat["n"], s2), "inj2": pick(flat["injured"], s2),
            "kil2": pick(flat["killed"], s2), "rec2": pick(flat["n_recent"], s2),
        })
    cols = {k: np.concatenate([b[k] for b in blocks]) for k in blocks[0]}
    order = np.lexsort((cols["uid"], cols["pid"]))
    cols = {k: v[order] for k, v in cols.items()}
    uid, pid = cols.pop("uid"), cols.pop("pid")
    known = sorted(sched, key=lambda p: p.pid)
    pos = np.searchsorted(np.array([p.pid for p in known]), pid)
    as_of = np.array([p.as_of for p in known], dtype=object)[pos]
    phases = _strings([p.phase for p in known], pos)
    orders = np.array([p.order for p in known], dtype=np.int64)[pos]
    num = {col: base[col].to_numpy()[uid] for col in ("baseline", "baseline_generated", "exposure_tps", "exposure_norm")}
    text = {col: base[col].array.take(uid) for col in ("region_code", "region_name", "level", "province_code",
                                                      "baseline_source", "exposure_source")}
    out = {
        "pid": pid, "as_of": as_of, "phase": phases, "phase_order": orders,
        "region_code": text["region_code"], "region_name": text["region_name"], "level": text["level"],
        "province_code": text["province_code"], "baseline": num["baseline"].astype(np.float64),
        "baseline_source": text["baseline_source"], "baseline_generated": num["baseline_generated"].astype(bool),
        "exposure_tps": num["exposure_tps"].astype(np.float64), "exposure_source": text["exposure_source"],
        "exposure_norm": num["exposure_norm"].astype(np.float64),
        **cols,
    }
    raw, norm, baseline = out["raw_points"], out["exposure_norm"], out["baseline"]
    out["pressure"] = raw / norm
    ref = np.array([(p.ref_on - _EPOCH).days for p in known], dtype=np.int64)[pos]
    first = base["reports_from"].to_numpy(dtype=np.float64)[uid]  # NaN: the province has no report
    observed = np.where(np.isnan(first), 0.0, np.maximum(ref - np.nan_to_num(first), 0.0))
    out["observed_days"] = observed.astype(np.int64)
    out["prior_weight"] = cfg.prior_weight(observed)
    out["prior_points"] = prior_score(baseline, out["prior_weight"])
    out["score"] = score_of(out["prior_points"], out["pressure"], cfg)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share"] = np.where(raw > 0, (out["score"] - out["prior_points"]) / raw, 0.0)
    return _finish(out, cfg, level)


def prior_score(baseline, weight) -> np.ndarray:
    """The score the IKP alone gives at this prior weight: the baseline itself at weight 1, 0 at
    weight 0 (in between the IKP's odds b / (1 - b) scaled by the weight)."""
    b = np.asarray(baseline, dtype=np.float64) / 100
    w = np.asarray(weight, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        odds = np.where(w > 0, w * b / (1 - b), 0.0)  # b = 1 with w > 0: infinite odds, score 100
        return np.where(np.isinf(odds), 100.0, 100 * odds / (1 + odds))


def score_of(prior_points, pressure, cfg: RiskConfig) -> np.ndarray:
    """100 * (1 - 1 / (1 + prior odds + pressure / scale)): the prior's odds plus the region's
    own pressure, read as a score; monotone in both, the prior's score at pressure 0."""
    s0 = np.asarray(prior_points, dtype=np.float64) / 100
    gap = 1 - s0
    return 100 * (1 - gap / (1 + gap * np.asarray(pressure, dtype=np.float64) / cfg.scale_points))


def _strings(values: list, codes: np.ndarray):
    """values[codes] as a pandas string array: each distinct string converted once, then taken."""
    return pd.array(values, dtype="str").take(np.asarray(codes, dtype=np.int64))


def _finish(out: dict, cfg: RiskConfig, level: str) -> pd.DataFrame:
    """The columns every caller reads, from the engine's arrays, as one DataFrame."""
    out["baseline_points"] = out["prior_points"]
    out["incident_points"] = out["inc_raw"] * out["share"]
    out["violation_points"] = out["vio_raw"] * out["share"]
    out["has_reports"] = (out["n_incidents"] > 0) | (out["violation_reports"] > 0)
    baseline_category = _category_codes(out["baseline"], cfg, level)
    # the higher of the Bawaslu band of what the IKP still weighs and the backtest's band of the
    # score: with no reports (score = baseline) Bawaslu's band exactly, never lower after one more
    # report, and following the region's own record as the province's reports fade the prior
    category = np.maximum(_category_codes(out["prior_points"], cfg, level),
                          _category_codes(out["score"], cfg, level, reports=True))
    out["category"] = _strings(list(_CATEGORIES), category)
    out["baseline_category"] = _strings(list(_CATEGORIES), baseline_category)
    out["reason_id"], out["reason_en"] = _reasons(out, category, baseline_category, cfg)
    # a faded IKP says so: how long the province has reported and what share the IKP keeps
    weight, observed = np.asarray(out["prior_weight"], dtype=float), np.asarray(out["observed_days"])
    has = np.asarray(out["has_reports"], dtype=bool)
    for lang in ("id", "en"):
        reasons, said = out[f"reason_{lang}"], {}
        # each distinct sentence built once (a national view has tens of thousands of rows)
        for j in np.flatnonzero(weight < 1).tolist():
            key = (bool(has[j]), int(observed[j]), round(float(weight[j]) * 100),
                   int(category[j]), round(float(out["score"][j]), 1))
            if key not in said:
                words = {"days": fmt_number(key[1]), "pct": fmt_number(key[2])}
                said[key] = (" " + t("risk_reason_prior_faded", lang, **words) if key[0] else
                             # the sentence "no reports; score = IKP" no longer holds
                             t("risk_reason_no_reports_faded", lang, **words, score=fmt_number(key[4], 1),
                               category=risk_word(_CATEGORIES[key[3]], lang).capitalize()))
            reasons[j] = reasons[j] + said[key] if key[0] else said[key]
    unverified = np.asarray(out["n_unverified"])
    rows = np.flatnonzero(unverified > 0)
    for lang in ("id", "en"):  # a score that rests on reports nobody has verified says so
        reasons, said = out[f"reason_{lang}"], {}
        for j in rows.tolist():
            n = int(unverified[j])
            if n not in said:
                said[n] = " " + t("risk_reason_unverified", lang, n=fmt_number(n),
                                  share=fmt_number(cfg.unverified_weight, 1))
            reasons[j] += said[n]
    names = [None, *_component_names(cfg)]  # cid -2 (no component) first
    out["c1"] = _strings(names, out["c1"] + 2)
    out["c2"] = _strings(names, out["c2"] + 2)
    return pd.DataFrame(out)


def _component_names(cfg: RiskConfig) -> list[str]:
    """Component names by cid + 1: 'lainnya' (cid -1, a category the config does not know),
    violations (cid 0), then the config's categories in sorted order (cid 1..)."""
    return ["lainnya", VIOLATIONS_COMPONENT, *sorted(cfg.incidents)]


def component_names(cfg: RiskConfig, cids) -> list:
    """cid -> component: 0 violations, 1.. the config's categories in sorted order, -1 unknown;
    None for no component (-2 or missing)."""
    names = np.array([VIOLATIONS_COMPONENT, *sorted(cfg.incidents), None, "lainnya"], dtype=object)
    c = pd.Series(cids, dtype="Int64").fillna(-2).to_numpy(np.int64)
    # index -1 -> "lainnya" (last), -2 -> None (second to last)
    return names[c].tolist()


_CATEGORIES = ("rendah", "sedang", "tinggi")


def _category_codes(values: np.ndarray, cfg: RiskConfig, level: str, reports: bool = False) -> np.ndarray:
    """0 rendah, 1 sedang, 2 tinggi (index into _CATEGORIES) by the level's Bawaslu bands, or
    (reports=True) the bands of a score with reports."""
    b = cfg.bands[level]
    if reports:
        return reference.category_codes(values, b.reports_sedang_from, b.reports_tinggi_from)
    return reference.category_codes(values, b.sedang_from, b.tinggi_from)


# -- the one-sentence reason -------------------------------------------------------------
# Every phrase is a catalogue key (waspada/texts/risk.py); the engine renders the sentence in
# both languages into reason_id and reason_en, once per distinct phrase.
class ScheduleMissing(MessageError):
    """The election's phase periods are not in the database (the build was not run)."""


class UnknownPhase(MessageError):
    """A phase that the election's schedule does not have."""


class UnknownRegion(MessageError):
    """A region code that is not in the regions table."""


_BASELINE_KEY = {
    "ikp": "risk_baseline_ikp", "ikp_generated": "risk_baseline_ikp_generated",
    "ikp_kabkota": "risk_baseline_ikp_kabkota", "ikp_provinsi": "realdata_baseline_ikp_provinsi",
    "ikp_provinsi_kecamatan": "risk_baseline_ikp_provinsi",
    "ikp_provinsi_asal": "risk_baseline_ikp_provinsi_asal", "bawaan": "risk_baseline_bawaan",
}


def baseline_source_words(source: str, generated: bool, lang: str) -> str:
    """'IKP 2024 pengganti (dibangkitkan)' for the baseline's source."""
    return t(_BASELINE_KEY["ikp_generated" if (source == "ikp" and generated) else source], lang)


def _baseline_phrase(source: str, generated: bool, category: str, value: float, lang: str) -> str:
    return t("risk_phrase_baseline", lang, source=baseline_source_words(source, generated, lang),
             category=risk_word(category, lang), value=fmt_number(value, 1))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _component_phrase(component: str, n: int, injured: int, killed: int, recent: int,
                      cfg: RiskConfig, lang: str) -> str:
    """'3 kekerasan fisik (1 meninggal) dalam 7 hari terakhir' / '12 laporan pelanggaran'."""
    if component == VIOLATIONS_COMPONENT:
        return t("risk_phrase_violation_one" if n == 1 else "risk_phrase_violations", lang, n=n)
    w = cfg.incidents.get(component)
    label = (w.label_id if lang == "id" else w.label_en) if w else component
    details = []
    if killed:
        details.append(t("risk_phrase_killed", lang, n=killed))
    if injured:
        details.append(t("risk_phrase_injured", lang, n=injured))
    days = cfg.recent_days
    if 0 < recent < n:
        details.append(t("risk_phrase_recent", lang, n=recent, days=days))
    text = t("risk_phrase_incident_one" if n == 1 else "risk_phrase_incidents", lang, n=n, label=label)
    if details:
        text += f" ({', '.join(details)})"
    if recent == n:
        text += " " + t("risk_phrase_window", lang, days=days)
    return text


def _distinct(*cols) -> tuple[np.ndarray, np.ndarray]:
    """Rows given as columns: the number of each row's distinct tuple (0..) and the first row
    holding each tuple, so a phrase is built once per distinct tuple, not once per row."""
    n = len(cols[0])
    key = np.zeros(n, dtype=np.int64)
    for col in cols:
        codes, uniques = pd.factorize(np.asarray(col), use_na_sentinel=False)
        key, _ = pd.factorize(key * len(uniques) + codes)
    first = np.empty(int(key.max()) + 1 if n else 0, dtype=np.int64)
    first[key[::-1]] = np.arange(n)[::-1]
    return key, first


def _reasons(out: dict, category: np.ndarray, baseline_category: np.ndarray,
             cfg: RiskConfig) -> tuple[list[str], list[str]]:
    """The reason sentence of every row, in Indonesian and English.

    A sentence is the category, the two largest components and the baseline phrase. The
    phrases repeat across regions and phases, so each distinct one is built once and the
    sentences are joined from them. category codes index _CATEGORIES; c1/c2 are cids.
    """
    rows = len(category)
    if not rows:
        return [], []
    names = [None, *_component_names(cfg)]  # by cid + 2
    comp = [np.concatenate([np.asarray(out[f"{a}1"]), np.asarray(out[f"{a}2"])]).astype(np.int64)
            for a in ("c", "n", "inj", "kil", "rec")]
    comp_key, comp_first = _distinct(*comp)
    base_cols = [np.asarray(out["baseline_source"], dtype=object), np.asarray(out["baseline_generated"], dtype=bool),
                 baseline_category, np.round(np.asarray(out["baseline"], dtype=float), 1)]
    base_key, base_first = _distinct(*base_cols)
    firsts = [c[comp_first].tolist() for c in comp]
    has = np.asarray(out["has_reports"], dtype=bool).tolist()
    result = []
    for lang in ("id", "en"):
        phrases = np.array([
            _component_phrase(names[c + 2], n, i, k, r, cfg, lang) if c > -2 else None
            for c, n, i, k, r in zip(*firsts)], dtype=object)
        per_row = phrases[comp_key]
        first, second = per_row[:rows].tolist(), per_row[rows:].tolist()
        bases = np.array([_baseline_phrase(str(base_cols[0][j]), bool(base_cols[1][j]), _CATEGORIES[base_cols[2][j]],
                                           float(base_cols[3][j]), lang) for j in base_first], dtype=object)
        bases = bases[base_key].tolist()
        word = [risk_word(c, lang).capitalize() for c in _CATEGORIES]
        cats = [word[c] for c in category.tolist()] if rows < 64 else np.array(word, dtype=object)[category].tolist()
        # the templates, filled per row with str.format (t() without values returns the template)
        two, one, none = t("risk_reason_two", lang), t("risk_reason_one", lang), t("risk_reason_no_reports", lang)
        sentences = []
        for cat, h, a, b, base in zip(cats, has, first, second, bases):
            if h and a is not None and b is not None:
                sentences.append(two.format(category=cat, first=a, second=b, baseline=base))
            elif h and (a is not None or b is not None):
                sentences.append(one.format(category=cat, first=a if a is not None else b, baseline=base))
            else:
                sentences.append(none.format(category=cat, baseline=base))
        result.append(sentences)
    return result[0], result[1]


# -- public functions ----------------------------------------------------------------------
def _phases(cur, election_id: str, phase: str | None) -> list[str]:
    rows = cur.execute(
        "SELECT ep.phase FROM election_phases ep JOIN phases p USING (phase)"
        " WHERE ep.election_id = ? AND (?::VARCHAR IS NULL OR ep.phase = ?) ORDER BY p.phase_order",
        [election_id, phase, phase],
    ).fetchall()
    if phase is not None and not rows:
        raise UnknownPhase("risk_unknown_phase", election=election_id, phase=phase)
    return [r[0] for r in rows]


def level_of(region_code: str) -> str:
    """'65' -> provinsi, '65.71' -> kabupaten_kota, '65.71.01' -> kecamatan."""
    return LEVELS[min(region_code.count("."), 2)]


_EXPOSURE_KEY = {
    "tps": "realdata_exposure_tps", "tps_cadangan": "realdata_exposure_tps_cadangan",
    "dpt": "realdata_exposure_dpt", "penduduk": "realdata_exposure_penduduk",
    "tps_kabkota_dibagi": "realdata_exposure_tps_kabkota_dibagi",
    "dpt_kabkota_dibagi": "realdata_exposure_dpt_kabkota_dibagi", "acuan": "realdata_exposure_acuan",
}


def exposure_source_words(source: str, lang: str) -> str:
    """'TPS Pilkada 2024' or, where the Pilkada has no figure, 'TPS Pemilu 2024 (...)'."""
    return t(_EXPOSURE_KEY[source], lang)


def exposure_of(cur, region_code: str) -> dict | None:
    """The exposure of one region as the score uses it: tps (a count or an estimate),
    source (a code of _EXPOSURE_KEY), norm, and scaled (False when [exposure] power is 0:
    the size of the region does not enter the score); None for an unknown region."""
    cfg = load_config()
    base = _base(cur, cfg, level_of(region_code), None, region_code)
    if base.empty:
        return None
    r = base.iloc[0]
    return {"tps": float(r["exposure_tps"]), "source": str(r["exposure_source"]), "norm": float(r["exposure_norm"]),
            "scaled": cfg.exposure_power > 0}


def scores(cur, *, as_of: date, level: str = "kabupaten_kota", phase: str | None = None,
           province: str | None = None, election_id: str = DEFAULT_ELECTION_ID,
           region_code: str | None = None) -> pd.DataFrame:
    """One row per region x phase (phase None = every phase of the schedule) as of a date."""
    pairs = [(as_of, p) for p in _phases(cur, election_id, phase)]
    df = compute(cur, level=level, pairs=pairs, election_id=election_id, province=province, region_code=region_code)
    return df[SCORE_COLUMNS].reset_index(drop=True)


def phases_on(cur, days: list[date], election_id: str = DEFAULT_ELECTION_ID) -> dict[date, str]:
    """The phase each day falls in; before the schedule the first phase, after it the last."""
    rows = cur.execute(
        "SELECT ep.phase, ep.starts_on FROM election_phases ep JOIN phases p USING (phase)"
        " WHERE ep.election_id = ? ORDER BY p.phase_order",
        [election_id],
    ).fetchall()
    if not rows:
        raise ScheduleMissing("risk_schedule_missing", election=election_id)
    out = {}
    for d in days:
        started = [phase for phase, starts_on in rows if starts_on <= d]
        out[d] = started[-1] if started else rows[0][0]
    return out


def current_phase(cur, on: date, election_id: str = DEFAULT_ELECTION_ID) -> str:
    """The phase a date falls in (see phases_on)."""
    return phases_on(cur, [on], election_id)[on]


# -- which election and phase a region is in on a date ------------------------------------
# One rule, the incidents' (waspada.ingest.vocab.Schedule): a 2025 re-vote or re-election of
# the region holds the dates of its schedule there; elsewhere the nationwide election's phase
# decides. A region after every schedule that holds there is "di luar tahapan": it is scored
# in the last phase of the last election it held, its reports decayed to the date (open_end),
# and no phase is named for it (docs/risk-model.md, "Skor pada tanggal setelah jadwal Pilkada 2024").
@dataclass(frozen=True)
class Standing:
    """Where a region is on a date: its election, and its phase (None: after that election's
    schedule); scored_phase is the phase whose score stands for it."""
    election_id: str
    phase: str | None
    scored_phase: str

    @property
    def after_schedule(self) -> bool:
        return self.phase is None


def schedule_of(cur):
    """The database's schedule as the incident parser reads it (waspada.ingest.vocab.schedule_in)."""
    from waspada.ingest.vocab import schedule_in

    found = schedule_in(cur)
    if found is None:
        raise ScheduleMissing("risk_schedule_missing", election=DEFAULT_ELECTION_ID)
    return found


def _last_phases(cur) -> dict[str, str]:
    """Each election's last phase (by phase order)."""
    return dict(cur.execute(
        "SELECT ep.election_id, arg_max(ep.phase, p.phase_order) FROM election_phases ep JOIN phases p USING (phase)"
        " GROUP BY ep.election_id").fetchall())


def standing_of(schedule, last_phases: dict[str, str], day: date, region_code: str | None,
                province_code: str | None) -> Standing:
    """The election and phase of a region on a day (Schedule.phase_of); after every schedule
    of the region, the local election that ended last there, else the nationwide one, with
    no phase."""
    election, phase = schedule.phase_of(day, region_code, province_code)
    if election is not None and phase is not None:
        return Standing(election, phase, phase)
    ended = [(max(span[1] for span in spans), e) for e, (codes, spans) in schedule.local.items()
             if (region_code in codes or province_code in codes) and max(span[1] for span in spans) < day]
    election = max(ended)[1] if ended else (election or schedule.election_of(day))
    return Standing(election, None, last_phases[election])


def standing(cur, *, as_of: date, region_code: str) -> Standing:
    """standing_of for one region (code as in the regions table)."""
    row = cur.execute("SELECT province_code FROM regions WHERE code = ?", [region_code]).fetchone()
    if row is None:
        raise UnknownRegion("risk_unknown_region", region=region_code)
    return standing_of(schedule_of(cur), _last_phases(cur), as_of, region_code, row[0])


def scores_on(cur, *, as_of: date, level: str = "kabupaten_kota", province: str | None = None,
              region_code: str | None = None) -> pd.DataFrame:
    """One row per region: its score on the date in its own election and phase (standing_of):
    a 2025 re-vote's phase where one holds the date, the nationwide phase elsewhere, and after
    the schedule the score of the last phase with the reports decayed to the date. Columns:
    SCORE_COLUMNS (phase None after the schedule) plus election_id and after_schedule."""
    _check_level(level)
    sched, last = schedule_of(cur), _last_phases(cur)
    units = cur.execute(
        "SELECT code, province_code FROM regions WHERE level = ? AND (?::VARCHAR IS NULL OR province_code = ?)"
        " AND (?::VARCHAR IS NULL OR code = ?) ORDER BY code", _units_params(level, province, region_code)).fetchall()
    standings = {code: standing_of(sched, last, as_of, code, prov) for code, prov in units}
    # An election without a single report scores every region at its baseline, whatever the
    # phase: its regions are scored in one run (of any such election) instead of one run each.
    reported = {e for (e,) in cur.execute(
        "SELECT DISTINCT election_id FROM visible_incidents UNION SELECT DISTINCT election_id FROM violations"
        " WHERE reports > 0").fetchall()}
    groups: dict[Standing, list[str]] = {}
    quiet: list[str] = []
    for code, st in standings.items():
        if st.election_id in reported:
            groups.setdefault(st, []).append(code)
        else:
            quiet.append(code)
    if quiet:  # keyed by a quiet election's standing: no reported group has it
        groups[standings[quiet[0]]] = quiet
    frames = []
    for st, codes in groups.items():
        one = codes[0] if len(codes) == 1 else region_code
        df = compute(cur, level=level, pairs=[(as_of, st.scored_phase)], election_id=st.election_id,
                     province=province, region_code=one, open_end=st.after_schedule)
        frames.append(df[df["region_code"].isin(codes)][SCORE_COLUMNS])
    if not frames:
        return pd.DataFrame(columns=[*SCORE_COLUMNS, "election_id", "after_schedule"])
    df = pd.concat(frames, ignore_index=True).sort_values("region_code", ignore_index=True)
    own = [standings[c] for c in df["region_code"]]
    df["election_id"] = [st.election_id for st in own]
    df["after_schedule"] = [st.after_schedule for st in own]
    df["phase"] = pd.array([st.phase for st in own], dtype=object)
    return df


def contributions(cur, *, as_of: date, region_code: str, phase: str | None,
                  election_id: str = DEFAULT_ELECTION_ID) -> pd.DataFrame:
    """What makes up one region's score: baseline, each incident category, violations.
    phase None: the region's own election and phase on the date (scores_on's score).

    Rows (component, label_id, label_en, points, n, injured, killed) add up to the score.
    """
    cfg = load_config()
    level = level_of(region_code)
    open_end = False
    if phase is None:  # the region's own election and phase on the date (standing)
        st = standing(cur, as_of=as_of, region_code=region_code)
        election_id, phase, open_end = st.election_id, st.scored_phase, st.after_schedule
    row = compute(cur, level=level, pairs=[(as_of, phase)], election_id=election_id, region_code=region_code,
                  open_end=open_end)
    if row.empty:
        raise UnknownRegion("risk_unknown_region", region=region_code)
    r = row.iloc[0]
    source, generated = str(r["baseline_source"]), bool(r["baseline_generated"])
    weight = float(r["prior_weight"])
    key = "risk_contribution_baseline" if weight >= 1 else "risk_contribution_baseline_faded"
    out = [{"component": BASELINE_COMPONENT,
            **{f"label_{lang}": t(key, lang, source=baseline_source_words(source, generated, lang),
                                  pct=fmt_number(round(weight * 100))) for lang in ("id", "en")},
            "points": float(r["baseline_points"]), "raw_points": None, "n": None, "injured": None, "killed": None}]
    if r["raw_points"] > 0:
        comps = _components(cur, cfg, level, as_of, phase, region_code, election_id, open_end)
        for c in comps.itertuples():
            if c.component == VIOLATIONS_COMPONENT:
                lid, len_ = t("risk_contribution_violations", "id"), t("risk_contribution_violations", "en")
            else:
                w = cfg.incidents.get(c.component)
                lid, len_ = (_capital(w.label_id), _capital(w.label_en)) if w else (c.component, c.component)
            out.append({"component": c.component, "label_id": lid, "label_en": len_,
                        "points": float(c.points * r["share"]), "raw_points": float(c.points),
                        "n": int(c.n), "injured": int(c.injured), "killed": int(c.killed)})
    return pd.DataFrame(out)


def _components(cur, cfg, level, as_of, phase, region_code, election_id, open_end=False) -> pd.DataFrame:
    """Raw points per component of one region and pair (the engine's totals before summing)."""
    _, _, runs = _engine(cur, level=level, pairs=[(as_of, phase)], election_id=election_id, province=None,
                         region_code=region_code, cfg=cfg, open_end=open_end)
    columns = ["cid", "points", "n", "injured", "killed"]
    if not runs:
        return pd.DataFrame(columns=[*columns, "component"])
    flat = {k: v.reshape(-1) for k, v in runs[0][1].items()}  # one pair, one region: one row of slots
    slots = np.flatnonzero(flat["n"] > 0)
    df = pd.DataFrame({"cid": slots - 1, "points": flat["points"][slots], "n": flat["n"][slots],
                       "injured": flat["injured"][slots], "killed": flat["killed"][slots]})
    df = df.sort_values(["points", "cid"], ascending=[False, True]).reset_index(drop=True)
    df["component"] = component_names(cfg, df["cid"])
    return df


def score_history(cur, *, region_code: str, phase: str | None = None, start: date, end: date,
                  step_days: int = 1, election_id: str = DEFAULT_ELECTION_ID) -> pd.DataFrame:
    """(date, phase, score, category) from start to end for one region.

    phase None follows the region's own schedule: each date is scored as scores_on scores
    it (its phase, a 2025 re-vote's phase, after the schedule with no phase); election_id
    is then the one of the standing, and the column election_id says which.
    """
    if step_days < 1:
        raise ValueError("step_days harus >= 1.")
    days = [start + timedelta(days=i) for i in range(0, (end - start).days + 1, step_days)]
    columns = ["date", "phase", "score", "category", "n_incidents", "has_reports"]
    level = level_of(region_code)
    if phase is not None:
        df = compute(cur, level=level, pairs=[(d, phase) for d in days], election_id=election_id,
                     region_code=region_code)
        return df.rename(columns={"as_of": "date"})[columns]
    row = cur.execute("SELECT province_code FROM regions WHERE code = ?", [region_code]).fetchone()
    if row is None:
        raise UnknownRegion("risk_unknown_region", region=region_code)
    sched, last = schedule_of(cur), _last_phases(cur)
    runs: dict[tuple[str, bool], list[tuple[date, str]]] = {}
    for d in days:
        st = standing_of(sched, last, d, region_code, row[0])
        runs.setdefault((st.election_id, st.after_schedule), []).append((d, st.scored_phase))
    frames = []
    for (election, after), pairs in runs.items():
        df = compute(cur, level=level, pairs=pairs, election_id=election, region_code=region_code, open_end=after)
        df = df.rename(columns={"as_of": "date"})[columns]
        df["election_id"] = election
        if after:
            df["phase"] = None
        frames.append(df)
    if not frames:
        return pd.DataFrame(columns=[*columns, "election_id"])
    return pd.concat(frames, ignore_index=True).sort_values("date", ignore_index=True)


def trend(cur, *, as_of: date, level: str = "kabupaten_kota", province: str | None = None,
          phase: str | None = None, election_id: str = DEFAULT_ELECTION_ID, days: int | None = None) -> pd.DataFrame:
    """scores() plus score_prev_7d, delta_7d and category_prev (same phase, 7 days earlier).

    phase None scores each region in the phase as_of falls in; after the election's
    schedule, each region as scores_on scores it on both dates.
    """
    cfg = load_config()
    days = days or cfg.recent_days
    prev_on = as_of - timedelta(days=days)
    last_end = cur.execute("SELECT max(ends_on) FROM election_phases WHERE election_id = ?", [election_id]).fetchone()[0]
    if phase is None and last_end is not None and as_of > last_end:
        # after the election's schedule each region stands in its own phase (scores_on), on both dates
        now = scores_on(cur, as_of=as_of, level=level, province=province)[SCORE_COLUMNS]
        prev = scores_on(cur, as_of=prev_on, level=level, province=province)
    else:
        phase = phase or current_phase(cur, as_of, election_id)
        df = compute(cur, level=level, pairs=[(prev_on, phase), (as_of, phase)], election_id=election_id,
                     province=province)
        now = df[df["as_of"] == as_of][SCORE_COLUMNS].reset_index(drop=True)
        prev = df[df["as_of"] == prev_on]
    prev = prev[["region_code", "score", "category"]].rename(
        columns={"score": "score_prev_7d", "category": "category_prev"})
    out = now.merge(prev, on="region_code", how="left")
    out["delta_7d"] = out["score"] - out["score_prev_7d"]
    return out
