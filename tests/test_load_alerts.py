"""Every load raises the alerts its incidents call for, inside the same transaction."""

from __future__ import annotations

from waspada.ingest import parse_incident_file, store_incidents
from tests.workbooks import HEADER, good_row, reference_db, xlsx


def test_a_death_in_an_upload_is_stored_as_an_alert(tmp_path_factory, tmp_path):
    db = reference_db(tmp_path_factory, tmp_path)
    path = xlsx(tmp_path / "laporan.xlsx", [HEADER, good_row(korban_meninggal=1, jenis_kejadian="Penganiayaan",
                                                             uraian="Warga meninggal setelah dianiaya")])
    report = parse_incident_file(path, db=db)
    store_incidents(db, report, path, uploaded_by="staf_tarakan")
    alerts = db.reader().execute("SELECT region_code, kind, CAST(triggered_on AS VARCHAR) FROM alerts").fetchall()
    assert ("65.71", "korban_jiwa", "2024-10-14") in alerts
    # One death in a quiet region also lifts its category (and its province's).
    assert {kind for _, kind, _ in alerts} <= {"korban_jiwa", "kategori_naik"}

    # Storing the same file again adds no incident and no alert.
    store_incidents(db, parse_incident_file(path, db=db), path, uploaded_by="staf_tarakan")
    assert db.query_df("SELECT count(*) AS n FROM alerts")["n"].iloc[0] == len(alerts)
