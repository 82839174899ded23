"""Changes to the register, rounds, committees, meetings and minutes: permission checked, audited, one transaction."""

from __future__ import annotations

from datetime import date

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, delete, select

from itatui.domain.roles import Actor, Perm, require
from itatui.domain.salary import CommitteeKind, MemberRole, RoundRules
from itatui.domain.validation import FieldProblem, Problems
from itatui.store import audit
from itatui.store.committees.drafts import parse_meeting, parse_optional_date, parse_staff
from itatui.store.committees.queries import (
    committee_info,
    get_round_row,
    meeting_info,
    resolve_org,
    round_info,
)
from itatui.store.committees.types import (
    CommitteeError,
    CommitteeInfo,
    CommitteeValidationError,
    MeetingDraft,
    MeetingInfo,
    MinutesInfo,
    RoundInfo,
    StaffDraft,
    StaffRow,
    StaffValues,
)
from itatui.store.db import write_scope
from itatui.store.models import (
    Committee,
    CommitteeMember,
    Evaluation,
    Meeting,
    MeetingAttendee,
    Minutes,
    SalaryRound,
    Staff,
    Unit,
)
from itatui.store.models.base import utcnow

STAFF_FIELDS = ("code", "name", "position", "position_level", "unit", "kind", "salary", "start_date", "probation", "active")


# ---- staff --------------------------------------------------------------------------------------------------


def unit_id_for(s: Session, org_id: int, code: str, *, create: bool) -> int | None:
    if not code:
        return None
    uid = s.exec(select(Unit.id).where(Unit.organisation_id == org_id, Unit.code == code)).first()
    if uid is None and create:
        u = Unit(organisation_id=org_id, code=code, name=code)
        s.add(u)
        s.flush()
        uid = u.id
    return uid


def staff_snapshot(st: Staff, unit_code: str) -> dict:
    return {"code": st.code, "name": st.name, "position": st.position, "position_level": st.position_level,
            "unit": unit_code, "kind": st.kind, "salary": st.salary, "start_date": st.start_date,
            "probation": st.probation, "active": st.active}


def apply_staff(s: Session, actor: Actor, org_id: int, v: StaffValues, st: Staff | None) -> Staff:
    """Insert or update one person inside the caller's transaction, with its audit record."""
    before = {}
    if st is not None:
        unit = s.get(Unit, st.unit_id) if st.unit_id else None
        before = staff_snapshot(st, unit.code if unit else "")
    else:
        st = Staff(organisation_id=org_id, code=v.code, name=v.name, kind=v.kind)
    st.code, st.name, st.position, st.position_level = v.code, v.name, v.position, v.position_level
    st.kind, st.salary, st.start_date, st.probation, st.active = v.kind, v.salary, v.start_date, v.probation, v.active
    st.unit_id = unit_id_for(s, org_id, v.unit, create=True)
    st.updated_at = utcnow()
    s.add(st)
    s.flush()
    after = staff_snapshot(st, v.unit)
    if not before:
        audit.record(s, actor, "create", "staff", st.id, after=after)
    else:
        b, a = audit.diff(before, after)
        if a:
            audit.record(s, actor, "update", "staff", st.id, before=b, after=a)
    return st


def save_staff(engine: Engine, actor: Actor, draft: StaffDraft, *, staff_id: int | None = None,
               organisation_id: int | None = None) -> StaffRow:
    require(actor, Perm.COMMITTEE_EDIT)
    values = parse_staff(draft)
    from itatui.store.committees.queries import _staff_row

    with write_scope(engine) as s:
        org_id = resolve_org(s, organisation_id)
        st = None
        if staff_id is not None:
            st = s.get(Staff, staff_id)
            if st is None or st.organisation_id != org_id:
                raise CommitteeError("committee.err.no_staff")
        other = s.exec(select(Staff.id).where(Staff.organisation_id == org_id, Staff.code == values.code)).first()
        if other is not None and other != staff_id:
            raise CommitteeValidationError([FieldProblem("code", "committee.err.code_taken", {"code": values.code})])
        st = apply_staff(s, actor, org_id, values, st)
        return _staff_row(st, values.unit)


# ---- rounds -------------------------------------------------------------------------------------------------


def round_in(s: Session, actor: Actor, org_id: int, fiscal_year: int, round_no: int, rules: RoundRules | None = None) -> SalaryRound:
    """The round, created when missing with the previous round's rules (the defaults for the very first)."""
    if round_no not in (1, 2):
        raise CommitteeError("committee.err.round_no")
    r = s.exec(select(SalaryRound).where(SalaryRound.organisation_id == org_id, SalaryRound.fiscal_year == fiscal_year,
                                         SalaryRound.round_no == round_no)).first()
    if r is not None:
        return r
    if rules is None:
        prev = s.exec(select(SalaryRound.rules).where(
            SalaryRound.organisation_id == org_id,
            (col(SalaryRound.fiscal_year) < fiscal_year)
            | ((col(SalaryRound.fiscal_year) == fiscal_year) & (col(SalaryRound.round_no) < round_no)),
        ).order_by(col(SalaryRound.fiscal_year).desc(), col(SalaryRound.round_no).desc()).limit(1)).first()
        rules = RoundRules.from_json(prev) if prev else RoundRules()
    r = SalaryRound(organisation_id=org_id, fiscal_year=fiscal_year, round_no=round_no, rules=rules.to_json())
    s.add(r)
    s.flush()
    audit.record(s, actor, "create", "salary_round", r.id, after={"fiscal_year": fiscal_year, "round": round_no})
    return r


def create_round(engine: Engine, actor: Actor, fiscal_year: int, round_no: int, *, rules: RoundRules | None = None,
                 enrol: bool = True, organisation_id: int | None = None) -> RoundInfo:
    """Open a round (or return the existing one); ``enrol`` adds an evaluation for every active person."""
    require(actor, Perm.COMMITTEE_EDIT)
    with write_scope(engine) as s:
        r = round_in(s, actor, resolve_org(s, organisation_id), fiscal_year, round_no, rules)
        if enrol:
            enrol_in(s, r)
        return round_info(r)


def enrol_in(s: Session, r: SalaryRound) -> int:
    have = set(s.exec(select(Evaluation.staff_id).where(Evaluation.round_id == r.id)).all())
    added = 0
    for sid, salary in s.exec(select(Staff.id, Staff.salary).where(Staff.organisation_id == r.organisation_id,
                                                                    col(Staff.active).is_(True))).all():
        if sid not in have:
            s.add(Evaluation(round_id=r.id or 0, staff_id=sid, salary=salary))
            added += 1
    s.flush()
    return added


def set_round_rules(engine: Engine, actor: Actor, round_id: int, rules: RoundRules) -> RoundInfo:
    require(actor, Perm.COMMITTEE_EDIT)
    with write_scope(engine) as s:
        r = get_round_row(s, round_id)
        before, r.rules = r.rules, rules.to_json()
        s.add(r)
        audit.record(s, actor, "update", "salary_round", r.id, before={"rules": before}, after={"rules": r.rules})
        return round_info(r)


# ---- committees ---------------------------------------------------------------------------------------------


def save_committee(engine: Engine, actor: Actor, round_id: int, kind: str, order_no: str, order_date: str) -> CommitteeInfo:
    """The committee of a round (one per kind) and its appointing order."""
    require(actor, Perm.COMMITTEE_EDIT)
    p = Problems()
    p.check(kind in set(CommitteeKind), "kind", "committee.err.committee_kind")
    p.check(len(order_no.strip()) <= 60, "order_no", "committee.err.too_long", n=60)
    when = parse_optional_date(p, "order_date", order_date)
    if p:
        raise CommitteeValidationError(p.items)
    with write_scope(engine) as s:
        get_round_row(s, round_id)
        c = s.exec(select(Committee).where(Committee.round_id == round_id, Committee.kind == kind)).first()
        before = {"order_no": c.order_no, "order_date": c.order_date} if c else {}
        c = c or Committee(round_id=round_id, kind=kind)
        c.order_no, c.order_date = order_no.strip(), when
        s.add(c)
        s.flush()
        audit.record(s, actor, "update" if before else "create", "committee", c.id, before=before or None,
                     after={"kind": kind, "order_no": c.order_no, "order_date": when})
        return committee_info(s, c)


def add_member(engine: Engine, actor: Actor, committee_id: int, *, name: str = "", role: str = "member",
               title: str = "", staff_id: int | None = None) -> CommitteeInfo:
    """A member from the register (``staff_id``; the name comes from it) or an outsider (``name``)."""
    require(actor, Perm.COMMITTEE_EDIT)
    p = Problems()
    p.check(role in set(MemberRole), "role", "committee.err.role")
    with write_scope(engine) as s:
        c = s.get(Committee, committee_id)
        if c is None:
            raise CommitteeError("committee.err.no_committee")
        if staff_id is not None:
            st = s.get(Staff, staff_id)
            if p.check(st is not None, "staff_id", "committee.err.no_staff"):
                name = st.name  # type: ignore[union-attr]
                title = title or st.position  # type: ignore[union-attr]
        p.check(bool(name.strip()), "name", "err.required")
        if role == MemberRole.CHAIR:
            chair = s.exec(select(CommitteeMember.id).where(CommitteeMember.committee_id == committee_id,
                                                            CommitteeMember.role == "chair")).first()
            p.check(chair is None, "role", "committee.err.one_chair")
        if p:
            raise CommitteeValidationError(p.items)
        last = s.exec(select(CommitteeMember.position).where(CommitteeMember.committee_id == committee_id)
                      .order_by(col(CommitteeMember.position).desc()).limit(1)).first()
        m = CommitteeMember(committee_id=committee_id, staff_id=staff_id, name=name.strip(), title=title.strip(),
                            role=role, position=(last or 0) + 1)
        s.add(m)
        s.flush()
        audit.record(s, actor, "create", "committee_member", m.id,
                     after={"committee": committee_id, "name": m.name, "role": role, "staff_id": staff_id})
        return committee_info(s, c)


def remove_member(engine: Engine, actor: Actor, member_id: int) -> CommitteeInfo:
    require(actor, Perm.COMMITTEE_EDIT)
    from itatui.store.models import Conflict

    with write_scope(engine) as s:
        m = s.get(CommitteeMember, member_id)
        if m is None:
            raise CommitteeError("committee.err.no_member")
        if s.exec(select(MeetingAttendee.meeting_id).where(MeetingAttendee.member_id == member_id)).first():
            raise CommitteeError("committee.err.member_attended")  # the minutes name them: keep the record
        s.exec(delete(Conflict).where(col(Conflict.member_id) == member_id))  # type: ignore[call-overload]
        c = s.get(Committee, m.committee_id)
        audit.record(s, actor, "delete", "committee_member", m.id, before={"name": m.name, "role": m.role})
        s.delete(m)
        s.flush()
        return committee_info(s, c)  # type: ignore[arg-type]


# ---- meetings and minutes ----------------------------------------------------------------------------------


def save_meeting(engine: Engine, actor: Actor, draft: MeetingDraft, *, meeting_id: int | None = None) -> MeetingInfo:
    require(actor, Perm.COMMITTEE_EDIT)
    values = parse_meeting(draft)
    with write_scope(engine) as s:
        if s.get(Committee, draft.committee_id) is None:
            raise CommitteeError("committee.err.no_committee")
        m = s.get(Meeting, meeting_id) if meeting_id is not None else None
        if meeting_id is not None and m is None:
            raise CommitteeError("committee.err.no_meeting")
        before = {k: getattr(m, k) for k in values} if m else {}
        m = m or Meeting(committee_id=draft.committee_id, held_on=values["held_on"])
        for k, v in values.items():
            setattr(m, k, v)
        s.add(m)
        s.flush()
        b, a = audit.diff(before, values) if before else ({}, values)
        if a:
            audit.record(s, actor, "update" if before else "create", "meeting", m.id, before=b or None, after=a)
        return meeting_info(s, m)


def set_attendees(engine: Engine, actor: Actor, meeting_id: int, member_ids: list[int]) -> MeetingInfo:
    require(actor, Perm.COMMITTEE_EDIT)
    with write_scope(engine) as s:
        m = s.get(Meeting, meeting_id)
        if m is None:
            raise CommitteeError("committee.err.no_meeting")
        members = set(s.exec(select(CommitteeMember.id).where(CommitteeMember.committee_id == m.committee_id)).all())
        if not set(member_ids) <= members:
            raise CommitteeError("committee.err.not_a_member")
        before = sorted(s.exec(select(MeetingAttendee.member_id).where(MeetingAttendee.meeting_id == meeting_id)).all())
        s.exec(delete(MeetingAttendee).where(col(MeetingAttendee.meeting_id) == meeting_id))  # type: ignore[call-overload]
        for mid in sorted(set(member_ids)):
            s.add(MeetingAttendee(meeting_id=meeting_id, member_id=mid))
        s.flush()
        audit.record(s, actor, "update", "meeting_attendees", meeting_id, before=before, after=sorted(set(member_ids)))
        return meeting_info(s, m)


def _latest_minutes(s: Session, meeting_id: int) -> Minutes | None:
    return s.exec(select(Minutes).where(Minutes.meeting_id == meeting_id).order_by(col(Minutes.version).desc()).limit(1)).first()


def _minutes_info(x: Minutes) -> MinutesInfo:
    return MinutesInfo(x.id or 0, x.version, x.text, x.reason, x.approved_at, x.created_at)


def save_minutes(engine: Engine, actor: Actor, meeting_id: int, text: str, *, reason: str = "") -> MinutesInfo:
    """Write the draft minutes; once a version is approved it is locked, and a change is a new version that says
    why (``reason``), audited, with every older version still readable."""
    require(actor, Perm.COMMITTEE_EDIT)
    p = Problems()
    p.check(bool(text.strip()), "text", "err.required")
    with write_scope(engine) as s:
        if s.get(Meeting, meeting_id) is None:
            raise CommitteeError("committee.err.no_meeting")
        last = _latest_minutes(s, meeting_id)
        amend = last is not None and last.approved_at is not None
        if amend:
            p.check(bool(reason.strip()), "reason", "committee.err.amend_reason")
        if p:
            raise CommitteeValidationError(p.items)
        if last is not None and not amend:
            before = last.text
            last.text, last.reason = text.strip(), reason.strip() or last.reason
            s.add(last)
            s.flush()
            audit.record(s, actor, "update", "minutes", f"{meeting_id}/v{last.version}", before={"text": before}, after={"text": last.text})
            return _minutes_info(last)
        version = (last.version + 1) if last else 1
        x = Minutes(meeting_id=meeting_id, version=version, text=text.strip(), reason=reason.strip(), created_by=actor.user_id)
        s.add(x)
        s.flush()
        audit.record(s, actor, "amend" if amend else "create", "minutes", f"{meeting_id}/v{version}",
                     before={"version": last.version} if last else None,
                     after={"version": version, "text": x.text, "reason": x.reason})
        return _minutes_info(x)


def approve_minutes(engine: Engine, actor: Actor, meeting_id: int, *, on: date | None = None) -> MinutesInfo:
    require(actor, Perm.COMMITTEE_EDIT)
    with write_scope(engine) as s:
        last = _latest_minutes(s, meeting_id)
        if last is None:
            raise CommitteeError("committee.err.no_minutes")
        if last.approved_at is not None:
            raise CommitteeError("committee.err.minutes_locked")
        last.approved_at = utcnow()
        s.add(last)
        s.flush()
        audit.record(s, actor, "approve", "minutes", f"{meeting_id}/v{last.version}", after={"approved": True})
        return _minutes_info(last)
