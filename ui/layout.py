"""The app's one stylesheet: how pages read on a phone (390 px wide, opened from a WhatsApp link).

app.py applies it on every run, before the login gate, so every page gets it. Streamlit
already stacks columns below 640 px and collapses the sidebar there
(``initial_sidebar_state="auto"``); what it leaves is fixed here, under the same breakpoint,
so a desktop sees no change:

* titles at a size that names the page in two lines, not four;
* headline figures (st.metric in a row of columns) two to a line instead of one card each,
  their labels wrapped rather than cut;
* the reading tables (st.table) in tighter cells; one of four columns or more (the riskiest
  regions, the alerts) as one short card per row; any table scrolls inside itself, never the page;
* less padding around the page.

Selectors use Streamlit's data-testid attributes (stable across its releases), never its
generated class names. Fixed markup: no user text passes through here.
"""

from __future__ import annotations

import streamlit as st

from waspada.i18n import t

PHONE_MAX_PX = 640  # Streamlit's own breakpoint for stacking columns

_METRIC_ROW = ('[data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] > [data-testid="stVerticalBlock"]'
               ' > [data-testid="stElementContainer"] > [data-testid="stMetric"])')

# A reading table of four columns or more (the riskiest regions, the alerts): on a phone each
# row becomes a short card, its first cells on one line joined by "·" and the last one (the
# reason sentence) below, instead of five columns squeezed to a word each.
_WIDE_TABLE = '[data-testid="stTable"] table:has(thead th:nth-child(4))'

STYLE = f"""<style>
@media (max-width: {PHONE_MAX_PX}px) {{
  [data-testid="stMainBlockContainer"] {{ padding-left: 0.9rem; padding-right: 0.9rem; padding-top: 3.5rem; }}
  [data-testid="stMain"] [data-testid="stHeadingWithActionElements"] h1 {{ font-size: 1.85rem; line-height: 1.2; }}
  [data-testid="stMain"] [data-testid="stHeadingWithActionElements"] h2 {{ font-size: 1.4rem; }}
  [data-testid="stMain"] [data-testid="stHeadingWithActionElements"] h3 {{ font-size: 1.2rem; }}
  {_METRIC_ROW} {{ flex-wrap: wrap; }}
  {_METRIC_ROW} > [data-testid="stColumn"] {{ min-width: calc(50% - 0.5rem); flex: 1 1 calc(50% - 0.5rem); }}
  [data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"], [data-testid="stMetricLabel"] p {{
    white-space: normal; overflow: visible; }}
  [data-testid="stMetric"] [data-testid="stMetricValue"] {{ font-size: 1.6rem; }}
  [data-testid="stTable"] {{ overflow-x: auto; max-width: 100%; }}
  [data-testid="stTable"] th, [data-testid="stTable"] td {{ padding: 0.25rem 0.35rem; font-size: 0.9rem; }}
  {_WIDE_TABLE} thead {{ display: none; }}
  {_WIDE_TABLE} tbody tr {{ display: block; padding: 0.45rem 0.2rem; border-bottom: 1px solid rgba(49, 51, 63, 0.2); }}
  {_WIDE_TABLE} tbody th {{ display: none; }}
  {_WIDE_TABLE} tbody td {{ display: inline; border: none; padding: 0; }}
  {_WIDE_TABLE} tbody td div, {_WIDE_TABLE} tbody td p {{ display: inline; }}
  {_WIDE_TABLE} tbody td:not(:nth-last-child(-n+2))::after {{ content: " · "; }}
  {_WIDE_TABLE} tbody td:last-child {{ display: block; margin-top: 0.2rem; }}
}}
</style>"""


def apply() -> None:
    """Add the stylesheet to this run's page (a style-only st.html takes no space)."""
    st.html(STYLE)


def _css_string(text: str) -> str:
    """A catalogue text as a CSS string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def apply_language(lang: str) -> None:
    """What Streamlit writes in English inside a file uploader, in the reader's language: its
    button ("Upload") relabelled, its size line hidden (it shows Streamlit's transport limit,
    five times the app's own, which the page's caption states: filesafety.STREAMLIT_HEADROOM)."""
    st.html(f"""<style>
[data-testid="stFileUploaderDropzoneInstructions"] {{ display: none; }}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{ font-size: 0; }}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {{
  content: {_css_string(t("uploader_button", lang))}; font-size: 0.875rem; }}
</style>""")
