"""Write a parsed plan document into the database: one write transaction, audited, never duplicated.

The plan is identified by its organisation (by name) and period. A first import creates everything; importing
the same document again changes nothing; a changed document updates the stored plan in place and says what
changed. Progress reports and KPI actuals already entered are never destroyed: a document that would remove a
project carrying them is refused with the reason, and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from itatui.domain.eplan import PlanError
from itatui.domain.roles import Actor, Perm, require
from itatui.i18n import t
from itatui.importers.findings import fmt_baht, fmt_numbers
from itatui.importers.parsed import ParsedPlan
from itatui.importers.plan_dict import document_content, plan_to_dict
from itatui.store import audit
from itatui.store.db import write_scope
from itatui.store.models import Dimension, Mission, Organisation, Plan, PlanTarget, Project, RiskAssessment, Unit
from itatui.store.plan.export import load_plan
from itatui.store.plan.import_rows import (
    BudgetChange,
    ImportRefused,
    add_process,
    project_snapshot,
    without_locations,
    write_project,
)
from itatui.store.plan.import_update import update_plan

__all__ = ["BudgetChange", "ImportRefused", "ImportSummary", "import_plan"]


@dataclass(frozen=True)
class ImportSummary:
    status: str  # created / unchanged / updated
    organisation_id: int
    plan_id: int
    projects: int
    budgets: int
    kpis: int
    risk_issues: int
    added: tuple[int, ...] = ()
    changed: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()
    budget_changes: tuple[BudgetChange, ...] = ()
    other_changes: tuple[str, ...] = ()  # plan / structure / targets / risks

    def lines(self) -> list[str]:
        """The summary in the current language, one line per fact."""
        if self.status == "created":
            return [
                t("import.summary.created", plan_id=self.plan_id, projects=self.projects, budgets=self.budgets, kpis=self.kpis, issues=self.risk_issues)
            ]
        if self.status == "unchanged":
            return [t("import.summary.unchanged", plan_id=self.plan_id)]
        out = [t("import.summary.updated", plan_id=self.plan_id)]
        if self.added:
            out.append(t("import.summary.added", numbers=fmt_numbers(list(self.added))))
        if self.changed:
            out.append(t("import.summary.changed", numbers=fmt_numbers(list(self.changed))))
        if self.removed:
            out.append(t("import.summary.removed", numbers=fmt_numbers(list(self.removed))))
        for c in self.budget_changes:
            out.append(t("import.summary.budget", number=c.number, year=c.fiscal_year, old=fmt_baht(c.old), new=fmt_baht(c.new)))
        if self.other_changes:
            out.append(t("import.summary.other", parts=", ".join(t(f"import.summary.part.{p}") for p in self.other_changes)))
        return out


def import_plan(
    engine: Engine, actor: Actor, parsed: ParsedPlan, *, source_name: str | None = None, organisation_id: int | None = None
) -> ImportSummary:
    """Store ``parsed`` (requires ``Perm.PLAN_IMPORT``) under the organisation ``organisation_id``, or else the one
    named as the document names it (created when missing). Raises ``ImportRefused`` when an update would destroy
    entered progress; then nothing at all is written."""
    require(actor, Perm.PLAN_IMPORT)
    if source_name is not None:
        parsed.source_name = source_name
    desired = plan_to_dict(parsed)
    with write_scope(engine) as s:
        org = _organisation(s, actor, parsed, organisation_id)
        unit_ids = _units(s, actor, org, parsed)
        plan = s.exec(
            select(Plan).where(Plan.organisation_id == org.id, Plan.start_year == parsed.start_year, Plan.end_year == parsed.end_year)
        ).first()
        from itatui.store.plan.findings import keep_findings  # reviewable later from the plan table

        if plan is None:
            plan = _create_plan(s, actor, org, parsed, unit_ids)
            keep_findings(s, plan, parsed, org)
            return _summary("created", org, plan, parsed)
        current = plan_to_dict(load_plan(s, plan.id or 0)[0])
        if _comparable(current) == _comparable(desired):
            _refresh_source(s, actor, plan, parsed)
            keep_findings(s, plan, parsed, org)
            return _summary("unchanged", org, plan, parsed)
        changes = update_plan(s, actor, plan, parsed, unit_ids, current, desired)
        keep_findings(s, plan, parsed, org)
        return _summary("updated", org, plan, parsed, **changes)


def _comparable(data: dict[str, Any]) -> dict[str, Any]:
    # The organisation row and its unit list may have been edited in the app; projects carry their unit codes.
    content = document_content(data)
    out = {k: v for k, v in content.items() if k not in ("organisation", "units")}
    out["dimensions"] = [
        {**d, "missions": [{**m, "projects": [without_locations(p) for p in m["projects"]]} for m in d["missions"]]}
        for d in out["dimensions"]
    ]
    return out


def _refresh_source(s: Session, actor: Actor, plan: Plan, parsed: ParsedPlan) -> None:
    """Same plan, another copy of the document (other name, blank lines moved): keep where things are now."""
    if plan.source_sha256 == parsed.source_sha256 and plan.source_name == parsed.source_name:
        return
    before = {"source_name": plan.source_name, "source_sha256": plan.source_sha256}
    plan.source_name, plan.source_sha256 = parsed.source_name, parsed.source_sha256
    s.add(plan)
    lines = {p.number: p for p in parsed.projects}
    for row in s.exec(select(Project).where(Project.plan_id == plan.id)).all():
        p = lines.get(row.number)
        if p is not None:
            row.source_line, row.sheet_line = p.line, p.sheet.line if p.sheet else None
            s.add(row)
    audit.record(s, actor, "update", "plan", plan.id, before=before, after={"source_name": plan.source_name, "source_sha256": plan.source_sha256})


def _summary(status: str, org: Organisation, plan: Plan, parsed: ParsedPlan, **changes: Any) -> ImportSummary:
    projects = parsed.projects
    return ImportSummary(
        status=status,
        organisation_id=org.id or 0,
        plan_id=plan.id or 0,
        projects=len(projects),
        budgets=sum(len(p.budgets) for p in projects),
        kpis=sum(len(p.sheet.kpis) for p in projects if p.sheet),
        risk_issues=sum(len(r.issues) for r in parsed.risks),
        **changes,
    )


def _organisation(s: Session, actor: Actor, parsed: ParsedPlan, organisation_id: int | None) -> Organisation:
    o = parsed.organisation
    if organisation_id is not None:
        org = s.get(Organisation, organisation_id)
        if org is None:
            raise PlanError("import.err.no_such_organisation", id=organisation_id)
    else:
        org = s.exec(select(Organisation).where(Organisation.name == o.name)).first()
    if org is None:
        org = Organisation(name=o.name, district=o.district, province=o.province)
        s.add(org)
        s.flush()
        audit.record(s, actor, "create", "organisation", org.id, after={"name": org.name, "district": org.district, "province": org.province})
    elif (not org.district and o.district) or (not org.province and o.province):
        before = {"district": org.district, "province": org.province}
        org.district = org.district or o.district
        org.province = org.province or o.province
        s.add(org)
        audit.record(s, actor, "update", "organisation", org.id, before=before, after={"district": org.district, "province": org.province})
    return org


def _units(s: Session, actor: Actor, org: Organisation, parsed: ParsedPlan) -> dict[str, int]:
    """Unit codes → ids, creating the units the document names that the organisation does not have yet."""
    existing = {u.code: u for u in s.exec(select(Unit).where(Unit.organisation_id == org.id)).all()}
    wanted = [(u.code, u.name, u.is_all) for u in parsed.units]
    known = {u.code for u in parsed.units}
    wanted += [(code, "", code == "ทุกส่วนราชการ") for p in parsed.projects for code in p.units if code not in known]
    for code, name, is_all in wanted:
        if code not in existing:
            unit = Unit(organisation_id=org.id or 0, code=code, name=name, is_all=is_all)
            s.add(unit)
            s.flush()
            existing[code] = unit
            audit.record(s, actor, "create", "unit", unit.id, after={"code": code, "name": name, "is_all": is_all})
    return {code: u.id or 0 for code, u in existing.items()}


def _plan_fields(parsed: ParsedPlan) -> dict[str, Any]:
    return {
        "title": parsed.title,
        "declared_total": parsed.declared_total,
        "source_name": parsed.source_name,
        "source_sha256": parsed.source_sha256,
    }


def _create_plan(s: Session, actor: Actor, org: Organisation, parsed: ParsedPlan, unit_ids: dict[str, int]) -> Plan:
    plan = Plan(organisation_id=org.id or 0, start_year=parsed.start_year, end_year=parsed.end_year, **_plan_fields(parsed))
    s.add(plan)
    s.flush()
    pid = plan.id or 0
    numbers: dict[int, int] = {}
    for d in parsed.dimensions:
        dim = Dimension(plan_id=pid, number=d.number, name=d.name, declared_count=d.declared_count)
        s.add(dim)
        s.flush()
        for position, m in enumerate(d.missions):
            mission = Mission(dimension_id=dim.id or 0, code=m.code, position=position, name=m.name)
            s.add(mission)
            s.flush()
            for p in m.projects:
                project = Project(plan_id=pid, mission_id=mission.id or 0, number=p.number, name=p.name)
                write_project(s, project, p, unit_ids)
                numbers[p.number] = project.id or 0
                audit.record(s, actor, "create", "project", project.id, after=project_snapshot(p))
    for target in parsed.targets:
        s.add(PlanTarget(plan_id=pid, kind=target.kind, fiscal_year=target.fiscal_year, target=target.target))
    if parsed.risks or parsed.risk_title:
        ra = RiskAssessment(
            organisation_id=org.id or 0, plan_id=pid, fiscal_year=parsed.start_year, title=parsed.risk_title, source="imported"
        )
        s.add(ra)
        s.flush()
        for proc in parsed.risks:
            add_process(s, ra.id or 0, proc, numbers)
    s.flush()
    audit.record(
        s, actor, "import", "plan", pid,
        after={
            **_plan_fields(parsed),
            "organisation": org.name,
            "period": f"{parsed.start_year}-{parsed.end_year}",
            "dimensions": len(parsed.dimensions),
            "missions": len(parsed.missions),
            "projects": len(parsed.projects),
            "targets": len(parsed.targets),
            "risk_issues": sum(len(r.issues) for r in parsed.risks),
        },
    )
    return plan
