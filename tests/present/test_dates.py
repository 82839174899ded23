"""Dates and times as shown: Buddhist Era, Thai months, Thai time, the fiscal year's name."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from itatui.present.dates import (
    fiscal_year_label,
    format_date,
    format_datetime,
    format_numeric_datetime,
    month_name,
    parse_date_be,
    thai_date,
    thai_time,
)
from itatui.present.numbers import InputError


def test_stored_utc_is_shown_on_the_thai_clock_and_calendar():
    late = datetime(2026, 11, 24, 18, 30, tzinfo=UTC)  # 01:30 on the 25th in Bangkok
    assert thai_time(late).hour == 1
    assert thai_date(late) == date(2026, 11, 25)
    assert format_datetime(late) == "25 พ.ย. 2569 01:30"
    assert format_date(late) == "25 พ.ย. 2569"
    assert format_numeric_datetime(late, True) == "๒๕/๑๑/๒๕๖๙ ๐๑:๓๐"


def test_a_typed_naive_time_is_already_thai_time():
    typed = datetime(2026, 11, 25, 14, 5)
    assert format_datetime(typed) == "25 พ.ย. 2569 14:05"
    assert thai_time(typed).utcoffset().total_seconds() == 7 * 3600


def test_month_names_and_styles():
    d = date(2026, 11, 25)
    assert format_date(d, style="long") == "25 พฤศจิกายน 2569"
    assert format_date(d, style="numeric", thai_digits=True) == "๒๕/๑๑/๒๕๖๙"
    assert format_date(d, lang="en") == "25 Nov 2569"
    assert month_name(10) == "ต.ค." and month_name(10, abbr=False) == "ตุลาคม"
    assert month_name(2, lang="en", abbr=False) == "February"


def test_fiscal_year_label():
    assert fiscal_year_label(2569) == "ปีงบประมาณ 2569"
    assert fiscal_year_label(2569, True) == "ปีงบประมาณ ๒๕๖๙"


def test_be_dates_are_read_in_either_digits():
    assert parse_date_be("๒๕/๑๑/๒๕๖๙") == date(2026, 11, 25)
    with pytest.raises(InputError) as exc:
        parse_date_be("31/02/2569")
    assert exc.value.key == "err.date_invalid"
