"""The pages of issue 15 as a user meets them (AppTest): staff verify an incident on Insiden,
take an alert on Peringatan and close it; the overview counts open alerts by owner."""

from __future__ import annotations

import shutil

import pytest

from apptest_helpers import assert_clean, texts
from waspada import alert_work
from waspada.db import Database


@pytest.fixture()
def sample_copy(sample_db, tmp_path):
    """A writable copy of the sample database (the session's one stays untouched)."""
    path = tmp_path / "waspada.duckdb"
    shutil.copyfile(sample_db, path)
    return path


def test_staff_verify_an_incident_and_the_table_shows_it(open_app, sample_copy):
    at = open_app(sample_copy, page="insiden", params={"wilayah": "65.71"}, role="staf")
    assert_clean(at)
    form_ids = at.multiselect(key="w_verify_ids")
    first = form_ids.options[0]
    incident = int(first.split("—")[0].strip().lstrip("#"))
    form_ids.set_value([incident])
    at.selectbox(key="w_verify_decision").set_value("terverifikasi")
    at.button[[b.label for b in at.button].index("Simpan keputusan")].click().run()
    assert_clean(at)
    assert "Keputusan disimpan untuk 1 insiden." in texts(at)
    table = at.dataframe[1].value  # the verification table, under the incident table
    assert table.loc[table["#"] == incident, "Status"].tolist() == ["terverifikasi"]
    row = Database(sample_copy).query_df("SELECT verification_status FROM visible_incidents WHERE id = ?", [incident])
    assert row["verification_status"].tolist() == ["terverifikasi"]


def test_the_status_filter_finds_incidents_older_than_the_table(open_app, accounts_file, sample_copy, monkeypatch):
    """An old report still waiting for a decision is counted and listed, though the incident
    table shows only the newest rows; the table and its export say each row's status."""
    from tests.auth_session import ensure_users
    from ui import widgets
    from waspada import queries, verification

    monkeypatch.setattr(widgets, "TABLE_ROWS", 3)
    at = open_app(sample_copy, page="insiden", params={"wilayah": "65.71"}, role="staf")
    start, end = at.date_input(key="w_range").value
    in_view = queries.incidents(Database(sample_copy).reader(), start=start, end=end, region="65.71",
                                election_related=True)["id"].tolist()  # newest first, as the page filters
    assert len(in_view) > 3
    acc = ensure_users(accounts_file)
    decided = verification.verify_incidents(Database(sample_copy), acc, acc.get_user("admin"), in_view[:-1],
                                            verification.Decision("terverifikasi"))
    assert decided == len(in_view) - 1  # every incident of the view but the oldest

    at.run()
    assert_clean(at)
    assert f"Dalam pilihan ini: 1 dilaporkan, {len(in_view) - 1} terverifikasi, 0 ditolak." in texts(at)
    assert at.dataframe[0].value["Status verifikasi"].tolist() == ["terverifikasi"] * 3
    at.selectbox(key="w_verify_status").set_value("dilaporkan").run()
    assert_clean(at)
    table = at.dataframe[1].value
    assert table["#"].tolist() == [in_view[-1]]
    assert "1 insiden terbaru dari 1 dengan status ini; pilih baris untuk memutuskan." in texts(at)


def test_pimpinan_see_the_status_but_no_form(open_app, sample_copy):
    at = open_app(sample_copy, page="insiden", role="pimpinan")
    assert_clean(at)
    assert "Peran Anda dapat melihat status, tetapi tidak memverifikasi." in texts(at)
    assert not [m for m in at.multiselect if m.key == "w_verify_ids"]


def _alert_in(db_path, options, kabkota=("65.71", "65.02")):
    """The id of the first alert the page lists (options are its labels) in the staff's regions."""
    from waspada.i18n import fmt_date

    listed = alert_work.alert_list(Database(db_path).reader())
    by_label = {f"{fmt_date(r.triggered_on, 'id')} — {r.region_name} — baru": r for r in listed.itertuples()}
    return next(by_label[o].alert_id for o in options
                if o in by_label and ".".join(by_label[o].region_code.split(".")[:2]) in kabkota)


def _as_nunukan_staff(open_app, accounts_file, db_path, page):
    """Logged in as a staff member for Kabupaten Nunukan (65.03), where the sample has alerts."""
    from tests.auth_session import PASSWORD, TOKEN_KEY
    from waspada.accounts import Accounts

    acc = Accounts.open(accounts_file)
    if acc.get_user("staf.nunukan") is None:
        acc.create_user("staf.nunukan", "staf", actor="test", password=PASSWORD, regions=["65.03"])
    at = open_app(db_path, role=None)
    at.session_state[TOKEN_KEY] = acc.login("staf.nunukan", PASSWORD).token
    at.run()
    return at.switch_page(f"app_pages/{page}.py").run()


def test_staff_take_an_alert_note_it_and_close_it(open_app, accounts_file, sample_copy):
    at = _as_nunukan_staff(open_app, accounts_file, sample_copy, "peringatan")
    assert_clean(at)
    assert "Peringatan" in at.title[0].value
    pick = at.selectbox(key="w_alert_pick")
    aid = _alert_in(sample_copy, pick.options, kabkota=("65.03",))
    pick.set_value(aid).run()
    at.button(key="w_alert_take").click().run()
    assert_clean(at)
    assert "Tersimpan: status ditangani, penanggung jawab staf.nunukan." in texts(at)
    at.text_area(key="w_alert_note").input("Sudah koordinasi dengan Polres")
    at.button[[b.label for b in at.button].index("Tambah catatan")].click().run()
    assert_clean(at)
    assert "Sudah koordinasi dengan Polres" in "\n".join(str(e.value) for e in at.text)
    at.radio(key="w_alert_close_as").set_value("selesai")
    at.button[[b.label for b in at.button].index("Tutup")].click().run()
    assert_clean(at)
    assert "Tersimpan: status selesai, penanggung jawab staf.nunukan." in texts(at)
    state = {r.alert_id: (r.status, r.owner) for r in alert_work.alert_list(Database(sample_copy).reader()).itertuples()}
    assert state[aid] == ("selesai", "staf.nunukan")
    assert aid not in at.selectbox(key="w_alert_pick").options  # the default list shows open alerts


def test_pimpinan_cannot_take_or_close_but_can_assign(open_app, sample_copy):
    at = open_app(sample_copy, page="peringatan", role="pimpinan")
    assert_clean(at)
    labels = [b.label for b in at.button]
    assert "Ambil peringatan ini" not in labels and "Tutup" not in labels
    assert "Tugaskan" in labels and "Tambah catatan" in labels


def test_the_overview_counts_open_alerts_by_owner_and_age(open_app, accounts_file, sample_copy):
    at = _as_nunukan_staff(open_app, accounts_file, sample_copy, "ringkasan")
    assert_clean(at)
    assert "Peringatan terbuka menurut umur dan penanggung jawab" in texts(at)
    table = at.dataframe[-1].value
    assert list(table.columns) == ["Penanggung jawab", "0-2 hari", "3-7 hari", "8+ hari", "Jumlah"]
    # the open alerts raised by the page's date: at most every open alert stored
    listed = alert_work.alert_list(Database(sample_copy).reader(), province="65", statuses=alert_work.OPEN_STATUSES)
    assert 0 < table["Jumlah"].sum() <= len(listed)
    assert set(table["Penanggung jawab"]) == {"belum ada"}  # nobody has taken one yet
