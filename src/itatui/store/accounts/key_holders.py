"""Who holds which key, for the confirmations before a key is dropped (accounts) and for ``check``."""

from __future__ import annotations

from sqlalchemy import delete
from sqlmodel import Session, col, select

from itatui.domain.roles import Role, parse_roles
from itatui.store.models import AuditLog, ComplaintKey, RingMember, User


def held_keys(session: Session, user: User) -> list[str]:
    """'investigator' and/or 'complaint_officer' for the keys ``user`` holds."""
    from itatui.store.accounts import keyring

    out = []
    if user.private_key_sealed is not None:
        out.append("investigator")
    if keyring.is_member(session, user.id):
        out.append("complaint_officer")
    return out


def drop_all_keys(session: Session, user: User) -> None:
    from itatui.store.accounts import keyring

    user.private_key_sealed = None
    user.public_key = None
    session.execute(delete(ComplaintKey).where(col(ComplaintKey.user_id) == user.id))
    keyring.drop_member(session, user.id or 0)
    session.add(user)


def last_holder_of(session: Session, user: User, role: Role) -> bool:
    """True when ``user`` is the only active holder of that role's key."""
    if role == Role.INVESTIGATOR:
        holders = [u for u in session.exec(select(User).where(col(User.private_key_sealed).is_not(None))).all()
                   if u.active and Role.INVESTIGATOR in parse_roles(u.roles)]
    else:
        ids = session.exec(select(RingMember.user_id)).all()
        holders = [u for u in session.exec(select(User).where(col(User.id).in_(ids))).all() if u.active] if ids else []
    return [u.id for u in holders] == [user.id]


def holders_without_grant(session: Session) -> list[tuple[int, str]]:
    """(user id, user name) of every key-holder whose grant is not in the audit log: a key written behind the
    app's back."""
    ids = set(session.exec(select(User.id).where(col(User.public_key).is_not(None))).all())
    ids |= set(session.exec(select(ComplaintKey.user_id).distinct()).all())
    ids |= set(session.exec(select(RingMember.user_id)).all())
    granted = set(session.exec(select(AuditLog.entity_id).where(col(AuditLog.entity) == "user",
                                                                col(AuditLog.action).in_(("grant", "recover")))).all())
    out = []
    for uid in sorted(i for i in ids if i is not None):
        if str(uid) not in granted:
            user = session.get(User, uid)
            out.append((uid, user.username if user else "?"))
    return out
