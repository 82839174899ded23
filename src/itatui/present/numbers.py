"""Numbers and money as Thai offices write them, both ways: shown in Thai or Arabic digits (``12,500.-``,
``๑๒,๕๐๐``), read back exactly from what a user typed, and baht in words for receipts and letters.

Reading is exact: digits go through ``int``/``Decimal``, never ``float``, so ``12345678901234567`` stays itself.
Commas are accepted only where they separate thousands (``1,0,0`` is refused, not read as 100), and a value
larger than its column can hold is refused with a message instead of failing in the database.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from itatui.present.errors import UserError

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)

# Column limits. SQLite's INTEGER (and PostgreSQL's BIGINT) hold 64 bits; every amount, count and number column
# of the schema is ``sa.Integer``, 32 bits on PostgreSQL, so values meant for them are held to that.
INT64_MAX = 2**63 - 1
INT32_MAX = 2**31 - 1
BUDGET_MAX = INT32_MAX
FLOAT_MAX = Decimal("1e15")  # scores and KPI values: far beyond any real one, still exact in a double

_GROUPED = r"\d{1,3}(?:,\d{3})+"
_INTEGER = re.compile(rf"^[+-]?(?:{_GROUPED}|\d+)$")
_DECIMAL = re.compile(rf"^[+-]?(?:{_GROUPED}|\d+)(?:\.\d+)?$")
_LOOSE = re.compile(r"^[+-]?[\d,]+(?:\.\d+)?$")  # digits with commas misplaced: a separator problem, not "not a number"


class InputError(UserError, ValueError):
    """A value typed by a user that cannot be read; ``key`` is the catalogue message, ``str()`` the text."""


def to_arabic(text: str) -> str:
    return text.translate(_TO_ARABIC)


def to_thai(text: str) -> str:
    return text.translate(_TO_THAI)


def digits(text: str, thai: bool) -> str:
    """Render ``text`` with Thai or Arabic digits (the ``t`` toggle)."""
    return to_thai(text) if thai else to_arabic(text)


# ---- showing ---------------------------------------------------------------------------------------------------


def format_number(value: int | None, thai: bool = False, *, dash: str = "-") -> str:
    """A whole number with thousands separators: ``12,500`` / ``๑๒,๕๐๐``; ``dash`` for none."""
    if value is None:
        return dash
    return digits(f"{value:,}", thai)


def format_baht(amount: int | None, *, thai_digits: bool = False, dash: str = "-") -> str:
    """Whole baht as in a table cell: ``12,500`` (``dash`` for none)."""
    return format_number(amount, thai_digits, dash=dash)


def format_money(amount: int | None, thai: bool = False, *, dash: str = "-") -> str:
    """Whole baht as written in a document: ``12,500.-``."""
    return dash if amount is None else format_number(amount, thai) + ".-"


def format_decimal(value: float | int | Decimal | None, thai: bool = False, *, dash: str = "-") -> str:
    """A score or KPI value: no ".0" on whole numbers, at most two decimals."""
    if value is None:
        return dash
    out = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    return digits(out, thai)


# ---- reading ---------------------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    s = to_arabic(text or "").strip().replace(" ", "").replace("บาท", "")
    return s[:-2] if s.endswith(".-") else s


def parse_int(text: str, *, allow_blank: bool = True, max_value: int = INT64_MAX) -> int | None:
    """Read a whole number as offices type it: Thai or Arabic digits, thousands separators, a trailing ".-"
    or "บาท". Blank, "-" and "ไม่ใช้งบประมาณ" mean no value. Raises ``InputError``: ``err.required``,
    ``err.not_a_number``, ``err.separators``, ``err.whole_number`` or ``err.too_large`` (with ``max``)."""
    s = _clean(text)
    if s in ("", "-", "ไม่ใช้งบประมาณ"):
        if allow_blank:
            return None
        raise InputError("err.required")
    if not _INTEGER.match(s):
        value = _decimal(s)  # says why: a misplaced comma, not a number at all, or a fraction
        if value == value.to_integral_value():
            s = str(int(value))
        else:
            raise InputError("err.whole_number")
    plain = s.replace(",", "")
    if len(plain.lstrip("+-").lstrip("0")) > 19:  # beyond int64 anyway; Python refuses int() of 4,300+ digits
        if plain.startswith("-"):
            raise InputError("err.too_small", min=format_number(-max_value - 1))
        raise InputError("err.too_large", max=format_number(max_value))
    value = int(plain)
    _check_range(value, max_value)
    return value


def parse_decimal(text: str, *, max_value: Decimal = FLOAT_MAX) -> float | None:
    """A score or KPI value as typed: Thai or Arabic digits, thousands separators, "คะแนน"/"ร้อยละ"/"%"
    around it. Blank or "-" is no value. Read as a ``Decimal`` (no exponent, no "nan"), returned as the float
    the column keeps. Raises ``InputError``."""
    s = to_arabic(text or "")
    for word in ("คะแนน", "ร้อยละ", "%", " "):
        s = s.replace(word, "")
    s = s.strip()
    if s in ("", "-"):
        return None
    value = _decimal(s)
    if abs(value) > max_value:
        raise InputError("err.too_large", max=format_decimal(max_value))
    return float(value)


def _decimal(s: str) -> Decimal:
    if not _DECIMAL.match(s):
        raise InputError("err.separators" if _LOOSE.match(s) and any(c.isdigit() for c in s) else "err.not_a_number")
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:  # the pattern already refuses these; kept so a bad value can never pass as a number
        raise InputError("err.not_a_number") from None


def _check_range(value: int, max_value: int) -> None:
    if value > max_value:
        raise InputError("err.too_large", max=format_number(max_value))
    if value < -max_value - 1:
        raise InputError("err.too_small", min=format_number(-max_value - 1))


# ---- baht in words ---------------------------------------------------------------------------------------------
# Written here rather than taken from a library: PyPI ``bahttext`` (last release 2020) and pythainlp's
# ``bahttext`` both go through float and misspell large amounts (12,345,678,901,234,567 ends in ...ห้าร้อยหกสิบแปด),
# and importing pythainlp.util adds about 0.2–0.6 s and 67 MB for these thirty lines.

_UNITS = ("", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
_PLACES = ("", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน")


def _below_million(n: int) -> str:
    out = []
    s = str(n)
    for i, ch in enumerate(s):
        d, place = int(ch), len(s) - i - 1
        if d == 0:
            continue
        if place == 1 and d == 1:
            out.append("สิบ")
        elif place == 1 and d == 2:
            out.append("ยี่สิบ")
        elif place == 0 and d == 1 and len(s) > 1:  # 11, 21, 101: a final one after any other digit
            out.append("เอ็ด")
        else:
            out.append(_UNITS[d] + _PLACES[place])
    return "".join(out)


def number_words(n: int) -> str:
    """A whole number in Thai words: 21 → ยี่สิบเอ็ด, 101 → หนึ่งร้อยเอ็ด, 1,000,001 → หนึ่งล้านเอ็ด."""
    if n < 0:
        return "ลบ" + number_words(-n)
    if n == 0:
        return "ศูนย์"
    millions, rest = divmod(n, 1_000_000)
    head = number_words(millions) + "ล้าน" if millions else ""
    if not rest:
        return head
    tail = _below_million(rest)
    # "เอ็ด" also after a higher group: 1,000,001 is หนึ่งล้านเอ็ด
    if millions and rest == 1:
        tail = "เอ็ด"
    return head + tail


def baht_text(amount: int | Decimal | str) -> str:
    """Baht in words as on a receipt or a cheque: 12,500 → หนึ่งหมื่นสองพันห้าร้อยบาทถ้วน,
    100.25 → หนึ่งร้อยบาทยี่สิบห้าสตางค์, 0.50 → ห้าสิบสตางค์. Exact for any size; satang are rounded half up
    to two places. A string is read with ``parse_decimal``'s rules (Thai digits, separators)."""
    if isinstance(amount, str):
        s = _clean(amount)
        amount = _decimal(s)
    value = Decimal(amount).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    sign = "ลบ" if value < 0 else ""
    baht, satang = divmod(int(abs(value) * 100), 100)
    if satang == 0:
        return f"{sign}{number_words(baht)}บาทถ้วน"
    words = f"{number_words(satang)}สตางค์"
    return f"{sign}{number_words(baht)}บาท{words}" if baht else sign + words
