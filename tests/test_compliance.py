"""Reporting compliance: weeks, what counts as a report, sudah/belum/terlambat, nihil records."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timezone

import pytest

from waspada import compliance
from waspada.accounts import Accounts, User
from waspada.compliance import ReportingRules
from waspada.db import Database

PROV = "65"
RULES = ReportingRules(week_starts_on=0, due_days=1, start=date(2024, 10, 28))


@pytest.fixture
def db(sample_db, tmp_path):
    """A copy of the sample without Kaltara's incidents, so every report is made by the test."""
    path = tmp_path / "waspada.duckdb"
    shutil.copyfile(sample_db, path)
    database = Database(path)
    with database.writer() as con:
        con.execute("DELETE FROM incidents WHERE province_code = ?", [PROV])
    return database


def _incident(db, region: str, day: date, tag: str) -> None:
    with db.writer() as con:
        con.execute(
            "INSERT INTO incidents (election_id, occurred_on, province_code, region_code, phase, phase_from, category,"
            " description, source_file, upload_id, content_hash) VALUES ('pilkada2024', ?, ?, ?, 'kampanye',"
            " 'jadwal', 'perusakan', 'uji', 'uji.xlsx', (SELECT min(upload_id) FROM uploads), ?)",
            [day, PROV, region, tag],
        )


def _status(db, as_of: date) -> dict:
    df = compliance.compliance(db.reader(), province=PROV, as_of=as_of, rules=RULES)
    return {r["region_code"]: r for r in df.to_dict("records")}


def test_week_start_follows_the_setting():
    assert RULES.week_start(date(2024, 11, 24)) == date(2024, 11, 18)  # Sunday -> Monday before
    assert ReportingRules(week_starts_on=6).week_start(date(2024, 11, 20)) == date(2024, 11, 17)
    assert RULES.due_on(date(2024, 11, 18)) == date(2024, 11, 25)


def test_statuses_from_incidents_and_nihil(db):
    # Week of 11 Nov reported by incident, week of 18 Nov not yet; as of Mon 25 Nov the
    # report of 18–24 Nov is due today, so not late yet.
    _incident(db, "65.71", date(2024, 11, 13), "a")
    _incident(db, "65.71", date(2024, 11, 19), "b")
    _incident(db, "65.01", date(2024, 11, 12), "c")
    s = _status(db, date(2024, 11, 20))
    assert s["65.71"]["status"] == "sudah" and s["65.71"]["reported_via"] == "insiden"
    assert s["65.01"]["status"] == "belum"  # reported last week, this week still open
    assert s["65.02"]["status"] == "terlambat"  # never reported since 28 Oct
    assert s["65.02"]["late_since"] == date(2024, 10, 28) and s["65.02"]["weeks_late"] == 3
    assert s["65.02"]["last_report_week"] is None
    assert s["65.01"]["last_report_week"] == date(2024, 11, 11)
    # Two days later than the due date of 11–17 Nov... still belum for 65.01 (it reported that week);
    # on 26 Nov the week of 18 Nov is overdue: 65.01 becomes late since 18 Nov.
    assert _status(db, date(2024, 11, 25))["65.01"]["status"] == "belum"
    late = _status(db, date(2024, 11, 26))["65.01"]
    assert late["status"] == "terlambat" and late["late_since"] == date(2024, 11, 18)
    # Late regions come first in the table.
    df = compliance.compliance(db.reader(), province=PROV, as_of=date(2024, 11, 20), rules=RULES)
    assert df["status"].tolist()[0] == "terlambat" and df["status"].tolist()[-1] == "sudah"


STAF_BULUNGAN = User("bulungan", "Staf Bulungan", "staf", "65", ("65.02",))
ADMIN = User("admin", "Admin", "admin", None, ())


@pytest.fixture
def acc(tmp_path):
    return Accounts.open(tmp_path / "accounts.duckdb")


def test_nihil_counts_as_the_report_of_its_week(db, acc):
    now = datetime(2024, 11, 21, 3, 0, tzinfo=timezone.utc)
    assert compliance.record_nihil(db, acc, STAF_BULUNGAN, region_code="65.02", week_of=date(2024, 11, 20),
                                   rules=RULES, now=now)
    assert not compliance.record_nihil(db, acc, ADMIN, region_code="65.02", week_of=date(2024, 11, 18),
                                       rules=RULES, now=now)  # same week: stored once
    s = _status(db, date(2024, 11, 20))["65.02"]
    assert s["status"] == "sudah" and s["reported_via"] == "nihil"
    rec = compliance.nihil_records(db.reader(), province=PROV)
    assert rec[["region_code", "week_start", "recorded_by"]].values.tolist() == [
        ["65.02", date(2024, 11, 18), "Staf Bulungan"]]
    logged = acc.audit_log(actions=("nihil_recorded",))
    assert logged["actor"].tolist() == ["bulungan"] and logged["target"].tolist() == ["65.02"]


def test_nihil_refusals(db, acc):
    now = datetime(2024, 11, 21, tzinfo=timezone.utc)
    with pytest.raises(compliance.NihilRefused, match="tidak dikenal") as unknown:
        compliance.record_nihil(db, acc, ADMIN, region_code="65.99", week_of=date(2024, 11, 20), rules=RULES, now=now)
    assert unknown.value.render("en") == "Unknown regency/city code: 65.99."
    with pytest.raises(compliance.NihilRefused, match="belum dimulai"):
        compliance.record_nihil(db, acc, ADMIN, region_code="65.71", week_of=date(2024, 12, 2), rules=RULES, now=now)
    assert compliance.nihil_records(db.reader()).empty


def test_staff_cannot_declare_nihil_for_a_region_outside_their_scope(db, acc):
    # Bulungan's staff saying Tarakan had nothing to report would hide Tarakan's silence.
    now = datetime(2024, 11, 21, tzinfo=timezone.utc)
    with pytest.raises(compliance.NihilRefused, match="Kota Tarakan.*di luar wilayah tugas") as refused:
        compliance.record_nihil(db, acc, STAF_BULUNGAN, region_code="65.71", week_of=date(2024, 11, 20),
                                rules=RULES, now=now)
    assert "outside your regions" in refused.value.render("en")
    assert compliance.nihil_records(db.reader()).empty
    logged = acc.audit_log(actions=("nihil_refused",))
    assert logged["actor"].tolist() == ["bulungan"] and logged["target"].tolist() == ["65.71"]
    with pytest.raises(compliance.NihilRefused):  # leadership reads; it does not declare
        compliance.record_nihil(db, acc, User("ketua", "Ketua", "pimpinan", None, ()), region_code="65.02",
                                week_of=date(2024, 11, 20), rules=RULES, now=now)


def test_withdrawn_upload_is_not_a_report(db):
    _incident(db, "65.04", date(2024, 11, 19), "w")
    with db.writer() as con:
        con.execute("UPDATE uploads SET withdrawn_at = now(), withdrawn_by = 'admin'"
                    " WHERE upload_id = (SELECT min(upload_id) FROM uploads)")
    assert _status(db, date(2024, 11, 20))["65.04"]["status"] != "sudah"


def test_rules_from_toml(tmp_path):
    cfg = tmp_path / "waspada.toml"
    cfg.write_text('[pelaporan]\nawal_minggu = "minggu"\ntenggat_hari = 2\nmulai = "2024-09-25"\n', encoding="utf-8")
    rules = compliance.load_rules(cfg)
    assert (rules.week_starts_on, rules.due_days, rules.start, rules.problem) == (6, 2, date(2024, 9, 25), None)
    cfg.write_text('[pelaporan]\nperiode = "bulanan"\nawal_minggu = "senen"\ntenggat_hari = -1\n', encoding="utf-8")
    rules = compliance.load_rules(cfg)
    assert rules.week_starts_on == 0 and rules.due_days == 1
    assert "bulanan" in rules.problem and "senen" in rules.problem and "tenggat_hari" in rules.problem


def test_empty_database(empty_db):
    df = compliance.compliance(Database(empty_db).reader(), province=PROV, as_of=date(2024, 11, 20), rules=RULES)
    assert df.empty and list(df.columns) == compliance.COMPLIANCE_COLUMNS
