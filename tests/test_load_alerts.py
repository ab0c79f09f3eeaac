"""Every load raises the alerts its incidents call for, inside the same transaction."""

from __future__ import annotations

from waspada.ingest import parse_incident_file, store_incidents
from tests.workbooks import HEADER, good_row, reference_db, xlsx


def test_a_death_in_an_upload_is_stored_as_an_alert(tmp_path_factory, tmp_path):
    db = reference_db(tmp_path_factory, tmp_path)
    # An election assault: a death in a general crime (weight 0) raises no Pilkada alert.
    path = xlsx(tmp_path / "laporan.xlsx", [HEADER, good_row(korban_meninggal=1, jenis_kejadian="Penganiayaan",
                                                             uraian="Pendukung paslon meninggal setelah dianiaya")])
    report = parse_incident_file(path, db=db)
    store_incidents(db, report, path, uploaded_by="staf_tarakan")
    alerts = db.reader().execute("SELECT region_code, kind, CAST(triggered_on AS VARCHAR) FROM alerts").fetchall()
    assert ("65.71", "korban_jiwa", "2024-10-14") in alerts
    # One death in a quiet region also lifts its category (and its province's).
    assert {kind for _, kind, _ in alerts} <= {"korban_jiwa", "kategori_naik"}

    # Storing the same file again adds no incident and no alert.
    store_incidents(db, parse_incident_file(path, db=db), path, uploaded_by="staf_tarakan")
    assert db.query_df("SELECT count(*) AS n FROM alerts")["n"].iloc[0] == len(alerts)


def test_an_ikp_load_that_raises_a_category_stores_the_kategori_naik_alert(tmp_path, monkeypatch, tmp_path_factory):
    """The store layer refreshes alerts after every kind of load, not only incident files. The
    model's judgement values (tests/test_risk_fixtures.py): what is checked is the wiring; with
    the fitted values one death does not reach tinggi (docs/risk-model.md)."""
    from datetime import date

    from waspada.ingest import tables
    from tests.test_risk_fixtures import inc, make_db, use_judgement_config

    use_judgement_config(monkeypatch, tmp_path_factory)

    db = make_db(tmp_path, ikp=[("65", 20.0), ("65.71", 5.0)],
                 incidents=[inc(date(2024, 11, 10), "kekerasan_fisik", killed=1)])

    def rises_to_tinggi():
        return db.query_df("SELECT count(*) AS n FROM alerts WHERE kind = 'kategori_naik' AND region_code = '65.71'"
                           " AND category = 'tinggi'")["n"].iloc[0]

    with db.writer() as con:  # the alerts as the last incident load left them
        from waspada.risk import refresh_alerts_after_load
        refresh_alerts_after_load(con)
    assert rises_to_tinggi() == 0
    path = tmp_path / "ikp.csv"
    path.write_text("wilayah,dimensi,skor,edisi,sumber\nKota Tarakan,total,45,ikp2024,Bawaslu (uji)\n", encoding="utf-8")
    report = tables.PARSERS["ikp"](path, path.name, db=db)
    assert len(report.accepted) == 1 and not report.refused
    tables.store_table(db, report, path, "uji")
    assert rises_to_tinggi() == 1
