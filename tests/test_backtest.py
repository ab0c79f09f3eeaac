"""The backtest (waspada.risk.backtest, `waspada risk backtest`) on small synthetic
SNPK-shaped files written here; the real history is used by the command and `make bench`."""

from __future__ import annotations

import csv
import datetime as dt
import math

import pytest

from waspada.cli import main
from waspada.db import Database
from waspada.risk import backtest
from waspada.risk.backtest import auc, map_region, mondays, move_year, read_history, run_backtest

COLUMNS = ["tanggal_kejadian", "idkejadian", "kodebpsprop", "provinsi", "kodebpskab", "kabupaten", "kil_total",
           "inj_total", "meta_tp_kek1_new", "insd_desc"]


def write_snpk(directory, year, rows):
    """An SNPK-shaped file: cp1252, every field quoted, dd/mm/yyyy."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"DATA_SNPK_{year}_JRI_30_11_2015.csv"
    with path.open("w", encoding="cp1252", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL)
        w.writerow(COLUMNS)
        for i, r in enumerate(rows):
            day, prov, code, name = r[:4]
            killed, injured, cat = (r[4:] + (0, 0, "88887"))[:3] if len(r) > 4 else (0, 0, "88887")
            w.writerow([day, f"{year}{i:04d}", prov, "Prov", code, name, killed, injured, cat,
                        f"Pada tanggal {day} di Désa «Ujung», rumah dibakar"])
    return path


# -- AUC ------------------------------------------------------------------------------------
@pytest.mark.parametrize("scores, outcomes, expected", [
    ([1, 2, 3, 4], [0, 0, 1, 1], 1.0),                 # perfect
    ([4, 3, 2, 1], [0, 0, 1, 1], 0.0),                 # reversed
    ([1, 1, 1, 1], [0, 1, 0, 1], 0.5),                 # all tied: one half
    ([1, 2, 2, 3], [0, 1, 0, 1], 0.875),               # pairs (2,1) win, (2,2) half, (3,1) win, (3,2) win -> 3.5/4
    ([0, 0, 0, 1, 2], [0, 0, 1, 1, 1], 5 / 6),         # 0-positive ties both negatives (1), 1 and 2 win (4) -> 5/6
    ([3, 1, 2], [1, 0, 0], 1.0),
    ([0.5, 0.2, 0.2, 0.9, 0.2], [1, 0, 1, 0, 0], 3 / 6),  # 0.5 beats 0.2,0.2 (2); 0.2 ties 0.2,0.2 (1); both lose to 0.9
])
def test_auc_hand_computed(scores, outcomes, expected):
    assert auc(scores, outcomes) == pytest.approx(expected, abs=1e-12)


def test_auc_without_a_positive_or_a_negative_is_undefined():
    assert math.isnan(auc([1, 2], [0, 0])) and math.isnan(auc([1, 2], [1, 1]))


# -- reading the history and the calendar -----------------------------------------------------
def test_calendar_move_keeps_day_and_month():
    assert move_year(dt.date(2001, 3, 5), 23) == dt.date(2024, 3, 5)
    assert move_year(dt.date(2000, 2, 29), 24) == dt.date(2024, 2, 29)   # leap to leap
    assert move_year(dt.date(2000, 2, 29), 23) == dt.date(2023, 2, 28)   # no 29 February in 2023


def test_mondays_june_to_december_with_a_full_horizon():
    weeks = mondays()
    assert weeks[0] == dt.date(2024, 6, 3) and weeks[-1] == dt.date(2024, 12, 16)
    assert all(w.weekday() == 0 for w in weeks) and len(weeks) == 29


def test_regions_are_mapped_by_name_within_the_province_not_by_bps_code():
    assert map_region("1108", "ACEH BESAR", "11") == ("11.06", "")      # BPS 1108 = Kemendagri 11.06
    assert map_region("1106", "ACEH TENGAH", "11") == ("11.04", "")
    assert map_region("6171", "KOTA PONTIANAK", "61") == ("61.71", "")
    assert map_region("6104", "KAB PONTIANAK", "61") == ("61.02", "")   # renamed Mempawah
    assert map_region("9403", "KAB JAYAPURA", "94") == ("91.03", "")    # Papua, still in Papua
    assert map_region("9401", "MERAUKE", "94") == ("93.01", "")          # now Papua Selatan
    assert map_region("999904", "Tidak ada kabupaten Provinsi Aceh", "11") == (None, "no_kabkota")
    assert map_region("1199", "ATLANTIS", "11") == (None, "unknown_region")
    assert map_region("1275", "MEDAN", "12") == (None, "outside_monitored")


def test_read_history_latin1_quoted_dates_moved_and_drops_counted(tmp_path):
    write_snpk(tmp_path, 1999, [("03/06/1999", "62", "6271", "PALANGKA RAYA")])
    write_snpk(tmp_path, 2000, [
        ("29/02/2000", "11", "1108", "ACEH BESAR", 1, 2, "88883"),
        ("05/06/2000", "11", "1199", "ATLANTIS"),
        ("07/06/2000", "11", "999904", "Tidak ada kabupaten Provinsi Nanggro Aceh Darussalam"),
        ("31/02/2000", "62", "6271", "PALANGKA RAYA"),
    ])
    h = read_history(tmp_path, [2000, 1999])
    assert h.years == (1999, 2000) and h.shift == 24 and h.read == 5
    assert h.dropped == {"unknown_region": 1, "no_kabkota": 1, "bad_date": 1}
    got = h.incidents.set_index("original_on")
    aceh = got.loc[dt.date(2000, 2, 29)]
    assert (aceh["occurred_on"], aceh["region_code"], aceh["category_text"], aceh["killed"], aceh["injured"]) == (
        dt.date(2024, 2, 29), "11.06", "Pemilu & Jabatan", 1, 2)
    assert got.loc[dt.date(1999, 6, 3), "occurred_on"] == dt.date(2023, 6, 3)


def test_a_missing_year_or_directory_is_refused_in_both_languages(tmp_path):
    with pytest.raises(backtest.BacktestError) as err:
        read_history(tmp_path / "nowhere", [2001])
    assert "nowhere" in err.value.render("en") and "tidak ada" in str(err.value)
    tmp_path.mkdir(exist_ok=True)
    with pytest.raises(backtest.BacktestError) as err:
        read_history(tmp_path, [2001])
    assert "2001" in err.value.render("en")


# -- end to end -------------------------------------------------------------------------------
def tiny_history(directory):
    """Kalimantan Tengah, 2002 (-> 2024): Palangka Raya hit on 1, 5, 12 (one killed) and 20
    June, Kotawaringin Barat on 12 June; one row without a kabupaten is dropped."""
    write_snpk(directory, 2002, [
        ("01/06/2002", "62", "6271", "PALANGKA RAYA"),
        ("05/06/2002", "62", "6271", "PALANGKA RAYA"),
        ("12/06/2002", "62", "6271", "PALANGKA RAYA", 1, 0, "88884"),
        ("20/06/2002", "62", "6271", "PALANGKA RAYA"),
        ("12/06/2002", "62", "6201", "KOTAWARINGIN BARAT"),
        ("13/06/2002", "62", "999926", "Tidak ada kabupaten Provinsi KALIMANTAN TENGAH"),
    ])


def test_end_to_end_backtest_hand_computed(tmp_path):
    tiny_history(tmp_path / "snpk")
    weeks = [dt.date(2024, 6, 3), dt.date(2024, 6, 10)]
    r = run_backtest(tmp_path / "snpk", [2002], tmp_path / "work", weeks=weeks)
    from waspada import reference
    regs = reference.regions()
    n = int(((regs["level"] == "kabupaten_kota") & (regs["province_code"] == "62")).sum())
    assert (r.read, r.loaded, r.dropped, r.regions) == (6, 5, {"no_kabkota": 1}, n)
    # Outcomes in (Monday, Monday + 14]: Palangka Raya both weeks, Kotawaringin Barat both weeks.
    assert r.positives_any == 4 and r.positives_casualties == 2
    # Counts up to the Monday: Palangka Raya 1 then 2, every other region 0. Positives 1, 2
    # outrank every negative (0); Kotawaringin Barat's 0s tie them: (1 + 1 + .5 + .5) / 4.
    for w in (14, 28, 90, 365):
        assert r.auc_any[f"count_{w}"] == pytest.approx(0.75)
        assert r.auc_casualties[f"count_{w}"] == pytest.approx(1.0)  # only Palangka Raya (1, 2) vs zeros
    assert 0 <= r.auc_any["score"] <= 1
    # The headline outcome counts only categories the score counts: the identity conflict of 12
    # June (Kriminalitas has weight 0). Palangka Raya is hit by it in both windows; before it no
    # counted incident, so the counted counts tie everywhere (0.5) while the all-incident counts
    # (1, 2 against zeros) rank it first.
    assert r.positives_counted == 2
    assert r.auc_counted["counted_count_14"] == pytest.approx(0.5)
    assert r.auc_counted["count_14"] == pytest.approx(1.0)
    # The death on 12 June raised a korban_jiwa alert; only a crime (20 June) followed it, which
    # the score does not count: not followed.
    deaths = r.alerts[r.alerts["kind"] == "korban_jiwa"]
    assert deaths[["alerts", "followed"]].values.tolist() == [[1, 0]]
    # Loaded through the real store: one upload, the SNPK words kept as the file's text.
    con = Database(tmp_path / "work" / "backtest_2002.duckdb").reader()
    try:
        assert con.execute("SELECT count(*), min(uploaded_by) FROM uploads").fetchall() == [(1, "backtest")]
        assert con.execute("SELECT count(*) FROM incidents WHERE generated").fetchall() == [(0,)]
        raw = {row[0] for row in con.execute("SELECT category_raw FROM incidents").fetchall()}
        assert raw == {"Kriminalitas", "Konflik Identitas"}
    finally:
        con.close()
    md = backtest.markdown_report([r], ["uji"], "en")
    assert "| Waspada's score |" in md and "| the region's incident count, last 14 days | 0.750 | 1.000 |" in md


def test_cli_backtest_writes_the_markdown_table(tmp_path, capsys):
    tiny_history(tmp_path / "snpk")
    out = tmp_path / "bt.md"
    assert main(["risk", "backtest", "--snpk", str(tmp_path / "snpk"), "--fit-years", "2002",
                 "--test-years", "2002", "--out", str(out), "--lang", "en"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "fit 2002: AUC any incident" in text and "test 2002: AUC any incident" in text
    assert "waspada risk backtest --fit-years 2002 --test-years 2002" in text


def test_cli_backtest_without_history_fails_with_status_2(tmp_path, capsys):
    assert main(["risk", "backtest", "--snpk", str(tmp_path / "none")]) == 2
    assert "tidak ada" in capsys.readouterr().err


def test_cli_refuses_an_unreadable_year_list_in_the_chosen_language(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "en", "risk", "backtest", "--fit-years", "nineteen"])
    assert "list of years not readable: 'nineteen'" in capsys.readouterr().err
