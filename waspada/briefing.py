"""The Forkopimda briefing as plain data: seven slides for a province, phase and date.

Every number comes from waspada.queries, waspada.risk and waspada.compliance — the same
functions the dashboard pages call — so a slide never disagrees with the dashboard. The
screen (app_pages/briefing.py), the PowerPoint and the PDF (waspada/reports/) all draw
the ``Briefing`` returned by ``build_briefing``; none of them computes anything.

Slides, in order (``SLIDE_KEYS``):

1. ``situasi`` — the situation in one sentence and four figures (those of Ringkasan);
2. ``peta`` — the risk map of the province's kabupaten/kota;
3. ``rawan`` — the riskiest regions with the model's reasons;
4. ``baru`` — what is new since the last saved briefing (incidents, alerts, categories that
   rose, alerts closed); without a saved briefing, since 7 days before;
5. ``tindak_lanjut`` — the follow-up: open alerts with who is responsible and their age;
6. ``tahapan`` — the timeline, the coming phase and the regions entering it at high risk;
7. ``kepatuhan`` — which kabupaten/kota have not sent this week's report.

Table cells are finished text (Indonesian number and date formats), so every output
shows the same characters. No streamlit here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING

import pandas as pd

from waspada import alert_work, compliance, queries, reference
from waspada.db import Database
from waspada.risk.model import ScheduleMissing
from waspada.i18n import (
    MessageError, fmt_date, fmt_datetime, fmt_number, fmt_signed, incident_category_name, phase_name, risk_word, t,
)

if TYPE_CHECKING:
    from waspada.accounts import Accounts, User

SLIDE_KEYS = ("situasi", "peta", "rawan", "baru", "tindak_lanjut", "tahapan", "kepatuhan")
TOP_N = 5  # riskiest regions on slide 3: what a room can read from the back
MAX_ROWS = 8  # longest table on a slide; the rest is counted in a note
_RANK = {"rendah": 0, "sedang": 1, "tinggi": 2}

@dataclass
class Figure:
    label: str
    value: str
    delta: str | None = None  # "+3" against the comparison period, if any
    aside: str | None = None  # said beside the figure: "5 kejadian lain (non-pemilihan)"


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]
    title: str | None = None
    hidden: int = 0  # rows left out to fit the slide ("… dan 12 lainnya")

    def note(self, lang: str) -> str | None:
        return t("briefing_more_rows", lang, n=fmt_number(self.hidden)) if self.hidden else None

    def shown(self, n: int) -> "Table":
        """The first n rows, the rest counted as hidden (exports that fit a smaller box)."""
        if n >= len(self.rows):
            return self
        return Table(self.columns, self.rows[:n], self.title, self.hidden + len(self.rows) - n)


@dataclass
class Slide:
    key: str
    title: str
    text: str
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    visual: str | None = None  # 'map' | 'categories' | 'timeline'


@dataclass(frozen=True)
class SavedBriefing:
    id: int
    province: str
    saved_at: datetime
    saved_by: str
    as_of: date
    phase: str
    note: str | None


@dataclass
class Briefing:
    province: str
    province_name: str
    as_of: date
    phase: str | None
    lang: str
    slides: list[Slide]
    footer: str
    generated: bool
    since: date  # first day of "what is new"
    previous: SavedBriefing | None
    # What the pictures are drawn from (the same frames the slides' numbers come from).
    scores: pd.DataFrame | None = None
    schedule: pd.DataFrame | None = None
    new_by_category: pd.DataFrame | None = None
    compliance: pd.DataFrame | None = None

    def slide(self, key: str) -> Slide:
        return next(s for s in self.slides if s.key == key)


# -- saved briefings ------------------------------------------------------------------------
class BriefingSaveRefused(MessageError):
    """The user may not save a briefing for that province."""


def briefing_province_allowed(user: User, province: str) -> bool:
    """Who may save a briefing, and for which province: the roles that may write
    ('upload': staf and admin; pimpinan reads), staf only for their own province."""
    if not user.can("upload"):
        return False
    if user.role != "staf":
        return True
    provinces = reference.regions().set_index("code")["province_code"]
    own = user.province_code or next((provinces.get(c) for c in user.regions), None)
    return own is not None and own == province


def save_briefing(db: Database, accounts: Accounts, user: User, *, province: str, as_of: date, phase: str,
                  note: str | None = None, now: datetime | None = None) -> int:
    """Store a briefing record (the next briefing compares against it) for ``user``, who
    must be allowed that province (briefing_province_allowed); returns its id. Saving and
    a refusal are both written to the audit trail."""
    names = reference.regions().set_index("code")["name"]
    province_name = str(names.get(province, province))
    if not briefing_province_allowed(user, province):
        accounts.audit(user.username, "briefing_save_refused", province,
                       {"province": province, "as_of": as_of.isoformat(), "role": user.role,
                        "own_province": user.province_code})
        if not user.can("upload"):
            raise BriefingSaveRefused("briefing_save_not_permitted")
        raise BriefingSaveRefused("briefing_save_out_of_scope", province=province_name,
                                  scope=str(names.get(user.province_code, user.province_code or "–")))
    if phase not in reference.PHASES:
        raise ValueError(f"Tahapan tidak dikenal: {phase!r}.")
    saved_by = (user.display_name or user.username).strip()
    now = now or datetime.now(timezone.utc)
    with db.writer() as con:
        briefing_id = con.execute(
            "INSERT INTO briefings (province, saved_at, saved_by, as_of, phase, note) VALUES (?, ?, ?, ?, ?, ?)"
            " RETURNING id",
            [province, now, saved_by, as_of, phase, (note or "").strip() or None],
        ).fetchall()[0][0]
    accounts.audit(user.username, "briefing_saved", province,
                   {"briefing_id": int(briefing_id), "province": province, "as_of": as_of.isoformat(),
                    "phase": phase})
    return briefing_id


def saved_briefings(cur, *, province: str) -> list[SavedBriefing]:
    """The province's saved briefings, latest date first."""
    # Through a DataFrame: a TIMESTAMPTZ fetched as a Python value would need pytz.
    df = cur.execute(
        "SELECT id, province, saved_at, saved_by, as_of, phase, note FROM briefings WHERE province = ?"
        " ORDER BY as_of DESC, saved_at DESC, id DESC",
        [province],
    ).df()
    return [SavedBriefing(id=int(r.id), province=r.province, saved_at=r.saved_at.to_pydatetime(),
                          saved_by=r.saved_by, as_of=pd.Timestamp(r.as_of).date(), phase=r.phase,
                          note=None if pd.isna(r.note) else r.note) for r in df.itertuples()]


def previous_briefing(cur, *, province: str, as_of: date) -> SavedBriefing | None:
    """The latest saved briefing of the province about an earlier date than ``as_of``."""
    return next((b for b in saved_briefings(cur, province=province) if b.as_of < as_of), None)


# -- building -------------------------------------------------------------------------------
def risk_or_none(fn, *args, **kwargs):
    """A risk result, or None when the election's schedule is not loaded (the one failure
    a briefing or report shows as "no risk data"); any other error is a bug and surfaces."""
    try:
        return fn(*args, **kwargs)
    except ScheduleMissing:
        return None


def _limit(rows: list[list[str]]) -> tuple[list[list[str]], int]:
    """At most MAX_ROWS rows, and how many were left out."""
    return rows[:MAX_ROWS], max(0, len(rows) - MAX_ROWS)


def period_label(start: date, end: date, lang: str = "id") -> str:
    """'18–24 November 2024', '28 Oktober – 3 November 2024', '30 Desember 2024 – 5 Januari 2025'."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{fmt_date(end, lang)}"
    if start.year == end.year:
        return f"{fmt_date(start, lang).rsplit(' ', 1)[0]} – {fmt_date(end, lang)}"
    return f"{fmt_date(start, lang)} – {fmt_date(end, lang)}"


def _week_label(start: date, lang: str) -> str:
    return period_label(start, start + timedelta(days=6), lang)


def build_briefing(cur, *, province: str, as_of: date, phase: str | None = None, lang: str = "id",
                   previous: SavedBriefing | None | str = "latest",
                   rules: compliance.ReportingRules | None = None,
                   election_related: bool | None = True, athg: str | None = None,
                   source_kind: str | None = None) -> Briefing:
    """The six slides for ``province`` on ``as_of``; ``phase`` None = the phase of the date.

    ``previous`` is the saved briefing "what is new" starts after: 'latest' looks it up
    (``previous_briefing``), None compares with the 7 days up to ``as_of``.
    election_related / athg / source_kind choose the incidents counted (the Pilkada default:
    election-related, with the others counted beside the figures); risk is never filtered.
    """
    scope = {"election_related": election_related, "athg": athg, "source_kind": source_kind}
    regions = reference.regions().set_index("code")
    area = str(regions.loc[province, "name"]) if province in regions.index else province
    prog = queries.phase_progress(cur, as_of=as_of)
    has_schedule = prog["status"] != "no_schedule"
    phase = phase or prog.get("phase")
    if phase is None and has_schedule and prog["status"] != "after":
        phase = risk_or_none(_current_phase, cur, as_of)
    # phase None after Pilkada 2024's schedule: each region in its own phase (a 2025 re-vote's,
    # or outside the schedule), as the dashboard's map shows it
    if previous == "latest":
        previous = previous_briefing(cur, province=province, as_of=as_of)
    since = previous.as_of + timedelta(days=1) if previous else as_of - timedelta(days=6)
    fresh = queries.data_freshness(cur)

    scores = None
    if has_schedule:
        scores = risk_or_none(_scores_at, cur, as_of=as_of, phase=phase, province=province)
    slides = [
        _situation(cur, province, area, as_of, prog, has_schedule, lang, scope),
        _map_slide(area, phase, scores, lang, as_of if has_schedule and phase is None else None),
        _riskiest(scores, lang),
    ]
    add_pilkada_facts(slides[0], cur, province, area, lang)
    new_slide, new_by_category = _new_since(cur, province, as_of, phase, since, previous, scores, has_schedule, lang,
                                            scope)
    slides.append(new_slide)
    slides.append(_follow_up(cur, province, as_of, lang))
    sched = queries.schedule(cur)
    slides.append(_coming_phase(cur, province, as_of, sched, has_schedule, lang))
    comp = compliance.compliance(cur, province=province, as_of=as_of, rules=rules)
    slides.append(_compliance_slide(comp, as_of, rules or compliance.load_rules(), lang))
    # Overdue actions go with the follow-up of open alerts; actions done with what is new.
    add_action_parts(next(s for s in slides if s.key == "baru"), next(s for s in slides if s.key == "tindak_lanjut"),
                     cur, province, as_of, since, lang)

    freshness = (t("freshness", lang, when=fmt_datetime(fresh["loaded_at"], province, lang))
                 if fresh["loaded_at"] is not None else t("freshness_none", lang))
    generated = bool(fresh["generated_incidents"] or fresh["generated_sources"])
    footer = t("briefing_footer", lang, area=area, date=fmt_date(as_of, lang), freshness=freshness)
    if generated:
        footer += " · " + t("briefing_generated_footer", lang)
    return Briefing(province=province, province_name=area, as_of=as_of, phase=phase, lang=lang, slides=slides,
                    footer=footer, generated=generated, since=since, previous=previous, scores=scores,
                    schedule=sched, new_by_category=new_by_category, compliance=comp)


def pilkada_facts(cur, province: str, area: str, lang: str) -> str | None:
    """One sentence of Pilkada 2024 facts for the province: the governor's race (pairs or
    calon tunggal), its kab/kota with a single candidate, and its 2025 re-runs with their day."""
    facts = queries.contest_facts(cur)
    if facts.empty:
        return None
    names = reference.regions().set_index("code")["name"]
    parts = []
    gov = facts[facts["region_code"] == province]
    if not gov.empty and pd.notna(gov.iloc[0]["n_pairs"]):
        r = gov.iloc[0]
        what = (t("realdata_single_candidate", lang) if r["single_candidate"]
                else t("realdata_pairs", lang, n=fmt_number(int(r["n_pairs"]))))
        parts.append(t("realdata_briefing_race", lang, race=t("realdata_race_gubernur", lang), what=what))
    inside = facts[facts["region_code"].str.startswith(province + ".") | (facts["region_code"] == province)]
    single = [str(names.get(c, c)) for c in inside.loc[inside["single_candidate"] & (inside["region_code"] != province),
                                                        "region_code"]]
    if single:
        parts.append(t("realdata_briefing_single", lang, names=", ".join(single)))
    for r in inside[inside["rerun_id"].notna()].itertuples(index=False):
        key = "realdata_rerun_psu" if r.rerun_kind == "psu" else "realdata_rerun_ulang"
        parts.append(t("realdata_briefing_rerun", lang, name=str(names.get(r.region_code, r.region_code)),
                       what=t(key, lang, date=fmt_date(pd.Timestamp(r.rerun_on).date(), lang))))
    return t("realdata_briefing_facts", lang, area=area, facts="; ".join(parts)) if parts else None


def add_pilkada_facts(slide: Slide, cur, province: str, area: str, lang: str) -> None:
    """Append the Pilkada 2024 facts sentence to the situation slide's text."""
    sentence = pilkada_facts(cur, province, area, lang)
    if sentence:
        slide.text = f"{slide.text} {sentence}"


def _current_phase(cur, as_of):
    from waspada import risk

    return risk.current_phase(cur, as_of)


def others_aside(scope: dict, others: int, lang: str) -> str | None:
    """What an election-related incident figure says beside it: how many others the same
    filters leave out. None for any other scope (its figures count what the scope says)."""
    if scope.get("election_related") is not True:
        return None
    return t("scope_others_beside", lang, n=fmt_number(others))


def _situation(cur, province, area, as_of, prog, has_schedule, lang, scope) -> Slide:
    head = queries.incident_headline(cur, as_of=as_of, province=province, **scope)
    others = queries.incident_headline(cur, as_of=as_of, province=province, **(scope | {"election_related": False}))
    election_only = scope["election_related"] is True
    risk_head = risk_or_none(queries.risk_headline, cur, as_of=as_of, province=province) if has_schedule else None
    risk_head = risk_head or dict.fromkeys(("high", "high_prev", "alerts", "alerts_prev"))
    head |= risk_head
    values = dict(
        date=fmt_date(as_of, lang), incidents=fmt_number(head["incidents"]),
        delta=fmt_signed(head["incidents"] - head["incidents_prev"]),
        high=fmt_number(head["high"]), alerts=fmt_number(head["alerts"]),
    )
    if prog.get("status") == "during":
        text = t("briefing_s1_during", lang, phase=phase_name(prog["phase"], lang).lower(), day=prog["day"],
                 days=prog["days"], **values)
    else:
        text = t("briefing_s1_outside", lang, **values)
    figures = []
    for label, now, before in (
            ("metric_incidents_election" if election_only else "metric_incidents", head["incidents"],
             head["incidents_prev"]),
            ("metric_casualties_election" if election_only else "metric_casualties", head["casualties"],
             head["casualties_prev"]),
            ("metric_high", head["high"], head["high_prev"]),
            ("metric_alerts", head["alerts"], head["alerts_prev"])):
        figures.append(Figure(
            t(label, lang), fmt_number(now) if now is not None else "–",
            fmt_signed(now - before) if now is not None and before is not None else None,
        ))
    figures[0].aside = others_aside(scope, others["incidents"], lang)
    return Slide("situasi", t("briefing_title_situasi", lang, area=area), text, figures=figures)


def _scores_at(cur, *, as_of, phase, province):
    """The kab/kota scores of a phase, or with phase None each region's in its own phase."""
    if phase is None:
        return queries.risk_scores_on(cur, as_of=as_of, level="kabupaten_kota", province=province)
    return queries.risk_scores(cur, as_of=as_of, level="kabupaten_kota", phase=phase, province=province)


def _map_slide(area, phase, scores, lang, own_phase_on=None) -> Slide:
    """own_phase_on: the date when each region is scored in its own phase (after Pilkada
    2024's schedule), else None."""
    if own_phase_on is not None:
        title = t("rerun_map_title_own_phase", lang, area=area, date=fmt_date(own_phase_on, lang))
        if scores is None or scores.empty:
            return Slide("peta", title, t("no_scores", lang), visual="map")
        counts = scores["category"].value_counts()
        text = t("rerun_briefing_s2", lang, date=fmt_date(own_phase_on, lang), total=fmt_number(len(scores)),
                 **{c: fmt_number(counts.get(c, 0)) for c in _RANK})
        return Slide("peta", title, text, tables=[_category_table(scores, lang)], visual="map")
    title = t("map_title", lang, area=area, phase=phase_name(phase, lang))
    if scores is None or scores.empty:
        return Slide("peta", title, t("briefing_s2_none", lang, phase=phase_name(phase, lang).lower()), visual="map")
    counts = scores["category"].value_counts()
    text = t("briefing_s2", lang, phase=phase_name(phase, lang).lower(), total=fmt_number(len(scores)),
             **{c: fmt_number(counts.get(c, 0)) for c in _RANK})
    return Slide("peta", title, text, tables=[_category_table(scores, lang)], visual="map")


def _category_table(scores, lang) -> Table:
    rows = []
    for cat in ("tinggi", "sedang", "rendah"):
        names = scores.loc[scores["category"] == cat].sort_values("score", ascending=False)["region_name"]
        rows.append([risk_word(cat, lang), fmt_number(len(names)), ", ".join(names) or "–"])
    return Table([t("category", lang), t("briefing_count", lang), t("briefing_regions", lang)], rows)


def _reason_col(lang: str) -> str:
    return "reason_en" if lang == "en" else "reason_id"


def _riskiest(scores, lang) -> Slide:
    title = t("briefing_title_rawan", lang)
    if scores is None or scores.empty:
        return Slide("rawan", title, t("briefing_no_risk", lang) if scores is None else t("no_scores", lang))
    top = scores.sort_values("score", ascending=False).head(TOP_N)
    first = top.iloc[0]
    text = t("briefing_s3", lang, name=first["region_name"], score=fmt_number(first["score"], 1),
             category=risk_word(first["category"], lang))
    rows = [[r["region_name"], fmt_number(r["score"], 1), risk_word(r["category"], lang), r[_reason_col(lang)]]
            for _, r in top.iterrows()]
    table = Table([t("name", lang), t("score", lang), t("category", lang), t("reason", lang)], rows)
    return Slide("rawan", title, text, tables=[table])


def _new_since(cur, province, as_of, phase, since, previous, scores, has_schedule, lang, scope):
    incidents = queries.incidents(cur, start=since, end=as_of, province=province, **scope)
    others = queries.incident_totals(cur, start=since, end=as_of, province=province,
                                     **(scope | {"election_related": False}))["n"]
    election_only = scope["election_related"] is True
    by_cat = (incidents.groupby("category", as_index=False)
              .agg(n=("id", "size"), injured=("injured", "sum"), killed=("killed", "sum"))
              .sort_values(["n", "category"], ascending=[False, True]).reset_index(drop=True))
    by_cat["label"] = [incident_category_name(c, lang) for c in by_cat["category"]]

    alerts = None
    rose_rows: list[list[str]] = []
    if has_schedule:
        from waspada import risk

        alerts = risk_or_none(risk.current_alerts, cur, as_of=as_of, province=province, days=(as_of - since).days + 1)
        if scores is not None and not scores.empty:
            if previous is not None:
                before = risk_or_none(_scores_at, cur, as_of=previous.as_of, phase=previous.phase, province=province)
            else:
                before = risk_or_none(_scores_at, cur, as_of=since - timedelta(days=1), phase=phase, province=province)
            if before is not None and not before.empty:
                merged = scores.merge(before[["region_code", "category"]], on="region_code", suffixes=("", "_before"))
                merged = merged[merged["category"].map(_RANK) > merged["category_before"].map(_RANK)]
                for _, r in merged.sort_values("score", ascending=False).iterrows():
                    rose_rows.append([r["region_name"], risk_word(r["category_before"], lang),
                                      risk_word(r["category"], lang)])
    n_alerts = len(alerts) if alerts is not None else None
    if previous is not None:
        since_text = t("briefing_since_saved", lang, date=fmt_date(previous.as_of, lang),
                       saved=fmt_datetime(previous.saved_at, province, lang))
    else:
        since_text = t("briefing_since_default", lang, date=fmt_date(since, lang))
    text = t("briefing_s4", lang, since=since_text, incidents=fmt_number(len(incidents)),
             alerts=fmt_number(n_alerts) if n_alerts is not None else "–", rose=fmt_number(len(rose_rows)))
    figures = [
        Figure(t("briefing_new_incidents_election" if election_only else "briefing_new_incidents", lang),
               fmt_number(len(incidents)), aside=others_aside(scope, others, lang)),
        Figure(t("briefing_new_casualties_election" if election_only else "briefing_new_casualties", lang),
               fmt_number(int((incidents["injured"] + incidents["killed"]).sum()))),
        Figure(t("briefing_new_alerts", lang), fmt_number(n_alerts) if n_alerts is not None else "–"),
        Figure(t("briefing_rose", lang), fmt_number(len(rose_rows))),
    ]
    tables = []
    if alerts is not None and not alerts.empty:
        rows = [[fmt_date(r["triggered_on"], lang), r["region_name"], r[_reason_col(lang)]]
                for _, r in alerts.iterrows()]
        # Four at most: alert reasons are long sentences and the slide also has a chart.
        tables.append(Table([t("date", lang), t("name", lang), t("reason", lang)], rows[:4],
                            title=t("briefing_new_alerts", lang), hidden=max(0, len(rows) - 4)))
    if rose_rows:
        rows, hidden = _limit(rose_rows)
        tables.append(Table([t("name", lang), t("briefing_from", lang), t("briefing_to", lang)], rows,
                            title=t("briefing_rose", lang), hidden=hidden))
    # Alerts closed since the last briefing was saved (closing is dated when it happens, not by as_of).
    closed_from = previous.saved_at if previous is not None else datetime.combine(since, datetime.min.time(), timezone.utc)
    closed = alert_work.closed_since(cur, since=closed_from, province=province)
    if not closed.empty:
        rows, hidden = _limit([[r.region_name, alert_status_word(r.status, lang), r.owner or "–"]
                               for r in closed.itertuples()])
        tables.append(Table([t("name", lang), t("alerts_col_status", lang), t("alerts_col_owner", lang)], rows,
                            title=t("briefing_closed_alerts", lang), hidden=hidden))
    slide = Slide("baru", t("briefing_title_baru", lang), text, figures=figures, tables=tables,
                  visual="categories" if not by_cat.empty else None)
    return slide, by_cat


def alert_status_word(status: str, lang: str) -> str:
    return t(alert_work.STATUS_TEXT[status], lang)


def _follow_up(cur, province, as_of, lang) -> Slide:
    """Open alerts of the province raised by as_of: who is responsible and how long they have waited."""
    alerts = alert_work.alert_list(cur, province=province, as_of=as_of, statuses=alert_work.OPEN_STATUSES)
    unowned = int(alerts["owner"].isna().sum()) if not alerts.empty else 0
    text = t("briefing_open_alerts_text", lang, n=fmt_number(len(alerts)), unowned=fmt_number(unowned))
    tables = []
    if not alerts.empty:
        ages = (pd.Timestamp(as_of) - pd.to_datetime(alerts["triggered_on"])).dt.days.clip(lower=0)
        rows, hidden = _limit([[fmt_date(r.triggered_on, lang), r.region_name, alert_status_word(r.status, lang),
                                r.owner if isinstance(r.owner, str) else t("alerts_nobody", lang), fmt_number(age)]
                               for r, age in zip(alerts.itertuples(), ages)])
        tables.append(Table([t("date", lang), t("name", lang), t("alerts_col_status", lang), t("alerts_col_owner", lang),
                             t("alerts_col_age", lang)], rows, title=t("briefing_open_alerts", lang), hidden=hidden))
    return Slide("tindak_lanjut", t("briefing_title_tindak_lanjut", lang), text, tables=tables)


def _coming_phase(cur, province, as_of, sched, has_schedule, lang) -> Slide:
    title = t("briefing_title_tahapan", lang)
    if not has_schedule or sched.empty:
        return Slide("tahapan", title, t("no_schedule", lang))
    coming = sched[sched["starts_on"] > as_of]
    if coming.empty:
        return Slide("tahapan", title, t("briefing_s5_none", lang, date=fmt_date(as_of, lang)), visual="timeline")
    nxt = coming.iloc[0]
    from waspada import risk

    days_until = (nxt["starts_on"] - as_of).days
    ahead = risk_or_none(risk.forward_look, cur, as_of=as_of, horizon_days=days_until, province=province)
    rows = []
    if ahead is not None and not ahead.empty:
        ahead = ahead[(ahead["next_phase"] == nxt["phase"])
                      & ((ahead["current_category"] == "tinggi") | (ahead["next_phase_category"] == "tinggi"))]
        for _, r in ahead.sort_values("score", ascending=False).iterrows():
            rows.append([r["region_name"], fmt_number(r["score"], 1), fmt_number(r["next_phase_score"], 1),
                         risk_word(r["next_phase_category"], lang)])
    n_high = len(rows)
    text = t("briefing_s5", lang, phase=phase_name(nxt["phase"], lang).lower(), date=fmt_date(nxt["starts_on"], lang),
             days=fmt_number(days_until), n=fmt_number(n_high))
    tables = []
    if rows:
        rows, hidden = _limit(rows)
        tables.append(Table([t("name", lang), t("briefing_score_now", lang), t("briefing_score_next", lang),
                             t("category", lang)], rows, hidden=hidden))
    return Slide("tahapan", title, text, tables=tables, visual="timeline")


def _compliance_slide(comp: pd.DataFrame, as_of: date, rules: compliance.ReportingRules, lang: str) -> Slide:
    title = t("briefing_title_kepatuhan", lang)
    if comp.empty:
        return Slide("kepatuhan", title, t("briefing_s6_none", lang))
    counts = compliance.summary(comp)
    week = rules.week_start(as_of)
    text = t("briefing_s6", lang, week=_week_label(week, lang), sudah=fmt_number(counts["sudah"]),
             total=fmt_number(counts["total"]), terlambat=fmt_number(counts["terlambat"]))
    figures = [Figure(t("briefing_fig_sudah", lang), fmt_number(counts["sudah"])),
               Figure(t("briefing_fig_belum", lang), fmt_number(counts["belum"])),
               Figure(t("briefing_fig_terlambat", lang), fmt_number(counts["terlambat"])),
               Figure(t("briefing_fig_total", lang), fmt_number(counts["total"]))]
    rows = [compliance_row(r, lang) for r in comp[comp["status"] != "sudah"].to_dict("records")]
    tables = []
    if rows:
        rows, hidden = _limit(rows)
        tables.append(Table([t("name", lang), t("briefing_status", lang), t("briefing_last_report", lang),
                             t("briefing_late_since", lang)], rows, hidden=hidden))
    return Slide("kepatuhan", title, text, figures=figures, tables=tables)


def compliance_row(r: dict, lang: str) -> list[str]:
    """Name, status, last report week and late-since, as the slide and the reports show them."""
    last = r["last_report_week"]
    late = r["late_since"]
    return [
        r["region_name"],
        t(f"briefing_st_{r['status']}", lang),
        _week_label(last, lang) if last is not None and not pd.isna(last) else t("briefing_never", lang),
        fmt_date(late, lang) if late is not None and not pd.isna(late) else "–",
    ]


# -- the action register (issue 15) ---------------------------------------------------------------
def add_action_parts(new_slide: Slide, late_slide: Slide, cur, province: str, as_of: date, since: date,
                     lang: str) -> None:
    """"What is new" gains the actions done since the last briefing; the slide of what is late
    (reporting) gains the actions past their due date. Nothing is added where there is none."""
    done = queries.actions_done(cur, start=since, end=as_of, province=province)
    if not done.empty:
        rows, hidden = _limit([[fmt_date(r["done_on"], lang), r["region_name"], r["what"], r["result"] or "–"]
                               for _, r in done.sort_values("done_on", ascending=False).iterrows()])
        new_slide.text += " " + t("actions_briefing_done_text", lang, n=fmt_number(len(done)))
        new_slide.tables.append(Table([t("date", lang), t("name", lang), t("actions_col_what", lang),
                                       t("actions_col_result", lang)], rows,
                                      title=t("actions_briefing_done", lang), hidden=hidden))
    late = queries.actions(cur, as_of=as_of, province=province, overdue_only=True)
    if not late.empty:
        rows, hidden = _limit([[r["region_name"], r["what"], r["agency"], r["responsible"] or "–",
                                fmt_date(r["due_on"], lang)] for _, r in late.iterrows()])
        late_slide.text += " " + t("actions_briefing_overdue_text", lang, n=fmt_number(len(late)))
        late_slide.tables.append(Table([t("name", lang), t("actions_col_what", lang), t("actions_col_agency", lang),
                                        t("actions_col_responsible", lang), t("actions_col_due", lang)], rows,
                                       title=t("actions_briefing_overdue", lang), hidden=hidden))
