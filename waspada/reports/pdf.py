"""PDF exports (reportlab): the briefing's slides, and the base for the weekly report.

The briefing PDF has one 16:9 page per slide, laid out like the PowerPoint
(waspada.reports.layout). Text is set in DejaVu Sans, the copy shipped inside matplotlib
(already a dependency for the pictures), so "–", "·" and Indonesian names print the same
on every machine without depending on system fonts.
"""

from __future__ import annotations

import dataclasses
import functools
import io
from pathlib import Path
from xml.sax.saxutils import escape

import matplotlib
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Image, Paragraph, Table, TableStyle

from waspada.briefing import Briefing, Slide
from waspada.export import export_text
from waspada.i18n import DEFAULT_LANG
from waspada.reports import images as imgs
from waspada.reports import layout as L

FONT, FONT_BOLD, FONT_ITALIC = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
HEADER_FILL = colors.HexColor("#08306b")
ROW_ALT = colors.HexColor("#eef2f7")
GRID = colors.HexColor("#c8cfd8")


@functools.cache
def register_fonts() -> None:
    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    for name, file in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf"),
                       (FONT_ITALIC, "DejaVuSans-Oblique.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(ttf / file)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD)


def style(size: float, *, bold=False, colour=INK, align=0, leading=None) -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle(f"s{size}{bold}{align}", fontName=FONT_BOLD if bold else FONT, fontSize=size,
                          leading=leading or size * 1.22, textColor=colour, alignment=align)


def para(text: str, st: ParagraphStyle, lang: str = DEFAULT_LANG) -> Paragraph:
    """A paragraph of plain text: data is escaped, never read as reportlab markup; control
    characters removed and pathological lengths cut (waspada.export). A word longer than its
    column (a URL) is broken by reportlab (splitLongWords, on by default)."""
    return Paragraph(escape(export_text(text, lang)).replace("\n", "<br/>"), st)


def table_flowable(columns: list[str], rows: list[list[str]], widths: list[float], *, size: float = 9,
                   right_cols: tuple[int, ...] = (), bold_last: bool = False, repeat: bool = True,
                   lang: str = DEFAULT_LANG) -> Table:
    """A table with a dark header row, zebra rows and wrapped cell text."""
    head = style(size, bold=True, colour=colors.white)
    body = style(size)
    right = style(size, align=2)
    bold = style(size, bold=True)
    bold_right = style(size, bold=True, align=2)
    data = [[para(c, head, lang) for c in columns]]
    for i, row in enumerate(rows):
        last = bold_last and i == len(rows) - 1
        data.append([para(v, (bold_right if last else right) if j in right_cols else (bold if last else body), lang)
                     for j, v in enumerate(row)])
    # splitInRow: a row taller than a page (a long description) continues on the next page.
    tbl = Table(data, colWidths=widths, repeatRows=1 if repeat else 0, splitInRow=1)
    cmds = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    cmds += [("BACKGROUND", (0, r), (-1, r), ROW_ALT) for r in range(2, len(data), 2)]
    tbl.setStyle(TableStyle(cmds))
    return tbl


def _at(c: canvas.Canvas, flowable, box) -> float:
    """Draw a flowable at the top-left of a layout box (inches, top-down); returns its height."""
    left, top, width, height = box
    _, h = flowable.wrapOn(c, width * inch, height * inch)
    flowable.drawOn(c, left * inch, (L.PAGE_H - top) * inch - h)
    return h / inch


def _slide_page(c: canvas.Canvas, b: Briefing, s: Slide, number: int, pictures: dict[str, bytes]) -> None:
    lang = b.lang
    _at(c, para(s.title, style(L.title_pt(s.title), bold=True), lang), L.TITLE)
    _at(c, para(s.text, style(L.SENTENCE_PT), lang), L.SENTENCE)
    for box, fig in zip(L.figure_boxes(s), s.figures):
        left, top, width, height = box
        c.setFillColor(colors.HexColor("#f4f6f9"))
        c.setStrokeColor(GRID)
        c.rect(left * inch, (L.PAGE_H - top - height) * inch, width * inch, height * inch, fill=1, stroke=1)
        _at(c, para(fig.value, style(L.FIGURE_VALUE_PT * 0.9, bold=True, align=1), lang),
            (left, top + 0.1, width, 0.7))
        _at(c, para(L.figure_label(fig), style(L.FIGURE_LABEL_PT, colour=MUTED, align=1), lang),
            (left + 0.1, top + 0.85, width - 0.2, 0.5))
        if fig.aside:
            _at(c, para(fig.aside, style(L.FIGURE_ASIDE_PT, colour=MUTED, align=1), lang), L.figure_aside_box(box))
    pic_box, table_box = L.body_boxes(s)
    if pic_box and s.visual in pictures:
        data = pictures[s.visual]
        img = Image(io.BytesIO(data))
        left, top, w, h = L.fit_picture(pic_box, img.imageWidth, img.imageHeight)
        img.drawWidth, img.drawHeight = w * inch, h * inch
        _at(c, img, (left, top, w, h))
    if table_box:
        left, top, width, height = table_box
        for t in s.tables:
            if t.title:
                top += _at(c, para(t.title, style(L.TABLE_TITLE_PT, bold=True), lang), (left, top, width, 0.4)) + 0.05
            widths = L.column_widths(t.columns, t.rows, width, L.TABLE_PT)
            t = dataclasses.replace(t, rows=L.cut_to_box(t.rows, widths, L.BODY_BOTTOM - top - 0.3, L.TABLE_PT, lang))
            t = t.shown(L.rows_that_fit(t.columns, t.rows, widths, L.TABLE_PT, L.BODY_BOTTOM - top - 0.3))
            note = t.note(b.lang)
            rows = t.rows + ([[note] + [""] * (len(t.columns) - 1)] if note else [])
            top += _at(c, table_flowable(t.columns, rows, [w * inch for w in widths], size=L.TABLE_PT, repeat=False,
                                         lang=lang),
                       (left, top, width, L.BODY_BOTTOM - top)) + 0.25
    _at(c, para(b.footer, style(L.FOOTER_PT, colour=MUTED), lang), L.FOOTER)
    _at(c, para(f"{number}/{len(b.slides)}", style(L.FOOTER_PT, colour=MUTED, align=2)), L.NUMBER)


def briefing_pdf(b: Briefing, pictures: dict[str, bytes] | None = None) -> bytes:
    """The briefing as PDF bytes, one 16:9 landscape page per slide."""
    register_fonts()
    pictures = pictures if pictures is not None else imgs.briefing_images(b)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(L.PAGE_W * inch, L.PAGE_H * inch), pageCompression=1)
    c.setTitle(export_text(f"Briefing {b.province_name} {b.as_of.isoformat()}", b.lang))
    c.setAuthor("Waspada")
    for number, s in enumerate(b.slides, start=1):
        _slide_page(c, b, s, number, pictures)
        c.showPage()
    c.save()
    return buf.getvalue()
