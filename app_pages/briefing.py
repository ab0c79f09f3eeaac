"""Briefing: the meeting-room screen — six slides, one at a time, large and without the sidebar.

The slides are waspada.briefing.build_briefing's (the same data as the PowerPoint and
the PDF); this page only draws them. Province, date and phase are the dashboard's
selection (chosen in the sidebar of any other page, or by the link). The slide number is
in the URL (``?slide=3``) so a presenter can reopen where they were. Next/previous by
the buttons, the arrow keys and PageDown/PageUp (what presentation clickers send).
"""

from __future__ import annotations

import time

import streamlit as st

from ui import auth, context, data, widgets
from waspada import briefing
from waspada.i18n import t
from waspada.reports import images

SLIDE_PARAM = "slide"
_AUTO_KEY = "briefing_auto"
_MOVED_KEY = "briefing_moved_at"

# Fixed markup only (no user text): on this page the sidebar, its toggle and the app
# header are hidden, the page uses the whole width, and type is large for a projector.
st.html("""<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], header[data-testid="stHeader"] { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] {
  padding: 0.8rem 2.2rem 0.4rem 2.2rem !important; max-width: 100% !important; }
.st-key-slide h1 { font-size: clamp(2.2rem, 2.6vw, 3.4rem); line-height: 1.15; padding: 0 0 0.2rem 0; color: #111; }
.st-key-slide_text p { font-size: clamp(1.3rem, 1.55vw, 2.1rem); line-height: 1.35; color: #111; }
.st-key-slide [data-testid="stMetricValue"] { font-size: clamp(2.6rem, 3.2vw, 4.2rem); font-weight: 700; }
.st-key-slide [data-testid="stMetricLabel"] p { font-size: clamp(1.05rem, 1.2vw, 1.6rem); }
.st-key-slide table { font-size: clamp(1rem, 1.08vw, 1.45rem); }
.st-key-slide [data-testid="stTable"] td, .st-key-slide [data-testid="stTable"] td div { max-width: none !important; }
.st-key-slide [data-testid="stTable"] th { background: #08306b; color: #fff; }
.st-key-slide [data-testid="stCaptionContainer"] { font-size: 0.95rem; }
.st-key-slide [data-testid="stImage"] img { max-height: 50vh; width: auto !important; max-width: 100%;
  object-fit: contain; }
.st-key-briefing_pgdn, .st-key-briefing_pgup { display: none; }
.st-key-briefing_bar { border-top: 1px solid #ccc; padding-top: 0.3rem; }
</style>""")

ctx = context.current()
lang = ctx.lang
auth.require("view", lang)
province = ctx.sel.province
phase = data.effective_phase(ctx)


@st.cache_data(show_spinner=False, max_entries=64)
def _picture(path: str, version: str, province: str, as_of, phase, lang: str, election_related, athg, source_kind,
             visual: str) -> bytes:
    b = _deck(path, version, province, as_of, phase, lang, election_related, athg, source_kind)
    if visual == "timeline":
        return images.timeline_png(b.schedule, as_of=b.as_of, lang=lang, width_in=6.5, height_in=3.6)
    return images.category_bars_png(b.new_by_category, lang=lang, width_in=7, height_in=3.8)


def _deck(path: str, version: str, province: str, as_of, phase, lang: str, election_related, athg,
          source_kind) -> briefing.Briefing:
    # Cached per data version: the Laporan page's exports show the same slides.
    return data.q_at(path, version, briefing.build_briefing, province=province, as_of=as_of, phase=phase, lang=lang,
                     election_related=election_related, athg=athg, source_kind=source_kind)


# The incidents counted: the scope chosen on Laporan or any page with the filter (Pilkada default).
scope = widgets.current_scope()
key = (str(ctx.db.path), ctx.version, province, ctx.as_of, phase, lang, scope["election_related"], scope["athg"],
       scope["source_kind"])
deck = _deck(*key)
n_slides = len(deck.slides)


def _current() -> int:
    """The slide number in the URL (1-based), clamped; 1 when missing or malformed."""
    raw = st.query_params.get(SLIDE_PARAM, "1")
    try:
        return min(max(int(raw), 1), n_slides)
    except ValueError:
        return 1


def _go(step: int) -> None:
    st.query_params[SLIDE_PARAM] = str(min(max(_current() + step, 1), n_slides))
    st.session_state[_MOVED_KEY] = time.monotonic()


if st.query_params.get(SLIDE_PARAM) != str(_current()):
    st.query_params[SLIDE_PARAM] = str(_current())
st.session_state.setdefault(_MOVED_KEY, time.monotonic())
auto_seconds = st.session_state.get(_AUTO_KEY) or 0


def _table(table: briefing.Table) -> None:
    import pandas as pd

    if table.title:
        st.markdown(f"**{table.title}**")  # a fixed word of the briefing, not user text
    st.table(pd.DataFrame(table.rows, columns=table.columns), hide_index=True)
    if table.hidden:
        st.caption(table.note(lang))


@st.fragment(run_every=auto_seconds or None)
def _show() -> None:
    if (st.session_state.get(_AUTO_KEY) or 0) != auto_seconds:
        st.rerun()  # the timer is set when the fragment is declared: a full run applies the change
    if auto_seconds and time.monotonic() - st.session_state[_MOVED_KEY] >= auto_seconds - 0.5:
        if _current() < n_slides:
            _go(+1)
    number = _current()
    s = deck.slides[number - 1]
    with st.container(key="slide"):
        st.title(s.title, anchor=False)
        with st.container(key="slide_text"):
            st.markdown(s.text)
        if s.figures:
            for col, f in zip(st.columns(len(s.figures)), s.figures):
                col.metric(f.label, f.value, delta=f.delta, delta_color="inverse" if s.key == "situasi" else "off",
                           border=True)
                if f.aside:
                    col.caption(f.aside)
        if s.visual:
            left, right = st.columns([11, 10], gap="large")
        else:
            left = right = st.container()
        if s.visual:
            with left:
                if s.visual == "map":
                    widgets.risk_map(ctx, deck.scores, province=province, height=420 if not s.figures else 300,
                                width_px=680, label=s.title)
                    widgets.legend(ctx)
                else:
                    st.image(_picture(*key, s.visual), width="stretch")
        with right:
            for table in s.tables:
                _table(table)
    with st.container(key="briefing_bar", horizontal=True, vertical_alignment="center"):
        st.button(":material/arrow_back: " + t("briefing_screen_previous", lang), key="briefing_prev",
                  on_click=_go, args=(-1,), disabled=number == 1, shortcut="Left")
        st.markdown(f"**{t('briefing_slide_of', lang, n=number, total=n_slides)}**")
        st.button(t("briefing_screen_next", lang) + " :material/arrow_forward:", key="briefing_next",
                  on_click=_go, args=(+1,), disabled=number == n_slides, shortcut="Right", type="primary")
        # Clickers send PageDown/PageUp: the same moves on two hidden buttons.
        st.button("PageDown", key="briefing_pgdn", on_click=_go, args=(+1,), shortcut="PageDown")
        st.button("PageUp", key="briefing_pgup", on_click=_go, args=(-1,), shortcut="PageUp")
        with st.popover(":material/settings:", help=t("briefing_screen_settings", lang)):
            st.toggle(t("briefing_screen_auto", lang), key="briefing_auto_on", on_change=_auto_changed)
            st.number_input(t("briefing_screen_seconds", lang), min_value=10,
                            max_value=600, value=30, step=5, key="briefing_auto_s", on_change=_auto_changed)
            st.page_link("app_pages/ringkasan.py", label=t("briefing_screen_change", lang), icon=":material/tune:")
            st.page_link("app_pages/laporan.py", label=t("briefing_screen_save", lang), icon=":material/download:")
        st.caption(deck.footer)


def _auto_changed() -> None:
    on = st.session_state.get("briefing_auto_on")
    st.session_state[_AUTO_KEY] = int(st.session_state.get("briefing_auto_s") or 30) if on else 0
    st.session_state[_MOVED_KEY] = time.monotonic()


_show()
