"""A staff member's week in headless Chromium at desktop width (issue 15 point 8): verify an
incident on Insiden, take an alert on Peringatan, add an action from the library that answers
it on Rencana Aksi and mark it done with its result; then the Peringatan page lists the action,
the weekly report downloaded from Laporan has the action and the alert with its owner, and the
briefing of the week's end lists both. Screenshots in the test's tmp dir (week_*.png).

Own server on a copy of the generated sample (this test writes), and a staff account for the
whole of Kalimantan Utara (province 65, no list of kabupaten/kota): the sample's alerts are in
Nunukan, outside the shared "staf" account's regions.
"""

from __future__ import annotations

import io
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.auth_session import PASSWORD, browser_login, ensure_users
from tests.e2e.conftest import ERRORS, streamlit_server, watch_outside_requests

pytestmark = pytest.mark.browser

STAFF = "staf.kaltara"
AS_OF = "2024-12-01"  # a Sunday: the reporting week 25 November - 1 December has ended
QUERY = f"?prov=65&tanggal={AS_OF}"
ALERT = "27 November 2024 — Kabupaten Nunukan"  # the sample's one alert in Nunukan that day (a surge)
PERSON = "Ipda Rahman"
RESULT = "Pengamanan rekapitulasi Nunukan 28/11 berjalan tertib"
DONE_ON = date(2024, 11, 28)


@pytest.fixture(scope="module")
def server(tmp_path_factory, sample_db):
    work = tmp_path_factory.mktemp("week-e2e")
    shutil.copyfile(sample_db, work / "waspada.duckdb")
    accounts = work / "accounts.duckdb"
    acc = ensure_users(accounts)
    acc.create_user(STAFF, "staf", actor="test", password=PASSWORD, province="65", display_name="Staf Kaltara")
    with streamlit_server(work / "waspada.duckdb", accounts, "streamlit-week-e2e.log") as base:
        yield base, work


def _idle(page, timeout_ms: int = 60_000) -> None:
    """The run the last click started is over: nothing greyed out (stale) and the app not running."""
    page.wait_for_timeout(400)
    page.wait_for_function(
        "() => !document.querySelector('[data-stale=\"true\"]')"
        " && !document.querySelector('[data-testid=\"stStatusWidget\"] [data-testid=\"stStatusWidgetRunningIcon\"]')",
        timeout=timeout_ms)
    page.wait_for_timeout(400)


def _open(page, base: str, path: str, title: str) -> None:
    page.goto(f"{base}/{path}{QUERY}")
    browser_login(page, STAFF)
    page.locator('[data-testid="stMain"] h1').filter(has_text=title).first.wait_for(timeout=90_000)
    _idle(page)
    assert page.locator(ERRORS).count() == 0, page.locator(ERRORS).first.inner_text()


def _choose(page, key: str, option: str | re.Pattern, search: str | None = None) -> None:
    """Open the select box with widget key `key` and click the option named `option`; `search`
    is typed first, as a person narrows a long list (only the options in view are drawn)."""
    box = page.locator(f".st-key-{key} [role='combobox']").first
    box.scroll_into_view_if_needed()
    box.click()
    if search:
        page.keyboard.type(search, delay=30)
    wanted = page.get_by_role("option", name=option).first
    try:
        wanted.wait_for(timeout=5_000)
    except PlaywrightTimeout:  # the click only focused the box: the keyboard opens the list
        box.press("ArrowDown")
    wanted.click()
    _idle(page)


def _grid_text(page, index: int) -> str:
    """The text of a st.dataframe: the grid draws on a canvas and keeps an accessible table of its
    visible cells beside it (what a screen reader reads)."""
    grid = page.locator('[data-testid="stDataFrame"]').nth(index)
    grid.wait_for(timeout=30_000)
    grid.scroll_into_view_if_needed()
    cells = grid.locator('[role="gridcell"], [role="columnheader"]')
    scroller = grid.locator(".dvn-scroller").first
    seen = cells.all_inner_texts()
    # Only the columns in view are in that table: scroll right a third of the grid at a time.
    for _ in range(20):  # bounded: a grid that stops scrolling cannot hold the test
        if not scroller.evaluate("el => el.scrollLeft + el.clientWidth < el.scrollWidth - 1"):
            break
        scroller.evaluate("el => { el.scrollLeft += Math.max(50, Math.floor(el.clientWidth / 3)); }")
        page.wait_for_timeout(300)
        seen += cells.all_inner_texts()
    return " | ".join(seen)


def _shot(page, folder: Path, name: str) -> None:
    """The window as the person sees it (the app scrolls inside stMain, so what was last acted on)."""
    page.screenshot(path=str(folder / f"week_{name}.png"))


def test_a_week_of_follow_up_reaches_the_alerts_the_weekly_report_and_the_briefing(server, chromium, tmp_path):
    from openpyxl import load_workbook

    from waspada import alert_work, briefing
    from waspada.db import Database

    base, work = server
    db_file = work / "waspada.duckdb"
    context = chromium.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    page = watch_outside_requests(context.new_page())
    try:
        # 1. Insiden: verify the first incident the form offers; the table shows it verified.
        _open(page, base, "insiden", "Insiden")
        page.locator(".st-key-w_verify_ids [role='combobox']").first.click()
        first = page.get_by_role("option").filter(has_text=re.compile(r"^#\d+ — ")).first  # not "Select all"
        label = first.inner_text()
        incident = int(re.match(r"#(\d+)", label).group(1))
        first.click()
        page.keyboard.press("Escape")
        _choose(page, "w_verify_decision", "terverifikasi")
        _shot(page, tmp_path, "1_insiden_form")
        page.get_by_role("button", name="Simpan keputusan").click()
        page.get_by_text("Keputusan disimpan untuk 1 insiden.").wait_for(timeout=60_000)
        _idle(page)
        _shot(page, tmp_path, "1_insiden_saved")
        assert page.locator(ERRORS).count() == 0
        stored = Database(db_file).query_df(
            "SELECT verification_status FROM visible_incidents WHERE id = ?", [incident])
        assert stored["verification_status"].tolist() == ["terverifikasi"]
        _choose(page, "w_verify_status", "terverifikasi")  # the list of verified incidents has it
        verified = _grid_text(page, 1)
        assert re.search(rf"(^|\| ){incident}( \||$)", verified), verified
        assert "terverifikasi" in verified and STAFF in verified, verified  # status and who decided

        # 2. Peringatan: take the Nunukan alert; its owner is now this staff member.
        _open(page, base, "peringatan", "Peringatan")
        _choose(page, "w_alert_pick", re.compile("^" + re.escape(ALERT)), search="Nunukan")
        assert page.get_by_text("Status: baru · Penanggung jawab: belum ada").count() == 1
        page.locator(".st-key-w_alert_take button").click()
        page.get_by_text(f"Tersimpan: status ditangani, penanggung jawab {STAFF}.").wait_for(timeout=60_000)
        _idle(page)
        _choose(page, "w_alert_pick", re.compile("^" + re.escape(ALERT)), search="Nunukan")
        _shot(page, tmp_path, "2_alert_taken")
        assert page.get_by_text(f"Status: ditangani · Penanggung jawab: {STAFF}").count() == 1
        taken = alert_work.alert_list(Database(db_file).reader(), province="65", statuses=("ditangani",))
        assert taken["owner"].tolist() == [STAFF]
        alert_id = taken["alert_id"].item()

        # 3. Rencana Aksi: an action from the library, answering that alert, then done with its result.
        _open(page, base, "rencana_aksi", "Rencana Aksi")
        _choose(page, "w_actions_alert", re.compile(r"27 November 2024 · Kabupaten Nunukan"), search="Nunukan")
        what = page.locator(".st-key-w_actions_lib_pick [role='combobox']").first.input_value()
        what = what.split(" · ", 1)[1].strip()  # "L15 · Rencana pengamanan ..." as the library writes it
        _choose(page, "w_actions_lib_region", "Kabupaten Nunukan")
        page.locator(".st-key-w_actions_lib_person input").fill(PERSON)
        _shot(page, tmp_path, "3_action_form")
        page.locator(".st-key-w_actions_lib_add button").click()
        page.get_by_text("Aksi nomor 1 dicatat.").wait_for(timeout=60_000)
        _idle(page)
        _choose(page, "w_actions_new_status", "selesai")
        page.locator(".st-key-w_actions_result textarea").fill(RESULT)
        # The date field is three segments (year / month / day): typed into in turn, as a person does.
        segments = page.locator(".st-key-w_actions_done_on [role='spinbutton']")
        segments.first.click()
        page.keyboard.type(DONE_ON.strftime("%Y%m%d"), delay=80)
        page.keyboard.press("Tab")
        page.wait_for_timeout(500)
        assert [x.strip() for x in segments.all_inner_texts()] == DONE_ON.strftime("%Y %m %d").split()
        _shot(page, tmp_path, "3_action_done_form")
        page.locator(".st-key-w_actions_set_status button").click()
        page.get_by_text("Status aksi nomor 1 kini selesai.").wait_for(timeout=60_000)
        _idle(page)
        _shot(page, tmp_path, "3_action_done")
        assert page.locator(ERRORS).count() == 0
        register = _grid_text(page, 0)
        assert "Kabupaten Nunukan" in register and "selesai" in register and RESULT in register, register
        row = Database(db_file).query_df(
            "SELECT alert_id, status, CAST(done_on AS VARCHAR) AS done_on, result, responsible FROM actions")
        assert row.to_dict("records") == [{"alert_id": alert_id, "status": "selesai", "done_on": DONE_ON.isoformat(),
                                           "result": RESULT, "responsible": PERSON}]

        # 4a. Peringatan lists the action linked to the alert, done, with its result.
        _open(page, base, "peringatan", "Peringatan")
        _choose(page, "w_alert_pick", re.compile("^" + re.escape(ALERT)), search="Nunukan")
        linked = _grid_text(page, 1)  # the list of alerts, then the actions linked to the one shown
        _shot(page, tmp_path, "4_alert_with_action")
        assert what[:30] in linked and PERSON in linked and "selesai" in linked and RESULT in linked, linked

        # 4b. Laporan: the weekly report of 25 November - 1 December, downloaded as Excel.
        _open(page, base, "laporan", "Laporan")
        button = page.locator(".st-key-dl_weekly_xlsx button")
        button.scroll_into_view_if_needed()
        _shot(page, tmp_path, "4_laporan")
        with page.expect_download(timeout=90_000) as download:
            button.click()
        workbook = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
        done_rows = [r for r in workbook["Aksi minggu ini"].iter_rows(values_only=True) if RESULT in r]
        assert len(done_rows) == 1 and "Kabupaten Nunukan" in done_rows[0] and PERSON in done_rows[0], done_rows
        open_rows = [r for r in workbook["Peringatan terbuka"].iter_rows(values_only=True)
                     if "Kabupaten Nunukan" in r and STAFF in r]
        assert len(open_rows) == 1 and "ditangani" in open_rows[0], list(workbook["Peringatan terbuka"].values)
        assert page.locator(ERRORS).count() == 0
        assert page.outside_requests == []
    except Exception:
        _shot(page, tmp_path, "failed")  # where the flow stopped, for a person to look at
        raise
    finally:
        context.close()

    # 4c. The briefing of 1 December: the action among what is new, the alert with its owner.
    deck = briefing.build_briefing(Database(db_file).reader(), province="65", as_of=date(2024, 12, 1), previous=None)
    done = next(tb for tb in deck.slide("baru").tables if tb.title == "Aksi selesai")
    assert ["28 November 2024", "Kabupaten Nunukan", what, RESULT] in done.rows, done.rows
    follow = next(tb for tb in deck.slide("tindak_lanjut").tables if tb.title == "Peringatan terbuka")
    assert any(r[:4] == ["27 November 2024", "Kabupaten Nunukan", "ditangani", STAFF] for r in follow.rows), follow.rows
