"""Free-text categories and phases -> taxonomy codes, and phase/election from a date.

The cached instances (category_vocabulary, phase_vocabulary, schedule_for) are what every
kind of file shares."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass

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


@dataclass(frozen=True)
class CategoryMatch:
    """What a category matcher decided: the category (None when it could not), the candidates
    when several fitted equally, the phrases that decided it and where they were read."""

    category: str | None
    candidates: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    came_from: str | None = None  # 'kolom' (jenis_kejadian) or 'uraian'


class CategoryMatcher:
    """Incident text -> taxonomy category, by whole words and phrases, never substrings.

    Precedence, in order: a phrase inside a longer matched phrase does not count ("sengketa"
    inside "sengketa lahan"); a generic phrase ("penganiayaan", "kericuhan", "demo") means its
    election category when the type or the description speaks of the election
    (konteks_pemilihan.csv), else its everyday category; when phrases still point at several
    categories, the longest phrase wins; when none is longer, the description decides
    (weighted phrases: a phrase weighs twice its word count, a description hint its word count)."""

    def __init__(self, categories: pd.DataFrame | None = None, context: list[str] | None = None):
        categories = reference.incident_categories() if categories is None else categories
        context = reference.election_context_phrases() if context is None else context
        self.definite: dict[tuple, set[str]] = {}
        self.election: dict[tuple, set[str]] = {}
        self.hints: dict[tuple, set[str]] = {}
        for row in categories.itertuples(index=False):
            for t in row.synonyms:
                self._add(self.definite, t, row.category)
        written = {*self.definite, *(tuple(words(t).split()) for ts in categories["election_synonyms"] for t in ts)}
        for row in categories.itertuples(index=False):
            # codes and names count as phrases too, unless a synonym list already places them
            # ("unjuk rasa", the code of the election protest, is a generic phrase)
            for t in (row.category, row.name_id, row.name_en):
                if tuple(words(t).split()) not in written:
                    self._add(self.definite, t, row.category)
            for t in row.election_synonyms:
                self._add(self.election, t, row.category)
            for t in row.description_words:
                self._add(self.hints, t, row.category)
        self.context = {tuple(words(t).split()) for t in context if words(t)}
        for row in categories[categories["election_related"]].itertuples(index=False):
            self.context.update(tuple(words(t).split()) for t in row.synonyms if words(t))
        self._by_first: dict[str, list[tuple]] = {}
        self._context_by_first: dict[str, list[tuple]] = {}
        for phrase in self.context:
            self._context_by_first.setdefault(phrase[0], []).append(phrase)
        for phrase in {*self.definite, *self.election, *self.hints, *self.context}:
            self._by_first.setdefault(phrase[0], []).append(phrase)
        self._cache: dict = {}

    @staticmethod
    def _add(table: dict, text: str, category: str) -> None:
        tokens = tuple(words(text).split())
        if tokens:
            table.setdefault(tokens, set()).add(category)

    def _spans(self, tokens: list[str], tables: tuple[dict, ...]) -> list[tuple]:
        """Every phrase of the tables found as whole words, minus those inside a longer one."""
        found = []
        for i, tok in enumerate(tokens):
            for phrase in self._by_first.get(tok, ()):
                if tuple(tokens[i:i + len(phrase)]) == phrase and any(phrase in t for t in tables):
                    found.append((i, i + len(phrase), phrase))
        return [f for f in found
                if not any(g[0] <= f[0] and f[1] <= g[1] and (g[1] - g[0]) > (f[1] - f[0]) for g in found)]

    def has_election_context(self, *texts) -> bool:
        # Any context phrase found as whole words: the longest found is never inside a longer
        # one, so this is whether _spans(tokens, (self.context,)) would be non-empty.
        by_first = self._context_by_first
        for text in texts:
            tokens = words(text).split()
            for i, tok in enumerate(tokens):
                for phrase in by_first.get(tok, ()):
                    if tuple(tokens[i:i + len(phrase)]) == phrase:
                        return True
        return False

    def _categories_of(self, phrase: tuple, election: bool) -> set[str]:
        if election and phrase in self.election:
            return self.election[phrase]
        return self.definite.get(phrase, set())

    def match(self, text, election: bool | None = None) -> tuple[str | None, list[str]]:
        """The category of an incident type as written: (code, []) when it is clear, (None,
        candidates) when not (candidates empty: no phrase known). `election` None: the
        context is read from the text itself."""
        result = self.match_type(text, election)
        return result.category, list(result.candidates)

    def match_type(self, text, election: bool | None = None) -> CategoryMatch:
        cache_key = (text, election) if isinstance(text, (str, int, float)) else None
        if cache_key is not None and cache_key in self._cache:
            return self._cache[cache_key]
        tokens = words(text).split()
        if election is None:
            election = bool(self._spans(tokens, (self.context,)))
        spans = self._spans(tokens, (self.definite, self.election))
        hits = [(len(p), p, self._categories_of(p, election)) for _s, _e, p in spans]
        open_codes = sorted(set().union(*(self.election.get(p, set()) for _n, p, c in hits if not c)) if hits else set())
        hits = [h for h in hits if h[2]]
        result = CategoryMatch(None, tuple(open_codes))
        if hits:
            codes = set().union(*(c for _n, _p, c in hits))
            if len(codes) > 1:  # the longest phrase wins when it alone points at one category
                longest = max(n for n, _p, _c in hits)
                hits = [h for h in hits if h[0] == longest]
                codes = set().union(*(c for _n, _p, c in hits))
            if len(codes) == 1:
                result = CategoryMatch(next(iter(codes)), (), tuple(" ".join(p) for _n, p, _c in hits), "kolom")
            else:
                result = CategoryMatch(None, tuple(sorted(codes | set(open_codes))))
        if cache_key is not None:
            self._cache[cache_key] = result
        return result

    def suggest(self, description, election: bool | None = None) -> CategoryMatch:
        """The category a description points at (weighted phrases), with the words that
        decided; category None when nothing or a tie."""
        tokens = words(description).split()
        if election is None:
            election = bool(self._spans(tokens, (self.context,)))
        score: dict[str, float] = {}
        decided: dict[str, list[str]] = {}
        for _s, _e, phrase in self._spans(tokens, (self.definite, self.election, self.hints)):
            codes = self._categories_of(phrase, election)
            weight = 2.0 * len(phrase)
            if not codes:
                codes, weight = self.hints.get(phrase, set()), float(len(phrase))
            for code in codes:
                if code == "lainnya":
                    continue
                score[code] = score.get(code, 0.0) + weight / len(codes)
                decided.setdefault(code, []).append(" ".join(phrase))
        if not score:
            return CategoryMatch(None)
        ranked = sorted(score.items(), key=lambda kv: -kv[1])
        best, top = ranked[0]
        if len(ranked) > 1 and ranked[1][1] == top:
            return CategoryMatch(None, tuple(sorted(c for c, s in ranked if s == top)))
        return CategoryMatch(best, (), tuple(dict.fromkeys(decided[best])), "uraian")

    def decided_by_type(self, incident_type) -> CategoryMatch | None:
        """What resolve() returns for this type whatever the description: the type's category
        when it is clear, not 'lainnya' and the same with and without election context; else
        None. Memoised per distinct type, so most rows never read their description."""
        cache_key = ("decided", type(incident_type), incident_type)
        try:
            return self._cache[cache_key]
        except (KeyError, TypeError):
            pass
        with_context, without = self.match_type(incident_type, True), self.match_type(incident_type, False)
        result = with_context if with_context == without and with_context.category not in (None, "lainnya") else None
        if isinstance(incident_type, (str, int, float)):
            self._cache[cache_key] = result
        return result

    def resolve(self, incident_type, description="") -> CategoryMatch:
        """The category of one incident: from its type when that is clear (and not 'lainnya'),
        else suggested from its description; 'lainnya' when neither says."""
        decided = self.decided_by_type(incident_type)
        if decided is not None:  # the election context could not change it: skip reading the description
            return decided
        election = self.has_election_context(incident_type, description)
        typed = self.match_type(incident_type, election)
        if typed.category is not None and typed.category != "lainnya":
            return typed
        suggested = self.suggest(description, election)
        if suggested.category is not None:
            return suggested
        return CategoryMatch("lainnya", typed.candidates or suggested.candidates,
                             typed.words, "kolom" if typed.category == "lainnya" else None)


def category_matcher(categories: pd.DataFrame | None = None) -> CategoryMatcher:
    return CategoryMatcher(categories)


def source_matcher() -> TermMatcher:
    """Who reported an incident (data/taxonomy/sumber_laporan.csv), by whole words."""
    terms: dict[str, set[str]] = {}
    for row in reference.report_sources().itertuples(index=False):
        for t in (row.source_kind, row.name_id, row.name_en, *row.synonyms):
            terms.setdefault(t.strip(), set()).add(row.source_kind)
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
        # region or province code -> the local elections held there (most codes: none)
        self._local_by_code: dict[str, tuple[str, ...]] = {}
        for e, (codes, _spans) in self.local.items():
            for code in codes:
                self._local_by_code[code] = self._local_by_code.get(code, ()) + (e,)
        periods = periods[~regional]
        self.periods = list(periods[["election_id", "phase", "starts_on", "ends_on"]].itertuples(index=False, name=None))
        self._starts = [p[2] for p in self.periods]
        spans = periods.groupby("election_id").agg(start=("starts_on", "min"), end=("ends_on", "max"))
        self.elections = sorted(((r.start, r.end, e) for e, r in spans.iterrows()))
        self.first_start = self.elections[0][0]
        self.last_end = max(e[1] for e in self.elections)
        self._cache: dict[dt.date, tuple[str | None, str | None]] = {}

    def holds_local(self, region_code: str | None, province_code: str | None) -> bool:
        """Whether a local election (a re-vote) is held in the region or its province: else
        phase_of and election_of depend on the day alone."""
        return bool(self._local_by_code.get(region_code) or self._local_by_code.get(province_code))

    def _local(self, day: dt.date, region_code: str | None, province_code: str | None):
        """(election_id, phase) of the latest-starting local election of the region whose
        schedule holds the day, else None."""
        if not self.local or (region_code is None and province_code is None):
            return None
        held = self._local_by_code.get(region_code, ()) + self._local_by_code.get(province_code, ())
        if not held:
            return None
        best = None
        for e, (codes, spans) in self.local.items():
            if e not in held:
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
def source_vocabulary() -> TermMatcher:
    """The report-source matcher every parser shares (built once)."""
    return source_matcher()


@functools.cache
def category_vocabulary() -> CategoryMatcher:
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


def schedule_in(cur) -> Schedule | None:
    """The phase periods of the open database (it may hold more elections, and a schedule an
    office loaded), None when it has none; local elections (those with a parent) keep to the
    regions of their contests. The parser and the risk model read the schedule through this."""
    periods = cur.execute("SELECT election_id, phase, starts_on, ends_on FROM election_phases"
                          " ORDER BY election_id, starts_on, phase").fetchall()
    if not periods:
        return None
    local = cur.execute("SELECT c.election_id, c.region_code FROM contests c JOIN elections e USING (election_id)"
                        " WHERE e.parent_election_id IS NOT NULL ORDER BY 1, 2").fetchall()
    return _schedule_of(tuple(periods), tuple(local))


@functools.lru_cache(maxsize=8)
def _schedule_of(periods: tuple, local: tuple) -> Schedule:
    """The Schedule of these rows, built once while they stay the same: every parse and
    every risk computation reads the schedule, and building it takes a tenth of a second."""
    areas: dict[str, set] = {}
    for election_id, region_code in local:
        areas.setdefault(election_id, set()).add(region_code)
    return Schedule(pd.DataFrame(list(periods), columns=["election_id", "phase", "starts_on", "ends_on"]),
                    {e: frozenset(codes) for e, codes in areas.items()})


def schedule_for(db=None) -> Schedule:
    """The database's schedule when given and it has one (schedule_in), else the embedded one."""
    if db is not None and db.exists():
        cur = db.reader()
        try:
            found = schedule_in(cur)
        finally:
            cur.close()
        if found is not None:
            return found
    return reference_schedule()
