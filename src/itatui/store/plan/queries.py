"""Reads for the plan table (Part 2), project sheets (Part 3), the project form, targets and the summary.

Every function takes the engine and the acting user, opens one short session, checks permissions, and hands
back plain frozen dataclasses (never ORM rows). The project list is paged: ``list_project_rows`` returns one
page plus the filtered total, while dimensions, missions and totals (small, bounded by the plan's structure)
come from ``plan_outline`` and ``plan_totals`` with SQL aggregation.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, and_, case, cast, func, or_
from sqlalchemy.engine import Engine
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from itatui.domain.eplan import MAX_PROJECT_NUMBER, NO_REPORT, PlanError, PlanTargetKind, Status
from itatui.domain.roles import Actor, Perm, require
from itatui.domain.thai import to_arabic
from itatui.store.db import session_scope
from itatui.store.models import (
    Budget,
    Dimension,
    Mission,
    Plan,
    PlanTarget,
    ProgressReport,
    Project,
    ProjectUnit,
    TargetGroup,
    Unit,
)
from itatui.store.plan.drafts import _budget_text, format_target_group
from itatui.store.plan.progress import infos as progress_infos
from itatui.store.plan.progress import kpi_infos
from itatui.store.plan.types import (
    DimensionInfo,
    DimensionSummary,
    MissionChoice,
    MissionInfo,
    PlanFilter,
    PlanInfo,
    PlanOutline,
    PlanSummary,
    PlanTotals,
    PlanView,
    ProjectDraft,
    ProjectFormData,
    ProjectPage,
    ProjectRow,
    ProjectSheet,
    TargetGroupInfo,
    TargetInfo,
    UnitInfo,
)
from itatui.store.sql import contains

PAGE_SIZE = 200  # project rows per query; a plan rarely has more, but the table never asks for all at once


def _plan_info(p: Plan) -> PlanInfo:
    return PlanInfo(p.id or 0, p.organisation_id, p.title, p.start_year, p.end_year)


def _get_plan(s: Session, plan_id: int) -> Plan:
    plan = s.get(Plan, plan_id)
    if plan is None:
        raise PlanError("err.plan_not_found", id=plan_id)
    return plan


def _add(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return a + b


def _latest_status_rows(fiscal_year: int):  # noqa: ANN202 - a SQLAlchemy subquery
    """(project_id, status, amount_spent) of each project's latest round in ``fiscal_year``."""
    inner = aliased(ProgressReport)
    latest_round = (
        select(func.max(inner.round))
        .where(inner.project_id == ProgressReport.project_id, inner.fiscal_year == fiscal_year)
        .scalar_subquery()
    )
    return (
        select(ProgressReport.project_id, ProgressReport.status, ProgressReport.amount_spent)
        .where(ProgressReport.fiscal_year == fiscal_year, ProgressReport.round == latest_round)
        .subquery()
    )


def _filter_conditions(plan_id: int, flt: PlanFilter) -> list[Any]:
    conds: list[Any] = [Project.plan_id == plan_id]
    text = flt.text.strip()
    if text:
        like = contains(func.lower(Project.name), text.lower())
        sheet_like = contains(func.lower(Project.sheet_name), text.lower())
        number = to_arabic(text).rstrip(")").strip()
        alts = [like, sheet_like]
        # A number too long to be a project's (e.g. a pasted ID) matches by text only, never overflows.
        if number.isdigit() and int(number) <= MAX_PROJECT_NUMBER:
            alts.append(Project.number == int(number))
        conds.append(or_(*alts))
    if flt.dimension_id is not None:
        conds.append(Mission.dimension_id == flt.dimension_id)
    if flt.unit_id is not None:
        # A project of "ทุกส่วนราชการ" is every unit's business, so it stays in a unit's view.
        all_units = select(Unit.id).where(col(Unit.is_all).is_(True))
        conds.append(
            col(Project.id).in_(
                select(ProjectUnit.project_id).where(
                    or_(ProjectUnit.unit_id == flt.unit_id, col(ProjectUnit.unit_id).in_(all_units))
                )
            )
        )
    if flt.status:
        if flt.fiscal_year is None:
            raise ValueError("a status filter needs a fiscal year")
        latest = _latest_status_rows(flt.fiscal_year)
        reported = select(latest.c.project_id).where(latest.c.status != "")
        if flt.status == NO_REPORT:
            conds.append(col(Project.id).not_in(reported))
        else:
            conds.append(col(Project.id).in_(select(latest.c.project_id).where(latest.c.status == flt.status)))
    return conds


def current_plan(
    engine: Engine, actor: Actor, *, organisation_id: int | None = None, fiscal_year: int | None = None
) -> PlanInfo | None:
    """The plan to show: the newest one covering ``fiscal_year`` if any, else the newest one."""
    require(actor, Perm.PLAN_VIEW)
    with session_scope(engine) as s:
        return _current_plan(s, organisation_id, fiscal_year)


def get_plan(engine: Engine, actor: Actor, plan_id: int) -> PlanInfo:
    require(actor, Perm.PLAN_VIEW)
    with session_scope(engine) as s:
        return _plan_row(s, plan_id)


def list_units(engine: Engine, actor: Actor, organisation_id: int) -> list[UnitInfo]:
    require(actor, Perm.PLAN_VIEW)
    with session_scope(engine) as s:
        return _units(s, organisation_id)


def plan_outline(engine: Engine, actor: Actor, plan_id: int) -> PlanOutline:
    """Dimensions and their missions in document order, with each mission's project count."""
    require(actor, Perm.PLAN_VIEW)
    with session_scope(engine) as s:
        return _outline(s, _plan_row(s, plan_id))


def plan_totals(engine: Engine, actor: Actor, plan_id: int, flt: PlanFilter | None = None) -> PlanTotals:
    """Per-dimension subtotals and grand totals per year, and counts, of the projects the filter keeps."""
    require(actor, Perm.PLAN_VIEW)
    with session_scope(engine) as s:
        return _totals(s, _plan_row(s, plan_id), flt or PlanFilter())


def list_project_rows(
    engine: Engine, actor: Actor, plan_id: int, flt: PlanFilter | None = None, *, offset: int = 0, limit: int | None = None
) -> ProjectPage:
    """One page (``PAGE_SIZE`` rows unless ``limit``) in document order (dimension, mission, number) and the
    filtered total."""
    require(actor, Perm.PLAN_VIEW)
    with session_scope(engine) as s:
        return _page(s, _plan_row(s, plan_id), flt or PlanFilter(), offset, limit)


def plan_view(
    engine: Engine,
    actor: Actor,
    flt: PlanFilter | None = None,
    *,
    plan_id: int | None = None,
    organisation_id: int | None = None,
) -> PlanView | None:
    """``plan_outline``, ``plan_totals``, the first page of ``list_project_rows`` and ``list_units`` of one plan,
    in one session (one snapshot, seven statements). ``plan_id`` None: the organisation's ``current_plan`` for
    the filter's fiscal year, and None when there is none. An unknown ``plan_id`` raises ``PlanError``."""
    require(actor, Perm.PLAN_VIEW)
    flt = flt or PlanFilter()
    with session_scope(engine) as s:
        plan = _plan_row(s, plan_id) if plan_id is not None else _current_plan(s, organisation_id, flt.fiscal_year)
        if plan is None:
            return None
        return PlanView(
            plan=plan,
            outline=_outline(s, plan),
            totals=_totals(s, plan, flt),
            page=_page(s, plan, flt, 0, None),
            units=tuple(_units(s, plan.organisation_id)),
        )


_PLAN_COLUMNS = (Plan.id, Plan.organisation_id, Plan.title, Plan.start_year, Plan.end_year)


def _plan_row(s: Session, plan_id: int) -> PlanInfo:
    row = s.exec(select(*_PLAN_COLUMNS).where(Plan.id == plan_id)).first()
    if row is None:
        raise PlanError("err.plan_not_found", id=plan_id)
    return PlanInfo(*row)


def _current_plan(s: Session, organisation_id: int | None, fiscal_year: int | None) -> PlanInfo | None:
    q = select(*_PLAN_COLUMNS)
    if organisation_id is not None:
        q = q.where(Plan.organisation_id == organisation_id)
    if fiscal_year is not None:
        # Plans covering the year first, newest first within each group.
        covers = and_(Plan.start_year <= fiscal_year, Plan.end_year >= fiscal_year)
        q = q.order_by(case((covers, 0), else_=1), col(Plan.id).desc())
    else:
        q = q.order_by(col(Plan.id).desc())
    row = s.exec(q.limit(1)).first()
    return PlanInfo(*row) if row else None


def _units(s: Session, organisation_id: int) -> list[UnitInfo]:
    rows = s.exec(
        select(Unit.id, Unit.code, Unit.name, Unit.is_all).where(Unit.organisation_id == organisation_id).order_by(col(Unit.id))
    ).all()
    return [UnitInfo(uid or 0, code, name, is_all) for uid, code, name, is_all in rows]


def _outline(s: Session, plan: PlanInfo) -> PlanOutline:
    counts = (
        select(Project.mission_id, func.count().label("n"))
        .where(Project.plan_id == plan.id)
        .group_by(Project.mission_id)
        .subquery()
    )
    rows = s.exec(
        select(Dimension.id, Dimension.number, Dimension.name, Mission.id, Mission.code, Mission.name, counts.c.n)
        .select_from(Dimension)
        .outerjoin(Mission, Mission.dimension_id == Dimension.id)
        .outerjoin(counts, counts.c.mission_id == Mission.id)
        .where(Dimension.plan_id == plan.id)
        .order_by(col(Dimension.number), col(Mission.position), col(Mission.id))
    ).all()
    dims: dict[int, tuple[int, str]] = {}
    missions: dict[int, list[MissionInfo]] = {}
    for dim_id, number, dim_name, mission_id, code, mission_name, n in rows:
        dims.setdefault(dim_id, (number, dim_name))
        found = missions.setdefault(dim_id, [])
        if mission_id is not None:  # a dimension without missions comes once, with NULLs
            found.append(MissionInfo(mission_id, dim_id, code, mission_name, n or 0))
    return PlanOutline(
        plan=plan,
        dimensions=tuple(DimensionInfo(d, number, name, tuple(missions[d])) for d, (number, name) in dims.items()),
    )


def _totals(s: Session, plan: PlanInfo, flt: PlanFilter) -> PlanTotals:
    years = plan.years
    conds = _filter_conditions(plan.id, flt)
    sums = s.exec(
        select(Mission.dimension_id, Budget.fiscal_year, func.sum(Budget.amount))
        .select_from(Budget)
        .join(Project, Project.id == Budget.project_id)
        .join(Mission, Mission.id == Project.mission_id)
        .where(*conds)
        .group_by(Mission.dimension_id, Budget.fiscal_year)
    ).all()
    counted = s.exec(
        select(Mission.dimension_id, Project.mission_id, func.count())
        .select_from(Project)
        .join(Mission, Mission.id == Project.mission_id)
        .where(*conds)
        .group_by(Project.mission_id, Mission.dimension_id)
    ).all()
    mission_counts: dict[int, int] = {}
    dimension_counts: dict[int, int] = {}
    for dim_id, mission_id, n in counted:
        mission_counts[mission_id] = n
        dimension_counts[dim_id] = dimension_counts.get(dim_id, 0) + n
    table: dict[int, dict[int, int | None]] = {}
    for dim_id, year, total in sums:
        table.setdefault(dim_id, {})[year] = None if total is None else int(total)
    by_dimension = {d: tuple(vals.get(y) for y in years) for d, vals in table.items()}
    grand = tuple(_sum_or_none(vals.get(y) for vals in table.values()) for y in years)
    return PlanTotals(
        years=years,
        by_dimension=by_dimension,
        dimension_counts=dimension_counts,
        mission_counts=mission_counts,
        grand=grand,
        count=sum(mission_counts.values()),
    )


def _sum_or_none(values) -> int | None:  # noqa: ANN001
    out: int | None = None
    for v in values:
        out = _add(out, v)
    return out


_UNIT_SEP, _PAIR_SEP = "\x1f", "\x1e"  # inside the aggregated "id<US>code<RS>id<US>code" of a project's units


def _unit_codes(packed: str | None) -> tuple[str, ...]:
    """The codes from the aggregated string, in unit id order (as the plan lists them)."""
    if not packed:
        return ()
    pairs = (item.split(_UNIT_SEP, 1) for item in packed.split(_PAIR_SEP))
    return tuple(code for _, code in sorted(pairs, key=lambda pair: int(pair[0])))


def _page(s: Session, plan: PlanInfo, flt: PlanFilter, offset: int, limit: int | None) -> ProjectPage:
    limit = max(1, min(PAGE_SIZE if limit is None else limit, 1000))
    years = plan.years
    conds = _filter_conditions(plan.id, flt)
    total = s.exec(
        select(func.count()).select_from(Project).join(Mission, Mission.id == Project.mission_id).where(*conds)
    ).one()
    # One row per project: each year's budget and the units are looked up per row inside the database.
    budget_cols = [
        select(Budget.amount).where(Budget.project_id == Project.id, Budget.fiscal_year == y).scalar_subquery()
        for y in years
    ]
    units_col = (
        select(func.aggregate_strings(cast(Unit.id, String) + _UNIT_SEP + Unit.code, _PAIR_SEP))
        .select_from(ProjectUnit)
        .join(Unit, Unit.id == ProjectUnit.unit_id)
        .where(ProjectUnit.project_id == Project.id)
        .scalar_subquery()
    )
    q = (
        select(Project.id, Project.number, Project.name, Project.kind, Mission.dimension_id, Project.mission_id, units_col, *budget_cols)
        .join(Mission, Mission.id == Project.mission_id)
        .join(Dimension, Dimension.id == Mission.dimension_id)
    )
    if flt.fiscal_year is not None:
        latest = _latest_status_rows(flt.fiscal_year)
        q = q.add_columns(latest.c.status).outerjoin(latest, latest.c.project_id == Project.id)
    rows = s.exec(
        q.where(*conds)
        .order_by(col(Dimension.number), col(Mission.position), col(Mission.id), col(Project.number))
        .offset(offset)
        .limit(limit)
    ).all()
    n = len(years)
    out = tuple(
        ProjectRow(
            id=r[0] or 0,
            number=r[1],
            name=r[2],
            kind=r[3],
            dimension_id=r[4],
            mission_id=r[5],
            budgets=tuple(r[7 : 7 + n]),
            units=_unit_codes(r[6]),
            status=(r[7 + n] or "") if flt.fiscal_year is not None else "",
        )
        for r in rows
    )
    return ProjectPage(rows=out, offset=offset, total=total)


def project_sheet(engine: Engine, actor: Actor, project_id: int, fiscal_year: int | None = None) -> ProjectSheet:
    """Everything of one project; KPI actuals for ``fiscal_year`` (default: the plan's first year)."""
    require(actor, Perm.PLAN_VIEW)
    with session_scope(engine) as s:
        p = s.get(Project, project_id)
        if p is None:
            raise PlanError("err.project_not_found", id=project_id)
        plan = _get_plan(s, p.plan_id)
        years = _plan_info(plan).years
        fy = fiscal_year if fiscal_year is not None else years[0]
        mission = s.get(Mission, p.mission_id)
        assert mission is not None
        dim = s.get(Dimension, mission.dimension_id)
        assert dim is not None
        groups = s.exec(select(TargetGroup).where(TargetGroup.project_id == project_id).order_by(col(TargetGroup.position), col(TargetGroup.id))).all()
        budgets = {b.fiscal_year: b.amount for b in s.exec(select(Budget).where(Budget.project_id == project_id)).all()}
        units = s.exec(
            select(Unit).join(ProjectUnit, ProjectUnit.unit_id == Unit.id).where(ProjectUnit.project_id == project_id).order_by(col(Unit.id))
        ).all()
        reports = s.exec(
            select(ProgressReport)
            .where(ProgressReport.project_id == project_id)
            .order_by(col(ProgressReport.fiscal_year), col(ProgressReport.round))
        ).all()
        return ProjectSheet(
            id=p.id or 0,
            plan_id=p.plan_id,
            number=p.number,
            name=p.name,
            kind=p.kind,
            sheet_name=p.sheet_name,
            dimension_number=dim.number,
            dimension_name=dim.name,
            mission_id=mission.id or 0,
            mission_code=mission.code,
            mission_name=mission.name,
            rationale=p.rationale,
            objectives=tuple(p.objectives or ()),
            target_groups=tuple(TargetGroupInfo(g.description, g.count, g.count_unit) for g in groups),
            eplan_target_groups=tuple(p.eplan_target_groups or ()),
            area=p.area,
            method_steps=tuple(p.method_steps or ()),
            period=p.period,
            budget_text=p.budget_text,
            owner=p.owner,
            outputs=tuple(p.outputs or ()),
            outcomes=tuple(p.outcomes or ()),
            kpis=tuple(kpi_infos(s, project_id, fy)),
            fiscal_year=fy,
            budgets=tuple((y, budgets.get(y)) for y in years),
            units=tuple(UnitInfo(u.id or 0, u.code, u.name, u.is_all) for u in units),
            progress=tuple(progress_infos(s, list(reports))),
            updated_at=p.updated_at,
        )


def _mission_label(m: Mission) -> str:
    return f"{m.code} {' '.join(m.name.split())}"


def project_form_data(
    engine: Engine, actor: Actor, plan_id: int, project_id: int | None = None, *, mission_id: int | None = None
) -> ProjectFormData:
    """Initial values for the form: an existing project's, or a blank one under ``mission_id`` numbered next."""
    require(actor, Perm.PLAN_VIEW)
    with session_scope(engine) as s:
        plan = _get_plan(s, plan_id)
        info = _plan_info(plan)
        missions = s.exec(
            select(Mission)
            .join(Dimension, Dimension.id == Mission.dimension_id)
            .where(Dimension.plan_id == plan_id)
            .order_by(col(Dimension.number), col(Mission.position), col(Mission.id))
        ).all()
        units = s.exec(select(Unit).where(Unit.organisation_id == plan.organisation_id).order_by(col(Unit.id))).all()
        version = None
        if project_id is None:
            next_no = (s.exec(select(func.max(Project.number)).where(Project.plan_id == plan_id)).one() or 0) + 1
            draft = ProjectDraft(number=str(next_no), mission_id=mission_id, budgets={y: "" for y in info.years})
        else:
            p = s.get(Project, project_id)
            if p is None or p.plan_id != plan_id:
                raise PlanError("err.project_not_found", id=project_id)
            version = p.version
            budgets = {b.fiscal_year: b.amount for b in s.exec(select(Budget).where(Budget.project_id == project_id)).all()}
            unit_ids = s.exec(select(ProjectUnit.unit_id).where(ProjectUnit.project_id == project_id)).all()
            groups = s.exec(select(TargetGroup).where(TargetGroup.project_id == project_id).order_by(col(TargetGroup.position), col(TargetGroup.id))).all()
            draft = ProjectDraft(
                number=str(p.number),
                name=p.name,
                kind=p.kind,
                mission_id=p.mission_id,
                unit_ids=tuple(sorted(unit_ids)),
                budgets={y: _budget_text(budgets.get(y)) for y in info.years},
                sheet_name=p.sheet_name,
                rationale=p.rationale,
                objectives="\n".join(p.objectives or ()),
                target_groups="\n".join(format_target_group(TargetGroupInfo(g.description, g.count, g.count_unit)) for g in groups),
                eplan_target_groups=tuple(p.eplan_target_groups or ()),
                area=p.area,
                method_steps="\n".join(p.method_steps or ()),
                period=p.period,
                budget_text=p.budget_text,
                owner=p.owner,
                outputs="\n".join(p.outputs or ()),
                outcomes="\n".join(p.outcomes or ()),
            )
        return ProjectFormData(
            plan=info,
            project_id=project_id,
            draft=draft,
            units=tuple(UnitInfo(u.id or 0, u.code, u.name, u.is_all) for u in units),
            missions=tuple(MissionChoice(m.id or 0, _mission_label(m)) for m in missions),
            version=version,
        )


def list_targets(engine: Engine, actor: Actor, plan_id: int) -> list[TargetInfo]:
    """ค่าเป้าหมาย with actuals for every plan year and kind (missing rows come back empty)."""
    require(actor, Perm.PLAN_VIEW)
    with session_scope(engine) as s:
        return _targets(s, _get_plan(s, plan_id))


def _targets(s: Session, plan: Plan) -> list[TargetInfo]:
    rows = {(t.kind, t.fiscal_year): t for t in s.exec(select(PlanTarget).where(PlanTarget.plan_id == plan.id)).all()}
    out = []
    for kind in PlanTargetKind:
        for year in range(plan.start_year, plan.end_year + 1):
            r = rows.get((kind.value, year))
            out.append(TargetInfo(kind.value, year, r.target if r else None, r.actual if r else None))
    return out


def plan_summary(engine: Engine, actor: Actor, plan_id: int, fiscal_year: int) -> PlanSummary:
    """Planned vs spent per dimension and year, targets vs actuals, and projects by status in ``fiscal_year``."""
    require(actor, Perm.PLAN_VIEW)
    with session_scope(engine) as s:
        plan = _get_plan(s, plan_id)
        info = _plan_info(plan)
        years = info.years
        dims = s.exec(select(Dimension).where(Dimension.plan_id == plan_id).order_by(col(Dimension.number))).all()
        planned: dict[tuple[int, int], int | None] = {}
        for dim_id, year, total in s.exec(
            select(Mission.dimension_id, Budget.fiscal_year, func.sum(Budget.amount))
            .join(Project, Project.id == Budget.project_id)
            .join(Mission, Mission.id == Project.mission_id)
            .where(Project.plan_id == plan_id)
            .group_by(Mission.dimension_id, Budget.fiscal_year)
        ).all():
            planned[(dim_id, year)] = None if total is None else int(total)
        spent: dict[tuple[int, int], int | None] = {}
        for year in years:
            latest = _latest_status_rows(year)
            for dim_id, total in s.exec(
                select(Mission.dimension_id, func.sum(latest.c.amount_spent))
                .select_from(latest)
                .join(Project, Project.id == latest.c.project_id)
                .join(Mission, Mission.id == Project.mission_id)
                .where(Project.plan_id == plan_id)
                .group_by(Mission.dimension_id)
            ).all():
                spent[(dim_id, year)] = None if total is None else int(total)
        dimensions = tuple(
            DimensionSummary(
                id=d.id or 0,
                number=d.number,
                name=d.name,
                planned=tuple(planned.get((d.id or 0, y)) for y in years),
                spent=tuple(spent.get((d.id or 0, y)) for y in years),
            )
            for d in dims
        )
        project_count = s.exec(select(func.count()).select_from(Project).where(Project.plan_id == plan_id)).one()
        latest = _latest_status_rows(fiscal_year)
        counts: dict[str, int] = {st.value: 0 for st in Status}
        reported = 0
        for status, n in s.exec(
            select(latest.c.status, func.count())
            .select_from(latest)
            .join(Project, Project.id == latest.c.project_id)
            .where(and_(Project.plan_id == plan_id, latest.c.status != ""))
            .group_by(latest.c.status)
        ).all():
            counts[status] = counts.get(status, 0) + n
            reported += n
        counts[NO_REPORT] = project_count - reported
        return PlanSummary(
            plan=info,
            fiscal_year=fiscal_year,
            dimensions=dimensions,
            planned_total=tuple(_sum_or_none(d.planned[i] for d in dimensions) for i in range(len(years))),
            spent_total=tuple(_sum_or_none(d.spent[i] for d in dimensions) for i in range(len(years))),
            targets=tuple(_targets(s, plan)),
            status_counts=counts,
            project_count=project_count,
        )
