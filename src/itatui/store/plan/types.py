"""The plan area's values: frozen dataclasses handed to screens, commands and reports (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from itatui.domain.eplan import Kind
from itatui.store.plan.progress import KpiInfo, ProgressInfo


@dataclass(frozen=True)
class PlanInfo:
    id: int
    organisation_id: int
    title: str
    start_year: int
    end_year: int

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.start_year, self.end_year + 1))


@dataclass(frozen=True)
class UnitInfo:
    id: int
    code: str
    name: str
    is_all: bool


@dataclass(frozen=True)
class MissionInfo:
    id: int
    dimension_id: int
    code: str
    name: str
    project_count: int  # in the whole plan, unfiltered: 0 means "-ไม่มีโครงการ/กิจกรรม/มาตรการ-"


@dataclass(frozen=True)
class DimensionInfo:
    id: int
    number: int
    name: str
    missions: tuple[MissionInfo, ...]


@dataclass(frozen=True)
class PlanOutline:
    plan: PlanInfo
    dimensions: tuple[DimensionInfo, ...]


@dataclass(frozen=True)
class PlanFilter:
    """Narrow the table. ``status`` is a ``Status`` value or ``NO_REPORT``, for ``fiscal_year``'s latest round."""

    text: str = ""
    dimension_id: int | None = None
    unit_id: int | None = None
    status: str | None = None
    fiscal_year: int | None = None

    @property
    def active(self) -> bool:
        return bool(self.text.strip()) or self.dimension_id is not None or self.unit_id is not None or bool(self.status)


@dataclass(frozen=True)
class ProjectRow:
    id: int
    number: int
    name: str
    kind: str
    dimension_id: int
    mission_id: int
    budgets: tuple[int | None, ...]  # aligned with PlanInfo.years
    units: tuple[str, ...]  # unit codes as the plan writes them
    status: str  # latest round's status for the filter's fiscal year; "" when none


@dataclass(frozen=True)
class ProjectPage:
    rows: tuple[ProjectRow, ...]
    offset: int
    total: int  # rows matching the filter

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.rows) < self.total


@dataclass(frozen=True)
class PlanTotals:
    """Sums of the filtered projects; ``None`` in a year means no project there has a budget ("-")."""

    years: tuple[int, ...]
    by_dimension: dict[int, tuple[int | None, ...]]
    dimension_counts: dict[int, int]
    mission_counts: dict[int, int]
    grand: tuple[int | None, ...]
    count: int


@dataclass(frozen=True)
class TargetGroupInfo:
    description: str
    count: int | None = None
    count_unit: str = ""


@dataclass(frozen=True)
class ProjectSheet:
    """A project's detail sheet (Part 3) with budgets, units, KPIs (actuals for ``fiscal_year``) and progress."""

    id: int
    plan_id: int
    number: int
    name: str
    kind: str
    sheet_name: str
    dimension_number: int
    dimension_name: str
    mission_id: int
    mission_code: str
    mission_name: str
    rationale: str
    objectives: tuple[str, ...]
    target_groups: tuple[TargetGroupInfo, ...]
    eplan_target_groups: tuple[str, ...]
    area: str
    method_steps: tuple[str, ...]
    period: str
    budget_text: str
    owner: str
    outputs: tuple[str, ...]
    outcomes: tuple[str, ...]
    kpis: tuple[KpiInfo, ...]
    fiscal_year: int
    budgets: tuple[tuple[int, int | None], ...]  # (fiscal year, amount) for every plan year
    units: tuple[UnitInfo, ...]
    progress: tuple[ProgressInfo, ...]
    updated_at: datetime | None


@dataclass(frozen=True)
class ProjectDraft:
    """What the project form holds, as typed. Lists are one item per line; budgets keyed by fiscal year."""

    number: str = ""
    name: str = ""
    kind: str = Kind.PROJECT.value
    mission_id: int | None = None
    unit_ids: tuple[int, ...] = ()
    budgets: dict[int, str] = field(default_factory=dict)
    sheet_name: str = ""
    rationale: str = ""
    objectives: str = ""
    target_groups: str = ""  # "description จำนวน 50 คน" per line
    eplan_target_groups: tuple[str, ...] = ()
    area: str = ""
    method_steps: str = ""
    period: str = ""
    budget_text: str = ""
    owner: str = ""
    outputs: str = ""
    outcomes: str = ""


@dataclass(frozen=True)
class ProjectEdit:
    """Parsed, checked values of a project, ready to save."""

    number: int
    name: str
    kind: str
    mission_id: int
    unit_ids: tuple[int, ...]
    budgets: dict[int, int | None]
    sheet_name: str = ""
    rationale: str = ""
    objectives: tuple[str, ...] = ()
    target_groups: tuple[TargetGroupInfo, ...] = ()
    eplan_target_groups: tuple[str, ...] = ()
    area: str = ""
    method_steps: tuple[str, ...] = ()
    period: str = ""
    budget_text: str = ""
    owner: str = ""
    outputs: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()


@dataclass(frozen=True)
class MissionChoice:
    id: int
    label: str  # "1.1 การเสริมสร้างจิตสำนึก…"


@dataclass(frozen=True)
class ProjectFormData:
    plan: PlanInfo
    project_id: int | None  # None: a new project
    draft: ProjectDraft
    units: tuple[UnitInfo, ...]
    missions: tuple[MissionChoice, ...]
    version: int | None = None  # the project's version when opened (None: new); save_project's opened_version


@dataclass(frozen=True)
class TargetInfo:
    kind: str  # PlanTargetKind
    fiscal_year: int
    target: float | None
    actual: float | None


@dataclass(frozen=True)
class DimensionSummary:
    id: int
    number: int
    name: str
    planned: tuple[int | None, ...]  # aligned with years
    spent: tuple[int | None, ...]


@dataclass(frozen=True)
class PlanSummary:
    plan: PlanInfo
    fiscal_year: int
    dimensions: tuple[DimensionSummary, ...]
    planned_total: tuple[int | None, ...]
    spent_total: tuple[int | None, ...]
    targets: tuple[TargetInfo, ...]
    status_counts: dict[str, int]  # Status values and NO_REPORT → projects, for fiscal_year
    project_count: int


@dataclass(frozen=True)
class PlanView:
    """What the plan table shows first: the plan, its outline, the filtered totals, the first page, the units."""

    plan: PlanInfo
    outline: PlanOutline
    totals: PlanTotals
    page: ProjectPage
    units: tuple[UnitInfo, ...]
