from apptest_helpers import assert_clean, metrics, svg_maps, texts

GENERATED = "Data contoh (dibangkitkan), bukan data nyata"


def test_overview_on_the_sample(open_app, sample_db):
    at = open_app(sample_db, params={"tanggal": "2024-11-08"})
    assert_clean(at)
    body = texts(at)
    # 8 November 2024 is day 45 of the 60-day campaign, 19 days before voting day.
    assert "Kampanye, hari ke-45 dari 60 — pemungutan suara 19 hari lagi" in body
    assert GENERATED in body
    figures = metrics(at)
    assert set(figures) == {"Insiden 7 hari terakhir", "Korban 7 hari terakhir",
                            "Wilayah rawan tinggi", "Peringatan terbuka"}
    assert all(v != "–" for v in figures.values())
    [regions] = svg_maps(at)
    assert {r["kode"] for r in regions} == {"65.01", "65.02", "65.03", "65.04", "65.71"}
    assert all(r["kategori"] in ("rendah", "sedang", "tinggi") for r in regions)
    # Each region's tooltip says its name, category word and score; the colour is the category's.
    tarakan = next(r for r in regions if r["kode"] == "65.71")
    assert tarakan["title"].startswith(f"Kota Tarakan\nKategori: {tarakan['kategori']}\nSkor: ")
    assert {r["fill"] for r in regions if r["kategori"] == "tinggi"} <= {"#a50026"}
    top = at.table[0].value
    assert len(top) == 5 and list(top["Skor"]) == sorted(top["Skor"], key=lambda s: float(s.replace(",", ".")), reverse=True)
    # Every region's reason is shown whole, a sentence that starts with its category.
    assert all(reason.startswith(category.capitalize()) and reason.endswith(").")
               for reason, category in zip(top["Alasan"], top["Kategori"]))


def test_phase_choice_changes_the_map(open_app, sample_db):
    at = open_app(sample_db, params={"tanggal": "2024-11-08"})
    before = svg_maps(at)[0]
    title_before = [s.value for s in at.subheader if s.value.startswith("Peta")]
    at.sidebar.selectbox(key="w_phase").set_value("pemungutan_suara").run()
    assert_clean(at)
    title_after = [s.value for s in at.subheader if s.value.startswith("Peta")]
    assert title_before != title_after and "Pemungutan suara" in title_after[0]
    assert svg_maps(at)[0] != before


def test_national_view_maps_provinces_then_all_kabupaten_kota(open_app, sample_db):
    at = open_app(sample_db, params={"tampilan": "nasional"})
    assert_clean(at)
    assert at.title[0].value == "Ringkasan — Indonesia"
    assert len(svg_maps(at)[0]) == 38
    at.segmented_control(key="w_natlevel").set_value("kabupaten_kota").run()
    assert_clean(at)
    assert len(svg_maps(at)[0]) == 514
    assert at.query_params.get("peta") == "kabupaten_kota"


def test_overview_on_an_empty_database(open_app, empty_db):
    at = open_app(empty_db)
    assert_clean(at)
    assert "Jadwal tahapan belum dimuat" in texts(at)
    assert GENERATED not in texts(at)
