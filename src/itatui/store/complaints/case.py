"""A case: read it with its timeline, and move it along.

Flow: received → forwarded to a unit → investigating → result told (ยุติ / ไม่ยุติ, with reasons) → closed.
Every step is a ``ComplaintEvent``; internal steps (forward, assign, notes) have audience ``internal``, what
the complainant is told (notices, delay notices, the result) has audience ``complainant``. Each change is one
write transaction with its audit record. Every action returns the case as it now is.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from itatui.domain import tracking
from itatui.domain.complaint_clock import local_date, today_local, urgency
from itatui.domain.complaints import (
    OPEN_STAGES,
    SATISFACTION,
    STAGE,
    Audience,
    ComplaintKind,
    EventKind,
    NoticeMethod,
    Outcome,
    Status,
    registry_display,
)
from itatui.domain.roles import Actor, Perm, Role, parse_roles, require
from itatui.store import audit, versioning
from itatui.store.complaints.types import (
    CaseDetail,
    CaseEvent,
    CaseLink,
    Complainant,
    ComplaintError,
    EvidenceItem,
)
from itatui.store.db import session_scope, write_scope
from itatui.store.models import (
    Complaint,
    ComplaintEvent,
    ComplaintEvidence,
    ComplaintLink,
    Project,
    RiskIssue,
    Unit,
    User,
)
from itatui.store.models.base import utcnow

MAX_TEXT = 5000


def _view_perm(kind: str) -> Perm:
    return Perm.CORRUPTION_VIEW if kind == ComplaintKind.CORRUPTION else Perm.COMPLAINT_VIEW


def _edit_perm(kind: str) -> Perm:
    return Perm.CORRUPTION_EDIT if kind == ComplaintKind.CORRUPTION else Perm.COMPLAINT_EDIT


def _load(session: Session, complaint_id: int) -> Complaint:
    c = session.get(Complaint, complaint_id)
    if c is None:
        raise ComplaintError("complaint.err.not_found")
    return c


def _names(session: Session, model: Any, ids: set[int], attr: str) -> dict[int, str]:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    rows = session.exec(select(model.id, getattr(model, attr)).where(col(model.id).in_(ids))).all()
    return {i: n for i, n in rows}


def _user_names(session: Session, ids: set[int]) -> dict[int, str]:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    rows = session.exec(select(User.id, User.full_name, User.username).where(col(User.id).in_(ids))).all()
    return {i: (full or user) for i, full, user in rows}


def case_in(session: Session, actor: Actor, complaint_id: int, today: date | None = None) -> CaseDetail:
    c = _load(session, complaint_id)
    require(actor, Perm.COMPLAINT_VIEW)
    require(actor, _view_perm(c.kind))
    today = today or today_local()
    events = session.exec(
        select(ComplaintEvent).where(ComplaintEvent.complaint_id == c.id).order_by(col(ComplaintEvent.at), col(ComplaintEvent.id))
    ).all()
    evidence = session.exec(
        select(ComplaintEvidence).where(ComplaintEvidence.complaint_id == c.id).order_by(col(ComplaintEvidence.position), col(ComplaintEvidence.id))
    ).all()
    links = session.exec(select(ComplaintLink).where(ComplaintLink.complaint_id == c.id).order_by(col(ComplaintLink.id))).all()
    units = _names(session, Unit, {c.unit_id} | {e.unit_id for e in events}, "name")
    users = _user_names(session, {c.assigned_user_id} | {e.user_id for e in events} | {e.assigned_user_id for e in events})
    issues = _names(session, RiskIssue, {ln.risk_issue_id for ln in links}, "description")
    projects = _names(session, Project, {ln.project_id for ln in links}, "name")
    general = c.kind == ComplaintKind.GENERAL
    may_see = general and actor.can(Perm.COMPLAINT_PERSONAL)
    if may_see:
        from itatui.store.complaints.personal import complainant_of
        from itatui.store.session_guard import recheck

        recheck(session, actor)  # personal data: the account must still be active and hold the role
    who = complainant_of(c, actor) if may_see else None
    days = (c.due_date - today).days if c.stage in OPEN_STAGES else None
    return CaseDetail(
        id=c.id or 0,
        version=c.version,
        organisation_id=c.organisation_id,
        kind=str(c.kind),
        registry_display=registry_display(c.kind, c.registry_no, c.fiscal_year),
        fiscal_year=c.fiscal_year,
        registry_no=c.registry_no,
        tracking_code=tracking.format_code(c.tracking_code),
        channel=c.channel,
        received_at=c.received_at,
        due_date=c.due_date,
        initial_due_date=c.initial_due_date,
        days_left=days,
        urgency=urgency(days),
        subject=c.subject,
        details=c.details,
        place=c.place,
        accused=c.accused,
        unit_id=c.unit_id,
        unit_name=units.get(c.unit_id or 0, ""),
        assigned_user_id=c.assigned_user_id,
        assigned_user_name=users.get(c.assigned_user_id or 0, ""),
        status=str(c.status),
        outcome=str(c.outcome),
        outcome_reason=c.outcome_reason,
        result_told_at=c.result_told_at,
        closed_at=c.closed_at,
        satisfaction=c.satisfaction,
        anonymous=c.anonymous,
        contact_pref=c.contact_pref,
        complainant=who,
        personal_hidden=general and not c.anonymous and not may_see,
        identity_sealed=c.identity_sealed is not None,
        evidence=tuple(EvidenceItem(e.item, e.filed_at) for e in evidence),
        events=tuple(
            CaseEvent(
                id=e.id or 0, kind=e.kind, audience=e.audience, at=e.at, user_name=users.get(e.user_id or 0, ""),
                text=e.text, method=e.method, notice_date=e.notice_date, unit_name=units.get(e.unit_id or 0, ""),
                assigned_user_name=users.get(e.assigned_user_id or 0, ""), old_due_date=e.old_due_date,
                new_due_date=e.new_due_date, outcome=e.outcome, satisfaction=e.satisfaction,
            )
            for e in events
        ),
        links=tuple(
            CaseLink(ln.id or 0, ln.risk_issue_id, issues.get(ln.risk_issue_id or 0, ""), ln.project_id, projects.get(ln.project_id or 0, ""))
            for ln in links
        ),
    )


def get_case(engine: Engine, actor: Actor, complaint_id: int, *, today: date | None = None) -> CaseDetail:
    """The whole case. The complainant of a general complaint comes back only for ``COMPLAINT_PERSONAL``; a
    corruption complainant never does (see ``store.complaints.identity.reveal_identity``)."""
    with session_scope(engine) as s:
        return case_in(s, actor, complaint_id, today)


# ---- actions --------------------------------------------------------------------------------------------------

Change = Callable[[Session, Complaint, datetime], dict[str, Any]]


def _act(
    engine: Engine, actor: Actor, complaint_id: int, action: str, change: Change, *, now: datetime | None = None, opened_version: int | None = None
) -> CaseDetail:
    """One case action in one transaction, audited with the version it made. ``opened_version``: the version the
    case screen showed (``CaseDetail.version``); another one raises ``EditConflict`` before anything changes.
    Appending actions (note, evidence, link) pass None: they add to the case and overwrite nothing."""
    now = now or utcnow()
    with write_scope(engine) as s:
        c = _load(s, complaint_id)
        require(actor, _view_perm(c.kind))
        require(actor, _edit_perm(c.kind))
        versioning.check(s, Complaint, "complaint", complaint_id, opened_version)
        before = {"status": c.status, "due_date": c.due_date, "unit_id": c.unit_id, "assigned_user_id": c.assigned_user_id}
        details = change(s, c, now)
        c.updated_at = now
        s.add(c)
        s.flush()
        after = {"status": c.status, "due_date": c.due_date, "unit_id": c.unit_id, "assigned_user_id": c.assigned_user_id}
        b, a = audit.diff(before, after)
        version = versioning.claim(s, Complaint, "complaint", complaint_id, opened_version)
        audit.record(s, actor, action, "complaint", c.id, before=b or None, after={**a, **details, "version": version})
        return case_in(s, actor, complaint_id, local_date(now))


def _event(s: Session, c: Complaint, actor_id: int | None, now: datetime, kind: EventKind, audience: Audience, **fields: Any) -> None:
    s.add(ComplaintEvent(complaint_id=c.id, kind=kind, audience=audience, at=now, user_id=actor_id, **fields))


def _set_status(c: Complaint, status: Status) -> None:
    c.status = status
    c.stage = STAGE[status]


def _need_open(c: Complaint) -> None:
    if c.stage not in OPEN_STAGES:
        raise ComplaintError("complaint.err.not_open", status=c.status)


def _text(value: str, *, required: bool, key: str = "complaint.err.text_required") -> str:
    from itatui.domain.textsafe import clean_text

    value = clean_text(value or "").strip()
    if required and not value:
        raise ComplaintError(key)
    if len(value) > MAX_TEXT:
        raise ComplaintError("complaint.err.too_long", n=MAX_TEXT)
    return value


def forward(engine: Engine, actor: Actor, complaint_id: int, unit_id: int, text: str = "", *, now: datetime | None = None, opened_version: int | None = None) -> CaseDetail:
    """Send to a responsible unit (again, if need be: each forward stays in the history)."""
    note = _text(text, required=False)

    def change(s: Session, c: Complaint, at: datetime) -> dict[str, Any]:
        _need_open(c)
        unit = s.get(Unit, unit_id)
        if unit is None or unit.organisation_id != c.organisation_id:
            raise ComplaintError("complaint.err.unit")
        c.unit_id = unit_id
        if c.stage < STAGE[Status.FORWARDED]:
            _set_status(c, Status.FORWARDED)
        _event(s, c, actor.user_id, at, EventKind.FORWARDED, Audience.INTERNAL, unit_id=unit_id, text=note)
        return {}

    return _act(engine, actor, complaint_id, "forward", change, now=now, opened_version=opened_version)


def assign(engine: Engine, actor: Actor, complaint_id: int, user_id: int | None, text: str = "", *, now: datetime | None = None, opened_version: int | None = None) -> CaseDetail:
    """Give the case to an officer (``None`` takes it back)."""
    note = _text(text, required=False)

    def change(s: Session, c: Complaint, at: datetime) -> dict[str, Any]:
        if c.stage == STAGE[Status.CLOSED]:
            raise ComplaintError("complaint.err.not_open", status=c.status)
        if user_id is not None:
            user = s.get(User, user_id)
            if user is None or not user.active:
                raise ComplaintError("complaint.err.user")
            perm = _edit_perm(c.kind)
            if not any(perm in _perms(r) for r in parse_roles(user.roles)):
                raise ComplaintError("complaint.err.user_cannot_handle")
        c.assigned_user_id = user_id
        _event(s, c, actor.user_id, at, EventKind.ASSIGNED, Audience.INTERNAL, assigned_user_id=user_id, text=note)
        return {}

    return _act(engine, actor, complaint_id, "assign", change, now=now, opened_version=opened_version)


def _perms(role: Role) -> frozenset[Perm]:
    from itatui.domain.roles import ROLE_PERMS

    return ROLE_PERMS[role]


def start_investigation(engine: Engine, actor: Actor, complaint_id: int, text: str = "", *, now: datetime | None = None, opened_version: int | None = None) -> CaseDetail:
    note = _text(text, required=False)

    def change(s: Session, c: Complaint, at: datetime) -> dict[str, Any]:
        if c.stage not in (STAGE[Status.RECEIVED], STAGE[Status.FORWARDED]):
            raise ComplaintError("complaint.err.not_open", status=c.status)
        _set_status(c, Status.INVESTIGATING)
        _event(s, c, actor.user_id, at, EventKind.INVESTIGATING, Audience.INTERNAL, text=note)
        return {}

    return _act(engine, actor, complaint_id, "investigate", change, now=now, opened_version=opened_version)


def add_note(engine: Engine, actor: Actor, complaint_id: int, text: str, *, now: datetime | None = None) -> CaseDetail:
    """An internal note: staff only, never shown to the complainant."""
    note = _text(text, required=True)

    def change(s: Session, c: Complaint, at: datetime) -> dict[str, Any]:
        _event(s, c, actor.user_id, at, EventKind.NOTE, Audience.INTERNAL, text=note)
        return {"event": "note"}

    return _act(engine, actor, complaint_id, "note", change, now=now)


def _notice_fields(notice_date: date | None, method: str, at: datetime) -> tuple[date, str]:
    day = notice_date or local_date(at)
    if day > local_date(at):
        raise ComplaintError("complaint.err.notice_future")
    try:
        return day, NoticeMethod(method).value
    except ValueError:
        raise ComplaintError("complaint.err.method") from None


def notify_complainant(
    engine: Engine, actor: Actor, complaint_id: int, notice_date: date | None, method: str, text: str, *, now: datetime | None = None, opened_version: int | None = None
) -> CaseDetail:
    """Record what the complainant was told, when and how (audience: complainant)."""
    message = _text(text, required=True)

    def change(s: Session, c: Complaint, at: datetime) -> dict[str, Any]:
        if c.stage == STAGE[Status.CLOSED]:
            raise ComplaintError("complaint.err.not_open", status=c.status)
        day, how = _notice_fields(notice_date, method, at)
        _event(s, c, actor.user_id, at, EventKind.NOTICE, Audience.COMPLAINANT, notice_date=day, method=how, text=message)
        return {"event": "notice", "method": how, "notice_date": day}

    return _act(engine, actor, complaint_id, "notice", change, now=now, opened_version=opened_version)


def notify_delay(
    engine: Engine,
    actor: Actor,
    complaint_id: int,
    reason: str,
    new_due_date: date,
    *,
    method: str = NoticeMethod.PHONE,
    notice_date: date | None = None,
    now: datetime | None = None, opened_version: int | None = None,
) -> CaseDetail:
    """The complainant is told why the answer is late and by when it will come: the due date moves."""
    why = _text(reason, required=True, key="complaint.err.reason_required")

    def change(s: Session, c: Complaint, at: datetime) -> dict[str, Any]:
        _need_open(c)
        if new_due_date <= c.due_date:
            raise ComplaintError("complaint.err.new_due_not_later")
        day, how = _notice_fields(notice_date, method, at)
        old = c.due_date
        c.due_date = new_due_date
        _event(s, c, actor.user_id, at, EventKind.DELAY, Audience.COMPLAINANT, notice_date=day, method=how,
               text=why, old_due_date=old, new_due_date=new_due_date)
        return {"event": "delay"}

    return _act(engine, actor, complaint_id, "delay", change, now=now, opened_version=opened_version)


def record_result(
    engine: Engine,
    actor: Actor,
    complaint_id: int,
    outcome: str,
    reason: str,
    *,
    method: str = NoticeMethod.LETTER,
    notice_date: date | None = None,
    now: datetime | None = None, opened_version: int | None = None,
) -> CaseDetail:
    """The result told to the complainant: ยุติ (concluded) or ไม่ยุติ (continued), with reasons. Stops the clock."""
    why = _text(reason, required=True, key="complaint.err.reason_required")
    try:
        result = Outcome(outcome)
    except ValueError:
        raise ComplaintError("complaint.err.outcome") from None

    def change(s: Session, c: Complaint, at: datetime) -> dict[str, Any]:
        _need_open(c)
        day, how = _notice_fields(notice_date, method, at)
        c.outcome = result
        c.outcome_reason = why
        c.result_told_at = at
        _set_status(c, Status.RESULT_TOLD)
        _event(s, c, actor.user_id, at, EventKind.RESULT, Audience.COMPLAINANT, notice_date=day, method=how, text=why, outcome=result)
        return {"outcome": result.value}

    return _act(engine, actor, complaint_id, "result", change, now=now, opened_version=opened_version)


def close(engine: Engine, actor: Actor, complaint_id: int, satisfaction: int | None, text: str = "", *, now: datetime | None = None, opened_version: int | None = None) -> CaseDetail:
    """Close after the result was told; ``satisfaction`` 1–5 as the complainant rated it (None: not asked)."""
    note = _text(text, required=False)
    if satisfaction is not None and satisfaction not in SATISFACTION:
        raise ComplaintError("complaint.err.satisfaction")

    def change(s: Session, c: Complaint, at: datetime) -> dict[str, Any]:
        if c.stage != STAGE[Status.RESULT_TOLD]:
            raise ComplaintError("complaint.err.result_first")
        c.satisfaction = satisfaction
        c.closed_at = at
        _set_status(c, Status.CLOSED)
        _event(s, c, actor.user_id, at, EventKind.CLOSED, Audience.INTERNAL, satisfaction=satisfaction, text=note)
        return {"satisfaction": satisfaction}

    return _act(engine, actor, complaint_id, "close", change, now=now, opened_version=opened_version)


def add_evidence(engine: Engine, actor: Actor, complaint_id: int, item: str, filed_at: str = "", *, now: datetime | None = None) -> CaseDetail:
    what = _text(item, required=True, key="complaint.err.evidence_item")
    where = _text(filed_at, required=False)

    def change(s: Session, c: Complaint, at: datetime) -> dict[str, Any]:
        n = len(s.exec(select(ComplaintEvidence.id).where(ComplaintEvidence.complaint_id == c.id)).all())
        s.add(ComplaintEvidence(complaint_id=c.id, position=n, item=what, filed_at=where, added_at=at))
        _event(s, c, actor.user_id, at, EventKind.EVIDENCE, Audience.INTERNAL, text=what)
        return {"evidence": what}

    return _act(engine, actor, complaint_id, "evidence", change, now=now)


def link(
    engine: Engine, actor: Actor, complaint_id: int, *, risk_issue_id: int | None = None, project_id: int | None = None,
    now: datetime | None = None,
) -> CaseDetail:
    """Link the complaint to a fraud-risk issue and/or a plan project."""
    if risk_issue_id is None and project_id is None:
        raise ComplaintError("complaint.err.link_target")

    def change(s: Session, c: Complaint, at: datetime) -> dict[str, Any]:
        if risk_issue_id is not None and s.get(RiskIssue, risk_issue_id) is None:
            raise ComplaintError("complaint.err.link_target")
        if project_id is not None and s.get(Project, project_id) is None:
            raise ComplaintError("complaint.err.link_target")
        same = s.exec(
            select(ComplaintLink).where(
                ComplaintLink.complaint_id == c.id,
                ComplaintLink.risk_issue_id == risk_issue_id,  # type: ignore[arg-type]
                ComplaintLink.project_id == project_id,  # type: ignore[arg-type]
            )
        ).first()
        if same is not None:
            raise ComplaintError("complaint.err.link_exists")
        s.add(ComplaintLink(complaint_id=c.id or 0, risk_issue_id=risk_issue_id, project_id=project_id, created_at=at))
        _event(s, c, actor.user_id, at, EventKind.LINKED, Audience.INTERNAL, text="")
        return {"risk_issue_id": risk_issue_id, "project_id": project_id}

    return _act(engine, actor, complaint_id, "link", change, now=now)


def unlink(engine: Engine, actor: Actor, complaint_id: int, link_id: int, *, now: datetime | None = None) -> CaseDetail:
    def change(s: Session, c: Complaint, at: datetime) -> dict[str, Any]:
        row = s.get(ComplaintLink, link_id)
        if row is None or row.complaint_id != c.id:
            raise ComplaintError("complaint.err.not_found")
        details = {"unlinked": link_id, "risk_issue_id": row.risk_issue_id, "project_id": row.project_id}
        s.delete(row)
        return details

    return _act(engine, actor, complaint_id, "unlink", change, now=now)
