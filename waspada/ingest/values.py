"""Cell values shared by the loaders: counts, coordinates, optional text."""

from __future__ import annotations

import re

from waspada.i18n import Message, msg
from waspada.ingest.text import cell_text

_COUNT = re.compile(r"^(\d+)\s*(?:orang|org\.?|jiwa|korban|kasus|laporan)?$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")  # "1.250" is one thousand two hundred fifty
_DECIMAL = re.compile(r"^-?\d+[.,]\d+$")
_NEGATIVE = re.compile(r"^[-\u2212]\s*\d")
NIL = frozenset({"-", "\u2013", "\u2014", "nihil", "nil", "tidak ada", "tdk ada", "kosong"})

# Indonesia's bounding box (with a margin for the outer islands).
LAT_RANGE = (-11.0, 6.5)
LON_RANGE = (94.0, 141.5)


# No count anywhere reaches this; past it a value would not even fit a BIGINT column.
MAX_ANY_COUNT = 10**15


def parse_count(value, maximum: int = MAX_ANY_COUNT) -> tuple[int | None, Message | None]:
    """A non-negative whole number up to `maximum`. Blank, '-' and 'nihil' are 0; '2 orang' is 2."""
    n, reason = _parse_count(value)
    if n is not None and n > maximum:
        limit = f"{maximum:,}".replace(",", ".")
        return None, msg("ingest_count_too_large", value=cell_text(value), limit=limit)
    return n, reason


def _parse_count(value) -> tuple[int | None, Message | None]:
    if value is None or value == "":
        return 0, None
    if isinstance(value, bool):
        return None, msg("ingest_not_a_number", value=str(value))
    if isinstance(value, (int, float)):
        if value != value:
            return 0, None
        if value < 0:
            return None, msg("ingest_count_negative", value=cell_text(value))
        if not float(value).is_integer():
            return None, msg("ingest_not_whole", value=cell_text(value))
        return int(value), None
    text = cell_text(value).lower()
    if not text or text in NIL:
        return 0, None
    m = _COUNT.match(text)
    if m:
        return int(m.group(1)), None
    if _THOUSANDS.match(text):
        return int(text.replace(".", "")), None
    if _NEGATIVE.match(text):
        return None, msg("ingest_count_negative", value=cell_text(value))
    if _DECIMAL.match(text):
        number = float(text.replace(",", "."))
        if number.is_integer():
            return int(number), None
        return None, msg("ingest_not_whole", value=cell_text(value))
    return None, msg("ingest_count_not_number", value=cell_text(value))


def parse_number(value) -> float | None:
    """A decimal number with '.' or ',' as decimal mark; None when blank or not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return None if value != value else float(value)
    text = cell_text(value).replace("\u2212", "-").replace(" ", "")
    if not text:
        return None
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def optional_text(value) -> str | None:
    text = cell_text(value)
    return text or None


# How police and Kesbangpol tables label casualties, by kind: killed, injured (luka-luka as
# one number), severe (luka berat) and light (luka ringan). LB + LR = injured.
CASUALTY_LABELS = {
    "md": "killed", "meninggal": "killed", "meninggal dunia": "killed", "tewas": "killed", "korban jiwa": "killed",
    "wafat": "killed", "mati": "killed", "tewas dunia": "killed",
    "ll": "injured", "luka": "injured", "luka luka": "injured", "terluka": "injured", "korban luka": "injured",
    "lb": "severe", "luka berat": "severe", "lr": "light", "luka ringan": "light",
}
_FILLER = r"(?:\s+(?:orang|org|jiwa|korban|org))?"
_LABEL = "|".join(sorted((re.escape(k) for k in CASUALTY_LABELS), key=len, reverse=True))
_NUMBER_FIRST = re.compile(rf"^(?:(\d+){_FILLER}\s+({_LABEL})(?:\s+dan)?\s*)+$")
_NUMBER_FIRST_PAIR = re.compile(rf"(\d+){_FILLER}\s+({_LABEL})\b")
_LABEL_FIRST = re.compile(rf"^(?:({_LABEL})\s+(\d+){_FILLER}(?:\s+dan)?\s*)+$")
_LABEL_FIRST_PAIR = re.compile(rf"\b({_LABEL})\s+(\d+)")


def parse_casualties(value) -> tuple[dict[str, int] | None, Message | None]:
    """A casualty cell: '2 MD, 5 LL' -> {'killed': 2, 'injured': 5}; 'LB 1 LR 3' ->
    {'severe': 1, 'light': 3}; a bare count ('3', '3 orang', 'nihil', '-', blank) ->
    {'': n}, the kind being the column's. A label twice in one cell is added up."""
    text = words_of(value)
    if not any(ch.isalpha() for ch in text) or text in NIL or cell_text(value).lower() in NIL:
        n, reason = parse_count(value)
        return (None, reason) if reason else ({"": n}, None)
    for whole, pair, number_first in ((_NUMBER_FIRST, _NUMBER_FIRST_PAIR, True), (_LABEL_FIRST, _LABEL_FIRST_PAIR, False)):
        if whole.match(text):
            out: dict[str, int] = {}
            for a, b in pair.findall(text):
                n, label = (a, b) if number_first else (b, a)
                kind = CASUALTY_LABELS[label]
                out[kind] = out.get(kind, 0) + int(n)
            return out, None
    n, reason = parse_count(value)
    if reason is None:
        return {"": n}, None
    if not re.search(rf"\b(?:{_LABEL})\b", text):
        return None, reason  # no casualty word: the count's own reason ("dua" is not a number)
    return None, msg("ingest_casualties_unreadable", value=cell_text(value))


def words_of(value) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", cell_text(value).lower()).split())
