"""The Context of one run of a page, the selection it carries and the URL that reopens it.

app.py calls ``ui.sidebar.start()``, which builds the Context; a page reads it with
``current()`` and changes the selection with ``update(...)``, which also rewrites the URL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import streamlit as st

from waspada import reference
from waspada.db import Database
from waspada.i18n import t
from waspada.selection import PARAM_NAMES, Selection
from waspada.settings import OfficeSettings, load_settings

CONTEXT_KEY = "_waspada_context"
SELECTION_KEY = "_waspada_selection"


@dataclass
class Context:
    db: Database
    version: str  # the database's data version: every cached result is keyed on it
    settings: OfficeSettings
    sel: Selection
    as_of: date  # the effective date (chosen or default)
    as_of_reason: str  # 'chosen' | 'today' | 'latest_incident' | 'schedule_end'
    lang: str
    notices: set = field(default_factory=set)  # notices already shown in this run

    @property
    def province(self) -> str | None:
        return self.sel.area_province

    @property
    def zone_province(self) -> str:
        """Whose clock times are shown in: the selected province, else the office's."""
        return self.sel.province or self.settings.province

    def notice_once(self, key: str) -> None:
        """An information box with the catalogue text `key`, at most once per run (several
        parts of a page may find the same gap, e.g. no schedule)."""
        if key not in self.notices:
            self.notices.add(key)
            st.info(t(key, self.lang))


def current() -> Context:
    """The Context app.py prepared for this run."""
    return st.session_state[CONTEXT_KEY]


def session_language() -> str | None:
    """The language of this session's selection, before this run's Context exists (the
    login gate speaks it); None on a session's first run."""
    sel = st.session_state.get(SELECTION_KEY)
    return sel.lang if sel is not None else None


def session_selection(default_province: str) -> Selection:
    """This session's selection; on its first run, read from the URL."""
    sel = st.session_state.get(SELECTION_KEY)
    if sel is None:
        sel = Selection.from_query(st.query_params.to_dict(), default_province)
        st.session_state[SELECTION_KEY] = sel
    return sel


def update(**changes) -> Selection:
    """Change the selection and write it to the URL, so the link reopens this view."""
    ctx = st.session_state.get(CONTEXT_KEY)
    sel = st.session_state[SELECTION_KEY].replace(**changes)
    st.session_state[SELECTION_KEY] = sel
    if ctx is not None:
        ctx.sel = sel
    write_url(sel)
    return sel


def write_url(sel: Selection) -> None:
    """Put the selection into the URL's query parameters (only those that differ from the defaults)."""
    settings = load_settings()
    current_params = st.query_params.to_dict()
    # Parameters the selection does not own (the briefing's slide number) are kept.
    owned = set(PARAM_NAMES.values())
    wanted = sel.to_query(settings.province) | {k: v for k, v in current_params.items() if k not in owned}
    if current_params != wanted:
        st.query_params.from_dict(wanted)


def seed(key: str, value) -> None:
    """Give a widget its value from the selection unless it already holds one.

    A widget's own state is dropped when a page without it runs; the selection (kept in
    session state and the URL) is what carries the value across pages. Widgets that steer
    the selection also take the selection as their default (index=, value=): when a page
    switch interrupts a run, the browser can remount a widget from its default and report
    that back with the next interaction (seen: a staff member's province turning into Aceh,
    the first in the list, after an upload). The default being the selection makes that
    harmless; .streamlit/config.toml silences Streamlit's log line about the two.
    """
    if key not in st.session_state:
        st.session_state[key] = value


def option_index(options: list, value) -> int:
    """The position of value among a selectbox's options (the first when absent)."""
    return options.index(value) if value in options else 0


def area_name(ctx: Context) -> str:
    """'Nasional', or the selected province's name."""
    if ctx.sel.is_national:
        return t("national", ctx.lang)
    row = reference.regions().set_index("code")
    return str(row.loc[ctx.sel.province, "name"]) if ctx.sel.province in row.index else ctx.sel.province
