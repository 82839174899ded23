"""Failed log-ins counted per typed user name, whether or not the name exists (see ``LoginThrottle``)."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlmodel import Session

from itatui.store.models import LoginThrottle

FREE_FAILURES = 3  # failures allowed before the delay starts
# Capped low on purpose: anyone can type a name and wrong passwords (the kiosk's exit dialog included), so a
# long lock would let them keep the real person out. A minute between guesses still makes guessing useless.
MAX_DELAY = timedelta(seconds=60)


def _delay_for(failures: int) -> timedelta:
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(MAX_DELAY, timedelta(seconds=2 ** min(failures - FREE_FAILURES + 1, 20)))


def _key(username: str) -> str:
    return hashlib.sha256(b"itatui/login/" + username.strip().lower().encode("utf-8")).hexdigest()


def wait_left(session: Session, username: str, now: datetime) -> int:
    """Seconds still to wait before this name may try again (0: may try now)."""
    row = session.get(LoginThrottle, _key(username))
    if row is None or row.locked_until is None:
        return 0
    until = row.locked_until if row.locked_until.tzinfo else row.locked_until.replace(tzinfo=now.tzinfo)
    return int((until - now).total_seconds()) + 1 if until > now else 0


def note_failure(session: Session, username: str, now: datetime) -> None:
    row = session.get(LoginThrottle, _key(username)) or LoginThrottle(name_hash=_key(username))
    row.failures += 1
    delay = _delay_for(row.failures)
    row.locked_until = now + delay if delay else None
    session.add(row)


def reset(session: Session, username: str) -> None:
    row = session.get(LoginThrottle, _key(username))
    if row is not None:
        session.delete(row)
