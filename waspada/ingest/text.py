"""Normalising free text typed by people, shared by every matcher in the ingest package."""

from __future__ import annotations

import functools
import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def cell_text(value) -> str:
    """A cell as trimmed text; '' for blank. 3.0 -> '3' (spreadsheets store integers as floats)."""
    if type(value) is str:
        # Fast path (most cells): collapse inner whitespace only when there is some to collapse.
        if "  " in value or "\n" in value or "\t" in value or "\r" in value or "\xa0" in value:
            return " ".join(value.split())
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, str):
        return " ".join(value.split())
    return str(value)


def _fold(text: str) -> str:
    # "Jum'at", "Jumát" and "JUMAT" compare equal: drop accents and case.
    if text.isascii():  # most cells: nothing to decompose, no combining marks, no ’
        return text.replace("'", "").replace("`", "").lower()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch) and ch not in "'’`")
    return text.lower()


def key(text) -> str:
    """Compact comparison key: lower case, letters and digits only ('Kab./Kota' -> 'kabkota')."""
    return _key(cell_text(text))


@functools.lru_cache(maxsize=1 << 16)  # names repeat down a column: fold each once
def _key(text: str) -> str:
    return _NON_ALNUM.sub("", _fold(text))


def words(text) -> str:
    """Lower-case words separated by single spaces, punctuation removed ('Kab.  SOLOK' -> 'kab solok')."""
    return _NON_ALNUM.sub(" ", _fold(cell_text(text))).strip()
