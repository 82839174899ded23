"""Control characters out of everything people type: a NUL byte breaks SQLite and PostgreSQL statements, an
escape sequence would drive the terminal of whoever later reads the text. Kept: tab and new line in texts
that may have several lines."""

from __future__ import annotations

import re

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean_text(value: str) -> str:
    """Drop control characters except tab and new line (a carriage return becomes nothing)."""
    return _CONTROLS.sub("", value) if value else value


def clean_line(value: str) -> str:
    """One-line fields (names, codes, searches): every control character goes, tab and new line included."""
    return _LINE_CONTROLS.sub("", value) if value else value


def has_controls(value: str) -> bool:
    return bool(value) and bool(_CONTROLS.search(value))
