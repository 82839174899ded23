"""Thai national ID numbers (เลขประจำตัวประชาชน): 13 digits, the last a check digit.

check digit = (11 − (Σ dᵢ·(13−i), i = 0…11) mod 11) mod 10
Input may use Thai digits and the printed grouping ``1-2345-67890-12-3``.
"""

from __future__ import annotations

import re

from itatui.domain.thai import to_arabic
from itatui.present.errors import UserError

_SEPARATORS = re.compile(r"[\s\-.]")


class NationalIdError(UserError, ValueError):
    """``key`` is a message-catalogue key (never the number itself: it is personal data)."""


def check_digit(first12: str) -> int:
    if len(first12) != 12 or not first12.isdigit():
        raise ValueError("need exactly 12 digits")
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return (11 - total % 11) % 10


def is_valid(number: str) -> bool:
    try:
        normalize(number)
    except NationalIdError:
        return False
    return True


def normalize(text: str) -> str:
    """The 13 plain Arabic digits, or ``NationalIdError`` (``complaint.err.id_length`` / ``complaint.err.id_checksum``)."""
    s = _SEPARATORS.sub("", to_arabic(text or ""))
    if len(s) != 13 or not s.isascii() or not s.isdigit():
        raise NationalIdError("complaint.err.id_length")
    if check_digit(s[:12]) != int(s[12]):
        raise NationalIdError("complaint.err.id_checksum")
    return s


def format_id(number: str) -> str:
    """``1234567890123`` → ``1-2345-67890-12-3`` (as printed on the card)."""
    s = to_arabic(number)
    if len(s) != 13:
        return number
    return f"{s[0]}-{s[1:5]}-{s[5:10]}-{s[10:12]}-{s[12]}"
