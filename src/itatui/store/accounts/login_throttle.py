"""Failed log-ins counted per typed user name, whether or not the name exists (see ``LoginThrottle``)."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlmodel import Session

from itatui.store.models import LoginThrottle


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
    from itatui.store.accounts.users import _delay_for

    row = session.get(LoginThrottle, _key(username)) or LoginThrottle(name_hash=_key(username))
    row.failures += 1
    delay = _delay_for(row.failures)
    row.locked_until = now + delay if delay else None
    session.add(row)


def reset(session: Session, username: str) -> None:
    row = session.get(LoginThrottle, _key(username))
    if row is not None:
        session.delete(row)
