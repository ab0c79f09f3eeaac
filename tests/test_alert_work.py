"""Alerts someone owns (issue 15): the status rules (no alert closes without an owner, as a
property of every sequence of steps), who may take which step, the history, that a refresh
of the alerts keeps it, and that two officials writing at once lose neither update."""

from __future__ import annotations

import threading
from datetime import date, datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.workbooks import HEADER, csv_bytes, good_row
from waspada import alert_work
from waspada.alert_work import AlertState, AlertWorkRefused, transition
from waspada.db import Database
from waspada.ingest import parse_incident_file, store_incidents


# -- the rules, as a property ----------------------------------------------------------------------
_STEPS = st.lists(st.tuples(
    st.sampled_from(alert_work.ACTIONS),
    st.sampled_from(["budi", "sari"]),                       # who acts
    st.sampled_from([None, "", "budi", "sari"]),             # owner named (tugaskan)
    st.sampled_from([None, *alert_work.DISMISS_REASONS, "bosan"]),
    st.sampled_from([None, "", "sudah dicek"]),
), max_size=25)


@settings(max_examples=300, deadline=None)
@given(steps=_STEPS)
def test_no_sequence_of_steps_closes_an_alert_without_an_owner(steps):
    state = AlertState()
    for action, by, owner, reason, note in steps:
        try:
            after = transition(state, action, by=by, owner=owner, reason=reason, note=note)
        except AlertWorkRefused:
            continue
        assert after.status in alert_work.ALERT_STATUSES
        if not after.is_open:
            assert after.owner  # closed: someone is responsible
        if action in ("selesai", "abaikan"):
            assert state.owner is not None and state.is_open  # only an owned, open alert closes
        if action == "abaikan":
            assert reason in alert_work.DISMISS_REASONS
        state = after


def test_closing_an_unowned_alert_is_refused_in_both_languages():
    with pytest.raises(AlertWorkRefused) as out:
        transition(AlertState(), "selesai", by="budi")
    assert "tanpa penanggung jawab" in out.value.render("id")
    assert "without someone responsible" in out.value.render("en")


# -- through the database ----------------------------------------------------------------------------
@pytest.fixture()
def alert_db(writable_reference_db):
    """The reference database with one death in Kota Tarakan: one korban_jiwa alert stored."""
    db = writable_reference_db
    data = csv_bytes([HEADER, good_row(korban_meninggal=1, jenis_kejadian="Penganiayaan")])
    store_incidents(db, parse_incident_file(data, "a.csv", db=db), data, "uji")
    ids = db.query_df("SELECT alert_id FROM alerts WHERE kind = 'korban_jiwa'")["alert_id"].tolist()
    assert len(ids) == 1
    return db, ids[0]


@pytest.fixture()
def people(fresh_accounts):
    acc = fresh_accounts
    return acc, {
        "tarakan": acc.create_user("staf.tarakan", "staf", actor="uji", regions=["65.71"])[0],
        "tarakan2": acc.create_user("staf.tarakan2", "staf", actor="uji", regions=["65.71"])[0],
        "bulungan": acc.create_user("staf.bulungan", "staf", actor="uji", regions=["65.01"])[0],
        "pimpinan": acc.create_user("kaban", "pimpinan", actor="uji")[0],
        "admin": acc.create_user("admin", "admin", actor="uji")[0],
    }


def _state(db, alert_id):
    row = alert_work.alert_list(db.reader()).set_index("alert_id").loc[alert_id]
    return row["status"], row["owner"]


def test_staff_take_note_and_close_with_history_and_audit(alert_db, people):
    (db, aid), (acc, u) = alert_db, people
    assert _state(db, aid) == ("baru", None)
    assert alert_work.record(db, acc, u["tarakan"], aid, "ambil") == AlertState("ditangani", "staf.tarakan")
    alert_work.record(db, acc, u["tarakan"], aid, "catatan", note="Koordinasi dengan Polres")
    alert_work.record(db, acc, u["tarakan"], aid, "selesai", note="Pelaku ditahan")
    assert _state(db, aid) == ("selesai", "staf.tarakan")
    hist = alert_work.events(db.reader(), alert_id=aid)
    assert hist["action"].tolist() == ["ambil", "catatan", "selesai"]
    assert hist["note"].tolist()[1:] == ["Koordinasi dengan Polres", "Pelaku ditahan"]
    assert len(acc.audit_log(actions=("alert_updated",))) == 3
    # closed: reopen first, then it can be dismissed with a reason
    with pytest.raises(AlertWorkRefused):
        alert_work.record(db, acc, u["tarakan"], aid, "abaikan", reason="alarm_palsu")
    alert_work.record(db, acc, u["tarakan"], aid, "buka")
    alert_work.record(db, acc, u["tarakan"], aid, "abaikan", reason="alarm_palsu")
    assert _state(db, aid) == ("diabaikan", "staf.tarakan")


def test_roles_and_scope(alert_db, people):
    (db, aid), (acc, u) = alert_db, people
    for who, action in (("pimpinan", "ambil"), ("bulungan", "ambil"), ("bulungan", "catatan"),
                        ("tarakan", "tugaskan")):
        with pytest.raises(AlertWorkRefused):
            alert_work.record(db, acc, u[who], aid, action, owner="staf.tarakan", note="x")
    assert alert_work.events(db.reader(), alert_id=aid).empty
    assert len(acc.audit_log(actions=("alert_refused",))) == 4
    # pimpinan assign (only to someone who may work on the region) and comment
    with pytest.raises(AlertWorkRefused):
        alert_work.record(db, acc, u["pimpinan"], aid, "tugaskan", owner="staf.bulungan")
    with pytest.raises(AlertWorkRefused):
        alert_work.record(db, acc, u["pimpinan"], aid, "selesai")
    alert_work.record(db, acc, u["pimpinan"], aid, "tugaskan", owner="staf.tarakan2")
    alert_work.record(db, acc, u["pimpinan"], aid, "catatan", note="Laporkan besok pagi")
    assert _state(db, aid) == ("ditangani", "staf.tarakan2")
    alert_work.record(db, acc, u["admin"], aid, "selesai")
    assert _state(db, aid) == ("selesai", "staf.tarakan2")


def test_a_refresh_of_the_alerts_keeps_their_state(alert_db, people):
    (db, aid), (acc, u) = alert_db, people
    alert_work.record(db, acc, u["tarakan"], aid, "ambil")
    data = csv_bytes([HEADER, good_row(uraian="Spanduk dibakar")])  # another load: alerts refreshed
    store_incidents(db, parse_incident_file(data, "b.csv", db=db), data, "uji")
    assert _state(db, aid) == ("ditangani", "staf.tarakan")


def test_two_officials_updating_the_same_alert_at_once_lose_neither_update(alert_db, people):
    (db, aid), (acc, u) = alert_db, people
    alert_work.record(db, acc, u["tarakan"], aid, "ambil")
    start = threading.Barrier(2)
    errors = []

    def official(user, n):
        own = Database(db.path)  # a connection of its own, as another server thread or process
        start.wait()
        try:
            for i in range(n):
                alert_work.record(own, acc, user, aid, "catatan", note=f"{user.username} {i}")
        except Exception as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=official, args=(u["tarakan"], 4)),
               threading.Thread(target=official, args=(u["pimpinan"], 4))]
    for th in threads:
        th.start()
    for th in threads:
        th.join(120)
    assert not errors
    notes = alert_work.events(db.reader(), alert_id=aid)["note"].dropna().tolist()
    assert sorted(notes) == sorted([f"staf.tarakan {i}" for i in range(4)] + [f"kaban {i}" for i in range(4)])
    assert _state(db, aid) == ("ditangani", "staf.tarakan")


def test_assigning_and_closing_at_once_never_closes_without_an_owner(writable_reference_db, people):
    """An unowned alert: one official closes while a leader assigns it. Whichever the lock lets
    in first decides; the close is refused or comes after the owner, never before."""
    db = writable_reference_db
    data = csv_bytes([HEADER, good_row(korban_meninggal=1, jenis_kejadian="Penganiayaan")])
    store_incidents(db, parse_incident_file(data, "a.csv", db=db), data, "uji")
    aid = db.query_df("SELECT alert_id FROM alerts WHERE kind = 'korban_jiwa'")["alert_id"].iloc[0]
    acc, u = people
    start = threading.Barrier(2)
    outcome = {}

    def act(name, user, action, **kw):
        start.wait()
        try:
            alert_work.record(Database(db.path), acc, user, aid, action, **kw)
            outcome[name] = "ok"
        except AlertWorkRefused:
            outcome[name] = "refused"

    threads = [threading.Thread(target=act, args=("close", u["admin"], "selesai")),
               threading.Thread(target=act, args=("assign", u["pimpinan"], "tugaskan"), kwargs={"owner": "staf.tarakan"})]
    for th in threads:
        th.start()
    for th in threads:
        th.join(120)
    assert outcome["assign"] == "ok"
    hist = alert_work.events(db.reader(), alert_id=aid)
    for status, owner in zip(hist["status"], hist["owner"]):
        assert status not in alert_work.CLOSED_STATUSES or owner


def test_open_alerts_by_age_and_owner_and_closed_since(alert_db, people):
    (db, aid), (acc, u) = alert_db, people
    raised = alert_work.alert_list(db.reader()).set_index("alert_id").loc[aid, "triggered_on"]
    as_of = date.fromisoformat(str(raised)[:10])
    table = alert_work.open_by_age_and_owner(db.reader(), as_of=as_of, province="65")
    nobody = table[table["owner"].isna()].iloc[0]
    assert nobody["0-2"] >= 1 and nobody["total"] == table["total"].sum()
    alert_work.record(db, acc, u["tarakan"], aid, "ambil")
    table = alert_work.open_by_age_and_owner(db.reader(), as_of=as_of, province="65")
    assert table.set_index("owner").loc["staf.tarakan", "total"] == 1
    before = datetime.now(timezone.utc)
    alert_work.record(db, acc, u["tarakan"], aid, "selesai")
    closed = alert_work.closed_since(db.reader(), since=before, province="65")
    assert closed["alert_id"].tolist() == [aid]
    assert alert_work.open_by_age_and_owner(db.reader(), as_of=as_of, province="65")["total"].sum() == \
        table["total"].sum() - 1
