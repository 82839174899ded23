"""The risk documents as plain data, for printing (the reports area renders them; no UI, no layout here).

- ``part1_table``: the risk assessment in the plan's Part 1 layout (ลำดับ, ขั้นตอนการดำเนินงาน,
  ประเด็นความเสี่ยง, ระดับความเสี่ยง, มาตรการควบคุม) — the ITA's "risk assessment" item.
- ``register_report``: every risk with scores, levels (inherent and residual), owner, treatment and status.
- ``monitoring_report``: per control, its monitoring colour, progress and result — "actions taken".
- ``heat_map_report`` and ``comparison_report``: the heat map and two years side by side.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from itatui.domain.roles import Actor, Perm, require
from itatui.store.db import session_scope
from itatui.store.models import Organisation, RiskAssessment, RiskIssue, RiskProcess
from itatui.store.risks.queries import assessment_info, compare_years, controls_in, heat_map, register_page, settings_in
from itatui.store.risks.types import Comparison, ControlInfo, HeatMap, RegisterFilter, RegisterRow, RiskError

PAGE = 500


@dataclass(frozen=True)
class ReportHead:
    organisation: str
    fiscal_year: int
    title: str
    level_names: dict[str, str]  # level key -> Thai name, for the matrix in force


@dataclass(frozen=True)
class Part1Issue:
    number: int
    description: str
    level: str


@dataclass(frozen=True)
class Part1Row:
    number: int  # ลำดับ
    process: str  # ขั้นตอนการดำเนินงาน
    issues: tuple[Part1Issue, ...]  # ประเด็นความเสี่ยง with ระดับความเสี่ยง
    controls: tuple[str, ...]  # มาตรการควบคุม


@dataclass(frozen=True)
class Part1Table:
    head: ReportHead
    rows: tuple[Part1Row, ...]


@dataclass(frozen=True)
class RegisterReport:
    head: ReportHead
    rows: tuple[RegisterRow, ...]


@dataclass(frozen=True)
class MonitoringLine:
    risk_code: str
    risk: str
    control: ControlInfo


@dataclass(frozen=True)
class MonitoringReport:
    head: ReportHead
    lines: tuple[MonitoringLine, ...]
    by_colour: dict[str, int]


def _head(engine: Engine, assessment_id: int) -> ReportHead:
    with session_scope(engine) as s:
        ra = s.get(RiskAssessment, assessment_id)
        if ra is None:
            raise RiskError("risk.err.no_assessment")
        org = s.get(Organisation, ra.organisation_id)
        matrix = settings_in(s, ra.organisation_id).matrix
        return ReportHead(org.name if org else "", ra.fiscal_year, ra.title, {b.key: b.name_th for b in matrix.bands})


def part1_table(engine: Engine, actor: Actor, assessment_id: int) -> Part1Table:
    require(actor, Perm.RISK_VIEW)
    head = _head(engine, assessment_id)
    with session_scope(engine) as s:
        rows = []
        procs = s.execute(
            sa.select(RiskProcess).where(RiskProcess.assessment_id == assessment_id).order_by(RiskProcess.number)
        ).scalars().all()
        for p in procs:
            issues = s.execute(sa.select(RiskIssue).where(RiskIssue.process_id == p.id).order_by(RiskIssue.number)).scalars().all()
            controls = controls_in(s, p.id or 0, None, head.fiscal_year, date.today())
            rows.append(
                Part1Row(
                    p.number, " ".join(p.name.split()),
                    tuple(Part1Issue(i.number, " ".join(i.description.split()), i.level) for i in issues),
                    tuple(c.text for c in controls),
                )
            )
    return Part1Table(head, tuple(rows))


def _all_rows(engine: Engine, actor: Actor, assessment_id: int, today: date | None) -> list[RegisterRow]:
    rows: list[RegisterRow] = []
    offset = 0
    while True:
        page = register_page(engine, actor, assessment_id, RegisterFilter(), "number", False, offset, PAGE, today)
        rows.extend(page.rows)
        offset += PAGE
        if offset >= page.total:
            return rows


def register_report(engine: Engine, actor: Actor, assessment_id: int, today: date | None = None) -> RegisterReport:
    require(actor, Perm.RISK_VIEW)
    return RegisterReport(_head(engine, assessment_id), tuple(_all_rows(engine, actor, assessment_id, today)))


def monitoring_report(engine: Engine, actor: Actor, assessment_id: int, today: date | None = None) -> MonitoringReport:
    """Each risk's controls with their follow-up; a process-wide control is listed under each of its risks."""
    require(actor, Perm.RISK_VIEW)
    head = _head(engine, assessment_id)
    today = today or date.today()
    lines: list[MonitoringLine] = []
    with session_scope(engine) as s:
        assessment_info(s, assessment_id, today)
        for row in _all_rows(engine, actor, assessment_id, today):
            for c in controls_in(s, row.process_id, row.id, head.fiscal_year, today):
                lines.append(MonitoringLine(row.code, row.description, c))
    by_colour: dict[str, int] = {}
    seen: set[int] = set()
    for line in lines:
        if line.control.id not in seen:
            seen.add(line.control.id)
            by_colour[line.control.monitor] = by_colour.get(line.control.monitor, 0) + 1
    return MonitoringReport(head, tuple(lines), by_colour)


def heat_map_report(engine: Engine, actor: Actor, assessment_id: int, residual: bool = False) -> HeatMap:
    return heat_map(engine, actor, assessment_id, residual)


def comparison_report(engine: Engine, actor: Actor, year_a: int, year_b: int, organisation_id: int | None = None) -> Comparison:
    return compare_years(engine, actor, year_a, year_b, organisation_id)
