"""Issue 13, point 6: Ringkasan, Wilayah and Tahapan count election-related incidents by
default and say how many others there are; one filter (ui.widgets.incident_scope) switches
to all incidents, the others, an ATHG class or a report source; risk scores never change.

The fixture's eight incidents in Kalimantan Utara, and what each one is (the taxonomy file
decides election-related and ATHG; the source column's words decide the source):

    when   where               type              election  ATHG       source      casualties
    15/10  Tarakan Barat       Perusakan APK     yes       gangguan   bawaslu     1 injured
    16/10  Tarakan Barat       Politik uang      yes       tantangan  polri       -
    17/10  Tarakan Timur       Intimidasi        yes       ancaman    fkdm        -
    18/10  Tarakan Barat       Sengketa lahan    no        gangguan   polri       2 injured
    19/10  Tarakan Barat       KDRT              no        gangguan   masyarakat  1 injured
    01/09  Tarakan Barat       Perusakan APK     yes       gangguan   bawaslu     -   (pencalonan)
    02/09  Tarakan Barat       Pencurian         no        gangguan   polri       -   (pencalonan)
    18/10  Bulungan            Bentrok massa     yes       gangguan   kesbangpol  1 killed
"""

from __future__ import annotations

from datetime import date

import pytest

from apptest_helpers import assert_clean, metrics, svg_maps, texts
from waspada import queries

AS_OF = "2024-10-20"


@pytest.fixture(scope="module")
def scope_db(tmp_path_factory):
    from tests.workbooks import HEADER, csv_bytes, good_row, reference_db
    from waspada.ingest import parse_incident_file, store_incidents

    db = reference_db(tmp_path_factory, tmp_path_factory.mktemp("scope"))
    rows = [
        good_row(tanggal="15/10/2024", jenis_kejadian="Perusakan APK", sumber="Panwascam", korban_luka=1),
        good_row(tanggal="16/10/2024", jenis_kejadian="Politik uang", uraian="Bagi-bagi uang", sumber="Polres Tarakan"),
        good_row(tanggal="17/10/2024", jenis_kejadian="Intimidasi", uraian="Ancaman pada saksi", sumber="FKDM",
                 kecamatan="Tarakan Timur"),
        good_row(tanggal="18/10/2024", jenis_kejadian="Sengketa lahan", uraian="Warga bersengketa tanah",
                 sumber="Polres Tarakan", korban_luka=2),
        good_row(tanggal="19/10/2024", jenis_kejadian="KDRT", uraian="Suami memukul istri", sumber="laporan warga",
                 korban_luka=1),
        good_row(tanggal="01/09/2024", jenis_kejadian="Perusakan APK", uraian="Spanduk bakal calon dirobek"),
        good_row(tanggal="02/09/2024", jenis_kejadian="Pencurian", uraian="Motor warga dicuri", sumber="Polsek"),
        good_row(tanggal="18/10/2024", kabupaten_kota="Kabupaten Bulungan", kecamatan="Tanjung Selor",
                 jenis_kejadian="Bentrok massa", uraian="Dua kubu pendukung bentrok", sumber="Kesbangpol",
                 korban_meninggal=1),
    ]
    data = csv_bytes([HEADER, *rows])
    report = parse_incident_file(data, "lingkup.csv", db=db)
    assert len(report.accepted) == 8, report.refused
    got = report.accepted[["category", "source_kind"]].to_records(index=False).tolist()
    assert got == [("perusakan", "bawaslu"), ("politik_uang", "polri"), ("intimidasi", "fkdm"),
                   ("konflik_lahan_sda", "polri"), ("kdrt", "masyarakat"), ("perusakan", "bawaslu"),
                   ("kriminalitas_umum", "polri"), ("bentrok_massa", "kesbangpol")]
    store_incidents(db, report, data, "uji")
    return db


_KEYS = {"election": "w_scope_election", "athg": "w_scope_athg", "source": "w_scope_source"}


def _scope(at, **chosen):
    """Set the scope widget's choices named (None: 'Semua' for ATHG and source) and run."""
    for name, value in chosen.items():
        widget = at.radio(key=_KEYS[name]) if name == "election" else at.selectbox(key=_KEYS[name])
        widget.set_value(value)
    at.run()
    assert_clean(at)
    return at


# -- the queries ----------------------------------------------------------------------------------
def test_breakdown_totals_each_grouping_to_the_same_number(scope_db):
    cur = scope_db.reader()
    df = queries.incident_breakdown(cur, province="65", end=date(2024, 10, 20))
    got = {(r.by, r.key): (r.n, r.injured, r.killed) for r in df.itertuples()}
    assert got[("election", True)] == (5, 1, 1) and got[("election", False)] == (3, 3, 0)
    assert got[("athg", "gangguan")] == (6, 4, 1) and got[("athg", "tantangan")] == (1, 0, 0)
    assert got[("athg", "ancaman")] == (1, 0, 0) and got[("athg", "hambatan")] == (0, 0, 0)
    assert got[("source", "polri")] == (3, 2, 0) and got[("source", "bawaslu")] == (2, 1, 0)
    assert got[("source", "tni")] == (0, 0, 0) and got[("source", "")] == (0, 0, 0)
    for by in ("election", "athg", "source"):
        assert df[df["by"] == by]["n"].sum() == 8
    # the filters narrow the breakdown as they narrow every incident query
    only = queries.incident_breakdown(cur, province="65", election_related=True, source_kind="polri")
    assert only[only["by"] == "election"]["n"].tolist() == [1, 0]


def test_headline_of_a_scope_and_of_the_others(scope_db):
    cur = scope_db.reader()
    day = date(2024, 10, 20)
    assert queries.incident_headline(cur, as_of=day, province="65", election_related=True) == {
        "incidents": 4, "incidents_prev": 0, "casualties": 2, "casualties_prev": 0}
    assert queries.incident_headline(cur, as_of=day, province="65", election_related=False)["incidents"] == 2
    assert queries.incident_headline(cur, as_of=day, province="65")["incidents"] == 6  # unchanged without a scope


# -- Ringkasan ------------------------------------------------------------------------------------
def test_overview_counts_election_incidents_and_says_how_many_others(open_app, scope_db):
    at = open_app(scope_db.path, params={"tanggal": AS_OF, "prov": "65"})
    assert_clean(at)
    figures = metrics(at)
    assert figures["Insiden 7 hari terakhir (pemilihan)"] == "4"
    assert figures["Korban 7 hari terakhir (pemilihan)"] == "2"
    body = texts(at)
    assert "2 insiden lain (kriminalitas, konflik sosial, bencana, …) tidak ditampilkan" in body
    assert "Skor risiko tidak berubah" in body
    risk_map = svg_maps(at)
    high = figures["Wilayah rawan tinggi"]

    _scope(at, election="all")
    figures = metrics(at)
    assert figures["Insiden 7 hari terakhir"] == "6" and figures["Korban 7 hari terakhir"] == "5"
    assert "insiden lain" not in texts(at)
    # the filter changes what is counted, never the scores
    assert svg_maps(at) == risk_map and figures["Wilayah rawan tinggi"] == high

    _scope(at, athg="gangguan")
    assert metrics(at)["Insiden 7 hari terakhir"] == "4"  # perusakan, lahan, KDRT, bentrok
    _scope(at, election="no")
    assert metrics(at)["Insiden 7 hari terakhir"] == "2"
    _scope(at, election="yes", athg=None, source="polri")
    assert metrics(at)["Insiden 7 hari terakhir (pemilihan)"] == "1"  # politik uang
    assert "1 insiden lain" in texts(at)  # the land dispute, also reported by the police


def test_overview_scope_in_english(open_app, scope_db):
    at = open_app(scope_db.path, params={"tanggal": AS_OF, "prov": "65", "bahasa": "en"})
    assert_clean(at)
    assert metrics(at)["Incidents, last 7 days (election)"] == "4"
    assert "2 other incidents (crime, social conflict, disasters, …) are not shown" in texts(at)
    assert "Risk scores do not change" in texts(at)


# -- Wilayah --------------------------------------------------------------------------------------
def test_region_profile_lists_election_incidents_and_counts_the_others(open_app, scope_db):
    at = open_app(scope_db.path, page="wilayah", params={"tanggal": AS_OF, "prov": "65", "wilayah": "65.71"})
    assert_clean(at)
    assert at.title[0].value == "Wilayah — Kota Tarakan"
    body = texts(at)
    assert "3 insiden lain (kriminalitas, konflik sosial, bencana, …) tidak ditampilkan" in body
    incidents, ranking = at.dataframe[-2].value, at.dataframe[-1].value
    assert len(incidents) == 4
    assert dict(zip(ranking["Kecamatan"], ranking["Insiden"]))["Tarakan Timur"] == 1
    assert ranking["Insiden"].sum() == 4

    _scope(at, election="all")
    incidents, ranking = at.dataframe[-2].value, at.dataframe[-1].value
    assert len(incidents) == 7 and ranking["Insiden"].sum() == 7
    assert "insiden lain" not in texts(at)
    _scope(at, source="polri")
    assert len(at.dataframe[-2].value) == 3  # politik uang, sengketa lahan, pencurian


# -- Tahapan --------------------------------------------------------------------------------------
def _per_phase(at) -> dict[str, int]:
    table = next(d.value for d in at.dataframe if "Tahapan" in d.value.columns)
    return {p: int(n) for p, n in zip(table["Tahapan"], table["Insiden"]) if n}


def test_stages_page_counts_incidents_per_phase_of_the_scope(open_app, scope_db):
    at = open_app(scope_db.path, page="tahapan", params={"tanggal": AS_OF, "prov": "65"})
    assert_clean(at)
    assert _per_phase(at) == {"Pencalonan": 1, "Kampanye": 4}
    assert "3 insiden lain (kriminalitas, konflik sosial, bencana, …) tidak ditampilkan" in texts(at)
    _scope(at, election="no")
    assert _per_phase(at) == {"Pencalonan": 1, "Kampanye": 2}
    _scope(at, election="all", athg="tantangan")
    assert _per_phase(at) == {"Kampanye": 1}


# -- Briefing: election-related first, the others beside ----------------------------------------
def _briefing(db, **scope):
    from waspada import briefing

    return briefing.build_briefing(db.reader(), province="65", as_of=date(2024, 10, 20), previous=None, **scope)


def test_briefing_figures_are_election_related_with_the_others_beside(scope_db):
    deck = _briefing(scope_db)
    first = {f.label: f for f in deck.slide("situasi").figures}
    incidents = first["Insiden 7 hari terakhir (pemilihan)"]
    assert (incidents.value, incidents.delta, incidents.aside) == ("4", "+4", "2 kejadian lain (non-pemilihan)")
    assert first["Korban 7 hari terakhir (pemilihan)"].value == "2"
    new = {f.label: f for f in deck.slide("baru").figures}  # since 14 October: the same week
    assert (new["Insiden baru (pemilihan)"].value, new["Insiden baru (pemilihan)"].aside) == (
        "4", "2 kejadian lain (non-pemilihan)")
    assert new["Korban baru (pemilihan)"].value == "2"
    assert sorted(deck.new_by_category["category"]) == ["bentrok_massa", "intimidasi", "perusakan", "politik_uang"]

    every = _briefing(scope_db, election_related=None)
    first = {f.label: f for f in every.slide("situasi").figures}
    assert first["Insiden 7 hari terakhir"].value == "6" and first["Insiden 7 hari terakhir"].aside is None
    # the scope never reaches the risk slides
    assert every.slide("rawan").tables[0].rows == deck.slide("rawan").tables[0].rows

    police = _briefing(scope_db, source_kind="polri")
    assert {f.label: f.value for f in police.slide("situasi").figures}["Insiden 7 hari terakhir (pemilihan)"] == "1"
    assert police.slide("situasi").figures[0].aside == "1 kejadian lain (non-pemilihan)"

    from waspada import briefing

    english = briefing.build_briefing(scope_db.reader(), province="65", as_of=date(2024, 10, 20), previous=None,
                                      lang="en")
    assert english.slide("situasi").figures[0].aside == "2 other incidents (not election-related)"


def test_briefing_exports_print_the_others_beside_the_figure(scope_db, tmp_path):
    import io
    import subprocess

    from pptx import Presentation

    from waspada.reports import images, pdf, pptx

    deck = _briefing(scope_db)
    pictures = images.briefing_images(deck)
    prs = Presentation(io.BytesIO(pptx.briefing_pptx(deck, pictures)))
    first = [s.text_frame.text for s in prs.slides[0].shapes if s.has_text_frame]
    assert "2 kejadian lain (non-pemilihan)" in first and "4" in first
    path = tmp_path / "b.pdf"
    path.write_bytes(pdf.briefing_pdf(deck, pictures))
    page1 = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(path), "-"], check=True, capture_output=True,
                           text=True).stdout
    assert "2 kejadian lain (non-pemilihan)" in page1


def test_briefing_screen_shows_the_aside_and_follows_the_scope_chosen_elsewhere(open_app, scope_db):
    at = open_app(scope_db.path, page="briefing", params={"tanggal": AS_OF, "prov": "65"})
    assert_clean(at)
    assert metrics(at)["Insiden 7 hari terakhir (pemilihan)"] == "4"
    assert "2 kejadian lain (non-pemilihan)" in texts(at)
    at.switch_page("app_pages/ringkasan.py").run()
    _scope(at, election="all")
    at.switch_page("app_pages/briefing.py").run()
    assert_clean(at)
    assert metrics(at)["Insiden 7 hari terakhir"] == "6"
    assert "kejadian lain" not in texts(at)


# -- Weekly situation report: totals by election-related, ATHG and source; rows marked -----------
@pytest.fixture(scope="module")
def week_report(scope_db):
    from waspada.reports import weekly

    return weekly.build_weekly(scope_db.reader(), province="65", week_of=date(2024, 10, 14))


EXPECTED_TOTALS = {
    "Per terkait pemilihan": {"Terkait pemilihan": (4, 1, 1), "Lainnya (non-pemilihan)": (2, 3, 0)},
    "Per kelas ATHG": {"Ancaman": (1, 0, 0), "Tantangan": (1, 0, 0), "Hambatan": (0, 0, 0), "Gangguan": (4, 4, 1),
                       "Tanpa kelas (lainnya)": (0, 0, 0)},
    "Per sumber laporan": {"Polri / Polda / Polres / Polsek": (2, 2, 0), "Bawaslu / Panwaslu": (1, 1, 0),
                           "FKDM (Forum Kewaspadaan Dini Masyarakat)": (1, 0, 0),
                           "Masyarakat / laporan warga": (1, 1, 0),
                           "Kesbangpol kabupaten/kota / provinsi": (1, 0, 1), "TNI / Kodam / Korem / Kodim / Koramil": (0, 0, 0)},
}


def test_weekly_xlsx_totals_by_election_athg_and_source(week_report):
    import io

    from openpyxl import load_workbook

    from waspada.reports import weekly

    wb = load_workbook(io.BytesIO(weekly.weekly_xlsx(week_report)))
    assert wb.sheetnames == list(weekly.SHEETS)

    def rows(sheet):
        return [[c.value for c in r] for r in wb[sheet].iter_rows()]

    summary = {r[0]: r[1] for r in rows("Ringkasan") if r[0]}
    assert (summary["Jumlah insiden"], summary["Insiden terkait pemilihan"], summary["Insiden lain (non-pemilihan)"]) == (
        6, 4, 2)
    for sheet, expected in EXPECTED_TOTALS.items():
        got = {r[1]: tuple(r[2:5]) for r in rows(sheet) if isinstance(r[0], int)}
        assert {k: got[k] for k in expected} == expected, sheet
        assert next(r for r in rows(sheet) if r[1] == "Jumlah")[2:5] == [6, 4, 1], sheet
    # the incident list says which rows are election-related
    listed = rows("Insiden minggu ini")
    header = next(r for r in listed if r[0] == "No")
    col = header.index("Terkait pemilihan")
    marks = {r[6]: r[col] for r in listed if isinstance(r[0], int)}
    assert marks == {"Baliho paslon dirusak": "ya", "Bagi-bagi uang": "ya", "Ancaman pada saksi": "ya",
                     "Warga bersengketa tanah": "tidak", "Suami memukul istri": "tidak",
                     "Dua kubu pendukung bentrok": "ya"}


def test_weekly_pdf_prints_the_same_totals(week_report, tmp_path):
    import subprocess

    from waspada.reports import weekly

    path = tmp_path / "w.pdf"
    path.write_bytes(weekly.weekly_pdf(week_report))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "Insiden terkait pemilihan 4" in lines and "Insiden lain (non-pemilihan) 2" in lines
    for heading in ("Rekapitulasi menurut keterkaitan dengan pemilihan", "Rekapitulasi menurut sumber laporan"):
        assert any(heading in line for line in lines)
    assert "1 Terkait pemilihan 4 1 1" in lines and "2 Lainnya (non-pemilihan) 2 3 0" in lines
    assert "4 Gangguan 4 4 1" in lines and "3 Hambatan 0 0 0" in lines
    assert "4 Polri / Polda / Polres / Polsek 2 2 0" in lines
    # each listed incident says whether it is election-related, beside its category
    flat = " ".join(subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                                   text=True).stdout.split())
    assert flat.count("(terkait pemilihan: ya)") == 4 and flat.count("(terkait pemilihan: tidak)") == 2
