"""Issue 14: real Pilkada 2024 data in the product, and no generated number in a real
installation (`etl build --no-sample`)."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pandas as pd
import pytest

from etl.build import ScheduleFileError, build_database, load_schedule
from tests.workbooks import HEADER, good_row, reference_db, xlsx
from waspada import maps, queries, reference
from waspada.briefing import pilkada_facts
from waspada.db import Database
from waspada.ingest import parse_incident_file, store_incidents
from waspada.ingest.tables import parse_ikp_file, store_table
from waspada.paths import REFERENCE_DIR
from waspada.reference import DEFAULT_ELECTION_ID
from waspada.risk import scores

AS_OF = date(2024, 11, 20)  # kampanye of Pilkada 2024


def rows_of(name: str) -> list[dict]:
    with open(REFERENCE_DIR / name, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def real(tmp_path_factory) -> Database:
    path = tmp_path_factory.mktemp("real") / "waspada.duckdb"
    build_database(path, sample=False)
    return Database(path)


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Database:
    path = tmp_path_factory.mktemp("sample") / "waspada.duckdb"
    build_database(path, sample=True)
    return Database(path)


# -- the embedded files ---------------------------------------------------------------------
def test_embedded_files_have_their_documented_rows():
    contests = rows_of("pilkada2024_paslon_wilayah.csv")
    assert len(contests) == 545
    assert sum(r["level"] == "provinsi" for r in contests) == 37
    assert sum(r["level"] == "kabkota" for r in contests) == 508
    assert sum(r["calon_tunggal"] == "1" for r in contests) == 37
    ballot = rows_of("pilkada2024_paslon_kandidat.csv")
    assert len(ballot) == 1594 and sum(r["is_kolom_kosong"] == "1" for r in ballot) == 37
    reruns = rows_of("pilkada2024_psu_2025.csv")
    assert len(reruns) == 26
    assert sum(r["dasar"].startswith("Putusan MK") for r in reruns) == 24
    dpt = rows_of("pilkada2024_dpt_sebagian.csv")
    assert len(dpt) == 19 and sum(r["level"] == "provinsi" for r in dpt) == 7
    mapping = rows_of("bawaslu_pemetaan_kerawanan_2024.csv")
    assert len(mapping) == 57
    assert sum(r["level"] == "provinsi" for r in mapping) == 37
    # the reference loaders keep every row
    assert len(reference.contest_pairs()) == 545 and len(reference.candidate_pairs()) == 1594
    assert len(reference.revotes()) == 26 and len(reference.pilkada_dpt()) == 19
    assert len(reference.vulnerability_maps()) == 57


def test_every_contest_and_rerun_is_a_real_region(real):
    cur = real.reader()
    assert cur.execute("SELECT count(*) FROM contests c LEFT JOIN regions r ON r.code = c.region_code"
                       " WHERE r.code IS NULL").fetchone()[0] == 0
    assert cur.execute("SELECT count(*) FROM candidate_pairs p LEFT JOIN contests c USING (election_id, region_code)"
                       " WHERE c.region_code IS NULL").fetchone()[0] == 0
    assert cur.execute("SELECT count(*) FROM vulnerability_maps v LEFT JOIN regions r ON r.code = v.region_code"
                       " WHERE r.code IS NULL").fetchone()[0] == 0


# -- spot values -----------------------------------------------------------------------------
def test_spot_values_of_the_contests(real):
    facts = queries.contest_facts(real.reader()).set_index("region_code")
    assert (facts.loc["31", "n_pairs"], facts.loc["31", "single_candidate"]) == (3, False)  # DKI Jakarta
    assert (facts.loc["92", "n_pairs"], facts.loc["92", "single_candidate"]) == (1, True)  # Papua Barat
    assert (facts.loc["53.71", "n_pairs"], facts.loc["53.71", "single_candidate"]) == (5, False)  # Kota Kupang
    assert int(facts["single_candidate"].sum()) == 37
    ballot = queries.candidate_pairs(real.reader(), region="92")
    assert list(ballot["empty_column"]) == [False, True]


def test_kab_serang_revote_on_19_april_2025_over_2355_tps(real):
    cur = real.reader()
    runs = queries.reruns(cur, province="36").set_index("region_code")
    serang = runs.loc["36.04"]
    assert serang["kind"] == "psu" and str(serang["vote_on"])[:10] == "2025-04-19"
    assert serang["scope"] == "seluruh (2.355 TPS)"
    assert cur.execute("SELECT parent_election_id FROM elections WHERE election_id = ?",
                       [serang["election_id"]]).fetchone()[0] == DEFAULT_ELECTION_ID
    assert cur.execute("SELECT value, generated FROM kpu_figures WHERE region_code = '36.04' AND figure = 'tps'"
                       " AND of_election = ?", [DEFAULT_ELECTION_ID]).fetchone() == (2355, False)
    phases = dict(cur.execute("SELECT phase, starts_on FROM election_phases WHERE election_id = ?",
                              [serang["election_id"]]).fetchall())
    assert "kampanye" not in phases  # a PSU repeats the vote with the same pairs
    assert phases["pemungutan_suara"] == date(2025, 4, 19) and phases["rekapitulasi"] == date(2025, 4, 20)
    assert phases["persiapan"] == reference.MK_RULING_DAY
    # a re-election after kolom kosong won has a campaign
    bangka = dict(cur.execute("SELECT phase, starts_on FROM election_phases WHERE election_id = 'ulang2025_19.01'")
                  .fetchall())
    assert bangka["pemungutan_suara"] == date(2025, 8, 27) and "kampanye" in bangka
    assert cur.execute("SELECT count(*) FROM elections WHERE parent_election_id = ?", [DEFAULT_ELECTION_ID]
                       ).fetchone()[0] == 26


def test_published_dpt_only_and_bawaslu_mapping_beside_the_ikp(real):
    cur = real.reader()
    assert cur.execute("SELECT value FROM kpu_figures WHERE region_code = '31' AND figure = 'dpt'").fetchone() == (8214007,)
    assert cur.execute("SELECT count(*) FROM kpu_figures WHERE figure = 'dpt'").fetchone()[0] == 19
    # NTT: IKP 2024 56.75 (sedang) beside the 2024 mapping's tinggi, each with its date
    vul = queries.vulnerability(cur, region="53.71").set_index("index_name")
    assert vul.loc["ikp2024", "score"] == pytest.approx(56.75) and vul.loc["ikp2024", "published"] == "2022-12-16"
    assert vul.loc["bawaslu_pemetaan_2024", "category"] == "tinggi"
    assert vul.loc["bawaslu_pemetaan_2024", "published"] == "2024-08-26"
    assert vul["source"].str.len().min() > 10
    prov = queries.province_vulnerability(cur).set_index("code")
    assert prov["mapping_category"].notna().sum() == 37 and pd.isna(prov.loc["34", "mapping_category"])  # DIY


# -- no generated number in a real installation -------------------------------------------------
def test_a_real_installation_stores_no_generated_row(real):
    cur = real.reader()
    tables = [r[0] for r in cur.execute(
        "SELECT table_name FROM information_schema.columns WHERE column_name = 'generated'"
        " AND table_schema = current_schema() AND table_catalog = current_database()").fetchall()]
    assert {"kpu_figures", "ikp_scores", "violations", "incidents", "data_sources"} <= set(tables)
    for table in tables:
        assert cur.execute("SELECT count(*) FROM " + table + " WHERE generated").fetchone()[0] == 0, table
    assert cur.execute("SELECT count(*) FROM ikp_scores WHERE dimension <> 'total'").fetchone()[0] == 0


def test_real_scores_borrow_the_province_ikp_labelled_and_use_the_pilkada_tps(real):
    df = scores(real.reader(), as_of=AS_OF, phase="kampanye")
    assert not df["baseline_generated"].any()
    assert not df["reason_id"].str.contains("dibangkitkan").any()
    # the 504 kab/kota the issue counted: 10 published scores, the rest borrow the province's
    # (or, in the four provinces of 2022, the province they were carved out of)
    assert df["baseline_source"].value_counts().to_dict() == {"ikp_provinsi": 482, "ikp_provinsi_asal": 22, "ikp": 10}
    borrowed = df[df["baseline_source"] == "ikp_provinsi"]
    assert borrowed["reason_id"].str.contains("IKP provinsi \\(kab/kota belum dipublikasikan\\)").all()
    assert borrowed["reason_en"].str.contains("regency/city score not published").all()
    contest_codes = set(reference.contest_pairs()["region_code"])
    in_contest = df[df["region_code"].isin(contest_codes)]
    assert len(in_contest) == 508 and (in_contest["exposure_source"] == "tps").all()
    dki_admin = df[df["region_code"] == "31.71"].iloc[0]  # no Pilkada contest of its own
    assert dki_admin["exposure_source"] == "tps_cadangan"


def test_loaded_kabkota_ikp_replaces_the_borrowed_one(tmp_path_factory, tmp_path):
    db = reference_db(tmp_path_factory, tmp_path)
    path = tmp_path / "ikp.csv"
    path.write_text("wilayah,dimensi,skor,edisi,sumber\nKota Tarakan,total,30.5,ikp2024,Bawaslu Kaltara\n",
                    encoding="utf-8")
    store_table(db, parse_ikp_file(path, path.name, db=db), path, "uji")
    row = scores(db.reader(), as_of=AS_OF, phase="kampanye", region_code="65.71").iloc[0]
    assert (row["baseline_source"], row["baseline"]) == ("ikp", pytest.approx(30.5))


def test_the_sample_database_keeps_its_labelled_standins(sample):
    df = scores(sample.reader(), as_of=AS_OF, phase="kampanye")
    assert df["baseline_generated"].any()
    assert df.loc[df["baseline_generated"], "reason_id"].str.contains("dibangkitkan").all()
    cur = sample.reader()
    assert cur.execute("SELECT count(*) FROM kpu_figures WHERE figure = 'paslon' AND generated").fetchone()[0] == 0
    assert cur.execute("SELECT bool_and(generated) FROM kpu_figures k WHERE figure = 'dpt' AND region_code NOT IN"
                       " (SELECT region_code FROM kpu_figures WHERE figure = 'dpt' AND source LIKE 'KPU%')"
                       ).fetchone()[0] is True


# -- the phase of a date in a re-vote region -------------------------------------------------------
def test_an_incident_in_kab_serang_on_20_april_2025_is_in_the_revotes_recapitulation(tmp_path_factory, tmp_path):
    db = reference_db(tmp_path_factory, tmp_path)
    path = xlsx(tmp_path / "serang.xlsx", [
        HEADER,
        good_row(tanggal="20/04/2025", kabupaten_kota="Kabupaten Serang", kecamatan="", uraian="Massa di KPU Serang"),
        good_row(tanggal="20/11/2024", kabupaten_kota="Kabupaten Serang", kecamatan="", uraian="Baliho dirusak"),
        good_row(tanggal="20/04/2025", kabupaten_kota="Kabupaten Pandeglang", kecamatan="", tahapan="Penetapan",
                 uraian="Unjuk rasa di Pandeglang"),
    ])
    report = parse_incident_file(path, db=db)
    got = report.accepted[["description", "election_id", "phase"]].to_records(index=False).tolist()
    assert got == [("Massa di KPU Serang", "psu2025_36.04", "rekapitulasi"),
                   ("Baliho dirusak", DEFAULT_ELECTION_ID, "kampanye"),
                   ("Unjuk rasa di Pandeglang", DEFAULT_ELECTION_ID, "penetapan")]
    assert store_incidents(db, report, path, uploaded_by="uji").new == 3
    now = queries.rerun_score(db.reader(), region="36.04", as_of=date(2025, 4, 20))
    assert (now["election_id"], now["phase"]) == ("psu2025_36.04", "rekapitulasi")
    # the re-run's score counts the incident of its recapitulation (baseline alone the day before)
    before = queries.rerun_score(db.reader(), region="36.04", as_of=date(2025, 4, 19))
    assert before["phase"] == "pemungutan_suara" and now["score"] > before["score"]
    assert "1 perusakan" in now["reason_id"]
    assert queries.rerun_score(db.reader(), region="36.01", as_of=date(2025, 4, 20)) is None
    # the span a date picker needs to follow the re-runs: up to the last re-run's penetapan
    # (the re-elections of 27 August 2025: penetapan ends V+84 by the rule)
    assert queries.monitoring_span(db.reader()) == (date(2024, 5, 5), date(2025, 8, 27) + timedelta(days=84))

    # The office loads the KPU's schedule: recapitulation starts later; the incident moves and
    # the loaded schedule survives a rebuild.
    schedule = tmp_path / "jadwal.csv"
    schedule.write_text(
        "election_id,phase,stage,name_id,starts_on,ends_on,note\n"
        "psu2025_36.04,persiapan,persiapan,Persiapan,2025-02-24,2025-04-15,\n"
        "psu2025_36.04,masa_tenang,masa_tenang,Masa tenang,2025-04-16,2025-04-18,\n"
        "psu2025_36.04,pemungutan_suara,pemungutan_suara,Pemungutan suara ulang,2025-04-19,2025-04-20,KPU\n"
        "psu2025_36.04,rekapitulasi,rekap,Rekapitulasi,2025-04-21,2025-04-25,\n", encoding="utf-8")
    assert load_schedule(db.path, schedule) == {"election": "psu2025_36.04", "stages": 4, "moved": 1}
    phase_now = "SELECT phase FROM incidents WHERE description = 'Massa di KPU Serang'"
    assert db.reader().execute(phase_now).fetchone() == ("pemungutan_suara",)
    build_database(db.path, sample=False)
    cur = db.reader()
    assert cur.execute("SELECT max(ends_on) FROM election_phases WHERE election_id = 'psu2025_36.04'"
                       ).fetchone() == (date(2025, 4, 25),)
    assert queries.reruns(cur, province="36").set_index("region_code").loc["36.04", "schedule_loaded"]


def test_a_bad_schedule_file_is_refused_in_both_languages_and_writes_nothing(tmp_path_factory, tmp_path):
    db = reference_db(tmp_path_factory, tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text("election_id,phase,stage,name_id,starts_on,ends_on\n"
                   "psu2025_36.04,hitung,x,x,2025-04-19,2025-04-19\n", encoding="utf-8")
    with pytest.raises(ScheduleFileError) as err:
        load_schedule(db.path, bad)
    assert "tahapan hitung tidak dikenal" in err.value.render("id")
    assert "unknown phase hitung" in err.value.render("en")
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("election_id,phase,stage,name_id,starts_on,ends_on\n"
                       "psu2099_36.04,pemungutan_suara,v,v,2025-04-19,2025-04-19\n", encoding="utf-8")
    with pytest.raises(ScheduleFileError):
        load_schedule(db.path, unknown)
    assert db.reader().execute("SELECT count(*) FROM election_stages WHERE loaded_from IS NOT NULL").fetchone() == (0,)


# -- what the reader sees ----------------------------------------------------------------------------
def test_facts_on_the_profile_map_and_briefing(real):
    cur = real.reader()
    facts = queries.contest_facts(cur)
    assert queries.fact_lines(facts, "31", "id") == ["Pilkada 2024 (gubernur): 3 paslon"]
    assert queries.fact_lines(facts, "92", "id") == ["Pilkada 2024 (gubernur): calon tunggal melawan kolom kosong"]
    serang = queries.fact_lines(facts, "36.04", "en")
    assert serang[1].startswith("Re-vote (PSU) on 19 April 2025 — scope: seluruh (2.355 TPS)")
    assert "estimated by Waspada" in serang[1]
    svg = maps.risk_svg("kabupaten_kota", None, "id", province="36",
                        facts=queries.region_fact_lines(cur, lang="id"))
    assert "Pemungutan suara ulang (PSU) 19 April 2025" in svg
    sentence = pilkada_facts(cur, "36", "Banten", "id")
    assert "gubernur 2 paslon" in sentence
    assert "Pemungutan suara ulang (PSU) 19 April 2025 di Kabupaten Serang" in sentence


def test_region_profile_shows_the_contest_rerun_and_published_vulnerability(open_app, sample_db):
    from apptest_helpers import assert_clean, texts

    at = open_app(sample_db, page="wilayah", params={"prov": "36", "wilayah": "36.04", "tanggal": "2024-11-27"})
    assert_clean(at)
    body = texts(at)
    assert "Pilkada 2024 (bupati): 2 paslon" in body
    assert "Pemungutan suara ulang (PSU) 19 April 2025 — cakupan: seluruh (2.355 TPS)" in body
    # the fitted model has no exposure term ([exposure] power 0): the page says so, not "scaled by"
    assert "TPS wilayah ini: 2.355 (TPS Pilkada 2024). Skor risiko tidak disesuaikan dengan ukuran wilayah" in body
    assert "diskalakan" not in body
    vul = next(d.value for d in at.dataframe if "Indeks" in d.value.columns)
    mapping = vul[vul["Indeks"].str.startswith("Pemetaan")].iloc[0]
    assert (mapping["Wilayah"], mapping["Nilai"], mapping["Terbit"]) == ("Banten", "sedang", "2024-08-26")


def test_method_page_puts_the_2024_mapping_beside_the_ikp(open_app, sample_db):
    from apptest_helpers import assert_clean

    at = open_app(sample_db, page="metode")
    assert_clean(at)
    tables = [d.value for d in at.dataframe]
    prov = next(t for t in tables if "Pemetaan 2024 (26 Agt 2024)" in t.columns).set_index("Wilayah")
    assert tuple(prov.loc["Nusa Tenggara Timur", ["IKP 2024 (16 Des 2022)", "Pemetaan 2024 (26 Agt 2024)"]]) == (
        "56,75", "tinggi")
    runs = next(t for t in tables if "Cakupan" in t.columns)
    assert len(runs) == 26 and set(runs["Jadwal"]) == {"perkiraan Waspada"}
