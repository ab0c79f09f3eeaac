"""What the dashboard's pages share (Streamlit code; the domain stays in waspada/).

One module per concern, each with public names only:

* ``ui.context``: the Context of a run (database, date, language, selection) and the URL;
* ``ui.data``: the cached gateway to waspada.queries (``data.q(queries.risk_scores, ...)``)
  and the compositions several pages share;
* ``ui.sidebar``: ``start()``, the sidebar and the Context of this run;
* ``ui.widgets``: tables, notices, maps and downloads;
* ``ui.auth``: the login gate and role checks;
* ``ui.http_login``: the plain-HTTP login form and session cookie (server.py).
"""
