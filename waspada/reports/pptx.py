"""The briefing as a PowerPoint file (python-pptx), offline.

One 16:9 slide per briefing slide, in the same order, with an editable title (the title
placeholder of the "Title Only" layout, so PowerPoint's outline and accessibility tools
see it), the one-sentence text, the figures, native (editable) tables, the map and charts
as pictures (waspada.reports.images), and the area, date and data freshness in the footer.
"""

from __future__ import annotations

import dataclasses
import io

from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches, Pt

from waspada.briefing import Briefing, Slide, Table
from waspada.export import export_text
from waspada.i18n import DEFAULT_LANG, t
from waspada.reports import images as imgs
from waspada.reports import layout as L

TITLE_ONLY_LAYOUT = 5  # in python-pptx's default template
INK = RGBColor(0x1A, 0x1A, 0x1A)
MUTED = RGBColor(0x55, 0x55, 0x55)
HEADER_FILL = RGBColor(0x08, 0x30, 0x6B)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
ROW_FILL = (RGBColor(0xFF, 0xFF, 0xFF), RGBColor(0xEE, 0xF2, 0xF7))


def _box(slide, box, text: str, size: int, *, bold=False, colour=INK, align=PP_ALIGN.LEFT,
         anchor=MSO_ANCHOR.TOP, lang: str = DEFAULT_LANG):
    """A text box; the text through waspada.export.export_text (lxml refuses control
    characters; PowerPoint wraps long words itself)."""
    text = export_text(text, lang)
    shape = slide.shapes.add_textbox(*(Inches(v) for v in box))
    frame = shape.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    for i, line in enumerate(text.split("\n")):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        para.alignment = align
        run = para.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = colour
    return shape


def _figures(slide, s: Slide, lang: str) -> None:
    for box, fig in zip(L.figure_boxes(s), s.figures):
        left, top, width, height = box
        card = slide.shapes.add_shape(1, *(Inches(v) for v in box))  # 1 = rectangle
        card.fill.solid()
        card.fill.fore_color.rgb = RGBColor(0xF4, 0xF6, 0xF9)
        card.line.color.rgb = RGBColor(0xC8, 0xCF, 0xD8)
        _box(slide, (left + 0.1, top + 0.05, width - 0.2, 0.75), fig.value, L.FIGURE_VALUE_PT, bold=True,
             align=PP_ALIGN.CENTER, lang=lang)
        _box(slide, (left + 0.1, top + 0.8, width - 0.2, 0.5), L.figure_label(fig), L.FIGURE_LABEL_PT,
             colour=MUTED, align=PP_ALIGN.CENTER, lang=lang)
        if fig.aside:
            _box(slide, L.figure_aside_box(box), fig.aside, L.FIGURE_ASIDE_PT, colour=MUTED, align=PP_ALIGN.CENTER,
                 lang=lang)


def _table(slide, table: Table, box, lang: str) -> float:
    """Draw one table at the top of ``box``, as many rows as fit; returns the height used."""
    left, top, width, height = box
    title_h = 0.4 if table.title else 0
    if table.title:
        _box(slide, (left, top, width, title_h), table.title, L.TABLE_TITLE_PT, bold=True, lang=lang)
    widths = L.column_widths(table.columns, table.rows, width, L.TABLE_PT)
    table = dataclasses.replace(table, rows=L.cut_to_box(table.rows, widths, height - title_h - 0.4, L.TABLE_PT, lang))
    table = table.shown(L.rows_that_fit(table.columns, table.rows, widths, L.TABLE_PT, height - title_h - 0.4))
    note = table.note(lang)
    rows = table.rows + ([[note] + [""] * (len(table.columns) - 1)] if note else [])
    n_rows = len(rows) + 1
    row_h = 0.3
    shape = slide.shapes.add_table(n_rows, len(table.columns), Inches(left), Inches(top + title_h), Inches(width),
                                   Inches(row_h * n_rows))
    grid = shape.table
    for i, w in enumerate(widths):
        grid.columns[i].width = Inches(w)
    for r, values in enumerate([table.columns] + rows):
        for c, value in enumerate(values):
            cell = grid.cell(r, c)
            cell.text = export_text(value, lang)
            para = cell.text_frame.paragraphs[0]
            para.font.size = Pt(L.TABLE_PT)
            para.font.bold = r == 0
            para.font.color.rgb = WHITE if r == 0 else INK
            cell.fill.solid()
            cell.fill.fore_color.rgb = HEADER_FILL if r == 0 else ROW_FILL[r % 2]
    if note:
        last = grid.cell(n_rows - 1, 0)
        last.merge(grid.cell(n_rows - 1, len(table.columns) - 1))
        last.text_frame.paragraphs[0].font.italic = True
    return title_h + L.table_height(table.columns, rows, widths, L.TABLE_PT)


def briefing_pptx(b: Briefing, pictures: dict[str, bytes] | None = None) -> bytes:
    """The whole briefing as .pptx bytes; ``pictures`` from images.briefing_images (made if None)."""
    pictures = pictures if pictures is not None else imgs.briefing_images(b)
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(L.PAGE_W), Inches(L.PAGE_H)
    prs.core_properties.title = export_text(f"Briefing {b.province_name} {b.as_of.isoformat()}", b.lang)
    prs.core_properties.author = "Waspada"
    for number, s in enumerate(b.slides, start=1):
        slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY_LAYOUT])
        title = slide.shapes.title
        title.left, title.top, title.width, title.height = (Inches(v) for v in L.TITLE)
        title.text = export_text(s.title, b.lang)
        para = title.text_frame.paragraphs[0]
        para.alignment = PP_ALIGN.LEFT
        para.font.size = Pt(L.title_pt(s.title))
        para.font.bold = True
        para.font.color.rgb = INK
        _box(slide, L.SENTENCE, s.text, L.SENTENCE_PT, lang=b.lang)
        _figures(slide, s, b.lang)
        pic_box, table_box = L.body_boxes(s)
        if pic_box and s.visual in pictures:
            data = pictures[s.visual]
            with Image.open(io.BytesIO(data)) as im:
                px_w, px_h = im.size
            left, top, w, h = L.fit_picture(pic_box, px_w, px_h)
            slide.shapes.add_picture(io.BytesIO(data), Inches(left), Inches(top), Inches(w), Inches(h))
        if table_box:
            left, top, width, height = table_box
            for table in s.tables:
                used = _table(slide, table, (left, top, width, L.BODY_BOTTOM - top), b.lang)
                top += used + 0.25
        _box(slide, L.FOOTER, b.footer, L.FOOTER_PT, colour=MUTED, lang=b.lang)
        _box(slide, L.NUMBER, f"{number}/{len(b.slides)}", L.FOOTER_PT, colour=MUTED, align=PP_ALIGN.RIGHT,
             lang=b.lang)
        slide.notes_slide.notes_text_frame.text = t("briefing_slide_of", b.lang, n=number, total=len(b.slides))
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
