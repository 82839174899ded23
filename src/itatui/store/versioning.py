"""Edits that collide: every editable record carries a ``version``; a save names the version its form opened.

``claim`` moves the version on by one in the same transaction as the save, only if it still is the one the
form opened (one guarded UPDATE: on PostgreSQL the second of two concurrent saves waits on the row lock, then
finds the new version; on SQLite ``write_scope`` already serialises writers). Otherwise the save is refused
with ``EditConflict``, which lists what changed since, read from the audit log: every audited save records the
version it made, so the records after the opened version are exactly the changes the user has not seen.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import attributes
from sqlalchemy.orm.util import identity_key
from sqlmodel import Session

from itatui.present.errors import UserError
from itatui.store.models import AuditLog

_HISTORY_LIMIT = 50  # records read back at most: a conflict lists the recent changes, not a year of them


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class SeenChange:
    """One save the user had not seen: when, by whom, which action, which fields (with their values)."""

    at: datetime
    username: str
    action: str
    version: int
    fields: tuple[FieldChange, ...]


class EditConflict(UserError):
    """The record changed after the form opened it; ``changes`` says how (newest last)."""

    def __init__(self, entity: str, entity_id: int, opened: int, current: int, changes: tuple[SeenChange, ...]) -> None:
        who = ", ".join(dict.fromkeys(c.username or "?" for c in changes)) or "?"
        super().__init__("conflict.changed", who=who, n=max(current - opened, 1))
        self.entity, self.entity_id = entity, entity_id
        self.opened, self.current = opened, current
        self.changes = changes

    @property
    def fields(self) -> tuple[str, ...]:
        """Every field changed since the form opened (first change first), without repeats."""
        return tuple(dict.fromkeys(f.field for c in self.changes for f in c.fields))


def claim(s: Session, model: type, entity: str, row_id: int, opened: int | None) -> int:
    """Move ``row_id``'s version on by one if it still is ``opened``; return the new version.

    ``opened`` None: the caller does not track versions (an import, a command): the version still moves on, so a
    form opened before it sees the change."""
    s.flush()  # the save's own changes first: the version moves on with them
    table = model.__table__  # type: ignore[attr-defined]
    stmt = sa.update(table).where(table.c.id == row_id)
    if opened is not None:
        stmt = stmt.where(table.c.version == opened)
    result = s.execute(stmt.values(version=table.c.version + 1).returning(table.c.version))
    row = result.first()
    if row is not None:
        new = int(row[0])
        obj = s.identity_map.get(identity_key(model, row_id))
        if obj is not None:
            attributes.set_committed_value(obj, "version", new)  # the loaded object agrees with the row
        return new
    current = s.execute(sa.select(table.c.version).where(table.c.id == row_id)).scalar()
    if current is None:
        raise UserError("conflict.gone")  # removed by another desk (a re-import) while the form was open
    raise EditConflict(entity, row_id, opened or 0, int(current), changes_since(s, entity, row_id, opened or 0))


def check(s: Session, model: type, entity: str, row_id: int, opened: int | None) -> None:
    """Refuse at once when the record is no longer at ``opened`` (before any validation of the new values: a
    problem may come from the other change). ``claim`` still guards the write itself."""
    if opened is None:
        return
    table = model.__table__  # type: ignore[attr-defined]
    current = s.execute(sa.select(table.c.version).where(table.c.id == row_id)).scalar()
    if current is not None and int(current) != opened:
        raise EditConflict(entity, row_id, opened, int(current), changes_since(s, entity, row_id, opened))


def changes_since(s: Session, entity: str, row_id: int, opened: int) -> tuple[SeenChange, ...]:
    """The audited saves of one record that made a version above ``opened``, oldest first."""
    rows = s.execute(
        sa.select(AuditLog.at, AuditLog.username, AuditLog.action, AuditLog.before, AuditLog.after)
        .where(AuditLog.entity == entity, AuditLog.entity_id == str(row_id))
        .order_by(sa.desc(AuditLog.id))
        .limit(_HISTORY_LIMIT)
    ).all()
    seen: list[SeenChange] = []
    for at, username, action, before_json, after_json in rows:
        after = _load(after_json)
        version = after.get("version")
        if not isinstance(version, int) or version <= opened:
            break  # older than the form, or written before versions were recorded
        before = _load(before_json)
        fields = tuple(
            FieldChange(name, before.get(name), value) for name, value in after.items() if name != "version"
        )
        seen.append(SeenChange(at, username, action, version, fields))
    return tuple(reversed(seen))


def _load(text: str) -> dict[str, Any]:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
