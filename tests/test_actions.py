"""The action register (issue 15 point 3): recording from the library, following up to done,
the rules of statuses, who may do what, and the Excel matrix in and out."""

from __future__ import annotations

import io
import shutil
from datetime import date, datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from waspada import actions, queries, reference
from waspada.accounts import AUDIT_ACTIONS
from waspada.db import Database

PASSWORD = "sandi-uji-yang-panjang"
NOW = datetime(2024, 11, 22, 9, 0, tzinfo=timezone.utc)
AS_OF = date(2024, 11, 27)


@pytest.fixture
def db(sample_db, tmp_path) -> Database:
    path = tmp_path / "waspada.duckdb"
    shutil.copyfile(sample_db, path)
    return Database(path)


@pytest.fixture
def people(fresh_accounts):
    acc = fresh_accounts
    acc.create_user("budi", "staf", actor="test", password=PASSWORD, regions=["65.71"])
    acc.create_user("sari", "staf", actor="test", password=PASSWORD, province="65")
    acc.create_user("ketua", "pimpinan", actor="test", password=PASSWORD)
    acc.create_user("root", "admin", actor="test", password=PASSWORD)
    return acc, {n: acc.get_user(n) for n in ("budi", "sari", "ketua", "root")}


def _register(db, **kw):
    cur = db.reader()
    try:
        return queries.actions(cur, as_of=AS_OF, **kw)
    finally:
        cur.close()


def test_an_action_from_the_library_followed_to_done(db, people):
    acc, u = people
    new = actions.from_library("L05", region_code="65.71", responsible="AKP Sari", due_on=date(2024, 11, 25))
    action_id = actions.add_action(db, acc, u["budi"], new, now=NOW)
    row = _register(db, province="65").set_index("action_id").loc[action_id]
    assert (row["region_name"], row["phase"], row["agency"], row["status"]) == ("Kota Tarakan", "kampanye",
                                                                               "Polres/Polda", "rencana")
    assert row["library_id"] == "L05" and row["category"] == "bentrok_massa"
    assert row["overdue"]  # due 25 November, still open on the 27th
    assert list(_register(db, province="65", overdue_only=True)["action_id"]) == [action_id]

    actions.change_status(db, acc, u["budi"], action_id, "berjalan", now=NOW)
    actions.change_status(db, acc, u["budi"], action_id, "selesai", result="Rapat koordinasi 23/11 dihadiri 4 paslon",
                          done_on=date(2024, 11, 23), now=NOW.replace(day=24))
    row = _register(db, province="65").set_index("action_id").loc[action_id]
    assert (row["status"], row["done_on"], row["overdue"]) == ("selesai", date(2024, 11, 23), False)
    assert row["result"] == "Rapat koordinasi 23/11 dihadiri 4 paslon"

    cur = db.reader()
    history = queries.action_history(cur, action_id=action_id)
    assert list(history["event"]) == ["dibuat", "status", "status"]
    assert list(history["status_to"]) == ["rencana", "berjalan", "selesai"]
    log = acc.audit_log(actions=("action_created", "action_status"))
    assert set(log["actor"]) == {"budi"} and len(log) == 3


def test_overdue_is_an_open_action_past_its_due_date(db, people):
    acc, u = people
    late = actions.add_action(db, acc, u["budi"], actions.NewAction("65.71", "kampanye", "Patroli malam", "polres",
                                                                     due_on=date(2024, 11, 20)), now=NOW)
    actions.add_action(db, acc, u["budi"], actions.NewAction("65.71", "kampanye", "Sosialisasi", "KPU",
                                                              due_on=date(2024, 11, 30)), now=NOW)
    assert list(_register(db, province="65", overdue_only=True)["action_id"]) == [late]
    actions.change_status(db, acc, u["budi"], late, "batal", result="Digabung dengan patroli Polda", now=NOW)
    assert _register(db, province="65", overdue_only=True).empty


def test_the_same_action_is_never_recorded_twice(db, people):
    acc, u = people
    first = actions.NewAction("65.71", "kampanye", "Patroli gabungan di Tarakan Barat", "POLRES")
    actions.add_action(db, acc, u["budi"], first, now=NOW)
    again = actions.NewAction("65.71", "kampanye", "patroli gabungan di  tarakan barat.", "Polres")
    with pytest.raises(actions.ActionError, match="sudah tercatat"):
        actions.add_action(db, acc, u["budi"], again, now=NOW)
    assert len(_register(db, province="65")) == 1


# -- who may do what ----------------------------------------------------------------------------------
def test_staff_record_only_in_their_scope_and_refusals_are_audited(db, people):
    acc, u = people
    with pytest.raises(actions.ActionError) as err:
        actions.add_action(db, acc, u["budi"], actions.NewAction("65.02", "kampanye", "Patroli", "Polres"), now=NOW)
    assert err.value.render("en") == "Kabupaten Malinau is outside the regions assigned to you."
    # A province-level action: staff whose scope is the whole province, not those of one kota.
    with pytest.raises(actions.ActionError):
        actions.add_action(db, acc, u["budi"], actions.NewAction("65", "kampanye", "Rakor", "Kesbangpol"), now=NOW)
    actions.add_action(db, acc, u["sari"], actions.NewAction("65", "kampanye", "Rakor", "Kesbangpol"), now=NOW)
    actions.add_action(db, acc, u["root"], actions.NewAction("53.71", "kampanye", "Rakor", "Kesbangpol"), now=NOW)
    refused = acc.audit_log(actions=("action_refused",))
    assert list(refused["actor"]) == ["budi", "budi"]


def test_leadership_reads_comments_and_assigns_but_does_not_record(db, people):
    acc, u = people
    action_id = actions.add_action(db, acc, u["budi"], actions.NewAction("65.71", "kampanye", "Patroli", "Polres"),
                                   now=NOW)
    with pytest.raises(actions.ActionError, match="Peran Anda"):
        actions.add_action(db, acc, u["ketua"], actions.NewAction("65.71", "kampanye", "Lain", "KPU"), now=NOW)
    with pytest.raises(actions.ActionError, match="Peran Anda"):
        actions.change_status(db, acc, u["ketua"], action_id, "berjalan", now=NOW)
    actions.assign(db, acc, u["ketua"], action_id, "Kompol Andi", now=NOW)
    actions.comment(db, acc, u["ketua"], action_id, "Laporkan hasilnya Jumat", now=NOW)
    cur = db.reader()
    history = queries.action_history(cur, action_id=action_id)
    assert list(history["event"]) == ["dibuat", "ditugaskan", "komentar"]
    assert _register(db, province="65").iloc[0]["responsible"] == "Kompol Andi"
    # Staff of another kabupaten may neither change nor assign it.
    acc.create_user("ani", "staf", actor="test", password=PASSWORD, regions=["65.02"])
    with pytest.raises(actions.ActionError, match="di luar wilayah"):
        actions.assign(db, acc, acc.get_user("ani"), action_id, "Saya", now=NOW)


def test_every_audit_action_of_the_register_is_known():
    assert {"action_created", "action_status", "action_assigned", "action_comment", "action_import",
            "action_refused"} <= set(AUDIT_ACTIONS)


# -- status rules ------------------------------------------------------------------------------------------
STEPS = st.lists(st.tuples(st.sampled_from(actions.STATUSES + ("hilang",)),
                           st.one_of(st.none(), st.just(""), st.just("  "), st.text(min_size=1, max_size=12))),
                 max_size=12)


@settings(max_examples=300, deadline=None)
@given(STEPS)
def test_status_rules_hold_whatever_is_tried(steps):
    """Whatever sequence of changes is tried, a stored state is never selesai without a result or
    batal without a reason, and a finished or cancelled action never moves again."""
    status, result = "rencana", None
    for new, text in steps:
        try:
            actions.check_change(status, new, text)
        except actions.ActionError:
            continue
        assert new in actions.STATUSES
        assert status not in ("selesai", "batal") or new == status
        if new in ("selesai", "batal"):
            result = text.strip()
        status = new
        if status in ("selesai", "batal"):
            assert result, (status, result)


def test_the_database_refuses_what_the_rules_refuse(db, people):
    acc, u = people
    action_id = actions.add_action(db, acc, u["budi"], actions.NewAction("65.71", "kampanye", "Patroli", "Polres"),
                                   now=NOW)
    with pytest.raises(actions.ActionError, match="perlu hasilnya"):
        actions.change_status(db, acc, u["budi"], action_id, "selesai", result="  ", now=NOW)
    with pytest.raises(actions.ActionError, match="perlu alasannya"):
        actions.change_status(db, acc, u["budi"], action_id, "batal", now=NOW)
    actions.change_status(db, acc, u["budi"], action_id, "batal", result="Tidak diperlukan", now=NOW)
    with pytest.raises(actions.ActionError, match="tetap demikian"):
        actions.change_status(db, acc, u["budi"], action_id, "berjalan", now=NOW)
    # Even written straight into the table, selesai without a result is refused by the schema.
    with pytest.raises(Exception, match="CHECK"):
        with db.writer() as con:
            con.execute("UPDATE actions SET status = 'selesai', result = NULL WHERE action_id = ?", [action_id])


# -- the library ---------------------------------------------------------------------------------------------
def test_every_library_row_names_a_known_source_category_phase_and_agency():
    lib = actions.library()
    text = (actions.LIBRARY_PATH.parent / "library.md").read_text(encoding="utf-8")
    categories = set(reference.incident_categories()["category"])
    for r in lib.itertuples():
        assert f"`{r.source}`" in text, r.library_id
        assert r.phase in ("", *reference.PHASES) and r.kind in actions.KINDS
        assert r.agency in actions.AGENCIES, r.agency
        assert r.what_id.strip() and r.what_en.strip()
        assert r.category == "" or r.category in categories
    assert lib["library_id"].is_unique
    # Rows for the exact category and phase come first, then the general ones.
    fit = actions.library(category="bentrok_massa", phase="kampanye")
    assert fit.iloc[0]["category"] == "bentrok_massa" and fit.iloc[0]["phase"] == "kampanye"
    assert set(fit["category"]) <= {"", "bentrok_massa"} and set(fit["phase"]) <= {"", "kampanye"}


# -- the Excel matrix --------------------------------------------------------------------------------------------
FORMULA = '=HYPERLINK("http://x","klik")'


def test_excel_round_trip_keeps_the_rows_and_never_duplicates(db, people):
    acc, u = people
    actions.add_action(db, acc, u["budi"], actions.NewAction("65.71", "kampanye", FORMULA, "Polres",
                                                              responsible="AKP Sari", due_on=date(2024, 11, 25)), now=NOW)
    actions.add_action(db, acc, u["sari"], actions.NewAction("65.02", "masa_tenang", "Patroli masa tenang", "Kodim",
                                                              kind="kontinjensi"), now=NOW)
    before = _register(db, province="65")
    data = actions.export_matrix(before, title="MATRIKS")
    ws = load_workbook(io.BytesIO(data)).active
    cells = [c for row in ws.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)
    assert any(c.value == "'" + FORMULA and c.data_type == "s" for c in cells)  # the export guard
    assert [c.value for c in ws[3]] == list(actions.MATRIX_COLUMNS)

    # Imported into an empty register: the same actions; imported again: nothing new.
    with db.writer() as con:
        con.execute("DELETE FROM action_events")
        con.execute("DELETE FROM actions")
    report = actions.import_matrix(db, acc, u["sari"], data, "matriks.xlsx", now=NOW)
    assert (report.rows, len(report.added), report.refused) == (2, 2, [])
    after = _register(db, province="65")
    cols = ["region_code", "phase", "kind", "what", "agency", "responsible", "due_on", "status"]

    def rows(df):
        return sorted(tuple(None if v is None or v != v else v for v in r) for r in df[cols].itertuples(index=False))

    assert rows(after) == rows(before)
    again = actions.import_matrix(db, acc, u["sari"], data, "matriks.xlsx", now=NOW)
    assert (len(again.added), len(again.unchanged)) == (0, 2)
    assert len(_register(db, province="65")) == 2
    assert acc.audit_log(actions=("action_import",)).iloc[0]["detail"]["unchanged"] == 2


def _matrix(rows) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(["Matriks rencana aksi Kesbangpol"])
    ws.append([])
    ws.append(list(actions.MATRIX_COLUMNS[:9]))
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_a_bad_row_is_refused_with_file_row_and_column_and_the_rest_is_stored(db, people):
    acc, u = people
    data = _matrix([
        [1, "Kota Tarakan", "Kampanye", "Patroli gabungan", "Polres", "AKP Sari", "25/11/2024", "rencana", None],
        [2, "Kota Tarakan", "Kampanye", "Rakor Forkopimda", "Pemda", None, "31/02/2024", "rencana", None],
        [3, "Kota Tarakan", "Tahap bulan", "Dialog tokoh agama", "FKUB", None, None, None, None],
        [4, "Kota Tarakan", "Kampanye", "Sosialisasi", "KPU", None, None, "selesai", None],
        [5, "Kabupaten Malinau", "Kampanye", "Patroli", "Kodim", None, None, None, None],
        [6, "Kota Tarakan", "kampanye", "patroli gabungan", "POLRES", "AKP Sari", "25/11/2024", "rencana", None],
        [7, "Kota Tarakan", "Masa tenang", "Siaga TPS", "Polres", None, None, "berjalan", None],
    ])
    report = actions.import_matrix(db, acc, u["budi"], data, "rencana.xlsx", now=NOW)
    assert report.rows == 7 and len(report.added) == 2
    refused = {(r.row, r.column) for r in report.refused}
    assert refused == {(5, "Tenggat"), (6, "Tahapan"), (7, "Status"), (8, "Wilayah")}
    assert report.duplicates == [(9, 4)]
    text = next(r for r in report.refused if r.row == 7).render("id")
    assert text == 'Berkas rencana.xlsx, baris 7, kolom "Status": Aksi yang selesai perlu hasilnya: tulis apa yang dicapai.'
    assert "outside the regions assigned to you" in next(r for r in report.refused if r.row == 8).render("en")
    assert sorted(_register(db, province="65")["what"]) == ["Patroli gabungan", "Siaga TPS"]


def test_a_reimport_updates_status_and_refuses_an_illegal_move(db, people):
    acc, u = people
    first = _matrix([[1, "Kota Tarakan", "Kampanye", "Patroli gabungan", "Polres", None, None, "rencana", None]])
    actions.import_matrix(db, acc, u["budi"], first, "a.xlsx", now=NOW)
    done = _matrix([[1, "Kota Tarakan", "Kampanye", "Patroli gabungan", "Polres", "AKP Sari", None, "selesai",
                     "Patroli 3 malam, tanpa insiden"]])
    report = actions.import_matrix(db, acc, u["budi"], done, "b.xlsx", now=NOW)
    assert len(report.updated) == 1 and not report.added
    row = _register(db, province="65").iloc[0]
    assert (row["status"], row["result"], row["responsible"], row["done_on"]) == (
        "selesai", "Patroli 3 malam, tanpa insiden", "AKP Sari", NOW.date())
    back = _matrix([[1, "Kota Tarakan", "Kampanye", "Patroli gabungan", "Polres", "AKP Sari", None, "rencana", None]])
    report = actions.import_matrix(db, acc, u["budi"], back, "c.xlsx", now=NOW)
    assert [(r.row, r.column) for r in report.refused] == [(4, "Status")]
    assert _register(db, province="65").iloc[0]["status"] == "selesai"


def test_a_file_without_the_columns_is_refused_whole(db, people):
    acc, u = people
    wb = Workbook()
    wb.active.append(["Tanggal", "Uraian"])
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(actions.ActionError, match="baris judul kolom"):
        actions.import_matrix(db, acc, u["budi"], buf.getvalue(), "salah.xlsx", now=NOW)
    with pytest.raises(actions.ActionError, match="tidak dapat dibaca"):
        actions.import_matrix(db, acc, u["budi"], b"bukan excel", "rusak.xlsx", now=NOW)
    with pytest.raises(actions.ActionError, match="Peran Anda"):
        actions.import_matrix(db, acc, u["ketua"], _matrix([]), "a.xlsx", now=NOW)


# -- open alerts in the weekly report: status and owner from the alert history ------------------------------
def test_open_alerts_take_status_and_owner_from_the_alert_history(db):
    cur = db.reader()
    before = queries.open_alerts(cur, as_of=date(2024, 11, 27), province="65")
    assert not before.empty and set(before["status"]) == {"baru"} and before["owner"].isna().all()
    taken, closed = before["alert_id"].iloc[0], before["alert_id"].iloc[-1]
    assert taken != closed
    # The alert history as issue 15 point 2 stores it: each event holds the status and owner after it.
    with db.writer() as con:
        con.execute("INSERT INTO alert_events VALUES (1, ?, 'ambil', 'ditangani', 'budi', NULL, NULL, 'budi', ?),"
                    " (2, ?, 'ambil', 'ditangani', 'sari', NULL, NULL, 'sari', ?),"
                    " (3, ?, 'selesai', 'selesai', 'sari', NULL, NULL, 'sari', ?)",
                    [taken, NOW, closed, NOW, closed, NOW.replace(hour=10)])
    after = queries.open_alerts(db.reader(), as_of=date(2024, 11, 27), province="65").set_index("alert_id")
    assert closed not in after.index
    assert (after.loc[taken, "status"], after.loc[taken, "owner"]) == ("ditangani", "budi")
    # With the history, an open alert stays listed however old it is.
    later = queries.open_alerts(db.reader(), as_of=date(2024, 12, 31), province="65")
    assert taken in set(later["alert_id"])
