from apptest_helpers import assert_clean, texts


def test_method_page_lists_weights_and_sources(open_app, sample_db):
    at = open_app(sample_db, page="metode")
    assert_clean(at)
    tables = [d.value for d in at.dataframe]
    weights = next(t for t in tables if "Pengaturan" in t.columns)
    assert "half_life_days" in set(weights["Pengaturan"])
    sources = next(t for t in tables if "Asal" in t.columns)
    assert {"regions", "election_stages"} <= set(sources["Data"])
    assert set(sources["Dibangkitkan"]) == {"ya", "tidak"}
    assert all(v.endswith(("WIB", "WITA", "WIT")) for v in sources["Dimuat"])
    assert "Data contoh (dibangkitkan), bukan data nyata" in texts(at)


def test_method_page_on_an_empty_database(open_app, empty_db):
    at = open_app(empty_db, page="metode")
    assert_clean(at)
    body = texts(at)
    assert "Belum ada sumber data yang dimuat." in body
    assert "Data contoh" not in " ".join(w.value for w in at.warning)  # no generated-data label on nothing
