"""Waspada dashboard: `streamlit run app.py` (or `make run`).

This entry file is the frame around every page: page setup, the sidebar (language,
national/provincial view, province, region, phase, date, data freshness) and the
navigation (ui/). Each page in app_pages/ reads the selection, calls waspada functions and draws.
(Not pages/: a folder of that name switches Streamlit to its older pages-folder mode,
in which st.navigation is ignored and every file there, helpers included, becomes a page.)
The database is the file named by WASPADA_DB, else data/waspada.duckdb.
"""

import streamlit as st

from ui import auth, context, layout, sidebar
from waspada.i18n import t

st.set_page_config(page_title="Waspada", page_icon="🛡️", layout="wide",
                   initial_sidebar_state="auto")  # phones: collapsed, the page first
layout.apply()  # how pages read on a phone (ui/layout.py)

lang = context.session_language()
user = auth.gate(lang or "id")  # nobody logged in: the login page only, then stop
ctx = sidebar.start()
lang = ctx.lang if ctx else (lang or "id")
layout.apply_language(lang)  # Streamlit's own English in the file uploaders

overview = st.Page("app_pages/ringkasan.py", title=t("page_overview", lang), icon=":material/dashboard:",
                   url_path="ringkasan")
navigation = st.navigation(
    [
        auth.home(overview, lang),  # "/" (hidden) -> /ringkasan
        overview,
        st.Page("app_pages/tahapan.py", title=t("page_stages", lang), icon=":material/timeline:",
                url_path="tahapan"),
        st.Page("app_pages/wilayah.py", title=t("page_region", lang), icon=":material/location_city:",
                url_path="wilayah"),
        st.Page("app_pages/insiden.py", title=t("page_incidents", lang), icon=":material/report:",
                url_path="insiden"),
        st.Page("app_pages/peringatan.py", title=t("page_alerts", lang), icon=":material/notifications_active:",
                url_path="peringatan"),
        st.Page("app_pages/metode.py", title=t("page_method", lang), icon=":material/menu_book:",
                url_path="metode"),
        st.Page("app_pages/briefing.py", title=t("page_briefing", lang), icon=":material/slideshow:",
                url_path="briefing"),
        st.Page("app_pages/laporan.py", title=t("page_reports", lang), icon=":material/summarize:",
                url_path="laporan"),
        st.Page("app_pages/rencana_aksi.py", title=t("page_actions", lang), icon=":material/checklist:",
                url_path="rencana_aksi"),
        *auth.pages(user, lang, overview),  # quick report, upload, users, audit, password: by role
    ],
    expanded=True,  # every page listed: the collapsed menu's "View N more" is Streamlit's English
)
auth.sidebar(user, lang)
auth.notices(user, lang)
if ctx is None:
    st.stop()
if navigation.url_path:  # "" is the default page at "/", which only forwards: it would swallow them
    sidebar.show_pending_notices()
navigation.run()
