"""Laporan situasi mingguan: the weekly situation report a provincial Kesbangpol sends upward.

One reporting week (Senin–Minggu by default, the same week as reporting compliance,
``[pelaporan]`` in waspada.toml), as an Excel workbook (sheets Ringkasan, Insiden minggu
ini, Per kabupaten/kota, Per kategori, Peringatan) and as a PDF, with the title block,
the period in Indonesian dates, numbered rows, totals, place and date, and the signature
block of the head of the agency (``[laporan]`` in waspada.toml: tempat, kepala_nama,
kepala_nip). The report is an Indonesian document: its words are Indonesian only.

Numbers come from waspada.queries, waspada.risk and waspada.compliance, as on the
dashboard: incidents that occurred in the week, risk scores at the end of the week (in
the phase of that day), alerts triggered in the week. Every text cell passes through
waspada.export.safe_cell, so a description such as ``=HYPERLINK(...)`` stays text.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from waspada import compliance, queries, reference
from waspada.briefing import period_label, risk_or_none
from waspada.export import safe_cell
from waspada.i18n import fmt_date, fmt_number, phase_name, risk_word
from waspada.settings import ConfigUnreadable, read_section

DAY_NAMES_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
TAXONOMY_SHEETS = ("Per terkait pemilihan", "Per kelas ATHG", "Per sumber laporan")
SHEETS = ("Ringkasan", "Insiden minggu ini", "Per kabupaten kota", "Per kategori", *TAXONOMY_SHEETS, "Peringatan",
          "Aksi minggu ini", "Aksi terbuka", "Peringatan terbuka")
REPORTED_WORDS = {"insiden": "ya (laporan insiden)", "nihil": "ya (nihil)", None: "tidak"}
PLACEHOLDER_NAME = "(nama kepala badan)"
PLACEHOLDER_NIP = "(NIP)"


@dataclass(frozen=True)
class ReportSettings:
    place: str = "(tempat)"
    head_name: str = PLACEHOLDER_NAME
    head_nip: str = PLACEHOLDER_NIP


def load_report_settings(path=None) -> ReportSettings:
    """[laporan] of waspada.toml; placeholders where a value is missing (never invented)."""
    try:
        raw = read_section("laporan", path)
    except ConfigUnreadable:
        raw = {}
    base = ReportSettings()
    return ReportSettings(place=str(raw.get("tempat") or base.place).strip(),
                          head_name=str(raw.get("kepala_nama") or base.head_name).strip(),
                          head_nip=str(raw.get("kepala_nip") or base.head_nip).strip())


@dataclass
class Section:
    """One table of the report: its sheet name, heading, columns, rows and total row."""
    sheet: str
    heading: str
    columns: list[str]
    rows: list[list]
    total: list | None = None
    numeric: tuple[int, ...] = ()  # columns right-aligned in the PDF


@dataclass
class WeeklyReport:
    province: str
    province_name: str
    week_start: date
    week_end: date
    signed_on: date
    settings: ReportSettings
    generated: bool
    summary: list[tuple[str, str | int]] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    @property
    def agency(self) -> str:
        return f"BADAN KESATUAN BANGSA DAN POLITIK PROVINSI {self.province_name.upper()}"

    @property
    def title_lines(self) -> list[str]:
        return [f"KEPALA {self.agency}", "LAPORAN SITUASI MINGGUAN PENYELENGGARAAN PILKADA SERENTAK 2024",
                f"Periode: {day_and_date(self.week_start)} s.d. {day_and_date(self.week_end)}"]

    @property
    def place_and_date(self) -> str:
        return f"{self.settings.place}, {fmt_date(self.signed_on, 'id')}"

    @property
    def signature_lines(self) -> list[str]:
        return [self.place_and_date, f"KEPALA {self.agency},", "", "", "", self.settings.head_name,
                f"NIP. {self.settings.head_nip}"]

    def section(self, sheet: str) -> Section:
        return next(s for s in self.sections if s.sheet == sheet)


def day_and_date(d: date) -> str:
    return f"{DAY_NAMES_ID[d.weekday()]}, {fmt_date(d, 'id')}"


def last_complete_week(as_of: date, rules: compliance.ReportingRules | None = None) -> date:
    """First day of the latest reporting week that has ended on or before ``as_of``."""
    rules = rules or compliance.load_rules()
    start = rules.week_start(as_of)
    return start if rules.week_end(as_of) == as_of else start - timedelta(days=7)


def build_weekly(cur, *, province: str, week_of: date, signed_on: date | None = None,
                 settings: ReportSettings | None = None,
                 rules: compliance.ReportingRules | None = None) -> WeeklyReport:
    """The report of the reporting week containing ``week_of``; signed the day after it ends by default."""
    rules = rules or compliance.load_rules()
    settings = settings or load_report_settings()
    start, end = rules.week_start(week_of), rules.week_end(week_of)
    regions = reference.regions().set_index("code")
    name = str(regions.loc[province, "name"]) if province in regions.index else province
    inc = queries.incidents(cur, start=start, end=end, province=province)
    kab = queries.kabkota(cur, province=province)
    prog = queries.phase_progress(cur, as_of=end)
    phase = prog.get("phase")
    scores = None
    if prog["status"] != "no_schedule":
        from waspada import risk

        if prog["status"] == "after":  # each kab/kota in its own phase: a 2025 re-vote's, or outside the schedule
            scores = risk_or_none(queries.risk_scores_on, cur, as_of=end, level="kabupaten_kota", province=province)
        else:
            phase = phase or risk_or_none(risk.current_phase, cur, end)
            scores = risk_or_none(queries.risk_scores, cur, as_of=end, level="kabupaten_kota", phase=phase,
                                  province=province)
        alerts = risk_or_none(risk.current_alerts, cur, as_of=end, province=province, days=7)
    else:
        alerts = None
    reports = compliance.reports_by_week(cur, province=province, until=end, rules=rules)
    reports = reports[reports["week_start"] == start].set_index("region_code")["via"].to_dict()
    fresh = queries.data_freshness(cur)

    # Insiden minggu ini: oldest first, as a log is read.
    inc = inc.sort_values(["occurred_on", "id"]).reset_index(drop=True)
    election = queries.is_election_related(inc["category"])
    inc_rows = [[i + 1, r["occurred_on"], r["region_name"], r["kecamatan_name"], r["desa"], r["category_id"],
                 r["description"], r["perpetrator"], int(r["injured"]), int(r["killed"]), r["source"],
                 ELECTION_WORDS[bool(e)]]
                for (i, r), e in zip(inc.iterrows(), election)]
    incidents = Section("Insiden minggu ini", "Daftar insiden",
                        ["No", "Tanggal", "Kabupaten/kota", "Kecamatan", "Desa", "Kategori", "Uraian", "Pelaku",
                         "Luka", "Meninggal", "Sumber", "Terkait pemilihan"], inc_rows,
                        ["", "Jumlah", "", "", "", "", "", "", int(inc["injured"].sum()), int(inc["killed"].sum()), "",
                         f"{int(election.sum())} ya"],
                        numeric=(0, 8, 9))

    score_of = {} if scores is None else scores.set_index("region_code")[["score", "category"]].to_dict("index")
    counts = inc.groupby("region_code").agg(n=("id", "size"), injured=("injured", "sum"), killed=("killed", "sum"))
    reg_rows = []
    for i, (code, rname) in enumerate(zip(kab["code"], kab["name"])):
        c = counts.loc[code] if code in counts.index else None
        s = score_of.get(code)
        reg_rows.append([i + 1, rname, int(c["n"]) if c is not None else 0, int(c["injured"]) if c is not None else 0,
                         int(c["killed"]) if c is not None else 0,
                         round(float(s["score"]), 1) if s else None, risk_word(s["category"]) if s else "tanpa data",
                         REPORTED_WORDS.get(reports.get(code))])
    per_region = Section("Per kabupaten kota", "Rekapitulasi per kabupaten/kota",
                         ["No", "Kabupaten/kota", "Insiden", "Luka", "Meninggal", "Skor risiko", "Kategori",
                          "Laporan minggu ini"], reg_rows,
                         ["", "Jumlah", len(inc), int(inc["injured"].sum()), int(inc["killed"].sum()), None, "",
                          f"{sum(1 for c in kab['code'] if c in reports)} dari {len(kab)}"],
                         numeric=(0, 2, 3, 4, 5))

    by_cat = (inc.groupby(["category", "category_id"], as_index=False)
              .agg(n=("id", "size"), injured=("injured", "sum"), killed=("killed", "sum"))
              .sort_values(["n", "category"], ascending=[False, True]).reset_index(drop=True))
    per_category = Section("Per kategori", "Rekapitulasi per kategori insiden",
                           ["No", "Kategori", "Insiden", "Luka", "Meninggal"],
                           [[i + 1, r["category_id"], int(r["n"]), int(r["injured"]), int(r["killed"])]
                            for i, r in by_cat.iterrows()],
                           ["", "Jumlah", len(inc), int(inc["injured"].sum()), int(inc["killed"].sum())],
                           numeric=(0, 2, 3, 4))

    alert_rows = []
    if alerts is not None:
        alert_rows = [[i + 1, r["triggered_on"], r["region_name"], _alert_kind(r["kind"]), r["reason_id"]]
                      for i, r in alerts.sort_values(["triggered_on"]).reset_index(drop=True).iterrows()]
    alert_section = Section("Peringatan", "Peringatan dini yang muncul minggu ini",
                            ["No", "Tanggal", "Wilayah", "Jenis", "Uraian"], alert_rows,
                            ["", "Jumlah", len(alert_rows), "", ""], numeric=(0,))

    breakdown = queries.incident_breakdown(cur, start=start, end=end, province=province)
    high = sum(1 for s in score_of.values() if s["category"] == "tinggi")
    summary = [
        ("Tahapan (akhir minggu)", phase_name(phase, "id") if phase else
         (queries.area_standing(cur, as_of=end)["standing_id"] or "–")),
        ("Jumlah insiden", len(inc)),
        *taxonomy_summary(breakdown),
        ("Korban luka", int(inc["injured"].sum())),
        ("Korban meninggal", int(inc["killed"].sum())),
        ("Kabupaten/kota dengan insiden", int(inc["region_code"].nunique())),
        ("Kabupaten/kota rawan tinggi (akhir minggu)", high if scores is not None else "–"),
        ("Peringatan dini", len(alert_rows) if alerts is not None else "–"),
        ("Kabupaten/kota yang melapor", f"{sum(1 for c in kab['code'] if c in reports)} dari {len(kab)}"),
    ]
    follow_up = action_sections(cur, province=province, start=start, end=end) + [open_alert_section(cur, province=province, end=end)]
    summary += follow_up_summary(follow_up)
    return WeeklyReport(province=province, province_name=name, week_start=start, week_end=end,
                        signed_on=signed_on or end + timedelta(days=1), settings=settings,
                        generated=bool(fresh["generated_incidents"] or fresh["generated_sources"]),
                        summary=summary,
                        sections=[incidents, per_region, per_category, *taxonomy_sections(breakdown), alert_section,
                                  *follow_up])


# -- totals by the taxonomy's flags and the report source (issue 13) ----------------------------
ELECTION_WORDS = {True: "ya", False: "tidak"}


def taxonomy_summary(breakdown: pd.DataFrame) -> list[tuple[str, int]]:
    """The summary's lines under "Jumlah insiden": election-related first, then the others."""
    n = breakdown[breakdown["by"] == "election"].set_index("key")["n"]
    return [("Insiden terkait pemilihan", int(n[True])), ("Insiden lain (non-pemilihan)", int(n[False]))]


def taxonomy_sections(breakdown: pd.DataFrame) -> list[Section]:
    """The week's incidents totalled by election-related or not, by ATHG class and by report
    source (queries.incident_breakdown: every group listed, each table summing to the week)."""
    def section(sheet: str, heading: str, by: str, column: str, name) -> Section:
        part = breakdown[breakdown["by"] == by].reset_index(drop=True)
        rows = [[i + 1, name(r["key"]), int(r["n"]), int(r["injured"]), int(r["killed"])] for i, r in part.iterrows()]
        total = ["", "Jumlah", int(part["n"].sum()), int(part["injured"].sum()), int(part["killed"].sum())]
        return Section(sheet, heading, ["No", column, "Insiden", "Luka", "Meninggal"], rows, total,
                       numeric=(0, 2, 3, 4))

    return [
        section("Per terkait pemilihan", "Rekapitulasi menurut keterkaitan dengan pemilihan", "election",
                "Terkait pemilihan", lambda k: "Terkait pemilihan" if k else "Lainnya (non-pemilihan)"),
        section("Per kelas ATHG", "Rekapitulasi menurut kelas ATHG (ancaman, tantangan, hambatan, gangguan)",
                "athg", "Kelas ATHG", lambda k: queries.athg_name(k or None, "id")),
        section("Per sumber laporan", "Rekapitulasi menurut sumber laporan", "source", "Sumber laporan",
                lambda k: queries.source_name(k or None, "id")),
    ]


# -- what was done: the action register and the open alerts (issue 15) -------------------------
def action_sections(cur, *, province: str, start: date, end: date) -> list[Section]:
    """Actions finished in the week (by their done day) and the actions still open as the register
    stands, overdue when their due date passed by the end of the week."""
    done = queries.actions_done(cur, start=start, end=end, province=province)
    done_rows = [[i + 1, r["done_on"], r["region_name"], phase_name(r["phase"], "id"), r["what"], r["agency"],
                  r["responsible"], r["result"]] for i, r in done.iterrows()]
    taken = Section("Aksi minggu ini", "Aksi yang diselesaikan minggu ini",
                    ["No", "Tanggal selesai", "Wilayah", "Tahapan", "Kegiatan", "Instansi", "Penanggung jawab", "Hasil"],
                    done_rows, ["", "Jumlah", len(done_rows), "", "", "", "", ""], numeric=(0,))
    still = queries.actions(cur, as_of=end + timedelta(days=1), province=province, statuses=("rencana", "berjalan"))
    open_rows = [[i + 1, r["region_name"], phase_name(r["phase"], "id"), r["what"], r["agency"], r["responsible"],
                  r["due_on"], r["status"], "ya" if r["overdue"] else "tidak"] for i, r in still.iterrows()]
    opened = Section("Aksi terbuka", "Aksi yang masih terbuka (terlambat: lewat tenggat pada akhir minggu)",
                     ["No", "Wilayah", "Tahapan", "Kegiatan", "Instansi", "Penanggung jawab", "Tenggat", "Status",
                      "Terlambat"], open_rows,
                     ["", "Jumlah", len(open_rows), "", "", "", "", "", f"{int(still['overdue'].sum())} terlambat"],
                     numeric=(0,))
    return [taken, opened]


def open_alert_section(cur, *, province: str, end: date) -> Section:
    """Alerts still open at the end of the week, with their status and owner where recorded."""
    alerts = queries.open_alerts(cur, as_of=end, province=province)
    rows = [[i + 1, r["triggered_on"], r["region_name"], _alert_kind(r["kind"]), r["status"], r["owner"],
             int(r["days_open"])] for i, r in alerts.iterrows()]
    return Section("Peringatan terbuka", "Peringatan dini yang masih terbuka pada akhir minggu",
                   ["No", "Tanggal", "Wilayah", "Jenis", "Status", "Penanggung jawab", "Umur (hari)"], rows,
                   ["", "Jumlah", len(rows), "", "", "", ""], numeric=(0, 6))


def follow_up_summary(sections: list[Section]) -> list[tuple[str, str | int]]:
    by_sheet = {s.sheet: s for s in sections}
    overdue = sum(1 for r in by_sheet["Aksi terbuka"].rows if r[-1] == "ya")
    return [("Aksi selesai minggu ini", len(by_sheet["Aksi minggu ini"].rows)),
            ("Aksi terbuka (terlambat)", f"{len(by_sheet['Aksi terbuka'].rows)} ({overdue} terlambat)"),
            ("Peringatan terbuka", len(by_sheet["Peringatan terbuka"].rows))]


def _alert_kind(kind: str) -> str:
    return {"korban_jiwa": "Korban jiwa", "kategori_naik": "Kategori naik",
            "lonjakan_insiden": "Lonjakan insiden"}.get(kind, kind)


GENERATED_NOTE = "Memuat data contoh (dibangkitkan), bukan data nyata."


# -- Excel ------------------------------------------------------------------------------------
def _put(ws, row: int, col: int, value, *, bold: bool = False, fill=None, border=None, wrap=False):
    """Write one cell through the export guard: text is stored as text, never a formula."""
    safe = safe_cell(value)
    cell = ws.cell(row=row, column=col, value=safe)
    if isinstance(safe, str):
        cell.data_type = "s"
    if isinstance(safe, date):
        cell.number_format = "DD/MM/YYYY"
    if bold:
        cell.font = Font(bold=True)
    if fill:
        cell.fill = fill
    if border:
        cell.border = border
    if wrap:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


_THIN = Side(style="thin", color="999999")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")


def _title_block(ws, report: WeeklyReport, width: int) -> int:
    for i, line in enumerate(report.title_lines, start=1):
        _put(ws, i, 1, line, bold=i < 3)
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=max(width, 1))
        ws.cell(row=i, column=1).alignment = Alignment(horizontal="center")
    row = len(report.title_lines) + 1
    if report.generated:
        _put(ws, row, 1, GENERATED_NOTE, bold=True)
        row += 1
    return row + 1


def _section_sheet(wb, report: WeeklyReport, sec: Section) -> None:
    ws = wb.create_sheet(sec.sheet)
    row = _title_block(ws, report, len(sec.columns))
    _put(ws, row, 1, sec.heading, bold=True)
    row += 1
    for c, name in enumerate(sec.columns, start=1):
        _put(ws, row, c, name, bold=True, fill=_HEAD_FILL, border=_BOX)
    for values in sec.rows:
        row += 1
        for c, v in enumerate(values, start=1):
            _put(ws, row, c, v, border=_BOX, wrap=isinstance(v, str) and len(v) > 40)
    if sec.total is not None:
        row += 1
        for c, v in enumerate(sec.total, start=1):
            _put(ws, row, c, v, bold=True, border=_BOX)
    for c, name in enumerate(sec.columns, start=1):
        longest = max([len(name)] + [len(str(r[c - 1])) for r in sec.rows[:300] if r[c - 1] is not None])
        ws.column_dimensions[get_column_letter(c)].width = min(max(6, longest + 2), 60)
    ws.freeze_panes = ws.cell(row=row - len(sec.rows) - (sec.total is not None), column=1)


def weekly_xlsx(report: WeeklyReport) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Ringkasan"
    row = _title_block(ws, report, 2)
    _put(ws, row, 1, "Uraian", bold=True, fill=_HEAD_FILL, border=_BOX)
    _put(ws, row, 2, "Jumlah", bold=True, fill=_HEAD_FILL, border=_BOX)
    for label, value in report.summary:
        row += 1
        _put(ws, row, 1, label, border=_BOX)
        _put(ws, row, 2, value, border=_BOX)
    row += 2
    for line in report.signature_lines:
        _put(ws, row, 2, line, bold=line == report.settings.head_name)
        row += 1
    ws.column_dimensions["A"].width = 48
    ws.column_dimensions["B"].width = 60
    for sec in report.sections:
        _section_sheet(wb, report, sec)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# -- PDF --------------------------------------------------------------------------------------
def _text(v, short_dates: bool = False) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return "–"
    if isinstance(v, date):
        return v.strftime("%d/%m/%Y") if short_dates else fmt_date(v, "id")
    if isinstance(v, float):
        return fmt_number(v, 1)
    if isinstance(v, int):
        return fmt_number(v)
    return str(v)


def weekly_pdf(report: WeeklyReport) -> bytes:
    """A4 portrait: title block, summary, the tables, place, date and signature."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer

    from waspada.reports.layout import column_widths
    from waspada.reports.pdf import FONT, MUTED, para, register_fonts, style, table_flowable

    register_fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=1.8 * cm, rightMargin=1.8 * cm, topMargin=1.6 * cm,
                            bottomMargin=1.6 * cm, title=report.title_lines[1], author="Waspada")
    width = A4[0] - 3.6 * cm
    story = [para(report.title_lines[0], style(11, bold=True, align=1)),
             para(report.title_lines[1], style(11, bold=True, align=1)),
             para(report.title_lines[2], style(10, align=1)), Spacer(1, 6)]
    if report.generated:
        story.append(para(GENERATED_NOTE, style(9, bold=True, align=1)))
    story.append(Spacer(1, 10))
    story.append(para("A. Ringkasan", style(10, bold=True)))
    story.append(Spacer(1, 4))
    story.append(table_flowable(["Uraian", "Jumlah"], [[label, _text(v)] for label, v in report.summary],
                                [width * 0.7, width * 0.3], size=9, right_cols=(1,)))
    # The columns of each section on A4; the incident table leaves out desa, pelaku and
    # sumber, which the Excel sheet keeps, and writes "terkait pemilihan" in the category
    # cell instead of its own column. Widths follow the text (layout.column_widths).
    layouts = {
        "Per kabupaten kota": list(range(8)),
        "Per kategori": list(range(5)),
        "Insiden minggu ini": [0, 1, 2, 3, 5, 6, 8, 9],
        "Peringatan": list(range(5)),
        **{sheet: list(range(5)) for sheet in TAXONOMY_SHEETS},
        # the action sections without phase and status, which the Excel sheets keep
        "Aksi minggu ini": [0, 1, 2, 4, 5, 6, 7],
        "Aksi terbuka": [0, 1, 3, 4, 5, 6, 8],
    }
    order = ["Per kabupaten kota", "Per kategori", *TAXONOMY_SHEETS, "Insiden minggu ini", "Peringatan"]
    order += [s.sheet for s in report.sections if s.sheet not in order]
    for letter, sheet in zip("BCDEFGHIJKLMNOP", order):
        sec = report.section(sheet)
        cols = layouts.get(sheet, list(range(len(sec.columns))))
        rows = [[_text(r[c], short_dates=True) for c in cols] for r in sec.rows]
        if sheet == "Insiden minggu ini":  # A4 has no room for one more column: the mark goes with the category
            at = cols.index(5)
            for row, r in zip(rows, sec.rows):
                row[at] = f"{row[at]} (terkait pemilihan: {r[11]})"
        if sec.total is not None:
            rows.append([_text(sec.total[c]) if sec.total[c] not in ("",) else "" for c in cols])
        right = tuple(i for i, c in enumerate(cols) if c in sec.numeric)
        story += [Spacer(1, 12), para(f"{letter}. {sec.heading}", style(10, bold=True)), Spacer(1, 4)]
        if not sec.rows:
            story.append(para("Nihil.", style(9)))
            continue
        headers = [sec.columns[c] for c in cols]
        widths = column_widths(headers, rows, width, 8, per_pt=1)
        story.append(table_flowable(headers, rows, widths, size=8, right_cols=right, bold_last=sec.total is not None))
    sign = [para(line or " ", style(10, bold=line == report.settings.head_name)) for line in report.signature_lines]
    story += [Spacer(1, 20), KeepTogether(sign)]

    def footer(canvas, doc_):
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(1.8 * cm, 1.0 * cm, f"Laporan Situasi Mingguan · {report.province_name} · "
                                              f"{period_label(report.week_start, report.week_end)}")
        canvas.drawRightString(A4[0] - 1.8 * cm, 1.0 * cm, f"Halaman {doc_.page}")
        canvas.restoreState()

    # The signature block sits in the right half, as in a letter.
    for p in sign:
        p.style = style(10, bold=p.style.fontName.endswith("Bold"))
        p.style.leftIndent = width * 0.5
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()
