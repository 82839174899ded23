"""Handing out keys with people present: a member officer grants the key ring, and the office recovery key
gives a newly approved investigator or officer what the departed one held (see ``store.accounts.recovery``)."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from itatui.domain.roles import Actor, Perm, Role, parse_roles, require
from itatui.store import audit
from itatui.store.accounts import keyring, recovery, sealing
from itatui.store.accounts.recovery import RecoveryError
from itatui.store.complaints.identity import _check_login_password, _give_key, _load_user, wrap_context, wrap_data_key
from itatui.store.db import write_scope
from itatui.store.models import ComplaintKey, RecoveryWrap, User
from itatui.store.models.base import utcnow

_BATCH = 2000


def grant_officer(engine: Engine, granting_actor: Actor, granting_password: str, username: str, new_user_password: str) -> str:
    """A member officer hands the ring to ``username`` (a complaint officer or an account that becomes one),
    who types their own login password. Audited. Administrators never hold the ring."""
    require(granting_actor, Perm.COMPLAINT_PERSONAL)
    with write_scope(engine) as s:
        granter = s.get(User, granting_actor.user_id)
        raw = keyring.open_member_key(s, granter, granting_password) if granter is not None else None
        if raw is None:
            raise keyring.RingError("ring.err.not_member")
        user = _load_user(s, username)
        roles = parse_roles(user.roles)
        if Role.ADMIN in roles:
            raise keyring.RingError("ring.err.admin")
        _check_login_password(user, new_user_password, "identity.err.user_password_wrong")
        keyring.add_member(s, user, new_user_password, X25519PrivateKey.from_private_bytes(raw))
        user.roles = ",".join(sorted(r.value for r in roles | {Role.COMPLAINT_OFFICER}))
        s.add(user)
        audit.record(s, granting_actor, "grant", "user", user.id, after={"username": user.username, "role": "complaint_officer"})
        return user.username


def recover_investigator(engine: Engine, actor: Actor, code: str, reason: str, username: str, user_password: str) -> recovery.Recovered:
    """Give ``username`` the investigator role with every complaint key re-wrapped from the recovery key."""
    reason = recovery.check_request(actor, reason)
    try:
        with write_scope(engine) as s:
            private = recovery.open_code(s, actor, code, reason, username)
            user = _load_user(s, username)
            if Role.ADMIN in parse_roles(user.roles):
                raise RecoveryError("identity.err.admin_investigator")
            _check_login_password(user, user_password, "identity.err.user_password_wrong")
            _give_key(s, user, user_password)
            public = bytes(user.public_key or b"")
            count, last = 0, 0
            while True:
                rows = s.exec(select(RecoveryWrap).where(col(RecoveryWrap.complaint_id) > last)
                              .order_by(col(RecoveryWrap.complaint_id)).limit(_BATCH)).all()
                if not rows:
                    break
                now = utcnow()
                batch = []
                for r in rows:
                    data_key = sealing.open_from(bytes(r.wrapped_key), private, recovery.wrap_context(r.complaint_id))
                    batch.append({"complaint_id": r.complaint_id, "user_id": user.id,
                                  "wrapped_key": wrap_data_key(data_key, public, wrap_context(r.complaint_id, user.id or 0)),
                                  "created_at": now})
                s.execute(insert(ComplaintKey), batch)
                count += len(batch)
                last = rows[-1].complaint_id
            audit.record(s, actor, "recover", "user", user.id,
                         after={"username": user.username, "role": "investigator", "cases": count, "reason": reason})
            return recovery.Recovered(user.username, "investigator", count)
    except RecoveryError as exc:
        if exc.key in ("recovery.err.code_wrong", "recovery.err.code"):
            recovery.audit_failure(engine, actor, username, reason, exc.key)
        raise


def recover_officer(engine: Engine, actor: Actor, code: str, reason: str, username: str, user_password: str) -> recovery.Recovered:
    """Give ``username`` the complaint officers' key ring from the recovery key (and the officer role)."""
    reason = recovery.check_request(actor, reason)
    try:
        with write_scope(engine) as s:
            private = recovery.open_code(s, actor, code, reason, username)
            ring = keyring.ring_row(s)
            if ring is None or ring.recovery_wrapped is None:
                raise RecoveryError("recovery.err.no_ring")
            ring_private = X25519PrivateKey.from_private_bytes(sealing.open_from(bytes(ring.recovery_wrapped), private, recovery.RING_CONTEXT))
            user = _load_user(s, username)
            roles = parse_roles(user.roles)
            if Role.ADMIN in roles:
                raise RecoveryError("ring.err.admin")
            _check_login_password(user, user_password, "identity.err.user_password_wrong")
            keyring.add_member(s, user, user_password, ring_private)
            user.roles = ",".join(sorted(r.value for r in roles | {Role.COMPLAINT_OFFICER}))
            s.add(user)
            audit.record(s, actor, "recover", "user", user.id,
                         after={"username": user.username, "role": "complaint_officer", "reason": reason})
            return recovery.Recovered(user.username, "complaint_officer", 0)
    except RecoveryError as exc:
        if exc.key in ("recovery.err.code_wrong", "recovery.err.code"):
            recovery.audit_failure(engine, actor, username, reason, exc.key)
        raise
