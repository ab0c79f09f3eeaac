"""The duplicate key, through the real parse + store path: two reports of one incident are
one incident, and two incidents that differ in anything a reader sees are two.

Every field of the content hash (waspada.ingest.incidents.content_hash) is pinned here: a
field dropped from the hash would make two different incidents one, and the second would be
silently discarded as a "duplicate" (a casualty lost from the dashboard's figures)."""

from __future__ import annotations

import pytest

from tests.workbooks import HEADER, csv_bytes, good_row, reference_db
from waspada.ingest import parse_incident_file, store_incidents


@pytest.fixture()
def db(tmp_path_factory, tmp_path):
    return reference_db(tmp_path_factory, tmp_path)


# (what differs, the second row's overrides of good_row(), the stored column that tells them apart)
DIFFER_IN_ONE_FIELD = [
    ("injured", dict(korban_luka=1), "injured"),
    ("killed", dict(korban_meninggal=1), "killed"),
    ("kecamatan", dict(kecamatan="Tarakan Timur"), "kecamatan"),
    ("date", dict(tanggal="15/10/2024"), "occurred_on"),
    ("region", dict(kabupaten_kota="Kabupaten Bulungan", kecamatan="Tanjung Selor"), "region_code"),
    ("category", dict(jenis_kejadian="Intimidasi"), "category"),
    ("description", dict(uraian="Spanduk paslon dibakar"), "description"),
]


def _store(db, rows, name):
    data = csv_bytes([HEADER, *rows])
    report = parse_incident_file(data, name, db=db)
    return report, store_incidents(db, report, data, "uji")


def _stored(db):
    return db.query_df("SELECT * FROM incidents ORDER BY id")


@pytest.mark.parametrize("field, overrides, column", DIFFER_IN_ONE_FIELD, ids=[d[0] for d in DIFFER_IN_ONE_FIELD])
def test_incidents_differing_in_one_field_are_both_stored_from_two_files(db, field, overrides, column):
    first, r1 = _store(db, [good_row()], "a.csv")
    assert r1.new == 1 and first.duplicates == []
    second, r2 = _store(db, [good_row(**overrides)], "b.csv")
    assert second.duplicates == [], f"differs only in {field}, yet reported as a duplicate"
    assert r2.new == 1
    stored = _stored(db)
    assert len(stored) == 2
    assert stored[column].nunique() == 2  # the difference itself is what was kept


@pytest.mark.parametrize("field, overrides, column", DIFFER_IN_ONE_FIELD, ids=[d[0] for d in DIFFER_IN_ONE_FIELD])
def test_incidents_differing_in_one_field_are_both_stored_from_one_file(db, field, overrides, column):
    report, result = _store(db, [good_row(), good_row(**overrides)], "a.csv")
    assert report.duplicates == [] and result.new == 2
    assert len(_stored(db)) == 2


def test_casualty_totals_survive_rows_that_differ_only_in_casualties(db):
    """The case a user relies on: the same clash reported with its dead and with its injured
    as separate rows; every casualty counts."""
    rows = [good_row(), good_row(korban_luka=3), good_row(korban_meninggal=2), good_row(korban_luka=3, korban_meninggal=2)]
    _, result = _store(db, rows, "korban.csv")
    assert result.new == 4
    totals = db.query_df("SELECT sum(injured) AS luka, sum(killed) AS meninggal FROM incidents")
    assert (int(totals["luka"][0]), int(totals["meninggal"][0])) == (6, 4)


def test_an_identical_incident_is_stored_once_and_reported_as_a_duplicate(db):
    _, r1 = _store(db, [good_row()], "a.csv")
    assert r1.new == 1
    # the same incident in another file (another row number, another file name)
    second, r2 = _store(db, [good_row(uraian="Baliho paslon dirusak"), good_row(uraian="lain")], "b.csv")
    assert [{**d, "reason": str(d["reason"])} for d in second.duplicates] == \
        [{"row": 2, "reason": "kejadian ini sudah ada di basis data."}]
    assert r2.new == 1
    # the first file uploaded again: nothing new, its row reported as a duplicate
    again, r3 = _store(db, [good_row()], "a.csv")
    assert again.accepted.empty and len(again.duplicates) == 1
    assert r3.new == 0
    assert len(_stored(db)) == 2
    ups = db.query_df("SELECT accepted, duplicates FROM uploads WHERE kind = 'incidents' ORDER BY upload_id")
    assert ups.values.tolist() == [[1, 0], [1, 1], [0, 1]]
