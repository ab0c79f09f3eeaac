"""Unggah Laporan: staff upload incident logs (xlsx/xls/csv), see what would be stored, store.

Thin: waspada.uploads does the work with the same parser as `python -m etl load-incidents`.
Nothing is stored before the button; each file is stored in one transaction, its raw bytes
archived, the upload recorded and audited. Everything a file says is shown as plain text
(st.dataframe / st.text), never as HTML; a file's name (the uploader chooses it) and every
message that may carry one pass through `plain` before an element that renders Markdown.
"""

import hashlib

import pandas as pd
import streamlit as st

from ui import auth, context, widgets
from waspada.i18n import Message, fmt_date, fmt_datetime, fmt_number, incident_category_name, phase_name, t
from waspada.template_xlsx import FILE_NAME as TEMPLATE_FILE_NAME
from waspada.template_xlsx import build_template
from waspada.filesafety import DEFAULT_LIMITS, size_text, upload_limit_mb
from waspada.uploads import UPLOAD_TYPES, UploadError, list_uploads, preview_upload, store_upload, withdraw_upload
from waspada import reference
from waspada.ingest.incidents import CATEGORY_FROM_TEXT, column_problems, set_staff_categories

ctx = context.current()
lang = ctx.lang
user = auth.require("upload", lang)
acc = auth.accounts()




def when(value) -> str:
    return fmt_datetime(value, ctx.settings.province, lang) if value is not None and not pd.isna(value) else "–"


st.title(t("upload_title", lang))
if user.role == "staf":
    from waspada.accounts import scope_description

    st.caption(t("upload_scope", lang, scope=scope_description(user, lang)))


@st.cache_data(show_spinner=False)
def _template(province: str | None) -> bytes:
    return build_template(province)


st.download_button(t("upload_template", lang), _template(user.province_code or ctx.settings.province),
                   file_name=TEMPLATE_FILE_NAME, icon=":material/download:", help=t("upload_template_help", lang),
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

# The uploader's key changes after storing, which empties it for the next batch.
st.session_state.setdefault("_unggah_round", 0)
# One limit (waspada.filesafety), given to Streamlit rounded up to whole MB; the app's own check
# says it in the reader's language, and says it here before anyone tries.
files = st.file_uploader(t("upload_uploader", lang), type=list(UPLOAD_TYPES), accept_multiple_files=True,
                         key=f"w_upload_{st.session_state['_unggah_round']}", max_upload_size=upload_limit_mb())
st.caption(t("upload_size_limit", lang, limit=size_text(DEFAULT_LIMITS.max_bytes)))

for message in st.session_state.pop("_unggah_stored", []):
    st.success(widgets.plain(message))


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
        bar = st.progress(0.0, text=t("upload_checking", lang))
        for i, (key, name, data) in enumerate(todo):
            def step(fraction, text, i=i):
                bar.progress(min(1.0, (i + fraction) / len(todo)), text=widgets.plain(text))
            cache[key] = preview_upload(ctx.db, data, name, user, accounts=acc, progress=step, lang=lang)
        bar.progress(1.0, text=t("upload_progress_done", lang, n=len(todo)))
    for stale in set(cache) - set(out):
        cache.pop(stale)
    return [cache[k] for k in out]


def accepted_table(df: pd.DataFrame) -> pd.DataFrame:
    names = reference.regions().set_index("code")["name"]
    return pd.DataFrame({
        t("upload_col_row", lang): df["source_row"].to_numpy(),
        t("date", lang): [fmt_date(d, lang) for d in df["occurred_on"]],
        t("region", lang): [names.get(code, code) for code in df["region_code"]],
        t("upload_col_kecamatan", lang): df["kecamatan"].fillna("–").to_numpy(),
        t("phase", lang): [phase_name(p, lang) for p in df["phase"]],
        t("upload_col_phase_from", lang): df["phase_from"].map({
            "file": t("upload_phase_from_file", lang), "jadwal": t("upload_phase_from_jadwal", lang)}).to_numpy(),
        t("category", lang): [incident_category_name(k, lang) for k in df["category"]],
        t("description", lang): df["description"].to_numpy(),
        t("injured", lang): df["injured"].to_numpy(),
        t("killed", lang): df["killed"].to_numpy(),
    })


def listing(rows: list[dict], fields: list[tuple[str, str]]) -> pd.DataFrame:
    """Rows of a parse report as a table; a reason that is a Message is read in the reader's language."""
    def cell(value):
        return value.render(lang) if isinstance(value, Message) else value
    return pd.DataFrame({t(label, lang): [cell(r.get(f)) for r in rows] for f, label in fields})


def teach_section(p) -> None:
    """Teach once: pick the region meant by each refused name (from the user's own scope,
    closest first); the choice becomes an office alias and the file is checked again with it."""
    from waspada.aliases import AliasError, add_alias, teach_items

    items = teach_items(p.report, user) if p.report.kind == "incidents" else []
    if not items:
        return
    names = reference.regions().set_index("code")["name"]
    with st.container(border=True):
        st.markdown(f"**{t('teach_title', lang)}**")
        st.caption(t("teach_help", lang))
        for i, item in enumerate(items):
            slot = f"{hashlib.sha256((p.file_name + item.name).encode()).hexdigest()[:12]}"
            cols = st.columns([2, 3, 1], vertical_alignment="bottom")
            cols[0].text(t("teach_name_rows", lang, name=item.name, rows=fmt_number(item.rows)))
            pick = cols[1].selectbox(t("teach_choose", lang), [None, *item.choices], key=f"w_teach_pick_{slot}", placeholder=t("teach_none", lang),
                                     format_func=lambda c: t("teach_none", lang) if c is None
                                     else f"{names.get(c, c)} ({c})")
            if cols[2].button(t("teach_button", lang), key=f"w_teach_go_{slot}", disabled=pick is None):
                try:
                    done = add_alias(ctx.db, acc, user, item.name, pick)
                except AliasError as exc:
                    st.error(exc.render(lang))
                else:
                    st.session_state.setdefault("_unggah_taught", []).append(done.render(lang))
                    st.rerun()


for message in st.session_state.pop("_unggah_taught", []):
    st.success(message)

previews = preview_files(files) if files else []
for p in previews:
    st.subheader(widgets.plain(p.file_name))
    if p.previous:
        items = [t("upload_same_file_item", lang, id=u["upload_id"], by=u["uploaded_by"],
                   when=when(u["uploaded_at"]), withdrawn=t("upload_withdrawn_mark", lang) if u["withdrawn"] else "")
                 for u in p.previous]
        st.info(widgets.plain(t("upload_same_file", lang, uploads="; ".join(items))))
    if p.error:
        st.error(widgets.plain(t("upload_refused_file", lang, file=p.file_name, reason=p.error)))
        continue
    # Column problems first: a casualty or date column that cannot be read is one thing to fix.
    problems = column_problems(p.report) if p.report is not None else []
    if problems:
        st.error(t("upload_column_problems", lang))
        for problem in problems:
            st.text(problem["message"].render(lang))
    n = p.counts
    st.text(t("upload_summary", lang, rows=fmt_number(n["data_rows"]), acc=fmt_number(n["accepted"]),
              ref=fmt_number(n["refused"]), dup=fmt_number(n["duplicates"]), warn=fmt_number(n["warnings"]),
              ign=fmt_number(n["ignored"])))
    tabs = st.tabs([f"{t('upload_accepted', lang)} ({n['accepted']})",
                    f"{t('upload_refused', lang)} ({n['refused']})",
                    f"{t('upload_warnings', lang)} ({n['warnings']})",
                    f"{t('upload_duplicates', lang)} ({n['duplicates']})"])
    with tabs[0]:
        if n["accepted"]:
            widgets.plain_table(accepted_table(p.report.accepted))
    teach_section(p)
    with tabs[1]:
        if p.report.refused:
            widgets.plain_table(listing(p.report.refused, [("row", "upload_col_row"), ("column", "upload_col_column"),
                                                      ("reason", "reason")]))
    with tabs[2]:
        if p.report.warnings:
            widgets.plain_table(listing(p.report.warnings, [("row", "upload_col_row"), ("column", "upload_col_column"),
                                                       ("message", "upload_col_message")]))
    with tabs[3]:
        if p.report.duplicates:
            widgets.plain_table(listing(p.report.duplicates, [("row", "upload_col_row"), ("reason", "reason")]))


def category_suggestions(p, index: int) -> None:
    """Rows whose category came from the description or stayed 'lainnya': staff accept or change
    the category before storing (stored as category_from = 'staf')."""
    df = p.report.accepted if p.report is not None and p.report.kind == "incidents" else None
    if df is None or df.empty or "category_from" not in df:
        return
    todo = df[(df["category_from"] != "kolom") | (df["category"] == "lainnya")]
    if todo.empty:
        return
    codes = list(reference.incident_categories()["category"])
    st.markdown(f"**{t('upload_suggestions', lang)}**")
    st.caption(t("upload_suggestions_help", lang))
    shown = pd.DataFrame({
        t("upload_col_row", lang): todo["source_row"].to_numpy(),
        t("upload_col_type_written", lang): todo["category_raw"].fillna("–").to_numpy(),
        t("description", lang): todo["description"].to_numpy(),
        t("upload_col_decided_by", lang): todo["category_words"].fillna("–").to_numpy(),
        t("upload_col_category_from", lang): [t(CATEGORY_FROM_TEXT[c], lang) for c in todo["category_from"]],
        t("upload_col_suggested", lang): todo["category"].to_numpy(),
    })
    edited = st.data_editor(
        shown, hide_index=True, key=f"w_suggest_{index}_{p.file_name}",
        disabled=[c for c in shown.columns if c != t("upload_col_suggested", lang)],
        column_config={t("upload_col_suggested", lang): st.column_config.SelectboxColumn(
            options=codes, required=True)})
    chosen = dict(zip(edited[t("upload_col_row", lang)].astype(int), edited[t("upload_col_suggested", lang)]))
    set_staff_categories(p.report, {r: c for r, c in chosen.items()
                                    if c != todo.loc[todo["source_row"] == r, "category"].item()})


for i, p in enumerate(previews):
    if p.error is None:
        category_suggestions(p, i)

storable = [p for p in previews if p.storable]
if storable:
    total = sum(p.counts["accepted"] for p in storable)
    label = (t("upload_store", lang, n=fmt_number(total), files=len(storable)) if total
             else t("upload_store_none", lang, files=len(storable)))
    if st.button(label, type="primary", icon=":material/save:", key="w_store"):
        messages = []
        for p in storable:
            try:
                messages.append(store_upload(ctx.db, acc, p, user).message.render(lang))
            except UploadError as exc:
                st.error(widgets.plain(exc.render(lang)))
        messages.append(t("upload_after_store", lang))
        st.session_state["_unggah_stored"] = messages
        st.session_state["_unggah_round"] += 1
        _preview_cache().clear()
        st.rerun()

# -- history (and withdrawal for admins) ------------------------------------------------------
st.divider()
st.subheader(t("upload_history", lang))
uploads = list_uploads(ctx.db, user=user)
if uploads.empty:
    st.caption(t("upload_no_history", lang))
else:
    widgets.plain_table(pd.DataFrame({
        t("upload_col_upload", lang): [f"#{i}" for i in uploads["upload_id"]],
        t("upload_col_file", lang): uploads["file_name"].to_numpy(),
        t("upload_col_when", lang): [when(v) for v in uploads["uploaded_at"]],
        t("upload_col_by", lang): uploads["uploaded_by"].to_numpy(),
        t("upload_col_rows", lang): uploads["data_rows"].to_numpy(),
        t("upload_col_new", lang): uploads["accepted"].to_numpy(),
        t("upload_col_dups", lang): uploads["duplicates"].to_numpy(),
        t("upload_col_refused", lang): uploads["refused"].to_numpy(),
        t("upload_col_regions", lang): uploads["regions"].fillna("–").to_numpy(),
        t("upload_col_status", lang): [t("upload_status_withdrawn", lang, when=when(w), by=b) if pd.notna(w)
                                       else t("upload_status_active", lang)
                                       for w, b in zip(uploads["withdrawn_at"], uploads["withdrawn_by"])],
    }))

if user.can("withdraw"):
    for message in st.session_state.pop("_unggah_withdrawn", []):
        st.success(message)
    active = uploads[uploads["withdrawn_at"].isna()] if not uploads.empty else uploads
    if not active.empty:
        with st.expander(t("upload_withdraw", lang), icon=":material/undo:"):
            st.caption(t("upload_withdraw_help", lang))
            labels = {int(r.upload_id): t("upload_withdraw_item", lang, id=r.upload_id, file=r.file_name,
                                          by=r.uploaded_by, when=when(r.uploaded_at), n=r.incidents)
                      for r in active.itertuples()}
            with st.form("withdraw"):
                pick = st.selectbox(t("upload_col_upload", lang), list(labels), format_func=labels.get,
                                    key="w_withdraw_pick")
                reason = st.text_input(t("upload_withdraw_reason", lang), key="w_withdraw_reason")
                sure = st.checkbox(t("upload_withdraw_confirm", lang), key="w_withdraw_sure")
                go = st.form_submit_button(t("upload_withdraw_button", lang), type="primary", key="w_withdraw_go")
            if go and sure:
                try:
                    n_hidden = withdraw_upload(ctx.db, acc, pick, user, reason)
                except UploadError as exc:
                    st.error(exc.render(lang))
                else:
                    st.session_state["_unggah_withdrawn"] = [t("upload_withdrawn", lang, id=pick, n=n_hidden)]
                    st.rerun()
