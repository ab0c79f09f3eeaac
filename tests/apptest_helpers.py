"""Reading an AppTest result the way a user reads the page."""

from __future__ import annotations

import json


def assert_clean(at) -> None:
    """No traceback and no error box on the page."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def texts(at) -> str:
    """Every title, header, markdown, caption, info and warning text, joined."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "success"):
        parts += [str(e.value) for e in getattr(at, kind)]
    return "\n".join(parts)


def decks(at) -> list[dict]:
    """The deck.gl specs of every map on the page."""
    return [json.loads(e.proto.json) for e in at.get("deck_gl_json_chart")]


def svg_maps(at) -> list[list[dict]]:
    """The regions of every SVG risk map on the page (maps.risk_svg), in drawing order:
    each a dict of kode, kategori (code, or "tanpa_data"), fill and title (the tooltip)."""
    import xml.etree.ElementTree as ET

    ns = "{http://www.w3.org/2000/svg}"
    out = []
    for e in at.markdown:
        if str(e.value).startswith('<div class="peta-kerawanan">'):
            root = ET.fromstring(e.value)
            out.append([{"kode": p.get("data-kode"), "kategori": p.get("data-kategori"), "fill": p.get("fill"),
                         "title": p.find(ns + "title").text} for p in root.iter(ns + "path")])
    return out


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def table(at, index: int = 0):
    return at.dataframe[index].value
