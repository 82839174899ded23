"""Small SQL pieces every area needs the same way."""

from __future__ import annotations

import sqlalchemy as sa

LIKE_ESCAPE = "\\"


def like_pattern(text: str) -> str:
    """``%text%`` for LIKE with ``\\``, ``%`` and ``_`` escaped: what a user types is looked for as typed
    (a ``%`` in a search matches a percent sign, not everything)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def contains(expr: sa.ColumnElement, text: str, *, ignore_case: bool = False) -> sa.ColumnElement[bool]:
    """``expr`` contains ``text`` literally (``ILIKE`` when ``ignore_case``: case-insensitive on PostgreSQL too)."""
    pattern = like_pattern(text)
    return expr.ilike(pattern, escape=LIKE_ESCAPE) if ignore_case else expr.like(pattern, escape=LIKE_ESCAPE)
