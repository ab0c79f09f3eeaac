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


def follow_system_of_record() -> None:
    """A replica of a national deployment (WASPADA_DATABASE_URL or [database] url): pull
    PostgreSQL's changes into this replica's DuckDB file every WASPADA_REFRESH_SECONDS
    (default 2) seconds, the first time before the warm-up (docs/deployment.md, part 2)."""
    import os

    from waspada.db import Database
    from waspada.settings import database_url, db_path

    url = database_url()
    if url:
        from waspada.pg.replica import follow, refresh

        db = Database(db_path())
        try:
            refresh(db, url)
        except Exception as exc:  # the database is not up yet: the thread tries again
            print(f"waspada replica refresh: {exc}", flush=True)
        follow(db, url, float(os.environ.get("WASPADA_REFRESH_SECONDS") or 2.0))
    warm()


@asynccontextmanager
async def lifespan(app):
    threading.Thread(target=follow_system_of_record, name="waspada-warm", daemon=True).start()
    yield


app = st.App("app.py", routes=routes(), middleware=[Middleware(RequireLogin)], lifespan=lifespan)
