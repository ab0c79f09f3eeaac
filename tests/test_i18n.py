from datetime import date, datetime, timezone

from waspada.i18n import TEXT, fmt_date, fmt_datetime, fmt_number, fmt_signed, risk_word


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


def test_every_interface_text_has_both_languages():
    assert all(set(entry) == {"id", "en"} for entry in TEXT.values())
