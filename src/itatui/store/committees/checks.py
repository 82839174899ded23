"""Live checks of a round: what would make it unfair or against its rules.

``load_state`` reads the round in a handful of column queries (no ORM rows); each check is a pure function of
that state, so the screen recomputes all of them after every decision (benchmarks/committees.py: 500 staff).
A proposed decision is checked by substituting it into the state before saving (``with_decision``).

Checks: quota (full steps in round 1) and pool/budget used against allowed; a raise the level does not allow;
more than the yearly cap; a decision without a screening result; a conflicted member counted in a decision;
a decision at a meeting without quorum (or at no promotion-committee meeting).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from itatui.domain.roles import Actor, Perm, require
from itatui.domain.salary import RoundRules, Scheme, budget_allowed, counted_on, has_quorum, pool_allowed, quota_allowed
from itatui.store.committees.queries import get_round_row
from itatui.store.committees.types import CheckIssue, CheckReport, SchemeTotals
from itatui.store.db import session_scope
from itatui.store.models import Committee, CommitteeMember, Conflict, Evaluation, MeetingAttendee, Meeting, SalaryRound, Staff


@dataclass(frozen=True)
class EvalState:
    id: int
    staff_id: int
    code: str
    scheme: str
    level: str  # the final level (the screening's when it adjusted)
    screening: str
    decided: bool
    half_steps: int | None
    percent: Decimal | None
    amount: int
    special: int
    meeting_id: int | None
    other_round_half_steps: int  # the same person's steps in the year's other round


@dataclass(frozen=True)
class RoundState:
    round_no: int
    fiscal_year: int
    rules: RoundRules
    evals: dict[int, EvalState]
    headcount: dict[str, int]  # per scheme, in post on the round's counting date
    quota_base_date: date
    salaries_round: dict[str, int]  # per scheme, on the round's counting date
    salaries_sept: dict[str, int]  # per scheme, on 1 September (the steps budget)
    steps_used_other_round: int  # baht used by the year's other round (steps budget is yearly)
    meetings: dict[int, tuple[int, frozenset[int], bool]]  # id -> (members, attendees, is promotion)
    conflicts: dict[int, tuple[tuple[int, bool], ...]]  # staff id -> confirmed (member id, withdrew)
    proposed: frozenset[int]  # staff ids with a conflict still to confirm


class _Core:
    """``exec`` through the session's connection (SQLAlchemy Core): same transaction, no ORM row processing."""

    def __init__(self, session: Session) -> None:
        self._conn = session.connection()

    def exec(self, statement):  # noqa: ANN001, ANN201
        return self._conn.execute(statement)


def _per_scheme(rules: RoundRules, rows) -> dict[str, int]:  # noqa: ANN001
    out = {Scheme.STEPS.value: 0, Scheme.PERCENT.value: 0}
    for kind, value in rows:
        out[rules.scheme_of(kind).value] += int(value or 0)
    return out


def load_state(s: Session, round_id: int) -> RoundState:
    r = get_round_row(s, round_id)
    s = _Core(s)  # type: ignore[assignment]  # plain rows: the ORM's per-row work is most of the time here
    rules = RoundRules.from_json(r.rules)
    day = counted_on(r.fiscal_year, r.round_no)
    sept = counted_on(r.fiscal_year, 2)

    def in_post(on: date):  # noqa: ANN202
        return (select(Staff.kind, func.count(), func.sum(Staff.salary))
                .where(Staff.organisation_id == r.organisation_id, col(Staff.active).is_(True),
                       (col(Staff.start_date).is_(None)) | (col(Staff.start_date) <= on))
                .group_by(col(Staff.kind)))

    counts = s.exec(in_post(day)).all()
    headcount = _per_scheme(rules, [(k, n) for k, n, _ in counts])
    salaries = _per_scheme(rules, [(k, v) for k, _, v in counts])
    salaries_sept = salaries if day == sept else _per_scheme(rules, [(k, v) for k, _, v in s.exec(in_post(sept)).all()])

    other = s.exec(select(SalaryRound.id).where(SalaryRound.organisation_id == r.organisation_id,
                                                SalaryRound.fiscal_year == r.fiscal_year,
                                                SalaryRound.round_no != r.round_no)).scalar()
    other_steps: dict[int, int] = {}
    other_used = 0
    if other is not None:
        for sid, hs, amount, kind in s.exec(
            select(Evaluation.staff_id, Evaluation.half_steps, Evaluation.amount, Staff.kind)
            .join(Staff, col(Evaluation.staff_id) == col(Staff.id))
            .where(Evaluation.round_id == other, col(Evaluation.decided).is_(True))
        ).all():
            other_steps[sid] = hs or 0
            if rules.scheme_of(kind) == Scheme.STEPS:
                other_used += amount or 0

    evals: dict[int, EvalState] = {}
    for (eid, sid, code, kind, level, screening, slevel, decided, hs, pct, amount, special, mid) in s.exec(
        select(Evaluation.id, Evaluation.staff_id, Staff.code, Staff.kind, Evaluation.level, Evaluation.screening,
               Evaluation.screening_level, Evaluation.decided, Evaluation.half_steps, Evaluation.percent,
               Evaluation.amount, Evaluation.special_allowance, Evaluation.meeting_id)
        .join(Staff, col(Evaluation.staff_id) == col(Staff.id)).where(Evaluation.round_id == round_id)
    ).all():
        final = slevel if screening == "adjust" and slevel else level
        scheme = rules.scheme_of(kind).value
        # the pool pays the whole percent raise: what goes on the salary and the special allowance alike
        used = (amount or 0) + ((special or 0) if scheme == Scheme.PERCENT else 0)
        evals[eid] = EvalState(eid, sid, code, scheme, final, screening, decided, hs,
                               Decimal(pct) if pct else None, used, special or 0, mid, other_steps.get(sid, 0))

    meetings: dict[int, tuple[int, frozenset[int], bool]] = {}
    committees = s.exec(select(Committee.id, Committee.kind).where(Committee.round_id == round_id)).all()
    member_count = dict(s.exec(select(CommitteeMember.committee_id, func.count())
                               .where(col(CommitteeMember.committee_id).in_([c for c, _ in committees]))
                               .group_by(col(CommitteeMember.committee_id))).all()) if committees else {}
    kinds = dict(committees)
    attendance: dict[int, set[int]] = {}
    for mid, cid in s.exec(select(Meeting.id, Meeting.committee_id).where(col(Meeting.committee_id).in_(list(kinds)))).all():
        attendance[mid] = set()
        meetings[mid] = (int(member_count.get(cid, 0)), frozenset(), kinds[cid] == "promotion")
    if meetings:
        for mid, member in s.exec(select(MeetingAttendee.meeting_id, MeetingAttendee.member_id)
                                  .where(col(MeetingAttendee.meeting_id).in_(list(meetings)))).all():
            attendance[mid].add(member)
        meetings = {m: (n, frozenset(attendance[m]), promo) for m, (n, _, promo) in meetings.items()}

    conflicts: dict[int, list[tuple[int, bool]]] = {}
    proposed: set[int] = set()
    for sid, member, status, withdrew in s.exec(select(Conflict.staff_id, Conflict.member_id, Conflict.status, Conflict.withdrew)
                                                .where(Conflict.round_id == round_id)).all():
        if status == "confirmed":
            conflicts.setdefault(sid, []).append((member, withdrew))
        elif status == "proposed":
            proposed.add(sid)
    return RoundState(r.round_no, r.fiscal_year, rules, evals, headcount, day, salaries, salaries_sept, other_used,
                      meetings, {k: tuple(v) for k, v in conflicts.items()}, frozenset(proposed))


def with_decision(state: RoundState, evaluation_id: int, *, half_steps: int | None, percent: Decimal | None,
                  amount: int, special: int, meeting_id: int | None) -> RoundState:
    e = state.evals[evaluation_id]
    evals = dict(state.evals)
    evals[evaluation_id] = replace(e, decided=True, half_steps=half_steps, percent=percent, amount=amount,
                                   special=special, meeting_id=meeting_id)
    return replace(state, evals=evals)


# ---- the checks -------------------------------------------------------------------------------------------


def totals(state: RoundState) -> tuple[SchemeTotals, ...]:
    out = []
    rules = state.rules
    decided = [e for e in state.evals.values() if e.decided]
    steps = [e for e in decided if e.scheme == Scheme.STEPS]
    head = state.headcount[Scheme.STEPS]
    out.append(SchemeTotals(
        Scheme.STEPS.value, head, state.quota_base_date,
        quota_allowed(head, rules) if state.round_no == 1 else None,
        sum(1 for e in steps if (e.half_steps or 0) >= 2),
        state.salaries_sept[Scheme.STEPS], budget_allowed(state.salaries_sept[Scheme.STEPS], rules),
        state.steps_used_other_round + sum(e.amount for e in steps),
    ))
    pct = [e for e in decided if e.scheme == Scheme.PERCENT]
    base = state.salaries_round[Scheme.PERCENT]
    out.append(SchemeTotals(
        Scheme.PERCENT.value, state.headcount[Scheme.PERCENT], state.quota_base_date, None,
        sum(1 for e in pct if (e.percent or 0) > 0), base, pool_allowed(base, rules),
        sum(e.amount for e in pct),
    ))
    return tuple(out)


def check_totals(state: RoundState) -> list[CheckIssue]:
    issues = []
    for tot in totals(state):
        if tot.quota_allowed is not None and tot.quota_used > tot.quota_allowed:
            issues.append(CheckIssue("quota", True, params={"used": tot.quota_used, "allowed": tot.quota_allowed}))
        if tot.pool_used > tot.pool_allowed:
            code = "budget" if tot.scheme == Scheme.STEPS else "pool"
            issues.append(CheckIssue(code, True, params={"used": tot.pool_used, "allowed": tot.pool_allowed}))
    return issues


def check_levels(state: RoundState) -> list[CheckIssue]:
    issues = []
    rules = state.rules
    for e in state.evals.values():
        if not e.decided or not e.level:
            continue  # no score yet: check_screening says so
        if e.scheme == Scheme.STEPS:
            allowed = rules.allowed_half_steps(state.round_no, e.level)
            if (e.half_steps or 0) not in allowed:
                issues.append(CheckIssue("level", True, e.code, {"level": e.level, "half_steps": e.half_steps or 0}))
        else:
            limit = min(rules.max_percent(e.level), rules.person_max_pct)
            if (e.percent or 0) > limit:
                issues.append(CheckIssue("level_percent", True, e.code, {"level": e.level, "percent": str(e.percent), "max": str(limit)}))
    return issues


def check_cap(state: RoundState) -> list[CheckIssue]:
    cap = state.rules.yearly_cap_half_steps
    return [CheckIssue("cap", True, e.code, {"half_steps": (e.half_steps or 0) + e.other_round_half_steps, "cap": cap})
            for e in state.evals.values()
            if e.decided and e.scheme == Scheme.STEPS and (e.half_steps or 0) + e.other_round_half_steps > cap]


def check_screening(state: RoundState) -> list[CheckIssue]:
    return [CheckIssue("unscored" if not e.level else "unscreened", True, e.code)
            for e in state.evals.values() if e.decided and (not e.screening or not e.level)]


def check_conflicts(state: RoundState) -> list[CheckIssue]:
    issues = []
    for e in state.evals.values():
        if e.staff_id in state.proposed:
            issues.append(CheckIssue("conflict_unconfirmed", False, e.code))
        if not e.decided or e.meeting_id not in state.meetings:
            continue
        present = state.meetings[e.meeting_id][1]
        counted = [m for m, withdrew in state.conflicts.get(e.staff_id, ()) if m in present and not withdrew]
        if counted:
            issues.append(CheckIssue("conflict_counted", True, e.code, {"members": len(counted)}))
    return issues


def check_quorum(state: RoundState) -> list[CheckIssue]:
    issues = []
    for e in state.evals.values():
        if not e.decided:
            continue
        if e.meeting_id not in state.meetings or not state.meetings[e.meeting_id][2]:
            issues.append(CheckIssue("no_meeting", True, e.code))
            continue
        members, present, _ = state.meetings[e.meeting_id]
        withdrawn = {m for m, withdrew in state.conflicts.get(e.staff_id, ()) if withdrew}
        if not has_quorum(members, len(present - withdrawn), state.rules):
            issues.append(CheckIssue("quorum", True, e.code, {"present": len(present - withdrawn), "members": members}))
    return issues


CHECKS = {
    "totals": check_totals,
    "levels": check_levels,
    "cap": check_cap,
    "screening": check_screening,
    "conflicts": check_conflicts,
    "quorum": check_quorum,
}


def run_checks(state: RoundState) -> CheckReport:
    issues: list[CheckIssue] = []
    for check in CHECKS.values():
        issues.extend(check(state))
    return CheckReport(totals(state), tuple(issues))


def round_checks(engine: Engine, actor: Actor, round_id: int) -> CheckReport:
    require(actor, Perm.COMMITTEE_VIEW)
    with session_scope(engine) as s:
        return run_checks(load_state(s, round_id))


def blocking_for(before: RoundState, after: RoundState, staff_code: str) -> tuple[CheckIssue, ...]:
    """What forbids a proposed decision: its own problems, and round totals it pushes (further) over."""
    own = [i for i in run_checks(after).issues if i.blocking and i.staff_code == staff_code]
    pushed = []
    new_totals = {t.scheme: t for t in totals(after)}
    old_totals = {t.scheme: t for t in totals(before)}
    for i in check_totals(after):
        scheme = Scheme.PERCENT if i.code == "pool" else Scheme.STEPS
        grew = (new_totals[scheme].pool_used > old_totals[scheme].pool_used if i.code in ("pool", "budget")
                else new_totals[scheme].quota_used > old_totals[scheme].quota_used)
        if grew:
            pushed.append(i)
    return tuple(own + pushed)
