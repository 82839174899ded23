"""Update a stored plan in place from a changed document (called by ``importing.import_plan`` inside its
transaction). Rows are matched by their natural keys (dimension number, mission code, project number, target
kind and year, risk process and issue numbers) so that everything hanging off them — progress reports, KPI
actuals, complaint links — stays attached. Anything that would have to go while something still refers to it
makes the whole import refuse."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session, SQLModel, col, select

from itatui.domain.text import cut_chars
from itatui.domain.roles import Actor
from itatui.importers.parsed import ParsedPlan, ParsedProject
from itatui.importers.plan_dict import document_content
from itatui.store import audit, versioning
from itatui.store.models import (
    Budget,
    Dimension,
    Kpi,
    KpiActual,
    Mission,
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
)
from itatui.store.models.base import utcnow
from itatui.store.plan.export import imported_assessment
from itatui.store.plan.import_rows import (
    BudgetChange,
    ImportRefused,
    add_process,
    project_snapshot,
    set_project_fields,
    without_locations,
    write_project,
    write_target_groups,
)

# Rows the importer itself owns below a project; references from any other table block a removal.
_PROJECT_CHILDREN = {"budget", "kpi", "targetgroup", "projectunit", "riskcontrol"}


def _referrers(s: Session, table: str, row_id: int, own: set[str]) -> list[str]:
    """Tables (other than ``own``) holding a row that points at ``table``.id == ``row_id``."""
    found = []
    for other in SQLModel.metadata.tables.values():
        if other.name in own:
            continue
        for fk in other.foreign_keys:
            if fk.column.table.name == table:
                n = s.execute(sa_select(func.count()).select_from(other).where(fk.parent == row_id)).scalar_one()
                if n:
                    found.append(other.name)
    return found


def _projects_by_number(data: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {p["number"]: p for d in data["dimensions"] for m in d["missions"] for p in m["projects"]}


def update_plan(
    s: Session, actor: Actor, plan: Plan, parsed: ParsedPlan, unit_ids: dict[str, int], current: dict[str, Any], desired: dict[str, Any]
) -> dict[str, Any]:
    now, want = document_content(current), document_content(desired)
    other: list[str] = []
    plan_id = plan.id or 0
    rows = {p.number: p for p in s.exec(select(Project).where(Project.plan_id == plan_id)).all()}
    wanted = {p.number: p for p in parsed.projects}

    removed = sorted(set(rows) - set(wanted))
    for number in removed:
        _check_removable(s, rows[number])

    before = {"title": plan.title, "declared_total": plan.declared_total, "source_name": plan.source_name, "source_sha256": plan.source_sha256}
    plan.title, plan.declared_total = parsed.title, parsed.declared_total
    plan.source_name, plan.source_sha256, plan.imported_at = parsed.source_name, parsed.source_sha256, utcnow()
    s.add(plan)
    b, a = audit.diff(before, {"title": plan.title, "declared_total": plan.declared_total, "source_name": plan.source_name, "source_sha256": plan.source_sha256})
    if now["plan"] != want["plan"]:
        other.append("plan")

    missions = _structure(s, plan_id, parsed)
    if [(d["number"], d["name"], d["declared_count"], [(m["code"], m["name"]) for m in d["missions"]]) for d in now["dimensions"]] != [
        (d["number"], d["name"], d["declared_count"], [(m["code"], m["name"]) for m in d["missions"]]) for d in want["dimensions"]
    ]:
        other.append("structure")

    old_p, new_p = _projects_by_number(now), _projects_by_number(want)
    added, changed, budget_changes = [], [], []
    numbers: dict[int, int] = {}
    for number, p in wanted.items():
        mission_id = missions[_mission_code(parsed, p)]
        row = rows.get(number)
        if row is None:
            row = Project(plan_id=plan_id, mission_id=mission_id, number=number, name=p.name)
            write_project(s, row, p, unit_ids)
            audit.record(s, actor, "create", "project", row.id, after=project_snapshot(p))
            added.append(number)
        elif without_locations(old_p[number]) != without_locations(new_p[number]) or row.mission_id != mission_id:
            old_snap = _snapshot_of(old_p[number])
            row.mission_id = mission_id
            budget_changes += _update_project(s, row, p, unit_ids)
            b2, a2 = audit.diff(old_snap, project_snapshot(p))
            if not a2:  # the detail sheet (or KPIs) changed: log those fields' before and after, not just "changed"
                b2, a2 = audit.diff(_flat(old_p[number]), _flat(new_p[number]))
            version = versioning.claim(s, Project, "project", row.id or 0, None)  # a form opened before sees it
            audit.record(s, actor, "update", "project", row.id, before={**(b2 or {}), "version": version - 1}, after={**(a2 or {}), "version": version})
            changed.append(number)
        elif old_p[number] != new_p[number]:  # only moved in the document
            row.source_line, row.sheet_line = p.line, p.sheet.line if p.sheet else None
            s.add(row)
        numbers[number] = row.id or 0
    for number in removed:
        _delete_project(s, rows[number])
        audit.record(s, actor, "delete", "project", rows[number].id, before={"number": number, "name": rows[number].name})
    _drop_empty_structure(s, plan_id, parsed)

    if now["targets"] != want["targets"]:
        _targets(s, plan_id, parsed)
        other.append("targets")
    if now.get("risk_assessment") != want.get("risk_assessment"):
        from itatui.store.risks.queries import register_edited

        if register_edited(s, plan_id):
            other.append("risks_kept")  # worked on in the register since the import: the office's work stays
        else:
            _risks(s, plan, parsed, numbers)
            other.append("risks")
    audit.record(
        s, actor, "reimport", "plan", plan_id, before=b or None,
        after={**a, "added": added, "changed": changed, "removed": removed, "other": other},
    )
    return {
        "added": tuple(added),
        "changed": tuple(changed),
        "removed": tuple(removed),
        "budget_changes": tuple(budget_changes),
        "other_changes": tuple(other),
    }


def _flat(p: dict[str, Any]) -> dict[str, Any]:
    """A project's content with its sheet's fields as ``sheet.<field>``, so a re-import's audit record names
    exactly what changed in the sheet."""
    content = without_locations(p)
    sheet = content.pop("sheet", None) or {}
    return {**content, **{f"sheet.{k}": v for k, v in sheet.items() if k not in ("line",)}}


def _snapshot_of(p: dict[str, Any]) -> dict[str, Any]:
    return {
        "number": p["number"],
        "name": p["name"],
        "kind": p["kind"],
        "units": list(p["units"]),
        "budgets": {str(b["fiscal_year"]): b["amount"] for b in p["budgets"]},
        "sheet_name": p["sheet"]["name"],
    }


def _mission_code(parsed: ParsedPlan, p: ParsedProject) -> str:
    return next(m.code for m in parsed.missions if p in m.projects)


def _check_removable(s: Session, row: Project) -> None:
    pid = row.id or 0
    if s.exec(select(ProgressReport.id).where(ProgressReport.project_id == pid)).first() is not None:
        raise ImportRefused("import.err.progress_would_be_lost", number=row.number)
    for kpi in s.exec(select(Kpi).where(Kpi.project_id == pid)).all():
        if s.exec(select(KpiActual.id).where(KpiActual.kpi_id == kpi.id)).first() is not None:
            raise ImportRefused("import.err.kpi_actuals_would_be_lost", number=row.number, indicator=cut_chars(kpi.indicator, 60))
    others = _referrers(s, "project", pid, _PROJECT_CHILDREN | {"progressreport"})
    if others:
        raise ImportRefused("import.err.project_referenced", number=row.number, table=", ".join(others))


def _structure(s: Session, plan_id: int, parsed: ParsedPlan) -> dict[str, int]:
    """Create or rename dimensions and missions; returns mission code → id."""
    dims = {d.number: d for d in s.exec(select(Dimension).where(Dimension.plan_id == plan_id)).all()}
    missions = {
        m.code: m
        for m in s.exec(select(Mission).join(Dimension, Dimension.id == Mission.dimension_id).where(Dimension.plan_id == plan_id)).all()
    }
    out: dict[str, int] = {}
    for d in parsed.dimensions:
        dim = dims.get(d.number) or Dimension(plan_id=plan_id, number=d.number, name=d.name)
        dim.name, dim.declared_count = d.name, d.declared_count
        s.add(dim)
        s.flush()
        for position, m in enumerate(d.missions):
            mission = missions.get(m.code) or Mission(dimension_id=dim.id or 0, code=m.code, name=m.name)
            mission.dimension_id, mission.name, mission.position = dim.id or 0, m.name, position
            s.add(mission)
            s.flush()
            out[m.code] = mission.id or 0
    return out


def _drop_empty_structure(s: Session, plan_id: int, parsed: ParsedPlan) -> None:
    codes = {m.code for m in parsed.missions}
    numbers = {d.number for d in parsed.dimensions}
    for m in s.exec(select(Mission).join(Dimension, Dimension.id == Mission.dimension_id).where(Dimension.plan_id == plan_id)).all():
        if m.code not in codes:
            s.delete(m)
    s.flush()
    for d in s.exec(select(Dimension).where(Dimension.plan_id == plan_id)).all():
        if d.number not in numbers:
            s.delete(d)
    s.flush()


# Sheet fields a re-import must not empty just because the new document lacks them (a document that clearly
# empties one is edited in the app instead).
_KEEP_IF_MISSING = ("sheet_name", "rationale", "objectives", "area", "method_steps", "period", "budget_text", "owner",
                    "outputs", "outcomes", "eplan_target_groups")


def _update_project(s: Session, row: Project, p: ParsedProject, unit_ids: dict[str, int]) -> list[BudgetChange]:
    kept = {f: getattr(row, f) for f in _KEEP_IF_MISSING}
    set_project_fields(row, p)
    for field, old in kept.items():
        if old and not getattr(row, field):
            setattr(row, field, old)
    s.add(row)
    pid = row.id or 0
    changes = []
    budgets = {b.fiscal_year: b for b in s.exec(select(Budget).where(Budget.project_id == pid)).all()}
    for b in p.budgets:
        old = budgets.pop(b.fiscal_year, None)
        if old is None:
            s.add(Budget(project_id=pid, fiscal_year=b.fiscal_year, amount=b.amount, raw=b.raw))
            changes.append(BudgetChange(p.number, b.fiscal_year, None, b.amount))
        else:
            if old.amount != b.amount:
                changes.append(BudgetChange(p.number, b.fiscal_year, old.amount, b.amount))
            old.amount, old.raw = b.amount, b.raw
            s.add(old)
    for gone in budgets.values():
        changes.append(BudgetChange(p.number, gone.fiscal_year, gone.amount, None))
        s.delete(gone)
    for link in s.exec(select(ProjectUnit).where(ProjectUnit.project_id == pid)).all():
        s.delete(link)
    s.flush()
    for code in dict.fromkeys(p.units):
        s.add(ProjectUnit(project_id=pid, unit_id=unit_ids[code]))
    for g in s.exec(select(TargetGroup).where(TargetGroup.project_id == pid)).all():
        s.delete(g)
    s.flush()
    write_target_groups(s, pid, p)
    _update_kpis(s, row, p)
    s.flush()
    return changes


def _update_kpis(s: Session, row: Project, p: ParsedProject) -> None:
    """Keep KPI rows (and so their actuals) by matching indicator text, then by order within output/outcome."""
    existing = list(s.exec(select(Kpi).where(Kpi.project_id == row.id).order_by(col(Kpi.id))).all())
    wanted = list(p.sheet.kpis) if p.sheet else []
    pairs: list[tuple[Kpi | None, Any]] = []
    left = list(existing)
    for k in wanted:
        same = next((e for e in left if e.kind == k.kind and e.indicator == k.indicator), None)
        if same:
            left.remove(same)
        pairs.append((same, k))
    for i, (match, k) in enumerate(pairs):
        if match is None:
            same_kind = next((e for e in left if e.kind == k.kind), None)
            if same_kind:
                left.remove(same_kind)
                pairs[i] = (same_kind, k)
    for e in left:
        if s.exec(select(KpiActual.id).where(KpiActual.kpi_id == e.id)).first() is not None:
            raise ImportRefused("import.err.kpi_actuals_would_be_lost", number=row.number, indicator=cut_chars(e.indicator, 60))
        s.delete(e)
    for match, k in pairs:
        kpi = match or Kpi(project_id=row.id or 0, kind=k.kind, indicator=k.indicator)
        kpi.kind, kpi.indicator, kpi.comparator, kpi.target, kpi.unit = k.kind, k.indicator, k.comparator, k.target, k.unit
        s.add(kpi)


def _delete_project(s: Session, row: Project) -> None:
    pid = row.id or 0
    for model in (Budget, Kpi, TargetGroup, ProjectUnit):
        for r in s.exec(select(model).where(model.project_id == pid)).all():
            s.delete(r)
    for c in s.exec(select(RiskControl).where(RiskControl.project_id == pid)).all():
        c.project_id = None  # a risk control of any assessment keeps its text when the project goes
        s.add(c)
    s.flush()
    s.delete(row)
    s.flush()


def _targets(s: Session, plan_id: int, parsed: ParsedPlan) -> None:
    rows = {(t.kind, t.fiscal_year): t for t in s.exec(select(PlanTarget).where(PlanTarget.plan_id == plan_id)).all()}
    for t in parsed.targets:
        row = rows.pop((t.kind, t.fiscal_year), None) or PlanTarget(plan_id=plan_id, kind=t.kind, fiscal_year=t.fiscal_year)
        row.target = t.target
        s.add(row)
    for row in rows.values():
        if row.actual is None:
            s.delete(row)
        else:  # the document dropped the target, but an actual was entered: keep the actual
            row.target = None
            s.add(row)


def _risks(s: Session, plan: Plan, parsed: ParsedPlan, numbers: dict[int, int]) -> None:
    ra = imported_assessment(s, plan.id or 0)
    if ra is None:
        ra = RiskAssessment(
            organisation_id=plan.organisation_id, plan_id=plan.id, fiscal_year=parsed.start_year, title=parsed.risk_title, source="imported"
        )
    ra.title = parsed.risk_title
    s.add(ra)
    s.flush()
    procs = {p.number: p for p in s.exec(select(RiskProcess).where(RiskProcess.assessment_id == ra.id)).all()}
    for proc in parsed.risks:
        row = procs.pop(proc.number, None)
        if row is None:
            add_process(s, ra.id or 0, proc, numbers)
            continue
        row.name, row.category = proc.name, proc.category
        s.add(row)
        issues = {i.number: i for i in s.exec(select(RiskIssue).where(RiskIssue.process_id == row.id)).all()}
        for i in proc.issues:
            issue = issues.pop(i.number, None) or RiskIssue(process_id=row.id or 0, number=i.number, description=i.description)
            if issue.id is not None and (issue.description, issue.level) != (i.description, i.level):
                issue.version = (issue.version or 1) + 1  # a risk form opened before the import must not overwrite it
            issue.description, issue.level = i.description, i.level
            s.add(issue)
        for gone in issues.values():
            if _referrers(s, "riskissue", gone.id or 0, set()):
                raise ImportRefused("import.err.risk_issue_referenced", process=proc.number, issue=gone.number)
            s.delete(gone)
        for c in s.exec(select(RiskControl).where(RiskControl.process_id == row.id)).all():
            s.delete(c)
        s.flush()
        for c in proc.controls:
            s.add(RiskControl(process_id=row.id or 0, number=c.number, text=c.text, project_id=numbers.get(c.project_number) if c.project_number else None))
    for gone in procs.values():
        for issue in s.exec(select(RiskIssue).where(RiskIssue.process_id == gone.id)).all():
            if _referrers(s, "riskissue", issue.id or 0, set()):
                raise ImportRefused("import.err.risk_issue_referenced", process=gone.number, issue=issue.number)
            s.delete(issue)
        for c in s.exec(select(RiskControl).where(RiskControl.process_id == gone.id)).all():
            s.delete(c)
        s.flush()
        s.delete(gone)
    s.flush()
