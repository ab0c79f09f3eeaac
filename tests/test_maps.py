import json
import math

import pandas as pd

from waspada import maps

KALTARA_KABKOTA = {"65.01", "65.02", "65.03", "65.04", "65.71"}


def _scores(rows):
    return pd.DataFrame(rows, columns=["region_code", "score", "category", "reason_id", "reason_en"])


def test_a_province_map_holds_its_kabupaten_kota_only():
    fc = maps.boundaries("kabupaten_kota", province="65")
    assert {f["properties"]["kode_dotted"] for f in fc["features"]} == KALTARA_KABKOTA
    assert [f["properties"]["kode_dotted"] for f in maps.boundaries("kabupaten_kota", region="53.71")["features"]] == ["53.71"]
    assert len(maps.boundaries("provinsi")["features"]) == 38


def test_boundaries_are_copies_so_one_page_cannot_colour_another():
    first = maps.boundaries("kabupaten_kota", province="65")
    maps.merge_scores(first, _scores([("65.71", 60.0, "tinggi", "x", "x")]), "id")
    assert "kategori" not in maps.boundaries("kabupaten_kota", province="65")["features"][0]["properties"]


def test_scores_colour_and_label_each_region_and_missing_scores_say_so():
    fc = maps.boundaries("kabupaten_kota", province="65")
    scores = _scores([("65.71", 55.26, "tinggi", "Tinggi karena 3 bentrokan", "High because of 3 clashes"),
                      ("65.01", 10.0, "rendah", "Rendah", "Low")])
    maps.merge_scores(fc, scores, "id")
    props = {f["properties"]["kode_dotted"]: f["properties"] for f in fc["features"]}
    assert props["65.71"]["kategori"] == "tinggi"
    assert props["65.71"]["skor"] == "55,3"
    assert props["65.71"]["alasan"] == "Tinggi karena 3 bentrokan"
    assert props["65.71"]["fill"][:3] == maps.hex_to_rgb(maps.CATEGORY_HEX["tinggi"])
    assert props["65.01"]["fill"][:3] == maps.hex_to_rgb(maps.CATEGORY_HEX["rendah"])
    assert props["65.02"]["kategori"] == "tanpa data"
    assert props["65.02"]["fill"][:3] == maps.hex_to_rgb(maps.NO_DATA_HEX)
    maps.merge_scores(fc, scores, "en")
    assert (props["65.71"]["kategori"], props["65.71"]["alasan"]) == ("high", "High because of 3 clashes")
    assert props["65.02"]["kategori"] == "no data"


def _luminance(hex_colour):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in maps.hex_to_rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_category_colours_differ_in_lightness_not_only_in_hue():
    # Told apart without colour vision (greyscale projector, red-green deficiency).
    lum = [_luminance(maps.CATEGORY_HEX[c]) for c in ("rendah", "sedang", "tinggi")] + [_luminance(maps.NO_DATA_HEX)]
    for i in range(len(lum)):
        for j in range(i + 1, len(lum)):
            lighter, darker = max(lum[i], lum[j]), min(lum[i], lum[j])
            assert (lighter + 0.05) / (darker + 0.05) > 1.25, (i, j, lum)


def test_the_view_fits_the_area():
    fc = maps.boundaries("kabupaten_kota", province="65")
    min_lon, min_lat, max_lon, max_lat = maps.bounds(fc)
    view = maps.fit_view((min_lon, min_lat, max_lon, max_lat), 800, 500)
    assert min_lon < view.longitude < max_lon and min_lat < view.latitude < max_lat
    # At this zoom the box is at most the map's size in pixels (deck.gl: 512 px world at zoom 0).
    scale = 512 * 2 ** view.zoom
    width_px = (max_lon - min_lon) / 360 * scale
    y = lambda lat: math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))  # noqa: E731
    height_px = (y(max_lat) - y(min_lat)) / (2 * math.pi) * scale
    assert width_px <= 800 and height_px <= 500
    assert width_px > 400 or height_px > 250  # and not a speck in the middle
    # A single kota is drawn much closer than its whole province.
    assert maps.fit_view(maps.bounds(maps.boundaries("kabupaten_kota", region="65.71"))).zoom > view.zoom


def test_the_deck_needs_no_internet_and_keeps_names_as_text():
    fc = maps.merge_scores(maps.boundaries("kabupaten_kota", province="65"), None, "id")
    spec = json.loads(maps.deck(fc, "id").to_json())
    text = json.dumps({k: v for k, v in spec.items() if k != "layers"})
    assert "http" not in text and "mapbox" not in text.lower() and "carto" not in text.lower()
    # Streamlit's deck.gl component draws no base map for this marker (map_style=None would
    # make it fetch Carto tiles).
    assert spec.get("mapStyle") == "__MAP_STYLE__"
    # The tooltip is plain text (deck.gl sets innerText): a name or reason is never HTML.
    tooltip = maps.deck(fc, "id")._tooltip
    assert tooltip["text"] == "{nama}\n{rincian}" and "html" not in tooltip
    # Every region carries both fields, so no raw placeholder is left.
    props = fc["features"][0]["properties"]
    assert props["nama"] and props["rincian"].startswith("Kategori: ")


def test_incident_points_layer_uses_given_positions():
    points = pd.DataFrame({"lon": [117.6], "lat": [3.3], "nama": ["27 November 2024 · Bentrokan"]})
    layer = maps.incident_layer(points)
    assert layer.data == [{"lon": 117.6, "lat": 3.3, "nama": "27 November 2024 · Bentrokan", "rincian": ""}]


def _svg_regions(svg: str) -> dict:
    import xml.etree.ElementTree as ET

    ns = "{http://www.w3.org/2000/svg}"
    return {p.get("data-kode"): p for p in ET.fromstring(svg).iter(ns + "path")}


def test_the_svg_map_colours_and_labels_each_region_as_text():
    # Markup, Markdown and LaTeX in a reason, and a blank line that would end a Markdown HTML block.
    reason = 'Tinggi karena <b onclick="x()">3</b> *bentrokan* & "hoaks"\n\n[a](javascript:x) $1$ :red[y] :material/home:'
    scores = _scores([("65.71", 55.26, "tinggi", reason, "High"), ("65.01", 20.0, "rendah", "Rendah", "Low")])
    svg = maps.risk_svg("kabupaten_kota", scores, "id", province="65", width_px=600, label="Peta <uji>")
    regions = _svg_regions(svg)  # parses: every name and reason is escaped text, never markup
    assert set(regions) == KALTARA_KABKOTA
    ns = "{http://www.w3.org/2000/svg}"
    tarakan = regions["65.71"]
    assert tarakan.get("fill") == maps.CATEGORY_HEX["tinggi"] and tarakan.get("data-kategori") == "tinggi"
    assert tarakan.find(ns + "title").text == f"Kota Tarakan\nKategori: tinggi\nSkor: 55,3\n{reason}"
    assert "<b" not in svg and "&lt;b onclick" in svg
    # A region without a score is grey and says so; it is never shown as "rendah".
    bulungan = regions["65.02"]
    assert bulungan.get("fill") == maps.NO_DATA_HEX and "Kategori: tanpa data" in bulungan.find(ns + "title").text
    # Nothing to fetch, nothing to run: no script, no link, no URL other than the SVG namespace.
    assert "<script" not in svg and "href" not in svg and svg.count("http") == 1
    # One line in a <div>: Markdown (st.markdown shows it) passes it through as one HTML block.
    assert svg.startswith('<div class="peta-kerawanan"><svg ') and svg.endswith("</svg></div>") and "\n" not in svg


def test_the_svg_map_keeps_every_region_and_fits_its_box():
    national = maps.risk_svg("kabupaten_kota", None, "en", width_px=600)
    regions = _svg_regions(national)
    assert len(regions) == 514 and all(p.get("d").startswith("M") for p in regions.values())
    x0, y0, w, h = map(float, national.split('viewBox="')[1].split('"')[0].split())
    # All of Indonesia, 95°E to 141°E, in a box wider than high (Mercator y runs downwards).
    assert x0 < 95.1 and x0 + w > 140.9 and 2 < w / h < 3.5
    assert all("\nCategory: no data\n" in p.find("{http://www.w3.org/2000/svg}title").text for p in regions.values())
    assert maps.risk_svg("kabupaten_kota", None, "id", region="99.99") is None
