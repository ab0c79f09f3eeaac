"""The national-scale generator (etl/national.py): deterministic, real region codes, two
election cycles, and the clustering that makes it a fair load test."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from etl import national
from etl.build import build_database
from waspada import reference
from waspada.db import Database

N = 30_000


@pytest.fixture(scope="module")
def reference_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("national") / "ref.duckdb"
    build_database(path, sample=False)
    return path


def _generate(reference_db: Path, tmp_path: Path, name: str, seed: int, n: int = N) -> Path:
    path = tmp_path / name
    shutil.copyfile(reference_db, path)
    with Database(path).writer() as con:
        national.add_second_cycle(con)
        assert national.generate_incidents(con, n, seed) == n
    return path


def _fingerprint(path: Path) -> tuple:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(
            "SELECT count(*), sum(hash(election_id, occurred_on, kecamatan_code, phase, category, injured, killed,"
            " content_hash)) FROM incidents"
        ).fetchone()
    finally:
        con.close()


@pytest.fixture(scope="module")
def generated(reference_db, tmp_path_factory) -> Path:
    return _generate(reference_db, tmp_path_factory.mktemp("gen"), "a.duckdb", seed=7)


def test_the_same_seed_gives_the_same_rows_and_another_seed_other_rows(reference_db, generated, tmp_path):
    again = _generate(reference_db, tmp_path, "b.duckdb", seed=7)
    other = _generate(reference_db, tmp_path, "c.duckdb", seed=8)
    assert _fingerprint(again) == _fingerprint(generated)
    assert _fingerprint(other)[0] == N and _fingerprint(other) != _fingerprint(generated)


def test_every_region_code_is_a_real_one_and_consistent(generated):
    regions = reference.regions().set_index("code")
    con = duckdb.connect(str(generated), read_only=True)
    rows = con.execute("SELECT DISTINCT province_code, region_code, kecamatan_code FROM incidents").fetchall()
    con.close()
    for province, kab, kec in rows:
        assert regions.loc[kec, "level"] == "kecamatan"
        assert regions.loc[kec, "kabkota_code"] == kab and regions.loc[kab, "level"] == "kabupaten_kota"
        assert regions.loc[kab, "province_code"] == province and regions.loc[province, "level"] == "provinsi"
    assert len({r[0] for r in rows}) == 38  # every province has incidents at this size


def test_two_election_cycles_each_with_its_schedule_and_incidents_in_its_phases(generated):
    con = duckdb.connect(str(generated), read_only=True)
    try:
        per = dict(con.execute("SELECT election_id, count(*) FROM incidents GROUP BY ALL").fetchall())
        assert set(per) == {"pilkada2024", national.SECOND_ELECTION}
        assert per["pilkada2024"] == pytest.approx(0.6 * N, rel=0.05)
        name, source = con.execute("SELECT name, source FROM elections WHERE election_id = ?",
                                   [national.SECOND_ELECTION]).fetchone()
        assert "HIPOTETIS" in name and "Dibangkitkan" in source
        assert con.execute("SELECT count(*) FROM election_phases WHERE election_id = ?",
                           [national.SECOND_ELECTION]).fetchone()[0] == 8
        assert con.execute("SELECT bool_and(name_id LIKE '%(hipotetis, dibangkitkan)') FROM election_stages"
                           " WHERE election_id = ?", [national.SECOND_ELECTION]).fetchone()[0]
        # every incident's phase is the phase its date falls in, in its own cycle
        misplaced = con.execute(
            "SELECT count(*) FROM incidents i JOIN election_phases ep ON ep.election_id = i.election_id"
            " AND i.occurred_on BETWEEN ep.starts_on AND ep.ends_on WHERE ep.phase <> i.phase").fetchone()[0]
        assert misplaced == 0
        assert con.execute("SELECT bool_and(generated) AND bool_and(description LIKE '%DIBANGKITKAN%')"
                           " FROM incidents").fetchone()[0]
    finally:
        con.close()


def test_incidents_cluster_by_phase_by_vulnerability_and_in_bursts(generated):
    con = duckdb.connect(str(generated), read_only=True)
    try:
        per_day = dict(con.execute(
            "SELECT i.phase, count(*) / any_value(date_diff('day', ep.starts_on, ep.ends_on) + 1)"
            " FROM incidents i JOIN election_phases ep ON ep.election_id = i.election_id AND ep.phase = i.phase"
            " WHERE i.election_id = 'pilkada2024' GROUP BY ALL").fetchall())
        assert per_day["kampanye"] > 3 * per_day["persiapan"]
        assert per_day["rekapitulasi"] > 3 * per_day["persiapan"]
        assert per_day["pemungutan_suara"] > per_day["kampanye"]
        top_masa_tenang = con.execute(
            "SELECT category FROM incidents WHERE phase = 'masa_tenang' GROUP BY ALL ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        assert top_masa_tenang == "politik_uang"
        # kab/kota in Bawaslu's tinggi band report more per kecamatan than those in rendah (the
        # kab/kota's published IKP, else its province's: a real build has no stand-ins)
        by_band = dict(con.execute(
            "WITH k AS (SELECT r.code, r.kabkota_code, r.province_code FROM regions r WHERE r.level = 'kecamatan'),"
            " n AS (SELECT kecamatan_code, count(*) AS n FROM incidents GROUP BY ALL)"
            " SELECT coalesce(s.category, p.category), sum(coalesce(n.n, 0)) / count(*) FROM k"
            " LEFT JOIN ikp_scores s ON s.region_code = k.kabkota_code AND s.dimension = 'total'"
            " JOIN ikp_scores p ON p.region_code = k.province_code AND p.dimension = 'total'"
            " LEFT JOIN n ON n.kecamatan_code = k.code GROUP BY ALL").fetchall())
        assert by_band["tinggi"] > 1.5 * by_band["rendah"]
        # bursts: some kab/kota-days far above the usual
        biggest, mean = con.execute(
            "WITH d AS (SELECT region_code, occurred_on, count(*) AS n FROM incidents GROUP BY ALL)"
            " SELECT max(n), avg(n) FROM d").fetchone()
        assert biggest > 10 * mean
    finally:
        con.close()


def test_cli_writes_a_labelled_national_database(tmp_path):
    from etl.__main__ import main

    db = tmp_path / "nasional_generated.duckdb"
    assert main(["generate-national", "--db", str(db), "--incidents", "2000", "--seed", "3"]) == 0
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM incidents").fetchone()[0] == 2000
        assert con.execute("SELECT count(*) FROM regions").fetchone()[0] == len(reference.regions())
        assert con.execute("SELECT bool_and(generated) FROM data_sources"
                           " WHERE dataset IN ('incidents_national', 'election_pilkada2029')").fetchone()[0]
    finally:
        con.close()
