"""Reading the risk register: settings, assessments, the paged register, one risk, the heat map, years side
by side, and the risks a plan project controls. Every call checks ``risk.view``."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from itatui.domain.complaints import ComplaintKind, registry_display
from itatui.domain.fiscal import current_fiscal_year
from itatui.domain.risks import DEFAULT_CATEGORIES, DEFAULT_MATRIX, Monitor, RiskMatrix, is_read_only, matrix_from_dict
from itatui.domain.roles import Actor, Perm, require
from itatui.store.db import session_scope
from itatui.store.models import (
    Complaint,
    ComplaintLink,
    Organisation,
    ProgressReport,
    Project,
    RiskAssessment,
    RiskControl,
    RiskIssue,
    RiskProcess,
    Setting,
)
from itatui.store.risks.types import (
    AssessmentInfo,
    Category,
    ComparisonRow,
    Comparison,
    ControlInfo,
    HeatMap,
    ProcessChoice,
    ProjectProgress,
    ProjectRisk,
    RegisterFilter,
    RegisterPage,
    RegisterRow,
    RiskDetail,
    RiskError,
    RiskSettings,
)

MATRIX_KEY, CATEGORIES_KEY, MONITOR_KEY = "risk.matrix", "risk.categories", "risk.monitor_names"
DEFAULT_MONITOR_NAMES = {
    Monitor.GREEN.value: "ดำเนินการแล้วตามแผน",
    Monitor.YELLOW.value: "ดำเนินการแล้ว แต่ล่าช้า",
    Monitor.ORANGE.value: "ยังไม่ดำเนินการ",
    Monitor.RED.value: "ไม่สามารถดำเนินการได้",
}


# -- organisation and settings -----------------------------------------------------------------------------


def org_id(s: Session, wanted: int | None = None) -> int:
    if wanted is not None:
        if s.get(Organisation, wanted) is None:
            raise RiskError("risk.err.no_organisation")
        return wanted
    oid = s.execute(sa.select(Organisation.id).order_by(Organisation.id).limit(1)).scalar()
    if oid is None:
        raise RiskError("risk.err.no_organisation")
    return oid


def _setting(s: Session, oid: int, key: str) -> Any:
    raw = s.execute(sa.select(Setting.value).where(Setting.organisation_id == oid, Setting.key == key)).scalar()
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


def settings_in(s: Session, oid: int) -> RiskSettings:
    raw = _setting(s, oid, MATRIX_KEY)
    matrix = matrix_from_dict(raw) if raw else DEFAULT_MATRIX
    cats = _setting(s, oid, CATEGORIES_KEY)
    try:
        categories = tuple(Category(str(c["code"]), str(c["name_th"]), str(c.get("name_en", ""))) for c in cats) if cats else ()
    except (KeyError, TypeError):
        categories = ()
    categories = categories or tuple(Category(*c) for c in DEFAULT_CATEGORIES)
    names = dict(DEFAULT_MONITOR_NAMES)
    custom = _setting(s, oid, MONITOR_KEY)
    if isinstance(custom, dict):
        names.update({k: str(v) for k, v in custom.items() if k in names and str(v).strip()})
    return RiskSettings(matrix, categories, names)


def risk_settings(engine: Engine, actor: Actor, organisation_id: int | None = None) -> RiskSettings:
    require(actor, Perm.RISK_VIEW)
    with session_scope(engine) as s:
        return settings_in(s, org_id(s, organisation_id))


# -- assessments ---------------------------------------------------------------------------------------------


def _assessments(s: Session, oid: int, today: date | None) -> list[AssessmentInfo]:
    counts = (
        sa.select(RiskProcess.assessment_id, sa.func.count(RiskIssue.id).label("n"))
        .join(RiskIssue, RiskIssue.process_id == RiskProcess.id)
        .group_by(RiskProcess.assessment_id)
        .subquery()
    )
    rows = s.execute(
        sa.select(RiskAssessment.id, RiskAssessment.fiscal_year, RiskAssessment.title, RiskAssessment.source, counts.c.n)
        .outerjoin(counts, counts.c.assessment_id == RiskAssessment.id)
        .where(RiskAssessment.organisation_id == oid)
        .order_by(RiskAssessment.fiscal_year, RiskAssessment.id)
    ).all()
    if not rows:
        return []
    now, latest = current_fiscal_year(today), max(r[1] for r in rows)
    return [AssessmentInfo(i, fy, title, src, n or 0, is_read_only(fy, now, latest)) for i, fy, title, src, n in rows]


def list_assessments(engine: Engine, actor: Actor, organisation_id: int | None = None, today: date | None = None) -> tuple[AssessmentInfo, ...]:
    require(actor, Perm.RISK_VIEW)
    with session_scope(engine) as s:
        return tuple(_assessments(s, org_id(s, organisation_id), today))


def assessment_info(s: Session, assessment_id: int, today: date | None = None) -> AssessmentInfo:
    ra = s.get(RiskAssessment, assessment_id)
    if ra is None:
        raise RiskError("risk.err.no_assessment")
    return next(a for a in _assessments(s, ra.organisation_id, today) if a.id == assessment_id)


def assessment_for_year(
    engine: Engine, actor: Actor, fiscal_year: int, organisation_id: int | None = None, today: date | None = None
) -> AssessmentInfo | None:
    """The year's assessment; else the latest before it; else the earliest after it (None: no register yet)."""
    all_ = list_assessments(engine, actor, organisation_id, today)
    exact = [a for a in all_ if a.fiscal_year == fiscal_year]
    before = [a for a in all_ if a.fiscal_year < fiscal_year]
    if exact or before:
        return (exact or before)[-1]
    return all_[0] if all_ else None


def process_choices(engine: Engine, actor: Actor, assessment_id: int) -> tuple[ProcessChoice, ...]:
    require(actor, Perm.RISK_VIEW)
    with session_scope(engine) as s:
        rows = s.execute(
            sa.select(RiskProcess.id, RiskProcess.number, RiskProcess.name)
            .where(RiskProcess.assessment_id == assessment_id)
            .order_by(RiskProcess.number)
        ).all()
    return tuple(ProcessChoice(i, n, " ".join(name.split())) for i, n, name in rows)


def owners(engine: Engine, actor: Actor, assessment_id: int) -> tuple[str, ...]:
    """The owner units named in the assessment (for the filter)."""
    require(actor, Perm.RISK_VIEW)
    with session_scope(engine) as s:
        rows = s.execute(
            sa.select(RiskIssue.owner).distinct()
            .join(RiskProcess, RiskProcess.id == RiskIssue.process_id)
            .where(RiskProcess.assessment_id == assessment_id, RiskIssue.owner != "")
            .order_by(RiskIssue.owner)
        ).scalars().all()
    return tuple(rows)


# -- the register --------------------------------------------------------------------------------------------


def _overdue_expr(today: date) -> Any:
    late_control = (
        sa.select(RiskControl.id)
        .where(
            RiskControl.process_id == RiskIssue.process_id,
            sa.or_(RiskControl.issue_id.is_(None), RiskControl.issue_id == RiskIssue.id),
            RiskControl.due < today,
            sa.func.coalesce(RiskControl.progress, 0) < 100,
        )
        .exists()
    )
    return sa.and_(RiskIssue.status != "closed", sa.or_(RiskIssue.next_review < today, late_control))


def _controls_count() -> Any:
    return (
        sa.select(sa.func.count(RiskControl.id))
        .where(RiskControl.process_id == RiskIssue.process_id, sa.or_(RiskControl.issue_id.is_(None), RiskControl.issue_id == RiskIssue.id))
        .scalar_subquery()
    )


def _level_rank(matrix: RiskMatrix, column: Any) -> Any:
    keys = [b.key for b in matrix.bands] + [k for k in ("low", "medium", "high", "very_high") if not matrix.band(k)]
    return sa.case({k: i for i, k in enumerate(keys)}, value=column, else_=-1)


def _register_select(today: date) -> Any:
    return (
        sa.select(
            RiskIssue.id, RiskProcess.id, RiskProcess.number, RiskProcess.name, RiskIssue.number, RiskIssue.description,
            RiskIssue.category, RiskIssue.risk_type, RiskIssue.likelihood, RiskIssue.impact, RiskIssue.level,
            RiskIssue.residual_likelihood, RiskIssue.residual_impact, RiskIssue.residual_level, RiskIssue.owner,
            RiskIssue.treatment, RiskIssue.status, RiskIssue.next_review, _overdue_expr(today).label("overdue"),
            _controls_count().label("controls"), RiskIssue.version,
        )
        .join(RiskProcess, RiskProcess.id == RiskIssue.process_id)
    )


def _row(r: Any) -> RegisterRow:
    return RegisterRow(
        r[0], r[1], r[2], " ".join(r[3].split()), r[4], " ".join(r[5].split()), r[6], r[7], r[8], r[9], r[10],
        r[11], r[12], r[13], r[14], r[15], r[16], r[17], bool(r[18]), int(r[19] or 0), int(r[20]),
    )


def _where(q: Any, flt: RegisterFilter, today: date) -> Any:
    if flt.level == "unscored":
        q = q.where(sa.or_(RiskIssue.likelihood.is_(None), RiskIssue.impact.is_(None)))
    elif flt.level:
        q = q.where(RiskIssue.level == flt.level)
    if flt.category:
        q = q.where(RiskIssue.category == flt.category)
    if flt.status:
        q = q.where(RiskIssue.status == flt.status)
    if flt.owner:
        q = q.where(RiskIssue.owner == flt.owner)
    if flt.overdue:
        q = q.where(_overdue_expr(today))
    if flt.cell:
        lik, imp = (RiskIssue.residual_likelihood, RiskIssue.residual_impact) if flt.residual else (RiskIssue.likelihood, RiskIssue.impact)
        q = q.where(lik == flt.cell[0], imp == flt.cell[1], RiskIssue.status != "closed")  # as the heat map counts
    return q


def register_page(
    engine: Engine,
    actor: Actor,
    assessment_id: int,
    flt: RegisterFilter = RegisterFilter(),
    sort: str = "number",
    descending: bool = False,
    offset: int = 0,
    limit: int = 50,
    today: date | None = None,
) -> RegisterPage:
    """One page of the assessment's risks, filtered and sorted in the database."""
    require(actor, Perm.RISK_VIEW)
    today = today or date.today()
    with session_scope(engine) as s:
        ra = s.get(RiskAssessment, assessment_id)
        if ra is None:
            raise RiskError("risk.err.no_assessment")
        matrix = settings_in(s, ra.organisation_id).matrix
        base = _where(sa.select(RiskIssue.id).join(RiskProcess, RiskProcess.id == RiskIssue.process_id), flt, today)
        base = base.where(RiskProcess.assessment_id == assessment_id)
        total = s.execute(sa.select(sa.func.count()).select_from(base.subquery())).scalar() or 0
        q = _where(_register_select(today), flt, today).where(RiskProcess.assessment_id == assessment_id)
        score = RiskIssue.likelihood * RiskIssue.impact
        keys = {
            "number": [],
            "level": [_level_rank(matrix, RiskIssue.level), sa.func.coalesce(score, 0)],
            "score": [sa.func.coalesce(score, -1)],
            "residual": [_level_rank(matrix, RiskIssue.residual_level), sa.func.coalesce(RiskIssue.residual_likelihood * RiskIssue.residual_impact, -1)],
            "category": [RiskIssue.category],
            "owner": [RiskIssue.owner],
            "status": [RiskIssue.status],
            "review": [sa.func.coalesce(RiskIssue.next_review, date(9999, 12, 31))],
        }.get(sort, [])
        order = [k.desc() if descending else k.asc() for k in keys] + [RiskProcess.number, RiskIssue.number, RiskIssue.id]
        rows = s.execute(q.order_by(*order).offset(offset).limit(limit)).all()
    return RegisterPage(tuple(_row(r) for r in rows), total, offset)


def _project_progress(s: Session, project_ids: set[int], fiscal_year: int) -> dict[int, ProjectProgress]:
    if not project_ids:
        return {}
    names = dict(
        (i, (n, name)) for i, n, name in s.execute(sa.select(Project.id, Project.number, Project.name).where(Project.id.in_(project_ids))).all()
    )
    reports: dict[int, tuple[int, str]] = {}
    for pid, rnd, status in s.execute(
        sa.select(ProgressReport.project_id, ProgressReport.round, ProgressReport.status)
        .where(ProgressReport.project_id.in_(project_ids), ProgressReport.fiscal_year == fiscal_year)
        .order_by(ProgressReport.round)
    ).all():
        reports[pid] = (rnd, status)  # the latest round wins
    out = {}
    for pid, (number, name) in names.items():
        rnd, status = reports.get(pid, (None, ""))
        out[pid] = ProjectProgress(pid, number, " ".join(name.split()), rnd, status)
    return out


def controls_in(s: Session, process_id: int, issue_id: int | None, fiscal_year: int, today: date) -> tuple[ControlInfo, ...]:
    q = sa.select(RiskControl).where(RiskControl.process_id == process_id)
    if issue_id is not None:
        q = q.where(sa.or_(RiskControl.issue_id.is_(None), RiskControl.issue_id == issue_id))
    controls = s.execute(q.order_by(RiskControl.number, RiskControl.id)).scalars().all()
    progress = _project_progress(s, {c.project_id for c in controls if c.project_id}, fiscal_year)
    return tuple(
        ControlInfo(
            c.id or 0, c.process_id, c.issue_id, c.number, " ".join(c.text.split()),
            progress.get(c.project_id) if c.project_id else None, c.owner, c.due, c.progress, c.quality, c.monitor,
            c.result, bool(c.due and c.due < today and (c.progress or 0) < 100),
        )
        for c in controls
    )


def complaint_links(s: Session, issue_id: int) -> tuple[str, ...]:
    """Registry numbers of the corruption complaints linked to the issue: never a name or any other detail."""
    rows = s.execute(
        sa.select(Complaint.kind, Complaint.registry_no, Complaint.fiscal_year)
        .join(ComplaintLink, ComplaintLink.complaint_id == Complaint.id)
        .where(ComplaintLink.risk_issue_id == issue_id, Complaint.kind == ComplaintKind.CORRUPTION.value)
        .distinct()
        .order_by(Complaint.fiscal_year, Complaint.registry_no)
    ).all()
    return tuple(registry_display(k, n, fy) for k, n, fy in rows)


def risk_detail(engine: Engine, actor: Actor, issue_id: int, today: date | None = None) -> RiskDetail:
    require(actor, Perm.RISK_VIEW)
    today = today or date.today()
    with session_scope(engine) as s:
        r = s.execute(_register_select(today).where(RiskIssue.id == issue_id)).first()
        if r is None:
            raise RiskError("risk.err.no_risk")
        row = _row(r)
        aid = s.get(RiskProcess, row.process_id).assessment_id  # type: ignore[union-attr]
        info = assessment_info(s, aid, today)
        controls = controls_in(s, row.process_id, row.id, info.fiscal_year, today)
        numbers = complaint_links(s, issue_id)
    return RiskDetail(row, info, controls, len(numbers), numbers)


# -- heat map and years --------------------------------------------------------------------------------------


def heat_map(engine: Engine, actor: Actor, assessment_id: int, residual: bool = False) -> HeatMap:
    """Risks per (likelihood, impact) cell, in two grouped queries (closed risks are left out)."""
    require(actor, Perm.RISK_VIEW)
    lik, imp, lvl = (
        (RiskIssue.residual_likelihood, RiskIssue.residual_impact, RiskIssue.residual_level)
        if residual else (RiskIssue.likelihood, RiskIssue.impact, RiskIssue.level)
    )
    with session_scope(engine) as s:
        ra = s.get(RiskAssessment, assessment_id)
        if ra is None:
            raise RiskError("risk.err.no_assessment")
        matrix = settings_in(s, ra.organisation_id).matrix
        base = (
            sa.select(lik, imp, lvl, sa.func.count(RiskIssue.id))
            .join(RiskProcess, RiskProcess.id == RiskIssue.process_id)
            .where(RiskProcess.assessment_id == assessment_id, RiskIssue.status != "closed")
            .group_by(lik, imp, lvl)
        )
        counts: dict[tuple[int, int], int] = {}
        unscored: dict[str, int] = {}
        total = 0
        for li, im, level, n in s.execute(base).all():
            total += n
            if li is None or im is None:
                unscored[level or ""] = unscored.get(level or "", 0) + n
            else:
                counts[(li, im)] = counts.get((li, im), 0) + n
    return HeatMap(matrix, residual, counts, unscored, total)


def _year_rows(s: Session, oid: int, fiscal_year: int) -> dict[int, tuple[str, str, str, str]]:
    rows = s.execute(
        sa.select(
            sa.func.coalesce(RiskIssue.lineage_id, RiskIssue.id), RiskProcess.number, RiskIssue.number,
            RiskIssue.description, RiskIssue.level, RiskIssue.status,
        )
        .join(RiskProcess, RiskProcess.id == RiskIssue.process_id)
        .join(RiskAssessment, RiskAssessment.id == RiskProcess.assessment_id)
        .where(RiskAssessment.organisation_id == oid, RiskAssessment.fiscal_year == fiscal_year)
    ).all()
    return {lin: (f"{p}.{n}", " ".join(d.split()), level, status) for lin, p, n, d, level, status in rows}


def compare_years(engine: Engine, actor: Actor, year_a: int, year_b: int, organisation_id: int | None = None) -> Comparison:
    """Year A beside year B (B later): each risk moved up or down a level, stayed, appeared, was closed or dropped."""
    require(actor, Perm.RISK_VIEW)
    with session_scope(engine) as s:
        oid = org_id(s, organisation_id)
        matrix = settings_in(s, oid).matrix
        a, b = _year_rows(s, oid, year_a), _year_rows(s, oid, year_b)
    rows = []
    for lin in sorted(set(a) | set(b), key=lambda k: _code_key((b.get(k) or a.get(k))[0]) + (k,)):  # type: ignore[index]
        ra, rb = a.get(lin), b.get(lin)
        if rb is None:
            change = "gone"
        elif rb[3] == "closed":
            change = "closed"
        elif ra is None:
            change = "new"
        else:
            diff = matrix.rank(rb[2]) - matrix.rank(ra[2])
            change = "up" if diff > 0 else "down" if diff < 0 else "same"
        rows.append(
            ComparisonRow(lin, ra[0] if ra else "", rb[0] if rb else "", (rb or ra)[1], ra[2] if ra else "", rb[2] if rb else "", rb[3] if rb else "", change)  # type: ignore[index]
        )
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.change] = counts.get(r.change, 0) + 1
    return Comparison(year_a, year_b, tuple(rows), counts)


def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(x) for x in code.split(".") if x.isdigit())


def risks_for_project(engine: Engine, actor: Actor, project_id: int) -> tuple[ProjectRisk, ...]:
    """The risk issues a plan project is a control of (every year), latest year first."""
    require(actor, Perm.RISK_VIEW)
    with session_scope(engine) as s:
        rows = s.execute(
            sa.select(RiskIssue.id, RiskAssessment.fiscal_year, RiskProcess.number, RiskIssue.number, RiskIssue.description, RiskIssue.level, RiskIssue.status)
            .join(RiskProcess, RiskProcess.id == RiskIssue.process_id)
            .join(RiskAssessment, RiskAssessment.id == RiskProcess.assessment_id)
            .join(RiskControl, RiskControl.process_id == RiskProcess.id)
            .where(RiskControl.project_id == project_id, sa.or_(RiskControl.issue_id.is_(None), RiskControl.issue_id == RiskIssue.id))
            .distinct()
            .order_by(RiskAssessment.fiscal_year.desc(), RiskProcess.number, RiskIssue.number)
        ).all()
    return tuple(ProjectRisk(i, fy, f"{p}.{n}", " ".join(d.split()), lvl, st) for i, fy, p, n, d, lvl, st in rows)


def project_choices(engine: Engine, actor: Actor, assessment_id: int, text: str = "") -> tuple[ProjectProgress, ...]:
    """Plan projects a control can point to (the organisation's plans), narrowed by name or number."""
    require(actor, Perm.RISK_VIEW)
    from itatui.store.models import Plan

    with session_scope(engine) as s:
        ra = s.get(RiskAssessment, assessment_id)
        if ra is None:
            raise RiskError("risk.err.no_assessment")
        q = sa.select(Project.id).join(Plan, Plan.id == Project.plan_id).where(Plan.organisation_id == ra.organisation_id)
        text = " ".join(text.split())
        if text.isdigit():
            q = q.where(Project.number == int(text))
        elif text:
            q = q.where(Project.name.contains(text, autoescape=True))
        ids = set(s.execute(q.order_by(Project.number).limit(100)).scalars().all())
        found = _project_progress(s, ids, ra.fiscal_year)
    return tuple(sorted(found.values(), key=lambda p: p.number))


def register_edited(s: Session, plan_id: int) -> bool:
    """Whether the office has worked on the plan's imported risk table in the register (the plan re-import
    then keeps the register as it is rather than overwrite scores, controls and follow-up)."""
    return s.execute(
        sa.select(RiskAssessment.id).where(
            RiskAssessment.plan_id == plan_id, RiskAssessment.source == "imported", RiskAssessment.edited_at.is_not(None)
        ).limit(1)
    ).first() is not None
