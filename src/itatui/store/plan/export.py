"""The whole plan out of the database as JSON-able data (layout: ``importers/plan_dict.py``,
``docs/export-format.md``). Also used by the importer to compare a document with what is stored."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from itatui.domain.eplan import PlanError
from itatui.domain.roles import Actor, Perm, require
from itatui.importers.parsed import (
    ParsedBudget,
    ParsedDimension,
    ParsedKpi,
    ParsedMission,
    ParsedOrganisation,
    ParsedPlan,
    ParsedProject,
    ParsedRiskControl,
    ParsedRiskIssue,
    ParsedRiskProcess,
    ParsedSheet,
    ParsedTarget,
    ParsedTargetGroup,
    ParsedUnit,
)
from itatui.importers.plan_dict import plan_to_dict
from itatui.store.db import session_scope
from itatui.store.models import (
    Budget,
    Dimension,
    Kpi,
    KpiActual,
    Mission,
    Organisation,
    Plan,
    PlanTarget,
    ProgressReport,
    Project,
    ProjectUnit,
    RiskAssessment,
    RiskControl,
    RiskIssue,
    RiskProcess,
    TargetGroup,
    Unit,
)


def export_plan(engine: Engine, actor: Actor, plan_id: int | None = None, *, generated_at: datetime | None = None) -> dict[str, Any]:
    """The plan ``plan_id`` (default: the latest imported) with progress and KPI actuals, ready for ``json.dump``."""
    require(actor, Perm.PLAN_VIEW)
    with session_scope(engine) as s:
        if plan_id is None:
            plan_id = s.exec(select(Plan.id).order_by(col(Plan.imported_at).desc(), col(Plan.id).desc())).first()
            if plan_id is None:
                raise PlanError("import.err.no_plan")
        elif s.get(Plan, plan_id) is None:
            raise PlanError("import.err.no_such_plan", plan_id=plan_id)
        parsed, progress, actuals = load_plan(s, plan_id)
        return plan_to_dict(parsed, generated_at=generated_at, progress=progress, kpi_actuals=actuals)


def _progress(r: ProgressReport) -> dict[str, Any]:
    return {
        "fiscal_year": r.fiscal_year,
        "round": r.round,
        "amount_local_plan": r.amount_local_plan,
        "amount_ordinance": r.amount_ordinance,
        "amount_spent": r.amount_spent,
        "status": r.status,
        "not_possible_reason": r.not_possible_reason,
        "reason_text": r.reason_text,
        "remark": r.remark,
        "locked": r.locked,
    }


def load_plan(
    s: Session, plan_id: int
) -> tuple[ParsedPlan, dict[int, list[dict[str, Any]]], dict[tuple[int, int], list[dict[str, Any]]]]:
    """The stored plan as a ``ParsedPlan``, plus progress by project number and KPI actuals by (number, index)."""
    plan = s.get(Plan, plan_id)
    assert plan is not None
    org = s.get(Organisation, plan.organisation_id)
    assert org is not None
    units = s.exec(select(Unit).where(Unit.organisation_id == org.id).order_by(col(Unit.id))).all()
    unit_code = {u.id: u.code for u in units}
    parsed = ParsedPlan(
        organisation=ParsedOrganisation(org.name, org.district, org.province),
        title=plan.title,
        start_year=plan.start_year,
        end_year=plan.end_year,
        declared_total=plan.declared_total,
        source_name=plan.source_name,
        source_sha256=plan.source_sha256,
        units=[ParsedUnit(u.code, u.name, u.is_all) for u in units],
    )
    projects = s.exec(select(Project).where(Project.plan_id == plan_id).order_by(col(Project.number))).all()
    ids = [p.id for p in projects]
    by_project: dict[int, dict[str, list[Any]]] = {pid: {"b": [], "u": [], "g": [], "k": [], "r": []} for pid in ids if pid}
    for b in s.exec(select(Budget).where(col(Budget.project_id).in_(ids)).order_by(col(Budget.fiscal_year))).all():
        by_project[b.project_id]["b"].append(b)
    for link in s.exec(select(ProjectUnit).where(col(ProjectUnit.project_id).in_(ids)).order_by(col(ProjectUnit.unit_id))).all():
        by_project[link.project_id]["u"].append(unit_code.get(link.unit_id, ""))
    for g in s.exec(select(TargetGroup).where(col(TargetGroup.project_id).in_(ids)).order_by(col(TargetGroup.position), col(TargetGroup.id))).all():
        by_project[g.project_id]["g"].append(g)
    kpis = s.exec(select(Kpi).where(col(Kpi.project_id).in_(ids)).order_by(col(Kpi.id))).all()
    for k in kpis:
        by_project[k.project_id]["k"].append(k)
    kpi_ids = [k.id for k in kpis]
    actual_rows: dict[int, list[dict[str, Any]]] = {}
    for a in s.exec(select(KpiActual).where(col(KpiActual.kpi_id).in_(kpi_ids)).order_by(col(KpiActual.fiscal_year))).all():
        actual_rows.setdefault(a.kpi_id, []).append({"fiscal_year": a.fiscal_year, "value": a.value, "note": a.note})
    for r in s.exec(
        select(ProgressReport).where(col(ProgressReport.project_id).in_(ids)).order_by(col(ProgressReport.fiscal_year), col(ProgressReport.round))
    ).all():
        by_project[r.project_id]["r"].append(r)

    progress: dict[int, list[dict[str, Any]]] = {}
    actuals: dict[tuple[int, int], list[dict[str, Any]]] = {}
    by_mission: dict[int, list[ParsedProject]] = {}
    for p in projects:
        rows = by_project[p.id or 0]
        sheet = ParsedSheet(
            p.sheet_name,
            p.sheet_line,
            rationale=p.rationale,
            objectives=list(p.objectives or []),
            target_groups=[ParsedTargetGroup(g.description, g.count, g.count_unit) for g in rows["g"]],
            area=p.area,
            method_steps=list(p.method_steps or []),
            period=p.period,
            budget_text=p.budget_text,
            owner=p.owner,
            outputs=list(p.outputs or []),
            outcomes=list(p.outcomes or []),
            kpis=[ParsedKpi(k.kind, k.indicator, k.comparator, k.target, k.unit) for k in rows["k"]],
        )
        by_mission.setdefault(p.mission_id, []).append(
            ParsedProject(
                p.number,
                p.name,
                p.kind,
                p.source_line,
                budgets=[ParsedBudget(b.fiscal_year, b.amount, b.raw) for b in rows["b"]],
                units=rows["u"],
                sheet=sheet,
                eplan_target_groups=list(p.eplan_target_groups or []),
            )
        )
        if rows["r"]:
            progress[p.number] = [_progress(r) for r in rows["r"]]
        for i, k in enumerate(rows["k"]):
            if k.id in actual_rows:
                actuals[(p.number, i)] = actual_rows[k.id]

    for d in s.exec(select(Dimension).where(Dimension.plan_id == plan_id).order_by(col(Dimension.number))).all():
        dim = ParsedDimension(d.number, d.name, declared_count=d.declared_count)
        for m in s.exec(select(Mission).where(Mission.dimension_id == d.id).order_by(col(Mission.position), col(Mission.id))).all():
            dim.missions.append(ParsedMission(m.code, m.name, projects=by_mission.get(m.id or 0, [])))
        parsed.dimensions.append(dim)
    for t in s.exec(select(PlanTarget).where(PlanTarget.plan_id == plan_id).order_by(col(PlanTarget.kind), col(PlanTarget.fiscal_year))).all():
        parsed.targets.append(ParsedTarget(t.kind, t.fiscal_year, t.target, None, t.actual))
    _load_risk(s, plan_id, parsed)
    return parsed, progress, actuals


def imported_assessment(s: Session, plan_id: int) -> RiskAssessment | None:
    return s.exec(
        select(RiskAssessment).where(RiskAssessment.plan_id == plan_id, RiskAssessment.source == "imported").order_by(col(RiskAssessment.id))
    ).first()


def _load_risk(s: Session, plan_id: int, parsed: ParsedPlan) -> None:
    ra = imported_assessment(s, plan_id)
    if ra is None:
        return
    parsed.risk_title = ra.title
    numbers = dict(s.exec(select(Project.id, Project.number).where(Project.plan_id == plan_id)).all())
    for proc in s.exec(select(RiskProcess).where(RiskProcess.assessment_id == ra.id).order_by(col(RiskProcess.number), col(RiskProcess.id))).all():
        issues = s.exec(select(RiskIssue).where(RiskIssue.process_id == proc.id).order_by(col(RiskIssue.number), col(RiskIssue.id))).all()
        controls = s.exec(select(RiskControl).where(RiskControl.process_id == proc.id).order_by(col(RiskControl.number), col(RiskControl.id))).all()
        parsed.risks.append(
            ParsedRiskProcess(
                proc.number,
                proc.name,
                category=proc.category,
                issues=[ParsedRiskIssue(i.number, i.description, i.level, i.likelihood, i.impact) for i in issues],
                controls=[ParsedRiskControl(c.number, c.text, numbers.get(c.project_id) if c.project_id else None) for c in controls],
            )
        )
