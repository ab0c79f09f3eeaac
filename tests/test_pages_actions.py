"""Page Rencana Aksi and the region profile's action block, as officials use them: staff add an
action from the library and mark it done with its result; the weekly report and the briefing
then carry it. Leadership reads, comments and assigns, and records nothing."""

from __future__ import annotations

import io
import shutil
from datetime import date

import pytest
from openpyxl import load_workbook

from apptest_helpers import assert_clean, metrics, texts
from waspada import briefing, queries
from waspada.db import Database
from waspada.reports import weekly

PARAMS = {"prov": "65", "tanggal": "2024-11-27"}


@pytest.fixture
def db_path(sample_db, tmp_path):
    path = tmp_path / "waspada.duckdb"
    shutil.copyfile(sample_db, path)
    return path


def _table(at):
    return at.dataframe[0].value


def test_staff_add_an_action_from_the_library_and_mark_it_done(open_app, db_path):
    at = open_app(db_path, page="rencana_aksi", params=PARAMS, role="staf")
    assert_clean(at)
    assert at.title[0].value == "Rencana Aksi"
    assert "Belum ada aksi untuk pilihan ini." in texts(at)
    assert metrics(at) == {"Aksi terbuka": "0", "Terlambat": "0", "Selesai": "0"}

    at.selectbox(key="w_actions_lib_cat").set_value("bentrok_massa").run()
    at.selectbox(key="w_actions_lib_phase").set_value("kampanye").run()
    at.selectbox(key="w_actions_lib_pick").set_value("L05").run()
    assert "BAWASLU_IKP2020" in texts(at)
    at.selectbox(key="w_actions_lib_region").set_value("65.71")
    at.text_input(key="w_actions_lib_person").input("AKP Sari")
    at.date_input(key="w_actions_lib_due").set_value(date(2024, 11, 25))
    at.button(key="w_actions_lib_add").click().run()
    assert_clean(at)
    assert "Aksi nomor 1 dicatat." in [s.value for s in at.success]
    row = _table(at).iloc[0]
    assert (row["Wilayah"], row["Instansi"], row["Penanggung jawab"], row["Status"], row["Terlambat"]) == (
        "Kota Tarakan", "Polres/Polda", "AKP Sari", "rencana", "ya")  # due the 25th, open on the 27th
    assert row["Kegiatan"].startswith("Koordinasi Polri dan TNI")

    # Done without a result is refused; with it, stored, and the register says so.
    at.selectbox(key="w_actions_new_status").set_value("selesai")
    at.date_input(key="w_actions_done_on").set_value(date(2024, 11, 21))
    at.button(key="w_actions_set_status").click().run()
    assert [e.value for e in at.error] == ["Aksi yang selesai perlu hasilnya: tulis apa yang dicapai."]
    at.text_area(key="w_actions_result").input("Rakor 21/11 dengan 3 tim paslon")
    at.button(key="w_actions_set_status").click().run()
    assert_clean(at)
    row = _table(at).iloc[0]
    assert (row["Status"], row["Terlambat"], row["Hasil / alasan"]) == ("selesai", "tidak", "Rakor 21/11 dengan 3 tim paslon")
    history = at.dataframe[1].value
    assert list(history["Oleh"]) == ["staf", "staf"]
    assert list(history["Perubahan"]) == ["dicatat → rencana", "status diubah → selesai"]

    # The weekly report of 18-24 November and the briefing of the 24th carry it.
    cur = Database(db_path).reader()
    report = weekly.build_weekly(cur, province="65", week_of=date(2024, 11, 18))
    taken = report.section("Aksi minggu ini").rows
    assert [(r[1], r[2], r[7]) for r in taken] == [(date(2024, 11, 21), "Kota Tarakan", "Rakor 21/11 dengan 3 tim paslon")]
    assert dict(report.summary)["Aksi selesai minggu ini"] == 1
    wb = load_workbook(io.BytesIO(weekly.weekly_xlsx(report)))
    assert any(c == "Rakor 21/11 dengan 3 tim paslon" for row in wb["Aksi minggu ini"].iter_rows(values_only=True)
               for c in row)
    deck = briefing.build_briefing(cur, province="65", as_of=date(2024, 11, 24), previous=None)
    done = next(tb for tb in deck.slide("baru").tables if tb.title == "Aksi selesai")
    assert done.rows[0][1:] == ["Kota Tarakan", taken[0][4], "Rakor 21/11 dengan 3 tim paslon"]
    assert "1 aksi selesai." in deck.slide("baru").text


def test_overdue_actions_reach_the_briefing_and_the_weekly_report(open_app, db_path):
    at = open_app(db_path, page="rencana_aksi", params=PARAMS, role="staf")
    at.selectbox(key="w_actions_b_region").set_value("65.02")
    at.selectbox(key="w_actions_b_phase").set_value("kampanye")
    at.text_area(key="w_actions_b_what").input("Patroli gabungan di Malinau Kota")
    at.selectbox(key="w_actions_b_agency").set_value("")
    at.text_input(key="w_actions_b_other").input("Dinas Kominfo")
    at.date_input(key="w_actions_b_due").set_value(date(2024, 11, 20))
    at.button(key="w_actions_b_add").click().run()
    assert_clean(at)
    assert metrics(at)["Terlambat"] == "1"
    cur = Database(db_path).reader()
    deck = briefing.build_briefing(cur, province="65", as_of=date(2024, 11, 24), previous=None)
    late = next(tb for tb in deck.slide("tindak_lanjut").tables if tb.title == "Aksi terlambat")
    assert late.rows == [["Kabupaten Malinau", "Patroli gabungan di Malinau Kota", "Dinas Kominfo", "–",
                          "20 November 2024"]]
    report = weekly.build_weekly(cur, province="65", week_of=date(2024, 11, 18))
    assert [r[-1] for r in report.section("Aksi terbuka").rows] == ["ya"]


def test_leadership_reads_and_comments_but_records_nothing(open_app, db_path, accounts_file):
    from tests.auth_session import ensure_users
    from waspada import actions

    acc = ensure_users(accounts_file)
    actions.add_action(Database(db_path), acc, acc.get_user("staf"),
                       actions.NewAction("65.71", "kampanye", "Dialog tokoh agama", "FKUB"))
    at = open_app(db_path, page="rencana_aksi", params=PARAMS, role="pimpinan")
    assert_clean(at)
    assert "Peran Anda membaca, memberi catatan dan menetapkan penanggung jawab" in texts(at)
    keys = {w.key for w in at.button}
    assert "w_actions_lib_add" not in keys and "w_actions_set_status" not in keys and "w_actions_import" not in keys
    at.text_input(key="w_actions_person").input("Kompol Andi")
    at.button(key="w_actions_assign").click().run()
    at.text_area(key="w_actions_note").input("Laporkan Jumat")
    at.button(key="w_actions_comment").click().run()
    assert_clean(at)
    assert _table(at).iloc[0]["Penanggung jawab"] == "Kompol Andi"
    assert list(at.dataframe[1].value["Keterangan"])[-2:] == ["Kompol Andi", "Laporkan Jumat"]


def test_the_page_in_english_and_without_a_province(open_app, db_path):
    at = open_app(db_path, page="rencana_aksi", params=PARAMS, role="admin")
    at.sidebar.segmented_control(key="w_lang").set_value("en").run()
    assert_clean(at)
    assert at.title[0].value == "Action plan"
    at = open_app(db_path, page="rencana_aksi", params={"tampilan": "nasional", "tanggal": "2024-11-27"}, role="admin")
    assert_clean(at)
    assert "Pilih provinsi di bilah samping untuk melihat rencana aksinya." in texts(at)


def test_region_profile_lists_its_open_actions(open_app, db_path, accounts_file):
    from tests.auth_session import ensure_users
    from waspada import actions

    acc = ensure_users(accounts_file)
    actions.add_action(Database(db_path), acc, acc.get_user("staf"),
                       actions.NewAction("65.71", "masa_tenang", "Siaga di TPS rawan", "Polres", due_on=date(2024, 11, 26)))
    at = open_app(db_path, page="wilayah", params={**PARAMS, "wilayah": "65.71"})
    assert_clean(at)
    assert "1 aksi terbuka, 1 terlambat (per 27 November 2024)." in texts(at)
    block = next(d.value for d in at.dataframe if "Kegiatan" in d.value.columns)
    assert list(block["Kegiatan"]) == ["Siaga di TPS rawan"]
    cur = Database(db_path).reader()
    assert len(queries.actions(cur, as_of=date(2024, 11, 27), region="65.71")) == 1
