import ast
import string
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from waspada import i18n, texts
from waspada.accounts import AUDIT_ACTIONS
from waspada.i18n import fmt_date, fmt_datetime, fmt_number, fmt_signed, risk_word


def test_indonesian_number_format():
    assert fmt_number(1234.5, 1) == "1.234,5"
    assert fmt_number(1234567) == "1.234.567"
    assert fmt_number(0.25, 2) == "0,25"
    assert fmt_number(None) == "–"
    assert fmt_signed(3) == "+3" and fmt_signed(-1200) == "-1.200" and fmt_signed(0) == "0"


def test_dates_are_written_out():
    assert fmt_date(date(2024, 11, 27)) == "27 November 2024"
    assert fmt_date(date(2024, 2, 5)) == "5 Februari 2024"
    assert fmt_date(date(2024, 8, 17), "en") == "17 August 2024"


def test_times_carry_the_province_zone():
    moment = datetime(2024, 11, 27, 6, 5, tzinfo=timezone.utc)
    assert fmt_datetime(moment, "31") == "27 November 2024 13.05 WIB"  # DKI Jakarta, UTC+7
    assert fmt_datetime(moment, "65") == "27 November 2024 14.05 WITA"  # Kalimantan Utara, UTC+8
    assert fmt_datetime(moment, "91") == "27 November 2024 15.05 WIT"  # Papua, UTC+9
    assert fmt_datetime(datetime(2024, 11, 27, 20, 0, tzinfo=timezone.utc), "91") == "28 November 2024 05.00 WIT"


def test_a_missing_score_is_never_called_low():
    assert risk_word(None) == "tanpa data" and risk_word("rendah") == "rendah"
    assert risk_word("tinggi", "en") == "high"


# -- the one catalogue -------------------------------------------------------------------------
ROOT = Path(__file__).resolve().parent.parent
TEXT_TABLE_FILES = sorted((ROOT / "waspada" / "texts").glob("*.py"))
# Source that may read texts: everything but the tests, the catalogue itself and tools.
SOURCE_FILES = [p for p in ROOT.rglob("*.py")
                if not {".venv", "tests", "texts", "benchmarks", "__pycache__"} & set(p.relative_to(ROOT).parts)]
# Keys read by a computed name: the prefix written in the code, the endings the data gives.
COMPUTED_KEYS = {
    "audit_action_": AUDIT_ACTIONS,
    "alert_": ("kategori_naik", "korban_jiwa", "lonjakan_insiden"),
    "briefing_st_": ("belum", "sudah", "terlambat"),
    "ikp_": ("kontestasi", "partisipasi", "penyelenggaraan", "sosial_politik", "total"),
    "map_level_": ("provinsi", "kabupaten_kota"),
    "view_": ("nasional", "provinsi"),
}


@pytest.fixture(scope="module")
def catalogue() -> dict[str, dict[str, str]]:
    return i18n.CATALOGUE


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_every_text_has_indonesian_and_english(catalogue):
    incomplete = [key for key, entry in catalogue.items()
                  if set(entry) != {"id", "en"} or not all(isinstance(v, str) and v.strip() for v in entry.values())]
    assert not incomplete, incomplete


def test_placeholders_are_the_same_in_both_languages(catalogue):
    differ = {key: (_placeholders(e["id"]), _placeholders(e["en"])) for key, e in catalogue.items()
              if _placeholders(e["id"]) != _placeholders(e["en"])}
    assert not differ, differ


def test_every_area_is_in_the_catalogue_whatever_was_imported(catalogue):
    # The briefing's, the gate's and the pages' words are there without importing their modules.
    assert i18n.t("briefing_slide_of", "id", n=2, total=6) == "Slide 2 dari 6"
    assert i18n.t("logged_in_as", "en", name="Sari", scope="Staf") == "Logged in as Sari\nStaf"
    assert i18n.t("upload_store", "id", n="3", files=1) == "Simpan 3 insiden dari 1 berkas"
    assert i18n.t("page_reports", "en") == "Reports"


def test_every_audit_action_has_words(catalogue):
    missing = [a for a in AUDIT_ACTIONS if f"audit_action_{a}" not in catalogue]
    assert not missing, missing


def test_a_key_written_in_two_areas_is_refused_and_named():
    with pytest.raises(ValueError, match="'greeting'.*'a'.*'b'"):
        texts._merge({"a": {"greeting": {"id": "Halo", "en": "Hello"}},
                      "b": {"greeting": {"id": "Selamat pagi", "en": "Good morning"}}})


def test_a_message_renders_in_the_readers_language_with_localised_parts():
    inner = i18n.msg("page_reports")
    outer = i18n.msg("as_of_note_chosen", date=inner)
    assert outer.render("id") == "Tanggal dipilih: Laporan." and outer.render("en") == "Chosen date: Reports."
    with pytest.raises(KeyError, match="no_such_key"):
        i18n.msg("no_such_key")


def test_no_text_table_repeats_a_key():
    """A key written twice in one dict literal silently keeps the second: the merge cannot see it."""
    repeated = []
    for path in TEXT_TABLE_FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                keys = [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
                repeated += [f"{path.name}: {k}" for k in set(keys) if keys.count(k) > 1]
    assert not repeated, repeated


def _string_constants() -> set[str]:
    found: set[str] = set()
    for path in SOURCE_FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def _text_calls() -> list[tuple[str, int, str]]:
    """(file, line, key) of every t("key", ...), msg("key", ...) and XError("key", ...) in the code."""
    calls = []
    for path in SOURCE_FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ("t", "msg", "Message") or (name.endswith("Error") and "_" in node.args[0].value
                                                   and " " not in node.args[0].value):
                calls.append((str(path.relative_to(ROOT)), node.lineno, node.args[0].value))
    return calls


def test_every_key_the_code_reads_is_in_the_catalogue(catalogue):
    missing = [f"{f}:{line} {key}" for f, line, key in _text_calls() if key not in catalogue]
    assert not missing, missing


def test_every_key_in_the_catalogue_is_read_somewhere(catalogue):
    constants = _string_constants()
    computed = {prefix + ending for prefix, endings in COMPUTED_KEYS.items() for ending in endings}
    unused = sorted(key for key in catalogue if key not in constants and key not in computed)
    assert not unused, unused
