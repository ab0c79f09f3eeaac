"""Waspada's web server: `streamlit run server.py` (what `make run` does).

The dashboard is app.py; this file serves it through Streamlit's ASGI server (st.App) with
the plain-HTTP login of ui/http_login.py: a login form that appears at once and a
session cookie (HttpOnly) that keeps an official logged in across reloads, bookmarks and
new tabs until the session ends. `streamlit run app.py` still works (the Streamlit login
page alone, one login per tab).
"""

import threading
from contextlib import asynccontextmanager

import streamlit as st
from starlette.middleware import Middleware

from ui.http_login import RequireLogin, routes


def warm() -> None:
    """Do at start what the first official after a restart would otherwise wait for: the
    imports, the national boundary shapes and one pass of the risk engine over the database
    (its file pages and the engine's code paths). Without a database there is nothing to do."""
    from datetime import date

    import plotly.graph_objects  # noqa: F401  the pages' charts

    from waspada import maps, queries
    from waspada.db import Database
    from waspada.settings import db_path

    maps.warm()
    try:
        cur = Database(db_path()).reader()
        as_of, _ = queries.default_as_of(cur, today=date.today())
        for level in ("provinsi", "kabupaten_kota"):
            queries.risk_scores(cur, as_of=as_of, level=level)
        cur.close()
    except Exception:  # no or damaged database: the pages say so
        pass


@asynccontextmanager
async def lifespan(app):
    threading.Thread(target=warm, name="waspada-warm", daemon=True).start()
    yield


app = st.App("app.py", routes=routes(), middleware=[Middleware(RequireLogin)], lifespan=lifespan)
