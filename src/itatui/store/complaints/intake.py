"""Intake at the desk: save a validated form (``drafts``) with a registry number and a tracking code.

Registry numbers (เลขรับ) run 1, 2, 3 … per organisation, fiscal year and kind, never duplicated or skipped
even when two desks save at the same moment: the number is taken from ``RegistryCounter`` inside the same write
transaction as the insert (SQLite: BEGIN IMMEDIATE holds the only write lock; PostgreSQL: the counter row is
locked with SELECT … FOR UPDATE until commit). A failed save rolls the counter back with it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert as sa_insert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, select

from itatui.domain import tracking
from itatui.domain.complaint_clock import due_date, local_date
from itatui.domain.complaints import STAGE, Audience, ComplaintKind, EventKind, Status, registry_display
from itatui.domain.fiscal import fiscal_year
from itatui.domain.roles import Actor, Perm, require
from itatui.domain.validation import Problems
from itatui.store import audit
from itatui.store.accounts import keyring
from itatui.store.complaints import identity, personal
from itatui.store.complaints.drafts import CleanDraft, validate_draft
from itatui.store.complaints.settings import clock_rule_in, resolve_org
from itatui.store.complaints.types import ComplaintDraft, ComplaintError, ComplaintValidationError, CreatedComplaint
from itatui.store.db import write_scope
from itatui.store.models import Complaint, ComplaintEvent, ComplaintEvidence, RegistryCounter, Unit
from itatui.store.models.base import utcnow


def allocate_registry_no(session: Session, org_id: int, fy: int, kind: str) -> int:
    """Next registry number, inside the caller's write transaction (see the module docstring)."""
    dialect = session.get_bind().dialect.name
    values = {"organisation_id": org_id, "fiscal_year": fy, "kind": kind, "last_no": 0}
    if dialect == "postgresql":
        session.execute(pg_insert(RegistryCounter).values(**values).on_conflict_do_nothing())
    elif dialect == "sqlite":
        session.execute(sqlite_insert(RegistryCounter).values(**values).on_conflict_do_nothing())
    else:  # pragma: no cover - other databases are not supported
        if session.get(RegistryCounter, (org_id, fy, kind)) is None:
            session.execute(sa_insert(RegistryCounter).values(**values))
    counter = session.exec(
        select(RegistryCounter)
        .where(RegistryCounter.organisation_id == org_id, RegistryCounter.fiscal_year == fy, RegistryCounter.kind == kind)
        .with_for_update()
        .execution_options(populate_existing=True)  # never an identity-map copy: the row may have moved
    ).one()
    counter.last_no += 1
    session.add(counter)
    session.flush()
    return counter.last_no


def unique_tracking_code(session: Session) -> str:
    """A fresh code not yet in use (a clash is rare: 23⁹ codes; we still look)."""
    while True:
        code = tracking.new_code()
        if session.exec(select(Complaint.id).where(Complaint.tracking_code == code)).first() is None:
            return code


def create_complaint(engine: Engine, actor: Actor, draft: ComplaintDraft, *, now: datetime | None = None) -> CreatedComplaint:
    """Save a new complaint. Raises ``ComplaintValidationError`` with every problem at once (nothing is saved),
    ``PermissionDenied`` without the right for that kind."""
    now = now or utcnow()
    clean, problems = validate_draft(draft, now=now)
    if clean is None:
        raise ComplaintValidationError(problems)
    require(actor, Perm.CORRUPTION_EDIT if clean.kind == ComplaintKind.CORRUPTION else Perm.COMPLAINT_EDIT)
    try:
        return _save(engine, actor, clean, draft.organisation_id, now)
    except DBAPIError:
        # A database failure message quotes the statement's parameters, which hold the complainant's details:
        # give the desk a catalogue key instead, and drop the chained exception so no log line carries them.
        raise ComplaintError("complaint.err.save_failed") from None


def _save(engine: Engine, actor: Actor, clean: CleanDraft, wanted_org: int | None, now: datetime) -> CreatedComplaint:
    sealed = clean.kind == ComplaintKind.CORRUPTION and not clean.anonymous
    with write_scope(engine) as s:
        org_id = resolve_org(s, wanted_org)
        late = Problems()
        if clean.unit_id is not None:
            unit = s.get(Unit, clean.unit_id)
            late.check(unit is not None and unit.organisation_id == org_id, "unit_id", "complaint.err.unit")
        keys = identity.recipients(s) if sealed else []
        if sealed:
            late.check(bool(keys), "anonymous", "identity.err.no_investigator")
        general = clean.kind == ComplaintKind.GENERAL
        ring = keyring.ring_row(s) if general and not clean.who.is_empty() else None
        if general and not clean.who.is_empty():
            # Personal data is only ever written sealed to the complaint officers' key ring.
            late.check(ring is not None, "complainant_name", "ring.err.no_ring")
        if late:
            raise ComplaintValidationError(late.items)
        received = clean.received_at or now
        day = local_date(received)
        fy = fiscal_year(day)
        due = due_date(day, clock_rule_in(s, org_id))
        number = allocate_registry_no(s, org_id, fy, clean.kind)
        c = Complaint(
            organisation_id=org_id,
            kind=clean.kind,
            fiscal_year=fy,
            registry_no=number,
            tracking_code=unique_tracking_code(s),
            channel=clean.channel,
            received_at=received,
            due_date=due,
            initial_due_date=due,
            subject=clean.subject,
            details=clean.details,
            place=clean.place,
            accused=clean.accused,
            unit_id=clean.unit_id,
            status=Status.RECEIVED,
            stage=STAGE[Status.RECEIVED],
            anonymous=clean.anonymous,
            contact_pref=clean.contact_pref,
            # No complainant's details ever reach the plain columns: general ones are sealed just below.
            created_by=actor.user_id,
            created_at=now,
            updated_at=now,
        )
        if ring is not None:
            c.personal_sealed = personal.seal(bytes(ring.public_key), clean.who, c.tracking_code)
        s.add(c)
        s.flush()
        if sealed:
            identity.seal_for_complaint(s, c, clean.who, keys)
        for i, ev in enumerate(clean.evidence):
            s.add(ComplaintEvidence(complaint_id=c.id, position=i, item=ev.item, filed_at=ev.filed_at, added_at=now))
        s.add(ComplaintEvent(complaint_id=c.id, kind=EventKind.RECEIVED, audience=Audience.COMPLAINANT, at=now,
                             notice_date=day, method="", user_id=actor.user_id, unit_id=clean.unit_id))
        label = registry_display(c.kind, number, fy)
        audit.record(s, actor, "create", "complaint", c.id, after={
            "registry": label, "kind": c.kind, "channel": c.channel, "anonymous": c.anonymous,
            "unit_id": c.unit_id, "due_date": due, "evidence": len(clean.evidence),
            **({"received_at": received, "backdated_reason": clean.received_reason} if clean.received_reason else {}),
        })
        return CreatedComplaint(c.id or 0, clean.kind.value, fy, number, label, tracking.format_code(c.tracking_code), received, due)
