"""Reads of the committee records: each opens a short session and returns frozen dataclasses."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, or_, select

from itatui.domain.roles import Actor, Perm, require
from itatui.domain.salary import RoundRules, counted_on, effective_date, has_quorum, invitation_late
from itatui.store.committees.types import (
    CommitteeError,
    CommitteeInfo,
    ConflictInfo,
    EvaluationRow,
    MeetingInfo,
    MemberInfo,
    MinutesInfo,
    Page,
    RoundInfo,
    StaffRow,
)
from itatui.store.db import session_scope
from itatui.store.models import (
    Committee,
    CommitteeMember,
    Conflict,
    Evaluation,
    Meeting,
    MeetingAttendee,
    Minutes,
    Organisation,
    SalaryRound,
    Staff,
    Unit,
)


def resolve_org(s: Session, wanted: int | None = None) -> int:
    if wanted is not None:
        if s.get(Organisation, wanted) is None:
            raise CommitteeError("committee.err.no_organisation")
        return wanted
    oid = s.exec(select(Organisation.id).order_by(col(Organisation.id)).limit(1)).first()
    if oid is None:
        raise CommitteeError("committee.err.no_organisation")
    return oid


# ---- converters ---------------------------------------------------------------------------------------------


def round_info(r: SalaryRound) -> RoundInfo:
    return RoundInfo(r.id or 0, r.fiscal_year, r.round_no, RoundRules.from_json(r.rules),
                     effective_date(r.fiscal_year, r.round_no), counted_on(r.fiscal_year, r.round_no),
                     r.survey_respondents, r.survey_satisfied)


def get_round_row(s: Session, round_id: int) -> SalaryRound:
    r = s.get(SalaryRound, round_id)
    if r is None:
        raise CommitteeError("committee.err.no_round")
    return r


def committee_info(s: Session, c: Committee) -> CommitteeInfo:
    members = s.exec(
        select(CommitteeMember).where(CommitteeMember.committee_id == c.id)
        .order_by(col(CommitteeMember.position), col(CommitteeMember.id))
    ).all()
    return CommitteeInfo(c.id or 0, c.round_id, c.kind, c.order_no, c.order_date,
                         tuple(MemberInfo(m.id or 0, m.staff_id, m.name, m.title, m.role) for m in members))


def meeting_info(s: Session, m: Meeting, *, with_minutes: bool = True) -> MeetingInfo:
    c = s.get(Committee, m.committee_id)
    assert c is not None
    rules = RoundRules.from_json(get_round_row(s, c.round_id).rules)
    attendees = tuple(s.exec(select(MeetingAttendee.member_id).where(MeetingAttendee.meeting_id == m.id)).all())
    total = s.exec(select(func.count()).select_from(CommitteeMember).where(CommitteeMember.committee_id == c.id)).one()
    minutes: tuple[MinutesInfo, ...] = ()
    if with_minutes:
        rows = s.exec(select(Minutes).where(Minutes.meeting_id == m.id).order_by(col(Minutes.version))).all()
        minutes = tuple(MinutesInfo(x.id or 0, x.version, x.text, x.reason, x.approved_at, x.created_at) for x in rows)
    return MeetingInfo(m.id or 0, c.id or 0, c.kind, m.number, m.held_on, m.place, m.invited_on, m.agenda,
                       m.resolutions, m.dissent, attendees, int(total), has_quorum(int(total), len(attendees), rules),
                       invitation_late(m.invited_on, m.held_on, rules), minutes)


def evaluation_row(e: Evaluation, st: Staff, unit_code: str, rules: RoundRules) -> EvaluationRow:
    return EvaluationRow(
        e.id or 0, st.id or 0, st.code, st.name, st.kind, rules.scheme_of(st.kind).value, unit_code,
        e.salary or st.salary, st.probation, e.achievement, e.competency, e.score, e.level, e.screening,
        e.screening_score, e.screening_level, e.screening_reason, e.decided, e.half_steps,
        Decimal(e.percent) if e.percent else None, e.amount, e.special_allowance, e.meeting_id, e.told_on,
    )


def _staff_row(st: Staff, unit_code: str | None) -> StaffRow:
    return StaffRow(st.id or 0, st.code, st.name, st.position, st.position_level, unit_code or "", st.kind,
                    st.salary, st.start_date, st.probation, st.active)


# ---- public reads -------------------------------------------------------------------------------------------


def list_rounds(engine: Engine, actor: Actor, organisation_id: int | None = None) -> list[RoundInfo]:
    require(actor, Perm.COMMITTEE_VIEW)
    with session_scope(engine) as s:
        oid = resolve_org(s, organisation_id)
        rows = s.exec(select(SalaryRound).where(SalaryRound.organisation_id == oid)
                      .order_by(col(SalaryRound.fiscal_year).desc(), col(SalaryRound.round_no).desc())).all()
        return [round_info(r) for r in rows]


def find_round(engine: Engine, actor: Actor, fiscal_year: int, round_no: int, organisation_id: int | None = None) -> RoundInfo | None:
    require(actor, Perm.COMMITTEE_VIEW)
    with session_scope(engine) as s:
        oid = resolve_org(s, organisation_id)
        r = s.exec(select(SalaryRound).where(SalaryRound.organisation_id == oid, SalaryRound.fiscal_year == fiscal_year,
                                             SalaryRound.round_no == round_no)).first()
        return round_info(r) if r else None


def get_round(engine: Engine, actor: Actor, round_id: int) -> RoundInfo:
    require(actor, Perm.COMMITTEE_VIEW)
    with session_scope(engine) as s:
        return round_info(get_round_row(s, round_id))


def list_staff(engine: Engine, actor: Actor, offset: int = 0, limit: int = 50, *, text: str = "",
               active_only: bool = False, organisation_id: int | None = None) -> Page:
    """One page of the register by code; ``text`` searches code and name."""
    require(actor, Perm.COMMITTEE_VIEW)
    with session_scope(engine) as s:
        oid = resolve_org(s, organisation_id)
        conds = [Staff.organisation_id == oid]
        if text.strip():
            like = f"%{text.strip()}%"
            conds.append(or_(col(Staff.code).like(like), col(Staff.name).like(like)))
        if active_only:
            conds.append(col(Staff.active).is_(True))
        total = s.exec(select(func.count()).select_from(Staff).where(*conds)).one()
        rows = s.exec(select(Staff, Unit.code).join(Unit, col(Staff.unit_id) == col(Unit.id), isouter=True)
                      .where(*conds).order_by(col(Staff.code)).offset(max(offset, 0)).limit(limit)).all()
        return Page(tuple(_staff_row(st, u) for st, u in rows), int(total), offset, limit)


def get_staff(engine: Engine, actor: Actor, staff_id: int) -> StaffRow:
    require(actor, Perm.COMMITTEE_VIEW)
    with session_scope(engine) as s:
        st = s.get(Staff, staff_id)
        if st is None:
            raise CommitteeError("committee.err.no_staff")
        unit = s.get(Unit, st.unit_id) if st.unit_id else None
        return _staff_row(st, unit.code if unit else "")


def list_committees(engine: Engine, actor: Actor, round_id: int) -> list[CommitteeInfo]:
    require(actor, Perm.COMMITTEE_VIEW)
    with session_scope(engine) as s:
        rows = s.exec(select(Committee).where(Committee.round_id == round_id).order_by(col(Committee.kind).desc())).all()
        return [committee_info(s, c) for c in rows]


def list_meetings(engine: Engine, actor: Actor, round_id: int) -> list[MeetingInfo]:
    require(actor, Perm.COMMITTEE_VIEW)
    with session_scope(engine) as s:
        rows = s.exec(select(Meeting).join(Committee, col(Meeting.committee_id) == col(Committee.id))
                      .where(Committee.round_id == round_id)
                      .order_by(col(Meeting.held_on), col(Meeting.number), col(Meeting.id))).all()
        return [meeting_info(s, m) for m in rows]


def get_meeting(engine: Engine, actor: Actor, meeting_id: int) -> MeetingInfo:
    require(actor, Perm.COMMITTEE_VIEW)
    with session_scope(engine) as s:
        m = s.get(Meeting, meeting_id)
        if m is None:
            raise CommitteeError("committee.err.no_meeting")
        return meeting_info(s, m)


def list_evaluations(engine: Engine, actor: Actor, round_id: int, offset: int = 0, limit: int = 50, *,
                     text: str = "", undecided_only: bool = False) -> Page:
    require(actor, Perm.COMMITTEE_VIEW)
    with session_scope(engine) as s:
        rules = RoundRules.from_json(get_round_row(s, round_id).rules)
        conds = [Evaluation.round_id == round_id]
        if text.strip():
            like = f"%{text.strip()}%"
            conds.append(or_(col(Staff.code).like(like), col(Staff.name).like(like)))
        if undecided_only:
            conds.append(col(Evaluation.decided).is_(False))
        base = select(func.count()).select_from(Evaluation).join(Staff, col(Evaluation.staff_id) == col(Staff.id))
        total = s.exec(base.where(*conds)).one()
        rows = s.exec(select(Evaluation, Staff, Unit.code).join(Staff, col(Evaluation.staff_id) == col(Staff.id))
                      .join(Unit, col(Staff.unit_id) == col(Unit.id), isouter=True)
                      .where(*conds).order_by(col(Staff.code)).offset(max(offset, 0)).limit(limit)).all()
        return Page(tuple(evaluation_row(e, st, u or "", rules) for e, st, u in rows), int(total), offset, limit)


def get_evaluation(engine: Engine, actor: Actor, evaluation_id: int) -> EvaluationRow:
    require(actor, Perm.COMMITTEE_VIEW)
    with session_scope(engine) as s:
        e = s.get(Evaluation, evaluation_id)
        if e is None:
            raise CommitteeError("committee.err.no_evaluation")
        st = s.get(Staff, e.staff_id)
        assert st is not None
        unit = s.get(Unit, st.unit_id) if st.unit_id else None
        rules = RoundRules.from_json(get_round_row(s, e.round_id).rules)
        return evaluation_row(e, st, unit.code if unit else "", rules)


def list_conflicts(engine: Engine, actor: Actor, round_id: int, *, staff_id: int | None = None) -> list[ConflictInfo]:
    require(actor, Perm.COMMITTEE_VIEW)
    with session_scope(engine) as s:
        return conflicts_in(s, round_id, staff_id)


def conflicts_in(s: Session, round_id: int, staff_id: int | None = None) -> list[ConflictInfo]:
    q = (select(Conflict, CommitteeMember.name, Committee.kind, Staff.name)
         .join(CommitteeMember, col(Conflict.member_id) == col(CommitteeMember.id))
         .join(Committee, col(CommitteeMember.committee_id) == col(Committee.id))
         .join(Staff, col(Conflict.staff_id) == col(Staff.id))
         .where(Conflict.round_id == round_id))
    if staff_id is not None:
        q = q.where(Conflict.staff_id == staff_id)
    rows = s.exec(q.order_by(col(Staff.code), col(Conflict.id))).all()
    return [ConflictInfo(c.id or 0, c.member_id, mname, kind, c.staff_id, sname, c.relation, c.status, c.withdrew)
            for c, mname, kind, sname in rows]


def staff_choices(engine: Engine, actor: Actor, text: str = "", limit: int = 20) -> list[tuple[int, str]]:
    """Active staff for a member picker: (id, "code name")."""
    page = list_staff(engine, actor, 0, limit, text=text, active_only=True)
    return [(r.id, f"{r.code} {r.name}") for r in page.rows]
