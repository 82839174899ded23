"""Dates and times as Thai offices read them: Buddhist Era, Thai month names, Thai time (Asia/Bangkok), the
fiscal year's name. One place for the TUI, the CLI and the reports.

Stored timestamps are aware UTC; a naive datetime is one a user typed, already in Thai time.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from itatui.i18n import t
from itatui.present.numbers import InputError, digits, to_arabic

BANGKOK = ZoneInfo("Asia/Bangkok")  # UTC+7 all year; Windows needs the ``tzdata`` package (a dependency there)
BE_OFFSET = 543

MONTHS_TH = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
MONTHS_TH_ABBR = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
MONTHS_EN_ABBR = tuple(m[:3] for m in MONTHS_EN)


def be_year(ce_year: int) -> int:
    return ce_year + BE_OFFSET


def ce_year(be: int) -> int:
    return be - BE_OFFSET


def thai_time(dt: datetime) -> datetime:
    """``dt`` on the Thai clock. Aware values are converted; a naive one is taken as Thai time already."""
    return dt.astimezone(BANGKOK) if dt.tzinfo is not None else dt.replace(tzinfo=BANGKOK)


def thai_now() -> datetime:
    return datetime.now(BANGKOK)


def thai_date(dt: datetime) -> date:
    """The Thai calendar date of a stored timestamp (a naive one is taken as UTC, as the database keeps it)."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=ZoneInfo("UTC"))
    return dt.astimezone(BANGKOK).date()


def month_name(month: int, *, lang: str = "th", abbr: bool = True) -> str:
    if lang == "th":
        return (MONTHS_TH_ABBR if abbr else MONTHS_TH)[month - 1]
    return (MONTHS_EN_ABBR if abbr else MONTHS_EN)[month - 1]


def format_date(d: date | datetime | None, *, style: str = "short", thai_digits: bool = False, lang: str = "th") -> str:
    """``short``: 25 พ.ย. 2569; ``long``: 25 พฤศจิกายน 2569; ``numeric``: 25/11/2569. Always Buddhist Era.
    An aware datetime is shown on its Thai date."""
    if d is None:
        return "-"
    if isinstance(d, datetime):
        d = thai_time(d).date() if d.tzinfo is not None else d.date()
    year = be_year(d.year)
    if style == "numeric":
        out = f"{d.day:02d}/{d.month:02d}/{year}"
    elif style == "long":
        out = f"{d.day} {month_name(d.month, lang=lang, abbr=lang != 'th')} {year}"
    else:
        out = f"{d.day} {month_name(d.month, lang=lang)} {year}"
    return digits(out, thai_digits)


def format_datetime(dt: datetime | None, *, thai_digits: bool = False, lang: str = "th", style: str = "short") -> str:
    """``25 พ.ย. 2569 14:05`` on the Thai clock."""
    if dt is None:
        return "-"
    local = thai_time(dt)
    return digits(f"{format_date(local, style=style, lang=lang)} {local.hour:02d}:{local.minute:02d}", thai_digits)


def format_numeric_datetime(dt: datetime, thai_digits: bool = False) -> str:
    """``25/11/2569 14:05`` (Thai time): what a date-time field shows and reads back."""
    local = thai_time(dt)
    return digits(f"{local.day:02d}/{local.month:02d}/{be_year(local.year)} {local.hour:02d}:{local.minute:02d}", thai_digits)


def fiscal_year_label(fy: int, thai_digits: bool = False) -> str:
    """``ปีงบประมาณ 2569`` / ``Fiscal year 2569`` (BE, named by its later year)."""
    return t("app.fiscal_year", fy=digits(str(fy), thai_digits))


def parse_date_be(text: str) -> date:
    """Read d/m/yyyy with a BE year (a CE year above 1900 and below 2400 is accepted as CE)."""
    s = to_arabic(text or "").strip()
    m = re.match(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", s)
    if not m:
        raise InputError("err.date_format")
    day, month, year = (int(x) for x in m.groups())
    if year > 2400:
        year -= BE_OFFSET
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise InputError("err.date_invalid") from exc
