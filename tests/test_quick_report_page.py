"""AppTest of Lapor Cepat as a staff member uses it: only their own regions to pick, the check
shows what would be stored, refusals (empty description, a date after today) and a
duplicate naming the stored report, and storing keeps it as an upload."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.apptest_helpers import assert_clean, texts
from waspada.quick_report import kecamatan_choices

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

TARAKAN_BARAT = kecamatan_choices("65.71").set_index("name").loc["Tarakan Barat", "code"]
DESCRIPTION = "Spanduk paslon disobek OTK **tebal** <b>x</b>"


@pytest.fixture()
def page(open_app, writable_reference_db):
    def _open(role: str = "staf"):
        return open_app(writable_reference_db.path, page="lapor_cepat", role=role)

    return _open


def _fill(at, *, description=DESCRIPTION, day=date(2024, 11, 18), category="perusakan"):
    at.date_input(key="w_qr_date_0").set_value(day)
    at.selectbox(key="w_qr_type_0").set_value(category)
    at.text_area(key="w_qr_desc_0").input(description)
    at.number_input(key="w_qr_ll_0").set_value(1)
    return at.run()


def _check(at):
    at.button(key="w_qr_check").click()
    return at.run()


def _tables(at) -> str:
    return "\n".join(str(tb.value.to_dict()) for tb in at.table)


def test_staff_pick_only_their_regions_check_and_store(page, writable_reference_db):
    at = page()
    assert_clean(at)
    assert at.title[0].value == "Lapor Cepat: satu insiden"
    region = at.selectbox(key="w_qr_region_0")
    assert region.options == ["Kabupaten Malinau", "Kota Tarakan"]  # the account's two, nothing else
    assert at.selectbox(key="w_qr_prov_0").disabled
    region.set_value("65.71").run()
    kecamatan = at.selectbox(key="w_qr_kec_0")
    assert kecamatan.options[0] == "(tidak diketahui)" and "Tarakan Barat" in kecamatan.options
    kecamatan.set_value(TARAKAN_BARAT)
    at = _check(_fill(at))
    assert_clean(at)
    shown = _tables(at)
    # As typed: st.table renders Markdown, so the description's ** and <b> arrive escaped.
    assert r"Spanduk paslon disobek OTK \\*\\*tebal\\*\\* \\<b\\>x\\</b\\>" in shown
    assert "Kota Tarakan" in shown and "Tarakan Barat" in shown
    assert "Kampanye (dari jadwal)" in shown
    at.button(key="w_qr_store").click()
    at.run()
    assert_clean(at)
    assert any("Laporan disimpan sebagai unggahan #" in s.value for s in at.success)
    assert at.text_area(key="w_qr_desc_1").value == ""  # a new, empty form
    stored = writable_reference_db.query_df(
        "SELECT description, injured, region_code, uploaded_by, file_name FROM visible_incidents "
        "JOIN uploads USING (upload_id)")
    assert stored[["description", "injured", "region_code", "uploaded_by"]].values.tolist() == [
        [DESCRIPTION, 1, "65.71", "staf"]]
    assert stored["file_name"].item().startswith("Lapor Cepat ")

    # The same incident again: refused, naming the stored report.
    at.selectbox(key="w_qr_region_1").set_value("65.71").run()
    at.selectbox(key="w_qr_kec_1").set_value(TARAKAN_BARAT)
    at.date_input(key="w_qr_date_1").set_value(date(2024, 11, 18))
    at.selectbox(key="w_qr_type_1").set_value("perusakan")
    at.text_area(key="w_qr_desc_1").input(DESCRIPTION)
    at.number_input(key="w_qr_ll_1").set_value(1)
    at.run()
    at = _check(at)
    assert [e.value for e in at.error] == ["Laporan ini tidak dapat disimpan:"]
    assert "Insiden yang sama sudah tersimpan: unggahan #" in _tables(at) and "oleh staf" in _tables(at)
    assert not [b for b in at.button if b.key == "w_qr_store"]


def test_an_empty_description_is_refused(page):
    at = _check(_fill(page(), description="   "))
    assert [e.value for e in at.error] == ["Laporan ini tidak dapat disimpan:"]
    assert "'Uraian singkat'" in _tables(at) and "uraian kosong" in _tables(at) and not [b for b in at.button if b.key == "w_qr_store"]


def test_a_date_after_today_cannot_be_picked(page):
    # The calendar ends today (the domain refuses a later date too: tests/test_quick_report.py).
    at = _fill(page(), day=date.today() + timedelta(days=2))
    assert at.date_input(key="w_qr_date_0").value <= date.today() + timedelta(days=1)  # WIT is ahead of UTC
    at = _check(at)
    assert "Kolom \"tanggal\" tidak terbaca" not in _tables(at)  # a file's advice, not a form's


def test_a_changed_form_must_be_checked_again(page):
    at = _check(_fill(page()))
    assert [b for b in at.button if b.key == "w_qr_store"]
    at.text_area(key="w_qr_desc_0").input("Uraian lain: spanduk dibakar").run()
    assert "Isian berubah sejak diperiksa" in texts(at)
    assert not [b for b in at.button if b.key == "w_qr_store"]


def test_the_suggested_type_can_be_taken_in_english(page):
    at = page()
    at.sidebar.segmented_control(key="w_lang").set_value("en").run()
    at = _check(_fill(at, category=None, description="Posko pemenangan dirusak massa"))
    assert "Vandalism (campaign material / facilities / offices) (description)" in _tables(at)
    at.button(key="w_qr_use_suggestion").click()
    at.run()
    assert at.selectbox(key="w_qr_type_0").value == "perusakan"
    assert "The form changed since it was checked" in texts(at)
