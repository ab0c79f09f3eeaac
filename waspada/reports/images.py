"""Static pictures for the exports (and the briefing's charts on screen), drawn offline.

matplotlib with the Agg backend: no browser, no network, no display. Each function
returns PNG bytes. The map draws the same local GeoJSON as the dashboard's pydeck map,
coloured by ``waspada.maps.merge_scores`` (same colours, same "tanpa data" grey) and
projected in Web Mercator like deck.gl, so it looks like what the room saw on screen.
Figures are built with ``matplotlib.figure.Figure`` (not pyplot), which is safe from the
app's several threads.
"""

from __future__ import annotations

import io
import math
from datetime import date, timedelta

import matplotlib

matplotlib.use("Agg")  # before anything imports pyplot: never try a display

import pandas as pd
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from waspada import maps
from waspada.i18n import RISK_CATEGORIES, fmt_date, phase_name, risk_word, t

# The briefing's colours: dark text on white reads best on a washed-out projector.
INK = "#1a1a1a"
MUTED = "#555555"
ACCENT = "#a50026"  # the 'tinggi' red marks "today" on the timeline
FONT = "DejaVu Sans"  # shipped with matplotlib, so present on every machine


def _png(fig: Figure, dpi: int) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, facecolor="white")
    return buf.getvalue()


def _new_figure(width_in: float, height_in: float) -> Figure:
    fig = Figure(figsize=(width_in, height_in), facecolor="white")
    fig.set_layout_engine("constrained")
    return fig


def _rings(geometry: dict) -> list[list[tuple[float, float]]]:
    """Outer rings of a Polygon/MultiPolygon in (lon, mercator y)."""
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    # Mercator y in degrees, so one unit up equals one unit across, as on deck.gl's map.
    return [[(lon, math.degrees(maps.mercator_y(lat))) for lon, lat, *_ in poly[0]] for poly in polys if poly]


def _label_point(rings) -> tuple[float, float]:
    """The centre of the largest ring's bounding box: inside enough for a label."""
    ring = max(rings, key=lambda r: (max(p[0] for p in r) - min(p[0] for p in r))
               * (max(p[1] for p in r) - min(p[1] for p in r)))
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def risk_map_png(scores: pd.DataFrame | None, *, province: str | None, lang: str = "id",
                 width_in: float = 8.0, height_in: float = 5.6, dpi: int = 150, labels: bool = True) -> bytes:
    """The province's kabupaten/kota coloured by risk category, with a legend."""
    collection = maps.merge_scores(maps.boundaries("kabupaten_kota", province=province), scores, lang)
    fig = _new_figure(width_in, height_in)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_aspect("equal")
    polys, colours, names = [], [], []
    for feature in collection["features"]:
        rings = _rings(feature["geometry"])
        if not rings:
            continue
        fill = [c / 255 for c in feature["properties"]["fill"]]
        polys += rings
        colours += [fill] * len(rings)
        names.append((feature["properties"].get("nama", ""), _label_point(rings)))
    if polys:
        ax.add_collection(PolyCollection(polys, facecolors=colours, edgecolors="#282828", linewidths=0.6))
        ax.autoscale_view()
        if labels and len(names) <= 12:  # more names than that overlap
            for name, (x, y) in names:
                short = name.replace("Kabupaten ", "").replace("Kota ", "Kota\n")
                ax.annotate(short, (x, y), ha="center", va="center", fontsize=9, color=INK, family=FONT,
                            bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="none", alpha=0.75))
    else:
        ax.text(0.5, 0.5, t("no_scores", lang), ha="center", va="center", fontsize=14, color=MUTED,
                transform=ax.transAxes)
    handles = [Patch(facecolor=maps.category_hex(c), edgecolor="#333333", label=risk_word(c, lang))
               for c in RISK_CATEGORIES]
    handles.append(Patch(facecolor=maps.NO_DATA_HEX, edgecolor="#333333", label=risk_word(None, lang)))
    # Outside the map, to its right: never covers a region.
    ax.legend(handles=handles, title=t("legend", lang), loc="upper left", bbox_to_anchor=(1.0, 1.0),
              fontsize=11, title_fontsize=11, frameon=False)
    return _png(fig, dpi)


def timeline_png(schedule: pd.DataFrame, *, as_of: date, lang: str = "id", width_in: float = 8.0,
                 height_in: float = 4.4, dpi: int = 150) -> bytes:
    """The phases as bars on a date axis; the current phase dark, a red line at ``as_of``."""
    fig = _new_figure(width_in, height_in)
    ax = fig.add_subplot()
    if schedule is None or schedule.empty:
        ax.set_axis_off()
        ax.text(0.5, 0.5, t("no_schedule", lang), ha="center", va="center", fontsize=12, color=MUTED)
        return _png(fig, dpi)
    sched = schedule.reset_index(drop=True)
    n = len(sched)
    for i, r in sched.iterrows():
        start = pd.Timestamp(r["starts_on"])
        # At least 2 days wide, so the one-day phases (voting, inauguration) stay visible.
        length = max((pd.Timestamp(r["ends_on"]) + timedelta(days=1) - start).days, 2)
        current = r["starts_on"] <= as_of <= r["ends_on"]
        past = r["ends_on"] < as_of
        colour = "#08306b" if current else ("#9ecae1" if past else "#4292c6")
        y = n - 1 - i
        ax.barh(y, length, left=start, height=0.6, color=colour, edgecolor="white")
        label = phase_name(r["phase"], lang)
        ax.text(start + timedelta(days=length) + timedelta(days=2), y, f"{label}  {fmt_date(r['starts_on'], lang)}",
                va="center", fontsize=9, color=INK, fontweight="bold" if current else "normal")
    ax.axvline(pd.Timestamp(as_of), color=ACCENT, linewidth=2)
    ax.text(pd.Timestamp(as_of), n - 0.35, " " + fmt_date(as_of, lang), color=ACCENT, fontsize=10, va="bottom",
            fontweight="bold")
    ax.set_yticks([])
    first, last = pd.Timestamp(sched["starts_on"].min()), pd.Timestamp(sched["ends_on"].max())
    ax.set_xlim(first - timedelta(days=3), last + timedelta(days=75))
    ax.set_ylim(-0.7, n + 0.2)
    ticks = pd.date_range(first.replace(day=1), last, freq="MS")
    ax.set_xticks(ticks)
    # The year only on the first tick and on January, so narrow pictures stay legible.
    ax.set_xticklabels([fmt_date(d, lang).split(" ")[1][:3] + (f" '{d:%y}" if i == 0 or d.month == 1 else "")
                        for i, d in enumerate(ticks)], fontsize=9)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    return _png(fig, dpi)


def category_bars_png(by_category: pd.DataFrame, *, lang: str = "id", width_in: float = 6.0,
                      height_in: float = 3.6, dpi: int = 150) -> bytes:
    """New incidents per incident category (horizontal bars, most first, counts written on)."""
    fig = _new_figure(width_in, height_in)
    ax = fig.add_subplot()
    df = by_category.head(8).iloc[::-1] if by_category is not None else pd.DataFrame()
    if df.empty:
        ax.set_axis_off()
        ax.text(0.5, 0.5, t("no_incidents", lang), ha="center", va="center", fontsize=12, color=MUTED)
        return _png(fig, dpi)
    labels = [lbl if len(lbl) <= 34 else lbl[:33] + "…" for lbl in df["label"]]
    bars = ax.barh(labels, df["n"], color="#0072B2")
    ax.bar_label(bars, labels=[str(int(v)) for v in df["n"]], padding=3, fontsize=11, color=INK)
    ax.tick_params(axis="y", labelsize=10)
    ax.set_xticks([])
    ax.set_xlim(0, max(df["n"]) * 1.18)
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    return _png(fig, dpi)


def briefing_images(b, *, dpi: int = 150) -> dict[str, bytes]:
    """The picture of every slide that has one, keyed by the slide's visual name."""
    out = {}
    visuals = {s.visual for s in b.slides}
    if "map" in visuals:
        out["map"] = risk_map_png(b.scores, province=b.province, lang=b.lang, dpi=dpi)
    if "timeline" in visuals:
        out["timeline"] = timeline_png(b.schedule, as_of=b.as_of, lang=b.lang, dpi=dpi)
    if "categories" in visuals:
        out["categories"] = category_bars_png(b.new_by_category, lang=b.lang, dpi=dpi)
    return out
