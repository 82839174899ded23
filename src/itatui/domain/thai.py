"""Thai digits, Buddhist-Era dates and number input: the rules live in ``itatui.present`` (shown and read the
same way by the TUI, the CLI and the reports); kept here under their old names for the domain's callers."""

from __future__ import annotations

from itatui.present.dates import (
    BE_OFFSET,
    MONTHS_EN_ABBR,
    MONTHS_TH,
    MONTHS_TH_ABBR,
    be_year,
    ce_year,
    format_date,
    format_datetime,
    parse_date_be,
)
from itatui.present.numbers import (
    THAI_DIGITS,
    InputError,
    digits,
    format_baht,
    parse_int,
    to_arabic,
    to_thai,
)

__all__ = [
    "BE_OFFSET", "MONTHS_EN_ABBR", "MONTHS_TH", "MONTHS_TH_ABBR", "THAI_DIGITS", "InputError", "be_year", "ce_year",
    "digits", "format_baht", "format_date", "format_datetime", "parse_date_be", "parse_int", "to_arabic", "to_thai",
]
