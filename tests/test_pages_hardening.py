"""What a hostile or careless user tried (issue 17), on the pages and in the domain: dates
out of range in the link, a briefing saved for another province, an export that cannot be
made, and the incident dots' tooltips."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from tests.apptest_helpers import assert_clean, decks, texts
from tests.auth_session import ensure_users
from waspada import briefing
from waspada.accounts import Accounts
from waspada.db import Database

MOVED = "digeser ke dalam rentang"


@pytest.fixture
def writable_db(sample_db, tmp_path):
    path = tmp_path / "waspada.duckdb"
    shutil.copyfile(sample_db, path)
    return path


# -- dates in the link --------------------------------------------------------------------------------
@pytest.mark.parametrize("page, params", [
    (None, {"tanggal": "2030-01-01"}),
    (None, {"tanggal": "1999-01-01"}),
    ("insiden", {"dari": "2000-01-01"}),
    ("insiden", {"sampai": "2030-01-01"}),
])
def test_a_date_outside_the_schedule_is_moved_into_it_with_a_notice(open_app, sample_db, page, params):
    at = open_app(sample_db, params=params)  # the run that reads the link says so
    assert_clean(at)  # before: StreamlitValueAboveMaxError / BelowMinError with server paths
    assert MOVED in texts(at)
    if page:
        at.switch_page(f"app_pages/{page}.py").run()
        assert_clean(at)
        start, end = at.date_input(key="w_range").value
        assert date(2024, 1, 1) <= start <= end <= date(2025, 12, 31)
    # The link now says the date the page shows, inside the schedule.
    for name in params:
        shown = at.query_params.get(name)
        shown = shown[-1] if isinstance(shown, list) else shown
        assert shown is None or "2024-01-01" <= shown <= "2025-12-31", (name, shown)


def test_a_date_inside_the_schedule_has_no_notice(open_app, sample_db):
    at = open_app(sample_db, params={"tanggal": "2024-11-20"})
    assert_clean(at)
    assert MOVED not in texts(at)


def test_clamp_dates_orders_an_inverted_range():
    from waspada.selection import Selection

    sel = Selection(province="65", start=date(2030, 1, 1), end=date(2024, 9, 1), as_of=date(1999, 1, 1))
    moved, changed = sel.clamp_dates(date(2024, 1, 1), date(2024, 12, 31))
    assert changed
    assert (moved.start, moved.end, moved.as_of) == (date(2024, 9, 1), date(2024, 12, 31), date(2024, 1, 1))
    assert sel.clamp_dates(None, None) == (sel, False)  # no schedule: nothing to clamp against


# -- saving a briefing is scoped and audited ----------------------------------------------------------
def test_staff_cannot_save_a_briefing_for_another_province(writable_db, accounts_file):
    acc = ensure_users(accounts_file)
    staf = acc.get_user("staf")  # scoped to Kota Tarakan and Kabupaten Malinau (Kalimantan Utara)
    db = Database(writable_db)
    with pytest.raises(briefing.BriefingSaveRefused) as refused:
        briefing.save_briefing(db, acc, staf, province="53", as_of=date(2024, 11, 20), phase="kampanye")
    text = refused.value.render("id")
    assert "Nusa Tenggara Timur" in text and "Kalimantan Utara" in text
    assert "Kalimantan Utara" in refused.value.render("en") and "may only save" in refused.value.render("en")
    assert briefing.saved_briefings(db.reader(), province="53") == []
    log = acc.audit_log(actions=("briefing_save_refused",), actor="staf")
    assert log.iloc[0]["target"] == "53" and log.iloc[0]["detail"]["province"] == "53"

    # Within the scope it saves, and that is audited too.
    saved_id = briefing.save_briefing(db, acc, staf, province="65", as_of=date(2024, 11, 20), phase="kampanye",
                                      note="rapat")
    assert [b.id for b in briefing.saved_briefings(db.reader(), province="65")] == [saved_id]
    log = acc.audit_log(actions=("briefing_saved",), actor="staf")
    assert log.iloc[0]["detail"]["briefing_id"] == saved_id and log.iloc[0]["target"] == "65"


def test_who_may_save_which_province(accounts_file):
    acc = ensure_users(accounts_file)
    staf, admin, lead = acc.get_user("staf"), acc.get_user("admin"), acc.get_user("pimpinan")
    assert briefing.briefing_province_allowed(staf, "65") and not briefing.briefing_province_allowed(staf, "53")
    assert briefing.briefing_province_allowed(admin, "53") and briefing.briefing_province_allowed(admin, "65")
    assert not briefing.briefing_province_allowed(lead, "65")  # pimpinan reads (PERMISSIONS 'upload')


def test_the_reports_page_refuses_a_briefing_for_another_province(open_app, writable_db, accounts_file):
    at = open_app(writable_db, page="laporan", params={"prov": "53", "tanggal": "2024-11-20"}, role="staf")
    assert_clean(at)
    at.text_input[0].set_value("dari tautan")
    at.button(key="FormSubmitter:save_briefing-Simpan briefing ini").click().run()
    assert not at.exception
    assert any("hanya boleh menyimpan briefing untuk Kalimantan Utara" in e.value for e in at.error)
    assert briefing.saved_briefings(Database(writable_db).reader(), province="53") == []
    assert len(Accounts.open(accounts_file).audit_log(actions=("briefing_save_refused",))) >= 1


# -- an export that cannot be made says so -------------------------------------------------------------
def test_a_report_that_cannot_be_made_says_so_without_server_paths(open_app, sample_db, monkeypatch):
    from waspada.reports import weekly

    def broken(report):
        raise RuntimeError("/srv/geheim/waspada/reports/weekly.py exploded")

    monkeypatch.setattr(weekly, "weekly_pdf", broken)
    at = open_app(sample_db, page="laporan", params={"tanggal": "2024-10-02"})
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any("tidak dapat dibuat" in e and ".pdf" in e for e in errors), errors
    assert not any("/srv/geheim" in e for e in errors)
    assert len(at.get("download_button")) == 1  # the weekly Excel still downloads
    for prepare in [b for b in at.button if b.label.startswith("Siapkan berkas")]:
        prepare.click().run()
    assert not at.exception
    assert len(at.get("download_button")) == 3  # and the briefing's two, made on request


def test_an_incident_export_that_cannot_be_made_says_so(open_app, sample_db, monkeypatch):
    from waspada import export

    monkeypatch.setattr(export, "to_excel_bytes", lambda *a, **k: 1 / 0)
    at = open_app(sample_db, page="insiden", params={"tanggal": "2024-11-20"}, role="staf")
    assert not at.exception
    assert any("tidak dapat dibuat" in e.value and ".xlsx" in e.value for e in at.error)
    assert not at.get("download_button")


# -- tooltips ----------------------------------------------------------------------------------------
def test_incident_dots_have_their_own_tooltip_words(open_app, sample_db):
    at = open_app(sample_db, page="insiden", params={"tanggal": "2024-11-20"})
    assert_clean(at)
    import json

    spec = decks(at)[0]
    template = json.loads(at.get("deck_gl_json_chart")[0].proto.tooltip)["text"]
    fields = [f.strip("{}") for f in template.split("\n")]
    dots = next(layer for layer in spec["layers"] if layer["id"] == "insiden")["data"]
    assert dots
    for dot in dots:
        filled = template
        for name in fields:
            filled = filled.replace("{" + name + "}", str(dot[name]))
        assert "{" not in filled and dot["nama"] and dot["rincian"]
