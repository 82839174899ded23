"""Protecting the complainant of a corruption complaint.

How it works (``cryptography``):
- Each investigator has an X25519 key pair. The private key is sealed with AES-GCM under a key derived from
  that investigator's own login password (scrypt, n=2¹⁵, r=8, p=1) and kept in ``User.private_key_sealed``;
  the public key is ``User.public_key``. Nobody else, an administrator included, can open it.
- Each corruption complaint's identity (JSON: name, national ID, phone, address) is encrypted with a random
  256-bit data key (AES-GCM, bound to the complaint's tracking code) into ``Complaint.identity_sealed``.
  The data key is wrapped for every current investigator with HPKE (RFC 9180, base mode:
  DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, from ``cryptography``; the complaint and the investigator
  go in HPKE's ``info``) and kept in ``ComplaintKey``. The plaintext identity and the data key are never written
  anywhere. Keys wrapped before HPKE (version 1: ephemeral X25519 + HKDF-SHA256 + AES-GCM, the same shape HPKE
  standardises) still open; they are re-wrapped with HPKE whenever they are copied for a new investigator.
- Reveal: an investigator gives their password and a reason → their private key → the data key → the
  identity. The reveal is audited (who, which complaint, the reason — never the identity) and shows on the
  case's internal timeline.

Granting the role (``grant_investigator``): an existing investigator and the new one sit together. The new
user already has a normal account (an administrator made it); they type their own login password, which seals
their new private key, so from then on their usual password unlocks it. The granter types theirs, which opens
the granter's private key to re-wrap every existing complaint's data key for the newcomer.
The first investigator (``bootstrap_investigator``) is made by an administrator only while no investigator with
a key exists (``itatui investigators grant USER``); it is audited. That investigator can only read complaints
filed from then on: older data keys were never wrapped for them.

A password change re-seals the private key (``store.accounts.keys``, where the sealing lives). An
administrator's password reset or removing the role drops the key (accounts does that): the person must then be
granted again by an investigator.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hpke, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import delete, insert
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from itatui.domain.complaints import Audience, ComplaintKind, EventKind, registry_display
from itatui.domain.roles import Actor, Perm, PermissionDenied, Role, parse_roles, require
from itatui.store import audit
from itatui.store.accounts import keys
from itatui.store.complaints.types import Complainant, ComplaintError
from itatui.store.db import session_scope, write_scope
from itatui.store.models import Complaint, ComplaintEvent, ComplaintKey, User
from itatui.store.models.base import utcnow

_VERSION = b"\x01"  # sealed private keys, sealed identities, and data keys wrapped before HPKE
_WRAP_HPKE = b"\x02"  # data keys wrapped with HPKE
_HPKE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
_RAW = serialization.Encoding.Raw
_REWRAP_BATCH = 2000


class IdentityError(ComplaintError):
    """Refusals around sealed identities: wrong password, no key, no reason …"""


@dataclass(frozen=True)
class InvestigatorInfo:
    user_id: int
    username: str
    full_name: str
    active: bool
    has_key: bool


@dataclass(frozen=True)
class GrantResult:
    username: str
    rewrapped: int  # existing complaints the new investigator can now open
    recovery_code: str = ""  # the first investigator only: the office recovery key, for the recovery sheet


# ---- primitives -----------------------------------------------------------------------------------------------


def new_key_pair() -> tuple[X25519PrivateKey, bytes]:
    private = X25519PrivateKey.generate()
    return private, private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)


def seal_private_key(private: X25519PrivateKey, password: str, user_id: int) -> bytes:
    return keys.seal_private_key(private, password, user_id)


def open_private_key(sealed: bytes, password: str, user_id: int) -> X25519PrivateKey:
    try:
        return keys.open_private_key(sealed, password, user_id)
    except keys.SealedKeyError as e:
        raise IdentityError(e.key) from None


def _wrap_kek(shared: bytes, eph_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"itatui/wrap/v1" + eph_public + recipient_public).derive(shared)


def wrap_data_key(data_key: bytes, recipient_public: bytes, context: bytes) -> bytes:
    """version 2 | HPKE single-shot (encapsulated key(32) | AES-256-GCM(data key)), ``context`` as HPKE info."""
    return _WRAP_HPKE + _HPKE.encrypt(data_key, X25519PublicKey.from_public_bytes(recipient_public), info=context)


def wrap_data_key_v1(data_key: bytes, recipient_public: bytes, context: bytes) -> bytes:
    """The wrapping used before HPKE, kept so tests can make such keys: version 1 | ephemeral public key(32) |
    nonce(12) | AES-GCM(data key, aad=context), under HKDF-SHA256(X25519 shared secret, info=label | both keys).
    Sound for the same reasons as HPKE's DHKEM: a fresh ephemeral key per wrap, both public keys bound into the
    derived key, a random nonce under a key used once, and the context authenticated."""
    eph = X25519PrivateKey.generate()
    eph_public = eph.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    kek = _wrap_kek(eph.exchange(X25519PublicKey.from_public_bytes(recipient_public)), eph_public, recipient_public)
    nonce = os.urandom(12)
    return _VERSION + eph_public + nonce + AESGCM(kek).encrypt(nonce, data_key, context)


def unwrap_data_key(wrapped: bytes, private: X25519PrivateKey, context: bytes) -> bytes:
    """Open a wrapped data key of either version."""
    try:
        if wrapped[:1] == _WRAP_HPKE:
            return _HPKE.decrypt(wrapped[1:], private, info=context)
        if wrapped[:1] == _VERSION:
            eph_public, nonce, body = wrapped[1:33], wrapped[33:45], wrapped[45:]
            own_public = private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
            kek = _wrap_kek(private.exchange(X25519PublicKey.from_public_bytes(eph_public)), eph_public, own_public)
            return AESGCM(kek).decrypt(nonce, body, context)
    except (InvalidTag, ValueError):
        pass  # HPKE reports a failed open as ValueError ("decryption failed"), AES-GCM as InvalidTag
    raise IdentityError("identity.err.no_key_for_case")


def wrap_context(complaint_id: int, user_id: int) -> bytes:
    return f"itatui/complaint-key/{complaint_id}/{user_id}".encode()


def _identity_context(tracking_code: str) -> bytes:
    return f"itatui/identity/{tracking_code}".encode()


def seal_identity(who: Complainant, data_key: bytes, tracking_code: str) -> bytes:
    payload = json.dumps(
        {"name": who.name, "national_id": who.national_id, "phone": who.phone, "address": who.address},
        ensure_ascii=False,
    ).encode("utf-8")
    nonce = os.urandom(12)
    return _VERSION + nonce + AESGCM(data_key).encrypt(nonce, payload, _identity_context(tracking_code))


def open_identity(sealed: bytes, data_key: bytes, tracking_code: str) -> Complainant:
    try:
        payload = AESGCM(data_key).decrypt(sealed[1:13], sealed[13:], _identity_context(tracking_code))
    except InvalidTag:
        raise IdentityError("identity.err.damaged") from None
    data = json.loads(payload.decode("utf-8"))
    return Complainant(data.get("name", ""), data.get("national_id", ""), data.get("phone", ""), data.get("address", ""))


# ---- who holds a key ------------------------------------------------------------------------------------------


def _is_investigator(user: User) -> bool:
    return user.active and Role.INVESTIGATOR in parse_roles(user.roles) and user.public_key is not None


def recipients(session: Session) -> list[tuple[int, bytes]]:
    """(user id, public key) of every active investigator holding a key: each new data key is wrapped for them."""
    users = session.exec(select(User).where(col(User.public_key).is_not(None))).all()
    return [(u.id or 0, bytes(u.public_key or b"")) for u in users if _is_investigator(u)]


def seal_for_complaint(session: Session, complaint: Complaint, who: Complainant, keys: list[tuple[int, bytes]] | None = None) -> None:
    """Encrypt ``who`` into ``complaint`` (already flushed: it needs its id) and wrap its data key for every
    investigator. Raises ``IdentityError('identity.err.no_investigator')`` when nobody could ever open it."""
    keys = recipients(session) if keys is None else keys
    if not keys:
        raise IdentityError("identity.err.no_investigator")
    data_key = AESGCM.generate_key(bit_length=256)
    complaint.identity_sealed = seal_identity(who, data_key, complaint.tracking_code)
    session.add(complaint)
    cid = complaint.id or 0
    session.execute(
        insert(ComplaintKey),
        [
            {"complaint_id": cid, "user_id": uid, "wrapped_key": wrap_data_key(data_key, pub, wrap_context(cid, uid)), "created_at": utcnow()}
            for uid, pub in keys
        ],
    )
    from itatui.store.accounts import recovery

    recovery.wrap_complaint(session, cid, data_key)


def list_investigators(engine: Engine, actor: Actor) -> list[InvestigatorInfo]:
    if not (actor.can(Perm.USERS_MANAGE) or actor.can(Perm.INVESTIGATOR_GRANT)):
        raise PermissionDenied(Perm.INVESTIGATOR_GRANT)
    with session_scope(engine) as s:
        users = s.exec(select(User).order_by(col(User.username))).all()
        return [
            InvestigatorInfo(u.id or 0, u.username, u.full_name, u.active, u.private_key_sealed is not None)
            for u in users
            if Role.INVESTIGATOR in parse_roles(u.roles)
        ]


# ---- granting the role ----------------------------------------------------------------------------------------

_hasher = PasswordHasher()


def _check_login_password(user: User, password: str, key: str) -> None:
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise IdentityError(key) from None


def _load_user(session: Session, username: str) -> User:
    user = session.exec(select(User).where(User.username == username.strip())).first()
    if user is None:
        raise IdentityError("identity.err.no_such_user", username=username)
    if not user.active:
        raise IdentityError("identity.err.user_inactive", username=username)
    return user


def _give_key(session: Session, user: User, password: str) -> X25519PrivateKey:
    private, public = new_key_pair()
    user.public_key = public
    user.private_key_sealed = seal_private_key(private, password, user.id or 0)
    roles = parse_roles(user.roles) | {Role.INVESTIGATOR}
    user.roles = ",".join(sorted(r.value for r in roles))
    session.add(user)
    # Keys wrapped for an earlier key pair of this user (before a reset) are useless: replace them.
    session.execute(delete(ComplaintKey).where(col(ComplaintKey.user_id) == user.id))
    return private


def grant_investigator(
    engine: Engine, granting_actor: Actor, granting_password: str, username: str, new_user_password: str
) -> GrantResult:
    """An investigator grants the role to ``username``, who types their own login password
    (``new_user_password``); every complaint the granter can open becomes openable by the new investigator."""
    require(granting_actor, Perm.INVESTIGATOR_GRANT)
    with write_scope(engine) as s:
        granter = s.get(User, granting_actor.user_id)
        if granter is None or not _is_investigator(granter) or granter.private_key_sealed is None:
            raise IdentityError("identity.err.no_key")
        granter_key = open_private_key(granter.private_key_sealed, granting_password, granter.id or 0)
        user = _load_user(s, username)
        if user.id == granter.id:
            raise IdentityError("identity.err.grant_self")
        if Role.ADMIN in parse_roles(user.roles):
            raise IdentityError("identity.err.admin_investigator")  # separation of duties
        _check_login_password(user, new_user_password, "identity.err.user_password_wrong")
        _give_key(s, user, new_user_password)
        count = _rewrap_all(s, granter.id or 0, granter_key, user.id or 0, bytes(user.public_key or b""))
        audit.record(s, granting_actor, "grant", "user", user.id, after={"username": user.username, "role": "investigator", "cases": count})
        return GrantResult(user.username, count)


def bootstrap_investigator(engine: Engine, actor: Actor, username: str, user_password: str) -> GrantResult:
    """The first investigator, made by an administrator. Only once in a database's life: while no complaint key,
    no recovery key and no investigator grant ever existed (the audit log remembers grants, so disabling the
    investigators does not reopen this path). Makes the office recovery key (``store.recovery``). Audited."""
    from itatui.store.accounts import recovery
    from itatui.store.models import AuditLog

    require(actor, Perm.USERS_MANAGE)
    with write_scope(engine) as s:
        granted_before = s.exec(select(AuditLog.id).where(AuditLog.action.in_(("grant", "recover")),  # type: ignore[attr-defined]
                                                          AuditLog.after.like('%"role": "investigator"%'))).first()  # type: ignore[attr-defined]
        any_key = s.exec(select(ComplaintKey.complaint_id).limit(1)).first()
        if recipients(s) or granted_before is not None or any_key is not None or recovery.public_key(s) is not None:
            raise IdentityError("identity.err.investigator_exists")
        user = _load_user(s, username)
        if Role.ADMIN in parse_roles(user.roles):
            raise IdentityError("identity.err.admin_investigator")
        _check_login_password(user, user_password, "identity.err.user_password_wrong")
        _give_key(s, user, user_password)
        code = recovery.create(s)
        audit.record(s, actor, "grant", "user", user.id, after={"username": user.username, "role": "investigator", "bootstrap": True, "recovery_key": "created"})
        return GrantResult(user.username, 0, code)


def _rewrap_all(session: Session, from_user: int, from_key: X25519PrivateKey, to_user: int, to_public: bytes) -> int:
    count, last = 0, 0
    while True:
        rows = session.exec(
            select(ComplaintKey.complaint_id, ComplaintKey.wrapped_key)
            .where(ComplaintKey.user_id == from_user, col(ComplaintKey.complaint_id) > last)
            .order_by(col(ComplaintKey.complaint_id))
            .limit(_REWRAP_BATCH)
        ).all()
        if not rows:
            return count
        now = utcnow()
        batch = []
        for cid, wrapped in rows:
            data_key = unwrap_data_key(bytes(wrapped), from_key, wrap_context(cid, from_user))
            batch.append({"complaint_id": cid, "user_id": to_user, "wrapped_key": wrap_data_key(data_key, to_public, wrap_context(cid, to_user)), "created_at": now})
        session.execute(insert(ComplaintKey), batch)
        count += len(batch)
        last = rows[-1][0]


# ---- reveal ---------------------------------------------------------------------------------------------------


def reveal_identity(engine: Engine, actor: Actor, password: str, complaint_id: int, reason: str) -> Complainant:
    """Open the sealed identity of a corruption complaint. Needs the investigator role, the actor's own password
    and a reason; the reveal (never the identity) goes to the audit log and the case's internal timeline.
    A wrong password is audited too."""
    require(actor, Perm.CORRUPTION_REVEAL)
    if not actor.has_role(Role.INVESTIGATOR):
        raise PermissionDenied(Perm.CORRUPTION_REVEAL)
    reason = (reason or "").strip()
    if not reason:
        raise IdentityError("identity.err.reason_required")
    try:
        with write_scope(engine) as s:
            c = s.get(Complaint, complaint_id)
            if c is None:
                raise ComplaintError("complaint.err.not_found")
            if c.kind != ComplaintKind.CORRUPTION or c.identity_sealed is None:
                raise IdentityError("identity.err.none")
            user = s.get(User, actor.user_id)
            if user is None or not _is_investigator(user) or user.private_key_sealed is None:
                raise IdentityError("identity.err.no_key")
            row = s.get(ComplaintKey, (complaint_id, user.id))
            if row is None:
                raise IdentityError("identity.err.no_key_for_case")
            private = open_private_key(user.private_key_sealed, password, user.id or 0)
            data_key = unwrap_data_key(bytes(row.wrapped_key), private, wrap_context(complaint_id, user.id or 0))
            who = open_identity(bytes(c.identity_sealed), data_key, c.tracking_code)
            label = registry_display(c.kind, c.registry_no, c.fiscal_year)
            audit.record(s, actor, "reveal", "complaint", complaint_id, after={"registry": label, "reason": reason})
            s.add(ComplaintEvent(complaint_id=complaint_id, kind=EventKind.REVEALED, audience=Audience.INTERNAL, text=reason, user_id=actor.user_id))
            return who
    except IdentityError as exc:
        if exc.key == "identity.err.wrong_password":
            with write_scope(engine) as s:
                audit.record(s, actor, "reveal_denied", "complaint", complaint_id, after={"reason": reason, "why": "wrong_password"})
        raise
