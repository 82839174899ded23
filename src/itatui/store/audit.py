"""Append-only audit log with a hash chain: each record carries the hash of the previous one.

Write it inside the same transaction as the change it describes (so both commit or neither does), from a
session opened with ``write_scope`` (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock) so two desks
cannot both chain onto the same previous record.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, col, select

from itatui.domain.roles import Actor
from itatui.store.models import AuditLog
from itatui.store import textguard  # noqa: F401  (registers the control-character guard on every session)
from itatui.store.models.base import utcnow

_PG_AUDIT_LOCK = 0x17A7_0A0D  # advisory lock key serialising the chain on PostgreSQL


@event.listens_for(OrmSession, "after_commit")
def _after_commit(session: OrmSession) -> None:
    head = session.info.pop("audit_head", None)
    if head is not None:
        from itatui.store.anchor import advance

        advance(session.get_bind(), head[0], head[1])


@event.listens_for(OrmSession, "after_rollback")
def _after_rollback(session: OrmSession) -> None:
    session.info.pop("audit_head", None)


def _default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, bytes):
        return "<bytes>"
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    return str(value)


def dumps(value: Any) -> str:
    if value is None or value == "":
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_default)


def record_hash(rec: AuditLog) -> str:
    at = rec.at.isoformat(timespec="microseconds") if rec.at else ""
    payload = json.dumps(
        [rec.prev_hash, at, rec.user_id, rec.username, rec.action, rec.entity, rec.entity_id, rec.before, rec.after],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _last_hash(session: Session) -> str:
    if session.get_bind().dialect.name == "postgresql":
        session.exec(text(f"SELECT pg_advisory_xact_lock({_PG_AUDIT_LOCK})"))  # type: ignore[call-overload]
    last = session.exec(select(AuditLog.hash).order_by(col(AuditLog.id).desc()).limit(1)).first()
    return last or ""


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: Any = "",
    *,
    before: Any = None,
    after: Any = None,
) -> AuditLog:
    """Add one audit record to the session's transaction. Never put a complainant's identity in before/after.

    Every change is audited, so this is also where the core re-checks the account behind the session: a
    disabled account, or one that lost a role since log-in, changes nothing (``AccountRevoked``)."""
    from itatui.store.session_guard import recheck

    recheck(session, actor)
    rec = AuditLog(
        at=utcnow(),
        user_id=actor.user_id,
        username=actor.username,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        before=dumps(before),
        after=dumps(after),
    )
    rec.prev_hash = _last_hash(session)
    rec.hash = record_hash(rec)
    session.add(rec)
    session.flush()
    session.info["audit_head"] = (rec.id, rec.hash)  # for the anchor file, written after the commit
    return rec


def diff(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that changed, for compact before → after records."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


@dataclass(frozen=True)
class ChainProblem:
    record_id: int
    problem: str  # "hash" (record altered) or "link" (record removed or inserted before it)


def verify_chain(session: Session, *, batch: int = 5000) -> tuple[int, list[ChainProblem]]:
    """Walk the whole log in id order; return the number of records and every break found."""
    problems: list[ChainProblem] = []
    prev = ""
    count = 0
    last_id = 0
    while True:
        rows = session.exec(
            select(AuditLog).where(col(AuditLog.id) > last_id).order_by(col(AuditLog.id)).limit(batch)
        ).all()
        if not rows:
            break
        for rec in rows:
            count += 1
            if rec.prev_hash != prev:
                problems.append(ChainProblem(rec.id or 0, "link"))
            if record_hash(rec) != rec.hash:
                problems.append(ChainProblem(rec.id or 0, "hash"))
            prev = rec.hash
            last_id = rec.id or 0
    return count, problems
