"""The frame around every page: database path, sidebar, language, URL."""

from datetime import date

from apptest_helpers import assert_clean, texts

PAGES = ("ringkasan", "tahapan", "wilayah", "insiden", "metode")


def test_a_missing_database_says_how_to_build_it_on_every_page(open_app, tmp_path):
    at = open_app(tmp_path / "belum-ada.duckdb")
    for page in PAGES:
        at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception
        assert len(at.error) == 1
        assert "python -m etl build" in at.error[0].value and "make run" in at.error[0].value


def test_the_office_province_and_a_stated_default_date_open_first(open_app, sample_db):
    at = open_app(sample_db)
    assert_clean(at)
    assert at.sidebar.selectbox(key="w_prov").value == "65"  # waspada.toml [kantor] provinsi
    # Today (after Pilkada 2024) is outside the schedule: the latest incident date is used and said.
    assert at.sidebar.date_input(key="w_asof").value == date(2025, 2, 20)
    assert "insiden terakhir yang tercatat (20 Februari 2025)" in texts(at)


def test_english_switch_changes_the_interface_and_the_link(open_app, sample_db):
    at = open_app(sample_db)
    at.sidebar.segmented_control(key="w_lang").set_value("en").run()
    assert_clean(at)
    assert at.title[0].value.startswith("Overview")
    assert at.query_params.get("bahasa") == "en"


def test_the_link_carries_the_selection(open_app, sample_db):
    at = open_app(sample_db)
    at.sidebar.selectbox(key="w_prov").set_value("53").run()
    at.sidebar.selectbox(key="w_region").set_value("53.71").run()
    at.sidebar.selectbox(key="w_phase").set_value("kampanye").run()
    at.sidebar.date_input(key="w_asof").set_value(date(2024, 11, 8)).run()
    assert_clean(at)
    assert at.query_params == {"prov": "53", "wilayah": "53.71", "tahapan": "kampanye", "tanggal": "2024-11-08"}


def test_a_link_reopens_the_same_view(open_app, sample_db):
    params = {"prov": "53", "wilayah": "53.71", "tahapan": "rekapitulasi", "tanggal": "2024-12-01", "bahasa": "en"}
    at = open_app(sample_db, page="wilayah", params=params)
    assert_clean(at)
    assert at.sidebar.selectbox(key="w_prov").value == "53"
    assert at.sidebar.selectbox(key="w_region").value == "53.71"
    assert at.sidebar.selectbox(key="w_phase").value == "rekapitulasi"
    assert at.sidebar.date_input(key="w_asof").value == date(2024, 12, 1)
    assert at.title[0].value == "Region profile — Kota Kupang"


def test_selection_is_kept_when_moving_between_pages(open_app, sample_db):
    at = open_app(sample_db)
    at.sidebar.selectbox(key="w_prov").set_value("61").run()
    for page in PAGES:
        at.switch_page(f"app_pages/{page}.py").run()
        assert_clean(at)
        assert at.sidebar.selectbox(key="w_prov").value == "61"
