from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, LargeBinary, Text
from sqlmodel import Field, SQLModel

from itatui.store.models.base import utcnow


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=60, unique=True, index=True)
    full_name: str = Field(default="", max_length=200)
    password_hash: str = Field(max_length=200)  # argon2id
    roles: str = Field(default="viewer", max_length=200)  # comma-separated role codes
    active: bool = True
    failed_logins: int = 0
    locked_until: datetime | None = None
    last_login: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    # Investigator key pair: the private key is sealed with a key derived from the user's own password,
    # so nobody else (an administrator included) can open what is encrypted to it.
    public_key: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    private_key_sealed: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))


class AuditLog(SQLModel, table=True):
    """Append-only; each record carries the hash of the previous one, so any edit or removal breaks the chain."""

    # One record's history (what changed since a form opened it) without reading the whole log.
    __table_args__ = (Index("ix_auditlog_entity", "entity", "entity_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    user_id: int | None = None
    username: str = Field(default="", max_length=60)
    action: str = Field(max_length=40)  # create / update / delete / login / reveal / unlock …
    entity: str = Field(max_length=40)
    entity_id: str = Field(default="", max_length=60)
    before: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))  # JSON
    after: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))  # JSON
    prev_hash: str = Field(default="", max_length=64)
    hash: str = Field(default="", max_length=64)
