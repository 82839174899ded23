"""Reading the office area: units with how much names them, and the contact details."""

from __future__ import annotations

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from itatui.domain.roles import Actor, Perm, require
from itatui.store.db import session_scope
from itatui.store.models import Complaint, ProjectUnit, Setting, Unit
from itatui.store.office.types import CONTACT_FIELDS, OfficeContact, UnitRow

CONTACT_KEY = "organisation.contact"


def list_units(engine: Engine, actor: Actor, organisation_id: int) -> list[UnitRow]:
    require(actor, Perm.PLAN_VIEW)
    with session_scope(engine) as s:
        projects = dict(
            s.exec(select(ProjectUnit.unit_id, func.count()).group_by(ProjectUnit.unit_id)).all()  # type: ignore[arg-type]
        )
        complaints = dict(
            s.exec(select(Complaint.unit_id, func.count()).where(col(Complaint.unit_id).is_not(None)).group_by(Complaint.unit_id)).all()  # type: ignore[arg-type]
        )
        units = s.exec(select(Unit).where(Unit.organisation_id == organisation_id).order_by(col(Unit.retired), col(Unit.id))).all()
        return [
            UnitRow(u.id or 0, u.code, u.name, u.retired, u.is_all, projects.get(u.id, 0) + complaints.get(u.id, 0))
            for u in units
        ]


def contact_in(session: Session, organisation_id: int) -> OfficeContact:
    import json

    raw = session.exec(
        select(Setting.value).where(Setting.organisation_id == organisation_id, Setting.key == CONTACT_KEY)
    ).first()
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        data = {}
    return OfficeContact(**{f: str(data.get(f, "")) for f in CONTACT_FIELDS})


def get_contact(engine: Engine, organisation_id: int) -> OfficeContact:
    """Public (the receipt and the kiosk print it): no permission needed to read it."""
    with session_scope(engine) as s:
        return contact_in(s, organisation_id)
