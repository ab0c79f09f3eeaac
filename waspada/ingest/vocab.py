"""Free-text categories and phases -> taxonomy codes, and phase/election from a date.

The cached instances (category_vocabulary, phase_vocabulary, schedule_for) are what every
kind of file shares."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re

import pandas as pd

from waspada import reference
from waspada.ingest.text import words


class TermMatcher:
    """Maps text to a code: exact match of the whole text on any term, else the codes of
    terms found as whole words inside it, when they all point at one code. Memoised per distinct text."""

    def __init__(self, terms: dict[str, set[str] | str]):
        self._exact: dict[str, set[str]] = {}
        for term, codes in terms.items():
            w = words(term)
            if w:
                self._exact.setdefault(w, set()).update({codes} if isinstance(codes, str) else codes)
        alternatives = sorted(self._exact, key=len, reverse=True)
        self._pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in alternatives) + r")\b")
        self._cache: dict = {}  # raw cell value -> result

    def match(self, text) -> tuple[str | None, list[str]]:
        """(code, []) when unambiguous; (None, candidate codes) otherwise."""
        try:
            return self._cache[text]
        except (KeyError, TypeError):
            pass
        result = self._match(words(text))
        if isinstance(text, (str, int, float)):
            self._cache[text] = result
        return result

    def _match(self, w: str) -> tuple[str | None, list[str]]:
        if not w:
            return None, []
        exact = self._exact.get(w)
        if exact and len(exact) == 1:
            return next(iter(exact)), []
        found = self._pattern.findall(w)
        codes = set().union(*(self._exact[t] for t in found)) if found else set()
        if len(codes) == 1:
            return codes.pop(), []
        return None, sorted(codes)  # none, or several codes: ambiguous, the caller decides


def category_matcher(categories: pd.DataFrame | None = None) -> TermMatcher:
    categories = reference.incident_categories() if categories is None else categories
    terms: dict[str, set[str]] = {}
    for row in categories.itertuples(index=False):
        for t in [row.category, row.category.replace("_", " "), row.name_id, row.name_en,
                  *row.name_id.split("/"), *row.synonyms]:
            terms.setdefault(t.strip(), set()).add(row.category)
    return TermMatcher(terms)


# Ways staff name the phases, beyond the codes and names in tahapan.csv.
PHASE_SYNONYMS = {
    "persiapan": ["pra tahapan", "pratahapan", "pemutakhiran data pemilih", "coklit", "pencocokan dan penelitian",
                  "penyusunan daftar pemilih", "dukungan perseorangan", "verifikasi dukungan"],
    "pencalonan": ["pendaftaran", "pendaftaran paslon", "pendaftaran calon", "penetapan paslon",
                   "penetapan pasangan calon", "pengundian nomor urut", "verifikasi calon"],
    "kampanye": ["masa kampanye", "debat", "debat publik", "kampanye rapat umum"],
    "masa_tenang": ["tenang", "minggu tenang", "masa tenang kampanye"],
    "pemungutan_suara": ["pungut hitung", "pemungutan", "pemungutan dan penghitungan suara", "penghitungan suara",
                         "pencoblosan", "hari h", "hari pemungutan suara", "pemilihan", "tungsura"],
    "rekapitulasi": ["rekap", "rekapitulasi suara", "rekapitulasi hasil", "rekapitulasi penghitungan suara",
                     "pleno rekapitulasi"],
    "penetapan": ["penetapan hasil", "penetapan calon terpilih", "sengketa", "sengketa hasil", "phpu",
                  "perselisihan hasil", "penetapan dan sengketa"],
    "pelantikan": ["pelantikan kepala daerah"],
}


def phase_matcher() -> TermMatcher:
    terms: dict[str, set[str]] = {}
    for row in reference.phases().itertuples(index=False):
        for t in (row.phase, row.phase.replace("_", " "), row.name_id, row.name_en, *PHASE_SYNONYMS.get(row.phase, [])):
            terms.setdefault(t, set()).add(row.phase)
    return TermMatcher(terms)


class Schedule:
    """Which election and phase a date falls in, from election_phases rows.

    An election held only in some regions (a re-vote or re-election of Pilkada 2024: `areas`
    maps its id to the region codes of its contests, a province code covering its
    kabupaten/kota) is THE election of a date in those regions from the start of its schedule
    to its end: an incident in Kab. Serang on 20 April 2025 falls into the PSU's
    rekapitulasi. Everywhere else, and outside that span, the nationwide elections decide."""

    def __init__(self, periods: pd.DataFrame | None = None, areas: dict[str, frozenset[str]] | None = None):
        if periods is None:
            periods = pd.concat([reference.phase_periods(reference.election_stages()),
                                 reference.phase_periods(reference.revote_rule_stages())], ignore_index=True)
            areas = reference_revote_areas()
        areas = areas or {}
        periods = periods.copy()
        for col in ("starts_on", "ends_on"):
            periods[col] = pd.to_datetime(periods[col]).dt.date
        periods = periods.sort_values("starts_on")
        regional = periods["election_id"].isin(set(areas))
        self.local = {e: (frozenset(areas[e]), sorted(g[["starts_on", "ends_on", "phase"]].itertuples(index=False, name=None)))
                      for e, g in periods[regional].groupby("election_id")}
        periods = periods[~regional]
        self.periods = list(periods[["election_id", "phase", "starts_on", "ends_on"]].itertuples(index=False, name=None))
        self._starts = [p[2] for p in self.periods]
        spans = periods.groupby("election_id").agg(start=("starts_on", "min"), end=("ends_on", "max"))
        self.elections = sorted(((r.start, r.end, e) for e, r in spans.iterrows()))
        self.first_start = self.elections[0][0]
        self.last_end = max(e[1] for e in self.elections)
        self._cache: dict[dt.date, tuple[str | None, str | None]] = {}

    def _local(self, day: dt.date, region_code: str | None, province_code: str | None):
        """(election_id, phase) of the latest-starting local election of the region whose
        schedule holds the day, else None."""
        if not self.local or (region_code is None and province_code is None):
            return None
        best = None
        for e, (codes, spans) in self.local.items():
            if region_code not in codes and province_code not in codes:
                continue
            if spans[0][0] <= day <= max(s[1] for s in spans) and (best is None or spans[0][0] > best[0]):
                phase = next((ph for start, end, ph in spans if start <= day <= end), None)
                best = (spans[0][0], e, phase)
        return (best[1], best[2]) if best else None

    def election_of(self, day: dt.date, region_code: str | None = None, province_code: str | None = None) -> str | None:
        """The election whose period holds the day (a local one of the region first, then the
        latest-starting nationwide one); before all: the first; after all: the one that
        ended last before it."""
        local = self._local(day, region_code, province_code)
        if local:
            return local[0]
        holding = [e for s, end, e in self.elections if s <= day <= end]
        if holding:
            return holding[-1]
        if day < self.first_start:
            return self.elections[0][2]
        past = [(end, e) for s, end, e in self.elections if end < day]
        return max(past)[1] if past else None

    def phase_of(self, day: dt.date, region_code: str | None = None,
                 province_code: str | None = None) -> tuple[str | None, str | None]:
        """(election_id, phase) for a date in a region (kab/kota and province code); (None,
        None) after the last phase of every election that holds there."""
        local = self._local(day, region_code, province_code)
        if local:
            return local
        if day in self._cache:
            return self._cache[day]
        if day < self.first_start:
            result = (self.elections[0][2], "persiapan")
        elif day > self.last_end:
            result = (None, None)
        else:
            election = self.election_of(day)
            result = (election, None)
            i = bisect.bisect_right(self._starts, day)
            for e, phase, start, end in reversed(self.periods[:i]):
                if e == election and start <= day <= end:
                    result = (e, phase)
                    break
        self._cache[day] = result
        return result


def reference_revote_areas() -> dict[str, frozenset[str]]:
    """The embedded re-runs of Pilkada 2024 and the region each is held in."""
    contests = reference.revote_contests()
    return {e: frozenset(g["region_code"]) for e, g in contests.groupby("election_id")}


@functools.cache
def category_vocabulary() -> TermMatcher:
    """The incident-category matcher every parser shares (built once)."""
    return category_matcher()


@functools.cache
def phase_vocabulary() -> TermMatcher:
    """The phase matcher every parser shares (built once)."""
    return phase_matcher()


@functools.cache
def reference_schedule() -> Schedule:
    """The embedded schedule (built once)."""
    return Schedule()


def schedule_for(db=None) -> Schedule:
    """The phase periods of the database when given (it may hold more elections, and a
    schedule an office loaded), else the embedded schedule; local elections (those with a
    parent) keep to the regions of their contests."""
    if db is not None and db.exists():
        periods = db.query_df("SELECT election_id, phase, starts_on, ends_on FROM election_phases")
        if len(periods):
            local = db.query_df("SELECT c.election_id, c.region_code FROM contests c JOIN elections e USING (election_id)"
                                " WHERE e.parent_election_id IS NOT NULL")
            return Schedule(periods, {e: frozenset(g["region_code"]) for e, g in local.groupby("election_id")})
    return reference_schedule()
