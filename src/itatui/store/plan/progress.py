"""Progress reports (E-PlanNACC) per project × fiscal year × round, KPI actuals, and the done-year lock.

Round 1 covers the first 6 months, round 2 the whole year. Once the annual report says the project is done
the year is locked: the core refuses further edits (``ProgressLocked``) until an administrator unlocks it
with a reason, which is audited.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from itatui.domain.eplan import PlanError, Reason, Status, locks_year, parse_decimal, progress_problems
from itatui.domain.roles import Actor, Perm, require
from itatui.domain.thai import parse_int
from itatui.present.numbers import BUDGET_MAX
from itatui.domain.validation import FieldProblem, Problems, ValidationError
from itatui.store import audit
from itatui.store.db import session_scope, write_scope
from itatui.store.models import Budget, Kpi, KpiActual, Plan, ProgressReport, Project, User
from itatui.store.models.base import utcnow

AMOUNT_FIELDS = ("amount_local_plan", "amount_ordinance", "amount_spent")


class ProgressLocked(PlanError):
    """The year's annual report says done: edits are refused until an administrator unlocks it."""

    def __init__(self, fiscal_year: int):
        super().__init__("err.progress_locked", fiscal_year=fiscal_year)
        self.fiscal_year = fiscal_year


@dataclass(frozen=True)
class ProgressInfo:
    project_id: int
    fiscal_year: int
    round: int
    amount_local_plan: int | None
    amount_ordinance: int | None
    amount_spent: int | None
    status: str
    not_possible_reason: str
    reason_text: str
    remark: str
    locked: bool
    updated_at: datetime | None
    updated_by: str  # username, "" when unknown


@dataclass(frozen=True)
class KpiInfo:
    """An indicator with its actual value for one fiscal year (``actual`` None: not entered)."""

    id: int
    kind: str  # output / outcome
    indicator: str
    comparator: str
    target: float | None
    unit: str
    actual: float | None
    note: str


@dataclass(frozen=True)
class ProgressDraft:
    """What the progress form holds, as typed (strings), before parsing."""

    amount_local_plan: str = ""
    amount_ordinance: str = ""
    amount_spent: str = ""
    status: str = ""
    reason: str = ""
    reason_text: str = ""
    remark: str = ""
    kpi_actuals: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ProgressEdit:
    """Parsed and checked values to save."""

    amount_local_plan: int | None
    amount_ordinance: int | None
    amount_spent: int | None
    status: str
    reason: str = ""
    reason_text: str = ""
    remark: str = ""
    kpi_actuals: dict[int, float | None] = field(default_factory=dict)


@dataclass(frozen=True)
class ProgressFormData:
    project_id: int
    project_number: int
    project_name: str
    fiscal_year: int
    round: int
    years: tuple[int, ...]
    report: ProgressInfo | None
    kpis: tuple[KpiInfo, ...]
    year_locked: bool
    planned_budget: int | None  # the plan's budget for that year, offered as the local-plan amount


def kpi_field(kpi_id: int) -> str:
    """Field name of a KPI actual in problems and form ids."""
    return f"kpi_{kpi_id}"


def _info(r: ProgressReport, usernames: dict[int, str]) -> ProgressInfo:
    return ProgressInfo(
        project_id=r.project_id,
        fiscal_year=r.fiscal_year,
        round=r.round,
        amount_local_plan=r.amount_local_plan,
        amount_ordinance=r.amount_ordinance,
        amount_spent=r.amount_spent,
        status=r.status,
        not_possible_reason=r.not_possible_reason,
        reason_text=r.reason_text,
        remark=r.remark,
        locked=r.locked,
        updated_at=r.updated_at,
        updated_by=usernames.get(r.updated_by or 0, ""),
    )


def _usernames(s: Session, ids: set[int]) -> dict[int, str]:
    ids = {i for i in ids if i}
    if not ids:
        return {}
    return {u.id: u.username for u in s.exec(select(User).where(col(User.id).in_(ids))).all() if u.id}


def infos(s: Session, reports: list[ProgressReport]) -> list[ProgressInfo]:
    names = _usernames(s, {r.updated_by or 0 for r in reports})
    return [_info(r, names) for r in reports]


def kpi_infos(s: Session, project_id: int, fiscal_year: int) -> list[KpiInfo]:
    kpis = s.exec(select(Kpi).where(Kpi.project_id == project_id).order_by(col(Kpi.id))).all()
    actuals = {
        a.kpi_id: a
        for a in s.exec(
            select(KpiActual).where(col(KpiActual.kpi_id).in_([k.id for k in kpis]), KpiActual.fiscal_year == fiscal_year)
        ).all()
    } if kpis else {}
    out = []
    for k in kpis:
        a = actuals.get(k.id or 0)
        out.append(
            KpiInfo(
                id=k.id or 0,
                kind=k.kind,
                indicator=k.indicator,
                comparator=k.comparator,
                target=k.target,
                unit=k.unit,
                actual=a.value if a else None,
                note=a.note if a else "",
            )
        )
    return out


def _year_locked(s: Session, project_id: int, fiscal_year: int) -> bool:
    row = s.exec(
        select(ProgressReport.id).where(
            ProgressReport.project_id == project_id,
            ProgressReport.fiscal_year == fiscal_year,
            col(ProgressReport.locked).is_(True),
        )
    ).first()
    return row is not None


def _project_and_plan(s: Session, project_id: int) -> tuple[Project, Plan]:
    project = s.get(Project, project_id)
    if project is None:
        raise PlanError("err.project_not_found", id=project_id)
    plan = s.get(Plan, project.plan_id)
    assert plan is not None  # foreign key
    return project, plan


def list_progress(engine: Engine, actor: Actor, project_id: int) -> list[ProgressInfo]:
    """Every report of a project, by fiscal year then round."""
    require(actor, Perm.PLAN_VIEW)
    with session_scope(engine) as s:
        rows = s.exec(
            select(ProgressReport)
            .where(ProgressReport.project_id == project_id)
            .order_by(col(ProgressReport.fiscal_year), col(ProgressReport.round))
        ).all()
        return infos(s, list(rows))


def is_year_locked(engine: Engine, actor: Actor, project_id: int, fiscal_year: int) -> bool:
    require(actor, Perm.PLAN_VIEW)
    with session_scope(engine) as s:
        return _year_locked(s, project_id, fiscal_year)


def progress_form_data(engine: Engine, actor: Actor, project_id: int, fiscal_year: int, round_no: int) -> ProgressFormData:
    """Everything the progress form shows for one project, year and round."""
    require(actor, Perm.PLAN_VIEW)
    with session_scope(engine) as s:
        project, plan = _project_and_plan(s, project_id)
        report = s.exec(
            select(ProgressReport).where(
                ProgressReport.project_id == project_id,
                ProgressReport.fiscal_year == fiscal_year,
                ProgressReport.round == round_no,
            )
        ).first()
        budget = s.exec(
            select(Budget.amount).where(Budget.project_id == project_id, Budget.fiscal_year == fiscal_year)
        ).first()
        return ProgressFormData(
            project_id=project_id,
            project_number=project.number,
            project_name=project.name,
            fiscal_year=fiscal_year,
            round=round_no,
            years=tuple(range(plan.start_year, plan.end_year + 1)),
            report=infos(s, [report])[0] if report else None,
            kpis=tuple(kpi_infos(s, project_id, fiscal_year)),
            year_locked=_year_locked(s, project_id, fiscal_year),
            planned_budget=budget,
        )


def parse_progress_draft(draft: ProgressDraft, round_no: int) -> ProgressEdit:
    """Parse what was typed; every problem at once (``ValidationError``)."""
    p = Problems()
    amounts = {name: p.parse(name, lambda t: parse_int(t, max_value=BUDGET_MAX), getattr(draft, name)) for name in AMOUNT_FIELDS}
    actuals = {kpi_id: p.parse(kpi_field(kpi_id), parse_decimal, text) for kpi_id, text in draft.kpi_actuals.items()}
    p.extend(
        progress_problems(
            status=draft.status,
            reason=draft.reason,
            reason_text=draft.reason_text,
            amounts=amounts,
            round_no=round_no,
        )
    )
    p.raise_if_any()
    not_possible = draft.status == Status.NOT_POSSIBLE
    return ProgressEdit(
        amount_local_plan=amounts["amount_local_plan"],
        amount_ordinance=amounts["amount_ordinance"],
        amount_spent=amounts["amount_spent"],
        status=draft.status,
        reason=draft.reason if not_possible else "",
        reason_text=draft.reason_text.strip() if not_possible and draft.reason == Reason.OTHER else "",
        remark=draft.remark.strip(),
        kpi_actuals=actuals,
    )


def _snapshot(r: ProgressReport | None, actuals: dict[int, float | None]) -> dict:
    base: dict = {name: getattr(r, name) if r else None for name in AMOUNT_FIELDS}
    for name in ("status", "not_possible_reason", "reason_text", "remark"):
        base[name] = getattr(r, name) if r else ""
    base["locked"] = bool(r.locked) if r else False
    for kpi_id, value in actuals.items():
        base[kpi_field(kpi_id)] = value
    return base


def save_progress(
    engine: Engine, actor: Actor, project_id: int, fiscal_year: int, round_no: int, edit: ProgressEdit
) -> ProgressInfo:
    """Create or update one report and that year's KPI actuals, in one transaction with an audit record.

    Refuses a locked year (``ProgressLocked``); saving an annual report marked done locks the year.
    """
    require(actor, Perm.PROGRESS_EDIT)
    problems = progress_problems(
        status=edit.status,
        reason=edit.reason,
        reason_text=edit.reason_text,
        amounts={name: getattr(edit, name) for name in AMOUNT_FIELDS},
        round_no=round_no,
    )
    if problems:
        raise ValidationError(problems)
    with write_scope(engine) as s:
        project, plan = _project_and_plan(s, project_id)
        if not plan.start_year <= fiscal_year <= plan.end_year:
            raise ValidationError([FieldProblem("fiscal_year", "err.year_outside_plan", {"start": plan.start_year, "end": plan.end_year})])
        if _year_locked(s, project_id, fiscal_year):
            raise ProgressLocked(fiscal_year)
        report = s.exec(
            select(ProgressReport).where(
                ProgressReport.project_id == project_id,
                ProgressReport.fiscal_year == fiscal_year,
                ProgressReport.round == round_no,
            )
        ).first()
        kpis = {k.id: k for k in s.exec(select(Kpi).where(Kpi.project_id == project_id)).all()}
        unknown = [kpi_field(k) for k in edit.kpi_actuals if k not in kpis]
        if unknown:
            raise ValidationError([FieldProblem(f, "err.kpi_not_of_project") for f in unknown])
        existing = {
            a.kpi_id: a
            for a in s.exec(
                select(KpiActual).where(col(KpiActual.kpi_id).in_(list(edit.kpi_actuals)), KpiActual.fiscal_year == fiscal_year)
            ).all()
        } if edit.kpi_actuals else {}
        before = _snapshot(report, {k: (existing[k].value if k in existing else None) for k in edit.kpi_actuals})
        created = report is None
        if report is None:
            report = ProgressReport(project_id=project_id, fiscal_year=fiscal_year, round=round_no)
        for name in AMOUNT_FIELDS:
            setattr(report, name, getattr(edit, name))
        report.status = edit.status
        report.not_possible_reason = edit.reason
        report.reason_text = edit.reason_text
        report.remark = edit.remark
        report.locked = locks_year(edit.status, round_no)
        report.updated_at = utcnow()
        report.updated_by = actor.user_id
        s.add(report)
        for kpi_id, value in edit.kpi_actuals.items():
            actual = existing.get(kpi_id) or KpiActual(kpi_id=kpi_id, fiscal_year=fiscal_year)
            actual.value = value
            s.add(actual)
        s.flush()
        after = _snapshot(report, dict(edit.kpi_actuals))
        b, a = audit.diff(before, after) if not created else ({}, after)
        if created or a:
            audit.record(
                s,
                actor,
                "create" if created else "update",
                "progress",
                f"{project_id}/{fiscal_year}/{round_no}",
                before=b or None,
                after=a,
            )
        return infos(s, [report])[0]


def unlock_year(engine: Engine, actor: Actor, project_id: int, fiscal_year: int, reason: str) -> None:
    """An administrator reopens a done year; the reason is kept in the audit log."""
    require(actor, Perm.PROGRESS_UNLOCK)
    if not (reason or "").strip():
        raise ValidationError([FieldProblem("unlock_reason", "err.unlock_reason_required")])
    with write_scope(engine) as s:
        _project_and_plan(s, project_id)
        rows = s.exec(
            select(ProgressReport).where(
                ProgressReport.project_id == project_id,
                ProgressReport.fiscal_year == fiscal_year,
                col(ProgressReport.locked).is_(True),
            )
        ).all()
        if not rows:
            raise PlanError("err.not_locked", fiscal_year=fiscal_year)
        for r in rows:
            r.locked = False
            r.updated_at = utcnow()
            r.updated_by = actor.user_id
            s.add(r)
        audit.record(
            s,
            actor,
            "unlock",
            "progress",
            f"{project_id}/{fiscal_year}",
            before={"locked": True},
            after={"locked": False, "reason": reason.strip()},
        )
