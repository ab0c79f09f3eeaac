"""Exports: the PowerPoint opens and holds the slides, the PDFs render to non-blank pages,
the weekly workbook has its sheets, totals equal the stored counts, formulas stay text."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date

import pytest
from openpyxl import load_workbook
from PIL import Image, ImageStat

from waspada import briefing
from waspada.db import Database
from waspada.reports import images, pdf, pptx, weekly

AS_OF = date(2024, 11, 20)
WEEK = date(2024, 11, 18)  # Monday 18 – Sunday 24 November 2024
PROV = "65"
FORMULA = '=HYPERLINK("http://x","y")'


@pytest.fixture(scope="module")
def deck(sample_db):
    return briefing.build_briefing(Database(sample_db).reader(), province=PROV, as_of=AS_OF, previous=None)


@pytest.fixture(scope="module")
def pictures(deck):
    return images.briefing_images(deck)


def _pdf_pages(data: bytes, tmp_path) -> list[Image.Image]:
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is missing: run `make chromium` (apt-get install poppler-utils)")
    src = tmp_path / "doc.pdf"
    src.write_bytes(data)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(src), str(tmp_path / "page")], check=True)
    return [Image.open(p).convert("L") for p in sorted(tmp_path.glob("page-*.png"))]


def _not_blank(page: Image.Image) -> bool:
    return ImageStat.Stat(page).var[0] > 50  # a white page has variance 0


def test_pictures_are_pngs_with_content(pictures):
    assert set(pictures) == {"map", "timeline", "categories"}
    for name, data in pictures.items():
        im = Image.open(io.BytesIO(data))
        assert im.format == "PNG" and im.width > 600, name
        assert _not_blank(im.convert("L")), name


def test_map_picture_uses_the_category_colours(deck):
    from waspada.maps import category_hex

    im = Image.open(io.BytesIO(images.risk_map_png(deck.scores, province=PROV))).convert("RGB")
    colours = {rgb for n, rgb in im.getcolors(1 << 20) if n > 500}
    tinggi = tuple(int(category_hex("tinggi")[i:i + 2], 16) for i in (1, 3, 5))
    assert tinggi in colours  # Kaltara has regions at tinggi on this date


def test_pptx_has_the_slides_titles_and_pictures(deck, pictures):
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

    prs = Presentation(io.BytesIO(pptx.briefing_pptx(deck, pictures)))
    assert round(prs.slide_width / prs.slide_height, 3) == round(16 / 9, 3)
    assert len(prs.slides) == len(briefing.SLIDE_KEYS)
    assert [s.shapes.title.text for s in prs.slides] == [s.title for s in deck.slides]
    for s in prs.slides:
        assert s.shapes.title.placeholder_format.type == PP_PLACEHOLDER.TITLE  # editable, a real title
        texts = [sh.text_frame.text for sh in s.shapes if sh.has_text_frame]
        assert any(deck.footer == t for t in texts)  # date and data freshness in the footer
        assert "Data terakhir dimuat" in deck.footer
    pics = {i: [sh for sh in s.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE] for i, s in enumerate(prs.slides)}
    assert [len(pics[i]) for i in range(7)] == [0, 1, 0, 1, 0, 1, 0]  # map, new-by-category, timeline
    tables = [sh.table for sh in prs.slides[2].shapes if sh.has_table]
    assert tables[0].cell(1, 0).text == deck.slide("rawan").tables[0].rows[0][0]


def test_briefing_pdf_pages_render_and_are_not_blank(deck, pictures, tmp_path):
    pages = _pdf_pages(pdf.briefing_pdf(deck, pictures), tmp_path)
    assert len(pages) == len(briefing.SLIDE_KEYS)
    assert all(_not_blank(p) for p in pages)
    assert round(pages[0].width / pages[0].height, 2) == round(16 / 9, 2)


@pytest.fixture(scope="module")
def db_with_formula(sample_db, tmp_path_factory):
    """The sample plus one incident whose description is a spreadsheet formula."""
    path = tmp_path_factory.mktemp("formula") / "waspada.duckdb"
    shutil.copyfile(sample_db, path)
    db = Database(path)
    with db.writer() as con:
        con.execute(
            "INSERT INTO incidents (election_id, occurred_on, province_code, region_code, phase, phase_from, category,"
            " description, perpetrator, injured, killed, source, source_file, source_row, upload_id, generated,"
            " content_hash) VALUES ('pilkada2024', DATE '2024-11-21', '65', '65.71', 'kampanye', 'jadwal',"
            " 'perusakan', ?, '@pelaku', 2, 0, '+62 sumber', 'uji.xlsx', 7,"
            " (SELECT min(upload_id) FROM uploads), FALSE, 'uji-formula')",
            [FORMULA],
        )
    return db


@pytest.fixture(scope="module")
def report(db_with_formula):
    return weekly.build_weekly(db_with_formula.reader(), province=PROV, week_of=WEEK)


def test_weekly_period_title_and_signature(report):
    assert (report.week_start, report.week_end) == (date(2024, 11, 18), date(2024, 11, 24))
    assert report.title_lines[0] == "KEPALA BADAN KESATUAN BANGSA DAN POLITIK PROVINSI KALIMANTAN UTARA"
    assert report.title_lines[1].startswith("LAPORAN SITUASI MINGGUAN")
    assert report.title_lines[2] == "Periode: Senin, 18 November 2024 s.d. Minggu, 24 November 2024"
    assert report.place_and_date == "Tanjung Selor, 25 November 2024"  # waspada.toml [laporan] tempat
    assert report.signature_lines[-1].startswith("NIP. ")


def test_weekly_xlsx_sheets_totals_and_formula_text(report, db_with_formula):
    wb = load_workbook(io.BytesIO(weekly.weekly_xlsx(report)))
    assert wb.sheetnames == list(weekly.SHEETS)
    n, injured, killed = db_with_formula.reader().execute(
        "SELECT count(*), sum(injured), sum(killed) FROM incidents WHERE province_code = ?"
        " AND occurred_on BETWEEN ? AND ?", [PROV, date(2024, 11, 18), date(2024, 11, 24)]).fetchone()
    assert n > 1

    def rows(name):
        return [r for r in wb[name].iter_rows(values_only=True)]

    # Per kabupaten/kota: numbered rows, the total row equals the stored counts.
    reg = rows("Per kabupaten kota")
    total = next(r for r in reg if r[1] == "Jumlah")
    assert total[2:5] == (n, injured, killed)
    numbered = [r for r in reg if isinstance(r[0], int)]
    assert [r[0] for r in numbered] == list(range(1, len(numbered) + 1)) and len(numbered) == 5
    assert sum(r[2] for r in numbered) == n
    cat_total = next(r for r in rows("Per kategori") if r[1] == "Jumlah")
    assert cat_total[2:5] == (n, injured, killed)
    inc = rows("Insiden minggu ini")
    assert len([r for r in inc if isinstance(r[0], int)]) == n
    # The formula-like description and perpetrator are text, never formulas.
    cells = [c for row in wb["Insiden minggu ini"].iter_rows() for c in row]
    desc = next(c for c in cells if isinstance(c.value, str) and "HYPERLINK" in c.value)
    assert desc.data_type == "s" and desc.value == "'" + FORMULA
    assert not any(c.data_type == "f" for c in cells)
    summary = dict((r[0], r[1]) for r in rows("Ringkasan") if r[0] and r[1] is not None)
    assert summary["Jumlah insiden"] == n


def test_weekly_pdf_renders(report, tmp_path):
    pages = _pdf_pages(weekly.weekly_pdf(report), tmp_path)
    assert 1 <= len(pages) <= 6
    assert all(_not_blank(p) for p in pages)


def test_weekly_on_empty_database(empty_db):
    report = weekly.build_weekly(Database(empty_db).reader(), province=PROV, week_of=WEEK)
    wb = load_workbook(io.BytesIO(weekly.weekly_xlsx(report)))
    assert wb.sheetnames == list(weekly.SHEETS)
    assert weekly.weekly_pdf(report).startswith(b"%PDF")


def test_last_complete_week():
    assert weekly.last_complete_week(date(2024, 11, 25)) == date(2024, 11, 18)  # Monday: the week before
    assert weekly.last_complete_week(date(2024, 11, 24)) == date(2024, 11, 18)  # Sunday: its own week
    assert weekly.last_complete_week(date(2024, 11, 20)) == date(2024, 11, 11)
