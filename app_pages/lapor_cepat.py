"""Lapor Cepat: one incident through a short form (one column, usable on a phone).

Thin: waspada.quick_report writes the form as a staff file's row and checks and stores it
through waspada.uploads, like the upload page. The region lists hold only the reporter's
own scope. Everything the reader typed is shown through tables (plain text), never as HTML.
"""


import pandas as pd
import streamlit as st

from ui import auth, context, widgets
from waspada import reference
from waspada.accounts import scope_description
from waspada.i18n import Message, fmt_date, fmt_datetime, fmt_number, incident_category_name, phase_name, t
from waspada.ingest.incidents import CATEGORY_FROM_TEXT
from waspada.quick_report import (
    MAX_DESCRIPTION_CHARS, QuickReport, QuickReportError, kabkota_choices, kecamatan_choices, local_today,
    preview_quick_report, province_choices, store_quick_report,
)
from waspada.uploads import UploadError

ctx = context.current()
lang = ctx.lang
user = auth.require("upload", lang)
acc = auth.accounts()

PREVIEW_KEY = "_lapor_preview"
STORED_KEY = "_lapor_stored"
ROUND_KEY = "_lapor_round"  # part of every field's key: a new round empties the form

st.title(t("quick_report_title", lang))
st.caption(t("quick_report_intro", lang))
if user.role == "staf":
    st.caption(t("upload_scope", lang, scope=scope_description(user, lang)))

stored = st.session_state.pop(STORED_KEY, None)
if stored:
    st.success(stored, icon=":material/check_circle:")
    st.page_link("app_pages/insiden.py", label=t("quick_report_see_incidents", lang), icon=":material/report:")

kab = kabkota_choices(user)
if kab.empty:
    st.warning(t("quick_report_no_regions", lang))
    st.stop()

st.session_state.setdefault(ROUND_KEY, 0)
r = st.session_state[ROUND_KEY]
provinces = province_choices(user)
prov_names = dict(zip(provinces["code"], provinces["name"]))
# Start where the reader is looking (the sidebar's province and kabupaten/kota), when in scope.
province = st.selectbox(t("quick_report_province", lang), list(prov_names), format_func=prov_names.get,
                        key=f"w_qr_prov_{r}", disabled=len(prov_names) == 1,
                        index=list(prov_names).index(ctx.province) if ctx.province in prov_names else 0)
kab_here = kab[kab["province_code"] == province]
kab_names = dict(zip(kab_here["code"], kab_here["name"]))
looking_at = None if ctx.sel.is_national else ctx.sel.region
region = st.selectbox(t("quick_report_region", lang), list(kab_names), format_func=kab_names.get,
                      key=f"w_qr_region_{r}",
                      index=list(kab_names).index(looking_at) if looking_at in kab_names else 0)
kec = kecamatan_choices(region)
kec_names = dict(zip(kec["code"], kec["name"]))
kecamatan = st.selectbox(t("quick_report_kecamatan", lang), [None, *kec_names], key=f"w_qr_kec_{r}", placeholder=t("quick_report_kecamatan_unknown", lang),
                         format_func=lambda c: t("quick_report_kecamatan_unknown", lang) if c is None else kec_names[c])
today = local_today(region)
occurred_on = st.date_input(t("quick_report_date", lang), value=today, max_value=today, format="DD/MM/YYYY",
                            key=f"w_qr_date_{r}")
categories = reference.incident_categories()["category"].tolist()
category = st.selectbox(t("quick_report_type", lang), [None, *categories], key=f"w_qr_type_{r}", placeholder=t("quick_report_type_suggest", lang),
                        format_func=lambda c: t("quick_report_type_suggest", lang) if c is None
                        else incident_category_name(c, lang))
description = st.text_area(t("quick_report_description", lang), max_chars=MAX_DESCRIPTION_CHARS,
                           help=t("quick_report_description_help", lang), key=f"w_qr_desc_{r}")
killed_col, injured_col = st.columns(2)
killed = killed_col.number_input(t("quick_report_killed", lang), min_value=0, max_value=100_000, step=1,
                                 key=f"w_qr_md_{r}")
injured = injured_col.number_input(t("quick_report_injured", lang), min_value=0, max_value=100_000, step=1,
                                   key=f"w_qr_ll_{r}")
sources = reference.report_sources()
source_names = dict(zip(sources["source_kind"], sources["name_en" if lang == "en" else "name_id"]))
source = st.selectbox(t("quick_report_source", lang), [None, *source_names], key=f"w_qr_source_{r}", placeholder=t("quick_report_source_none", lang),
                      format_func=lambda s: t("quick_report_source_none", lang) if s is None else source_names[s])

report = QuickReport(occurred_on=occurred_on, region_code=region, kecamatan_code=kecamatan, category=category,
                     description=description, killed=int(killed or 0), injured=int(injured or 0),
                     source_kind=source)

if st.button(t("quick_report_check", lang), icon=":material/fact_check:", key="w_qr_check", width="stretch"):
    try:
        st.session_state[PREVIEW_KEY] = (ctx.version, preview_quick_report(ctx.db, report, user, accounts=acc,
                                                                           lang=lang))
    except UploadError as exc:
        st.error(exc.render(lang))

held = st.session_state.get(PREVIEW_KEY)
preview = held[1] if held and held[0] == ctx.version and held[1].report == report else None
if held and preview is None:
    st.info(t("quick_report_changed", lang))


# The file's columns as the form names them: a refusal points at the field to correct.
FIELD_KEYS = {"tanggal": "quick_report_date", "provinsi": "quick_report_province", "kabupaten_kota": "quick_report_region",
              "kecamatan": "quick_report_kecamatan", "jenis_kejadian": "quick_report_type",
              "uraian": "quick_report_description", "korban_luka": "quick_report_injured",
              "korban_meninggal": "quick_report_killed", "sumber": "quick_report_source"}


def field(column: str) -> str:
    return t(FIELD_KEYS[column], lang) if column in FIELD_KEYS else column





def cell(value) -> str:
    return value.render(lang) if isinstance(value, Message) else str(value)


def summary(row: pd.Series) -> pd.DataFrame:
    """The row as it will be stored, one field a line (fits a phone's width)."""
    names = reference.regions().set_index("code")["name"]
    category = incident_category_name(row["category"], lang)
    if row["category_from"] != "kolom":
        category = t("quick_report_category_from", lang, category=category,
                     origin=t(CATEGORY_FROM_TEXT[row["category_from"]], lang))
    phase = phase_name(row["phase"], lang)
    if row["phase_from"] == "jadwal":
        phase = t("quick_report_phase", lang, phase=phase)
    pairs = [
        (t("date", lang), fmt_date(row["occurred_on"], lang)),
        (t("region", lang), names.get(row["region_code"], row["region_code"])),
        (t("quick_report_kecamatan", lang), row["kecamatan"] if isinstance(row["kecamatan"], str) else "–"),
        (t("phase", lang), phase),
        (t("category", lang), category),
        (t("description", lang), widgets.plain(row["description"])),  # as typed
        (t("quick_report_killed", lang), fmt_number(row["killed"])),
        (t("quick_report_injured", lang), fmt_number(row["injured"])),
        (t("source", lang), row["source"] if isinstance(row["source"], str) else "–"),
    ]
    return pd.DataFrame(pairs, columns=["", " "])


def use_suggestion(code: str) -> None:
    st.session_state[f"w_qr_type_{r}"] = code


if preview is not None:
    parsed = preview.upload.report
    if preview.upload.error is not None:
        st.error(t("quick_report_refused", lang), icon=":material/block:")
        widgets.reading_table(pd.DataFrame({t("reason", lang): [cell(preview.upload.error)]}))
    elif preview.stored_duplicate is not None:
        d = preview.stored_duplicate
        st.error(t("quick_report_refused", lang), icon=":material/block:")
        widgets.reading_table(pd.DataFrame({t("reason", lang): [t(
            "quick_report_duplicate_of", lang, upload_id=d["upload_id"], file_name=d["file_name"],
            row=d["source_row"], by=d["uploaded_by"], when=fmt_datetime(d["uploaded_at"], region[:2], lang))]}))
    elif parsed.duplicates:
        st.error(t("quick_report_refused", lang), icon=":material/block:")
        widgets.reading_table(pd.DataFrame({t("reason", lang): [t("quick_report_duplicate", lang)]}))
    elif parsed.refused:
        st.error(t("quick_report_refused", lang), icon=":material/block:")
        widgets.reading_table(pd.DataFrame({t("upload_col_column", lang): [field(r_["column"]) for r_ in parsed.refused],
                                            t("reason", lang): [cell(r_["reason"]) for r_ in parsed.refused]}))
    if parsed is not None and parsed.warnings:
        st.warning(t("quick_report_warnings", lang), icon=":material/info:")
        widgets.reading_table(pd.DataFrame({t("upload_col_column", lang): [field(w["column"]) for w in parsed.warnings],
                                            t("upload_col_message", lang): [cell(w["message"])
                                                                            for w in parsed.warnings]}))
    if preview.storable:
        row = parsed.accepted.iloc[0]
        st.markdown(f"**{t('quick_report_will_store', lang)}**")
        widgets.reading_table(summary(row))
        if row["category_from"] == "uraian":
            st.button(t("quick_report_use_suggestion", lang, category=incident_category_name(row["category"], lang)),
                      key="w_qr_use_suggestion", on_click=use_suggestion, args=(row["category"],),
                      icon=":material/done:")
        if st.button(t("quick_report_store", lang), type="primary", icon=":material/save:", key="w_qr_store",
                     width="stretch"):
            try:
                outcome = store_quick_report(ctx.db, acc, preview, user)
            except (QuickReportError, UploadError) as exc:
                st.error(exc.render(lang))
            else:
                st.session_state[STORED_KEY] = t("quick_report_stored", lang, upload_id=outcome.result.upload_id)
                st.session_state.pop(PREVIEW_KEY, None)
                st.session_state[ROUND_KEY] = r + 1
                st.rerun()
