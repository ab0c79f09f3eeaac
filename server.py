"""Waspada's web server: `streamlit run server.py` (what `make run` does).

The dashboard is app.py; this file serves it through Streamlit's ASGI server (st.App) with
the plain-HTTP login of app_pages/_http_login.py: a login form that appears at once and a
session cookie (HttpOnly) that keeps an official logged in across reloads, bookmarks and
new tabs until the session ends. `streamlit run app.py` still works (the Streamlit login
page alone, one login per tab).
"""

import streamlit as st
from starlette.middleware import Middleware

from app_pages._http_login import RequireLogin, routes

app = st.App("app.py", routes=routes(), middleware=[Middleware(RequireLogin)])
