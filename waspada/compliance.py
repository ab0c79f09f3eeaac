"""Reporting compliance: which kabupaten/kota have sent this week's report, which are late.

Every kabupaten/kota is expected to report once per reporting week (Monday–Sunday by
default; ``[pelaporan]`` in waspada.toml). What counts as a region's report for a week:

* any incident of that region that occurred in the week (from any upload not withdrawn),
  because a staff member's weekly log lists the incidents of that week — so a log sent a
  few days late still covers the week it is about; or
* a "nihil" record (nothing to report) that staff made for the region and the week
  (table ``report_nihil``, written by ``record_nihil``).

A week's report is due ``tenggat_hari`` days after the week ends. A region is

* ``sudah`` — it has a report for the current week (the week ``as_of`` falls in);
* ``belum`` — no report for the current week yet, but no earlier week is overdue;
* ``terlambat`` — at least one week after its last report is past its due date without a
  report; ``late_since`` is the first day of the first such week.

Only weeks from ``mulai`` (default: the first day of the election schedule) are expected.
No streamlit here; reading takes a DuckDB cursor, writing a ``waspada.db.Database``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import pandas as pd

from waspada import queries, reference
from waspada.accounts import Accounts, User
from waspada.db import Database
from waspada.i18n import MessageError
from waspada.settings import ConfigUnreadable, config_path, read_section

DAY_NAMES = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")
STATUSES = ("sudah", "belum", "terlambat")
COMPLIANCE_COLUMNS = [
    "region_code", "region_name", "status", "reported_via", "last_report_week", "late_since",
    "weeks_late", "weeks_expected", "weeks_reported",
]


class NihilRefused(MessageError, ValueError):
    """A nihil record that cannot be stored: outside the user's scope, a week not begun, an
    unknown region. ``render(lang)`` says why."""


@dataclass(frozen=True)
class ReportingRules:
    week_starts_on: int = 0  # 0 = Monday (date.weekday())
    due_days: int = 1  # the report of a week is due this many days after the week's last day
    start: date | None = None  # first expected week; None = start of the election schedule
    problem: str | None = None  # set when [pelaporan] could not be used as written

    def week_start(self, day: date) -> date:
        return day - timedelta(days=(day.weekday() - self.week_starts_on) % 7)

    def week_end(self, day: date) -> date:
        return self.week_start(day) + timedelta(days=6)

    def due_on(self, week_start: date) -> date:
        return week_start + timedelta(days=6 + self.due_days)


def load_rules(path=None) -> ReportingRules:
    """[pelaporan] of waspada.toml: periode (only "mingguan"), awal_minggu, tenggat_hari, mulai."""
    path = path or config_path()
    try:
        raw = read_section("pelaporan", path)
    except ConfigUnreadable as exc:
        return ReportingRules(problem=str(exc))
    problems = []
    period = str(raw.get("periode", "mingguan")).strip().lower()
    if period != "mingguan":
        problems.append(f"periode '{period}' tidak didukung (hanya 'mingguan')")
    day = str(raw.get("awal_minggu", "senin")).strip().lower()
    if day not in DAY_NAMES:
        problems.append(f"awal_minggu '{day}' bukan nama hari ({', '.join(DAY_NAMES)})")
        day = "senin"
    due = raw.get("tenggat_hari", 1)
    if not isinstance(due, int) or isinstance(due, bool) or not 0 <= due <= 30:
        problems.append(f"tenggat_hari '{due}' harus bilangan bulat 0–30")
        due = 1
    start = raw.get("mulai") or None
    if isinstance(start, str):
        try:
            start = date.fromisoformat(start.strip())
        except ValueError:
            problems.append(f"mulai '{start}' bukan tanggal (YYYY-MM-DD)")
            start = None
    elif start is not None and not isinstance(start, date):
        problems.append(f"mulai '{start}' bukan tanggal (YYYY-MM-DD)")
        start = None
    return ReportingRules(
        week_starts_on=DAY_NAMES.index(day), due_days=due, start=start,
        problem=(f"{path.name} [pelaporan]: " + "; ".join(problems)) if problems else None,
    )


# -- reading ----------------------------------------------------------------------------------
def nihil_records(cur, *, province: str | None = None) -> pd.DataFrame:
    """Nihil records (region_code, week_start, recorded_by, recorded_at), newest week first."""
    df = cur.execute(
        "SELECT region_code, week_start, recorded_by, recorded_at FROM report_nihil"
        " WHERE (CAST(? AS VARCHAR) IS NULL OR split_part(region_code, '.', 1) = ?)"
        " ORDER BY week_start DESC, region_code",
        [province, province],
    ).df()
    df["week_start"] = pd.to_datetime(df["week_start"]).dt.date
    return df


def _first_week(cur, rules: ReportingRules, as_of: date) -> date:
    if rules.start is not None:
        return rules.week_start(rules.start)
    sched = queries.schedule(cur)
    first = sched["starts_on"].min() if not sched.empty else as_of
    return rules.week_start(min(first, as_of))


def reports_by_week(cur, *, province: str, until: date, rules: ReportingRules | None = None) -> pd.DataFrame:
    """(region_code, week_start, via) for every region-week that has a report up to ``until``.

    ``via`` is 'insiden' when incidents of the week exist (they win over a nihil record of
    the same week), else 'nihil'.
    """
    rules = rules or load_rules()
    inc = queries.incidents(cur, end=until, province=province)
    rows = pd.DataFrame({
        "region_code": inc["region_code"].astype(str),
        "week_start": [rules.week_start(d) for d in inc["occurred_on"]],
        "via": "insiden",
    })
    nihil = nihil_records(cur, province=province)
    nihil = nihil[nihil["week_start"] <= until]
    rows = pd.concat([rows, pd.DataFrame({"region_code": nihil["region_code"].astype(str),
                                          "week_start": [rules.week_start(d) for d in nihil["week_start"]],
                                          "via": "nihil"})], ignore_index=True)
    if rows.empty:
        return pd.DataFrame(columns=["region_code", "week_start", "via"])
    rows = rows.sort_values("via").drop_duplicates(["region_code", "week_start"], keep="first")
    return rows.sort_values(["region_code", "week_start"]).reset_index(drop=True)


def compliance(cur, *, province: str, as_of: date, rules: ReportingRules | None = None) -> pd.DataFrame:
    """One row per kabupaten/kota of the province for the week ``as_of`` falls in.

    Columns: COMPLIANCE_COLUMNS. Late regions first (longest late first), then those not
    yet reported, then those reported; by region code within each.
    """
    rules = rules or load_rules()
    regions = queries.kabkota(cur, province=province)
    if regions.empty:
        return pd.DataFrame(columns=COMPLIANCE_COLUMNS)
    current = rules.week_start(as_of)
    first = min(_first_week(cur, rules, as_of), current)
    weeks = [first + timedelta(days=7 * i) for i in range((current - first).days // 7 + 1)]
    reported = reports_by_week(cur, province=province, until=rules.week_end(as_of), rules=rules)
    by_region = {code: dict(zip(g["week_start"], g["via"])) for code, g in reported.groupby("region_code")}
    out = []
    for code, name in zip(regions["code"], regions["name"]):
        done = {w: v for w, v in by_region.get(code, {}).items() if first <= w <= current}
        last = max(done) if done else None
        overdue = [w for w in weeks if w not in done and rules.due_on(w) < as_of and (last is None or w > last)]
        if current in done:
            status = "sudah"
        elif overdue:
            status = "terlambat"
        else:
            status = "belum"
        out.append({
            "region_code": code, "region_name": name, "status": status,
            "reported_via": done.get(current), "last_report_week": last,
            "late_since": overdue[0] if status == "terlambat" else None,
            "weeks_late": len(overdue) if status == "terlambat" else 0,
            "weeks_expected": len(weeks), "weeks_reported": len(done),
        })
    df = pd.DataFrame(out, columns=COMPLIANCE_COLUMNS)
    order = {"terlambat": 0, "belum": 1, "sudah": 2}
    df = df.assign(_o=df["status"].map(order)).sort_values(
        ["_o", "weeks_late", "region_code"], ascending=[True, False, True])
    return df.drop(columns="_o").reset_index(drop=True)


def summary(df: pd.DataFrame) -> dict[str, int]:
    """Counts per status plus the total, for headline figures."""
    counts = df["status"].value_counts() if not df.empty else {}
    return {s: int(counts.get(s, 0)) for s in STATUSES} | {"total": len(df)}


# -- writing ----------------------------------------------------------------------------------
def record_nihil(db: Database, accounts: Accounts, user: User, *, region_code: str, week_of: date,
                 rules: ReportingRules | None = None, now: datetime | None = None) -> bool:
    """Record "nihil" for the reporting week containing ``week_of`` on behalf of ``user``;
    False if already recorded. Only a user who may store incidents for that kabupaten/kota
    (User.upload_regions) may declare it has nothing to report; the record and a refusal
    are both written to the audit trail. Refuses codes that are not a kabupaten/kota and
    weeks that have not begun yet (nothing can be declared for them)."""
    rules = rules or load_rules()
    week = rules.week_start(week_of)
    now = now or datetime.now(timezone.utc)
    allowed = user.upload_regions()
    detail = {"region": region_code, "week_start": week.isoformat(), "role": user.role}
    if allowed is not None and region_code not in allowed:
        accounts.audit(user.username, "nihil_refused", region_code, detail)
        name = reference.regions().set_index("code")["name"].get(region_code, region_code)
        raise NihilRefused("nihil_out_of_scope", region=str(name))
    if week > now.date():
        raise NihilRefused("nihil_week_not_begun", week=week.isoformat())
    recorded_by = (user.display_name or user.username).strip()
    with db.writer() as con:
        known = con.execute("SELECT count(*) FROM regions WHERE code = ? AND level = 'kabupaten_kota'",
                            [region_code]).fetchall()[0][0]
        if not known:
            raise NihilRefused("nihil_unknown_region", region=region_code)
        before = con.execute("SELECT count(*) FROM report_nihil WHERE region_code = ? AND week_start = ?",
                             [region_code, week]).fetchall()[0][0]
        if before:
            return False
        con.execute("INSERT INTO report_nihil (region_code, week_start, recorded_by, recorded_at) VALUES (?, ?, ?, ?)",
                    [region_code, week, recorded_by, now])
    accounts.audit(user.username, "nihil_recorded", region_code, detail)
    return True
