"""Early-warning alerts and the forward look: what a briefing relies on."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from test_risk_fixtures import use_judgement_config, add_incidents, inc, make_db
from waspada.risk import current_alerts, forward_look, refresh_alerts
from waspada.risk.alerts import alert_summary

AS_OF = date(2024, 11, 20)



@pytest.fixture(autouse=True)
def _judgement(monkeypatch, tmp_path_factory):
    """The alerts' hand-made cases are written for the judgement values (test_risk_fixtures)."""
    use_judgement_config(monkeypatch, tmp_path_factory)


def test_a_death_a_surge_and_a_category_rise_are_alerts_with_reasons(tmp_path):
    db = make_db(tmp_path, ikp=[("65", 20.36), ("65.71", 30.0)], tps=[("65.71", 682)], incidents=[
        inc(date(2024, 11, 16), "intimidasi"),
        inc(date(2024, 11, 17), "perusakan"),
        inc(date(2024, 11, 18), "kekerasan_fisik", killed=1, kecamatan_code="65.71.01"),
    ])
    alerts = current_alerts(db.reader(), as_of=AS_OF, province="65")
    by_kind = {k: g for k, g in alerts.groupby("kind")}
    death = by_kind["korban_jiwa"].iloc[0]
    assert death["region_code"] == "65.71" and death["triggered_on"] == date(2024, 11, 18)
    assert "Korban jiwa: 1 meninggal dalam kekerasan fisik" in death["reason_id"]
    assert "Fatality: 1 killed" in death["reason_en"]
    surge = by_kind["lonjakan_insiden"]
    tarakan = surge[surge["region_code"] == "65.71"].iloc[0]
    assert tarakan["triggered_on"] == date(2024, 11, 18) and tarakan["n_incidents"] == 3  # the third in 7 days
    rise = by_kind["kategori_naik"]
    rise = rise[rise["region_code"] == "65.71"].iloc[0]
    assert (rise["category_prev"], rise["category"]) == ("sedang", "tinggi")
    assert rise["triggered_on"] == date(2024, 11, 18)
    assert rise["reason_id"].startswith("Naik dari sedang ke tinggi. Tinggi karena")
    assert alerts["created_at"].isna().all()  # computed, not stored yet
    assert alert_summary(alerts).startswith(f"{len(alerts)} peringatan: 1 korban jiwa")


def test_a_domestic_death_and_a_run_of_crimes_raise_no_pilkada_alert(tmp_path):
    # Weight 0 in data/risk_model.toml: not in the Pilkada score, so no alert either; the
    # same death in an election clash is one.
    db = make_db(tmp_path, ikp=[("65.71", 30.0)], tps=[("65.71", 682)], incidents=[
        inc(date(2024, 11, 16), "kdrt", killed=1),
        inc(date(2024, 11, 17), "kriminalitas_umum"), inc(date(2024, 11, 18), "kriminalitas_umum"),
        inc(date(2024, 11, 18), "kriminalitas_umum", killed=2),
    ])
    assert current_alerts(db.reader(), as_of=AS_OF, province="65").empty
    with db.writer() as con:
        add_incidents(con, [inc(date(2024, 11, 19), "bentrok_massa", killed=1)])
    alerts = current_alerts(db.reader(), as_of=AS_OF, province="65")
    assert alerts[alerts["kind"] == "korban_jiwa"]["n_incidents"].tolist() == [1]


def test_no_incidents_no_alerts(tmp_path):
    db = make_db(tmp_path, ikp=[("65.71", 30.0)])
    assert current_alerts(db.reader(), as_of=AS_OF).empty


def test_refresh_is_idempotent_and_keeps_when_an_alert_was_first_raised(tmp_path):
    db = make_db(tmp_path, ikp=[("65.71", 30.0)], incidents=[
        inc(date(2024, 11, 10), "bentrok_massa", killed=2),
        inc(date(2024, 11, 11), "bentrok_massa"), inc(date(2024, 11, 12), "bentrok_massa")])
    with db.writer() as con:
        first = refresh_alerts(con, AS_OF)
    assert first > 0
    stored = db.reader().execute("SELECT alert_id, epoch_us(created_at) FROM alerts ORDER BY alert_id").fetchall()
    with db.writer() as con:
        assert refresh_alerts(con, AS_OF) == 0
        assert refresh_alerts(con, AS_OF + timedelta(days=1)) == 0  # the same events seen a day later
    assert db.reader().execute("SELECT alert_id, epoch_us(created_at) FROM alerts ORDER BY alert_id").fetchall() == stored
    # a new death is new since the last meeting
    with db.writer() as con:
        add_incidents(con, [inc(date(2024, 11, 19), "kekerasan_fisik", killed=1)])
        assert refresh_alerts(con, AS_OF) >= 1
    shown = current_alerts(db.reader(), as_of=AS_OF)
    newest = shown[(shown["kind"] == "korban_jiwa") & (shown["triggered_on"] == date(2024, 11, 19))].iloc[0]
    old = shown[(shown["kind"] == "korban_jiwa") & (shown["triggered_on"] == date(2024, 11, 10))].iloc[0]
    assert newest["created_at"] > old["created_at"]
    kinds = dict(db.reader().execute("SELECT kind, count(*) FROM alerts GROUP BY kind").fetchall())
    assert kinds["korban_jiwa"] == 2 and kinds["lonjakan_insiden"] >= 1


def test_alerts_table_is_created_on_an_older_database(tmp_path):
    db = make_db(tmp_path, ikp=[("65.71", 30.0)], incidents=[inc(date(2024, 11, 10), "bentrok_massa", killed=1)])
    with db.writer() as con:
        con.execute("DROP TABLE alerts")
    with db.writer() as con:
        assert refresh_alerts(con, AS_OF) >= 1
    kinds = {k for (k,) in db.reader().execute("SELECT kind FROM alerts").fetchall()}
    assert "korban_jiwa" in kinds


def test_forward_look_names_regions_entering_a_high_risk_phase(tmp_path):
    db = make_db(tmp_path, ikp=[("65", 20.36), ("65.71", 45.0)], tps=[("65.71", 682)], incidents=[
        inc(date(2024, 11, 15), "bentrok_massa", injured=3), inc(date(2024, 11, 16), "kekerasan_fisik")])
    cur = db.reader()
    ahead = forward_look(cur, as_of=AS_OF, province="65")
    # masa tenang starts 2024-11-24, pemungutan suara 2024-11-27, rekapitulasi 2024-11-28
    assert list(dict.fromkeys(ahead["next_phase"])) == ["masa_tenang", "pemungutan_suara", "rekapitulasi"]
    voting = ahead[(ahead["next_phase"] == "pemungutan_suara") & (ahead["region_code"] == "65.71")].iloc[0]
    assert voting["days_until"] == 7 and voting["current_phase"] == "kampanye"
    assert voting["current_category"] == "tinggi"
    # the projection: baseline plus the carried-over half of recent incidents
    assert 45.0 < voting["next_phase_score"] < voting["score"]
    assert voting["reason_id"].startswith("Rawan tinggi pada tahapan sekarang; pemungutan suara dimulai dalam 7 hari.")
    # regions rendah now and in the projection are not listed (min_category sedang)
    assert set(ahead["current_category"]) | set(ahead["next_phase_category"]) <= {"sedang", "tinggi"}
    assert "65.02" not in set(ahead["region_code"])  # Malinau: IKP from the province, rendah, no incidents
    assert forward_look(cur, as_of=date(2025, 3, 1)).empty  # nothing left in the schedule


@pytest.mark.parametrize("horizon, phases", [(3, []), (5, ["masa_tenang"])])
def test_forward_look_horizon(tmp_path, horizon, phases):
    db = make_db(tmp_path, ikp=[("65.71", 60.0)])
    ahead = forward_look(db.reader(), as_of=AS_OF, horizon_days=horizon, province="65")
    assert list(dict.fromkeys(ahead["next_phase"])) == phases


def test_a_surge_needs_a_norm_a_region_with_history(tmp_path, monkeypatch, tmp_path_factory):
    """Three incidents in 7 days are a surge only in a region with at least surge_min_history
    counted incidents in the year before (data/risk_model.toml as adopted)."""
    from waspada.risk import config
    from waspada.paths import DATA_DIR
    monkeypatch.setattr(config, "RISK_CONFIG_PATH", DATA_DIR / "risk_model.toml")
    cfg = config.load_config()
    assert cfg.surge_min_history == 3 and cfg.surge_incidents["kabupaten_kota"] == 3
    burst = [inc(date(2024, 11, d), "intimidasi") for d in (16, 17, 18)]
    quiet = make_db(tmp_path / "quiet", ikp=[("65.71", 30.0)], incidents=burst)
    assert "lonjakan_insiden" not in set(current_alerts(quiet.reader(), as_of=AS_OF, province="65")["kind"])
    history = [inc(date(2024, m, 1), "intimidasi") for m in (3, 5)]  # two: not yet a norm
    short = make_db(tmp_path / "short", ikp=[("65.71", 30.0)], incidents=burst + history)
    assert "lonjakan_insiden" not in set(current_alerts(short.reader(), as_of=AS_OF, province="65")["kind"])
    normed = make_db(tmp_path / "norm", ikp=[("65.71", 30.0)],
                     incidents=burst + history + [inc(date(2024, 7, 1), "intimidasi")])
    surge = current_alerts(normed.reader(), as_of=AS_OF, province="65")
    surge = surge[surge["kind"] == "lonjakan_insiden"]
    assert surge[["region_code", "triggered_on"]].values.tolist() == [["65.71", date(2024, 11, 18)]]
