"""Scores, the screening committee's view, the promotion committee's decision, conflicts of interest."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from itatui.domain.roles import Actor, Perm, require
from itatui.domain.salary import Relation, RoundRules, Scheme, level_for, percent_raise, propose_relation, score
from itatui.domain.thai import InputError
from itatui.domain.validation import Problems
from itatui.store import audit
from itatui.store.committees.checks import blocking_for, load_state, run_checks, with_decision
from itatui.store.committees.drafts import parse_decision, parse_score
from itatui.store.committees.queries import conflicts_in, evaluation_row, get_round_row
from itatui.store.committees.types import (
    CheckIssue,
    CheckReport,
    CommitteeError,
    CommitteeValidationError,
    ConflictInfo,
    Decision,
    DecisionBlocked,
    DecisionDraft,
    EvaluationRow,
)
from itatui.store.db import session_scope, write_scope
from itatui.store.models import Committee, CommitteeMember, Conflict, Evaluation, Staff, Unit
from itatui.store.models.base import utcnow


def _eval(s: Session, evaluation_id: int) -> tuple[Evaluation, Staff, RoundRules]:
    e = s.get(Evaluation, evaluation_id)
    if e is None:
        raise CommitteeError("committee.err.no_evaluation")
    st = s.get(Staff, e.staff_id)
    assert st is not None
    return e, st, RoundRules.from_json(get_round_row(s, e.round_id).rules)


def _row(s: Session, e: Evaluation, st: Staff, rules: RoundRules) -> EvaluationRow:
    unit = s.get(Unit, st.unit_id) if st.unit_id else None
    return evaluation_row(e, st, unit.code if unit else "", rules)


def apply_score(s: Session, actor: Actor, e: Evaluation, st: Staff, rules: RoundRules,
                achievement: float | None, competency: float | None, total: float | None) -> None:
    """Set the supervisor's score (from its two parts, or the total alone) and the level it earns."""
    if achievement is not None and competency is not None:
        total = score(achievement, competency, probation=st.probation, rules=rules)
    before = {"score": e.score, "level": e.level}
    e.achievement, e.competency, e.score = achievement, competency, total
    e.level = level_for(total, rules).value if total is not None else ""
    e.salary = e.salary or st.salary
    s.add(e)
    s.flush()
    audit.record(s, actor, "score", "evaluation", e.id, before=before, after={"score": e.score, "level": e.level})


def set_score(engine: Engine, actor: Actor, evaluation_id: int, *, achievement: str = "", competency: str = "",
              total: str = "") -> EvaluationRow:
    require(actor, Perm.COMMITTEE_EDIT)
    p = Problems()
    parts = {}
    for name, text in (("achievement", achievement), ("competency", competency), ("score", total)):
        try:
            parts[name] = parse_score(text)
        except InputError as exc:
            p.add(name, str(exc.args[0]))
            parts[name] = None
    if not p and parts["score"] is None and (parts["achievement"] is None or parts["competency"] is None):
        p.add("score", "committee.err.score_required")
    if p:
        raise CommitteeValidationError(p.items)
    with write_scope(engine) as s:
        e, st, rules = _eval(s, evaluation_id)
        _not_decided(e)
        apply_score(s, actor, e, st, rules, parts["achievement"], parts["competency"], parts["score"])
        return _row(s, e, st, rules)


def _not_decided(e: Evaluation) -> None:
    if e.decided:
        raise CommitteeError("committee.err.already_decided")


def save_screening(engine: Engine, actor: Actor, evaluation_id: int, view: str, *, score_text: str = "",
                   reason: str = "") -> EvaluationRow:
    """The screening committee agrees with the supervisor, or adjusts the score with a reason."""
    require(actor, Perm.COMMITTEE_EDIT)
    p = Problems()
    p.check(view in ("agree", "adjust"), "view", "committee.err.view")
    adjusted = None
    if view == "adjust":
        try:
            adjusted = parse_score(score_text)
        except InputError as exc:
            p.add("screening_score", str(exc.args[0]))
        else:
            p.check(adjusted is not None, "screening_score", "err.required")
        p.check(bool(reason.strip()), "screening_reason", "committee.err.adjust_reason")
    if p:
        raise CommitteeValidationError(p.items)
    with write_scope(engine) as s:
        e, st, rules = _eval(s, evaluation_id)
        _not_decided(e)
        if e.score is None:
            raise CommitteeError("committee.err.no_score")
        before = {"screening": e.screening, "score": e.screening_score, "level": e.screening_level}
        e.screening = view
        e.screening_score = adjusted
        e.screening_level = level_for(adjusted, rules).value if adjusted is not None else ""
        e.screening_reason = reason.strip() if view == "adjust" else ""
        s.add(e)
        s.flush()
        audit.record(s, actor, "screen", "evaluation", e.id, before=before,
                     after={"screening": view, "score": adjusted, "level": e.screening_level, "reason": e.screening_reason})
        return _row(s, e, st, rules)


# ---- decisions ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionPreview:
    decision: Decision
    report: CheckReport  # the whole round with this decision in it
    blocking: tuple[CheckIssue, ...]  # what forbids saving it


def _complete(decision: Decision, scheme: str, salary: int, rules: RoundRules) -> Decision:
    if scheme == Scheme.PERCENT and decision.percent is not None:
        r = percent_raise(salary, decision.percent, rules)
        return Decision(None, decision.percent, r.raise_amount, r.special_allowance, decision.meeting_id, decision.told_on)
    return decision


def _preview(s: Session, evaluation_id: int, draft: DecisionDraft) -> tuple[DecisionPreview, Evaluation, Staff, RoundRules]:
    e, st, rules = _eval(s, evaluation_id)
    scheme = rules.scheme_of(st.kind).value
    decision = _complete(parse_decision(draft, scheme), scheme, e.salary or st.salary, rules)
    before = load_state(s, e.round_id)
    after = with_decision(before, evaluation_id, half_steps=decision.half_steps, percent=decision.percent,
                          amount=decision.amount + decision.special_allowance if scheme == Scheme.PERCENT else decision.amount,
                          special=decision.special_allowance, meeting_id=decision.meeting_id)
    return DecisionPreview(decision, run_checks(after), blocking_for(before, after, st.code)), e, st, rules


def preview_decision(engine: Engine, actor: Actor, evaluation_id: int, draft: DecisionDraft) -> DecisionPreview:
    """The live checks as the decision form is filled: nothing is saved."""
    require(actor, Perm.COMMITTEE_VIEW)
    with session_scope(engine) as s:
        return _preview(s, evaluation_id, draft)[0]


def decide(engine: Engine, actor: Actor, evaluation_id: int, draft: DecisionDraft) -> EvaluationRow:
    """Record the promotion committee's decision; refused with ``DecisionBlocked`` when a check forbids it."""
    require(actor, Perm.COMMITTEE_EDIT)
    with write_scope(engine) as s:
        preview, e, st, rules = _preview(s, evaluation_id, draft)
        if preview.blocking:
            raise DecisionBlocked(preview.blocking)
        d = preview.decision
        before = {"decided": e.decided, "half_steps": e.half_steps, "percent": e.percent, "amount": e.amount,
                  "special_allowance": e.special_allowance, "meeting_id": e.meeting_id}
        e.decided, e.half_steps, e.percent = True, d.half_steps, str(d.percent) if d.percent is not None else ""
        e.amount, e.special_allowance, e.meeting_id = d.amount, d.special_allowance, d.meeting_id
        e.told_on = d.told_on or e.told_on
        e.decided_at = utcnow()
        s.add(e)
        s.flush()
        after = {"decided": True, "half_steps": e.half_steps, "percent": e.percent, "amount": e.amount,
                 "special_allowance": e.special_allowance, "meeting_id": e.meeting_id}
        audit.record(s, actor, "decide", "evaluation", e.id, before=before, after=after)
        return _row(s, e, st, rules)


def set_told(engine: Engine, actor: Actor, evaluation_id: int, told_on: str) -> EvaluationRow:
    """The day the person was told the result (starts the 30 days for a grievance)."""
    require(actor, Perm.COMMITTEE_EDIT)
    from itatui.store.committees.drafts import parse_optional_date

    p = Problems()
    day = parse_optional_date(p, "told_on", told_on)
    p.check(day is not None or bool(p), "told_on", "err.required")
    if p:
        raise CommitteeValidationError(p.items)
    with write_scope(engine) as s:
        e, st, rules = _eval(s, evaluation_id)
        before, e.told_on = e.told_on, day
        s.add(e)
        audit.record(s, actor, "update", "evaluation", e.id, before={"told_on": before}, after={"told_on": day})
        return _row(s, e, st, rules)


# ---- conflicts of interest ----------------------------------------------------------------------------------


def propose_conflicts(engine: Engine, actor: Actor, round_id: int) -> list[ConflictInfo]:
    """Add what the app can see itself (a member evaluated in the round; a shared family name) as proposals."""
    require(actor, Perm.COMMITTEE_EDIT)
    with write_scope(engine) as s:
        get_round_row(s, round_id)
        members = s.exec(select(CommitteeMember).join(Committee, col(CommitteeMember.committee_id) == col(Committee.id))
                         .where(Committee.round_id == round_id)).all()
        people = s.exec(select(Staff.id, Staff.name).join(Evaluation, col(Evaluation.staff_id) == col(Staff.id))
                        .where(Evaluation.round_id == round_id)).all()
        have = {(m, st) for m, st in s.exec(select(Conflict.member_id, Conflict.staff_id).where(Conflict.round_id == round_id)).all()}
        added = 0
        for m in members:
            for sid, name in people:
                rel = propose_relation(m.staff_id, m.name, sid, name)
                if rel is not None and (m.id, sid) not in have:
                    s.add(Conflict(round_id=round_id, member_id=m.id or 0, staff_id=sid, relation=rel.value))
                    added += 1
        s.flush()
        if added:
            audit.record(s, actor, "propose", "conflict", round_id, after={"proposed": added})
        return conflicts_in(s, round_id)


def add_conflict(engine: Engine, actor: Actor, round_id: int, member_id: int, staff_id: int, relation: str) -> list[ConflictInfo]:
    """A relation the secretary knows of (spouse, sibling …): recorded as confirmed."""
    require(actor, Perm.COMMITTEE_EDIT)
    if relation not in set(Relation) or relation == Relation.SAME_FAMILY_NAME:
        raise CommitteeValidationError(_problem("relation", "committee.err.relation"))
    with write_scope(engine) as s:
        c = s.exec(select(Conflict).where(Conflict.member_id == member_id, Conflict.staff_id == staff_id)).first()
        c = c or Conflict(round_id=round_id, member_id=member_id, staff_id=staff_id, relation=relation)
        c.relation, c.status = relation, "confirmed"
        s.add(c)
        s.flush()
        audit.record(s, actor, "confirm", "conflict", c.id, after={"member": member_id, "staff": staff_id, "relation": relation})
        return conflicts_in(s, round_id)


def _problem(field_name: str, key: str) -> list:
    p = Problems()
    p.add(field_name, key)
    return p.items


def resolve_conflict(engine: Engine, actor: Actor, conflict_id: int, *, confirm: bool, relation: str = "") -> ConflictInfo:
    """The secretary confirms a proposal (with the real relation) or dismisses it."""
    require(actor, Perm.COMMITTEE_EDIT)
    if confirm and (relation not in set(Relation) or relation == Relation.SAME_FAMILY_NAME):
        raise CommitteeValidationError(_problem("relation", "committee.err.relation"))
    with write_scope(engine) as s:
        c = s.get(Conflict, conflict_id)
        if c is None:
            raise CommitteeError("committee.err.no_conflict")
        before = {"status": c.status, "relation": c.relation}
        c.status = "confirmed" if confirm else "dismissed"
        if confirm:
            c.relation = relation
        s.add(c)
        s.flush()
        audit.record(s, actor, "confirm" if confirm else "dismiss", "conflict", c.id, before=before,
                     after={"status": c.status, "relation": c.relation})
        return next(x for x in conflicts_in(s, c.round_id, c.staff_id) if x.id == c.id)


def set_withdrew(engine: Engine, actor: Actor, conflict_id: int, withdrew: bool) -> ConflictInfo:
    """Record that the member left the room for that person's decision (the record shows who withdrew)."""
    require(actor, Perm.COMMITTEE_EDIT)
    with write_scope(engine) as s:
        c = s.get(Conflict, conflict_id)
        if c is None:
            raise CommitteeError("committee.err.no_conflict")
        if c.status != "confirmed":
            raise CommitteeError("committee.err.conflict_not_confirmed")
        before, c.withdrew = c.withdrew, withdrew
        s.add(c)
        s.flush()
        audit.record(s, actor, "withdraw", "conflict", c.id, before={"withdrew": before}, after={"withdrew": withdrew})
        return next(x for x in conflicts_in(s, c.round_id, c.staff_id) if x.id == c.id)
