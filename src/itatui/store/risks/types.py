"""What the risk register hands to the UI, the CLI and the reports: plain frozen dataclasses, no rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from itatui.domain.risks import RiskMatrix

SORTS = ("number", "level", "score", "residual", "category", "owner", "status", "review")


class RiskError(Exception):
    """A refusal of the risk core, carrying a message-catalogue key."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Category:
    code: str
    name_th: str
    name_en: str


@dataclass(frozen=True)
class RiskSettings:
    """The organisation's matrix, categories and monitoring-colour names (defaults when never set)."""

    matrix: RiskMatrix
    categories: tuple[Category, ...]
    monitor_names: dict[str, str]  # green/yellow/orange/red -> the office's words


@dataclass(frozen=True)
class AssessmentInfo:
    id: int
    fiscal_year: int
    title: str
    source: str  # imported / manual / copy
    issues: int
    read_only: bool


@dataclass(frozen=True)
class ProcessChoice:
    id: int
    number: int
    name: str


@dataclass(frozen=True)
class RegisterFilter:
    level: str = ""  # a band key; "unscored" = imported with a level only
    category: str = ""
    status: str = ""
    owner: str = ""
    overdue: bool = False
    cell: tuple[int, int] | None = None  # (likelihood, impact): the risks of one heat-map cell
    residual: bool = False  # the cell is on the residual map

    @property
    def narrowed(self) -> bool:
        return bool(self.level or self.category or self.status or self.owner or self.overdue or self.cell)


@dataclass(frozen=True)
class RegisterRow:
    id: int
    process_id: int
    process_number: int
    process_name: str
    number: int
    description: str
    category: str
    risk_type: str
    likelihood: int | None
    impact: int | None
    level: str
    residual_likelihood: int | None
    residual_impact: int | None
    residual_level: str
    owner: str
    treatment: str
    status: str
    next_review: date | None
    overdue: bool
    controls: int
    version: int = 1  # the values above are this version's: save_risk's opened_version

    @property
    def score(self) -> int | None:
        return self.likelihood * self.impact if self.likelihood is not None and self.impact is not None else None

    @property
    def residual_score(self) -> int | None:
        if self.residual_likelihood is None or self.residual_impact is None:
            return None
        return self.residual_likelihood * self.residual_impact

    @property
    def scored(self) -> bool:
        return self.score is not None

    @property
    def code(self) -> str:
        return f"{self.process_number}.{self.number}"


@dataclass(frozen=True)
class RegisterPage:
    rows: tuple[RegisterRow, ...]
    total: int
    offset: int = 0


@dataclass(frozen=True)
class ProjectProgress:
    """A control's plan project and its E-PlanNACC progress for the assessment's year (latest round)."""

    project_id: int
    number: int
    name: str
    round: int | None
    status: str  # in_progress / done / not_possible / "" (not reported)


@dataclass(frozen=True)
class ControlInfo:
    id: int
    process_id: int
    issue_id: int | None  # None: covers the whole process
    number: int
    text: str
    project: ProjectProgress | None
    owner: str
    due: date | None
    progress: int | None
    quality: str
    monitor: str
    result: str
    overdue: bool


@dataclass(frozen=True)
class RiskDetail:
    row: RegisterRow
    assessment: AssessmentInfo
    controls: tuple[ControlInfo, ...]
    complaint_count: int
    complaint_numbers: tuple[str, ...]  # registry numbers only: never who complained


@dataclass(frozen=True)
class HeatMap:
    matrix: RiskMatrix
    residual: bool
    counts: dict[tuple[int, int], int]  # (likelihood, impact) -> risks
    unscored: dict[str, int]  # level -> risks imported with a level only
    total: int


@dataclass(frozen=True)
class ComparisonRow:
    lineage: int
    code_a: str
    code_b: str
    description: str
    level_a: str  # "" when absent that year
    level_b: str
    status_b: str
    change: str  # up / down / same / new / gone / closed


@dataclass(frozen=True)
class Comparison:
    year_a: int
    year_b: int
    rows: tuple[ComparisonRow, ...]
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ProjectRisk:
    """A risk a plan project controls, for the project sheet."""

    issue_id: int
    fiscal_year: int
    code: str
    description: str
    level: str
    status: str
