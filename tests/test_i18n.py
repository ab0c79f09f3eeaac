import ast
import importlib
import string
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from waspada import i18n
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
# Every module that registers texts. Page scripts are not among them: they run Streamlit
# when imported, so their words live in app_pages/_texts.py.
REGISTERING_MODULES = ("waspada.briefing", "app_pages._auth", "app_pages._texts")
TEXT_TABLE_FILES = ("waspada/i18n.py", "waspada/briefing.py", "app_pages/_auth.py", "app_pages/_texts.py")


@pytest.fixture(scope="module")
def catalogue() -> dict[str, dict[str, str]]:
    for name in REGISTERING_MODULES:
        importlib.import_module(name)
    return i18n.TEXT


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_every_registered_text_has_indonesian_and_english(catalogue):
    incomplete = [key for key, entry in catalogue.items()
                  if set(entry) != {"id", "en"} or not all(isinstance(v, str) and v.strip() for v in entry.values())]
    assert not incomplete, incomplete


def test_placeholders_are_the_same_in_both_languages(catalogue):
    differ = {key: (_placeholders(e["id"]), _placeholders(e["en"])) for key, e in catalogue.items()
              if _placeholders(e["id"]) != _placeholders(e["en"])}
    assert not differ, differ


def test_the_registering_modules_add_their_words(catalogue):
    # The briefing's, the gate's and the pages' words are all read through the one t().
    assert i18n.t("briefing_slide_of", "id", n=2, total=6) == "Slide 2 dari 6"
    assert i18n.t("logged_in_as", "en", name="Sari", scope="Staf") == "Logged in as Sari\nStaf"
    assert i18n.t("upload_store", "id", n="3", files=1) == "Simpan 3 insiden dari 1 berkas"
    assert i18n.t("page_reports", "en") == "Reports"


def test_every_audit_action_has_words(catalogue):
    missing = [a for a in AUDIT_ACTIONS if f"audit_action_{a}" not in catalogue]
    assert not missing, missing


def test_register_refuses_a_key_with_other_words_and_names_it(monkeypatch):
    monkeypatch.setattr(i18n, "TEXT", {})
    monkeypatch.setattr(i18n, "_OWNER", {})
    i18n.register({"greeting": {"id": "Halo", "en": "Hello"}}, "fitur_a")
    i18n.register({"greeting": {"id": "Halo", "en": "Hello"}}, "fitur_b")  # the same words: no conflict
    with pytest.raises(ValueError, match="'greeting'"):
        i18n.register({"farewell": {"id": "Sampai jumpa", "en": "Goodbye"},
                       "greeting": {"id": "Selamat pagi", "en": "Good morning"}}, "fitur_c")
    # Nothing of a refused table is merged, and the first words stand.
    assert i18n.TEXT == {"greeting": {"id": "Halo", "en": "Hello"}}
    i18n.register({"farewell": {"id": "Sampai jumpa", "en": "Goodbye"}}, "fitur_c")
    assert i18n.t("farewell", "en") == "Goodbye"


def test_a_module_edited_while_the_server_runs_registers_its_new_words(monkeypatch):
    monkeypatch.setattr(i18n, "TEXT", {})
    monkeypatch.setattr(i18n, "_OWNER", {})
    i18n.register({"greeting": {"id": "Halo", "en": "Hello"}}, "fitur_a")
    i18n.register({"greeting": {"id": "Halo semua", "en": "Hello all"}}, "fitur_a")  # Streamlit re-imports it
    assert i18n.t("greeting") == "Halo semua"


def test_no_text_table_repeats_a_key():
    """A key written twice in one dict literal silently keeps the second: register() cannot see it."""
    repeated = []
    for rel in TEXT_TABLE_FILES:
        for node in ast.walk(ast.parse((ROOT / rel).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                keys = [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
                repeated += [f"{rel}: {k}" for k in set(keys) if keys.count(k) > 1]
    assert not repeated, repeated
