"""The one catalogue of interface text: every word a person can read, in Bahasa Indonesia
(the default) and English, keyed by an English identifier.

One module per area keeps each table short; they are merged here, explicitly, so the
catalogue is complete whatever was imported before (no registration by import). A key
written in two areas is an error at import. tests/test_i18n.py checks that every key has
both languages with the same placeholders and that every key is used somewhere.
"""

from __future__ import annotations

from waspada.texts import (
    accounts, actions, auth, backtest, briefing, cli, cluster, common, ingest, login_form, pages, quick_report,
    realdata, regions, rerun, risk, taxonomy, uploads, verification,
)

AREAS = {
    "common": common.TEXT,
    "briefing": briefing.TEXT,
    "auth": auth.TEXT,
    "login_form": login_form.TEXT,
    "accounts": accounts.TEXT,
    "cli": cli.TEXT,
    "pages": pages.TEXT,
    "risk": risk.TEXT,
    "uploads": uploads.TEXT,
    "quick_report": quick_report.TEXT,
    "ingest": ingest.TEXT,
    "backtest": backtest.TEXT,
    "realdata": realdata.TEXT,
    "taxonomy": taxonomy.TEXT,
    "regions": regions.TEXT,
    "cluster": cluster.TEXT,
    "verification": verification.TEXT,
    "actions": actions.TEXT,
    "rerun": rerun.TEXT,
}


def _merge(areas: dict[str, dict[str, dict[str, str]]]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    owner: dict[str, str] = {}
    for area, table in areas.items():
        for key, entry in table.items():
            if key in merged:
                raise ValueError(f"interface text {key!r} is written in both {owner[key]!r} and {area!r}")
            merged[key], owner[key] = entry, area
    return merged


CATALOGUE: dict[str, dict[str, str]] = _merge(AREAS)
