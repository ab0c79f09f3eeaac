"""`waspada report weekly`: the weekly situation report of one province as PDF or xlsx, built
by the same domain calls as the Laporan page (waspada.reports.weekly)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from waspada.filesafety import size_text
from waspada.i18n import t
from waspada.paths import DEFAULT_DB_PATH

FORMATS = ("pdf", "xlsx")


def register(sub, lang: str) -> None:
    p = sub.add_parser("weekly", help=t("cli_report_weekly", lang))
    p.add_argument("--province", required=True, help=t("cli_report_province", lang))
    p.add_argument("--week", required=True, help=t("cli_report_week", lang))
    p.add_argument("--signed-on", default=None, help=t("cli_report_signed_on", lang))
    p.add_argument("--format", default=None, help=t("cli_report_format", lang))
    p.add_argument("--out", required=True, help=t("cli_report_out", lang))
    p.add_argument("--db", default=str(DEFAULT_DB_PATH), help=t("cli_db_help", lang))
    p.set_defaults(func=run_weekly)


def _date(value: str, lang: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _Refused(t("cli_bad_date", lang, value=value)) from None


_ISO_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


def week_day(value: str, lang: str) -> date:
    """A day of the report's week: the Monday of an ISO week ('2024-W47' is 18-24 November 2024),
    or the date itself. The office's week ([pelaporan] awal_minggu) is the one containing that day."""
    m = _ISO_WEEK.match(value.strip())
    if m:
        try:
            return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            raise _Refused(t("cli_bad_week", lang, value=value)) from None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise _Refused(t("cli_bad_week", lang, value=value)) from None


class _Refused(Exception):
    """A command line that cannot be run as written; the text is already in the reader's language."""


def run_weekly(args) -> int:
    from waspada import compliance, reference
    from waspada.briefing import period_label
    from waspada.cli import fail
    from waspada.db import Database
    from waspada.reports import weekly

    lang = args.lang
    try:
        out = Path(args.out)
        kind = (args.format or out.suffix.lstrip(".")).lower()
        if kind not in FORMATS:
            raise _Refused(t("cli_bad_format", lang, value=kind))
        province = reference.dotted(args.province)
        regions = reference.regions().set_index("code")
        if province not in regions.index or regions.loc[province, "level"] != "provinsi":
            raise _Refused(t("cli_unknown_province", lang, code=args.province))
        db = Database(args.db)
        if not db.exists():
            raise _Refused(t("cli_no_database", lang, path=args.db))
        rules = compliance.load_rules()
        week_start = rules.week_start(week_day(args.week, lang))
        week_end = rules.week_end(week_start)
        signed_on = _date(args.signed_on, lang) if args.signed_on else week_end + timedelta(days=1)
    except _Refused as exc:
        fail(exc, lang)
        return 2
    cur = db.reader()
    try:
        report = weekly.build_weekly(cur, province=province, week_of=week_start, signed_on=signed_on, rules=rules)
    finally:
        cur.close()
    data = weekly.weekly_xlsx(report) if kind == "xlsx" else weekly.weekly_pdf(report)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(t("cli_report_written", lang, province=regions.loc[province, "name"],
            period=period_label(week_start, week_end, lang), path=out, size=size_text(len(data))))
    return 0
