"""The briefing's slides: the dashboard's numbers, "new since the last briefing", empty data,
and the Briefing page in AppTest (sample and empty database, slide number in the URL)."""

from __future__ import annotations

import shutil
from pathlib import Path
from datetime import date, datetime, timedelta, timezone

import pandas as pd
import pytest

from apptest_helpers import assert_clean, metrics, texts
from auth_session import ensure_users
from waspada import briefing, queries
from waspada.db import Database
from waspada.i18n import fmt_number, risk_word

AS_OF = date(2024, 11, 20)  # kampanye, inside the sample's incidents
PROV = "65"


@pytest.fixture(scope="module")
def deck(sample_db):
    cur = Database(sample_db).reader()
    return briefing.build_briefing(cur, province=PROV, as_of=AS_OF, previous=None)


@pytest.fixture
def writable_db(sample_db, tmp_path):
    path = tmp_path / "waspada.duckdb"
    shutil.copyfile(sample_db, path)
    return Database(path)


def test_seven_slides_in_the_fixed_order(deck):
    assert [s.key for s in deck.slides] == list(briefing.SLIDE_KEYS)
    assert all(s.title and s.text for s in deck.slides)
    assert deck.slide("peta").visual == "map" and deck.slide("tahapan").visual == "timeline"


def _own_counts(db_path, start: date, end: date, province: str = PROV) -> tuple[int, int]:
    """(incidents, casualties) in start..end counted with this test's own SQL over the
    incidents table (withdrawn uploads left out), not through waspada.queries."""
    cur = Database(db_path).reader()
    try:
        n, cas = cur.execute(
            """SELECT count(*), coalesce(sum(i.injured + i.killed), 0) FROM incidents i
               JOIN uploads u USING (upload_id)
               WHERE u.withdrawn_at IS NULL AND i.province_code = ? AND i.occurred_on BETWEEN ? AND ?""",
            [province, start, end]).fetchone()
    finally:
        cur.close()
    return int(n), int(cas)


def _id_number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def test_situation_figures_are_the_overview_figures(sample_db):
    # 13 November 2024: a week of the sample with casualties (a zero would not test the sum).
    as_of = date(2024, 11, 13)
    cur = Database(sample_db).reader()
    deck = briefing.build_briefing(cur, province=PROV, as_of=as_of, previous=None)
    n, casualties = _own_counts(sample_db, as_of - timedelta(days=6), as_of)
    assert casualties > 0 and n > 0
    # high-risk regions: counted from the model's scores for the phase of that date (not the headline)
    scores = queries.risk_scores(cur, as_of=as_of, level="kabupaten_kota", phase="kampanye", province=PROV)
    high = int((scores["category"] == "tinggi").sum())
    # open alerts: those of a wider scan whose day falls in the display window, windowed here
    from waspada import risk
    from waspada.risk.alerts import compute_alerts

    days = risk.load_config().alert_display_days
    wide = compute_alerts(cur, start=as_of - timedelta(days=60), end=as_of, province=PROV)
    on = pd.to_datetime(wide["triggered_on"]).dt.date
    shown = int(((on > as_of - timedelta(days=days)) & (on <= as_of)).sum())
    figures = [f.value for f in deck.slide("situasi").figures]
    assert figures == [_id_number(n), _id_number(casualties), _id_number(high), _id_number(shown)]
    assert f"{_id_number(n)} insiden" in deck.slide("situasi").text


def test_map_and_riskiest_come_from_the_risk_scores(deck, sample_db):
    cur = Database(sample_db).reader()
    scores = queries.risk_scores(cur, as_of=AS_OF, level="kabupaten_kota", phase="kampanye", province=PROV)
    by_category = {row[0]: row[1] for row in deck.slide("peta").tables[0].rows}
    for cat in ("tinggi", "sedang", "rendah"):
        assert by_category[risk_word(cat)] == fmt_number((scores["category"] == cat).sum())
    top = scores.sort_values("score", ascending=False).head(briefing.TOP_N)
    rows = deck.slide("rawan").tables[0].rows
    assert [r[0] for r in rows] == top["region_name"].tolist()
    assert [r[3] for r in rows] == top["reason_id"].tolist()  # the model's own reasons


def test_coming_phase_lists_regions_entering_it_at_high_risk(sample_db):
    from waspada import risk

    ntt = "53"  # the sample province with kabupaten/kota at rawan tinggi on AS_OF
    cur = Database(sample_db).reader()
    s = briefing.build_briefing(cur, province=ntt, as_of=AS_OF, previous=None).slide("tahapan")
    assert "masa tenang dimulai 24 November 2024 (4 hari lagi)" in s.text
    ahead = risk.forward_look(cur, as_of=AS_OF, horizon_days=4, province=ntt)
    high = ahead[(ahead["next_phase"] == "masa_tenang")
                 & ((ahead["current_category"] == "tinggi") | (ahead["next_phase_category"] == "tinggi"))]
    assert not high.empty
    names = high.sort_values("score", ascending=False)["region_name"].tolist()
    # highest first, as many as fit the slide, and the rest counted ("… dan N lainnya")
    assert [r[0] for r in s.tables[0].rows] == names[:briefing.MAX_ROWS]
    assert s.tables[0].hidden == max(0, len(names) - briefing.MAX_ROWS)
    assert f"{len(high)} kabupaten/kota memasukinya dengan rawan tinggi" in s.text


def test_new_since_last_saved_briefing(writable_db, accounts_file):
    earlier = AS_OF - timedelta(days=10)
    acc = ensure_users(accounts_file)
    briefing.save_briefing(writable_db, acc, acc.get_user("admin"), province=PROV, as_of=earlier, phase="kampanye",
                           note="rapat lalu", now=datetime(2024, 11, 10, 9, 0, tzinfo=timezone.utc))
    cur = writable_db.reader()
    saved = briefing.saved_briefings(cur, province=PROV)
    assert [(b.as_of, b.note) for b in saved] == [(earlier, "rapat lalu")]
    assert saved[0].saved_by == acc.get_user("admin").display_name
    deck = briefing.build_briefing(cur, province=PROV, as_of=AS_OF)
    assert deck.previous == saved[0] and deck.since == earlier + timedelta(days=1)
    n_new, _ = _own_counts(writable_db.path, earlier + timedelta(days=1), AS_OF)
    assert n_new > 3  # a longer window than the default 7 days
    assert deck.slide("baru").figures[0].value == fmt_number(n_new)
    assert "briefing 10 November 2024" in deck.slide("baru").text
    # A briefing about the same or a later date is not "the last briefing" of this one.
    assert briefing.previous_briefing(cur, province=PROV, as_of=earlier) is None


def test_without_a_saved_briefing_new_means_the_last_seven_days(deck, sample_db):
    n, _ = _own_counts(sample_db, AS_OF - timedelta(days=6), AS_OF)
    assert deck.since == AS_OF - timedelta(days=6)
    assert deck.slide("baru").figures[0].value == _id_number(n)
    assert "belum ada briefing tersimpan" in deck.slide("baru").text


def test_save_briefing_refuses_an_unknown_phase(writable_db, accounts_file):
    acc = ensure_users(accounts_file)
    with pytest.raises(ValueError, match="Tahapan"):
        briefing.save_briefing(writable_db, acc, acc.get_user("admin"), province=PROV, as_of=AS_OF, phase="pesta")
    assert briefing.saved_briefings(writable_db.reader(), province=PROV) == []


def test_english_briefing(sample_db):
    cur = Database(sample_db).reader()
    deck = briefing.build_briefing(cur, province=PROV, as_of=AS_OF, lang="en", previous=None)
    assert deck.slide("rawan").title == "Riskiest regions"
    assert "incidents in the last 7 days" in deck.slide("situasi").text


def test_empty_database_gives_seven_slides_without_numbers(empty_db):
    cur = Database(empty_db).reader()
    deck = briefing.build_briefing(cur, province=PROV, as_of=AS_OF)
    assert len(deck.slides) == 7
    assert deck.scores is None
    assert [f.value for f in deck.slide("situasi").figures][2:] == ["–", "–"]
    assert deck.slide("kepatuhan").tables == []


def test_period_label():
    assert briefing.period_label(date(2024, 11, 18), date(2024, 11, 24)) == "18–24 November 2024"
    assert briefing.period_label(date(2024, 10, 28), date(2024, 11, 3)) == "28 Oktober – 3 November 2024"
    assert briefing.period_label(date(2024, 12, 30), date(2025, 1, 5)) == "30 Desember 2024 – 5 Januari 2025"


# -- the page --------------------------------------------------------------------------------
APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture
def open_page(monkeypatch):
    """open_page(db, page, params, role) -> AppTest on that page, logged in when the app has a login gate."""
    from streamlit.testing.v1 import AppTest

    def _open(db, page, params=None, role="staf"):
        monkeypatch.setenv("WASPADA_DB", str(db))
        at = AppTest.from_file(APP, default_timeout=90)
        try:
            from auth_session import log_in
        except ImportError:  # no accounts in this checkout: no gate to pass
            pass
        else:
            from waspada.accounts import accounts_path

            log_in(at, accounts_path(db), role)
        at.query_params.update(params or {})
        at.run()
        return at.switch_page(f"app_pages/{page}.py").run()

    return _open


def test_briefing_page_renders_on_sample_db(open_page, sample_db):
    at = open_page(sample_db, "briefing", params={"tanggal": AS_OF.isoformat()})
    assert_clean(at)
    assert at.title[0].value == "Situasi Kalimantan Utara"
    n, casualties = _own_counts(sample_db, AS_OF - timedelta(days=6), AS_OF)
    figures = list(metrics(at).values())
    assert figures[:2] == [_id_number(n), _id_number(casualties)]
    assert len(figures) == 4 and "–" not in figures
    assert at.query_params["slide"] in ("1", ["1"])


def test_slide_from_url_and_next_button(open_page, sample_db):
    at = open_page(sample_db, "briefing", params={"tanggal": AS_OF.isoformat(), "slide": "3"})
    assert_clean(at)
    assert at.title[0].value == "Wilayah paling rawan"
    at.button(key="briefing_next").click().run()
    assert_clean(at)
    assert at.title[0].value == "Yang baru sejak briefing terakhir"
    assert at.query_params["slide"] in ("4", ["4"])
    at.button(key="briefing_prev").click().run()
    assert at.title[0].value == "Wilayah paling rawan"


def test_every_slide_renders(open_page, sample_db):
    for number in range(1, len(briefing.SLIDE_KEYS) + 1):
        at = open_page(sample_db, "briefing", params={"tanggal": AS_OF.isoformat(), "slide": str(number)})
        assert_clean(at)
        assert at.title[0].value == briefing.build_briefing(
            Database(sample_db).reader(), province=PROV, as_of=AS_OF).slides[number - 1].title


def test_briefing_page_renders_on_empty_db(open_page, empty_db):
    at = open_page(empty_db, "briefing", params={"slide": "2"})
    assert_clean(at)
    body = texts(at)
    assert "Kalimantan Utara · " in body and "Belum ada data yang dimuat." in body
    assert "Belum ada skor risiko untuk tahapan" in body
    assert "**Slide 2 dari 7**" in body
    assert not metrics(at)  # no figures invented for an empty database


def test_laporan_page_renders_on_sample_and_empty_db(open_page, sample_db, empty_db):
    at = open_page(sample_db, "laporan", params={"tanggal": AS_OF.isoformat()})
    assert_clean(at)
    assert at.title[0].value == "Laporan — Kalimantan Utara"
    # The weekly files at once; the briefing's (seconds: its pictures) on request.
    assert len(at.get("download_button")) == 2
    prepare = [b for b in at.button if b.label.startswith("Siapkan berkas")]
    assert [b.label for b in prepare] == ["Siapkan berkas PPTX", "Siapkan berkas PDF"]
    prepare[0].click().run()
    assert_clean(at)
    assert len(at.get("download_button")) == 3
    assert [b.label for b in at.button if b.label.startswith("Siapkan berkas")] == ["Siapkan berkas PDF"]
    at = open_page(empty_db, "laporan")
    assert_clean(at)
    body = texts(at)
    assert "Belum ada data yang dimuat." in body
    assert "Belum ada kabupaten/kota untuk provinsi ini." in body
    assert "Belum ada briefing tersimpan untuk provinsi ini." in body


def test_follow_up_slide_lists_open_alerts_and_the_new_slide_alerts_closed(writable_db, fresh_accounts):
    """Issue 15: the follow-up slide lists the open alerts with who is responsible; what is new
    since the last briefing includes the alerts closed since it was saved."""
    from waspada import alert_work

    day = date(2024, 11, 28)  # two deaths in the sample by then: two korban_jiwa alerts
    admin = fresh_accounts.create_user("admin", "admin", actor="uji")[0]
    open_ids = alert_work.alert_list(writable_db.reader(), province=PROV, as_of=day,
                                     statuses=alert_work.OPEN_STATUSES)["alert_id"].tolist()
    assert len(open_ids) >= 2
    deck = briefing.build_briefing(writable_db.reader(), province=PROV, as_of=day)
    follow = deck.slide("tindak_lanjut")
    assert follow.text.startswith(f"{len(open_ids)} peringatan terbuka, {len(open_ids)} belum ada")
    assert [r[3] for r in follow.tables[0].rows] == ["belum ada"] * len(follow.tables[0].rows)
    briefing.save_briefing(writable_db, fresh_accounts, admin, province=PROV, as_of=day, phase=deck.phase)
    alert_work.record(writable_db, fresh_accounts, admin, open_ids[0], "ambil")
    alert_work.record(writable_db, fresh_accounts, admin, open_ids[1], "ambil")
    alert_work.record(writable_db, fresh_accounts, admin, open_ids[1], "selesai", note="aman")
    later = briefing.build_briefing(writable_db.reader(), province=PROV, as_of=day + timedelta(days=1))
    follow = later.slide("tindak_lanjut")
    assert "admin" in [r[3] for r in follow.tables[0].rows]
    closed = [tb for tb in later.slide("baru").tables if tb.title == "Peringatan ditutup"]
    assert len(closed) == 1 and len(closed[0].rows) == 1 and closed[0].rows[0][1:] == ["selesai", "admin"]
