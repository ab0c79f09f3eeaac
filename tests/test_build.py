"""`python -m etl build`: the embedded data lands complete, real figures intact, idempotently."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from etl.build import build_database
from waspada.db import Database
from waspada.paths import REFERENCE_DIR, ROOT
from waspada.reference import DEFAULT_ELECTION_ID


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Database:
    path = tmp_path_factory.mktemp("build") / "waspada.duckdb"
    build_database(path, sample=True)
    return Database(path)


def scalar(db: Database, sql: str, params=None):
    return db.reader().execute(sql, params or []).fetchone()[0]


def test_all_kemendagri_regions_with_dotted_codes(built):
    levels = dict(built.reader().execute("SELECT level, count(*) FROM regions GROUP BY level").fetchall())
    assert levels == {"provinsi": 38, "kabupaten_kota": 514, "kecamatan": 7285}
    row = built.reader().execute(
        "SELECT name, short_name, kind, parent_code, timezone FROM regions WHERE code = '65.71'").fetchone()
    assert row == ("Kota Tarakan", "Tarakan", "kota", "65", "WITA")
    assert scalar(built, "SELECT parent_code FROM regions WHERE code = '65.71.01'") == "65.71"
    assert scalar(built, "SELECT timezone FROM regions WHERE code = '94'") == "WIT"
    assert scalar(built, "SELECT timezone FROM regions WHERE code = '61'") == "WIB"


def test_contests_follow_pilkada_2024(built):
    races = dict(built.reader().execute("SELECT race, count(*) FROM contests WHERE election_id = ? GROUP BY race",
                                        [DEFAULT_ELECTION_ID]).fetchall())
    assert races == {"gubernur": 37, "bupati": 415, "walikota": 93}
    no_contest = {r[0] for r in built.reader().execute(
        "SELECT code FROM regions WHERE level <> 'kecamatan' AND code NOT IN "
        "(SELECT region_code FROM contests WHERE election_id = ?)", [DEFAULT_ELECTION_ID]
    ).fetchall()}
    assert no_contest == {"34", "31.01", "31.71", "31.72", "31.73", "31.74", "31.75"}


def test_phases_cover_the_schedule_without_gaps(built):
    rows = built.reader().execute(
        "SELECT phase, starts_on, ends_on FROM election_phases JOIN phases USING (phase) WHERE election_id = ?"
        " ORDER BY phase_order", [DEFAULT_ELECTION_ID]).fetchall()
    assert [r[0] for r in rows] == ["persiapan", "pencalonan", "kampanye", "masa_tenang", "pemungutan_suara",
                                    "rekapitulasi", "penetapan", "pelantikan"]
    for (_, _, end), (_, start, _) in zip(rows, rows[1:]):
        assert (start - end).days == 1
    assert str(dict((r[0], r[1]) for r in rows)["pemungutan_suara"]) == "2024-11-27"


def test_real_tps_counts_are_loaded_unchanged(built):
    with open(REFERENCE_DIR / "pemilu2024_tps_kabkota.csv", encoding="utf-8") as fh:
        tarakan = next(r for r in csv.DictReader(fh) if r["kode_kabkota"] == "6571")
    value, generated, election = built.reader().execute(
        "SELECT value, generated, of_election FROM kpu_figures WHERE region_code = '65.71' AND figure = 'tps'"
        " AND of_election = 'pemilu2024'").fetchone()
    assert (value, generated, election) == (int(tarakan["n_tps_total"]), False, "pemilu2024")
    # Province TPS is the sum of its kabupaten/kota.
    assert scalar(built, "SELECT value FROM kpu_figures WHERE region_code = '65' AND figure = 'tps'"
                         " AND of_election = 'pemilu2024'") == scalar(
        built, "SELECT sum(value) FROM kpu_figures k JOIN regions r ON r.code = k.region_code "
               "WHERE figure = 'tps' AND of_election = 'pemilu2024' AND r.level = 'kabupaten_kota' AND r.province_code = '65'")


def test_ikp_real_scores_keep_bawaslu_categories_and_standins_are_flagged(built):
    assert built.reader().execute(
        "SELECT score, category, generated FROM ikp_scores WHERE region_code = '64' AND dimension = 'total'"
    ).fetchone() == (77.04, "tinggi", False)
    assert built.reader().execute(
        "SELECT score, category, generated FROM ikp_scores WHERE region_code = '65' AND dimension = 'total'"
    ).fetchone() == (20.36, "rendah", False)
    # Kabupaten Intan Jaya, one of the ten published kab/kota scores.
    assert scalar(built, "SELECT generated FROM ikp_scores i JOIN regions r ON r.code = i.region_code "
                         "WHERE r.name = 'Kabupaten Intan Jaya' AND dimension = 'total'") is False
    assert scalar(built, "SELECT count(*) FROM ikp_scores WHERE dimension = 'total' AND NOT generated") == 44
    # Every region has a total, and every stand-in says it is one.
    assert scalar(built, "SELECT count(*) FROM ikp_scores WHERE dimension = 'total'") == 38 + 514
    assert scalar(built, "SELECT count(*) FROM ikp_scores WHERE generated AND source NOT LIKE '%dibangkitkan%'") == 0


def test_sample_incidents_cover_every_phase_in_three_provinces(built):
    per_province = dict(built.reader().execute(
        "SELECT province_code, count(*) FROM incidents GROUP BY 1").fetchall())
    assert set(per_province) == {"65", "53", "61"}
    phases = {r[0] for r in built.reader().execute("SELECT DISTINCT phase FROM incidents").fetchall()}
    assert phases == {"persiapan", "pencalonan", "kampanye", "masa_tenang", "pemungutan_suara",
                      "rekapitulasi", "penetapan", "pelantikan"}
    assert scalar(built, "SELECT bool_and(generated) FROM incidents") is True
    # The sample went through the staff-file parser: every row accepted, none refused or doubled.
    assert built.reader().execute(
        "SELECT kind, data_rows = accepted, refused, duplicates FROM uploads").fetchall() == [("sample", True, 0, 0)]
    # Every incident's region is a real kabupaten/kota of the province it claims.
    assert scalar(built, "SELECT count(*) FROM incidents i LEFT JOIN regions r ON r.code = i.region_code "
                         "AND r.level = 'kabupaten_kota' AND r.province_code = i.province_code WHERE r.code IS NULL") == 0


def test_rebuild_is_idempotent_and_keeps_uploaded_rows(tmp_path):
    path = tmp_path / "w.duckdb"
    first = build_database(path, sample=True)
    db = Database(path)
    # An uploaded figure replaces the embedded stand-in for the same key (as load-kpu does).
    with db.writer() as con:
        con.execute("INSERT OR REPLACE INTO kpu_figures VALUES "
                    "('65.71', 'paslon', 3, 'pilkada2024', 'unggahan KPU', FALSE, 99)")
    second = build_database(path, sample=True)
    assert second == first
    assert db.reader().execute(
        "SELECT value, generated, upload_id FROM kpu_figures WHERE region_code = '65.71' AND figure = 'paslon'"
    ).fetchone() == (3, False, 99)

    without_sample = build_database(path, sample=False)
    assert without_sample["incidents"] == 0
    assert without_sample["violations"] == 0
    assert without_sample["regions"] == first["regions"]


def test_build_command_line(tmp_path):
    path = tmp_path / "cli.duckdb"
    result = subprocess.run([sys.executable, "-m", "etl", "build", "--db", str(path), "--no-sample"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "regions 7.837" in result.stdout
    assert scalar(Database(path), "SELECT count(*) FROM incidents") == 0
