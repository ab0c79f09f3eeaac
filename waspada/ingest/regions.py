"""Region names and codes as staff, the press and outside datasets write them -> Kemendagri codes.

RegionResolver.kabkota("Kab. Kupang", province="53") -> Resolved(code='53.01', ...).

A name is read in this order, and a wrong region is worse than a refusal at every step:
1. a Kemendagri code, or the official name (spacing and punctuation aside: "Labuhan Batu");
2. English forms, rewritten the way Indonesian writes them ("North Aceh" -> Aceh Utara,
   "Aru Islands" -> Kepulauan Aru, "Bogor Regency" -> Kabupaten Bogor, "and" -> dan);
3. the office's own aliases (taught in the upload preview, table region_aliases), then the
   aliases in data/aliases/ (abbreviations, former names, spellings; sources beside them);
4. a typo match that never bridges a whole word: the distinguishing words (Utara, Barat,
   Kepulauan, Kota...) must be the same, in the same order, and the rest may differ by a
   letter or two; stricter when no province narrows the search.
A row read through 2-4, or through a province's successors after a split, carries a warning
naming the official region; a refusal names up to three closest regions with their codes.
Every lookup is memoised per distinct (text, province) pair: a 50,000-row file names a few
dozen regions.
"""

from __future__ import annotations

import copy
import csv
import difflib
import functools
import re
from dataclasses import dataclass

import duckdb
import pandas as pd

from waspada import reference
from waspada.i18n import Message, msg
from waspada.ingest.text import cell_text, key, words
from waspada.paths import DATA_DIR

ALIASES_DIR = DATA_DIR / "aliases"
_CODE = re.compile(r"^\d{2}(?:\.?\d{2}){0,2}$")
_BRACKET = re.compile(r"^([^()]*\S)\s*\(([^()]*\S)\s*\)$")  # "Bandung (Kota)", "Kab. Kutai Kartanegara (Kukar)"
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
    ("city of", {"kota", "kota_administrasi"}),
)
_KABUPATEN = {"kabupaten", "kabupaten_administrasi"}
_KOTA = {"kota", "kota_administrasi"}
# English suffixes -> kinds ("Bogor Regency", "Bandung City").
_SUFFIXES = {"regency": _KABUPATEN, "city": _KOTA, "municipality": _KOTA, "kabupaten": _KABUPATEN}
_PROVINCE_WORDS = {"provinsi", "propinsi", "prov", "province"}
_KECAMATAN_PREFIX = re.compile(r"^(?:kecamatan|kec|district|subdistrict)\s+")
# English compass words -> Indonesian, which places them after the name ("North Aceh" -> Aceh Utara).
COMPASS = {"north": ["utara"], "south": ["selatan"], "east": ["timur"], "west": ["barat"], "central": ["tengah"],
           "southeast": ["tenggara"], "southwest": ["barat", "daya"], "northwest": ["barat", "laut"],
           "northeast": ["timur", "laut"]}
_TWO_WORD_COMPASS = {("south", "east"): "southeast", ("south", "west"): "southwest",
                     ("north", "west"): "northwest", ("north", "east"): "northeast"}
# "X Islands" -> Kepulauan X and the like: English puts the kind of place last, Indonesian first.
_PLACE_SUFFIXES = {"islands": "kepulauan", "island": "pulau", "bay": "teluk", "mountains": "pegunungan"}
# Words that tell two regions apart: a typo match never adds, drops or changes one of them.
DISTINGUISHING = frozenset({
    "utara", "selatan", "timur", "barat", "tengah", "tenggara", "daya", "laut", "pusat", "kepulauan", "pulau",
    "kota", "kabupaten", "hulu", "hilir", "ulu", "ilir", "raya", "besar", "jaya", "baru", "bagian", "dan",
    "teluk", "pegunungan", "administrasi",
})
_WORD_SPELLINGS = {"kep": "kepulauan", "kepl": "kepulauan", "sumatra": "sumatera", "java": "jawa", "pulo": "pulau"}
TYPO_CUTOFF = 0.85  # difflib ratio of the non-distinguishing letters, with a province given
TYPO_CUTOFF_NO_PROVINCE = 0.9
TYPO_MIN_LETTERS_NO_PROVINCE = 8  # fewer letters than this, with no province: no typo guess at all
TYPO_MAX_LENGTH_GAP = 2  # letters: a whole word (3+ letters) missing or extra never passes
CANDIDATE_CUTOFF = 0.7  # how alike (letters, plus a shared word) a name must be to be offered as a candidate
MAX_CANDIDATES = 3


@dataclass(frozen=True)
class Resolved:
    code: str | None
    province_code: str | None = None
    name: str | None = None
    reason: Message | None = None  # why it was refused
    warning: Message | None = None  # accepted, but say how (typo, alias, successor)
    via: str = "official"  # official | english | typo | alias | office | successor
    candidates: tuple[str, ...] = ()  # refused: the closest codes, closest first


def _code_key(text: str) -> str | None:
    compact = text.replace(" ", "")
    if compact.endswith(".0") and compact[:-2].isdigit():  # 6571.0 from a numeric cell
        compact = compact[:-2]
    return reference.dotted(compact) if _CODE.match(compact) else None


def english_to_indonesian(ws: list[str]) -> list[str]:
    """Word order and words of English place names as Indonesian writes them.

    ['south', 'central', 'timor'] -> ['timor', 'tengah', 'selatan'];
    ['aru', 'islands'] -> ['kepulauan', 'aru']; ['pangkajene', 'and', 'islands'] -> [..., 'dan', 'kepulauan'].
    Indonesian words pass unchanged (none of these English words is Indonesian).
    """
    ws = [_WORD_SPELLINGS.get(w, w) for w in ws]
    if len(ws) >= 2 and ws[-1] in _PLACE_SUFFIXES:
        if ws[-2] == "and":
            ws = ws[:-1] + [_PLACE_SUFFIXES[ws[-1]]]
        else:
            ws = [_PLACE_SUFFIXES[ws[-1]]] + ws[:-1]
    ws = ["dan" if w == "and" else w for w in ws]
    lead: list[str] = []
    while len(ws) > 1:
        pair = tuple(ws[:2])
        if pair in _TWO_WORD_COMPASS and len(ws) > 2:
            lead.append(_TWO_WORD_COMPASS[pair])
            ws = ws[2:]
        elif ws[0] in COMPASS:
            lead.append(ws[0])
            ws = ws[1:]
        else:
            break
    for w in reversed(lead):
        ws = ws + COMPASS[w]
    return ws


def split_name(text: str) -> tuple[list[str], set | None]:
    """A region name as normalised words and the kinds its prefix or suffix allows (None: any)."""
    ws, kinds, _ = _split_name(text)
    return ws, kinds


def _split_name(text: str) -> tuple[list[str], set | None, bool]:
    """split_name, and whether English words were rewritten."""
    text = words(text)
    kinds = None
    for prefix, allowed in _PREFIXES:
        if text.startswith(prefix + " "):
            text, kinds = text[len(prefix) + 1:], allowed
            break
    ws = text.split()
    if len(ws) > 1 and ws[-1] in _SUFFIXES:
        kinds = _SUFFIXES[ws[-1]] if kinds is None else kinds & _SUFFIXES[ws[-1]]
        ws = ws[:-1]
        translated = True
    else:
        translated = False
    out = english_to_indonesian(ws)
    return out, kinds, translated or out != [_WORD_SPELLINGS.get(w, w) for w in ws]


def _province_words(text: str) -> list[str]:
    return english_to_indonesian([w for w in words(text).split() if w not in _PROVINCE_WORDS])


def distinguishing(ws) -> list[str]:
    return [w for w in ws if w in DISTINGUISHING]


def typo_ok(query: list[str], official: list[str], cutoff: float) -> float:
    """How alike two names are when they differ only by letters inside words (0 = not a typo).

    The distinguishing words must be the same, in the same order; the other letters may
    differ by at most TYPO_MAX_LENGTH_GAP in length and must reach `cutoff`.
    """
    if distinguishing(query) != distinguishing(official):
        return 0.0
    q = "".join(w for w in query if w not in DISTINGUISHING)
    o = "".join(w for w in official if w not in DISTINGUISHING)
    if len(o) < 4 or not q or abs(len(q) - len(o)) > TYPO_MAX_LENGTH_GAP:
        return 0.0
    ratio = difflib.SequenceMatcher(None, q, o).ratio()
    return ratio if ratio >= cutoff else 0.0


def _read_aliases() -> list[tuple[str, str, str]]:
    with open(ALIASES_DIR / "alias_kabkota.csv", encoding="utf-8", newline="") as f:
        return [(row["kode"].strip(), row["alias"].strip(), row["jenis"].strip()) for row in csv.DictReader(f)]


def _read_former_provinces() -> dict[str, tuple[str, ...]]:
    with open(ALIASES_DIR / "provinsi_pemekaran.csv", encoding="utf-8", newline="") as f:
        return {row["nama_lama"].strip(): tuple(row["kode_penerus"].split("|")) for row in csv.DictReader(f)}


def _read_english_provinces() -> dict[str, list[str]]:
    with open(ALIASES_DIR / "provinsi_inggris.csv", encoding="utf-8", newline="") as f:
        return {row["kode_prov"]: row["nama_inggris"].split("|") for row in csv.DictReader(f)}


@dataclass(frozen=True)
class OfficeAlias:
    """A spelling an office taught (table region_aliases): `name` means region `code`.
    For a kecamatan, `code` is the kecamatan's code and the alias holds inside its kabupaten/kota."""
    name: str
    code: str


class RegionResolver:
    def __init__(self, regions: pd.DataFrame | None = None):
        regions = reference.regions() if regions is None else regions
        self.regions = regions
        self._by_code = {row.code: row for row in regions.itertuples(index=False)}
        prov = regions[regions["level"] == "provinsi"]
        self._province_name = dict(zip(prov["code"], prov["name"]))
        self._province_keys: dict[str, str] = {}
        for code, name in zip(prov["code"], prov["name"]):
            self._province_keys["".join(_province_words(name))] = code
        for code, aliases in reference.province_aliases().items():
            for alias in aliases:
                self._province_keys.setdefault("".join(_province_words(alias)), code)
        for code, aliases in _read_english_provinces().items():
            for alias in aliases:
                self._province_keys.setdefault("".join(_province_words(alias)), code)
        # A former province (before a split) -> the provinces that succeeded it. A current
        # province's own name reads as itself first, its successors only as a fallback.
        self._successors: dict[str, tuple[str, ...]] = {}
        self._former_name: dict[str, str] = {}
        for former, codes in _read_former_provinces().items():
            k = "".join(_province_words(former))
            if k in self._province_keys:
                self._successors[self._province_keys[k]] = codes
            else:
                self._province_keys[k] = "|".join(codes)
                self._former_name["|".join(codes)] = former
        kab = regions[regions["level"] == "kabupaten_kota"]
        self._kab_rows = list(kab.itertuples(index=False))
        self._kab_words = {row.code: split_name(row.short_name)[0] for row in self._kab_rows}
        self._kab_by_key: dict[str, list] = {}
        for row in self._kab_rows:
            for k in {key(row.short_name), "".join(self._kab_words[row.code])}:
                self._kab_by_key.setdefault(k, []).append(row)
        # Published aliases: key -> [(kinds or None, row, jenis)]
        self._aliases: dict[str, list] = {}
        for code, alias, jenis in _read_aliases():
            ws, kinds = split_name(alias)
            self._aliases.setdefault("".join(ws), []).append((kinds, self._by_code[code], jenis))
        kec = regions[regions["level"] == "kecamatan"]
        self._kec: dict[tuple[str, str], str] = {}
        self._kec_words: dict[str, list[str]] = {}
        for kab_code, name, code in zip(kec["kabkota_code"], kec["name"], kec["code"]):
            ws = english_to_indonesian(words(name).split())
            self._kec_words[code] = ws
            self._kec.setdefault((kab_code, key(name)), code)
            self._kec.setdefault((kab_code, "".join(ws)), code)
        # every kecamatan name in the country: without a province such a text is a place, not a typo
        self._kec_names = {k for (_, k) in self._kec}
        self._office_kab: dict[str, list] = {}
        self._office_kec: dict[tuple[str, str], str] = {}
        self._cache: dict = {}

    def with_office_aliases(self, aliases) -> "RegionResolver":
        """This resolver plus an office's taught aliases (OfficeAlias rows); shares the indexes."""
        aliases = list(aliases)
        if not aliases:
            return self
        out = copy.copy(self)
        out._cache, out._office_kab, out._office_kec = {}, {}, {}
        for a in aliases:
            row = self._by_code.get(a.code)
            if row is None:
                continue
            if row.level == "kecamatan":
                k = "".join(english_to_indonesian(words(_KECAMATAN_PREFIX.sub("", words(a.name))).split()))
                out._office_kec[(row.kabkota_code, k)] = row.code
            elif row.level == "kabupaten_kota":
                ws, kinds = split_name(a.name)
                out._office_kab.setdefault("".join(ws), []).append((kinds, row, "office"))
        return out

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
        k = "".join(_province_words(raw))
        code = self._province_keys.get(k) or self._province_keys.get(key(raw))
        if code and "|" in code:  # a former province: its successors narrow the kabupaten/kota
            return Resolved(code, None, raw, via="successor")
        if code:
            return Resolved(code, code, self._province_name[code])
        pool = [c for c in self._province_keys if "|" not in self._province_keys[c]]
        close = difflib.get_close_matches(k, pool, n=2, cutoff=TYPO_CUTOFF)
        codes = {self._province_keys[c] for c in close}
        if len(codes) == 1 and typo_ok(list(_province_words(raw)), list(_province_words(
                self._province_name[next(iter(codes))])), TYPO_CUTOFF):
            code = codes.pop()
            return Resolved(code, code, self._province_name[code], via="typo",
                            warning=msg("ingest_province_read_as", raw=raw, name=self._province_name[code], code=code))
        return Resolved(None, reason=msg("ingest_province_unknown", raw=raw))

    def province_name(self, code: str) -> str:
        """A province's name; a former province's ("Irian Jaya") for its successors' codes."""
        if "|" in code:
            return self._former_name.get(code) or ", ".join(self._province_name.get(c, c) for c in code.split("|"))
        return self._province_name.get(code, code)

    # -- kabupaten/kota -----------------------------------------------------------------
    def kabkota(self, text, province: str | None = None, allow_province: bool = False) -> Resolved:
        """Resolve a kabupaten/kota (or, with allow_province, a provinsi) name or code.

        `province` narrows the search: a province code from the file's province column, or
        what province() returned for a former province ("91|92|93|94|95|96" for Irian Jaya).
        """
        raw = cell_text(text)
        cache_key = ("k", raw, province, allow_province)
        if cache_key not in self._cache:
            bracket = _BRACKET.match(raw)
            self._cache[cache_key] = (self._bracketed(raw, *bracket.groups(), province, allow_province) if bracket
                                      else self._kabkota(raw, province, allow_province))
        return self._cache[cache_key]

    def _bracketed(self, raw: str, outer: str, inner: str, province, allow_province) -> Resolved:
        """'Bandung (Kota)' is Kota Bandung; 'Kab. Kutai Kartanegara (Kukar)' lands only where
        both parts agree (or where one part is not a region at all: a note, a capital town)."""
        if words(inner) in {p for p, _ in _PREFIXES}:
            return self._kabkota(f"{inner} {outer}", province, allow_province)
        a = self._kabkota(outer, province, allow_province)
        b = self._kabkota(inner, province, allow_province)
        if a.code and b.code and a.code != b.code:
            return Resolved(None, reason=msg("ingest_region_ambiguous", raw=raw, options=self._describe(
                [self._by_code[a.code], self._by_code[b.code]])), candidates=(a.code, b.code))
        return a if a.code else b if b.code else self._kabkota(raw, province, allow_province)

    def _describe(self, rows) -> str | Message:
        parts = [f"{r.name} ({r.code}, {self.province_name(r.province_code)})" for r in rows]
        return msg("ingest_two_regions", first=parts[0], second=parts[1]) if len(parts) == 2 else ", ".join(parts)

    def _kabkota(self, raw: str, province: str | None, allow_province: bool) -> Resolved:
        if not raw:
            return Resolved(None, reason=msg("ingest_region_empty"))
        code = _code_key(raw)
        if code:
            return self._by_code_text(raw, code, province, allow_province)
        if words(raw) in {p for p, _ in _PREFIXES}:
            return Resolved(None, reason=msg("ingest_not_a_region_name", raw=raw))
        ws, kinds, translated = _split_name(raw)
        if allow_province and kinds is None:
            p = self._province_keys.get("".join(_province_words(raw)))
            named_as_province = bool(set(words(raw).split()) & _PROVINCE_WORDS)
            if p and "|" not in p and (not province or p == province) and (
                    "".join(ws) not in self._kab_by_key or named_as_province):
                return Resolved(p, p, self._province_name[p])

        inside = set(province.split("|")) if province else None
        # The whole text as one key first: "Kota Baru" is Kabupaten Kotabaru, not a kota named Baru.
        found = self._official(key(raw), None, inside) if kinds else None
        if not found:
            found = self._official("".join(ws), kinds, inside)
        if found:
            via = "english" if translated else "official"
            taught = {row.code for _, row, _ in self._office_kab.get("".join(ws), [])}
            if len(found) > 1 and taught & {r.code for r in found}:
                # "Kupang" names two regions; the office taught which one its files mean.
                found, via = [r for r in found if r.code in taught], "office"
            return self._pick(raw, found, province, kinds, via=via)
        for table, via in ((self._office_kab, "office"), (self._aliases, "alias")):
            rows = [row for alias_kinds, row, _ in table.get("".join(ws), [])
                    if kinds is None or alias_kinds is None or kinds & alias_kinds or row.kind in kinds]
            rows = [r for r in rows if kinds is None or r.kind in kinds]
            if rows:
                return self._pick(raw, list({r.code: r for r in rows}.values()), province, kinds, via=via)
        rows = self._typo(ws, kinds, inside)
        if rows:
            return self._pick(raw, rows, province, kinds, via="typo")
        return self._unknown(raw, ws, kinds, province)

    def _by_code_text(self, raw: str, code: str, province: str | None, allow_province: bool) -> Resolved:
        row = self._by_code.get(code)
        if row is None or row.level == "kecamatan" or (row.level == "provinsi" and not allow_province):
            is_province = row is not None and row.level == "provinsi"
            return Resolved(None, reason=msg("ingest_province_code_unknown" if is_province
                                             else "ingest_region_code_unknown", raw=raw))
        if province and row.province_code not in self._scope(province):
            return Resolved(None, reason=msg("ingest_code_outside_province", raw=raw, name=row.name,
                                             province=self.province_name(province)))
        return Resolved(row.code, row.province_code, row.name)

    def _scope(self, province: str) -> tuple[str, ...]:
        """The provinces a province value covers: itself and, after a split, its successors."""
        if "|" in province:
            return tuple(province.split("|"))
        return self._successors.get(province, (province,))

    def _official(self, k: str, kinds, inside) -> list:
        rows = self._kab_by_key.get(k, [])
        return [r for r in rows if kinds is None or r.kind in kinds]

    def _typo(self, ws: list[str], kinds, inside) -> list:
        if inside is None:
            # No province to narrow the guess: a real kecamatan name ("Jambon" in Ponorogo is not
            # Kota Ambon) or a short name ("Abang", "Kapas") is too likely another place.
            letters = "".join(w for w in ws if w not in DISTINGUISHING)
            if len(letters) < TYPO_MIN_LETTERS_NO_PROVINCE or "".join(ws) in self._kec_names:
                return []
        cutoff = TYPO_CUTOFF if inside else TYPO_CUTOFF_NO_PROVINCE
        scope = set(self._successor_scope(inside)) if inside is not None else None
        scored = []
        for row in self._kab_rows:
            if kinds is not None and row.kind not in kinds:
                continue
            if scope is not None and row.province_code not in scope:
                continue
            score = typo_ok(ws, self._kab_words[row.code], cutoff)
            if score:
                scored.append((score, row))
        if not scored:
            return []
        scored.sort(key=lambda s: -s[0])
        best = scored[0][0]
        # Two names almost equally close: no guess.
        return [row for score, row in scored if score > best - 0.05]

    def _successor_scope(self, inside: set) -> tuple[str, ...]:
        out: list[str] = []
        for p in inside:
            out.extend(self._successors.get(p, (p,)))
        return tuple(out)

    def _pick(self, raw: str, candidates: list, province: str | None, kinds, via: str) -> Resolved:
        """One region among the rows a name matched, narrowed by the province; or a refusal."""
        if province:
            own = [r for r in candidates if r.province_code == province]
            if not own:
                # A former province, or a name now in a province carved out of this one.
                own = [r for r in candidates if r.province_code in self._scope(province)]
                if len(own) == 1 and via == "official":
                    via = "successor"
            if not own:
                return Resolved(None, reason=msg("ingest_region_not_in_province", raw=raw,
                                                 province=self.province_name(province),
                                                 found=self._describe(candidates)),
                                candidates=tuple(r.code for r in candidates[:MAX_CANDIDATES]))
            candidates = own
        if len(candidates) > 1:
            return Resolved(None, reason=msg("ingest_region_ambiguous", raw=raw, options=self._describe(candidates)),
                            candidates=tuple(r.code for r in candidates[:MAX_CANDIDATES]))
        row = candidates[0]
        warning = None
        if via == "typo":
            warning = msg("ingest_region_typo", raw=raw, name=row.name, code=row.code)
        elif via == "successor":
            warning = msg("regions_read_in_successor", raw=raw, name=row.name, code=row.code,
                          province=self.province_name(row.province_code),
                          former=self.province_name(province))
        elif via != "official":
            warning = msg("regions_read_as", raw=raw, name=row.name, code=row.code)
        return Resolved(row.code, row.province_code, row.name, warning=warning, via=via)

    def closest(self, text, province: str | None = None, within=None, limit: int = MAX_CANDIDATES,
                cutoff: float = CANDIDATE_CUTOFF) -> list[str]:
        """Kabupaten/kota codes closest to a name, closest first (for refusals and the
        teach-once list). `within`: only these codes (a staff member's scope)."""
        ws, kinds = split_name(cell_text(text))
        q = "".join(ws)
        scope = set(self._scope(province)) if province else None
        scored = []
        for row in self._kab_rows:
            if within is not None and row.code not in within:
                continue
            if scope is not None and row.province_code not in scope:
                continue
            o = "".join(self._kab_words[row.code])
            score = difflib.SequenceMatcher(None, q, o).ratio()
            shared = set(w for w in ws if w not in DISTINGUISHING) & set(self._kab_words[row.code])
            score += 0.3 * bool(shared) + 0.05 * (kinds is not None and row.kind in kinds)
            scored.append((score, row.code))
        scored.sort(key=lambda s: (-s[0], s[1]))
        return [code for score, code in scored[:limit] if cutoff is None or score >= cutoff]

    def _unknown(self, raw: str, ws: list[str], kinds, province: str | None) -> Resolved:
        near = tuple(self.closest(raw, province))
        if near:
            options = ", ".join(f"{self._by_code[c].name} ({c})" for c in near)
            key_ = "regions_unknown_closest_in_province" if province else "regions_unknown_closest"
            params = {"raw": raw, "options": options}
            if province:
                params["province"] = self.province_name(province)
            return Resolved(None, reason=msg(key_, **params), candidates=near)
        return Resolved(None, reason=msg("ingest_region_unknown_in_province", raw=raw,
                                         province=self.province_name(province))
                        if province else msg("ingest_region_unknown", raw=raw))

    def name_of(self, code: str) -> str:
        row = self._by_code.get(code)
        return row.name if row is not None else code

    # -- kecamatan ----------------------------------------------------------------------
    def kecamatan(self, kabkota_code: str, text) -> Resolved:
        """Kecamatan within a kabupaten/kota: Resolved(code) (with a warning when matched
        despite a small spelling difference: 'Guguk Panjang' ~ 'Guguak Panjang', or through
        an office alias), or Resolved(None) with the closest names when not known there."""
        raw = cell_text(text)
        cache_key = ("c", kabkota_code, raw)
        if cache_key not in self._cache:
            self._cache[cache_key] = self._kecamatan(kabkota_code, raw)
        return self._cache[cache_key]

    def _kecamatan(self, kabkota_code: str, raw: str) -> Resolved:
        code = _code_key(raw)
        if code and code.startswith(kabkota_code + ".") and code in self._by_code:
            return Resolved(code, name=self._by_code[code].name)
        named = _KECAMATAN_PREFIX.sub("", words(raw))
        ws = english_to_indonesian(named.split())
        for k in (key(named), "".join(ws)):
            found = self._kec.get((kabkota_code, k))
            if found:
                return Resolved(found, name=self._by_code[found].name)
        found = self._office_kec.get((kabkota_code, "".join(ws)))
        if found:
            name = self._by_code[found].name
            return Resolved(found, name=name, via="office",
                            warning=msg("ingest_kecamatan_read_as", raw=raw, name=name, code=found))
        pool = self._kec_codes_of(kabkota_code)
        scored = sorted(((typo_ok(ws, self._kec_words[c], TYPO_CUTOFF), c) for c in pool), reverse=True)
        if scored and scored[0][0] and (len(scored) == 1 or scored[1][0] < scored[0][0] - 0.05):
            found = scored[0][1]
            name = self._by_code[found].name
            return Resolved(found, name=name, via="typo",
                            warning=msg("ingest_kecamatan_read_as", raw=raw, name=name, code=found))
        return Resolved(None, reason=msg("ingest_kecamatan_unknown", raw=raw),
                        candidates=tuple(self.closest_kecamatan(kabkota_code, raw)))

    def closest_kecamatan(self, kabkota_code: str, text, limit: int = MAX_CANDIDATES,
                          cutoff: float | None = CANDIDATE_CUTOFF) -> list[str]:
        q = "".join(english_to_indonesian(_KECAMATAN_PREFIX.sub("", words(cell_text(text))).split()))
        scored = sorted(((difflib.SequenceMatcher(None, q, "".join(self._kec_words[c])).ratio(), c)
                         for c in self._kec_codes_of(kabkota_code)), key=lambda s: (-s[0], s[1]))
        return [c for score, c in scored[:limit] if cutoff is None or score >= cutoff]

    def _kec_codes_of(self, kabkota_code: str) -> list[str]:
        cache_key = ("kec-pool", kabkota_code)
        if cache_key not in self._cache:
            self._cache[cache_key] = [c for c in self._kec_words if c.startswith(kabkota_code + ".")]
        return self._cache[cache_key]


@functools.cache
def region_resolver() -> RegionResolver:
    """The resolver every parser shares (built once: it indexes every region name)."""
    return RegionResolver()


def office_aliases(db) -> list[OfficeAlias]:
    """The aliases this office taught (table region_aliases, written by waspada.aliases);
    [] without a database, or for an older file without the table."""
    if db is None or not db.exists():
        return []
    try:
        df = db.query_df("SELECT name, code FROM region_aliases ORDER BY alias_id")
    except duckdb.CatalogException:
        return []
    return [OfficeAlias(name, code) for name, code in zip(df["name"], df["code"])]


def resolver_for(db) -> RegionResolver:
    """The shared resolver plus this database's office aliases: what every load uses."""
    return region_resolver().with_office_aliases(office_aliases(db))
