"""Saves in the plan area: projects (with budgets, units, target groups) and target actuals, audited in the same
transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from itatui.domain.eplan import Kind, PlanError, PlanTargetKind
from itatui.domain.roles import Actor, Perm, require
from itatui.domain.validation import FieldProblem, Problems, ValidationError
from itatui.store import audit, versioning
from itatui.store.db import write_scope
from itatui.store.models import Budget, Dimension, Mission, Plan, PlanTarget, Project, ProjectUnit, TargetGroup, Unit
from itatui.store.models.base import utcnow
from itatui.store.plan.drafts import _budget_text, budget_field, target_field
from itatui.store.plan.queries import _get_plan
from itatui.store.plan.types import ProjectEdit

_SHEET_TEXT = ("sheet_name", "rationale", "area", "period", "budget_text", "owner")


_SHEET_LISTS = ("objectives", "method_steps", "outputs", "outcomes", "eplan_target_groups")


def _snapshot(s: Session, p: Project) -> dict[str, Any]:
    """The audited view of a project: plain values, unit codes, budgets by year, target groups."""
    units = s.exec(
        select(Unit.code).join(ProjectUnit, ProjectUnit.unit_id == Unit.id).where(ProjectUnit.project_id == p.id).order_by(col(Unit.code))
    ).all() if p.id else []
    budgets = {str(b.fiscal_year): b.amount for b in s.exec(select(Budget).where(Budget.project_id == p.id)).all()} if p.id else {}
    groups = s.exec(select(TargetGroup).where(TargetGroup.project_id == p.id).order_by(col(TargetGroup.position), col(TargetGroup.id))).all() if p.id else []
    snap: dict[str, Any] = {"number": p.number, "name": p.name, "kind": p.kind, "mission_id": p.mission_id}
    for name in _SHEET_TEXT:
        snap[name] = getattr(p, name)
    for name in _SHEET_LISTS:
        snap[name] = list(getattr(p, name) or [])
    snap["units"] = list(units)
    snap["budgets"] = budgets
    snap["target_groups"] = [[g.description, g.count, g.count_unit] for g in groups]
    return snap


def _check_edit(s: Session, plan: Plan, edit: ProjectEdit, project_id: int | None) -> None:
    """The rules the core enforces whoever calls it (the form parses first, but the core never trusts it)."""
    p = Problems()
    p.check(bool(edit.name.strip()), "name", "err.name_required")
    p.check(edit.number >= 1, "number", "err.number_positive")
    p.check(edit.kind in {k.value for k in Kind}, "kind", "err.kind_invalid")
    years = set(range(plan.start_year, plan.end_year + 1))
    for year, amount in edit.budgets.items():
        if year not in years:
            p.add(budget_field(year), "err.year_outside_plan", start=plan.start_year, end=plan.end_year)
        elif amount is not None and amount < 0:
            p.add(budget_field(year), "err.negative")
    clash = s.exec(select(Project.id).where(Project.plan_id == plan.id, Project.number == edit.number)).first()
    p.check(clash is None or clash == project_id, "number", "err.number_taken", number=edit.number)
    mission = s.get(Mission, edit.mission_id)
    dim = s.get(Dimension, mission.dimension_id) if mission else None
    p.check(dim is not None and dim.plan_id == plan.id, "mission", "err.mission_required")
    if edit.unit_ids:
        known = set(s.exec(select(Unit.id).where(col(Unit.id).in_(edit.unit_ids), Unit.organisation_id == plan.organisation_id)).all())
        p.check(known == set(edit.unit_ids), "units", "err.unit_unknown")
    p.raise_if_any()


def save_project(
    engine: Engine, actor: Actor, plan_id: int, edit: ProjectEdit, *, project_id: int | None = None, opened_version: int | None = None
) -> int:
    """Create (``project_id`` None) or update a project with its budgets, units and target groups.

    One transaction, with an audit record holding only the changed fields (before → after) and the version the
    save made. ``opened_version``: the version the form showed; another version raises ``EditConflict``.
    Returns the id.
    """
    require(actor, Perm.PLAN_EDIT)
    with write_scope(engine) as s:
        plan = _get_plan(s, plan_id)
        if project_id is None:
            p = Project(plan_id=plan_id, mission_id=edit.mission_id, number=edit.number, name=edit.name)
            before: dict[str, Any] = {}
        else:
            found = s.get(Project, project_id)
            if found is None or found.plan_id != plan_id:
                raise PlanError("err.project_not_found", id=project_id)
            p = found
            versioning.check(s, Project, "project", project_id, opened_version)
            before = _snapshot(s, p)
        _check_edit(s, plan, edit, project_id)
        p.number = edit.number
        p.name = edit.name
        p.kind = edit.kind
        p.mission_id = edit.mission_id
        for name in _SHEET_TEXT:
            setattr(p, name, getattr(edit, name))
        for name in _SHEET_LISTS:
            setattr(p, name, list(getattr(edit, name)))
        p.updated_at = utcnow()
        s.add(p)
        s.flush()
        pid = p.id or 0
        # Budgets: one row per plan year; unchanged rows keep the document's printed text.
        rows = {b.fiscal_year: b for b in s.exec(select(Budget).where(Budget.project_id == pid)).all()}
        for year, amount in edit.budgets.items():
            b = rows.get(year)
            if b is None:
                s.add(Budget(project_id=pid, fiscal_year=year, amount=amount, raw=_budget_text(amount) or "-"))
            elif b.amount != amount:
                b.amount = amount
                b.raw = _budget_text(amount) or "-"
                s.add(b)
        current_units = set(s.exec(select(ProjectUnit.unit_id).where(ProjectUnit.project_id == pid)).all())
        wanted = set(edit.unit_ids)
        for link in s.exec(select(ProjectUnit).where(ProjectUnit.project_id == pid, col(ProjectUnit.unit_id).not_in(wanted))).all():
            s.delete(link)
        for unit_id in wanted - current_units:
            s.add(ProjectUnit(project_id=pid, unit_id=unit_id))
        old_groups = s.exec(select(TargetGroup).where(TargetGroup.project_id == pid)).all()
        old_view = [(g.description, g.count, g.count_unit) for g in sorted(old_groups, key=lambda g: (g.position, g.id or 0))]
        new_view = [(g.description, g.count, g.count_unit) for g in edit.target_groups]
        if old_view != new_view:
            for g in old_groups:
                s.delete(g)
            for i, g in enumerate(edit.target_groups):
                s.add(TargetGroup(project_id=pid, position=i, description=g.description, count=g.count, count_unit=g.count_unit))
        s.flush()
        after = _snapshot(s, p)
        if project_id is None:
            audit.record(s, actor, "create", "project", pid, after=after)
        else:
            b, a = audit.diff(before, after)
            if a:  # a save that changes nothing leaves the version alone: nobody else's form goes stale
                version = versioning.claim(s, Project, "project", pid, opened_version)
                audit.record(s, actor, "update", "project", pid, before={**b, "version": version - 1}, after={**a, "version": version})
        return pid


def save_target_actuals(engine: Engine, actor: Actor, plan_id: int, actuals: dict[tuple[str, int], float | None]) -> None:
    """Record the ITA score and case reduction achieved per year; audited."""
    require(actor, Perm.PLAN_EDIT)
    problems: list[FieldProblem] = []
    for (kind, year), value in actuals.items():
        if kind not in {k.value for k in PlanTargetKind}:
            problems.append(FieldProblem(target_field(kind, year), "err.target_kind"))
        elif value is not None and kind == PlanTargetKind.ITA_SCORE and not 0 <= value <= 100:
            problems.append(FieldProblem(target_field(kind, year), "err.score_range"))
    if problems:
        raise ValidationError(problems)
    with write_scope(engine) as s:
        plan = _get_plan(s, plan_id)
        rows = {(t.kind, t.fiscal_year): t for t in s.exec(select(PlanTarget).where(PlanTarget.plan_id == plan_id)).all()}
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        for (kind, year), value in actuals.items():
            if not plan.start_year <= year <= plan.end_year:
                raise ValidationError([FieldProblem(target_field(kind, year), "err.year_outside_plan", {"start": plan.start_year, "end": plan.end_year})])
            r = rows.get((kind, year))
            old = r.actual if r else None
            if old == value:
                continue
            if r is None:
                r = PlanTarget(plan_id=plan_id, kind=kind, fiscal_year=year)
            r.actual = value
            s.add(r)
            before[target_field(kind, year)] = old
            after[target_field(kind, year)] = value
        if after:
            audit.record(s, actor, "update", "plan_target", plan_id, before=before, after=after)
