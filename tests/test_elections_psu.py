"""The schema holds re-runs: a PSU (re-vote) is an election of its own, pointing at the
Pilkada it repeats, and incidents on its dates fall into its phases."""

from __future__ import annotations

from datetime import date

from tests.workbooks import HEADER, good_row, reference_db, xlsx
from waspada.ingest import parse_incident_file, store_incidents

# A made-up re-vote schedule for the test (not a published one).
PSU_PHASES = [
    ("kampanye", date(2025, 4, 1), date(2025, 4, 15)),
    ("masa_tenang", date(2025, 4, 16), date(2025, 4, 18)),
    ("pemungutan_suara", date(2025, 4, 19), date(2025, 4, 19)),
    ("rekapitulasi", date(2025, 4, 20), date(2025, 4, 25)),
]


def test_incidents_on_a_revote_date_belong_to_the_revote(tmp_path_factory, tmp_path):
    db = reference_db(tmp_path_factory, tmp_path)
    with db.writer() as con:
        con.execute("INSERT INTO elections VALUES ('psu_uji', 'PSU uji (bukan jadwal nyata)', 'psu', DATE '2025-04-19',"
                    " 'pilkada2024', 'uji')")
        for phase, start, end in PSU_PHASES:
            con.execute("INSERT INTO election_phases VALUES ('psu_uji', ?, ?, ?)", [phase, start, end])
        con.execute("INSERT INTO contests VALUES ('psu_uji', '65.71', 'walikota', 'PSU di 3 TPS')")

    path = xlsx(tmp_path / "psu.xlsx", [
        HEADER,
        good_row(tanggal="19/04/2025", jenis_kejadian="Kericuhan di TPS", uraian="Saksi menolak hasil PSU"),
        good_row(tanggal="14/10/2024", uraian="Baliho dirusak saat kampanye Pilkada"),
    ])
    report = parse_incident_file(path, db=db)
    got = report.accepted[["election_id", "phase"]].to_records(index=False).tolist()
    assert got == [("psu_uji", "pemungutan_suara"), ("pilkada2024", "kampanye")]
    assert store_incidents(db, report, path, uploaded_by="uji").new == 2
    parent = db.reader().execute(
        "SELECT e.parent_election_id FROM incidents i JOIN elections e USING (election_id) "
        "WHERE i.description = 'Saksi menolak hasil PSU'").fetchall()
    assert parent == [("pilkada2024",)]


def test_a_death_and_a_surge_in_a_revote_raise_alerts_in_its_own_phase(tmp_path_factory, tmp_path):
    """A re-vote repeats the Pilkada in its region: its deaths and surges are Pilkada alerts,
    named in the re-vote's phase (its campaign), not the Pilkada's pelantikan."""
    db = reference_db(tmp_path_factory, tmp_path)
    with db.writer() as con:
        con.execute("INSERT INTO elections VALUES ('psu_uji', 'PSU uji (bukan jadwal nyata)', 'psu', DATE '2025-04-19',"
                    " 'pilkada2024', 'uji')")
        for phase, start, end in PSU_PHASES:
            con.execute("INSERT INTO election_phases VALUES ('psu_uji', ?, ?, ?)", [phase, start, end])
        con.execute("INSERT INTO contests VALUES ('psu_uji', '65.71', 'walikota', 'PSU di 3 TPS')")
    history = [good_row(tanggal=f"{d}/10/2024", uraian=f"Baliho paslon dirusak ke-{d}") for d in (7, 14, 21)]
    surge = [good_row(tanggal=f"{d:02d}/04/2025", uraian=f"Posko PSU dilempari batu ke-{d}") for d in (8, 9, 10)]
    death = good_row(tanggal="19/04/2025", jenis_kejadian="Bentrok antar pendukung", korban_meninggal=1,
                     uraian="Bentrok pendukung di TPS saat PSU")
    path = xlsx(tmp_path / "psu.xlsx", [HEADER, *history, *surge, death])
    report = parse_incident_file(path, db=db)
    assert not report.refused_rows
    store_incidents(db, report, path, uploaded_by="uji")

    alerts = db.query_df("SELECT kind, region_code, phase, triggered_on, election_id FROM alerts"
                         " WHERE kind IN ('korban_jiwa', 'lonjakan_insiden') AND level = 'kabupaten_kota'"
                         " ORDER BY triggered_on")
    got = [(r.kind, r.region_code, r.phase, str(r.triggered_on)[:10], r.election_id) for r in alerts.itertuples()]
    assert got == [("lonjakan_insiden", "65.71", "kampanye", "2025-04-10", "pilkada2024"),
                   ("korban_jiwa", "65.71", "pemungutan_suara", "2025-04-19", "pilkada2024")]
