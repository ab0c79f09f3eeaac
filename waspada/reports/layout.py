"""Where things go on a 16:9 briefing slide, shared by the PowerPoint and the PDF.

Boxes are (left, top, width, height) in inches on a 13.333 × 7.5 in page (PowerPoint's
widescreen size), so the two exports place every title, sentence, figure, picture and
table in the same spot.
"""

from __future__ import annotations

from waspada.briefing import Slide
from waspada.export import TEXT_LIMIT, export_text

PAGE_W, PAGE_H = 13.333, 7.5
MARGIN = 0.5
TITLE = (MARGIN, 0.3, PAGE_W - 2 * MARGIN, 0.85)
SENTENCE = (MARGIN, 1.15, PAGE_W - 2 * MARGIN, 0.85)
FOOTER = (MARGIN, 7.0, PAGE_W - 2 * MARGIN - 1.2, 0.35)
NUMBER = (PAGE_W - MARGIN - 1.2, 7.0, 1.2, 0.35)
BODY_TOP, BODY_BOTTOM = 2.1, 6.9
FIGURE_ROW_H = 1.35
FIGURE_ASIDE_H = 0.3  # a line under the label ("5 kejadian lain (non-pemilihan)") makes the row taller
GAP = 0.3

TITLE_PT, SENTENCE_PT, FOOTER_PT = 30, 18, 10
LONG_TITLE_CHARS, LONG_TITLE_PT = 48, 24  # a longer title would wrap onto the sentence


def title_pt(title: str) -> int:
    return LONG_TITLE_PT if len(title) > LONG_TITLE_CHARS else TITLE_PT
FIGURE_VALUE_PT, FIGURE_LABEL_PT, FIGURE_ASIDE_PT = 40, 14, 11
TABLE_PT, TABLE_TITLE_PT = 12, 14


MINUS, NO_BREAK_SPACE = "\u2212", "\u00a0"


def figure_label(fig) -> str:
    """The label with the change under it in brackets: the value line stays one number."""
    if not fig.delta:
        return fig.label
    # A real minus sign and a no-break space: "(-11)" must not break after its hyphen.
    delta = fig.delta.replace("-", MINUS)
    return f"{fig.label}{NO_BREAK_SPACE}({delta})"


def figure_row_h(slide: Slide) -> float:
    """The height of the row of figure cards: taller when a figure has a line beside it."""
    return FIGURE_ROW_H + (FIGURE_ASIDE_H if any(f.aside for f in slide.figures) else 0)


def figure_boxes(slide: Slide) -> list[tuple[float, float, float, float]]:
    n = len(slide.figures)
    if not n:
        return []
    width = (PAGE_W - 2 * MARGIN - GAP * (n - 1)) / n
    return [(MARGIN + i * (width + GAP), BODY_TOP, width, figure_row_h(slide)) for i in range(n)]


def figure_aside_box(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """Where a figure's aside goes in its card: the bottom line, below the label."""
    left, top, width, height = box
    return left + 0.1, top + height - FIGURE_ASIDE_H - 0.02, width - 0.2, FIGURE_ASIDE_H


def body_boxes(slide: Slide) -> tuple[tuple | None, tuple | None]:
    """(picture box, tables box) below the figures; either may be None."""
    top = BODY_TOP + (figure_row_h(slide) + 0.2 if slide.figures else 0)
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


# Average glyph width of DejaVu Sans as a share of the font size: enough to size columns
# and estimate wrapped lines without a rendering engine (PowerPoint lays text out itself).
_CHAR_EM = 0.56
_CHAR_EM_BOLD = 0.64  # header cells are bold
_CELL_PAD_PT = 16  # left + right cell margins (PowerPoint's default is 0.1 in a side)
_SHORT_CELL = 18  # a column whose longest text is this short stays on one line (dates, scores)
LONG_WORD_CHARS = 12  # a column is never widened for more of one word than this (a URL breaks)
INCH = 1 / 72  # one point in inches: pass as ``per_pt`` when sizes are in inches


def column_widths(columns: list[str], rows: list[list[str]], total: float, pt: float,
                  per_pt: float = INCH) -> list[float]:
    """Column widths for a table set at ``pt``, in the unit of ``total`` (inches by default;
    per_pt=1 for points).

    Every column gets at least its longest word (no "Kate-gori", no "Novem-ber") up to
    LONG_WORD_CHARS characters: a longer word (a URL) is broken inside, as reportlab
    (splitLongWords) and PowerPoint do, instead of squeezing every other column
    to nothing (reportlab's "negative availWidth"); the space left goes to the columns whose text is longer than that, in proportion to how
    much longer, so long reasons wrap and short codes do not.
    """
    minimum, wish = [], []
    for i, name in enumerate(columns):
        texts = [str(r[i]) for r in rows]
        header_word = max((len(w) for w in str(name).split()), default=1) * _CHAR_EM_BOLD  # headers are ours
        longest_word = min(max((len(w) for text in texts for w in text.split()), default=1), LONG_WORD_CHARS) * _CHAR_EM
        longest = max((len(text) for text in texts), default=0)
        unbreakable = longest * _CHAR_EM if longest <= _SHORT_CELL else longest_word
        minimum.append((max(header_word, unbreakable) * pt + _CELL_PAD_PT) * per_pt)
        wish.append((max(header_word, min(longest, 70) * _CHAR_EM) * pt + _CELL_PAD_PT) * per_pt)
    spare = total - sum(minimum)
    if spare <= 0:  # too many columns for the width: shrink all alike
        return [m * total / sum(minimum) for m in minimum]
    extra = [w - m for w, m in zip(wish, minimum)]
    if sum(extra) <= spare:  # every cell fits on one line: share the width by wish
        return [w * total / sum(wish) for w in wish]
    return [m + spare * e / sum(extra) for m, e in zip(minimum, extra)]


def _row_height(values, widths: list[float], pt: float, per_pt: float) -> float:
    """Estimated height of one table row: its most-wrapped cell's lines plus padding."""
    lines = 1
    for text, width in zip(values, widths):
        usable, n, used = width - _CELL_PAD_PT * per_pt, 1, 0.0
        for long_word in str(text).split():
            # A word longer than LONG_WORD_CHARS is set in pieces (see column_widths).
            for word in (long_word[i:i + LONG_WORD_CHARS] for i in range(0, len(long_word), LONG_WORD_CHARS)):
                w = (len(word) + 1) * pt * _CHAR_EM * per_pt
                if used and used + w > usable:
                    n, used = n + 1, 0.0
                used += w
        lines = max(lines, n)
    return lines * pt * 1.25 * per_pt + 8 * per_pt


def table_height(columns: list[str], rows: list[list[str]], widths: list[float], pt: float,
                 per_pt: float = INCH) -> float:
    return sum(_row_height(r, widths, pt, per_pt) for r in [columns] + rows)


def rows_that_fit(columns: list[str], rows: list[list[str]], widths: list[float], pt: float,
                  height: float, per_pt: float = INCH) -> int:
    """How many rows after the header fit in ``height`` (the unit of ``widths``), from an
    estimate of each cell's wrapped lines; at least one."""
    left = height - _row_height(columns, widths, pt, per_pt)
    for i, r in enumerate(rows):
        left -= _row_height(r, widths, pt, per_pt)
        if left < 0:
            return max(i, 1)
    return len(rows)


def cut_to_box(rows: list[list[str]], widths: list[float], height: float, pt: float, lang: str,
               per_pt: float = INCH) -> list[list[str]]:
    """Cells cut (with export_text's visible mark) to what one row of ``height`` can show at
    ``pt`` in its column: a slide cannot grow like a page, so a cell longer than its box
    ends in the mark instead of running off the slide. Never more than TEXT_LIMIT."""
    lines = max(int(height / (pt * 1.25 * per_pt)) - 2, 1)  # header row and padding

    def fits(width: float) -> int:
        per_line = max(int((width - _CELL_PAD_PT * per_pt) / (pt * _CHAR_EM * per_pt)), 1)
        return max(min(per_line * lines - 40, TEXT_LIMIT), 40)  # room for the mark itself

    return [[export_text(v, lang, limit=fits(w)) for v, w in zip(r, widths)] for r in rows]
