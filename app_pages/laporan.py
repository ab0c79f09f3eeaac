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

from ui import auth, context, data, widgets
from waspada import briefing, compliance
from waspada.briefing import compliance_row, period_label
from waspada.i18n import fmt_date, fmt_datetime, phase_name, t
from waspada.reports import images, pdf, pptx, weekly

ctx = context.current()
lang = ctx.lang
province = ctx.sel.province
phase = data.effective_phase(ctx)
path, version = str(ctx.db.path), ctx.version
area = context.area_name(ctx) if not ctx.sel.is_national else province
rules = compliance.load_rules()
if rules.problem:
    st.warning(rules.problem)

user = auth.require("view", lang)
# Saving a briefing and recording nihil are writes: staf and admin ('upload'), as for uploads.
can_write = user.can("upload")
allowed_regions = user.upload_regions()  # None = every region


st.title(f"{t('page_reports', lang)} — {area}")
if ctx.sel.is_national:
    st.info(t("reports_no_province", lang))
    st.stop()
widgets.sample_notice(ctx)


def _briefing(path: str, version: str, province: str, as_of: date, phase, lang: str, election_related=True,
              athg=None, source_kind=None) -> briefing.Briefing:
    # Cached per data version: the Briefing screen shows the same slides.
    return data.q_at(path, version, briefing.build_briefing, province=province, as_of=as_of, phase=phase, lang=lang,
                     election_related=election_related, athg=athg, source_kind=source_kind)


@st.cache_data(show_spinner=False, max_entries=8)
def _pictures(path: str, version: str, province: str, as_of: date, phase, lang: str, *scope) -> dict[str, bytes]:
    return images.briefing_images(_briefing(path, version, province, as_of, phase, lang, *scope))


@st.cache_data(show_spinner=False, max_entries=16)
def _briefing_file(kind: str, path: str, version: str, province: str, as_of: date, phase, lang: str,
                   *scope) -> bytes:
    b = _briefing(path, version, province, as_of, phase, lang, *scope)
    pictures = _pictures(path, version, province, as_of, phase, lang, *scope)
    return pptx.briefing_pptx(b, pictures) if kind == "pptx" else pdf.briefing_pdf(b, pictures)


def _weekly(path: str, version: str, province: str, week_of: date, signed_on: date) -> weekly.WeeklyReport:
    return data.q_at(path, version, weekly.build_weekly, province=province, week_of=week_of, signed_on=signed_on,
                     rules=rules)


@st.cache_data(show_spinner=False, max_entries=16)
def _weekly_file(kind: str, path: str, version: str, province: str, week_of: date, signed_on: date) -> bytes:
    report = _weekly(path, version, province, week_of, signed_on)
    return weekly.weekly_xlsx(report) if kind == "xlsx" else weekly.weekly_pdf(report)


def _file_stem(kind: str, day: date) -> str:
    safe_area = re.sub(r"[^A-Za-z0-9]+", "_", area).strip("_")
    return f"{kind}_{safe_area}_{day.isoformat()}"


# -- briefing -----------------------------------------------------------------------------------
st.header(t("reports_briefing", lang), anchor=False)
st.write(t("reports_briefing_for", lang, area=area, date=fmt_date(ctx.as_of, lang), phase=phase_name(phase, lang)))
# The incidents the briefing counts (the Briefing screen follows the same choice).
scope = widgets.incident_scope(ctx)
args = (path, version, province, ctx.as_of, phase, lang, scope["election_related"], scope["athg"],
        scope["source_kind"])
with st.container(horizontal=True):
    st.page_link("app_pages/briefing.py", label=t("reports_open_briefing", lang), icon=":material/slideshow:")
    # Made on request (seconds: the pictures), then cached per data version; a file that
    # cannot be made says so here rather than through a button that does nothing.
    widgets.file_download(ctx, t("reports_pptx", lang), lambda: _briefing_file("pptx", *args),
                          file_name=_file_stem(f"briefing_{lang}", ctx.as_of) + ".pptx",
                          mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                          icon=":material/slideshow:", key="dl_pptx", on_request=True)
    widgets.file_download(ctx, t("reports_pdf", lang), lambda: _briefing_file("pdf", *args),
                          file_name=_file_stem(f"briefing_{lang}", ctx.as_of) + ".pdf", mime="application/pdf",
                          icon=":material/picture_as_pdf:", key="dl_briefing_pdf", on_request=True)

def _save_form() -> None:
    with st.form("save_briefing", border=True):
        st.markdown(f"**{t('reports_save', lang)}**")
        st.caption(t("reports_save_help", lang))
        note = st.text_input(t("reports_note", lang), max_chars=300)
        if st.form_submit_button(t("reports_save", lang), icon=":material/bookmark_add:"):
            if phase is None:
                st.error(t("no_schedule", lang))
            else:
                try:
                    briefing.save_briefing(ctx.db, auth.accounts(), user, province=province, as_of=ctx.as_of,
                                           phase=phase, note=note)
                except briefing.BriefingSaveRefused as exc:
                    st.error(exc.render(lang))
                else:
                    st.success(t("reports_saved", lang))


if can_write:
    _save_form()


# The version read afresh: a briefing saved just above is in the list at once.
saved = data.q_at(path, ctx.db.version(), briefing.saved_briefings, province=province)
st.subheader(t("reports_saved_list", lang), anchor=False)
if saved:
    widgets.plain_table(pd.DataFrame({
        t("date", lang): [fmt_date(b.as_of, lang) for b in saved],
        t("phase", lang): [phase_name(b.phase, lang) for b in saved],
        t("reports_saved_at", lang): [fmt_datetime(b.saved_at, province, lang) for b in saved],
        t("reports_saved_by", lang): [b.saved_by for b in saved],
        t("note", lang): [b.note or "" for b in saved],
    }))
else:
    st.caption(t("reports_none_saved", lang))

# -- weekly report ------------------------------------------------------------------------------
st.header(t("reports_weekly", lang), anchor=False)
default_week = weekly.last_complete_week(ctx.as_of, rules)
c1, c2 = st.columns(2)
week_of = c1.date_input(t("reports_week_of", lang), value=default_week, format="DD/MM/YYYY", key="weekly_week")
week_start, week_end = rules.week_start(week_of), rules.week_end(week_of)
signed_on = c2.date_input(t("reports_signed_on", lang), value=week_end + timedelta(days=1), format="DD/MM/YYYY",
                          key=f"weekly_signed_{week_start.isoformat()}")
st.write(t("reports_period", lang, period=period_label(week_start, week_end, lang)))
report = _weekly(path, version, province, week_start, signed_on)
widgets.plain_table(pd.DataFrame(report.summary, columns=[t("description", lang), t("value", lang)]).astype(str))
wargs = (path, version, province, week_start, signed_on)
with st.container(horizontal=True):
    widgets.file_download(ctx, t("reports_xlsx", lang), lambda: _weekly_file("xlsx", *wargs),
                          file_name=_file_stem("laporan_situasi_mingguan", week_start) + ".xlsx",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          icon=":material/table:", key="dl_weekly_xlsx")
    widgets.file_download(ctx, t("reports_pdf", lang), lambda: _weekly_file("pdf", *wargs),
                          file_name=_file_stem("laporan_situasi_mingguan", week_start) + ".pdf",
                          mime="application/pdf", icon=":material/picture_as_pdf:", key="dl_weekly_pdf")

# -- compliance ---------------------------------------------------------------------------------
st.header(t("reports_compliance", lang), anchor=False)
first_day = compliance.DAY_NAMES[rules.week_starts_on].capitalize()
last_day = compliance.DAY_NAMES[(rules.week_starts_on + 6) % 7].capitalize()
st.caption(t("reports_compliance_rule", lang, first=first_day, last=last_day, due=rules.due_days))
comp_slide = _briefing(*args).slide("kepatuhan")
st.write(comp_slide.text)
comp = _briefing(*args).compliance
if comp is not None and not comp.empty:
    rows = [compliance_row(r, lang) for r in comp.to_dict("records")]
    widgets.plain_table(pd.DataFrame(rows, columns=[t("name", lang), t("briefing_status", lang),
                                               t("briefing_last_report", lang), t("briefing_late_since", lang)]))

    names = {c: n for c, n in zip(comp["region_code"], comp["region_name"])
             if allowed_regions is None or c in allowed_regions}
    if can_write and names:
        with st.form("nihil", border=True):
            st.markdown(f"**{t('reports_nihil', lang)}**")
            region = st.selectbox(t("region", lang), list(names), format_func=lambda c: names[c])
            nihil_week = st.date_input(t("reports_nihil_week", lang), value=ctx.as_of, format="DD/MM/YYYY")
            if st.form_submit_button(t("reports_nihil", lang), icon=":material/task_alt:"):
                label = period_label(rules.week_start(nihil_week), rules.week_end(nihil_week), lang)
                try:
                    added = compliance.record_nihil(ctx.db, auth.accounts(), user, region_code=region,
                                                    week_of=nihil_week, rules=rules)
                except compliance.NihilRefused as exc:
                    st.error(exc.render(lang))
                else:
                    st.success(t("reports_nihil_done" if added else "reports_nihil_exists", lang, region=names[region],
                                 week=label))
