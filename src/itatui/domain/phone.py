"""Thai telephone numbers as people write them: 081-234-5678, 0812345678, +66 81 234 5678, ๐๔๕-๔๙๑-๐๑๒.

Accepted (after removing spaces, dashes, dots and brackets, and turning +66 / 0066 into a leading 0):
- mobile: 10 digits starting 06, 08 or 09 → shown ``0XX-XXX-XXXX``;
- landline: 9 digits starting 02 (Bangkok) → ``02-XXX-XXXX``, or 03, 04, 05, 07 (provinces) → ``0XX-XXX-XXX``.
Anything else (too short, letters, 01…) is refused with a catalogue key.
"""

from __future__ import annotations

import re

from itatui.domain.thai import to_arabic
from itatui.present.errors import UserError

_STRIP = re.compile(r"[\s\-.()/]")


class PhoneError(UserError, ValueError):
    """``key`` is a message-catalogue key."""


def digits_only(text: str) -> str:
    s = _STRIP.sub("", to_arabic(text or ""))
    if s.startswith("+66"):
        s = "0" + s[3:]
    elif s.startswith("0066"):
        s = "0" + s[4:]
    elif s.startswith("66") and len(s) in (10, 11):
        s = "0" + s[2:]
    return s


def normalize(text: str) -> str:
    """The number in its display form, or ``PhoneError("complaint.err.phone_format")``."""
    s = digits_only(text)
    if not s.isascii() or not s.isdigit():
        raise PhoneError("complaint.err.phone_format")
    if len(s) == 10 and s[:2] in ("06", "08", "09"):
        return f"{s[:3]}-{s[3:6]}-{s[6:]}"
    if len(s) == 9 and s[:2] == "02":
        return f"{s[:2]}-{s[2:5]}-{s[5:]}"
    if len(s) == 9 and s[:2] in ("03", "04", "05", "07"):
        return f"{s[:3]}-{s[3:6]}-{s[6:]}"
    raise PhoneError("complaint.err.phone_format")
