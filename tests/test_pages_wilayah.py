from apptest_helpers import assert_clean, decks, texts


def test_region_profile_of_kota_tarakan(open_app, sample_db):
    at = open_app(sample_db, page="wilayah", params={"wilayah": "65.71", "tanggal": "2024-11-27"})
    assert_clean(at)
    assert at.title[0].value == "Wilayah — Kota Tarakan"
    body = texts(at)
    assert "Data contoh (dibangkitkan), bukan data nyata" in body
    tables = [d.value for d in at.dataframe]
    kpu = next(t for t in tables if "Angka" in t.columns)
    # TPS are real KPU figures of Pemilu 2024; DPT is a generated estimate, and says so.
    tps = kpu[kpu["Angka"].str.startswith("TPS")].iloc[0]
    assert tps["Dari pemilihan"] == "pemilu2024" and tps["Dibangkitkan"] == "tidak"
    dpt = kpu[kpu["Angka"].str.startswith("DPT")].iloc[0]
    assert dpt["Dibangkitkan"] == "ya"
    ranking = next(t for t in tables if "Kecamatan" in t.columns and "Insiden" in t.columns)
    assert set(ranking["Kecamatan"]) == {"Tarakan Barat", "Tarakan Tengah", "Tarakan Timur", "Tarakan Utara"}
    assert list(ranking["Insiden"]) == sorted(ranking["Insiden"], reverse=True)
    region_map = decks(at)[-1]
    assert [f["properties"]["kode_dotted"] for f in region_map["layers"][0]["data"]["features"]] == ["65.71"]
    assert region_map["layers"][1]["@@type"] == "ScatterplotLayer" and region_map["layers"][1]["data"]


def test_choosing_another_region_changes_the_profile(open_app, sample_db):
    at = open_app(sample_db, page="wilayah", params={"wilayah": "65.71"})
    at.sidebar.selectbox(key="w_region").set_value("65.02").run()
    assert_clean(at)
    assert at.title[0].value == "Wilayah — Kabupaten Malinau"


def test_a_region_without_incidents_says_so(open_app, sample_db):
    # Aceh has no incidents in the sample.
    at = open_app(sample_db, page="wilayah", params={"prov": "11", "wilayah": "11.01"})
    assert_clean(at)
    assert "Tidak ada insiden tercatat untuk pilihan ini." in texts(at)


def test_region_profile_on_an_empty_database(open_app, empty_db):
    at = open_app(empty_db, page="wilayah")
    assert_clean(at)
    assert at.info
