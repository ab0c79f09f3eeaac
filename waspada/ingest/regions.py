"""Region names and codes as staff write them -> Kemendagri codes.

RegionResolver.kabkota("Kab. Kupang", province="NTT") -> Resolved(code='53.01', ...).
Every lookup is memoised per distinct (text, province) pair: a 50,000-row file names a
few dozen regions.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass

import pandas as pd

from waspada import reference
from waspada.i18n import Message, msg
from waspada.ingest.text import cell_text, key, words

_CODE = re.compile(r"^\d{2}(?:\.?\d{2}){0,2}$")
# Prefix words -> the kinds they allow. Longest first.
_PREFIXES = (
    ("kota administrasi", {"kota_administrasi"}),
    ("kabupaten administrasi", {"kabupaten_administrasi"}),
    ("kab administrasi", {"kabupaten_administrasi"}),
    ("kota adm", {"kota_administrasi"}),
    ("kabupaten", {"kabupaten", "kabupaten_administrasi"}),
    ("kab", {"kabupaten", "kabupaten_administrasi"}),
    ("kota", {"kota", "kota_administrasi"}),
    ("kodya", {"kota"}),
    ("kotamadya", {"kota"}),
)
_PROVINCE_PREFIX = re.compile(r"^(?:provinsi|propinsi|prov)\s+")
_KECAMATAN_PREFIX = re.compile(r"^(?:kecamatan|kec)\s+")
TYPO_CUTOFF = 0.85  # difflib ratio: one wrong letter in a 7-letter name passes ("Malinou"), "Malang" vs "Malaka" does not


@dataclass(frozen=True)
class Resolved:
    code: str | None
    province_code: str | None = None
    name: str | None = None
    reason: Message | None = None  # why it was refused
    warning: Message | None = None  # accepted, but say how (typo match)


def _code_key(text: str) -> str | None:
    compact = text.replace(" ", "")
    if compact.endswith(".0") and compact[:-2].isdigit():  # 6571.0 from a numeric cell
        compact = compact[:-2]
    return reference.dotted(compact) if _CODE.match(compact) else None


class RegionResolver:
    def __init__(self, regions: pd.DataFrame | None = None):
        regions = reference.regions() if regions is None else regions
        self.regions = regions
        self._by_code = {row.code: row for row in regions.itertuples(index=False)}
        prov = regions[regions["level"] == "provinsi"]
        self._province_name = dict(zip(prov["code"], prov["name"]))
        self._province_keys: dict[str, str] = {}
        for code, name in zip(prov["code"], prov["name"]):
            self._province_keys[key(name)] = code
            self._province_keys[key(name.replace("Sumatera", "Sumatra"))] = code
        for code, aliases in reference.province_aliases().items():
            for alias in aliases:
                self._province_keys.setdefault(key(alias), code)
        kab = regions[regions["level"] == "kabupaten_kota"]
        self._kab_by_short: dict[str, list] = {}
        for row in kab.itertuples(index=False):
            self._kab_by_short.setdefault(key(row.short_name), []).append(row)
        kec = regions[regions["level"] == "kecamatan"]
        self._kec: dict[tuple[str, str], str] = {}
        for kab_code, name, code in zip(kec["kabkota_code"], kec["name"], kec["code"]):
            self._kec.setdefault((kab_code, key(name)), code)
        self._cache: dict = {}

    # -- provinces ----------------------------------------------------------------------
    def province(self, text) -> Resolved:
        raw = cell_text(text)
        cache_key = ("p", raw)
        if cache_key not in self._cache:
            self._cache[cache_key] = self._province(raw)
        return self._cache[cache_key]

    def _province(self, raw: str) -> Resolved:
        code = _code_key(raw)
        if code and len(code) == 2 and code in self._province_name:
            return Resolved(code, code, self._province_name[code])
        k = key(_PROVINCE_PREFIX.sub("", words(raw)))
        code = self._province_keys.get(k)
        if code:
            return Resolved(code, code, self._province_name[code])
        close = difflib.get_close_matches(k, list(self._province_keys), n=2, cutoff=TYPO_CUTOFF)
        codes = {self._province_keys[c] for c in close}
        if len(codes) == 1:
            code = codes.pop()
            return Resolved(code, code, self._province_name[code],
                            warning=msg("ingest_province_read_as", raw=raw, name=self._province_name[code], code=code))
        return Resolved(None, reason=msg("ingest_province_unknown", raw=raw))

    def province_name(self, code: str) -> str:
        return self._province_name.get(code, code)

    # -- kabupaten/kota -----------------------------------------------------------------
    def kabkota(self, text, province: str | None = None, allow_province: bool = False) -> Resolved:
        """Resolve a kabupaten/kota (or, with allow_province, a provinsi) name or code.

        `province` is a province code narrowing the search (from the file's province column).
        """
        raw = cell_text(text)
        cache_key = ("k", raw, province, allow_province)
        if cache_key not in self._cache:
            self._cache[cache_key] = self._kabkota(raw, province, allow_province)
        return self._cache[cache_key]

    def _describe(self, rows) -> str | Message:
        parts = [f"{r.name} ({r.code}, {self.province_name(r.province_code)})" for r in rows]
        return msg("ingest_two_regions", first=parts[0], second=parts[1]) if len(parts) == 2 else ", ".join(parts)

    def _kabkota(self, raw: str, province: str | None, allow_province: bool) -> Resolved:
        if not raw:
            return Resolved(None, reason=msg("ingest_region_empty"))
        code = _code_key(raw)
        if code:
            row = self._by_code.get(code)
            if row is None or row.level == "kecamatan" or (row.level == "provinsi" and not allow_province):
                is_province = row is not None and row.level == "provinsi"
                return Resolved(None, reason=msg("ingest_province_code_unknown" if is_province
                                                 else "ingest_region_code_unknown", raw=raw))
            if province and row.province_code != province:
                return Resolved(None, reason=msg("ingest_code_outside_province", raw=raw, name=row.name,
                                                 province=self.province_name(province)))
            return Resolved(row.code, row.province_code, row.name)

        text = words(raw)
        kinds = None
        for prefix, allowed in _PREFIXES:
            if text == prefix:
                return Resolved(None, reason=msg("ingest_not_a_region_name", raw=raw))
            if text.startswith(prefix + " "):
                text, kinds = text[len(prefix) + 1:], allowed
                break
        k = key(text)
        if allow_province and kinds is None:
            p = self._province_keys.get(key(_PROVINCE_PREFIX.sub("", text)))
            if p and (not province or p == province) and (k not in self._kab_by_short or _PROVINCE_PREFIX.match(text)):
                return Resolved(p, p, self._province_name[p])
        candidates = self._kab_by_short.get(k, [])
        warning = None
        if not candidates:
            pool = [s for s, rows in self._kab_by_short.items()
                    if not province or any(r.province_code == province for r in rows)]
            close = difflib.get_close_matches(k, pool, n=2, cutoff=TYPO_CUTOFF)
            if len(close) == 1:
                candidates = self._kab_by_short[close[0]]
                warning = "typo"
        if kinds is not None:
            candidates = [r for r in candidates if r.kind in kinds]
        if not candidates:
            return Resolved(None, reason=msg("ingest_region_unknown_in_province", raw=raw,
                                             province=self.province_name(province))
                            if province else msg("ingest_region_unknown", raw=raw))
        if province:
            inside = [r for r in candidates if r.province_code == province]
            if not inside:
                return Resolved(None, reason=msg("ingest_region_not_in_province", raw=raw,
                                                 province=self.province_name(province),
                                                 found=self._describe(candidates)))
            candidates = inside
        if len(candidates) > 1:
            return Resolved(None, reason=msg("ingest_region_ambiguous", raw=raw, options=self._describe(candidates)))
        row = candidates[0]
        if warning:
            warning = msg("ingest_region_typo", raw=raw, name=row.name, code=row.code)
        return Resolved(row.code, row.province_code, row.name, warning=warning)

    # -- kecamatan ----------------------------------------------------------------------
    def kecamatan(self, kabkota_code: str, text) -> Resolved:
        """Kecamatan within a kabupaten/kota: Resolved(code) (with a warning when matched
        despite a small spelling difference: 'Guguk Panjang' ~ 'Guguak Panjang'), or
        Resolved(None) when the name is not known there."""
        raw = cell_text(text)
        cache_key = ("c", kabkota_code, raw)
        if cache_key not in self._cache:
            self._cache[cache_key] = self._kecamatan(kabkota_code, raw)
        return self._cache[cache_key]

    def _kecamatan(self, kabkota_code: str, raw: str) -> Resolved:
        code = _code_key(raw)
        if code and code.startswith(kabkota_code + ".") and code in self._by_code:
            return Resolved(code, name=self._by_code[code].name)
        k = key(_KECAMATAN_PREFIX.sub("", words(raw)))
        found = self._kec.get((kabkota_code, k))
        if found:
            return Resolved(found, name=self._by_code[found].name)
        pool = self._kec_keys_of(kabkota_code)
        close = difflib.get_close_matches(k, list(pool), n=2, cutoff=TYPO_CUTOFF)
        if len(close) == 1 or (len(close) == 2 and difflib.SequenceMatcher(None, k, close[1]).ratio()
                               < difflib.SequenceMatcher(None, k, close[0]).ratio() - 0.05):
            found = pool[close[0]]
            name = self._by_code[found].name
            return Resolved(found, name=name, warning=msg("ingest_kecamatan_read_as", raw=raw, name=name, code=found))
        return Resolved(None, reason=msg("ingest_kecamatan_unknown", raw=raw))

    def _kec_keys_of(self, kabkota_code: str) -> dict[str, str]:
        cache_key = ("kec-pool", kabkota_code)
        if cache_key not in self._cache:
            self._cache[cache_key] = {k: c for (kab, k), c in self._kec.items() if kab == kabkota_code}
        return self._cache[cache_key]


@functools.cache
def region_resolver() -> RegionResolver:
    """The resolver every parser shares (built once: it indexes every region name)."""
    return RegionResolver()
