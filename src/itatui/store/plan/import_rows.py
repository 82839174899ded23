"""Rows a plan document writes, shared by a first import (``importing``) and an update in place
(``import_update``), and the refusal both may raise."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from itatui.domain.eplan import PlanError
from itatui.importers.parsed import ParsedProject, ParsedRiskProcess
from itatui.store.models import Budget, Kpi, Project, ProjectUnit, RiskControl, RiskIssue, RiskProcess, TargetGroup
from itatui.store.models.base import utcnow


class ImportRefused(PlanError):
    """The document cannot be imported over the stored plan without losing data users entered."""


@dataclass(frozen=True)
class BudgetChange:
    number: int
    fiscal_year: int
    old: int | None
    new: int | None


LOCATION_KEYS = ("source_line", "sheet_line")


def without_locations(project: dict[str, Any]) -> dict[str, Any]:
    """A project's content without where the document printed it (lines move when text above them changes)."""
    return {k: v for k, v in project.items() if k not in LOCATION_KEYS}


def project_snapshot(p: ParsedProject) -> dict[str, Any]:
    """The audited view of an imported project (the full sheet stays in the project row itself)."""
    return {
        "number": p.number,
        "name": p.name,
        "kind": p.kind,
        "units": list(p.units),
        "budgets": {str(b.fiscal_year): b.amount for b in p.budgets},
        "sheet_name": p.sheet.name if p.sheet else "",
    }


def set_project_fields(project: Project, p: ParsedProject) -> None:
    sheet = p.sheet
    project.number = p.number
    project.name = p.name
    project.kind = p.kind
    project.sheet_name = sheet.name if sheet else ""
    project.rationale = sheet.rationale if sheet else ""
    project.objectives = list(sheet.objectives) if sheet else []
    project.area = sheet.area if sheet else ""
    project.method_steps = list(sheet.method_steps) if sheet else []
    project.period = sheet.period if sheet else ""
    project.budget_text = sheet.budget_text if sheet else ""
    project.owner = sheet.owner if sheet else ""
    project.outputs = list(sheet.outputs) if sheet else []
    project.outcomes = list(sheet.outcomes) if sheet else []
    project.eplan_target_groups = list(p.eplan_target_groups)
    project.source_line = p.line
    project.sheet_line = sheet.line if sheet else None
    project.updated_at = utcnow()


def write_project(s: Session, project: Project, p: ParsedProject, unit_ids: dict[str, int]) -> None:
    """A new project row with its budgets, units, target groups and KPIs."""
    set_project_fields(project, p)
    s.add(project)
    s.flush()
    pid = project.id or 0
    for b in p.budgets:
        s.add(Budget(project_id=pid, fiscal_year=b.fiscal_year, amount=b.amount, raw=b.raw))
    for code in dict.fromkeys(p.units):
        s.add(ProjectUnit(project_id=pid, unit_id=unit_ids[code]))
    write_target_groups(s, pid, p)
    for k in p.sheet.kpis if p.sheet else []:
        s.add(Kpi(project_id=pid, kind=k.kind, indicator=k.indicator, comparator=k.comparator, target=k.target, unit=k.unit))
    s.flush()


def write_target_groups(s: Session, pid: int, p: ParsedProject) -> None:
    for i, g in enumerate(p.sheet.target_groups if p.sheet else []):
        s.add(TargetGroup(project_id=pid, position=i, description=g.description, count=g.count, count_unit=g.unit))


def add_process(s: Session, assessment_id: int, proc: ParsedRiskProcess, numbers: dict[int, int]) -> None:
    row = RiskProcess(assessment_id=assessment_id, number=proc.number, name=proc.name, category=proc.category)
    s.add(row)
    s.flush()
    for i in proc.issues:
        s.add(RiskIssue(process_id=row.id or 0, number=i.number, description=i.description, level=i.level, likelihood=i.likelihood, impact=i.impact))
    for c in proc.controls:
        s.add(RiskControl(process_id=row.id or 0, number=c.number, text=c.text, project_id=numbers.get(c.project_number) if c.project_number else None))
    s.flush()
