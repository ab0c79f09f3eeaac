"""Verification of incidents (issue 15): who may decide, what a decision needs, that the
history is kept, that a corrected file loaded again keeps the status of its unchanged rows,
and that the risk score weighs the status (unverified at [verification] unverified_weight,
rejected never)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_risk_fixtures import inc, memory_db
from tests.workbooks import HEADER, csv_bytes, good_row
from waspada import uploads, verification
from waspada.ingest import parse_incident_file, store_incidents
from waspada.risk import load_config, scores
from waspada.verification import Decision, VerificationRefused

AS_OF = date(2024, 11, 20)  # kampanye
CFG = load_config()


@pytest.fixture()
def people(fresh_accounts):
    acc = fresh_accounts
    users = {
        "tarakan": acc.create_user("staf.tarakan", "staf", actor="uji", regions=["65.71"], password=None)[0],
        "bulungan": acc.create_user("staf.bulungan", "staf", actor="uji", regions=["65.01"], password=None)[0],
        "pimpinan": acc.create_user("kaban", "pimpinan", actor="uji")[0],
        "admin": acc.create_user("admin", "admin", actor="uji")[0],
    }
    return acc, users


def _load(db, rows, name):
    data = csv_bytes([HEADER, *rows])
    report = parse_incident_file(data, name, db=db)
    return store_incidents(db, report, data, "uji")


def _ids(db) -> dict[str, int]:
    df = db.query_df("SELECT id, description FROM visible_incidents ORDER BY id")
    return dict(zip(df["description"], df["id"]))


def _status(db, incident_id) -> str:
    return verification.statuses(db.reader(), ids=[incident_id])["status"].iloc[0]


def test_staff_verify_and_reject_in_their_scope_with_history_and_audit(writable_reference_db, people):
    db, (acc, u) = writable_reference_db, people
    _load(db, [good_row(), good_row(uraian="Posko paslon dilempari batu")], "a.csv")
    ids = _ids(db)
    first, second = ids["Baliho paslon dirusak"], ids["Posko paslon dilempari batu"]
    assert _status(db, first) == "dilaporkan"  # the default

    assert verification.verify_incidents(db, acc, u["tarakan"], [first], Decision("terverifikasi", note="dicek")) == 1
    verification.verify_incidents(db, acc, u["tarakan"], [second], Decision("ditolak", "duplikat", duplicate_of=first))
    verification.verify_incidents(db, acc, u["tarakan"], [first], Decision("ditolak", "hoaks"))
    assert _status(db, first) == "ditolak" and _status(db, second) == "ditolak"
    hist = verification.history(db.reader(), incident_id=first)
    assert hist["status"].tolist() == ["terverifikasi", "ditolak"]  # nothing overwritten
    assert hist["decided_by"].tolist() == ["staf.tarakan", "staf.tarakan"]
    row = verification.statuses(db.reader(), ids=[second]).iloc[0]
    assert row["reason"] == "duplikat" and row["duplicate_of"] == first
    log = acc.audit_log(actions=("incident_verification",))
    assert len(log) == 3 and set(log["actor"]) == {"staf.tarakan"}


def test_out_of_scope_and_pimpinan_are_refused_and_nothing_is_written(writable_reference_db, people):
    db, (acc, u) = writable_reference_db, people
    _load(db, [good_row(), good_row(kabupaten_kota="Kabupaten Bulungan", kecamatan="Tanjung Selor")], "a.csv")
    ids = db.query_df("SELECT id FROM visible_incidents ORDER BY id")["id"].tolist()
    assert len(ids) == 2
    with pytest.raises(VerificationRefused) as out:
        verification.verify_incidents(db, acc, u["tarakan"], ids, Decision("terverifikasi"))
    assert "65.01" in out.value.render("id")
    with pytest.raises(VerificationRefused):
        verification.verify_incidents(db, acc, u["pimpinan"], ids[:1], Decision("terverifikasi"))
    assert db.query_df("SELECT count(*) AS n FROM incident_verifications")["n"].iloc[0] == 0
    assert len(acc.audit_log(actions=("verification_refused",))) == 2
    # admin decides everywhere
    assert verification.verify_incidents(db, acc, u["admin"], ids, Decision("terverifikasi")) == 2


@pytest.mark.parametrize("decision, key", [
    (Decision("ditolak"), "verify_reason_needed"),
    (Decision("ditolak", "duplikat"), "verify_duplicate_needs_incident"),
    (Decision("ditolak", "lainnya", note="  "), "verify_other_needs_note"),
    (Decision("diperiksa"), "verify_unknown_status"),
])
def test_an_incomplete_decision_says_what_is_missing(decision, key):
    with pytest.raises(VerificationRefused) as out:
        verification.check_decision(decision)
    assert out.value.message.key == key


def test_a_corrected_file_loaded_again_keeps_the_verification_of_unchanged_rows(writable_reference_db, people):
    db, (acc, u) = writable_reference_db, people
    first = _load(db, [good_row(), good_row(uraian="Posko paslon dilempari batu")], "laporan.csv")
    ids = _ids(db)
    verification.verify_incidents(db, acc, u["tarakan"], [ids["Baliho paslon dirusak"]], Decision("terverifikasi"))
    verification.verify_incidents(db, acc, u["tarakan"], [ids["Posko paslon dilempari batu"]],
                                  Decision("ditolak", "hoaks"))
    # the office withdraws the file and loads the corrected one: row 2's description changed
    uploads.withdraw_upload(db, acc, first.upload_id, u["admin"], "koreksi")
    _load(db, [good_row(), good_row(uraian="Posko paslon dilempari batu oleh OTK")], "laporan_koreksi.csv")
    again = _ids(db)
    assert set(again) == {"Baliho paslon dirusak", "Posko paslon dilempari batu oleh OTK"}
    unchanged = again["Baliho paslon dirusak"]
    assert unchanged != ids["Baliho paslon dirusak"]  # a new row of a new upload...
    assert _status(db, unchanged) == "terverifikasi"  # ...with the decision on its content kept
    assert _status(db, again["Posko paslon dilempari batu oleh OTK"]) == "dilaporkan"  # changed: decided anew
    assert verification.history(db.reader(), incident_id=unchanged)["status"].tolist() == ["terverifikasi"]
    # the same file loaded once more (no withdrawal): duplicates, the status stays
    _load(db, [good_row()], "laporan_lagi.csv")
    assert _status(db, unchanged) == "terverifikasi"


# -- the score -----------------------------------------------------------------------------------
def _row(con):
    df = scores(con, as_of=AS_OF, province="65")
    return df[(df["region_code"] == "65.71") & (df["phase"] == "kampanye")].iloc[0]


def test_unverified_counts_at_the_configured_weight_and_the_reason_says_so():
    assert 0 < CFG.unverified_weight < 1  # data/risk_model.toml [verification]
    checked = _row(memory_db(ikp=[("65.71", 30.0)], tps=[("65.71", 500)], incidents=[inc(AS_OF, "kekerasan_fisik")]))
    unchecked = _row(memory_db(ikp=[("65.71", 30.0)], tps=[("65.71", 500)], incidents=[inc(AS_OF, "kekerasan_fisik", status="dilaporkan")]))
    assert unchecked["raw_points"] == pytest.approx(CFG.unverified_weight * checked["raw_points"])
    assert unchecked["score"] < checked["score"]
    assert "belum diverifikasi" not in checked["reason_id"]
    assert "1 laporan yang belum diverifikasi" in unchecked["reason_id"]
    assert "1 reports not verified yet" in unchecked["reason_en"]


_DAYS = st.integers(min_value=0, max_value=40)
_CATS = st.sampled_from(["kekerasan_fisik", "bentrok_massa", "intimidasi", "perusakan", "politik_uang"])
_INCIDENTS = st.lists(st.tuples(_DAYS, _CATS, st.sampled_from(["terverifikasi", "dilaporkan"]),
                                st.integers(min_value=0, max_value=2)), max_size=6)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kept=_INCIDENTS, rejected=st.lists(st.tuples(_DAYS, _CATS, st.integers(min_value=0, max_value=3)),
                                          min_size=1, max_size=4))
def test_a_rejected_incident_never_counts_in_a_score(kept, rejected):
    base = [inc(AS_OF - timedelta(days=d), c, status=s, killed=k) for d, c, s, k in kept]
    bad = [inc(AS_OF - timedelta(days=d), c, status="ditolak", killed=k) for d, c, k in rejected]
    without = _row(memory_db(ikp=[("65.71", 25.0)], tps=[("65.71", 500)], incidents=base))
    with_rejected = _row(memory_db(ikp=[("65.71", 25.0)], tps=[("65.71", 500)], incidents=base + bad))
    assert with_rejected["score"] == pytest.approx(without["score"])
    assert with_rejected["n_incidents"] == without["n_incidents"]
    assert with_rejected["reason_id"] == without["reason_id"]
