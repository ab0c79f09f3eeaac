"""The schema's rules in one place: applied whole to old and new files, an old release's file
upgraded in place (incidents.stage -> phase), and incidents of a withdrawn upload invisible
to every reader through the view visible_incidents."""

from __future__ import annotations

import gzip
import shutil
from datetime import date
from pathlib import Path

import duckdb

from etl.build import build_database
from waspada import queries
from waspada.db import Database
from waspada.reports import weekly
from waspada.risk import current_alerts, refresh_alerts, scores
from tests.test_risk_fixtures import inc, make_db

DATA = Path(__file__).parent / "data"
# Built by release a378bf1 (`python -m etl build --no-sample`, then `python -m etl
# load-incidents release_a378bf1_incidents.csv`): its incidents table has stage/stage_from.
OLD_RELEASE_DB = DATA / "release_a378bf1_no_sample.duckdb.gz"


def _columns(db: Database, table: str) -> set[str]:
    return {r[0] for r in db.reader().execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}


def test_a_file_of_the_previous_release_is_upgraded_in_place_by_the_build(tmp_path):
    path = tmp_path / "waspada.duckdb"
    with gzip.open(OLD_RELEASE_DB, "rb") as src, open(path, "wb") as dst:
        shutil.copyfileobj(src, dst)
    # read the old file as it is (Database.reader() would upgrade it: the last test below)
    old = duckdb.connect(str(path), read_only=True)
    assert {"stage", "stage_from"} <= {r[0] for r in old.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'incidents'").fetchall()}
    before_uploads = old.execute(
        "SELECT upload_id, kind, file_name, sha256, accepted FROM uploads ORDER BY upload_id").fetchall()
    before = old.execute(
        "SELECT id, occurred_on, region_code, stage, stage_from, content_hash FROM incidents ORDER BY id").fetchall()
    assert len(before_uploads) == 1 and len(before) == 3
    old.close()

    build_database(path, sample=False)

    db = Database(path)
    cols = _columns(db, "incidents")
    assert {"phase", "phase_from"} <= cols and not {"stage", "stage_from"} & cols
    assert db.reader().execute(
        "SELECT upload_id, kind, file_name, sha256, accepted FROM uploads ORDER BY upload_id").fetchall() == before_uploads
    after = db.reader().execute(
        "SELECT id, occurred_on, region_code, phase, phase_from, content_hash FROM incidents ORDER BY id").fetchall()
    assert after == before
    assert [r[3] for r in after] == ["kampanye", "masa_tenang", "pemungutan_suara"]
    # the readers see them, through the view the upgrade created
    seen = queries.incidents(db.reader(), province="65")
    assert sorted(seen["phase"]) == ["kampanye", "masa_tenang", "pemungutan_suara"]
    # a second build changes nothing (the upgrade is idempotent)
    build_database(path, sample=False)
    assert Database(path).reader().execute(
        "SELECT id, occurred_on, region_code, phase, phase_from, content_hash FROM incidents ORDER BY id").fetchall() == after


def test_tables_added_after_a_file_was_built_come_with_the_next_write(tmp_path):
    db = make_db(tmp_path, ikp=[("65.71", 30.0)], incidents=[inc(date(2024, 11, 10), "bentrok_massa", killed=1)])
    with db.writer() as con:
        con.execute("DROP TABLE alerts")
        con.execute("DROP TABLE report_nihil")
        con.execute("DROP VIEW visible_incidents")
    with db.writer() as con:  # any write applies the whole schema
        assert refresh_alerts(con, date(2024, 11, 20)) >= 1
    tables = {r[0] for r in db.reader().execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"alerts", "report_nihil", "visible_incidents"} <= tables


def test_incidents_of_a_withdrawn_upload_are_absent_from_every_reader(tmp_path):
    as_of = date(2024, 11, 20)
    db = make_db(tmp_path, ikp=[("65", 20.0), ("65.71", 30.0)], incidents=[
        inc(date(2024, 11, 14), "bentrok_massa", killed=1), inc(date(2024, 11, 15), "kekerasan_fisik", injured=2)])

    def readings():
        cur = db.reader()
        kota = scores(cur, as_of=as_of, phase="kampanye", province="65").set_index("region_code").loc["65.71"]
        alerts = current_alerts(cur, as_of=as_of, province="65")
        report = weekly.build_weekly(cur, province="65", week_of=date(2024, 11, 14))
        listed = next(s for s in report.sections if s.sheet == "Insiden minggu ini")
        return {
            "incidents": len(queries.incidents(cur, province="65")),
            "headline": queries.incident_headline(cur, as_of=as_of, province="65")["incidents"],
            "span": queries.incident_date_span(cur, province="65")[0],
            "score_incidents": int(kota["n_incidents"]),
            "deaths": int((alerts["kind"] == "korban_jiwa").sum()),
            "weekly_rows": len(listed.rows),
        }

    shown = readings()
    assert shown == {"incidents": 2, "headline": 2, "span": date(2024, 11, 14), "score_incidents": 2, "deaths": 1,
                     "weekly_rows": 2}
    with db.writer() as con:  # what withdraw_upload writes
        con.execute("UPDATE uploads SET withdrawn_at = now(), withdrawn_by = 'admin' WHERE upload_id = 1")
    assert readings() == {"incidents": 0, "headline": 0, "span": None, "score_incidents": 0, "deaths": 0,
                          "weekly_rows": 0}
    # still in the table, for the audit trail
    assert db.reader().execute("SELECT count(*) FROM incidents").fetchall()[0][0] == 2


def _schema_before_issue_13() -> str:
    """schema.sql as it was before the taxonomy columns (issue 13): incidents without
    category_from, category_words, injured_severe/light and source_kind; categories without
    election_related and athg."""
    from waspada.db import SCHEMA_PATH

    dropped = ("category_from", "CHECK (category_from", "category_words", "injured_severe", "injured_light",
               "source_kind", "election_related", "athg ")
    lines = [line for line in SCHEMA_PATH.read_text(encoding="utf-8").splitlines()
             if not line.strip().startswith(dropped)]
    text = "\n".join(lines)
    return text.replace("name_en   VARCHAR NOT NULL,\n);", "name_en   VARCHAR NOT NULL\n);")


def test_a_file_built_before_the_source_column_is_readable_with_every_incident_filter(tmp_path):
    """Reported: the source filter failed on a file made before incidents.source_kind existed
    and not written since (apply_schema only ran on write opens). The reader upgrades it."""
    from tests.test_risk_fixtures import fill

    path = tmp_path / "lama.duckdb"
    con = duckdb.connect(str(path))
    con.execute(_schema_before_issue_13())
    fill(con, ikp=[("65.71", 30.0)], incidents=[inc(date(2024, 11, 10), "bentrok_massa"),
                                                inc(date(2024, 11, 11), "kriminalitas_umum")])
    con.close()
    con = duckdb.connect(str(path), read_only=True)
    old_cols = {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'incidents'").fetchall()}
    con.close()
    assert "source_kind" not in old_cols and "phase" in old_cols  # the old shape

    cur = Database(path).reader()
    assert len(queries.incidents(cur, province="65")) == 2
    assert len(queries.incidents(cur, province="65", source_kind="polri")) == 0  # unknown before: none
    assert queries.incident_totals_by_election(cur, province="65") == {"election": 1, "other": 1}
    assert queries.incident_totals(cur, province="65", athg="gangguan")["n"] == 2
    report = weekly.build_weekly(cur, province="65", week_of=date(2024, 11, 10))
    assert len(report.section("Insiden minggu ini").rows) == 1
    # upgraded once, in place: the next reader finds nothing missing and the rows are kept
    assert "source_kind" in _columns(Database(path), "incidents")
    assert Database(path).reader().execute("SELECT count(*) FROM incidents").fetchall()[0][0] == 2
