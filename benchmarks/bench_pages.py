"""Server time of every dashboard page at national scale (1M generated incidents, both
cycles), by Streamlit's AppTest: the national view and one province.

For each page: the first run in a fresh session with st.cache_data emptied (uncached), then
the median of three more runs (the run a user gets after the first load: a widget change or
a rerun). Target (issue 4/7): under 0.5 s per page after the first load.

AppTest runs the script in-process without a browser, so this is the server's share of a
page view; bench_browser measures the whole thing.

    python -m benchmarks bench_pages
"""

from __future__ import annotations

import logging
import os
import statistics
import sys
import time
from pathlib import Path

from benchmarks._national import AS_OF, PROVINCE, accounts_db, national_db, session_token

ROOT = Path(__file__).resolve().parents[1]
PAGES = ("ringkasan", "tahapan", "wilayah", "insiden", "metode")
TARGET_SECONDS = 0.5
AGAIN = 3


def _time_page(page: str, params: dict, token: str) -> tuple[float, float, list[str]]:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from ui.auth import TOKEN_KEY

    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.session_state[TOKEN_KEY] = token
    at.query_params.update(params)
    if page == "ringkasan":  # the landing page: its first run is the first load
        # At its own address, as a browser reaches it ("/" is redirected there by server.py;
        # in AppTest "/" is the hidden forwarding page, which would run the script twice).
        at.switch_page("app_pages/ringkasan.py")
        started = time.perf_counter()
        at.run()
        first = time.perf_counter() - started
    else:
        at.run()
        st.cache_data.clear()
        at.switch_page(f"app_pages/{page}.py")
        started = time.perf_counter()
        at.run()
        first = time.perf_counter() - started
    again = []
    for _ in range(AGAIN):
        started = time.perf_counter()
        at.run()
        again.append(time.perf_counter() - started)
    errors = [str(e.value)[:120] for e in at.exception]
    return first, statistics.median(again), errors


def run(workdir: Path) -> list[dict]:
    db, _ = national_db()
    os.environ["WASPADA_DB"] = str(db)
    os.environ["WASPADA_ACCOUNTS_DB"] = str(accounts_db())
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    token = session_token()
    rows = []
    views = {"nasional": {"tanggal": AS_OF, "tampilan": "nasional"}, f"provinsi {PROVINCE}": {"tanggal": AS_OF, "prov": PROVINCE}}
    # One warm-up run: imports, the boundary shapes and the risk engine's first query are paid
    # once per server process, not per page view.
    _time_page("metode", views["nasional"], token)
    for view, params in views.items():
        for page in PAGES:
            first, again, errors = _time_page(page, params, token)
            rows.append({
                "name": f"page_{page} ({view})", "value": again, "unit": "s", "baseline": first,
                "ratio": again / first if first else None, "target": f"< {TARGET_SECONDS} s",
                "note": (f"AppTest, 1 juta insiden; nilai = median {AGAIN} run setelah muat pertama; "
                         f"baseline = muat pertama tanpa cache ({first:.2f} s)"
                         + (f"; GALAT: {errors[0]}" if errors else "")),
            })
    return rows


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for row in run(Path(tmp)):
            print(f"{row['name']:<36} {row['value']:.3f} s (first {row['baseline']:.3f} s) {row['note'][-60:]}")
    sys.exit(0)
