"""Thai digits, Buddhist-Era dates and number input as Thai offices write it."""

from __future__ import annotations

import re
from datetime import date, datetime

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)

BE_OFFSET = 543

MONTHS_TH = [
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
]
MONTHS_TH_ABBR = [
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
]
MONTHS_EN_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def to_arabic(text: str) -> str:
    return text.translate(_TO_ARABIC)


def to_thai(text: str) -> str:
    return text.translate(_TO_THAI)


def digits(text: str, thai: bool) -> str:
    """Render ``text`` with Thai or Arabic digits (the ``t`` toggle)."""
    return to_thai(text) if thai else to_arabic(text)


def be_year(ce_year: int) -> int:
    return ce_year + BE_OFFSET


def ce_year(be: int) -> int:
    return be - BE_OFFSET


def format_date(d: date | datetime | None, *, style: str = "short", thai_digits: bool = False, lang: str = "th") -> str:
    """``short``: 25 พ.ย. 2569; ``long``: 25 พฤศจิกายน 2569; ``numeric``: 25/11/2569. Always Buddhist Era."""
    if d is None:
        return "-"
    if isinstance(d, datetime):
        d = d.date()
    year = be_year(d.year)
    if style == "numeric":
        out = f"{d.day:02d}/{d.month:02d}/{year}"
    elif style == "long":
        out = f"{d.day} {MONTHS_TH[d.month - 1]} {year}" if lang == "th" else f"{d.day} {MONTHS_EN_ABBR[d.month - 1]} {year}"
    else:
        months = MONTHS_TH_ABBR if lang == "th" else MONTHS_EN_ABBR
        out = f"{d.day} {months[d.month - 1]} {year}"
    return digits(out, thai_digits)


def format_datetime(dt: datetime | None, *, thai_digits: bool = False, lang: str = "th") -> str:
    if dt is None:
        return "-"
    out = f"{format_date(dt, lang=lang)} {dt.hour:02d}:{dt.minute:02d}"
    return digits(out, thai_digits)


def format_baht(amount: int | None, *, thai_digits: bool = False, dash: str = "-") -> str:
    if amount is None:
        return dash
    return digits(f"{amount:,}", thai_digits)


class InputError(ValueError):
    """A value typed by a user that cannot be read; ``str()`` is a message fit to show."""


_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def parse_int(text: str, *, allow_blank: bool = True) -> int | None:
    """Read a whole number as offices type it: Thai or Arabic digits, thousands separators, a trailing ".-"
    or "บาท". Blank and "-" mean no value. Raises ``InputError`` with a key of the message catalogue."""
    s = to_arabic(text or "").strip()
    s = s.replace(",", "").replace(" ", "").replace("บาท", "")
    if s.endswith(".-"):
        s = s[:-2]
    if s in ("", "-") or s == "ไม่ใช้งบประมาณ":
        if allow_blank:
            return None
        raise InputError("err.required")
    if not _NUMBER.match(s):
        raise InputError("err.not_a_number")
    whole, _, fraction = s.partition(".")
    if fraction.strip("0"):
        raise InputError("err.whole_number")
    # Read as an integer, never through float: a thousand digits typed must be refused, not overflow.
    if len(whole.lstrip("+-")) > 15:
        raise InputError("err.number_too_large")
    return int(whole)


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
