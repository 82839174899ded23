"""The account behind a session is re-read on every write and every read of personal data: an administrator's
disable or role removal takes effect at once, not at the next log-in."""

from __future__ import annotations

from sqlmodel import Session

from itatui.domain.roles import Actor, AccountRevoked, parse_roles
from itatui.store.models import User


def recheck(session: Session, actor: Actor) -> None:
    if actor.user_id is None:  # the system itself (migrations, seeds run by the app)
        return
    user = session.get(User, actor.user_id)
    if user is None or not user.active or not actor.roles <= parse_roles(user.roles):
        raise AccountRevoked()
