"""Dates as Indonesian staff type them, always day first.

parse_date(value) -> (date, None) or (None, reason as a waspada.i18n.Message). Callers memoise per
distinct value (DateParser), because a weekly file repeats a handful of dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from waspada.i18n import Message, msg
from waspada.ingest.report import names
from waspada.ingest.text import cell_text

MONTHS = {
    1: ("januari", "jan", "january"),
    2: ("februari", "feb", "peb", "pebruari", "february"),
    3: ("maret", "mar", "march"),
    4: ("april", "apr"),
    5: ("mei", "may"),
    6: ("juni", "jun", "june"),
    7: ("juli", "jul", "july"),
    8: ("agustus", "agu", "agt", "agus", "ags", "aug", "august"),
    9: ("september", "sep", "sept"),
    10: ("oktober", "okt", "oct", "october"),
    11: ("november", "nov", "nop", "nopember"),
    12: ("desember", "des", "dec", "december"),
}
MONTH_BY_NAME = {name: m for m, spellings in MONTHS.items() for name in spellings}

WEEKDAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "ahad",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "sen", "sel", "rab", "kam", "jum", "sab", "min", "mon", "tue", "wed", "thu", "fri", "sat", "sun")

_WEEKDAY_PREFIX = re.compile(r"^(?:hari\s+)?(?:" + "|".join(WEEKDAYS) + r")\b[\s,./-]*", re.I)
# "10.30 WITA", "pukul 10:30", "10:30:00", "T10:30:00", "jam 14.00 WIB", "WIB" alone.
_TIME_SUFFIX = re.compile(
    r"(?:[\sT,]+(?:pukul|pkl\.?|jam)?\s*\d{1,2}[.:]\d{2}(?:[.:]\d{2}(?:\.\d+)?)?\s*(?:wib|wita|wit|am|pm)?"
    r"|\s*(?:wib|wita|wit))\s*$",
    re.I,
)
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_NUMERIC_DMY = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})$")
_NAMED = re.compile(r"^(\d{1,2})\s*[-/.\s]\s*([a-z]+)\.?\s*[-/.\s]\s*(\d{4}|\d{2})$", re.I)
_SERIAL = re.compile(r"^\d{5}(?:[.,]\d+)?$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # Excel's serial day 0 (after its 1900 leap-year bug)

EARLIEST = dt.date(2000, 1, 1)


def _year(text: str) -> int:
    y = int(text)
    return 2000 + y if len(text) == 2 else y


def _build(day: int, month: int, year: int, raw: str) -> tuple[dt.date | None, Message | None]:
    if not 1 <= month <= 12:
        return None, msg("ingest_month_invalid", raw=raw, month=month)
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return None, msg("ingest_day_invalid", raw=raw, month=names("month", [month]), year=year, last=last)
    return dt.date(year, month, day), None


def parse_date(value) -> tuple[dt.date | None, Message | None]:
    """A cell as a date (day first), or (None, reason)."""
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_serial(float(value), cell_text(value))
    raw = cell_text(value)
    if not raw:
        return None, msg("ingest_date_empty")
    text = _WEEKDAY_PREFIX.sub("", raw.replace("'", "").replace("\u2019", "")).strip()
    text = _TIME_SUFFIX.sub("", text).strip(" ,")
    if _SERIAL.match(text):
        return _from_serial(float(text.replace(",", ".")), raw)
    m = _ISO.match(text)
    if m:
        return _build(int(m.group(3)), int(m.group(2)), int(m.group(1)), raw)
    m = _NUMERIC_DMY.match(text)
    if m:
        return _build(int(m.group(1)), int(m.group(2)), _year(m.group(3)), raw)
    m = _NAMED.match(text)
    if m:
        month = MONTH_BY_NAME.get(m.group(2).lower())
        if month is None:
            return None, msg("ingest_month_name_unknown", name=m.group(2), raw=raw)
        return _build(int(m.group(1)), month, _year(m.group(3)), raw)
    return None, msg("ingest_date_unreadable", raw=raw)


def _from_serial(serial: float, raw: str) -> tuple[dt.date | None, Message | None]:
    # Serial numbers between 1982 and 2100; anything else is not a date someone meant.
    if not 30000 <= serial <= 73000:
        return None, msg("ingest_not_a_date", raw=raw)
    return _EXCEL_EPOCH + dt.timedelta(days=int(serial)), None


class DateParser:
    """parse_date with a plausibility window, memoised per distinct cell value."""

    def __init__(self, today: dt.date | None = None):
        self.today = today or dt.date.today()
        self.latest = self.today + dt.timedelta(days=365)
        self._cache: dict = {}

    def __call__(self, value) -> tuple[dt.date | None, Message | None]:
        cache_key = (type(value), value)  # True == 1.0, but a TRUE cell is no serial date
        try:
            return self._cache[cache_key]
        except KeyError:
            pass
        except TypeError:  # unhashable: never happens for cell values, but be safe
            return self._check(value)
        result = self._cache[cache_key] = self._check(value)
        return result

    def _check(self, value):
        d, reason = parse_date(value)
        if d is None:
            return None, reason
        raw = cell_text(value) if not isinstance(value, (dt.date, dt.datetime)) else d.strftime("%d/%m/%Y")
        if d < EARLIEST:
            return None, msg("ingest_date_too_old", raw=raw)
        if d > self.latest:
            return None, msg("ingest_date_too_far", raw=raw)
        return d, None
