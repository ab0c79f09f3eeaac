from datetime import date

from waspada.selection import Selection

HOME = "65"


def test_a_full_selection_survives_the_url():
    sel = Selection(province="53", view="provinsi", region="53.71", phase="kampanye", as_of=date(2024, 11, 20),
                    lang="en", start=date(2024, 10, 1), end=date(2024, 11, 20),
                    categories=("politik_uang", "intimidasi"))
    params = sel.to_query(HOME)
    assert params == {
        "prov": "53", "wilayah": "53.71", "tahapan": "kampanye", "tanggal": "2024-11-20", "bahasa": "en",
        "dari": "2024-10-01", "sampai": "2024-11-20", "kategori": "politik_uang,intimidasi",
    }
    assert Selection.from_query(params, HOME) == sel


def test_the_default_view_makes_a_clean_link():
    assert Selection(province=HOME).to_query(HOME) == {}
    assert Selection.from_query({}, HOME) == Selection(province=HOME)


def test_national_view_round_trips():
    sel = Selection(province=HOME, view="nasional", national_level="kabupaten_kota")
    assert Selection.from_query(sel.to_query(HOME), HOME) == sel
    assert sel.area_province is None and sel.is_national


def test_kota_kupang_and_kabupaten_kupang_stay_apart():
    assert Selection.from_query({"prov": "53", "wilayah": "53.71"}, HOME).region == "53.71"
    assert Selection.from_query({"prov": "53", "wilayah": "53.01"}, HOME).region == "53.01"


def test_a_mistyped_link_opens_the_default_view_instead_of_failing():
    sel = Selection.from_query(
        {"prov": "99", "wilayah": "xx", "tahapan": "kampanye'; DROP", "tanggal": "2024-13-45",
         "bahasa": "fr", "tampilan": "dunia", "kategori": "politik_uang,bogus"},
        HOME,
    )
    assert sel == Selection(province=HOME, categories=("politik_uang",))


def test_a_region_of_another_province_is_dropped():
    # 65.71 is Kota Tarakan (Kalimantan Utara), not in Nusa Tenggara Timur.
    assert Selection.from_query({"prov": "53", "wilayah": "65.71"}, HOME).region is None


def test_repeated_parameters_use_the_last_value():
    assert Selection.from_query({"tahapan": ["kampanye", "rekapitulasi"]}, HOME).phase == "rekapitulasi"


def test_every_settings_reader_reports_a_broken_waspada_toml_instead_of_crashing(tmp_path):
    from waspada.accounts import load_account_settings
    from waspada.compliance import load_rules
    from waspada.reports.weekly import load_report_settings
    from waspada.settings import load_settings

    broken = tmp_path / "waspada.toml"
    broken.write_text("[kantor\nprovinsi = 65", encoding="utf-8")
    problems = (load_settings(broken).problem, load_account_settings(broken).problem, load_rules(broken).problem)
    for problem in problems:
        assert str(problem).startswith("waspada.toml tidak dapat dibaca")
    assert load_settings(broken).problem.render("en").startswith("waspada.toml cannot be read: ")
    assert load_report_settings(broken).place  # placeholders, never a crash
