"""Changing the office area (administrators): add, rename, retire or restore a unit; the contact details.

Every change is audited in its own transaction. A retired unit is never deleted: the projects and complaints
that name it keep it, and it comes back with ``restore``.
"""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from itatui.domain.roles import Actor, Perm, require
from itatui.store import audit
from itatui.store.db import write_scope
from itatui.store.models import Setting, Unit
from itatui.store.office.drafts import parse_contact_draft, parse_unit_draft
from itatui.store.office.queries import CONTACT_KEY, contact_in
from itatui.store.office.types import OfficeContact, OfficeError, UnitDraft


def _same_code(s: Session, organisation_id: int, code: str, other_than: int | None = None) -> bool:
    q = select(Unit.id).where(Unit.organisation_id == organisation_id, Unit.code == code)
    found = s.exec(q).first()
    return found is not None and found != other_than


def add_unit(engine: Engine, actor: Actor, organisation_id: int, draft: UnitDraft) -> int:
    require(actor, Perm.USERS_MANAGE)
    clean = parse_unit_draft(draft)
    with write_scope(engine) as s:
        if _same_code(s, organisation_id, clean.code):
            raise OfficeError("office.err.code_taken", code=clean.code)
        unit = Unit(organisation_id=organisation_id, code=clean.code, name=clean.name)
        s.add(unit)
        s.flush()
        audit.record(s, actor, "create", "unit", unit.id, after={"code": clean.code, "name": clean.name})
        return unit.id or 0


def rename_unit(engine: Engine, actor: Actor, unit_id: int, draft: UnitDraft) -> None:
    require(actor, Perm.USERS_MANAGE)
    clean = parse_unit_draft(draft)
    with write_scope(engine) as s:
        unit = s.get(Unit, unit_id)
        if unit is None:
            raise OfficeError("office.err.no_unit")
        if _same_code(s, unit.organisation_id, clean.code, other_than=unit_id):
            raise OfficeError("office.err.code_taken", code=clean.code)
        before, after = audit.diff({"code": unit.code, "name": unit.name}, {"code": clean.code, "name": clean.name})
        if after:
            unit.code, unit.name = clean.code, clean.name
            s.add(unit)
            audit.record(s, actor, "update", "unit", unit_id, before=before, after=after)


def set_retired(engine: Engine, actor: Actor, unit_id: int, retired: bool) -> None:
    require(actor, Perm.USERS_MANAGE)
    with write_scope(engine) as s:
        unit = s.get(Unit, unit_id)
        if unit is None:
            raise OfficeError("office.err.no_unit")
        if unit.is_all:
            raise OfficeError("office.err.all_units")
        if unit.retired != retired:
            unit.retired = retired
            s.add(unit)
            audit.record(s, actor, "retire" if retired else "restore", "unit", unit_id, before={"retired": not retired}, after={"retired": retired})


def save_contact(engine: Engine, actor: Actor, organisation_id: int, values: dict[str, str]) -> OfficeContact:
    import json

    require(actor, Perm.USERS_MANAGE)
    contact = parse_contact_draft(values)
    with write_scope(engine) as s:
        old = contact_in(s, organisation_id)
        before, after = audit.diff(asdict(old), asdict(contact))
        if after:
            row = s.exec(select(Setting).where(Setting.organisation_id == organisation_id, Setting.key == CONTACT_KEY)).first()
            row = row or Setting(organisation_id=organisation_id, key=CONTACT_KEY)
            row.value = json.dumps(asdict(contact), ensure_ascii=False)
            s.add(row)
            audit.record(s, actor, "update", "organisation.contact", organisation_id, before=before, after=after)
    return contact
