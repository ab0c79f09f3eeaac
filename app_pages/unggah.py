"""Unggah Laporan: staff upload incident logs (xlsx/xls/csv), see what would be stored, store.

Thin: waspada.uploads does the work with the same parser as `python -m etl load-incidents`.
Nothing is stored before the button; each file is stored in one transaction, its raw bytes
archived, the upload recorded and audited. Everything a file says is shown as plain text
(st.dataframe / st.text), never as HTML.
"""

import hashlib

import pandas as pd
import streamlit as st

from app_pages import _auth as auth
from app_pages import _ui as ui
from waspada.accounts import AccountError
from waspada.i18n import fmt_date, fmt_datetime, fmt_number, incident_category_name, phase_name
from waspada.template_xlsx import FILE_NAME as TEMPLATE_FILE_NAME
from waspada.template_xlsx import build_template
from waspada.uploads import UPLOAD_TYPES, list_uploads, preview_upload, store_upload, withdraw_upload
from waspada import reference

ctx = ui.current()
lang = ctx.lang
user = auth.require("upload", lang)
acc = auth.accounts()

T = {
    "title": {"id": "Unggah Laporan Insiden", "en": "Upload incident reports"},
    "scope": {"id": "Wilayah tugas Anda: {scope}.", "en": "Your regions: {scope}."},
    "template": {"id": "Unduh templat Excel", "en": "Download the Excel template"},
    "template_help": {
        "id": "Kolom, daftar pilihan kabupaten/kota, tahapan dan jenis kejadian, serta lembar Petunjuk.",
        "en": "Columns, drop-down lists of regencies/cities, phases and categories, and an instructions sheet.",
    },
    "uploader": {"id": "Pilih berkas laporan (.xlsx, .xls, .csv; boleh beberapa)",
                 "en": "Choose report files (.xlsx, .xls, .csv; several allowed)"},
    "checking": {"id": "Memeriksa berkas …", "en": "Checking files …"},
    "refused_file": {"id": "{file}: berkas ditolak — {reason} Tidak ada yang disimpan.",
                     "en": "{file}: file refused — {reason} Nothing was stored."},
    "summary": {
        "id": "{rows} baris data: {acc} akan disimpan, {ref} ditolak, {dup} duplikat, {warn} peringatan, "
              "{ign} baris diabaikan (kosong, judul, jumlah, tanda tangan).",
        "en": "{rows} data rows: {acc} to be stored, {ref} refused, {dup} duplicates, {warn} warnings, "
              "{ign} rows ignored (blank, titles, totals, signatures).",
    },
    "same_file": {
        "id": "Berkas yang sama persis sudah pernah diunggah: {uploads}.",
        "en": "Exactly this file was uploaded before: {uploads}.",
    },
    "same_file_item": {"id": "#{id} oleh {by}, {when}{withdrawn}", "en": "#{id} by {by}, {when}{withdrawn}"},
    "withdrawn_mark": {"id": " (ditarik)", "en": " (withdrawn)"},
    "accepted": {"id": "Akan disimpan", "en": "To be stored"},
    "refused": {"id": "Ditolak", "en": "Refused"},
    "warnings": {"id": "Peringatan (baris tetap disimpan)", "en": "Warnings (rows are still stored)"},
    "duplicates": {"id": "Duplikat (tidak disimpan lagi)", "en": "Duplicates (not stored again)"},
    "store": {"id": "Simpan {n} insiden dari {files} berkas", "en": "Store {n} incidents from {files} files"},
    "store_none": {"id": "Simpan catatan unggahan ({files} berkas, tidak ada insiden baru)",
                   "en": "Record the upload ({files} files, no new incidents)"},
    "stored_title": {"id": "Tersimpan", "en": "Stored"},
    "after_store": {"id": "Insiden baru langsung tampil di halaman Insiden dan skor risiko.",
                    "en": "New incidents show at once on the Incidents page and in the risk scores."},
    "history": {"id": "Riwayat unggahan", "en": "Upload history"},
    "no_history": {"id": "Belum ada unggahan.", "en": "No uploads yet."},
    "withdraw": {"id": "Tarik unggahan", "en": "Withdraw an upload"},
    "withdraw_help": {
        "id": "Insiden dari unggahan yang ditarik hilang dari daftar dan skor; catatan unggahan dan berkas "
              "aslinya tetap disimpan. Berkas yang sama dapat diunggah lagi sesudahnya.",
        "en": "Incidents of a withdrawn upload leave lists and scores; the upload record and the original "
              "file are kept. The same file can be uploaded again afterwards.",
    },
    "withdraw_pick": {"id": "Unggahan", "en": "Upload"},
    "withdraw_reason": {"id": "Alasan (dicatat di jejak audit)", "en": "Reason (kept in the audit trail)"},
    "withdraw_confirm": {"id": "Saya yakin menarik unggahan ini", "en": "I am sure I want to withdraw this upload"},
    "withdraw_button": {"id": "Tarik", "en": "Withdraw"},
    "withdrawn": {"id": "Unggahan #{id} ditarik: {n} insiden tidak lagi ditampilkan.",
                  "en": "Upload #{id} withdrawn: {n} incidents are no longer shown."},
    "progress_done": {"id": "Selesai memeriksa {n} berkas.", "en": "Checked {n} files."},
}


def tx(key, **kw):
    return T[key].get(lang, T[key]["id"]).format(**kw)


COLS = {
    "row": {"id": "Baris", "en": "Row"}, "column": {"id": "Kolom", "en": "Column"},
    "reason": {"id": "Alasan", "en": "Reason"}, "message": {"id": "Pesan", "en": "Message"},
    "date": {"id": "Tanggal", "en": "Date"}, "region": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "kecamatan": {"id": "Kecamatan", "en": "District"}, "phase": {"id": "Tahapan", "en": "Phase"},
    "phase_from": {"id": "Tahapan dari", "en": "Phase from"}, "category": {"id": "Kategori", "en": "Category"},
    "description": {"id": "Uraian", "en": "Description"}, "injured": {"id": "Luka", "en": "Injured"},
    "killed": {"id": "Meninggal", "en": "Killed"}, "upload": {"id": "Unggahan", "en": "Upload"},
    "file": {"id": "Berkas", "en": "File"}, "when": {"id": "Waktu", "en": "Time"},
    "by": {"id": "Oleh", "en": "By"}, "rows": {"id": "Baris data", "en": "Data rows"},
    "new": {"id": "Diterima", "en": "Accepted"}, "dups": {"id": "Duplikat", "en": "Duplicates"},
    "refused_n": {"id": "Ditolak", "en": "Refused"}, "incidents": {"id": "Insiden", "en": "Incidents"},
    "regions": {"id": "Wilayah", "en": "Regions"}, "status": {"id": "Status", "en": "Status"},
}


def c(key):
    return COLS[key].get(lang, COLS[key]["id"])


def when(value) -> str:
    return fmt_datetime(value, ctx.settings.province, lang) if value is not None and not pd.isna(value) else "–"


st.title(tx("title"))
if user.role == "staf":
    from waspada.accounts import scope_description

    st.caption(tx("scope", scope=scope_description(user, lang)))


@st.cache_data(show_spinner=False)
def _template(province: str | None) -> bytes:
    return build_template(province)


st.download_button(tx("template"), _template(user.province_code or ctx.settings.province),
                   file_name=TEMPLATE_FILE_NAME, icon=":material/download:", help=tx("template_help"),
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

# The uploader's key changes after storing, which empties it for the next batch.
st.session_state.setdefault("_unggah_round", 0)
files = st.file_uploader(tx("uploader"), type=list(UPLOAD_TYPES), accept_multiple_files=True,
                         key=f"w_upload_{st.session_state['_unggah_round']}")

for message in st.session_state.pop("_unggah_stored", []):
    st.success(message)


def _preview_cache() -> dict:
    return st.session_state.setdefault("_unggah_previews", {})


def preview_files(uploaded) -> list:
    """Previews of the chosen files, parsed once per file content and database version."""
    cache = _preview_cache()
    out, todo = [], []
    for f in uploaded:
        data = f.getvalue()
        key = (f.name, hashlib.sha256(data).hexdigest(), ctx.db.version(), user)
        out.append(key)
        if key not in cache:
            todo.append((key, f.name, data))
    if todo:
        bar = st.progress(0.0, text=tx("checking"))
        for i, (key, name, data) in enumerate(todo):
            def step(fraction, text, i=i):
                bar.progress(min(1.0, (i + fraction) / len(todo)), text=text)
            cache[key] = preview_upload(ctx.db, data, name, user, accounts=acc, progress=step)
        bar.progress(1.0, text=tx("progress_done", n=len(todo)))
    for stale in set(cache) - set(out):
        cache.pop(stale)
    return [cache[k] for k in out]


def accepted_table(df: pd.DataFrame) -> pd.DataFrame:
    names = reference.regions().set_index("code")["name"]
    return pd.DataFrame({
        c("row"): df["source_row"].to_numpy(),
        c("date"): [fmt_date(d, lang) for d in df["occurred_on"]],
        c("region"): [names.get(code, code) for code in df["region_code"]],
        c("kecamatan"): df["kecamatan"].fillna("–").to_numpy(),
        c("phase"): [phase_name(p, lang) for p in df["stage"]],
        c("phase_from"): df["stage_from"].map({"file": "berkas", "jadwal": "jadwal"}).to_numpy(),
        c("category"): [incident_category_name(k, lang) for k in df["category"]],
        c("description"): df["description"].to_numpy(),
        c("injured"): df["injured"].to_numpy(),
        c("killed"): df["killed"].to_numpy(),
    })


def listing(rows: list[dict], fields: list[tuple[str, str]]) -> pd.DataFrame:
    return pd.DataFrame({c(label): [r.get(f) for r in rows] for f, label in fields})


previews = preview_files(files) if files else []
for p in previews:
    st.subheader(p.file_name)
    if p.previous:
        items = [tx("same_file_item", id=u["upload_id"], by=u["uploaded_by"], when=when(u["uploaded_at"]),
                    withdrawn=tx("withdrawn_mark") if u["withdrawn"] else "") for u in p.previous]
        st.info(tx("same_file", uploads="; ".join(items)))
    if p.error:
        st.error(tx("refused_file", file=p.file_name, reason=p.error))
        continue
    n = p.counts
    st.text(tx("summary", rows=fmt_number(n["data_rows"]), acc=fmt_number(n["accepted"]),
               ref=fmt_number(n["refused"]), dup=fmt_number(n["duplicates"]), warn=fmt_number(n["warnings"]),
               ign=fmt_number(n["ignored"])))
    tabs = st.tabs([f"{tx('accepted')} ({n['accepted']})", f"{tx('refused')} ({n['refused']})",
                    f"{tx('warnings')} ({n['warnings']})", f"{tx('duplicates')} ({n['duplicates']})"])
    with tabs[0]:
        if n["accepted"]:
            ui.plain_table(accepted_table(p.report.accepted))
    with tabs[1]:
        if p.report.refused:
            ui.plain_table(listing(p.report.refused, [("row", "row"), ("column", "column"), ("reason", "reason")]))
    with tabs[2]:
        if p.report.warnings:
            ui.plain_table(listing(p.report.warnings, [("row", "row"), ("column", "column"),
                                                       ("message", "message")]))
    with tabs[3]:
        if p.report.duplicates:
            ui.plain_table(listing(p.report.duplicates, [("row", "row"), ("reason", "reason")]))

storable = [p for p in previews if p.storable]
if storable:
    total = sum(p.counts["accepted"] for p in storable)
    label = tx("store", n=fmt_number(total), files=len(storable)) if total else tx("store_none", files=len(storable))
    if st.button(label, type="primary", icon=":material/save:", key="w_store"):
        messages = []
        for p in storable:
            try:
                messages.append(store_upload(ctx.db, acc, p, user).message)
            except AccountError as exc:
                st.error(str(exc))
        messages.append(tx("after_store"))
        st.session_state["_unggah_stored"] = messages
        st.session_state["_unggah_round"] += 1
        _preview_cache().clear()
        st.rerun()

# -- history (and withdrawal for admins) ------------------------------------------------------
st.divider()
st.subheader(tx("history"))
uploads = list_uploads(ctx.db, user=user)
if uploads.empty:
    st.caption(tx("no_history"))
else:
    ui.plain_table(pd.DataFrame({
        c("upload"): [f"#{i}" for i in uploads["upload_id"]],
        c("file"): uploads["file_name"].to_numpy(),
        c("when"): [when(v) for v in uploads["uploaded_at"]],
        c("by"): uploads["uploaded_by"].to_numpy(),
        c("rows"): uploads["data_rows"].to_numpy(),
        c("new"): uploads["accepted"].to_numpy(),
        c("dups"): uploads["duplicates"].to_numpy(),
        c("refused_n"): uploads["refused"].to_numpy(),
        c("regions"): uploads["regions"].fillna("–").to_numpy(),
        c("status"): [("ditarik " + when(w) + " oleh " + str(b)) if pd.notna(w) else "aktif"
                      for w, b in zip(uploads["withdrawn_at"], uploads["withdrawn_by"])],
    }))

if user.can("withdraw"):
    for message in st.session_state.pop("_unggah_withdrawn", []):
        st.success(message)
    active = uploads[uploads["withdrawn_at"].isna()] if not uploads.empty else uploads
    if not active.empty:
        with st.expander(tx("withdraw"), icon=":material/undo:"):
            st.caption(tx("withdraw_help"))
            labels = {int(r.upload_id): f"#{r.upload_id} — {r.file_name} ({r.uploaded_by}, {when(r.uploaded_at)}, "
                                        f"{r.incidents} insiden)" for r in active.itertuples()}
            with st.form("withdraw"):
                pick = st.selectbox(tx("withdraw_pick"), list(labels), format_func=labels.get, key="w_withdraw_pick")
                reason = st.text_input(tx("withdraw_reason"), key="w_withdraw_reason")
                sure = st.checkbox(tx("withdraw_confirm"), key="w_withdraw_sure")
                go = st.form_submit_button(tx("withdraw_button"), type="primary", key="w_withdraw_go")
            if go and sure:
                try:
                    n_hidden = withdraw_upload(ctx.db, acc, pick, user, reason)
                except AccountError as exc:
                    st.error(str(exc))
                else:
                    st.session_state["_unggah_withdrawn"] = [tx("withdrawn", id=pick, n=n_hidden)]
                    st.rerun()
