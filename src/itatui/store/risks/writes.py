"""Changing the risk register: risks, controls, the matrix (with its re-level, confirmed), a new year's
assessment copied from an earlier one. Every call checks ``risk.edit``, refuses a read-only (past) year, and
writes its audit record in the same transaction."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from itatui.domain.risks import Move, RiskMatrix, ScoredRisk, matrix_problems, relevel, relevel_preview
from itatui.domain.roles import Actor, Perm, require
from itatui.domain.validation import ValidationError
from itatui.store import audit, versioning
from itatui.store.db import session_scope, write_scope
from itatui.store.models import Project, RiskAssessment, RiskControl, RiskIssue, RiskProcess, Setting
from itatui.store.models.base import utcnow
from itatui.store.risks.drafts import ControlValues, RiskValues, SettingsValues
from itatui.store.risks.queries import CATEGORIES_KEY, MATRIX_KEY, MONITOR_KEY, assessment_info, org_id, settings_in
from itatui.store.risks.types import RiskError

_ISSUE_FIELDS = (
    "number", "description", "category", "risk_type", "likelihood", "impact", "level", "residual_likelihood",
    "residual_impact", "residual_level", "owner", "treatment", "status", "next_review",
)
_CONTROL_FIELDS = ("number", "text", "project_id", "issue_id", "owner", "due", "progress", "quality", "monitor", "result")


def _snap(row: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    return {f: getattr(row, f) for f in fields}


def _editable(s: Session, assessment_id: int, today: date | None) -> RiskAssessment:
    """The assessment, refused when read-only, and marked edited (a plan re-import leaves it alone from now)."""
    info = assessment_info(s, assessment_id, today)
    if info.read_only:
        raise RiskError("risk.err.read_only", year=info.fiscal_year)
    ra: RiskAssessment = s.get(RiskAssessment, assessment_id)  # type: ignore[assignment]
    ra.edited_at = utcnow()
    s.add(ra)
    return ra


def _issue_assessment(s: Session, issue_id: int) -> tuple[RiskIssue, RiskProcess]:
    issue = s.get(RiskIssue, issue_id)
    if issue is None:
        raise RiskError("risk.err.no_risk")
    return issue, s.get(RiskProcess, issue.process_id)  # type: ignore[return-value]


def save_risk(
    engine: Engine,
    actor: Actor,
    assessment_id: int,
    v: RiskValues,
    issue_id: int | None = None,
    today: date | None = None,
    *,
    opened_version: int | None = None,
) -> int:
    """Create (``issue_id`` None) or update a risk issue; a new process is numbered after the last one.
    ``opened_version``: the version the form showed; another version raises ``EditConflict``."""
    require(actor, Perm.RISK_EDIT)
    with write_scope(engine) as s:
        ra = _editable(s, assessment_id, today)
        if issue_id is not None:
            versioning.check(s, RiskIssue, "riskissue", issue_id, opened_version)
        matrix = settings_in(s, ra.organisation_id).matrix
        if v.process_id is None:
            top = s.execute(sa.select(sa.func.max(RiskProcess.number)).where(RiskProcess.assessment_id == assessment_id)).scalar() or 0
            proc = RiskProcess(assessment_id=assessment_id, number=top + 1, name=v.process_name)
            s.add(proc)
            s.flush()
            audit.record(s, actor, "create", "riskprocess", proc.id, after={"number": proc.number, "name": proc.name, "fiscal_year": ra.fiscal_year})
        else:
            proc = s.get(RiskProcess, v.process_id)
            if proc is None or proc.assessment_id != assessment_id:
                raise ValidationError([_problem("process", "risk.err.choice")])
        if issue_id is None:
            top = s.execute(sa.select(sa.func.max(RiskIssue.number)).where(RiskIssue.process_id == proc.id)).scalar() or 0
            issue = RiskIssue(process_id=proc.id or 0, number=top + 1, description=v.description)
            before: dict[str, Any] = {}
        else:
            issue, old_proc = _issue_assessment(s, issue_id)
            if old_proc.assessment_id != assessment_id:
                raise RiskError("risk.err.no_risk")
            before = _snap(issue, _ISSUE_FIELDS)
            if issue.process_id != proc.id:  # moved to another process: last number there
                top = s.execute(sa.select(sa.func.max(RiskIssue.number)).where(RiskIssue.process_id == proc.id)).scalar() or 0
                issue.process_id, issue.number = proc.id or 0, top + 1
        issue.description, issue.category, issue.risk_type = v.description, v.category, v.risk_type
        issue.likelihood, issue.impact = v.likelihood, v.impact
        issue.level = matrix.level(v.likelihood, v.impact) or v.level
        issue.residual_likelihood, issue.residual_impact = v.residual_likelihood, v.residual_impact
        issue.residual_level = matrix.level(v.residual_likelihood, v.residual_impact) or ""
        issue.owner, issue.treatment, issue.status, issue.next_review = v.owner, v.treatment, v.status, v.next_review
        s.add(issue)
        s.flush()
        after = _snap(issue, _ISSUE_FIELDS)
        if issue_id is None:
            audit.record(s, actor, "create", "riskissue", issue.id, after={**after, "fiscal_year": ra.fiscal_year})
        else:
            b, a = audit.diff(before, after)
            if a:  # a save that changes nothing leaves the version alone
                version = versioning.claim(s, RiskIssue, "riskissue", issue.id or 0, opened_version)
                audit.record(s, actor, "update", "riskissue", issue.id, before={**b, "version": version - 1}, after={**a, "version": version})
        return issue.id or 0


def _problem(field: str, key: str):  # noqa: ANN202
    from itatui.domain.validation import FieldProblem

    return FieldProblem(field, key)


def save_control(
    engine: Engine, actor: Actor, issue_id: int, v: ControlValues, control_id: int | None = None, today: date | None = None
) -> int:
    """Create or update a control of the risk (or of its whole process); the text defaults to the project's name."""
    require(actor, Perm.RISK_EDIT)
    with write_scope(engine) as s:
        issue, proc = _issue_assessment(s, issue_id)
        _editable(s, proc.assessment_id, today)
        text = v.text
        if v.project_id is not None:
            project = s.get(Project, v.project_id)
            if project is None:
                raise ValidationError([_problem("project", "risk.err.choice")])
            text = text or " ".join(project.name.split())
        if control_id is None:
            top = s.execute(sa.select(sa.func.max(RiskControl.number)).where(RiskControl.process_id == proc.id)).scalar() or 0
            control = RiskControl(process_id=proc.id or 0, number=top + 1, text=text)
            before: dict[str, Any] = {}
        else:
            control = s.get(RiskControl, control_id)
            if control is None or control.process_id != proc.id:
                raise RiskError("risk.err.no_control")
            before = _snap(control, _CONTROL_FIELDS)
        control.text, control.project_id = text, v.project_id
        control.issue_id = None if v.whole_process else issue.id
        control.owner, control.due, control.progress = v.owner, v.due, v.progress
        control.quality, control.monitor, control.result = v.quality, v.monitor, v.result
        s.add(control)
        s.flush()
        after = _snap(control, _CONTROL_FIELDS)
        if control_id is None:
            audit.record(s, actor, "create", "riskcontrol", control.id, after=after)
        else:
            b, a = audit.diff(before, after)
            if a:
                audit.record(s, actor, "update", "riskcontrol", control.id, before=b, after=a)
        return control.id or 0


def delete_control(engine: Engine, actor: Actor, control_id: int, today: date | None = None) -> None:
    require(actor, Perm.RISK_EDIT)
    with write_scope(engine) as s:
        control = s.get(RiskControl, control_id)
        if control is None:
            raise RiskError("risk.err.no_control")
        proc = s.get(RiskProcess, control.process_id)
        _editable(s, proc.assessment_id, today)  # type: ignore[union-attr]
        audit.record(s, actor, "delete", "riskcontrol", control.id, before=_snap(control, _CONTROL_FIELDS))
        s.delete(control)


# -- the matrix ----------------------------------------------------------------------------------------------


def _open_risks(s: Session, oid: int, today: date | None) -> list[tuple[RiskIssue, str, int]]:
    """Risks of the assessments still open to change, each with its code ("2570 3.1"): a past year keeps the
    levels it was judged with."""
    from itatui.store.risks.queries import _assessments

    open_years = {a.id: a.fiscal_year for a in _assessments(s, oid, today) if not a.read_only}
    if not open_years:
        return []
    rows = s.execute(
        sa.select(RiskIssue, RiskProcess.assessment_id, RiskProcess.number).join(RiskProcess, RiskProcess.id == RiskIssue.process_id)
        .where(RiskProcess.assessment_id.in_(open_years)).order_by(RiskProcess.assessment_id, RiskProcess.number, RiskIssue.number)
    ).all()
    return [(issue, f"{open_years[aid]} {pn}.{issue.number}", aid) for issue, aid, pn in rows]


def _scored(issue: RiskIssue, code: str = "") -> ScoredRisk:
    label = f"{code} " + " ".join(issue.description.split())[:60] if code else " ".join(issue.description.split())[:80]
    return ScoredRisk(
        issue.id or 0, label, issue.likelihood, issue.impact, issue.level,
        issue.residual_likelihood, issue.residual_impact, issue.residual_level,
    )


def preview_matrix(engine: Engine, actor: Actor, matrix: RiskMatrix, organisation_id: int | None = None, today: date | None = None) -> list[Move]:
    """What the new matrix would change in the open assessments (nothing is written)."""
    require(actor, Perm.RISK_EDIT)
    with session_scope(engine) as s:
        return relevel_preview(matrix, [_scored(i, code) for i, code, _aid in _open_risks(s, org_id(s, organisation_id), today)])


def set_matrix(engine: Engine, actor: Actor, matrix: RiskMatrix, organisation_id: int | None = None, today: date | None = None) -> int:
    """Store the matrix and re-level the open assessments as the preview showed; returns the risks moved.
    A score outside the new size is cleared (the risk keeps its old level, "not yet scored")."""
    require(actor, Perm.RISK_EDIT)
    problems = matrix_problems(matrix)
    if problems:
        raise ValidationError(problems)
    with write_scope(engine) as s:
        oid = org_id(s, organisation_id)
        old = settings_in(s, oid).matrix
        moved = 0
        edited: set[int] = set()
        for issue, _code, aid in _open_risks(s, oid, today):
            r = _scored(issue)
            level, residual, lost = relevel(matrix, r)
            if level == r.level and residual == r.residual_level and not lost:
                continue
            before = _snap(issue, _ISSUE_FIELDS)
            if issue.likelihood is not None and matrix.level(issue.likelihood, issue.impact) is None:
                issue.likelihood = issue.impact = None
            if issue.residual_likelihood is not None and matrix.level(issue.residual_likelihood, issue.residual_impact) is None:
                issue.residual_likelihood = issue.residual_impact = None
            issue.level, issue.residual_level = level, residual
            s.add(issue)
            edited.add(aid)
            s.flush()
            b, a = audit.diff(before, _snap(issue, _ISSUE_FIELDS))
            version = versioning.claim(s, RiskIssue, "riskissue", issue.id or 0, None)  # open risk forms go stale
            audit.record(s, actor, "relevel", "riskissue", issue.id, before={**b, "version": version - 1}, after={**a, "version": version})
            moved += 1
        for aid in edited:
            ra = s.get(RiskAssessment, aid)
            ra.edited_at = utcnow()  # type: ignore[union-attr]
            s.add(ra)
        row = s.execute(sa.select(Setting).where(Setting.organisation_id == oid, Setting.key == MATRIX_KEY)).scalar()
        if row is None:
            row = Setting(organisation_id=oid, key=MATRIX_KEY)
        row.value = json.dumps(matrix.to_dict(), ensure_ascii=False)
        s.add(row)
        s.flush()
        audit.record(s, actor, "update", "setting", MATRIX_KEY, before=old.to_dict(), after={**matrix.to_dict(), "relevelled": moved})
        return moved


# -- years ---------------------------------------------------------------------------------------------------


def start_assessment(
    engine: Engine,
    actor: Actor,
    fiscal_year: int,
    source_id: int | None = None,
    organisation_id: int | None = None,
    today: date | None = None,
) -> int:
    """A new year's assessment: empty, or a copy of ``source_id`` (processes, open and treated risks with their
    scores, and controls with their plan links; progress, colours and results start afresh for the new year)."""
    require(actor, Perm.RISK_EDIT)
    with write_scope(engine) as s:
        oid = org_id(s, organisation_id)
        taken = s.execute(
            sa.select(RiskAssessment.id).where(RiskAssessment.organisation_id == oid, RiskAssessment.fiscal_year == fiscal_year)
        ).first()
        if taken:
            raise RiskError("risk.err.year_taken", year=fiscal_year)
        src = s.get(RiskAssessment, source_id) if source_id is not None else None
        if source_id is not None and (src is None or src.organisation_id != oid):
            raise RiskError("risk.err.no_assessment")
        if src is not None and fiscal_year <= src.fiscal_year:
            raise RiskError("risk.err.year_after", year=src.fiscal_year)
        new = RiskAssessment(
            organisation_id=oid, plan_id=src.plan_id if src else None, fiscal_year=fiscal_year,
            title=src.title if src else "", source="copy" if src else "manual",
        )
        s.add(new)
        s.flush()
        copied = 0
        if src is not None:
            copied = _copy_into(s, src.id or 0, new.id or 0)
        audit.record(
            s, actor, "create", "riskassessment", new.id,
            after={"fiscal_year": fiscal_year, "copied_from": src.fiscal_year if src else None, "risks": copied},
        )
        return new.id or 0


def _copy_into(s: Session, source_id: int, target_id: int) -> int:
    copied = 0
    for proc in s.execute(sa.select(RiskProcess).where(RiskProcess.assessment_id == source_id).order_by(RiskProcess.number)).scalars().all():
        issues = s.execute(
            sa.select(RiskIssue).where(RiskIssue.process_id == proc.id, RiskIssue.status != "closed").order_by(RiskIssue.number)
        ).scalars().all()
        if not issues:
            continue  # a process whose every risk was closed does not come into the new year
        new_proc = RiskProcess(assessment_id=target_id, number=proc.number, name=proc.name, category=proc.category)
        s.add(new_proc)
        s.flush()
        ids: dict[int, int] = {}
        for i in issues:
            row = RiskIssue(
                process_id=new_proc.id or 0, number=i.number, description=i.description, likelihood=i.likelihood,
                impact=i.impact, level=i.level, category=i.category, risk_type=i.risk_type,
                residual_likelihood=i.residual_likelihood, residual_impact=i.residual_impact,
                residual_level=i.residual_level, owner=i.owner, treatment=i.treatment, status=i.status,
                lineage_id=i.lineage_id or i.id,
            )
            s.add(row)
            s.flush()
            ids[i.id or 0] = row.id or 0
            copied += 1
        for c in s.execute(sa.select(RiskControl).where(RiskControl.process_id == proc.id).order_by(RiskControl.number)).scalars().all():
            if c.issue_id is not None and c.issue_id not in ids:
                continue  # the control of a closed risk
            s.add(
                RiskControl(
                    process_id=new_proc.id or 0, number=c.number, text=c.text, project_id=c.project_id,
                    issue_id=ids.get(c.issue_id) if c.issue_id else None, owner=c.owner, quality=c.quality,
                )
            )
    s.flush()
    return copied


def save_settings(engine: Engine, actor: Actor, values: SettingsValues, organisation_id: int | None = None) -> None:
    """The organisation's risk categories and monitoring-colour names. A category still used by a risk of an open
    year cannot be removed (past years keep their codes and show them as stored)."""
    require(actor, Perm.RISK_EDIT)
    with write_scope(engine) as s:
        oid = org_id(s, organisation_id)
        before = settings_in(s, oid)
        kept = {code for code, _th, _en in values.categories}
        for c in before.categories:
            if c.code in kept:
                continue
            used = s.execute(
                sa.select(RiskIssue.id).join(RiskProcess, RiskProcess.id == RiskIssue.process_id)
                .join(RiskAssessment, RiskAssessment.id == RiskProcess.assessment_id)
                .where(RiskAssessment.organisation_id == oid, RiskIssue.category == c.code).limit(1)
            ).first()
            if used:
                raise ValidationError([_problem(f"cat_{c.code}_th", "risk.err.category_in_use")])
        cats = [{"code": c, "name_th": th, "name_en": en} for c, th, en in values.categories]
        for key, value, old in (
            (CATEGORIES_KEY, cats, [{"code": c.code, "name_th": c.name_th, "name_en": c.name_en} for c in before.categories]),
            (MONITOR_KEY, values.monitor_names, before.monitor_names),
        ):
            if value == old:
                continue
            row = s.execute(sa.select(Setting).where(Setting.organisation_id == oid, Setting.key == key)).scalar()
            if row is None:
                row = Setting(organisation_id=oid, key=key)
            row.value = json.dumps(value, ensure_ascii=False)
            s.add(row)
            s.flush()
            audit.record(s, actor, "update", "setting", key, before=old, after=value)
