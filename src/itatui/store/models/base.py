from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Timestamps are aware UTC datetimes (SQLModel's UTCDateTime refuses naive ones); the UI shows Thai time."""
    return datetime.now(UTC)
