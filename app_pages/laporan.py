"""Laporan: the reports that leave the building, and reporting compliance.

Downloads of the briefing (PowerPoint, PDF) and of the laporan situasi mingguan (Excel,
PDF), made on click from waspada.briefing / waspada.reports; saving the briefing (what the
next briefing compares against); which kabupaten/kota have reported this week, with the
form to record "nihil". Province, date and phase are the sidebar's selection.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pandas as pd
import streamlit as st

from app_pages import _ui as ui
from waspada import briefing, compliance
from waspada.briefing import bt, compliance_row, period_label
from waspada.i18n import fmt_date, fmt_datetime, phase_name, t
from waspada.reports import images, pdf, pptx, weekly

ctx = ui.current()
lang = ctx.lang
province = ctx.sel.province
phase = ui.effective_phase(ctx)
path, version = str(ctx.db.path), ctx.version
area = ui.area_name(ctx) if not ctx.sel.is_national else province
rules = compliance.load_rules()
if rules.problem:
    st.warning(rules.problem)

L = {  # the words of this page
    "title": {"id": "Laporan", "en": "Reports"},
    "briefing": {"id": "Briefing Forkopimda", "en": "Forkopimda briefing"},
    "briefing_for": {"id": "{area}, {date}, tahapan {phase}.", "en": "{area}, {date}, phase {phase}."},
    "pptx": {"id": "Unduh PowerPoint", "en": "Download PowerPoint"},
    "pdf": {"id": "Unduh PDF", "en": "Download PDF"},
    "open_briefing": {"id": "Buka mode briefing", "en": "Open briefing mode"},
    "save": {"id": "Simpan briefing ini", "en": "Save this briefing"},
    "save_help": {
        "id": "Briefing berikutnya menampilkan apa yang baru sejak briefing tersimpan terakhir (tanggal lebih awal).",
        "en": "The next briefing shows what is new since the latest saved briefing (of an earlier date).",
    },
    "who": {"id": "Nama petugas", "en": "Your name"},
    "note": {"id": "Catatan (boleh kosong)", "en": "Note (optional)"},
    "saved": {"id": "Briefing tersimpan.", "en": "Briefing saved."},
    "saved_list": {"id": "Briefing tersimpan", "en": "Saved briefings"},
    "saved_at": {"id": "Disimpan", "en": "Saved"},
    "saved_by": {"id": "Oleh", "en": "By"},
    "none_saved": {"id": "Belum ada briefing tersimpan untuk provinsi ini.", "en": "No saved briefing for this province yet."},
    "weekly": {"id": "Laporan situasi mingguan", "en": "Weekly situation report"},
    "week_of": {"id": "Minggu pelaporan (pilih tanggal mana pun di minggu itu)",
                "en": "Reporting week (pick any day of it)"},
    "signed_on": {"id": "Tanggal laporan", "en": "Report date"},
    "period": {"id": "Periode {period}.", "en": "Period {period}."},
    "xlsx": {"id": "Unduh Excel", "en": "Download Excel"},
    "compliance": {"id": "Kepatuhan pelaporan", "en": "Reporting compliance"},
    "compliance_rule": {
        "id": "Setiap kabupaten/kota melapor sekali per minggu ({first}–{last}); laporan ditunggu sampai {due} hari "
              "setelah minggu berakhir. Insiden sebuah wilayah dihitung sebagai laporannya untuk minggu terjadinya; "
              "bila tidak ada kejadian, catat nihil.",
        "en": "Every regency/city reports once a week ({first}–{last}); a report is due {due} days after the week "
              "ends. A region's incidents count as its report for the weeks they occurred in; with nothing to "
              "report, record nihil.",
    },
    "nihil": {"id": "Catat laporan nihil", "en": "Record nothing to report (nihil)"},
    "nihil_region": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "nihil_week": {"id": "Minggu (tanggal mana pun di minggu itu)", "en": "Week (any day of it)"},
    "nihil_done": {"id": "Nihil dicatat untuk {region}, minggu {week}.", "en": "Nihil recorded for {region}, week {week}."},
    "nihil_exists": {"id": "Nihil untuk {region}, minggu {week} sudah tercatat.",
                     "en": "Nihil for {region}, week {week} was already recorded."},
    "need_name": {"id": "Isi nama petugas.", "en": "Enter your name."},
    "no_province": {"id": "Laporan dibuat per provinsi; pilih tampilan Provinsi di panel samping.",
                    "en": "Reports are per province; choose the Province view in the sidebar."},
}


def w(key: str, **values) -> str:
    text = L[key].get(lang) or L[key]["id"]
    return text.format(**values) if values else text


try:  # the login gate of the accounts work (app_pages/_auth.py)
    from app_pages import _auth
except ImportError:  # an installation without accounts: the forms ask for the writer's name
    _auth = None

user = _auth.require("view", lang) if _auth else None
# Saving a briefing and recording nihil are writes: staf and admin ('upload'), as for uploads.
can_write = user is None or user.can("upload")
allowed_regions = user.upload_regions() if user is not None else None  # None = every region


def _signed_in_name() -> str | None:
    return user.display_name or user.username if user is not None else None


st.title(f"{w('title')} — {area}")
if ctx.sel.is_national:
    st.info(w("no_province"))
    st.stop()
ui.sample_notice(ctx)


@st.cache_data(show_spinner=False, max_entries=32)
def _briefing(path: str, version: str, province: str, as_of: date, phase, lang: str) -> briefing.Briefing:
    cur = ui._database(path).reader()
    try:
        return briefing.build_briefing(cur, province=province, as_of=as_of, phase=phase, lang=lang)
    finally:
        cur.close()


@st.cache_data(show_spinner=False, max_entries=16)
def _briefing_file(kind: str, path: str, version: str, province: str, as_of: date, phase, lang: str) -> bytes:
    b = _briefing(path, version, province, as_of, phase, lang)
    pictures = images.briefing_images(b)
    return pptx.briefing_pptx(b, pictures) if kind == "pptx" else pdf.briefing_pdf(b, pictures)


@st.cache_data(show_spinner=False, max_entries=16)
def _weekly(path: str, version: str, province: str, week_of: date, signed_on: date):
    cur = ui._database(path).reader()
    try:
        return weekly.build_weekly(cur, province=province, week_of=week_of, signed_on=signed_on, rules=rules)
    finally:
        cur.close()


@st.cache_data(show_spinner=False, max_entries=16)
def _weekly_file(kind: str, path: str, version: str, province: str, week_of: date, signed_on: date) -> bytes:
    report = _weekly(path, version, province, week_of, signed_on)
    return weekly.weekly_xlsx(report) if kind == "xlsx" else weekly.weekly_pdf(report)


def _file_stem(kind: str, day: date) -> str:
    safe_area = re.sub(r"[^A-Za-z0-9]+", "_", area).strip("_")
    return f"{kind}_{safe_area}_{day.isoformat()}"


# -- briefing -----------------------------------------------------------------------------------
st.header(w("briefing"), anchor=False)
st.write(w("briefing_for", area=area, date=fmt_date(ctx.as_of, lang), phase=phase_name(phase, lang)))
args = (path, version, province, ctx.as_of, phase, lang)
with st.container(horizontal=True):
    st.page_link("app_pages/briefing.py", label=w("open_briefing"), icon=":material/slideshow:")
    st.download_button(w("pptx"), data=lambda: _briefing_file("pptx", *args),
                       file_name=_file_stem("briefing", ctx.as_of) + ".pptx", on_click="ignore",
                       mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                       icon=":material/slideshow:", key="dl_pptx")
    st.download_button(w("pdf"), data=lambda: _briefing_file("pdf", *args),
                       file_name=_file_stem("briefing", ctx.as_of) + ".pdf", mime="application/pdf",
                       on_click="ignore", icon=":material/picture_as_pdf:", key="dl_briefing_pdf")

def _save_form() -> None:
    with st.form("save_briefing", border=True):
        st.markdown(f"**{w('save')}**")
        st.caption(w("save_help"))
        who = _signed_in_name() or st.text_input(w("who"), max_chars=80)
        note = st.text_input(w("note"), max_chars=300)
        if st.form_submit_button(w("save"), icon=":material/bookmark_add:"):
            if not (who or "").strip():
                st.error(w("need_name"))
            elif phase is None:
                st.error(t("no_schedule", lang))
            else:
                briefing.save_briefing(ctx.db, province=province, as_of=ctx.as_of, phase=phase, saved_by=who,
                                       note=note)
                st.success(w("saved"))


if can_write:
    _save_form()


@st.cache_data(show_spinner=False)
def _saved(path: str, version: str, province: str) -> list:
    cur = ui._database(path).reader()
    try:
        return briefing.saved_briefings(cur, province=province)
    finally:
        cur.close()


saved = _saved(path, ctx.db.version(), province)
st.subheader(w("saved_list"), anchor=False)
if saved:
    ui.plain_table(pd.DataFrame({
        t("date", lang): [fmt_date(b.as_of, lang) for b in saved],
        t("phase", lang): [phase_name(b.phase, lang) for b in saved],
        w("saved_at"): [fmt_datetime(b.saved_at, province, lang) for b in saved],
        w("saved_by"): [b.saved_by for b in saved],
        t("note", lang): [b.note or "" for b in saved],
    }))
else:
    st.caption(w("none_saved"))

# -- weekly report ------------------------------------------------------------------------------
st.header(w("weekly"), anchor=False)
default_week = weekly.last_complete_week(ctx.as_of, rules)
c1, c2 = st.columns(2)
week_of = c1.date_input(w("week_of"), value=default_week, format="DD/MM/YYYY", key="weekly_week")
week_start, week_end = rules.week_start(week_of), rules.week_end(week_of)
signed_on = c2.date_input(w("signed_on"), value=week_end + timedelta(days=1), format="DD/MM/YYYY",
                          key=f"weekly_signed_{week_start.isoformat()}")
st.write(w("period", period=period_label(week_start, week_end, lang)))
report = _weekly(path, version, province, week_start, signed_on)
ui.plain_table(pd.DataFrame(report.summary, columns=[t("description", lang), t("value", lang)]).astype(str))
wargs = (path, version, province, week_start, signed_on)
with st.container(horizontal=True):
    st.download_button(w("xlsx"), data=lambda: _weekly_file("xlsx", *wargs),
                       file_name=_file_stem("laporan_situasi_mingguan", week_start) + ".xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       on_click="ignore", icon=":material/table:", key="dl_weekly_xlsx")
    st.download_button(w("pdf"), data=lambda: _weekly_file("pdf", *wargs),
                       file_name=_file_stem("laporan_situasi_mingguan", week_start) + ".pdf",
                       mime="application/pdf", on_click="ignore", icon=":material/picture_as_pdf:",
                       key="dl_weekly_pdf")

# -- compliance ---------------------------------------------------------------------------------
st.header(w("compliance"), anchor=False)
first_day = compliance.DAY_NAMES[rules.week_starts_on].capitalize()
last_day = compliance.DAY_NAMES[(rules.week_starts_on + 6) % 7].capitalize()
st.caption(w("compliance_rule", first=first_day, last=last_day, due=rules.due_days))
comp_slide = _briefing(*args).slide("kepatuhan")
st.write(comp_slide.text)
comp = _briefing(*args).compliance
if comp is not None and not comp.empty:
    rows = [compliance_row(r, lang) for r in comp.to_dict("records")]
    ui.plain_table(pd.DataFrame(rows, columns=[t("name", lang), bt("status", lang), bt("last_report", lang),
                                               bt("late_since", lang)]))

    names = {c: n for c, n in zip(comp["region_code"], comp["region_name"])
             if allowed_regions is None or c in allowed_regions}
    if can_write and names:
        with st.form("nihil", border=True):
            st.markdown(f"**{w('nihil')}**")
            region = st.selectbox(w("nihil_region"), list(names), format_func=lambda c: names[c])
            nihil_week = st.date_input(w("nihil_week"), value=ctx.as_of, format="DD/MM/YYYY")
            nihil_who = _signed_in_name() or st.text_input(w("who"), max_chars=80, key="nihil_who")
            if st.form_submit_button(w("nihil"), icon=":material/task_alt:"):
                label = period_label(rules.week_start(nihil_week), rules.week_end(nihil_week), lang)
                try:
                    added = compliance.record_nihil(ctx.db, region_code=region, week_of=nihil_week,
                                                    recorded_by=nihil_who or "", rules=rules)
                except compliance.ComplianceError as exc:
                    st.error(str(exc))
                else:
                    st.success(w("nihil_done" if added else "nihil_exists", region=names[region], week=label))
