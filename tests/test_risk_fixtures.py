"""Shared builders for the risk tests (no tests here): small databases with real reference rows."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from waspada import reference
from waspada.db import SCHEMA_PATH, Database

ELECTION = "pilkada2024"
_hash = itertools.count(1)


def _insert(con, table: str, df: pd.DataFrame) -> None:
    con.register("_rows", df)
    con.execute("INSERT INTO " + table + " BY NAME SELECT * FROM _rows")
    con.unregister("_rows")


def fill(con, *, provinces=("65",), ikp=(), tps=(), tps_pemilu=(), dpt=(), incidents=(), violations=()) -> None:
    """Reference tables for the given provinces (all 38 provinces always), then the rows given.

    ikp: (region_code, score[, generated]); tps (Pilkada 2024, the exposure), tps_pemilu (Pemilu
    2024, its fallback), dpt: (region_code, value);
    incidents: dicts with occurred_on, region_code, category, phase and optional injured,
    killed, kecamatan_code; violations: (region_code, phase, type, reports, reported_on).
    """
    regions = reference.regions()
    keep = (regions["level"] == "provinsi") | regions["province_code"].isin(provinces)
    _insert(con, "regions", regions[keep])
    _insert(con, "phases", reference.phases()[["phase", "phase_order", "name_id", "name_en"]])
    _insert(con, "elections", reference.ELECTIONS)
    _insert(con, "election_phases", reference.phase_periods(reference.election_stages()))
    _insert(con, "incident_categories", reference.incident_categories()[["category", "name_id", "name_en"]])
    _insert(con, "violation_types", reference.violation_types())
    if ikp:
        rows = [(r[0], r[1], r[2] if len(r) > 2 else False) for r in ikp]
        _insert(con, "ikp_scores", pd.DataFrame({
            "edition": "ikp2024", "region_code": [r[0] for r in rows], "dimension": "total",
            "score": [float(r[1]) for r in rows],
            "category": [reference.ikp_category(r[1], "provinsi" if "." not in r[0] else "kabupaten_kota")
                         for r in rows],
            "source": "test", "generated": [r[2] for r in rows]}))
    figures = ([(c, "tps", v, reference.DEFAULT_ELECTION_ID) for c, v in tps]
               + [(c, "tps", v, "pemilu2024") for c, v in tps_pemilu]
               + [(c, "dpt", v, reference.DEFAULT_ELECTION_ID) for c, v in dpt])
    if figures:
        _insert(con, "kpu_figures", pd.DataFrame(figures, columns=["region_code", "figure", "value", "of_election"])
                .assign(source="test", generated=False))
    con.execute("INSERT INTO uploads (upload_id, kind, file_name, sha256, uploaded_at, uploaded_by, data_rows,"
                " accepted, duplicates, refused, report_json)"
                " VALUES (nextval('upload_id_seq'), 'incidents', 'uji.xlsx', '-', now(), 'uji', 0, 0, 0, 0, '{}')")
    add_incidents(con, incidents)
    if violations:
        _insert(con, "violations", pd.DataFrame(
            violations, columns=["region_code", "phase", "violation_type", "reports", "reported_on"])
            .assign(election_id=ELECTION, source="test", generated=False))


def add_incidents(con, incidents) -> None:
    if not incidents:
        return
    rows = []
    for inc in incidents:
        region = inc["region_code"]
        rows.append({
            "election_id": ELECTION, "occurred_on": inc["occurred_on"], "province_code": region[:2],
            "region_code": region, "kecamatan_code": inc.get("kecamatan_code"), "phase": inc["phase"],
            "phase_from": "file", "category": inc["category"], "description": "uji",
            "injured": inc.get("injured", 0), "killed": inc.get("killed", 0), "source_file": "uji.xlsx",
            "upload_id": inc.get("upload_id", 1), "generated": False, "content_hash": f"h{next(_hash)}",
        })
    _insert(con, "incidents", pd.DataFrame(rows))
    # Verified unless a test says otherwise (status="dilaporkan" or "ditolak"): the hand-computed
    # scores are those of checked reports; the weight of unchecked ones is tested on its own.
    decided = [(r["content_hash"], i.get("status", "terverifikasi")) for r, i in zip(rows, incidents)
               if i.get("status", "terverifikasi") != "dilaporkan"]
    for key, status in decided:
        con.execute("INSERT INTO incident_verifications (incident_key, incident_id, status, reason, decided_by,"
                    " decided_at) SELECT content_hash, id, ?, ?, 'uji', now() FROM incidents WHERE content_hash = ?",
                    [status, "hoaks" if status == "ditolak" else None, key])


def make_db(tmp_path: Path, **rows) -> Database:
    """A database file built through Database.writer(create=True)."""
    db = Database(tmp_path / "r.duckdb")
    with db.writer(create=True) as con:
        fill(con, **rows)
    return db


def memory_db(**rows) -> duckdb.DuckDBPyConnection:
    """The same in memory (fast enough for property tests with many examples)."""
    con = duckdb.connect(":memory:")
    con.execute(SCHEMA_PATH.read_text(encoding="utf-8"))
    fill(con, **rows)
    return con


def inc(day: date, category: str, phase: str = "kampanye", region: str = "65.71", **extra) -> dict:
    return {"occurred_on": day, "category": category, "phase": phase, "region_code": region, **extra}


# -- the engine's mechanics under fixed, round numbers ----------------------------------------
# The hand-computed tests check the engine (kernels, carry-over, exposure, casualties, bands)
# with the judgement values the method was written with, not the values the backtest fits
# into data/risk_model.toml (those change whenever the fit is rerun; the worked example and
# the backtest check them). Every other setting is the real file's.
JUDGEMENT = {
    "scale_points = ": "15.0", "half_life_days = ": "14.0", "norm_half_life_days = ": "60.0",
    "norm_weight = ": "0.0", "carry_over = ": "0.5", "injured = ": "1.0", "killed = ": "5.0", "power = ": "0.5",
    "surge_min_history = ": "0", "prior_fade_days = ": "1000000000000.0",  # no fading: the IKP stays the baseline
}


def judgement_config_text() -> str:
    import re
    from waspada.risk.config import RISK_CONFIG_PATH
    lines = []
    for line in RISK_CONFIG_PATH.read_text(encoding="utf-8").splitlines():
        for key, value in JUDGEMENT.items():
            if line.startswith(key):  # the value only: the comment after it stays (config_table reads it)
                line = re.sub(r"^(\w+ = )[0-9.]+", rf"\g<1>{value}", line)
        if line.startswith("reports_"):  # the measured bands of a score with reports: Bawaslu's here
            continue
        lines.append(line)
    text = "\n".join(lines) + "\n"
    # category weights as judged (the fit changed these four)
    for cat, w in (("konflik_tata_kelola", "0.5"), ("konflik_lahan_sda", "0.25"), ("main_hakim_sendiri", "0.25"),
                   ("lainnya", "0.5")):
        text = re.sub(rf"(\[incidents\.{cat}\]\nweight = )[0-9.]+", rf"\g<1>{w}", text)
    return text


def use_judgement_config(monkeypatch, tmp_path_factory):
    """Point load_config() at the judgement values for one test; returns that config."""
    from waspada.risk import config
    path = tmp_path_factory.mktemp("cfg") / "risk_model.toml"
    path.write_text(judgement_config_text(), encoding="utf-8")
    monkeypatch.setattr(config, "RISK_CONFIG_PATH", path)
    return config.load_config()
