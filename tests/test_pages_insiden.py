import io
from datetime import date

import openpyxl

from apptest_helpers import assert_clean, decks, texts


def test_incident_log_on_the_sample(open_app, sample_db):
    at = open_app(sample_db, page="insiden")
    assert_clean(at)
    assert "Data contoh (dibangkitkan), bukan data nyata" in texts(at)
    table = at.dataframe[0].value
    assert len(table) > 100 and set(table["Kabupaten/kota"]) <= {
        "Kabupaten Malinau", "Kabupaten Bulungan", "Kabupaten Tana Tidung", "Kabupaten Nunukan", "Kota Tarakan"}
    assert len(decks(at)) == 1


def test_filters_narrow_the_table(open_app, sample_db):
    at = open_app(sample_db, page="insiden")
    everything = len(at.dataframe[0].value)
    at.multiselect(key="w_cats").set_value(["politik_uang"]).run()
    assert_clean(at)
    money = at.dataframe[0].value
    assert 0 < len(money) < everything and set(money["Kategori insiden"]) == {"Politik uang"}
    at.sidebar.selectbox(key="w_region").set_value("65.71").run()
    tarakan = at.dataframe[0].value
    assert len(tarakan) <= len(money) and set(tarakan["Kabupaten/kota"]) <= {"Kota Tarakan"}
    at.date_input(key="w_range").set_value((date(2024, 9, 25), date(2024, 11, 23))).run()
    assert_clean(at)
    assert at.query_params["dari"] == "2024-09-25" and at.query_params["kategori"] == "politik_uang"


def test_the_excel_download_is_what_the_filters_show(open_app, sample_db, monkeypatch):
    # AppTest does not expose a download's bytes; keep what the page hands to the button (a
    # function that builds the workbook when clicked) and call it as the click would.
    from ui import widgets

    made = []
    real = widgets.incident_export
    monkeypatch.setattr(widgets, "incident_export", lambda *a, **k: made.append(real(*a, **k)) or made[-1])
    at = open_app(sample_db, page="insiden", params={"tahapan": "kampanye", "kategori": "bentrok_massa"})
    assert_clean(at)
    assert len(at.get("download_button")) == 1
    shown = at.dataframe[0].value
    ws = openpyxl.load_workbook(io.BytesIO(made[-1]())).active
    rows = list(ws.iter_rows(values_only=True))
    assert "Kampanye" in rows[0][0] and "Bentrokan antarmassa" in rows[0][0]  # the filters, written on top
    assert rows[1][0] == "Data contoh (dibangkitkan), bukan data nyata"
    header = next(i for i, r in enumerate(rows) if r[0] == "Tanggal")
    assert list(rows[header]) == list(shown.columns)
    body = rows[header + 1:]
    assert len(body) == len(shown)
    assert {r[5] for r in body} == {"Bentrokan antarmassa"} and {r[4] for r in body} == {"Kampanye"}
    assert [r[6] for r in body] == list(shown["Uraian"])


def test_a_filter_with_no_match_says_so(open_app, sample_db):
    at = open_app(sample_db, page="insiden", params={"prov": "11"})
    assert_clean(at)
    assert "Tidak ada insiden tercatat untuk pilihan ini." in texts(at)
    assert not at.dataframe


def test_incident_log_on_an_empty_database(open_app, empty_db):
    at = open_app(empty_db, page="insiden")
    assert_clean(at)
    assert "Tidak ada insiden tercatat untuk pilihan ini." in texts(at)
