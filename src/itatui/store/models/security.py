"""Keys held by the office rather than one person, and the log-in throttle.

- ``OfficeKey``: one row per purpose. ``recovery``: the public half of the office recovery key (the private half
  exists only on the printed recovery sheet). ``officers``: the complaint officers' key ring (general
  complainants' personal data is sealed to its public key); ``recovery_wrapped`` is its private key sealed to
  the recovery key.
- ``RingMember``: the ring's private key sealed under one officer's own password.
- ``RecoveryWrap``: a corruption complaint's data key wrapped for the recovery key.
- ``LoginThrottle``: failed log-ins per typed user name (a hash of it, never the text), for known and unknown
  names alike, so the answer does not tell which names exist.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, LargeBinary
from sqlmodel import Field, SQLModel

from itatui.store.models.base import utcnow


class OfficeKey(SQLModel, table=True):
    purpose: str = Field(max_length=20, primary_key=True)
    public_key: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    recovery_wrapped: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    created_at: datetime = Field(default_factory=utcnow)


class RingMember(SQLModel, table=True):
    user_id: int = Field(foreign_key="user.id", primary_key=True)
    ring: str = Field(max_length=20, primary_key=True)
    sealed_private: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class RecoveryWrap(SQLModel, table=True):
    complaint_id: int = Field(foreign_key="complaint.id", primary_key=True)
    wrapped_key: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class LoginThrottle(SQLModel, table=True):
    name_hash: str = Field(max_length=64, primary_key=True)
    failures: int = 0
    locked_until: datetime | None = None
