"""Interface words and Indonesian formats. Bahasa Indonesia first, English by a switch.

Numbers: 1.234,5 (dot groups thousands, comma marks decimals) in both languages, since
the readers are Indonesian offices; dates: "27 November 2024"; times carry the
province's zone (WIB/WITA/WIT).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from datetime import date, datetime, timedelta, timezone

import pandas as pd

from waspada import reference
from waspada.texts import CATALOGUE

LANGS = ("id", "en")
DEFAULT_LANG = "id"

MONTHS = {
    "id": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}
UTC_OFFSET_HOURS = {"WIB": 7, "WITA": 8, "WIT": 9}

RISK_CATEGORIES = ("rendah", "sedang", "tinggi")
RISK_CATEGORY_WORDS = {
    "id": {"rendah": "rendah", "sedang": "sedang", "tinggi": "tinggi", None: "tanpa data"},
    "en": {"rendah": "low", "sedang": "medium", "tinggi": "high", None: "no data"},
}

# The one catalogue of interface text is waspada.texts (a module per area, merged there
# explicitly). Keys are English identifiers; {name} placeholders are filled by t().
TEXT: dict[str, dict[str, str]] = CATALOGUE


def t(key: str, lang: str = DEFAULT_LANG, **values) -> str:
    """The interface text ``key`` in ``lang`` (Bahasa Indonesia when missing), placeholders filled.

    A value that is itself a Message is rendered in the same language first, so a domain
    message can carry a localised part (a phase name, a reason) as a parameter.
    """
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    if not values:
        return text
    return text.format(**{k: v.render(lang) if isinstance(v, Message) else v for k, v in values.items()})


@dataclass(frozen=True)
class Message:
    """A sentence for a person, kept as a catalogue key and its parameters until a reader's
    language is known: the domain package returns these, the pages and the CLI render them."""

    key: str
    params: dict = field(default_factory=dict)

    def render(self, lang: str = DEFAULT_LANG) -> str:
        return t(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.render(DEFAULT_LANG)


def msg(key: str, **params) -> Message:
    """Message(key, params), checked at once: a key missing from the catalogue fails where it
    is written, not when someone first reads it."""
    if key not in CATALOGUE:
        raise KeyError(f"no interface text {key!r} in waspada.texts")
    return Message(key, params)


class MessageError(Exception):
    """An error a person reads: its words are a Message, rendered in the reader's language.
    ``str(error)`` is the Indonesian text (logs, the CLI's default)."""

    def __init__(self, key: str, **params):
        self.message = msg(key, **params)
        super().__init__(self.message.render(DEFAULT_LANG))

    def render(self, lang: str = DEFAULT_LANG) -> str:
        return self.message.render(lang)


def fmt_number(value, decimals: int = 0) -> str:
    """Indonesian number format: 1234.5 -> '1.234,5'; None/NaN -> '–'."""
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    try:
        if pd.isna(value):
            return "–"
    except (TypeError, ValueError):
        pass
    text = f"{float(value):,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def fmt_signed(value, decimals: int = 0) -> str:
    """'+3', '−2', '0' in Indonesian number format (for changes)."""
    if value is None:
        return "–"
    sign = "+" if value > 0 else ("-" if value < 0 else "")
    return sign + fmt_number(abs(value), decimals)


def fmt_date(value, lang: str = DEFAULT_LANG) -> str:
    """date(2024, 11, 27) -> '27 November 2024' (English month names with lang='en')."""
    if value is None:
        return "–"
    if isinstance(value, (pd.Timestamp, datetime)):
        value = value.date()
    return f"{value.day} {MONTHS[lang if lang in MONTHS else DEFAULT_LANG][value.month - 1]} {value.year}"


def fmt_datetime(value, province_code: str, lang: str = DEFAULT_LANG) -> str:
    """A moment shown in the province's own zone: '27 November 2024 14.05 WITA'."""
    if value is None:
        return "–"
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    zone = reference.timezone_of(province_code)
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    local = value.astimezone(timezone(timedelta(hours=UTC_OFFSET_HOURS[zone])))
    sep = "." if lang == "id" else ":"
    return f"{fmt_date(local.date(), lang)} {local.hour:02d}{sep}{local.minute:02d} {zone}"


def risk_word(category: str | None, lang: str = DEFAULT_LANG) -> str:
    words = RISK_CATEGORY_WORDS.get(lang, RISK_CATEGORY_WORDS[DEFAULT_LANG])
    return words.get(category if category in RISK_CATEGORIES else None)


@functools.cache
def _names(kind: str, lang: str) -> dict[str, str]:
    """code -> name of phases or incident categories (tables and maps call these per row)."""
    table = reference.phases() if kind == "phase" else reference.incident_categories()
    return dict(zip(table[kind], table["name_en" if lang == "en" else "name_id"].astype(str)))


def phase_name(phase: str | None, lang: str = DEFAULT_LANG) -> str:
    if not phase:
        return "–"
    return _names("phase", lang).get(phase, phase)


def incident_category_name(category: str, lang: str = DEFAULT_LANG) -> str:
    return _names("category", lang).get(category, category)


def yes_no(flag: bool, lang: str = DEFAULT_LANG) -> str:
    return t("yes" if flag else "no", lang)

