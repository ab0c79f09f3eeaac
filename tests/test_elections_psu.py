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
