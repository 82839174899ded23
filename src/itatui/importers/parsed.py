"""What the plan reader produces: plain dataclasses, no database. Line numbers are 1-based lines of the source
text (None when the data did not come from a text document, e.g. the shipped seed)."""

from __future__ import annotations

from dataclasses import dataclass, field

from itatui.importers.findings import Findings


@dataclass
class ParsedOrganisation:
    name: str
    district: str = ""
    province: str = ""
    line: int | None = None


@dataclass
class ParsedUnit:
    code: str  # as the หมายเหตุ column writes it, wrap spaces removed where they split a word (ทุกส่วนราชการ)
    name: str = ""
    is_all: bool = False


@dataclass
class ParsedBudget:
    fiscal_year: int
    amount: int | None  # whole baht; None for "-" / ไม่ใช้งบประมาณ
    raw: str = ""


@dataclass
class ParsedTargetGroup:
    description: str
    count: int | None = None
    unit: str = ""
    line: int | None = None


@dataclass
class ParsedKpi:
    kind: str  # output / outcome
    indicator: str
    comparator: str = ""  # >=, <=, =, decrease
    target: float | None = None
    unit: str = ""
    line: int | None = None


@dataclass
class ParsedSheet:
    """A project's detail sheet (Part 3)."""

    name: str
    line: int | None = None
    mission_code: str = ""  # the mission heading it sits under in Part 3
    rationale: str = ""
    objectives: list[str] = field(default_factory=list)
    target_groups: list[ParsedTargetGroup] = field(default_factory=list)
    area: str = ""
    method_steps: list[str] = field(default_factory=list)
    period: str = ""
    budget_text: str = ""
    owner: str = ""
    outputs: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    kpis: list[ParsedKpi] = field(default_factory=list)
    section_lines: dict[str, int] = field(default_factory=dict)  # section key → heading line
    end_line: int | None = None


@dataclass
class ParsedProject:
    number: int
    name: str  # as the plan table (Part 2) names it, or Part 3's spelling when they differ only in spacing
    kind: str  # project / activity / measure / guideline
    line: int | None = None  # the Part 2 row
    budgets: list[ParsedBudget] = field(default_factory=list)
    units: list[str] = field(default_factory=list)  # unit codes
    sheet: ParsedSheet | None = None
    eplan_target_groups: list[str] = field(default_factory=list)

    def budget(self, year: int) -> int | None:
        for b in self.budgets:
            if b.fiscal_year == year:
                return b.amount
        return None


@dataclass
class ParsedMission:
    code: str  # "1.1"
    name: str
    line: int | None = None
    projects: list[ParsedProject] = field(default_factory=list)
    sheet_line: int | None = None  # its heading in Part 3
    sheet_name: str = ""


@dataclass
class ParsedTotal:
    """A subtotal ("รวม") or grand-total ("รวมทั้งสิ้น") row of the plan table, as stated."""

    line: int | None
    count: int | None
    amounts: dict[int, int | None] = field(default_factory=dict)


@dataclass
class ParsedDimension:
    number: int
    name: str
    line: int | None = None
    declared_count: int | None = None  # preface
    declared_line: int | None = None
    missions: list[ParsedMission] = field(default_factory=list)
    subtotal: ParsedTotal | None = None
    sheet_line: int | None = None

    @property
    def projects(self) -> list[ParsedProject]:
        return [p for m in self.missions for p in m.projects]


@dataclass
class ParsedTarget:
    kind: str  # ita_score / case_reduction_pct
    fiscal_year: int
    target: float | None
    line: int | None = None
    actual: float | None = None


@dataclass
class ParsedRiskIssue:
    number: int
    description: str
    level: str = ""  # low / medium / high / very_high
    likelihood: int | None = None
    impact: int | None = None


@dataclass
class ParsedRiskControl:
    number: int
    text: str
    project_number: int | None = None


@dataclass
class ParsedRiskProcess:
    number: int
    name: str
    line: int | None = None
    category: str = ""
    issues: list[ParsedRiskIssue] = field(default_factory=list)
    controls: list[ParsedRiskControl] = field(default_factory=list)


@dataclass
class ParsedPlan:
    organisation: ParsedOrganisation
    title: str
    start_year: int
    end_year: int
    dimensions: list[ParsedDimension] = field(default_factory=list)
    units: list[ParsedUnit] = field(default_factory=list)
    targets: list[ParsedTarget] = field(default_factory=list)
    risk_title: str = ""
    risks: list[ParsedRiskProcess] = field(default_factory=list)
    declared_total: int | None = None  # the preface's "รวมทั้งสิ้นจำนวน N โครงการ"
    declared_total_line: int | None = None
    stated_total: int | None = None  # Part 2's "รวมจำนวน N โครงการ"
    stated_total_line: int | None = None
    grand_total: ParsedTotal | None = None
    fiscal_years: list[int] = field(default_factory=list)  # the plan table's year columns
    source_name: str = ""
    source_sha256: str = ""
    findings: Findings = field(default_factory=Findings)

    @property
    def projects(self) -> list[ParsedProject]:
        return [p for d in self.dimensions for p in d.projects]

    @property
    def missions(self) -> list[ParsedMission]:
        return [m for d in self.dimensions for m in d.missions]

    def project(self, number: int) -> ParsedProject | None:
        for p in self.projects:
            if p.number == number:
                return p
        return None

    def years(self) -> list[int]:
        return self.fiscal_years or list(range(self.start_year, self.end_year + 1))
