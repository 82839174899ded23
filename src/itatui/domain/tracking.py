"""Tracking codes (รหัสติดตาม) handed to a complainant: unguessable and easy to read aloud over the phone.

- 23 symbols: the digits 2–9 and the letters A C D E F H J K M P R T W X Y. Left out are the pairs people
  confuse on paper or on the phone: 0/O/Q, 1/I/L, B (8), G (6), S (5), Z (2), U/V, N (M).
- 9 random symbols from ``secrets`` (23⁹ ≈ 1.8·10¹², about 41 bits) plus 1 check symbol.
- Shown in groups 3-3-4, the rhythm of a Thai mobile number: ``K7M-4QX-9PWA``.
- The check symbol is Σ i·vᵢ (i = 1…9) mod 23. Because 23 is prime it catches every single wrong symbol and
  every swap of two neighbouring symbols, so a mistyped code says "check the code" instead of "not found".
"""

from __future__ import annotations

import re
import secrets

from itatui.domain.thai import to_arabic
from itatui.present.errors import UserError

ALPHABET = "23456789ACDEFHJKMPRTWXY"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
RANDOM_LENGTH = 9
LENGTH = RANDOM_LENGTH + 1
GROUPS = (3, 3, 4)
# What people type for a symbol we never issue, when the intended one is unambiguous.
_LOOKALIKE = str.maketrans({"B": "8", "S": "5", "Z": "2", "G": "6"})
_SEPARATORS = re.compile(r"[\s\-._/]")


class TrackingCodeError(UserError, ValueError):
    """``key`` is a message-catalogue key."""


def _check_symbol(body: str) -> str:
    return ALPHABET[sum((i + 1) * _VALUE[ch] for i, ch in enumerate(body)) % len(ALPHABET)]


def new_code() -> str:
    """A fresh code in canonical form (10 symbols, no dashes)."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    return body + _check_symbol(body)


def is_valid(code: str) -> bool:
    try:
        parse(code)
    except TrackingCodeError:
        return False
    return True


def parse(text: str) -> str:
    """Canonical form of a typed code (any case, dashes or spaces, Thai digits, B/S/Z/G for 8/5/2/6).

    Raises ``TrackingCodeError`` with ``tracking.err.length``, ``tracking.err.symbol`` or ``tracking.err.check``.
    """
    s = _SEPARATORS.sub("", to_arabic(text or "")).upper().translate(_LOOKALIKE)
    if len(s) != LENGTH:
        raise TrackingCodeError("tracking.err.length")
    if any(ch not in _VALUE for ch in s):
        raise TrackingCodeError("tracking.err.symbol")
    if _check_symbol(s[:RANDOM_LENGTH]) != s[-1]:
        raise TrackingCodeError("tracking.err.check")
    return s


def format_code(code: str) -> str:
    """``K7M4QX9PWA`` → ``K7M-4QX-9PWA``."""
    parts, i = [], 0
    for n in GROUPS:
        parts.append(code[i : i + n])
        i += n
    return "-".join(p for p in parts if p)
