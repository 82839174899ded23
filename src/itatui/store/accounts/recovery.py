"""The office recovery key: identities and personal data survive a forgotten password or a departure.

Made once, when the first investigator is set up (``identity.bootstrap_investigator``): an X25519 key pair
whose private half is printed as a recovery sheet (``sealing.encode_code``: 55 characters typed back by hand) for
the head of the office to keep sealed. Only the public half is in the database (``OfficeKey`` row
``recovery``). From then on every corruption complaint's data key is also wrapped for it (``RecoveryWrap``) and
the complaint officers' key ring is sealed to it (``OfficeKey.recovery_wrapped``).

Using it (``store.complaints.key_grants``): an administrator and the head of the office sit with the newly approved person, who types their own
login password; the code and a reason are typed; every complaint key (or the ring) is re-wrapped for that
person. Audited with the reason (a wrong code is audited too). The person may not be an administrator.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy.engine import Engine
from sqlmodel import Session

from itatui.domain.roles import Actor, Perm, require
from itatui.store import audit
from itatui.store.accounts import sealing
from itatui.store.db import write_scope
from itatui.store.models import OfficeKey, RecoveryWrap

RECOVERY = "recovery"


class RecoveryError(Exception):
    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Recovered:
    username: str
    role: str  # "investigator" or "complaint_officer"
    cases: int  # complaints re-wrapped (investigator) or 0


def wrap_context(complaint_id: int) -> bytes:
    return f"itatui/recovery/complaint/{complaint_id}".encode()


RING_CONTEXT = b"itatui/recovery/ring"


def public_key(session: Session) -> bytes | None:
    row = session.get(OfficeKey, RECOVERY)
    return bytes(row.public_key) if row else None


def create(session: Session) -> str:
    """Make the recovery key (refused if one exists); return the code for the recovery sheet."""
    if session.get(OfficeKey, RECOVERY) is not None:
        raise RecoveryError("recovery.err.exists")
    raw = os.urandom(32)
    private = X25519PrivateKey.from_private_bytes(raw)
    session.add(OfficeKey(purpose=RECOVERY, public_key=sealing.public_of(private)))
    session.flush()
    return sealing.encode_code(raw)


def wrap_complaint(session: Session, complaint_id: int, data_key: bytes, public: bytes | None = None) -> None:
    public = public if public is not None else public_key(session)
    if public is not None:
        session.add(RecoveryWrap(complaint_id=complaint_id, wrapped_key=sealing.seal_to(data_key, public, wrap_context(complaint_id))))


def wrap_ring(session: Session, ring: OfficeKey, ring_private: X25519PrivateKey) -> None:
    public = public_key(session)
    if public is not None and ring.recovery_wrapped is None:
        ring.recovery_wrapped = sealing.seal_to(sealing.raw_of(ring_private), public, RING_CONTEXT)
        session.add(ring)


def open_code(session: Session, actor: Actor, code: str, reason: str, username: str) -> X25519PrivateKey:
    stored = public_key(session)
    if stored is None:
        raise RecoveryError("recovery.err.none")
    try:
        private = X25519PrivateKey.from_private_bytes(sealing.decode_code(code))
    except sealing.KeyError_ as exc:
        raise RecoveryError(exc.key) from None
    if sealing.public_of(private) != stored:
        raise RecoveryError("recovery.err.code_wrong")
    return private


def check_request(actor: Actor, reason: str) -> str:
    require(actor, Perm.USERS_MANAGE)
    reason = " ".join((reason or "").split())
    if not reason:
        raise RecoveryError("identity.err.reason_required")
    return reason


def audit_failure(engine: Engine, actor: Actor, username: str, reason: str, why: str) -> None:
    with write_scope(engine) as s:
        audit.record(s, actor, "recover_denied", "user", username, after={"reason": reason, "why": why})


def sheet_text(code: str, organisation: str) -> str:
    """The recovery sheet, to print and seal in an envelope (Thai first, then English)."""
    from itatui.i18n import t

    return t("recovery.sheet", org=organisation or "-", code=code)

