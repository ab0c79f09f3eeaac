"""Offline risk maps: local GeoJSON boundaries coloured by risk category, drawn by pydeck.

No base-map tiles are requested, so the maps work on an office network without internet.
Careful: in Streamlit 1.67 ``map_style=None`` means "pick a Carto base map to match the
theme" (tiles from the internet). The base map is left out with ``map_provider=None``
and pydeck's default map_style, which serialises to the "__MAP_STYLE__" marker that
Streamlit's deck.gl component reads as "no base map". Colours are the same for a category on every page
and every chart; the category word is always shown next to the colour (legend and
tooltip), so nobody has to tell colours apart.
"""

from __future__ import annotations

import copy
import functools
import html
import json
import math

import pandas as pd
import pydeck as pdk

from waspada.i18n import RISK_CATEGORIES, fmt_number, risk_word, t
from waspada.paths import BOUNDARIES_DIR

# Colour-blind-safe sequence (blue -> orange -> dark red, from ColorBrewer RdYlBu ends):
# the three differ in lightness as well as hue, so they stay apart in deuteranopia,
# protanopia, tritanopia and in greyscale on a projector.
CATEGORY_HEX = {
    "rendah": "#4575b4",
    "sedang": "#fdae61",
    "tinggi": "#a50026",
}
NO_DATA_HEX = "#d9d9d9"
OUTLINE_RGBA = [40, 40, 40, 255]
INCIDENT_RGBA = [20, 20, 20, 220]
INCIDENT_OUTLINE_RGBA = [255, 255, 255, 255]

BOUNDARY_FILES = {
    "provinsi": BOUNDARIES_DIR / "batas_provinsi.geojson",
    "kabupaten_kota": BOUNDARIES_DIR / "batas_kabkota.geojson",
}
# deck.gl draws the world 512 px wide at zoom 0.
_WORLD_PX = 512.0


def hex_to_rgb(value: str) -> list[int]:
    value = value.lstrip("#")
    return [int(value[i : i + 2], 16) for i in (0, 2, 4)]


def category_rgba(category: str | None, alpha: int = 235) -> list[int]:
    return hex_to_rgb(CATEGORY_HEX.get(category, NO_DATA_HEX)) + [alpha]


def category_hex(category: str | None) -> str:
    return CATEGORY_HEX.get(category, NO_DATA_HEX)


@functools.cache
def _boundaries(level: str) -> dict:
    with open(BOUNDARY_FILES[level], encoding="utf-8") as fh:
        return json.load(fh)


def boundaries(level: str, province: str | None = None, region: str | None = None) -> dict:
    """A FeatureCollection (a fresh copy) of provinces or kabupaten/kota.

    ``province`` keeps the kabupaten/kota of one province (or that one province at level
    'provinsi'); ``region`` keeps one kabupaten/kota.
    """
    features = _boundaries(level)["features"]
    if region is not None:
        features = [f for f in features if f["properties"]["kode_dotted"] == region]
    elif province is not None:
        key = "kode_prov" if level == "kabupaten_kota" else "kode_dotted"
        features = [f for f in features if f["properties"][key] == province]
    return {"type": "FeatureCollection", "features": copy.deepcopy(features)}


def merge_scores(collection: dict, scores: pd.DataFrame | None, lang: str) -> dict:
    """Put each region's score, category word, reason and fill colour into its properties.

    Regions without a score are grey and say "tanpa data" — a missing score is never
    shown as "rendah".
    """
    by_code = {}
    if scores is not None and not scores.empty:
        reason_col = "reason_en" if lang == "en" else "reason_id"
        for row in scores.to_dict("records"):
            by_code[row["region_code"]] = row | {"reason": row.get(reason_col) or ""}
    for feature in collection["features"]:
        props = feature["properties"]
        row = by_code.get(props["kode_dotted"])
        category = row["category"] if row else None
        props["kategori"] = risk_word(category, lang)
        props["skor"] = fmt_number(row["score"], 1) if row else "–"
        props["alasan"] = row["reason"] if row else ""
        props["fill"] = category_rgba(category)
        props["label_skor"] = t("score", lang)
        props["label_kategori"] = t("category", lang)
    return collection


def bounds(collection: dict) -> tuple[float, float, float, float] | None:
    """(min_lon, min_lat, max_lon, max_lat) of every coordinate, or None when empty."""
    xs: list[float] = []
    ys: list[float] = []

    def walk(coords):
        if coords and isinstance(coords[0], (int, float)):
            xs.append(coords[0])
            ys.append(coords[1])
        else:
            for c in coords:
                walk(c)

    for feature in collection["features"]:
        walk(feature["geometry"]["coordinates"])
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def _mercator_y(lat: float) -> float:
    lat = max(min(lat, 85.0), -85.0)
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def fit_view(box: tuple[float, float, float, float] | None, width_px: int = 800,
             height_px: int = 500, padding: float = 0.08) -> pdk.ViewState:
    """A view that shows the whole box in a map of the given pixel size."""
    if box is None:  # all of Indonesia
        box = (95.0, -11.0, 141.0, 6.0)
    min_lon, min_lat, max_lon, max_lat = box
    lon_span = max(max_lon - min_lon, 0.01)
    y_span = max(_mercator_y(max_lat) - _mercator_y(min_lat), 0.0002)
    usable_w = width_px * (1 - 2 * padding)
    usable_h = height_px * (1 - 2 * padding)
    zoom_x = math.log2(usable_w * 360.0 / (lon_span * _WORLD_PX))
    zoom_y = math.log2(usable_h * 2 * math.pi / (y_span * _WORLD_PX))
    zoom = max(min(zoom_x, zoom_y, 12.0), 2.0)
    centre_y = (_mercator_y(max_lat) + _mercator_y(min_lat)) / 2
    centre_lat = math.degrees(2 * math.atan(math.exp(centre_y)) - math.pi / 2)
    return pdk.ViewState(longitude=(min_lon + max_lon) / 2, latitude=centre_lat, zoom=round(zoom, 2),
                         pitch=0, bearing=0)


def _tooltip(lang: str) -> dict:
    # Plain text (rendered as innerText by deck.gl): names and reasons are never HTML.
    return {
        "text": "{nama}\n{label_kategori}: {kategori}\n{label_skor}: {skor}\n{alasan}",
        "style": {"fontSize": "15px", "maxWidth": "360px", "whiteSpace": "pre-wrap"},
    }


def risk_layer(collection: dict, layer_id: str = "wilayah") -> pdk.Layer:
    return pdk.Layer(
        "GeoJsonLayer",
        data=collection,
        id=layer_id,
        pickable=True,
        stroked=True,
        filled=True,
        get_fill_color="properties.fill",
        get_line_color=OUTLINE_RGBA,
        # Widths in metres (the default) with a 1-pixel floor. Don't pass string props
        # such as line_width_units="pixels": pydeck turns strings into accessor
        # expressions ("@@=pixels") and deck.gl then draws strokes that cover the map.
        get_line_width=1,
        line_width_min_pixels=1,
    )


def incident_layer(points: pd.DataFrame) -> pdk.Layer:
    """Incidents as dots; ``points`` has lon, lat and a plain-text 'nama' label."""
    return pdk.Layer(
        "ScatterplotLayer",
        data=points[["lon", "lat", "nama"]].to_dict("records"),
        id="insiden",
        pickable=True,
        get_position="[lon, lat]",
        get_fill_color=INCIDENT_RGBA,
        get_line_color=INCIDENT_OUTLINE_RGBA,
        stroked=True,
        line_width_min_pixels=1,
        radius_min_pixels=5,
        radius_max_pixels=12,
        get_radius=800,
    )


def deck(collection: dict, lang: str, extra_layers: list[pdk.Layer] | None = None,
         width_px: int = 800, height_px: int = 500) -> pdk.Deck:
    """A deck of the regions (coloured by merged properties) plus optional layers, fitted."""
    return pdk.Deck(
        layers=[risk_layer(collection)] + list(extra_layers or []),
        initial_view_state=fit_view(bounds(collection), width_px, height_px),
        map_provider=None,  # and no map_style: see the module docstring
        tooltip=_tooltip(lang),
    )


def legend_html(lang: str) -> str:
    """A small legend of swatches with the category words; interface constants only."""
    items = [(risk_word(c, lang), category_hex(c)) for c in RISK_CATEGORIES]
    items.append((risk_word(None, lang), NO_DATA_HEX))
    swatches = "".join(
        f'<span style="display:inline-flex;align-items:center;margin-right:1.1em">'
        f'<span style="display:inline-block;width:1.1em;height:1.1em;background:{colour};'
        f'border:1px solid #333;margin-right:0.35em"></span>{html.escape(word)}</span>'
        for word, colour in items
    )
    return f'<div style="font-size:1rem"><b>{html.escape(t("legend", lang))}:</b> {swatches}</div>'
