"""Categories are decided on Bawaslu's published decimals, at every level and on both sides
of every limit (issue 18.5): a province whose IKP is exactly 21.7 is sedang, also after the
risk formula turns it into 21.699999999999996."""

from __future__ import annotations

import tomllib
from datetime import date

import pytest

from test_risk_fixtures import memory_db
from waspada import reference
from waspada.risk import RiskConfigError, load_config, scores
from waspada.risk.config import LEVELS, RISK_CONFIG_PATH, parse_config

CFG = load_config()
# The published limits (data/reference/BAWASLU_IKP2024.md); kecamatan use the kab/kota bands.
PUBLISHED = {"provinsi": (21.7, 68.5), "kabupaten_kota": (13.47, 49.33), "kecamatan": (13.47, 49.33)}


def sides(level):
    sedang, tinggi = PUBLISHED[level]
    return [(round(sedang - 0.01, 2), "rendah"), (sedang, "sedang"),
            (round(tinggi - 0.01, 2), "sedang"), (tinggi, "tinggi")]


def test_config_holds_the_published_limits():
    assert {lvl: (CFG.bands[lvl].sedang_from, CFG.bands[lvl].tinggi_from) for lvl in LEVELS} == PUBLISHED


@pytest.mark.parametrize("level", LEVELS)
def test_every_limit_both_sides_in_ikp_and_risk_categories(level):
    for score, expected in sides(level):
        assert reference.ikp_category(score, level) == expected, (level, score)
        assert CFG.category(score, level) == expected, (level, score)
        assert reference.category_codes([score], *PUBLISHED[level]).tolist() == [
            reference.CATEGORY_NAMES.index(expected)]


def test_the_formula_value_of_21_7_is_sedang():
    computed = 100 * (1 - (1 - 21.7 / 100))
    assert computed == 21.699999999999996  # what the engine computes with no reports
    assert reference.ikp_category(computed, "provinsi") == "sedang"
    assert CFG.category(computed, "provinsi") == "sedang"
    assert reference.ikp_category(21.694, "provinsi") == "rendah"  # 21.69 as published


def _scored(level, rows, regions):
    con = memory_db(provinces=("65",), ikp=rows)
    df = scores(con.cursor(), as_of=date(2024, 10, 1), level=level, phase="kampanye").set_index("region_code")
    return df.loc[regions]


def test_engine_categories_at_every_limit_province_level():
    # Provinces with no reports score their IKP exactly, through the formula.
    cases = dict(zip(("64", "65", "63", "62"), sides("provinsi")))
    df = _scored("provinsi", [(code, s) for code, (s, _) in cases.items()], list(cases))
    for code, (s, expected) in cases.items():
        assert df.loc[code, "score"] == pytest.approx(s, abs=1e-9)
        assert df.loc[code, "category"] == expected, (code, s)


@pytest.mark.parametrize("level", ["kabupaten_kota", "kecamatan"])
def test_engine_categories_at_every_limit_kabkota_and_kecamatan(level):
    # Kalimantan Utara's four kabupaten, one per side of the kab/kota limits; a kecamatan
    # inherits its kabupaten's IKP.
    cases = dict(zip(("65.01", "65.02", "65.03", "65.04"), sides("kabupaten_kota")))
    con = memory_db(provinces=("65",), ikp=[(code, s) for code, (s, _) in cases.items()] + [("65", 30.0)])
    df = scores(con.cursor(), as_of=date(2024, 10, 1), level=level, phase="kampanye")
    for code, (s, expected) in cases.items():
        rows = df[df["region_code"] == code] if level == "kabupaten_kota" else \
            df[df["region_code"].str.startswith(code + ".")]
        assert len(rows), code
        assert set(rows["category"]) == {expected}, (level, code, s)
        assert rows["score"].to_numpy() == pytest.approx([s] * len(rows), abs=1e-9)


def test_a_limit_finer_than_two_decimals_is_refused():
    raw = tomllib.loads(RISK_CONFIG_PATH.read_text(encoding="utf-8"))
    raw["categories"]["provinsi"]["sedang_from"] = 21.705
    with pytest.raises(RiskConfigError):
        parse_config(raw)
