"""The data of the documents a secretary produces in a round, as plain frozen dataclasses (the reports layer
renders them): the two committee orders, meeting invitations and minutes, the list of scores and levels, the
announcement of staff rated ดีเด่น/ดีมาก, the quota/pool calculation (or the percentage rates used), the raise
order, the special-allowance order, and each person's result letter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from itatui.domain.roles import Actor, Perm, require
from itatui.domain.salary import Level, RoundRules
from itatui.store.committees.checks import load_state, totals
from itatui.store.committees.queries import (
    committee_info,
    evaluation_row,
    get_round_row,
    meeting_info,
    round_info,
)
from itatui.store.committees.types import (
    CommitteeError,
    CommitteeInfo,
    EvaluationRow,
    MeetingInfo,
    MemberInfo,
    RoundInfo,
    SchemeTotals,
)
from itatui.store.db import session_scope
from itatui.store.models import Committee, Evaluation, Meeting, Organisation, Staff, Unit


@dataclass(frozen=True)
class DocHeader:
    organisation: str
    fiscal_year: int
    round_no: int
    effective: date


@dataclass(frozen=True)
class CommitteeOrder:
    header: DocHeader
    kind: str  # screening / promotion
    order_no: str
    order_date: date | None
    members: tuple[MemberInfo, ...]


@dataclass(frozen=True)
class Invitation:
    header: DocHeader
    committee_kind: str
    meeting_number: int
    held_on: date
    place: str
    invited_on: date | None
    late: bool  # sent fewer days ahead than the rules ask
    agenda: str
    to: tuple[MemberInfo, ...]


@dataclass(frozen=True)
class MinutesDoc:
    header: DocHeader
    meeting: MeetingInfo
    present: tuple[MemberInfo, ...]
    absent: tuple[MemberInfo, ...]
    withdrawals: tuple[tuple[str, str], ...]  # (member, staff member whose decision they left)
    text: str
    version: int
    approved: bool


@dataclass(frozen=True)
class ScoreLine:
    staff_code: str
    name: str
    position: str
    unit: str
    kind: str
    score: float | None
    level: str


@dataclass(frozen=True)
class ScoreList:
    header: DocHeader
    lines: tuple[ScoreLine, ...]


@dataclass(frozen=True)
class Announcement:
    """ประกาศรายชื่อผู้มีผลการประเมินระดับดีเด่นและดีมาก (with the percentage rates in the percent scheme)."""

    header: DocHeader
    excellent: tuple[ScoreLine, ...]
    very_good: tuple[ScoreLine, ...]
    rates: tuple[tuple[str, Decimal], ...]  # (level, percent) distinct rates used in the percent scheme


@dataclass(frozen=True)
class Calculation:
    header: DocHeader
    rules: RoundRules
    totals: tuple[SchemeTotals, ...]


@dataclass(frozen=True)
class RaiseLine:
    staff_code: str
    name: str
    position: str
    scheme: str
    level: str
    half_steps: int | None
    percent: Decimal | None
    salary_before: int
    amount: int
    salary_after: int
    special_allowance: int


@dataclass(frozen=True)
class RaiseOrder:
    header: DocHeader
    lines: tuple[RaiseLine, ...]  # everyone decided, raise or not


@dataclass(frozen=True)
class ResultLetter:
    header: DocHeader
    line: RaiseLine
    score: float | None
    grievance_days: int


def _header(s: Session, round_id: int) -> tuple[DocHeader, RoundInfo]:
    r = get_round_row(s, round_id)
    org = s.get(Organisation, r.organisation_id)
    info = round_info(r)
    return DocHeader(org.name if org else "", r.fiscal_year, r.round_no, info.effective), info


def _rows(s: Session, round_id: int, rules: RoundRules) -> list[tuple[EvaluationRow, str]]:
    rows = s.exec(select(Evaluation, Staff, Unit.code).join(Staff, col(Evaluation.staff_id) == col(Staff.id))
                  .join(Unit, col(Staff.unit_id) == col(Unit.id), isouter=True)
                  .where(Evaluation.round_id == round_id).order_by(col(Staff.code))).all()
    return [(evaluation_row(e, st, u or "", rules), st.position) for e, st, u in rows]


def _score_line(r: EvaluationRow, position: str) -> ScoreLine:
    return ScoreLine(r.staff_code, r.name, position, r.unit, r.kind, r.screening_score if r.screening == "adjust" else r.score,
                     r.final_level)


def _raise_line(r: EvaluationRow, position: str) -> RaiseLine:
    return RaiseLine(r.staff_code, r.name, position, r.scheme, r.final_level, r.half_steps, r.percent, r.salary,
                     r.amount, r.salary + r.amount, r.special_allowance)


def committee_order(engine: Engine, actor: Actor, round_id: int, kind: str) -> CommitteeOrder:
    require(actor, Perm.COMMITTEE_VIEW)
    with session_scope(engine) as s:
        header, _ = _header(s, round_id)
        c = s.exec(select(Committee).where(Committee.round_id == round_id, Committee.kind == kind)).first()
        if c is None:
            raise CommitteeError("committee.err.no_committee")
        info: CommitteeInfo = committee_info(s, c)
        return CommitteeOrder(header, kind, info.order_no, info.order_date, info.members)


def _meeting(s: Session, meeting_id: int) -> tuple[Meeting, MeetingInfo, CommitteeInfo]:
    m = s.get(Meeting, meeting_id)
    if m is None:
        raise CommitteeError("committee.err.no_meeting")
    c = s.get(Committee, m.committee_id)
    assert c is not None
    return m, meeting_info(s, m), committee_info(s, c)


def invitation(engine: Engine, actor: Actor, meeting_id: int) -> Invitation:
    require(actor, Perm.COMMITTEE_VIEW)
    with session_scope(engine) as s:
        m, info, c = _meeting(s, meeting_id)
        header, _ = _header(s, c.round_id)
        return Invitation(header, c.kind, m.number, m.held_on, m.place, m.invited_on, info.invitation_late, m.agenda, c.members)


def minutes(engine: Engine, actor: Actor, meeting_id: int, version: int | None = None) -> MinutesDoc:
    """The minutes as approved (or the latest draft); ``version`` picks an older one."""
    require(actor, Perm.COMMITTEE_VIEW)
    from itatui.store.committees.queries import conflicts_in

    with session_scope(engine) as s:
        _m, info, c = _meeting(s, meeting_id)
        header, _ = _header(s, c.round_id)
        present = tuple(x for x in c.members if x.id in info.attendees)
        absent = tuple(x for x in c.members if x.id not in info.attendees)
        decided_here = set(s.exec(select(Evaluation.staff_id).where(Evaluation.meeting_id == meeting_id)).all())
        withdrawals = tuple((x.member_name, x.staff_name) for x in conflicts_in(s, c.round_id)
                            if x.withdrew and x.staff_id in decided_here and x.member_id in info.attendees)
        versions = [v for v in info.minutes if version is None or v.version == version]
        chosen = versions[-1] if versions else None
        return MinutesDoc(header, info, present, absent, withdrawals, chosen.text if chosen else "",
                          chosen.version if chosen else 0, bool(chosen and chosen.approved))


def score_list(engine: Engine, actor: Actor, round_id: int) -> ScoreList:
    require(actor, Perm.COMMITTEE_VIEW)
    with session_scope(engine) as s:
        header, info = _header(s, round_id)
        return ScoreList(header, tuple(_score_line(r, pos) for r, pos in _rows(s, round_id, info.rules)))


def announcement(engine: Engine, actor: Actor, round_id: int) -> Announcement:
    require(actor, Perm.COMMITTEE_VIEW)
    with session_scope(engine) as s:
        header, info = _header(s, round_id)
        rows = _rows(s, round_id, info.rules)
        lines = [(_score_line(r, pos), r) for r, pos in rows]
        rates = sorted({(r.final_level, r.percent) for r, _ in rows if r.decided and r.percent is not None and r.percent > 0},
                       key=lambda x: (list(Level).index(Level(x[0])) if x[0] else 9, -x[1]))
        return Announcement(header, tuple(ln for ln, _ in lines if ln.level == Level.EXCELLENT),
                            tuple(ln for ln, _ in lines if ln.level == Level.VERY_GOOD), tuple(rates))  # type: ignore[arg-type]


def calculation(engine: Engine, actor: Actor, round_id: int) -> Calculation:
    require(actor, Perm.COMMITTEE_VIEW)
    with session_scope(engine) as s:
        header, info = _header(s, round_id)
        return Calculation(header, info.rules, totals(load_state(s, round_id)))


def raise_order(engine: Engine, actor: Actor, round_id: int) -> RaiseOrder:
    require(actor, Perm.COMMITTEE_VIEW)
    with session_scope(engine) as s:
        header, info = _header(s, round_id)
        return RaiseOrder(header, tuple(_raise_line(r, pos) for r, pos in _rows(s, round_id, info.rules) if r.decided))


def special_allowance_order(engine: Engine, actor: Actor, round_id: int) -> RaiseOrder:
    order = raise_order(engine, actor, round_id)
    return RaiseOrder(order.header, tuple(ln for ln in order.lines if ln.special_allowance > 0))


def result_letters(engine: Engine, actor: Actor, round_id: int) -> tuple[ResultLetter, ...]:
    require(actor, Perm.COMMITTEE_VIEW)
    with session_scope(engine) as s:
        header, info = _header(s, round_id)
        return tuple(ResultLetter(header, _raise_line(r, pos), r.screening_score if r.screening == "adjust" else r.score,
                                  info.rules.grievance_days)
                     for r, pos in _rows(s, round_id, info.rules) if r.decided)
