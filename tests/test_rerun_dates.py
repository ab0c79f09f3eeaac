"""Dates after Pilkada 2024's schedule (issue 14): the date picker reaches the last 2025
re-run's phases; a region whose re-vote holds the date is scored in the re-vote's phase and
labelled with it; any other region is "di luar tahapan", scored from its reports decayed to
the date, with no made-up phase; every page works on such a date."""

from __future__ import annotations

import json
from datetime import date

import pytest

from apptest_helpers import assert_clean, metrics, svg_maps, texts
from waspada import briefing, maps, queries, risk
from waspada.db import Database

SERANG = "36.04"  # PSU on 19 April 2025: rekapitulasi 20 April .. 8 May by the rule
KUPANG = "53.71"  # sample incidents up to 20 February 2025, no re-vote
REKAP_DAY = date(2025, 4, 20)


@pytest.fixture(scope="module")
def cur(sample_db):
    return Database(sample_db).reader()


def test_each_region_is_scored_in_its_own_election_and_phase(cur):
    df = queries.risk_scores_on(cur, as_of=REKAP_DAY, province="36").set_index("region_code")
    assert len(df) == 8 and df.index.is_unique
    serang = df.loc[SERANG]
    assert (serang["election_id"], serang["phase"], serang["after_schedule"]) == ("psu2025_36.04", "rekapitulasi", False)
    assert serang["reason_id"].startswith("Pemungutan suara ulang (PSU) 19 April 2025, tahapan rekapitulasi. ")
    assert serang["reason_en"].startswith("Re-vote (PSU) on 19 April 2025, ")
    # the same score the region profile's re-run box shows
    assert serang["score"] == pytest.approx(queries.rerun_score(cur, region=SERANG, as_of=REKAP_DAY)["score"])
    others = df.drop(index=SERANG)
    assert others["after_schedule"].all() and others["phase"].isna().all()
    assert set(others["election_id"]) == {"pilkada2024"}
    assert set(others["standing_id"]) == {"di luar tahapan (setelah pelantikan, 20 Februari 2025)"}
    assert not others["reason_id"].str.contains("PSU").any()


def test_after_its_revote_a_region_is_outside_the_revotes_schedule(cur):
    after = queries.region_standing(cur, region=SERANG, as_of=date(2025, 8, 1))
    assert (after["election_id"], after["phase"], after["after_schedule"]) == ("psu2025_36.04", None, True)
    assert after["standing_id"].startswith("Pemungutan suara ulang (PSU) 19 April 2025: di luar tahapan (setelah ")
    inside = queries.region_standing(cur, region="65.71", as_of=date(2024, 11, 27))
    assert (inside["election_id"], inside["phase"], inside["standing_id"]) == ("pilkada2024", "pemungutan_suara", "")
    # a Pilgub re-vote holds every kab/kota of its province
    assert queries.region_standing(cur, region="91.03", as_of=date(2025, 8, 6))["phase"] == "pemungutan_suara"


def test_outside_the_schedule_reports_keep_decaying_toward_the_baseline(cur):
    def on(day):
        return queries.risk_scores_on(cur, as_of=day, province="53").set_index("region_code").loc[KUPANG]

    last_day = risk.scores(cur, as_of=date(2025, 2, 20), phase="pelantikan", region_code=KUPANG).iloc[0]
    frozen = risk.scores(cur, as_of=date(2025, 9, 1), phase="pelantikan", region_code=KUPANG).iloc[0]
    march, september = on(date(2025, 3, 1)), on(date(2025, 9, 1))
    assert frozen["score"] == pytest.approx(last_day["score"])  # a chosen phase keeps its end's score
    # toward what the IKP still weighs: a year after the province's first report, nothing (issue 18)
    assert last_day["score"] > march["score"] > september["score"] >= september["baseline_points"]
    assert september["baseline_points"] < september["baseline"]
    assert march["n_incidents"] == last_day["n_incidents"] > 0
    # what makes up the profile's score adds up to the same score
    parts = risk.contributions(cur, as_of=date(2025, 9, 1), region_code=KUPANG, phase=None)
    assert parts["points"].sum() == pytest.approx(september["score"])


def test_the_score_history_follows_the_region_into_its_revote(cur):
    h = queries.risk_history(cur, region=SERANG, start=date(2025, 2, 18), end=REKAP_DAY, step_days=1)
    by_day = h.set_index("date")
    assert by_day.loc[date(2025, 2, 20), "election_id"] == "pilkada2024"
    assert by_day.loc[date(2025, 2, 20), "phase"] == "pelantikan"
    assert by_day.loc[date(2025, 2, 22), "election_id"] == "pilkada2024" and by_day.loc[date(2025, 2, 22), "phase"] is None
    assert by_day.loc[date(2025, 2, 24), "election_id"] == "psu2025_36.04"
    assert by_day.loc[REKAP_DAY, "phase"] == "rekapitulasi"
    assert list(h["date"]) == sorted(h["date"]) and len(h) == 62


# -- the pages --------------------------------------------------------------------------------
def test_the_date_picker_reaches_the_last_reruns_phases(open_app, sample_db, cur):
    first, last = queries.monitoring_span(cur)
    assert last > date(2025, 11, 1)
    at = open_app(sample_db, page="ringkasan", params={"prov": "36", "tanggal": "2025-04-20"})
    assert_clean(at)
    picker = at.sidebar.date_input(key="w_asof")
    assert picker.value == REKAP_DAY
    assert "Pemungutan suara ulang (PSU) 19 April 2025, tahapan rekapitulasi" in texts(at)
    assert not [w for w in at.warning if "digeser" in w.value]  # the link's date was not moved
    at = open_app(sample_db, params={"prov": "36", "tanggal": "2026-01-01"})  # the run that reads the link says so
    assert at.sidebar.date_input(key="w_asof").value == last
    assert [w.value for w in at.warning if "digeser" in w.value] == [
        f"Tanggal dalam tautan di luar masa Pilkada 2024 dan pemilihan ulangnya; digeser ke dalam rentang "
        f"5 Mei 2024 – {last.day} November 2025."]


def test_overview_on_a_revote_day(open_app, sample_db):
    at = open_app(sample_db, page="ringkasan", params={"prov": "36", "tanggal": "2025-04-20"})
    assert_clean(at)
    body = texts(at)
    assert "Kabupaten Serang: Pemungutan suara ulang (PSU) 19 April 2025, tahapan rekapitulasi" in body
    assert "Peta kerawanan — Banten, 20 April 2025 (tiap wilayah menurut tahapannya sendiri)" in body
    regions = {r["kode"]: r for r in svg_maps(at)[0]}
    assert len(regions) == 8
    assert "tahapan rekapitulasi" in regions[SERANG]["title"]
    assert "PSU" not in regions["36.01"]["title"] and regions["36.01"]["kategori"] != "tanpa_data"
    ranking = at.table[0].value.set_index("Nama")
    assert len(ranking) == 8  # one row per region, not one per phase
    assert ranking.loc["Kabupaten Serang", "Alasan"].startswith("Pemungutan suara ulang (PSU) 19 April 2025, tahapan")


def test_region_profile_in_its_revote_and_outside_the_schedule(open_app, sample_db):
    at = open_app(sample_db, page="wilayah", params={"prov": "36", "wilayah": SERANG, "tanggal": "2025-04-20"})
    assert_clean(at)
    assert metrics(at)["Tahapan"] == "Rekapitulasi"
    assert "Pemungutan suara ulang (PSU) 19 April 2025, tahapan rekapitulasi. " in texts(at)

    at = open_app(sample_db, page="wilayah", params={"prov": "53", "wilayah": KUPANG, "tanggal": "2025-09-01"})
    assert_clean(at)
    m = metrics(at)
    assert m["Tahapan"] == "di luar tahapan" and m["Skor"] != "–"
    assert "di luar tahapan (setelah pelantikan, 20 Februari 2025)" in texts(at)


def test_stages_page_says_the_date_is_outside_the_schedule_and_names_the_revote(open_app, sample_db):
    at = open_app(sample_db, page="tahapan", params={"prov": "36", "tanggal": "2025-04-20"})
    assert_clean(at)
    body = texts(at)
    assert "20 April 2025: di luar tahapan (setelah pelantikan, 20 Februari 2025)" in body
    assert "Kabupaten Serang: Pemungutan suara ulang (PSU) 19 April 2025, tahapan rekapitulasi" in body
    at = open_app(sample_db, page="tahapan", params={"prov": "36", "tanggal": "2024-11-27"})
    assert_clean(at)
    assert "di luar tahapan" not in texts(at)


@pytest.mark.parametrize("page", ["tahapan", "insiden", "briefing", "laporan"])
def test_other_pages_work_after_the_schedule(open_app, sample_db, page):
    at = open_app(sample_db, page=page, params={"prov": "53", "tanggal": "2025-09-01"})
    assert_clean(at)


def test_the_revote_incident_is_in_the_incident_log(tmp_path_factory, tmp_path):
    from tests.workbooks import HEADER, good_row, reference_db, xlsx
    from waspada.ingest import parse_incident_file, store_incidents

    db = reference_db(tmp_path_factory, tmp_path)
    path = xlsx(tmp_path / "serang.xlsx", [HEADER, good_row(tanggal="20/04/2025", kabupaten_kota="Kabupaten Serang",
                                                            kecamatan="", uraian="Massa di KPU Serang")])
    store_incidents(db, parse_incident_file(path, db=db), path, uploaded_by="uji")
    c = db.reader()
    log = queries.incidents(c, start=date(2025, 4, 1), end=date(2025, 4, 30), province="36")
    assert list(log["description"]) == ["Massa di KPU Serang"]
    assert queries.incident_headline(c, as_of=REKAP_DAY, province="36")["incidents"] == 1
    df = queries.risk_scores_on(c, as_of=REKAP_DAY, province="36").set_index("region_code")
    assert df.loc[SERANG, "n_incidents"] == 1 and "1 perusakan" in df.loc[SERANG, "reason_id"]


# -- facts on the deck.gl tooltip and the briefing ----------------------------------------------
def test_the_deck_tooltip_carries_the_contest_facts_as_plain_text(cur):
    facts = queries.region_fact_lines(cur, lang="id")
    facts["36.01"] = facts["36.01"] + " <b>x</b>"  # text, whatever it holds, stays text
    scores = queries.risk_scores_on(cur, as_of=REKAP_DAY, province="36")
    deck = maps.risk_deck("kabupaten_kota", scores, "id", province="36", facts=facts)
    spec = json.loads(deck.to_json())
    assert "html" not in deck._tooltip and deck._tooltip["text"] == "{nama}\n{rincian}"
    props = {f["properties"]["kode_dotted"]: f["properties"] for f in spec["layers"][0]["data"]["features"]}
    serang = props[SERANG]["rincian"].split("\n")
    assert serang[-1].startswith("Pilkada 2024 (bupati): 2 paslon · Pemungutan suara ulang (PSU) 19 April 2025")
    assert "tahapan rekapitulasi" in props[SERANG]["rincian"]
    assert props["36.01"]["rincian"].endswith(" <b>x</b>")


def test_the_deck_tooltip_names_a_single_candidate_contest(cur):
    single = queries.contest_facts(cur)
    code = single.loc[single["single_candidate"] & single["region_code"].str.startswith("12."), "region_code"].iloc[0]
    deck = maps.risk_deck("kabupaten_kota", None, "en", province="12", facts=queries.region_fact_lines(cur, lang="en"))
    props = {f["properties"]["kode_dotted"]: f["properties"] for f in json.loads(deck.to_json())["layers"][0]["data"]["features"]}
    assert "single candidate against the empty box (kolom kosong)" in props[code]["rincian"]


def test_briefing_on_a_revote_day_labels_the_revote(cur):
    b = briefing.build_briefing(cur, province="36", as_of=REKAP_DAY, lang="id", previous=None)
    assert b.phase is None
    situation, peta, rawan = b.slides[:3]
    assert "Pemungutan suara ulang (PSU) 19 April 2025 di Kabupaten Serang" in situation.text
    assert peta.title == "Peta kerawanan — Banten, 20 April 2025 (tiap wilayah menurut tahapannya sendiri)"
    assert "(dari 8)" in peta.text
    assert len(b.scores) == 8 and b.scores["region_code"].is_unique
    reasons = dict(zip(b.scores["region_name"], b.scores["reason_id"]))
    assert [r[3] for r in rawan.tables[0].rows] == [reasons[r[0]] for r in rawan.tables[0].rows]
    serang = b.scores.set_index("region_code").loc[SERANG]
    assert serang["reason_id"].startswith("Pemungutan suara ulang (PSU) 19 April 2025, tahapan rekapitulasi")
    en = briefing.build_briefing(cur, province="36", as_of=REKAP_DAY, lang="en", previous=None)
    assert en.slides[1].title == "Risk map — Banten, 20 April 2025 (each region in its own phase)"


def test_weekly_report_after_the_schedule_names_no_phase_and_scores_every_region(cur):
    from waspada.reports.weekly import build_weekly

    report = build_weekly(cur, province="36", week_of=REKAP_DAY)
    summary = dict(report.summary)
    assert summary["Tahapan (akhir minggu)"] == "di luar tahapan (setelah pelantikan, 20 Februari 2025)"
    per_region = report.sections[1]
    assert len(per_region.rows) == 8 and all(r[5] is not None for r in per_region.rows)


def test_the_overview_headline_counts_the_scores_the_map_shows(cur):
    day = date(2025, 3, 1)
    shown = queries.risk_scores_on(cur, as_of=day, province="53")
    trend = queries.risk_trend(cur, as_of=day, province="53").set_index("region_code")
    assert trend.loc[shown["region_code"], "score"].tolist() == pytest.approx(shown["score"].tolist())
    before = queries.risk_scores_on(cur, as_of=date(2025, 2, 22), province="53").set_index("region_code")
    assert trend["score_prev_7d"].tolist() == pytest.approx(before.loc[trend.index, "score"].tolist())
