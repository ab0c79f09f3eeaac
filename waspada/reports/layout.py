"""Where things go on a 16:9 briefing slide, shared by the PowerPoint and the PDF.

Boxes are (left, top, width, height) in inches on a 13.333 × 7.5 in page (PowerPoint's
widescreen size), so the two exports place every title, sentence, figure, picture and
table in the same spot.
"""

from __future__ import annotations

from waspada.briefing import Slide

PAGE_W, PAGE_H = 13.333, 7.5
MARGIN = 0.5
TITLE = (MARGIN, 0.3, PAGE_W - 2 * MARGIN, 0.85)
SENTENCE = (MARGIN, 1.15, PAGE_W - 2 * MARGIN, 0.85)
FOOTER = (MARGIN, 7.0, PAGE_W - 2 * MARGIN - 1.2, 0.35)
NUMBER = (PAGE_W - MARGIN - 1.2, 7.0, 1.2, 0.35)
BODY_TOP, BODY_BOTTOM = 2.1, 6.9
FIGURE_ROW_H = 1.35
GAP = 0.3

TITLE_PT, SENTENCE_PT, FOOTER_PT = 30, 18, 10
LONG_TITLE_CHARS, LONG_TITLE_PT = 48, 24  # a longer title would wrap onto the sentence


def title_pt(title: str) -> int:
    return LONG_TITLE_PT if len(title) > LONG_TITLE_CHARS else TITLE_PT
FIGURE_VALUE_PT, FIGURE_LABEL_PT = 40, 14
TABLE_PT, TABLE_TITLE_PT = 12, 14


def figure_boxes(slide: Slide) -> list[tuple[float, float, float, float]]:
    n = len(slide.figures)
    if not n:
        return []
    width = (PAGE_W - 2 * MARGIN - GAP * (n - 1)) / n
    return [(MARGIN + i * (width + GAP), BODY_TOP, width, FIGURE_ROW_H) for i in range(n)]


def body_boxes(slide: Slide) -> tuple[tuple | None, tuple | None]:
    """(picture box, tables box) below the figures; either may be None."""
    top = BODY_TOP + (FIGURE_ROW_H + 0.2 if slide.figures else 0)
    height = BODY_BOTTOM - top
    full = PAGE_W - 2 * MARGIN
    if slide.visual and slide.tables:
        pic_w = full * 0.52
        return (MARGIN, top, pic_w, height), (MARGIN + pic_w + GAP, top, full - pic_w - GAP, height)
    if slide.visual:
        return (MARGIN, top, full, height), None
    if slide.tables:
        return None, (MARGIN, top, full, height)
    return None, None


def fit_picture(box, px_w: int, px_h: int) -> tuple[float, float, float, float]:
    """The largest box of the picture's aspect inside ``box``, centred."""
    left, top, width, height = box
    scale = min(width / px_w, height / px_h)
    w, h = px_w * scale, px_h * scale
    return left + (width - w) / 2, top + (height - h) / 2, w, h


def column_weights(columns: list[str], rows: list[list[str]]) -> list[float]:
    """Share of the table width per column: by the longest text, long texts capped."""
    weights = []
    for i, name in enumerate(columns):
        longest = max([0] + [len(r[i]) for r in rows])
        header_word = max(len(w) for w in name.split()) if name.strip() else 0
        # Never narrower than the header's longest word (no "Kate-gori"), long texts capped.
        weights.append(max(min(longest, 60), header_word + 2, 8))
    total = sum(weights)
    return [w / total for w in weights]
