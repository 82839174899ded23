"""Intake at the desk: validate the whole form at once, then save with a registry number and a tracking code.

Registry numbers (เลขรับ) run 1, 2, 3 … per organisation, fiscal year and kind, never duplicated or skipped
even when two desks save at the same moment: the number is taken from ``RegistryCounter`` inside the same write
transaction as the insert (SQLite: BEGIN IMMEDIATE holds the only write lock; PostgreSQL: the counter row is
locked with SELECT … FOR UPDATE until commit). A failed save rolls the counter back with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import insert as sa_insert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, select

from itatui.domain import idcard, phone, tracking
from itatui.domain.complaint_clock import BANGKOK, due_date, local_date
from itatui.domain.complaints import (
    STAGE,
    Audience,
    Channel,
    ComplaintKind,
    ContactPref,
    EventKind,
    Status,
    registry_display,
)
from itatui.domain.fiscal import fiscal_year
from itatui.domain.roles import Actor, Perm, require
from itatui.domain.validation import Problems
from itatui.store import audit
from itatui.store.complaints import identity
from itatui.store.complaints.settings import clock_rule_in, resolve_org
from itatui.store.complaints.types import (
    Complainant,
    ComplaintError,
    ComplaintDraft,
    ComplaintValidationError,
    CreatedComplaint,
    EvidenceItem,
)
from itatui.store.db import write_scope
from itatui.store.models import Complaint, ComplaintEvent, ComplaintEvidence, RegistryCounter, Unit
from itatui.store.models.base import utcnow

MAX_LEN = {"subject": 300, "place": 300, "complainant_name": 200, "address": 1000, "details": 20000, "accused": 2000}
FUTURE_SLACK = timedelta(minutes=10)  # a desk clock a little ahead is not an error


@dataclass(frozen=True)
class CleanDraft:
    """A draft that passed validation: stripped texts, normalised ID and phone, coerced contact preference."""

    kind: ComplaintKind
    channel: Channel
    received_at: datetime | None
    subject: str
    details: str
    place: str
    accused: str
    anonymous: bool
    who: Complainant
    contact_pref: ContactPref
    evidence: tuple[EvidenceItem, ...]
    unit_id: int | None


def validate_draft(draft: ComplaintDraft, *, now: datetime | None = None) -> tuple[CleanDraft | None, list]:
    """Check every field; returns (clean draft, []) or (None, [FieldProblem …]). Pure: no database."""
    now = now or utcnow()
    p = Problems()
    kind = _enum(p, ComplaintKind, draft.kind, "kind", "complaint.err.kind")
    channel = _enum(p, Channel, draft.channel, "channel", "complaint.err.channel")
    received = draft.received_at
    if received is not None:
        if received.tzinfo is None:
            received = received.replace(tzinfo=BANGKOK)  # the desk types Thai time
        p.check(received <= now + FUTURE_SLACK, "received_at", "complaint.err.received_future")
    texts = {
        "subject": (draft.subject or "").strip(),
        "details": (draft.details or "").strip(),
        "place": (draft.place or "").strip(),
        "accused": (draft.accused or "").strip(),
        "complainant_name": " ".join((draft.complainant_name or "").split()),
        "address": (draft.address or "").strip(),
    }
    p.check(bool(texts["subject"]), "subject", "complaint.err.subject_required")
    for name, limit in MAX_LEN.items():
        p.check(len(texts[name]) <= limit, name, "complaint.err.too_long", n=limit)
    if kind == ComplaintKind.CORRUPTION:
        p.check(bool(texts["accused"]), "accused", "complaint.err.accused_required")

    national_id, phone_no = "", ""
    raw_id, raw_phone = (draft.national_id or "").strip(), (draft.phone or "").strip()
    if draft.anonymous:
        # Anonymous means nothing that identifies the person is kept: each filled field is a problem to clear.
        for name, value in (("complainant_name", texts["complainant_name"]), ("national_id", raw_id), ("phone", raw_phone), ("address", texts["address"])):
            p.check(not value, name, "complaint.err.anonymous_identity")
        contact = ContactPref.CODE_ONLY
    else:
        p.check(bool(texts["complainant_name"]), "complainant_name", "complaint.err.name_required")
        if raw_id:
            try:
                national_id = idcard.normalize(raw_id)
            except idcard.NationalIdError as exc:
                p.add("national_id", exc.key)
        if raw_phone:
            try:
                phone_no = phone.normalize(raw_phone)
            except phone.PhoneError as exc:
                p.add("phone", exc.key)
        contact = _enum(p, ContactPref, draft.contact_pref or ContactPref.CODE_ONLY, "contact_pref", "complaint.err.contact")
        if contact == ContactPref.PHONE:
            p.check(bool(raw_phone), "phone", "complaint.err.phone_for_contact")
        if contact == ContactPref.LETTER:
            p.check(bool(texts["address"]), "address", "complaint.err.address_for_contact")

    evidence = []
    for i, ev in enumerate(draft.evidence):
        item, filed_at = (ev.item or "").strip(), (ev.filed_at or "").strip()
        if not item and not filed_at:
            continue  # an empty row of the form
        p.check(bool(item), f"evidence.{i}.item", "complaint.err.evidence_item")
        p.check(len(item) <= 300, f"evidence.{i}.item", "complaint.err.too_long", n=300)
        p.check(len(filed_at) <= 300, f"evidence.{i}.filed_at", "complaint.err.too_long", n=300)
        evidence.append(EvidenceItem(item, filed_at))

    if p:
        return None, p.items
    assert kind is not None and channel is not None and contact is not None
    who = Complainant(texts["complainant_name"], national_id, phone_no, texts["address"])
    return (
        CleanDraft(kind, channel, received, texts["subject"], texts["details"], texts["place"], texts["accused"],
                   draft.anonymous, who, contact, tuple(evidence), draft.unit_id),
        [],
    )


def _enum(p: Problems, enum, value, field_name: str, key: str):  # noqa: ANN001, ANN202
    try:
        return enum(value)
    except ValueError:
        p.add(field_name, key)
        return None


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
        if late:
            raise ComplaintValidationError(late.items)
        received = clean.received_at or now
        day = local_date(received)
        fy = fiscal_year(day)
        due = due_date(day, clock_rule_in(s, org_id))
        number = allocate_registry_no(s, org_id, fy, clean.kind)
        general = clean.kind == ComplaintKind.GENERAL
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
            # A corruption complainant's identity never reaches these plain columns.
            complainant_name=clean.who.name if general else "",
            complainant_national_id=clean.who.national_id if general else "",
            complainant_phone=clean.who.phone if general else "",
            complainant_address=clean.who.address if general else "",
            created_by=actor.user_id,
            created_at=now,
            updated_at=now,
        )
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
        })
        return CreatedComplaint(c.id or 0, clean.kind.value, fy, number, label, tracking.format_code(c.tracking_code), received, due)
