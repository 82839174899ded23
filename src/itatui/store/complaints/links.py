"""What a complaint can be linked to: fraud-risk issues and plan projects, narrowed by text (read-only)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from itatui.domain.roles import Actor, Perm, require
from itatui.store.db import session_scope
from itatui.store.models import Plan, Project, RiskAssessment, RiskIssue, RiskProcess
from itatui.store.sql import contains

LIMIT = 50
RISK, PROJECT = "risk", "project"


@dataclass(frozen=True)
class LinkChoice:
    id: int
    label: str


def link_choices(engine: Engine, actor: Actor, target: str, text: str = "", organisation_id: int | None = None) -> list[LinkChoice]:
    """Risk issues (``target="risk"``) or plan projects whose text contains ``text``; at most ``LIMIT``."""
    require(actor, Perm.COMPLAINT_VIEW)
    text = " ".join(text.split())
    with session_scope(engine) as s:
        if target == RISK:
            q = (
                sa.select(RiskIssue.id, RiskAssessment.fiscal_year, RiskProcess.number, RiskIssue.number, RiskIssue.description)
                .join(RiskProcess, RiskProcess.id == RiskIssue.process_id)
                .join(RiskAssessment, RiskAssessment.id == RiskProcess.assessment_id)
                .order_by(RiskAssessment.fiscal_year.desc(), RiskProcess.number, RiskIssue.number)
            )
            if organisation_id is not None:
                q = q.where(RiskAssessment.organisation_id == organisation_id)
            if text:
                q = q.where(contains(RiskIssue.description, text))
            rows = s.execute(q.limit(LIMIT)).all()
            return [LinkChoice(i, f"{fy} {p}.{n} {' '.join(d.split())}") for i, fy, p, n, d in rows]
        q = sa.select(Project.id, Project.number, Project.name).join(Plan, Plan.id == Project.plan_id).order_by(Plan.id.desc(), Project.number)
        if organisation_id is not None:
            q = q.where(Plan.organisation_id == organisation_id)
        if text:
            q = q.where(contains(Project.name, text))
        return [LinkChoice(i, f"{n}) {' '.join(name.split())}") for i, n, name in s.execute(q.limit(LIMIT)).all()]
