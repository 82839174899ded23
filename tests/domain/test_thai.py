from datetime import date, datetime

import pytest

from itatui.domain.thai import (
    InputError,
    format_baht,
    format_date,
    format_datetime,
    parse_date_be,
    parse_int,
    to_arabic,
    to_thai,
)


def test_digits_round_trip():
    assert to_thai("2569") == "๒๕๖๙"
    assert to_arabic("๑๐,๐๐๐.-") == "10,000.-"


@pytest.mark.parametrize(
    ("typed", "value"),
    [("12500", 12500), ("๑๒,๕๐๐", 12500), ("๑๐,๐๐๐.-", 10000), ("20,000 บาท", 20000), ("-", None), ("", None), ("0", 0)],
)
def test_parse_int_accepts_office_forms(typed, value):
    assert parse_int(typed) == value


@pytest.mark.parametrize(("typed", "key"), [("สิบ", "err.not_a_number"), ("12.5", "err.whole_number")])
def test_parse_int_refuses_with_a_message_key(typed, key):
    with pytest.raises(InputError) as exc:
        parse_int(typed)
    assert exc.value.key == key


def test_buddhist_era_dates():
    d = date(2026, 11, 25)
    assert format_date(d) == "25 พ.ย. 2569"
    assert format_date(d, style="long") == "25 พฤศจิกายน 2569"
    assert format_date(d, style="numeric", thai_digits=True) == "๒๕/๑๑/๒๕๖๙"
    assert format_datetime(datetime(2026, 11, 25, 9, 5)) == "25 พ.ย. 2569 09:05"
    assert format_baht(1234567, thai_digits=True) == "๑,๒๓๔,๕๖๗"


def test_parse_be_date():
    assert parse_date_be("๒๕/๑๑/๒๕๖๙") == date(2026, 11, 25)
    assert parse_date_be("1/10/2025") == date(2025, 10, 1)  # a CE year is read as CE
    with pytest.raises(InputError):
        parse_date_be("31/02/2569")
