"""The complaint officers' key ring: general complainants' personal data sealed in the database file.

- One X25519 key pair for the office's complaint officers (``OfficeKey`` row ``officers``). A desk seals a
  general complainant's name, national ID, phone and address to its public key (``seal_to``): no password is
  needed to file a complaint, and the plain columns of ``complaint`` stay empty.
- The ring's private key is sealed under each member officer's own login password (``RingMember``, Argon2id
  as for investigators). Logging in opens it; the opened key travels in the session's ``Actor`` (memory only)
  and reads the personal data the officer is allowed to see. A password change re-seals it; an
  administrator's reset drops that officer's copy (after a confirmation).
- The ring is made when the first complaint officer account is created (with that officer's password) or, on a
  database from before, at the first complaint officer's log-in; then every plain-text complainant is sealed
  and the plain columns emptied. Later officers get it from a member (``grant_officer``: both type their
  passwords) or through the office recovery key (``store.recovery``).
- Search: names, IDs and phones are not searchable (only subject and details are indexed), so nothing of the
  personal data goes back into the file in any form.
"""

from __future__ import annotations

import json

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlmodel import Session, col, select

from itatui.domain.roles import Actor, Role, parse_roles
from itatui.store import audit
from itatui.store.accounts import sealing
from itatui.store.models import Complaint, OfficeKey, RingMember, User

RING = "officers"


class RingError(Exception):
    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params


def _context(user_id: int) -> bytes:
    return f"itatui/ring/{RING}/{user_id}".encode()


def _personal_context(tracking_code: str) -> bytes:
    return f"itatui/personal/{tracking_code}".encode()


def ring_row(session: Session) -> OfficeKey | None:
    return session.get(OfficeKey, RING)


def is_member(session: Session, user_id: int | None) -> bool:
    return user_id is not None and session.get(RingMember, (user_id, RING)) is not None


def member_count(session: Session) -> int:
    return len(session.exec(select(RingMember.user_id).where(RingMember.ring == RING)).all())


def add_member(session: Session, user: User, password: str, ring_private: X25519PrivateKey) -> None:
    row = session.get(RingMember, (user.id, RING)) or RingMember(user_id=user.id or 0, ring=RING, sealed_private=b"")
    row.sealed_private = sealing.seal_secret(sealing.raw_of(ring_private), password, _context(user.id or 0))
    session.add(row)


def create_ring(session: Session, actor: Actor, user: User, password: str) -> bytes:
    """A new ring with ``user`` as its first member; seals every plain-text complainant. Returns the raw key."""
    from itatui.store.accounts import recovery

    private, public = sealing.new_private()
    row = OfficeKey(purpose=RING, public_key=public)
    session.add(row)
    session.flush()
    recovery.wrap_ring(session, row, private)
    add_member(session, user, password, private)
    sealed = _seal_plain_rows(session, public)
    audit.record(session, actor, "grant", "user", user.id,
                 after={"username": user.username, "role": "complaint_officer", "ring": "created", "sealed": sealed})
    return sealing.raw_of(private)


def _seal_plain_rows(session: Session, public: bytes) -> int:
    count = 0
    rows = session.exec(select(Complaint).where(col(Complaint.personal_sealed).is_(None), Complaint.kind == "general")).all()
    for c in rows:
        fields = (c.complainant_name, c.complainant_national_id, c.complainant_phone, c.complainant_address)
        if not any(fields):
            continue
        c.personal_sealed = seal_personal(public, *fields, tracking_code=c.tracking_code)
        c.complainant_name = c.complainant_national_id = c.complainant_phone = c.complainant_address = ""
        session.add(c)
        count += 1
    return count


def open_member_key(session: Session, user: User, password: str) -> bytes | None:
    row = session.get(RingMember, (user.id, RING))
    if row is None:
        return None
    return sealing.open_secret(bytes(row.sealed_private), password, _context(user.id or 0))


def login_writes(session: Session, user: User) -> bool:
    """Whether this log-in changes the ring (an officer finds none yet, or it lacks its recovery copy): only then
    must ``on_login`` run inside the log-in's write transaction; otherwise ``open_on_login`` reads, after it."""
    if Role.COMPLAINT_OFFICER not in parse_roles(user.roles):
        return False
    row = ring_row(session)
    if row is None:
        return True
    if row.recovery_wrapped is None:
        from itatui.store.accounts import recovery

        return recovery.public_key(session) is not None  # the ring's recovery copy is still to be made
    return False


def open_on_login(session: Session, user: User, password: str) -> bytes | None:
    """The ring key for a member, read only (the costly key derivation holds no write lock)."""
    if Role.COMPLAINT_OFFICER not in parse_roles(user.roles):
        return None
    try:
        return open_member_key(session, user, password)
    except sealing.KeyError_:
        return None


def on_login(session: Session, user: User, password: str) -> bytes | None:
    """At a successful log-in: the ring key for a member (made first if an officer finds no ring yet)."""
    if Role.COMPLAINT_OFFICER not in parse_roles(user.roles):
        return None
    row = ring_row(session)
    if row is None:
        actor = Actor(user.id, user.username, parse_roles(user.roles))
        return create_ring(session, actor, user, password)
    try:
        raw = open_member_key(session, user, password)
    except sealing.KeyError_:
        return None
    if raw is not None and row.recovery_wrapped is None:
        from itatui.store.accounts import recovery

        recovery.wrap_ring(session, row, X25519PrivateKey.from_private_bytes(raw))
    return raw


def reseal_on_password_change(session: Session, user: User, old_password: str, new_password: str) -> None:
    try:
        raw = open_member_key(session, user, old_password)
    except sealing.KeyError_:
        raw = None
    if raw is not None:
        add_member(session, user, new_password, X25519PrivateKey.from_private_bytes(raw))


def drop_member(session: Session, user_id: int) -> None:
    row = session.get(RingMember, (user_id, RING))
    if row is not None:
        session.delete(row)


# ---- sealing the personal data ---------------------------------------------------------------------------------


def seal_personal(public: bytes, name: str, national_id: str, phone: str, address: str, *, tracking_code: str) -> bytes:
    payload = json.dumps({"name": name, "national_id": national_id, "phone": phone, "address": address},
                         ensure_ascii=False).encode("utf-8")
    return sealing.seal_to(payload, public, _personal_context(tracking_code))


def open_personal(sealed: bytes, ring_raw: bytes, tracking_code: str) -> dict[str, str]:
    private = X25519PrivateKey.from_private_bytes(ring_raw)
    data = json.loads(sealing.open_from(sealed, private, _personal_context(tracking_code)).decode("utf-8"))
    return {f: str(data.get(f, "")) for f in ("name", "national_id", "phone", "address")}
