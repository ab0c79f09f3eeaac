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
import threading
from dataclasses import dataclass

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
        props["rincian"] = region_detail(props["kategori"], props["skor"], props["alasan"], lang)
    return collection


def region_detail(kategori: str, skor: str, alasan: str, lang: str) -> str:
    """The tooltip lines under a region's name: category, score and the reason."""
    lines = [f"{t('category', lang)}: {kategori}", f"{t('score', lang)}: {skor}"]
    return "\n".join(lines + ([alasan] if alasan else []))


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


def mercator_y(lat):
    """Web Mercator y (radians) of a latitude or an array of them, clipped at ±85°."""
    import numpy as np

    return np.log(np.tan(np.pi / 4 + np.radians(np.clip(lat, -85.0, 85.0)) / 2))


def fit_view(box: tuple[float, float, float, float] | None, width_px: int = 800,
             height_px: int = 500, padding: float = 0.08) -> pdk.ViewState:
    """A view that shows the whole box in a map of the given pixel size."""
    if box is None:  # all of Indonesia
        box = (95.0, -11.0, 141.0, 6.0)
    min_lon, min_lat, max_lon, max_lat = box
    lon_span = max(max_lon - min_lon, 0.01)
    y_span = max(mercator_y(max_lat) - mercator_y(min_lat), 0.0002)
    usable_w = width_px * (1 - 2 * padding)
    usable_h = height_px * (1 - 2 * padding)
    zoom_x = math.log2(usable_w * 360.0 / (lon_span * _WORLD_PX))
    zoom_y = math.log2(usable_h * 2 * math.pi / (y_span * _WORLD_PX))
    zoom = max(min(zoom_x, zoom_y, 12.0), 2.0)
    centre_y = (mercator_y(max_lat) + mercator_y(min_lat)) / 2
    centre_lat = math.degrees(2 * math.atan(math.exp(centre_y)) - math.pi / 2)
    return pdk.ViewState(longitude=(min_lon + max_lon) / 2, latitude=centre_lat, zoom=round(zoom, 2),
                         pitch=0, bearing=0)


def _tooltip(lang: str) -> dict:
    # Plain text (rendered as innerText by deck.gl): names and reasons are never HTML. One
    # template for every pickable layer, so regions and incident dots both carry exactly
    # 'nama' and 'rincian' (a field a layer lacks would show as a raw "{placeholder}").
    return {
        "text": "{nama}\n{rincian}",
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
    """Incidents as dots; ``points`` has lon, lat, a plain-text 'nama' label and optionally
    'rincian' (the tooltip's further lines)."""
    points = points.assign(rincian=points["rincian"] if "rincian" in points else "")
    return pdk.Layer(
        "ScatterplotLayer",
        data=points[["lon", "lat", "nama", "rincian"]].to_dict("records"),
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


# -- the fast path the pages use ----------------------------------------------------------------
# A page draws the same boundaries on every run; only the colours and words change. So the
# geometry is simplified for the size it is drawn at and serialised to JSON once per process
# (the shapes are immutable), and each run writes only the properties of each feature and
# splices the cached geometry text in. The province file is 2.2 MB and the kab/kota file 3.4
# MB as stored; a national map at dashboard size needs about a sixth of that.
_FEATURES_MARKER = "__WASPADA_FEATURES__"


def _decimals_for(box: tuple[float, float, float, float] | None, width_px: int) -> int:
    """Coordinate decimals that keep the rounding below a quarter of a pixel when the box
    fills width_px (2 for all of Indonesia at 600 px, 3 for a province, 4 for a kab/kota)."""
    if box is None:
        return 3
    span = max(box[2] - box[0], box[3] - box[1], 1e-6)
    return int(min(max(math.ceil(-math.log10(span / max(width_px, 1) / 4)), 2), 5))


def _steps_for(box: tuple[float, float, float, float] | None, width_px: int, decimals: int) -> int:
    """Grid steps in half a pixel of a map where the box fills width_px (at least one)."""
    if box is None:
        return 1
    span = max(box[2] - box[0], box[3] - box[1], 1e-6)
    return max(1, int(span / max(width_px, 1) / 2 / 10.0 ** -decimals))


def _thin(ring: list, decimals: int, tol: float):
    """A ring for a map whose pixel is about 2 * tol degrees wide: None when the ring is an
    islet under a pixel across (Indonesia's boundaries hold ~17,000 rings, most of them
    islets a browser would triangulate and draw as nothing); else rounded to `decimals`
    (neighbours share the same grid, so borders stay shared), repeated points dropped and
    points within tol of the line through their neighbours dropped (Douglas-Peucker)."""
    xs = [c[0] for c in ring]
    ys = [c[1] for c in ring]
    if max(xs) - min(xs) < 2 * tol and max(ys) - min(ys) < 2 * tol:
        return None
    import numpy as np

    a = np.round(np.asarray(ring, dtype=float)[:, :2], decimals)
    if len(a) > 1:
        keep = np.ones(len(a), dtype=bool)
        keep[1:] = np.any(a[1:] != a[:-1], axis=1)
        a = a[keep]
    if len(a) < 4:
        return None
    keep = np.zeros(len(a), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(a) - 1)]
    while stack:
        i, j = stack.pop()
        if j <= i + 1:
            continue
        p, q, seg = a[i], a[j], a[i + 1:j]
        dx, dy = q - p
        length = math.hypot(dx, dy)
        if length == 0:
            dist = np.hypot(seg[:, 0] - p[0], seg[:, 1] - p[1])
        else:
            dist = np.abs(dx * (seg[:, 1] - p[1]) - dy * (seg[:, 0] - p[0])) / length
        k = int(np.argmax(dist))
        if dist[k] > tol:
            keep[i + 1 + k] = True
            stack += [(i, i + 1 + k), (i + 1 + k, j)]
    a = a[keep]
    return a if len(a) >= 4 else None


@functools.lru_cache(maxsize=4096)
def _simplified(level: str, index: int, decimals: int, steps: int = 1) -> tuple:
    """One feature's polygons (each a tuple of rings, each an array of [lon, lat]) on a grid
    of `decimals` and simplified to a tolerance of `steps` grid steps (about half a pixel).

    Rings under a pixel are left out, except that every region keeps at least its largest
    ring (at finer rounding if need be), so no region vanishes from a map."""
    import numpy as np

    tol = steps * 10.0 ** -decimals
    geometry = _boundaries(level)["features"][index]["geometry"]
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    out = []
    for polygon in polygons:
        outer = _thin(polygon[0], decimals, tol)
        if outer is None:
            continue
        rings = [outer] + [r for r in (_thin(h, decimals, tol) for h in polygon[1:]) if r is not None]
        out.append(tuple(rings))
    if not out:
        largest = max((poly[0] for poly in polygons), key=len)
        ring = _thin(largest, 6, 0.0)
        out = [(ring if ring is not None else np.asarray([[x, y] for x, y, *_ in largest], dtype=float),)]
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def _geometry_json(level: str, index: int, decimals: int, steps: int = 1) -> str:
    """One feature's simplified geometry as compact GeoJSON text (cached per process)."""
    polygons = _simplified(level, index, decimals, steps)
    return json.dumps({"type": "MultiPolygon", "coordinates": [[r.tolist() for r in p] for p in polygons]},
                      separators=(",", ":"))


@functools.cache
def _feature_boxes(level: str) -> tuple:
    """(min_lon, min_lat, max_lon, max_lat) of each feature of a level, in file order."""
    out = []
    for feature in _boundaries(level)["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        xs = [c[0] for polygon in polygons for ring in polygon for c in ring]
        ys = [c[1] for polygon in polygons for ring in polygon for c in ring]
        out.append((min(xs), min(ys), max(xs), max(ys)) if xs else None)
    return tuple(out)


@dataclass(frozen=True)
class Shapes:
    """The boundaries of one map (level and area), ready to draw: immutable, cached."""
    level: str
    indices: tuple[int, ...]        # positions in the boundary file
    codes: tuple[str, ...]          # kode_dotted of each feature
    properties: tuple[str, ...]     # the file's own properties, as JSON object text without the closing brace
    box: tuple[float, float, float, float] | None
    decimals: int
    steps: int  # simplification tolerance in grid steps: about half a pixel

    @property
    def geometry(self) -> tuple[str, ...]:
        return tuple(_geometry_json(self.level, i, self.decimals, self.steps) for i in self.indices)


@functools.lru_cache(maxsize=256)
def shapes(level: str, province: str | None = None, region: str | None = None, width_px: int = 800) -> Shapes:
    """The features boundaries() would return, simplified for a map width_px wide."""
    features = _boundaries(level)["features"]
    if region is not None:
        keep = [i for i, f in enumerate(features) if f["properties"]["kode_dotted"] == region]
    elif province is not None:
        key = "kode_prov" if level == "kabupaten_kota" else "kode_dotted"
        keep = [i for i, f in enumerate(features) if f["properties"][key] == province]
    else:
        keep = list(range(len(features)))
    boxes = [b for b in (_feature_boxes(level)[i] for i in keep) if b is not None]
    box = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
           max(b[3] for b in boxes)) if boxes else None
    decimals = _decimals_for(box, width_px)
    return Shapes(
        level=level, indices=tuple(keep),
        codes=tuple(features[i]["properties"]["kode_dotted"] for i in keep),
        properties=tuple(json.dumps(features[i]["properties"], separators=(",", ":"))[:-1] for i in keep),
        box=box, decimals=decimals, steps=_steps_for(box, width_px, decimals),
    )


def _region_words(shape: Shapes, scores: pd.DataFrame | None, lang: str) -> list[dict]:
    """Per feature, what a map says of it: category (code, word, colour), score and reason.

    Regions without a score are grey and say "tanpa data": a missing score is never shown
    as "rendah"."""
    by_code: dict = {}
    if scores is not None and not scores.empty:
        reason_col = "reason_en" if lang == "en" else "reason_id"
        cols = scores[["region_code", "score", "category", reason_col]]
        for code, score, category, reason in zip(*(cols[c].tolist() for c in cols.columns)):
            by_code[code] = (score, category, reason if isinstance(reason, str) else "")
    out = []
    for code in shape.codes:
        row = by_code.get(code)
        category = row[1] if row else None
        out.append({"category": category, "kategori": risk_word(category, lang),
                    "skor": fmt_number(row[0], 1) if row else "–", "alasan": row[2] if row else ""})
    return out


def _score_properties(shape: Shapes, scores: pd.DataFrame | None, lang: str,
                      facts: dict[str, str] | None = None) -> list[str]:
    """Per feature, the JSON of what merge_scores() adds (same keys, same words), the
    region's Pilkada facts line (facts: code -> text) at the end of its tooltip."""
    label_skor, label_kategori = t("score", lang), t("category", lang)
    facts = facts or {}
    return [json.dumps({
        "kategori": w["kategori"], "skor": w["skor"], "alasan": w["alasan"], "fill": category_rgba(w["category"]),
        "label_skor": label_skor, "label_kategori": label_kategori,
        "rincian": "\n".join(x for x in (region_detail(w["kategori"], w["skor"], w["alasan"], lang),
                                          facts.get(code, "")) if x),
    }, separators=(",", ":"))[1:] for code, w in zip(shape.codes, _region_words(shape, scores, lang))]


# -- the same map as an SVG picture ------------------------------------------------------------
# deck.gl needs WebGL. Chrome 144 and later no longer fall back to software WebGL when a PC's
# graphics driver is blocklisted or absent (remote desktops, old office PCs): there a deck.gl
# map stays blank. It also costs a browser a 3 MB script and, without a GPU, a second or more
# per map. A choropleth needs none of that: the regions are paths of an inline SVG, drawn by
# any browser at once, with each region's name, category, score and reason as its <title>
# (the browser's own tooltip: plain text, never HTML).

@functools.lru_cache(maxsize=4096)
def _svg_path(level: str, index: int, decimals: int, steps: int = 1) -> str:
    """One feature's simplified geometry as SVG path data in Mercator degrees, y downwards."""
    import numpy as np

    parts = []
    for polygon in _simplified(level, index, decimals, steps):
        for ring in polygon:
            xs = ring[:, 0]
            ys = -np.degrees(mercator_y(ring[:, 1]))
            points = " ".join(f"{x:.{decimals}f} {y:.{decimals}f}" for x, y in zip(xs.tolist(), ys.tolist()))
            first, _, rest = points.partition(" ")
            second, _, rest = rest.partition(" ")
            parts.append(f"M{first} {second}L{rest}Z")
    return "".join(parts)


def risk_svg(level: str, scores: pd.DataFrame | None, lang: str, *, province: str | None = None,
             region: str | None = None, width_px: int = 800, height_px: int = 500,
             label: str = "", facts: dict[str, str] | None = None) -> str | None:
    """The regions of risk_deck() as an inline SVG (no WebGL, no script), or None when the
    area has no shapes. Every path carries data-kode and data-kategori; its <title> holds
    the region's name, category, score and reason, and its Pilkada facts line when given
    (facts: code -> text, queries.region_fact_lines), as escaped text."""
    shape = shapes(level, province, region, width_px)
    if not shape.codes or shape.box is None:
        return None
    min_lon, min_lat, max_lon, max_lat = shape.box
    top, bottom = (-math.degrees(mercator_y(max_lat)), -math.degrees(mercator_y(min_lat)))
    span = max(max_lon - min_lon, bottom - top, 1e-6)
    pad = span * 0.02
    x0, y0, w, h = min_lon - pad, top - pad, max_lon - min_lon + 2 * pad, bottom - top + 2 * pad
    stroke = w / max(width_px, 1) * 0.8  # about 0.8 px however the picture is scaled
    label_skor, label_kategori = t("score", lang), t("category", lang)
    paths = []
    for index, code, words in zip(shape.indices, shape.codes, _region_words(shape, scores, lang)):
        name = _boundaries(level)["features"][index]["properties"].get("nama", code)
        title = "\n".join(x for x in (name, f"{label_kategori}: {words['kategori']}",
                                       f"{label_skor}: {words['skor']}", words["alasan"],
                                       (facts or {}).get(code, "")) if x)
        paths.append(
            f'<path data-kode="{html.escape(code)}" data-kategori="{words["category"] or "tanpa_data"}" '
            f'fill="{category_hex(words["category"])}" d="{_svg_path(level, index, shape.decimals, shape.steps)}">'
            f"<title>{_text(title)}</title></path>"
        )
    # One line inside a <div>: Markdown passes an HTML block that starts with <div> through
    # untouched up to the first blank line, so nothing in a name or reason is read as Markdown
    # (emphasis, links, $maths$, :icons:); line breaks in a tooltip are written as &#10;.
    return (
        '<div class="peta-kerawanan">'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0:.4f} {y0:.4f} {w:.4f} {h:.4f}" '
        f'data-peta="kerawanan" role="img" aria-label="{_text(label)}" preserveAspectRatio="xMidYMid meet" '
        f'style="display:block;width:100%;height:auto;max-height:{int(height_px)}px">'
        f'<g stroke="#282828" stroke-width="{stroke:.5f}" stroke-linejoin="round" fill-rule="evenodd">'
        + "".join(paths) + "</g></svg></div>"
    )


def _text(value: str) -> str:
    """Text for an SVG attribute or element: escaped; line breaks and colons as character
    references (Streamlit rewrites ":material/…:" icon codes before Markdown sees the text)."""
    return html.escape(value).replace("\r", "").replace("\n", "&#10;").replace(":", "&#58;")


class PreparedDeck(pdk.Deck):
    """A pydeck Deck whose boundary features are spliced into its JSON as cached text.

    st.pydeck_chart calls to_json(); pydeck would otherwise walk and indent every coordinate
    in Python on every run."""

    def __init__(self, features_json: str, **kwargs):
        super().__init__(**kwargs)
        self._features_json = features_json

    def to_json(self) -> str:
        # pydeck serialises every attribute of the object: keep the features out of its walk
        features = self.__dict__.pop("_features_json")
        try:
            return super().to_json().replace(json.dumps(_FEATURES_MARKER), features, 1)
        finally:
            self._features_json = features


def risk_deck(level: str, scores: pd.DataFrame | None, lang: str, *, province: str | None = None,
              region: str | None = None, extra_layers: list[pdk.Layer] | None = None,
              width_px: int = 800, height_px: int = 500, facts: dict[str, str] | None = None) -> PreparedDeck | None:
    """The map deck() draws for boundaries(level, province, region) merged with scores,
    built from cached, simplified geometry; None when the area has no shapes. facts (code
    -> text, queries.region_fact_lines): each region's Pilkada facts as a last tooltip line
    (plain text: deck.gl sets the tooltip's innerText)."""
    shape = shapes(level, province, region, width_px)
    if not shape.codes:
        return None
    geometry = shape.geometry
    features = ",".join(
        f'{{"type":"Feature","geometry":{g},"properties":{own},{extra}}}'
        for g, own, extra in zip(geometry, shape.properties, _score_properties(shape, scores, lang, facts))
    )
    placeholder = {"type": "FeatureCollection", "features": _FEATURES_MARKER}
    return PreparedDeck(
        "[" + features + "]",
        layers=[risk_layer(placeholder)] + list(extra_layers or []),
        initial_view_state=fit_view(shape.box, width_px, height_px),
        map_provider=None,  # and no map_style: see the module docstring
        tooltip=_tooltip(lang),
    )


_WARM_LOCK = threading.Lock()


def warm(width_px: int = 600) -> None:
    """Prepare the national maps of both levels (what a server does once, at start). Callers
    at the same moment (server.py's start-up and the first session) wait for one another
    rather than simplifying the same shapes twice."""
    with _WARM_LOCK:
        for level in BOUNDARY_FILES:
            shape = shapes(level, width_px=width_px)
            for index in shape.indices:
                _svg_path(level, index, shape.decimals, shape.steps)


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
