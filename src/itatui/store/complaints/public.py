"""What a complainant sees: the public status by tracking code (``itatui status``, the desk ``k``, the kiosk)
and the receipt's data. Neither carries internal notes, the accused, or anything identifying the complainant
of a corruption complaint."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.engine import Engine
from sqlmodel import col, select

from itatui.domain import tracking
from itatui.domain.complaint_clock import ClockMode, local_date, today_local
from itatui.domain.complaints import OPEN_STAGES, Audience, ComplaintKind, registry_display
from itatui.domain.roles import Actor, Perm, PermissionDenied, Role, parse_roles, require
from itatui.domain.thai import format_date
from itatui.i18n import t
from itatui.store.complaints.settings import FOLLOW_UP, clock_rule_in, read
from itatui.store.complaints.types import ComplaintError, EvidenceItem, PublicMessage, PublicStatus, ReceiptData
from itatui.store.db import session_scope
from itatui.store.models import Complaint, ComplaintEvent, ComplaintEvidence, Organisation, Unit, User


def public_status(engine: Engine, code: str, *, today: date | None = None) -> PublicStatus | None:
    """No log-in needed. Raises ``TrackingCodeError`` for a code that cannot be right (wrong length, symbol or
    check symbol), returns None when no complaint has that code."""
    canonical = tracking.parse(code)
    today = today or today_local()
    with session_scope(engine) as s:
        c = s.exec(select(Complaint).where(Complaint.tracking_code == canonical)).first()
        if c is None:
            return None
        org = s.get(Organisation, c.organisation_id)
        events = s.exec(
            select(ComplaintEvent)
            .where(ComplaintEvent.complaint_id == c.id, ComplaintEvent.audience == Audience.COMPLAINANT.value)
            .order_by(col(ComplaintEvent.at), col(ComplaintEvent.id))
        ).all()
        messages = tuple(
            PublicMessage(
                on=e.notice_date or local_date(e.at), kind=e.kind, method=e.method, text=e.text,
                new_due_date=e.new_due_date, outcome=e.outcome,
            )
            for e in events
        )
        return PublicStatus(
            tracking_code=tracking.format_code(c.tracking_code),
            registry_display=registry_display(c.kind, c.registry_no, c.fiscal_year),
            kind=c.kind,
            organisation_name=org.name if org else "",
            received_on=local_date(c.received_at),
            due_date=c.due_date,
            status=c.status,
            days_left=(c.due_date - today).days if c.stage in OPEN_STAGES else None,
            outcome=c.outcome,
            messages=messages,
        )


def find_by_code(engine: Engine, actor: Actor, code: str) -> int | None:
    """The desk's ``k``: the complaint id for a tracking code (then ``get_case``)."""
    require(actor, Perm.COMPLAINT_VIEW)
    canonical = tracking.parse(code)
    with session_scope(engine) as s:
        row = s.exec(select(Complaint.id, Complaint.kind).where(Complaint.tracking_code == canonical)).first()
        if row is None:
            return None
        if row[1] == ComplaintKind.CORRUPTION and not actor.can(Perm.CORRUPTION_VIEW):
            raise PermissionDenied(Perm.CORRUPTION_VIEW)
        return row[0]


def receipt_data(engine: Engine, actor: Actor, complaint_id: int) -> ReceiptData:
    """The receipt handed to the complainant (the report helper renders it with Typst)."""
    with session_scope(engine) as s:
        c = s.get(Complaint, complaint_id)
        if c is None:
            raise ComplaintError("complaint.err.not_found")
        corruption = c.kind == ComplaintKind.CORRUPTION
        require(actor, Perm.CORRUPTION_VIEW if corruption else Perm.COMPLAINT_VIEW)
        org = s.get(Organisation, c.organisation_id)
        rule = clock_rule_in(s, c.organisation_id)
        officer = s.get(User, actor.user_id) if actor.user_id else None
        evidence = s.exec(
            select(ComplaintEvidence).where(ComplaintEvidence.complaint_id == c.id).order_by(col(ComplaintEvidence.position))
        ).all()
        code = tracking.format_code(c.tracking_code)
        due = format_date(c.due_date, style="long")
        days_key = "complaint.receipt.working_days" if rule.mode == ClockMode.WORKING else "complaint.receipt.calendar_days"
        steps = [
            t("complaint.receipt.step_review"),
            t("complaint.receipt.step_answer", days=t(days_key, n=rule.days), due=due),
            t("complaint.receipt.step_delay"),
        ]
        if corruption:
            steps.append(t("complaint.receipt.step_confidential"))
        extra = read(s, c.organisation_id, FOLLOW_UP, {}) or {}
        if isinstance(extra, str):
            extra = {"office": extra}
        phone_no, office = str(extra.get("phone", "")), str(extra.get("office", ""))
        from itatui.store.office.queries import contact_in  # the office's own channels (its settings)

        contact = contact_in(s, c.organisation_id)
        phone_no = phone_no or contact.phone
        channels = tuple(
            t(f"report.receipt.follow.{name}", **{name: value})
            for name, value in (("website", contact.website), ("line", contact.line), ("facebook", contact.facebook))
            if value
        )
        follow = [t("complaint.receipt.follow_code", code=code)]
        if phone_no:
            follow.append(t("complaint.receipt.follow_phone", phone=phone_no))
        if office:
            follow.append(office)
        follow += channels
        named_who = None
        if not corruption and not c.anonymous and actor.can(Perm.COMPLAINT_PERSONAL):
            from itatui.store.complaints.personal import complainant_of
            from itatui.store.session_guard import recheck

            recheck(s, actor)
            named_who = complainant_of(c, actor)
        named = named_who is not None and bool(named_who.name)
        place = " ".join(x for x in (
            t("complaint.receipt.district", name=org.district) if org and org.district else "",
            t("complaint.receipt.province", name=org.province) if org and org.province else "",
        ) if x)
        return ReceiptData(
            organisation_name=org.name if org else "",
            address_line=contact.address or place,
            kind=str(c.kind),
            channel=c.channel,
            registry_display=registry_display(c.kind, c.registry_no, c.fiscal_year),
            tracking_code=code,
            received_at=c.received_at,
            due_date=c.due_date,
            days_allowed=rule.days,
            working_days=rule.mode == ClockMode.WORKING,
            subject=t("complaint.receipt.neutral_subject") if corruption else c.subject,
            show_name=named_who.name if named and named_who else None,
            officer_name=(officer.full_name or officer.username) if officer else actor.username,
            evidence=tuple(EvidenceItem(e.item, e.filed_at) for e in evidence),
            next_steps=tuple(steps),
            follow_up=tuple(follow),
            follow_up_phone=phone_no,
            follow_up_office=office,
            contact=channels,
            emblem=contact.emblem,
        )


@dataclass(frozen=True)
class Choice:
    id: int
    label: str


def unit_choices(engine: Engine, actor: Actor, organisation_id: int | None = None) -> list[Choice]:
    """Units to forward to (the pseudo-unit ทุกส่วนราชการ and retired units left out)."""
    require(actor, Perm.COMPLAINT_VIEW)
    with session_scope(engine) as s:
        q = select(Unit).where(Unit.is_all == False, Unit.retired == False)  # noqa: E712
        if organisation_id is not None:
            q = q.where(Unit.organisation_id == organisation_id)
        return [Choice(u.id or 0, u.name or u.code) for u in s.exec(q.order_by(col(Unit.id))).all()]


def assignable_users(engine: Engine, actor: Actor, kind: str = ComplaintKind.GENERAL) -> list[Choice]:
    """Active users who may handle a complaint of ``kind``."""
    require(actor, Perm.COMPLAINT_VIEW)
    from itatui.domain.roles import ROLE_PERMS

    perm = Perm.CORRUPTION_EDIT if kind == ComplaintKind.CORRUPTION else Perm.COMPLAINT_EDIT
    with session_scope(engine) as s:
        users = s.exec(select(User).where(User.active == True).order_by(col(User.username))).all()  # noqa: E712
        return [
            Choice(u.id or 0, u.full_name or u.username)
            for u in users
            if any(perm in ROLE_PERMS[r] for r in parse_roles(u.roles) if r != Role.ADMIN)
        ]

