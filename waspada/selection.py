"""What the user is looking at, as a value that round-trips through URL query parameters.

A link such as ``?prov=53&wilayah=53.71&tahapan=kampanye&tanggal=2024-11-20&bahasa=en``
reopens the same view. Parameter names are Indonesian because the links are shared
between offices; values are the codes used everywhere else (Kemendagri dotted codes,
phase codes, ISO dates). Unknown or malformed values are dropped, never raised: a
mistyped link opens the default view instead of an error.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from waspada import reference
from waspada.i18n import DEFAULT_LANG, LANGS

VIEWS = ("provinsi", "nasional")
NATIONAL_LEVELS = ("provinsi", "kabupaten_kota")

# Selection field -> query parameter name.
PARAM_NAMES = {
    "view": "tampilan",
    "province": "prov",
    "region": "wilayah",
    "phase": "tahapan",
    "as_of": "tanggal",
    "lang": "bahasa",
    "national_level": "peta",
    "start": "dari",
    "end": "sampai",
    "categories": "kategori",
}


@dataclass(frozen=True)
class Selection:
    province: str
    view: str = "provinsi"
    region: str | None = None  # a kabupaten/kota code inside ``province``
    phase: str | None = None  # None: the phase the as_of date falls in
    as_of: date | None = None  # None: the app's default date
    lang: str = DEFAULT_LANG
    national_level: str = "provinsi"  # national map by province or by kabupaten/kota
    start: date | None = None  # incident log date range
    end: date | None = None
    categories: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_national(self) -> bool:
        return self.view == "nasional"

    @property
    def area_province(self) -> str | None:
        """The province the pages restrict to: None in the national view."""
        return None if self.is_national else self.province

    def replace(self, **changes) -> Selection:
        return dataclasses.replace(self, **changes)

    def to_query(self, default_province: str) -> dict[str, str]:
        """Query parameters for this selection, leaving out values equal to the defaults."""
        default = Selection(province=default_province)
        out: dict[str, str] = {}
        for name, param in PARAM_NAMES.items():
            value = getattr(self, name)
            if value == getattr(default, name) or value is None or value == ():
                continue
            if isinstance(value, date):
                out[param] = value.isoformat()
            elif isinstance(value, tuple):
                out[param] = ",".join(value)
            else:
                out[param] = str(value)
        return out

    def clamp_dates(self, first: date | None, last: date | None) -> tuple[Selection, bool]:
        """The dates moved into [first, last], the range the date widgets offer (a link's
        ``?tanggal=2030-01-01`` would otherwise crash the widget); True when one moved.
        An inverted incident range is put in order."""
        if first is None or last is None:
            return self, False

        def inside(d: date | None) -> date | None:
            return None if d is None else min(max(d, first), last)

        start, end = inside(self.start), inside(self.end)
        if start is not None and end is not None and start > end:
            start, end = end, start
        moved = self.replace(as_of=inside(self.as_of), start=start, end=end)
        return moved, moved != self

    @classmethod
    def from_query(cls, params: Mapping[str, str | list[str]], default_province: str) -> Selection:
        """Parse query parameters; anything unknown or malformed falls back to the default."""

        def get(name: str) -> str | None:
            value = params.get(PARAM_NAMES[name])
            if isinstance(value, list):
                value = value[-1] if value else None
            value = (value or "").strip()
            return value or None

        regions = reference.regions()
        provinces = set(regions.loc[regions["level"] == "provinsi", "code"])
        province = get("province")
        if province not in provinces:
            province = default_province
        region = get("region")
        kabkota = regions.loc[regions["level"] == "kabupaten_kota"].set_index("code")["province_code"]
        if region not in kabkota.index or kabkota[region] != province:
            region = None
        phase = get("phase")
        if phase not in reference.PHASES:
            phase = None
        view = get("view")
        lang = get("lang")
        national_level = get("national_level")
        categories = tuple(
            c for c in (get("categories") or "").split(",")
            if c in set(reference.incident_categories()["category"])
        )
        return cls(
            province=province,
            view=view if view in VIEWS else "provinsi",
            region=region,
            phase=phase,
            as_of=_parse_date(get("as_of")),
            lang=lang if lang in LANGS else DEFAULT_LANG,
            national_level=national_level if national_level in NATIONAL_LEVELS else "provinsi",
            start=_parse_date(get("start")),
            end=_parse_date(get("end")),
            categories=tuple(dict.fromkeys(categories)),
        )


def _parse_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
