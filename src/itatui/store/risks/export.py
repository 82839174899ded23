"""``itatui export risks``: every assessment (or one year's) as one JSON document; see docs/export-format.md."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from itatui import __version__
from itatui.domain.roles import Actor, Perm, require
from itatui.store.db import session_scope
from itatui.store.models import Organisation, Project, RiskAssessment, RiskControl, RiskIssue, RiskProcess
from itatui.store.risks.queries import org_id, settings_in
from itatui.store.risks.types import RiskError

FORMAT, VERSION = "itatui.risks", 1


def export_risks(engine: Engine, actor: Actor, fiscal_year: int | None = None, organisation_id: int | None = None) -> dict[str, Any]:
    require(actor, Perm.RISK_VIEW)
    with session_scope(engine) as s:
        oid = org_id(s, organisation_id)
        org = s.get(Organisation, oid)
        settings = settings_in(s, oid)
        q = sa.select(RiskAssessment).where(RiskAssessment.organisation_id == oid)
        if fiscal_year is not None:
            q = q.where(RiskAssessment.fiscal_year == fiscal_year)
        assessments = s.execute(q.order_by(RiskAssessment.fiscal_year, RiskAssessment.id)).scalars().all()
        if fiscal_year is not None and not assessments:
            raise RiskError("risk.err.no_year", year=fiscal_year)
        numbers = dict(s.execute(sa.select(Project.id, Project.number)).all())
        out = []
        for ra in assessments:
            procs = []
            for p in s.execute(sa.select(RiskProcess).where(RiskProcess.assessment_id == ra.id).order_by(RiskProcess.number, RiskProcess.id)).scalars().all():
                issues = s.execute(sa.select(RiskIssue).where(RiskIssue.process_id == p.id).order_by(RiskIssue.number, RiskIssue.id)).scalars().all()
                controls = s.execute(sa.select(RiskControl).where(RiskControl.process_id == p.id).order_by(RiskControl.number, RiskControl.id)).scalars().all()
                issue_numbers = {i.id: i.number for i in issues}
                procs.append({
                    "number": p.number,
                    "name": p.name,
                    "issues": [_issue(i) for i in issues],
                    "controls": [_control(c, numbers, issue_numbers) for c in controls],
                })
            out.append({"fiscal_year": ra.fiscal_year, "title": ra.title, "source": ra.source, "processes": procs})
    return {
        "format": FORMAT,
        "format_version": VERSION,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "generator": f"itatui {__version__}",
        "organisation": org.name if org else "",
        "matrix": settings.matrix.to_dict(),
        "categories": [{"code": c.code, "name_th": c.name_th, "name_en": c.name_en} for c in settings.categories],
        "assessments": out,
    }


def _issue(i: RiskIssue) -> dict[str, Any]:
    return {
        "number": i.number,
        "description": i.description,
        "category": i.category or None,
        "type": i.risk_type or None,
        "likelihood": i.likelihood,
        "impact": i.impact,
        "level": i.level or None,
        "residual_likelihood": i.residual_likelihood,
        "residual_impact": i.residual_impact,
        "residual_level": i.residual_level or None,
        "owner": i.owner or None,
        "treatment": i.treatment or None,
        "status": i.status,
        "next_review": i.next_review.isoformat() if i.next_review else None,
    }


def _control(c: RiskControl, numbers: dict[int, int], issue_numbers: dict[int | None, int]) -> dict[str, Any]:
    return {
        "number": c.number,
        "text": c.text,
        "project_number": numbers.get(c.project_id) if c.project_id else None,
        "issue_number": issue_numbers.get(c.issue_id) if c.issue_id else None,
        "owner": c.owner or None,
        "due": c.due.isoformat() if c.due else None,
        "progress": c.progress,
        "quality": c.quality or None,
        "status": c.monitor or None,
        "result": c.result or None,
    }
