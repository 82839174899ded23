"""Read back what ``itatui export plan --format json`` wrote, into another database, so that exporting it again
gives the same document (apart from its timestamp).

The plan itself goes through the normal importer (the same writer as a plan document, audited there); what a
document cannot hold, and the export does, is written after it in one transaction: progress per project, year
and round, KPI actuals and the targets' actual values. Each change is audited.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import col, select

from itatui.domain.roles import Actor, Perm, require
from itatui.importers.plan_dict import plan_from_dict
from itatui.store import audit
from itatui.store.db import write_scope
from itatui.store.models import Kpi, KpiActual, PlanTarget, ProgressReport, Project
from itatui.store.plan.importing import ImportSummary, import_plan

PROGRESS_FIELDS = ("amount_local_plan", "amount_ordinance", "amount_spent", "status", "not_possible_reason",
                   "reason_text", "remark", "locked")


def import_plan_json(engine: Engine, actor: Actor, data: dict[str, Any]) -> ImportSummary:
    """Store the exported plan ``data`` (requires ``Perm.PLAN_IMPORT``); raises ``PlanFormatError`` for a file
    that is not such an export, ``ImportRefused`` when it would overwrite progress differently."""
    require(actor, Perm.PLAN_IMPORT)
    parsed = plan_from_dict(data)
    summary = import_plan(engine, actor, parsed, source_name=parsed.source_name)
    with write_scope(engine) as s:
        plan_id = summary.plan_id
        projects = {p.number: p for p in s.exec(select(Project).where(Project.plan_id == plan_id)).all()}
        for pj in (p for d in data["dimensions"] for m in d["missions"] for p in m["projects"]):
            project = projects.get(int(pj["number"]))
            if project is None:
                continue
            for row in pj.get("progress") or []:
                _progress(s, actor, project.id or 0, row)
            kpis = s.exec(select(Kpi).where(Kpi.project_id == project.id).order_by(col(Kpi.id))).all()
            for kpi, k in zip(kpis, pj.get("kpis") or []):
                for a in k.get("actuals") or []:
                    _kpi_actual(s, actor, kpi.id or 0, a)
        for t in data.get("targets") or []:
            row = s.exec(select(PlanTarget).where(PlanTarget.plan_id == plan_id, PlanTarget.kind == t["kind"],
                                                  PlanTarget.fiscal_year == int(t["fiscal_year"]))).first()
            if row is not None and row.actual != t.get("actual"):
                before = row.actual
                row.actual = t.get("actual")
                s.add(row)
                audit.record(s, actor, "update", "plantarget", row.id, before={"actual": before}, after={"actual": row.actual})
    return summary


def _progress(s: Any, actor: Actor, project_id: int, row: dict[str, Any]) -> None:
    fy, rnd = int(row["fiscal_year"]), int(row["round"])
    r = s.exec(select(ProgressReport).where(ProgressReport.project_id == project_id, ProgressReport.fiscal_year == fy,
                                            ProgressReport.round == rnd)).first()
    values = {k: row.get(k) for k in PROGRESS_FIELDS}
    for k in ("status", "not_possible_reason", "reason_text", "remark"):
        values[k] = values[k] or ""
    values["locked"] = bool(values["locked"])
    if r is None:
        r = ProgressReport(project_id=project_id, fiscal_year=fy, round=rnd, **values)
        before = None
    else:
        before = {k: getattr(r, k) for k in PROGRESS_FIELDS}
        if before == values:
            return
        for k, v in values.items():
            setattr(r, k, v)
    s.add(r)
    s.flush()
    audit.record(s, actor, "import" if before is None else "update", "progressreport", r.id, before=before, after=values)


def _kpi_actual(s: Any, actor: Actor, kpi_id: int, a: dict[str, Any]) -> None:
    fy = int(a["fiscal_year"])
    r = s.exec(select(KpiActual).where(KpiActual.kpi_id == kpi_id, KpiActual.fiscal_year == fy)).first()
    values = {"value": a.get("value"), "note": a.get("note") or ""}
    if r is not None and (r.value, r.note) == (values["value"], values["note"]):
        return
    before = None if r is None else {"value": r.value, "note": r.note}
    r = r or KpiActual(kpi_id=kpi_id, fiscal_year=fy)
    r.value, r.note = values["value"], values["note"]
    s.add(r)
    s.flush()
    audit.record(s, actor, "import" if before is None else "update", "kpiactual", r.id, before=before, after=values)
