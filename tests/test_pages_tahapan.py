from apptest_helpers import assert_clean, svg_maps, texts


def test_stages_on_the_sample(open_app, sample_db):
    at = open_app(sample_db, page="tahapan", params={"tanggal": "2024-10-01"})
    assert_clean(at)
    assert len(at.get("plotly_chart")) == 2  # timeline and heatmap
    assert len(svg_maps(at)) == 3  # kampanye, pemungutan suara, rekapitulasi
    body = texts(at)
    # On 1 October 2024 voting and tabulation have not started: said, not hidden.
    assert "Tahapan Pemungutan suara belum dimulai pada tanggal ini (mulai 27 November 2024)" in body
    assert "Tahapan Rekapitulasi belum dimulai" in body
    assert "Data contoh (dibangkitkan), bukan data nyata" in body


def test_the_chosen_date_moves_the_marker(open_app, sample_db):
    at = open_app(sample_db, page="tahapan", params={"tanggal": "2024-10-01"})
    timeline = at.get("plotly_chart")[0].proto.spec
    at.sidebar.date_input(key="w_asof").set_value(__import__("datetime").date(2024, 12, 1)).run()
    assert_clean(at)
    assert "2024-12-01" in at.get("plotly_chart")[0].proto.spec and timeline != at.get("plotly_chart")[0].proto.spec
    assert "belum dimulai" not in texts(at)


def test_stages_on_an_empty_database(open_app, empty_db):
    at = open_app(empty_db, page="tahapan")
    assert_clean(at)
    body = texts(at)
    assert "Jadwal tahapan belum dimuat. Jalankan `python -m etl build`." in body
    assert "Belum ada data yang dimuat." in body
    assert not at.get("plotly_chart")  # no timeline drawn from nothing
