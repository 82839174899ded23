"""Plain data the committee store hands to the UI, the CLI and the documents (no ORM objects).

Money is whole baht a month, steps are half steps (``domain.salary.steps_text`` shows them), dates are CE
``date``s (show them in BE).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from itatui.domain.salary import RoundRules
from itatui.domain.validation import ValidationError


class CommitteeError(Exception):
    """A refusal fit to show: ``key`` is a catalogue key, ``params`` fill it."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params


class CommitteeValidationError(ValidationError):
    """Every problem of a form at once (``problems``: FieldProblem list)."""


class DecisionBlocked(Exception):
    """The live checks found what the rules forbid: ``issues`` say what, nothing was saved."""

    def __init__(self, issues: tuple[CheckIssue, ...]):
        super().__init__("; ".join(i.code for i in issues))
        self.issues = issues


# ---- staff -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StaffDraft:
    """The staff form (or an import row) as typed: Thai digits, BE or CE dates, Thai or code kinds."""

    code: str
    name: str
    position: str = ""
    position_level: str = ""
    unit: str = ""  # unit code (สป., กองคลัง …); a new one is created on save
    kind: str = ""
    salary: str = ""
    start_date: str = ""
    probation: bool = False
    active: bool = True


@dataclass(frozen=True)
class StaffValues:
    code: str
    name: str
    position: str
    position_level: str
    unit: str
    kind: str
    salary: int
    start_date: date | None
    probation: bool = False
    active: bool = True


@dataclass(frozen=True)
class StaffRow:
    id: int
    code: str
    name: str
    position: str
    position_level: str
    unit: str
    kind: str
    salary: int
    start_date: date | None
    probation: bool
    active: bool


@dataclass(frozen=True)
class Page:
    rows: tuple
    total: int
    offset: int
    limit: int


# ---- rounds, committees, meetings ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RoundInfo:
    id: int
    fiscal_year: int
    round_no: int
    rules: RoundRules
    effective: date
    counted_on: date
    survey_respondents: int | None
    survey_satisfied: int | None

    @property
    def survey_percent(self) -> float | None:
        if not self.survey_respondents or self.survey_satisfied is None:
            return None
        return round(100 * self.survey_satisfied / self.survey_respondents, 2)


@dataclass(frozen=True)
class MemberInfo:
    id: int
    staff_id: int | None
    name: str
    title: str
    role: str


@dataclass(frozen=True)
class CommitteeInfo:
    id: int
    round_id: int
    kind: str
    order_no: str
    order_date: date | None
    members: tuple[MemberInfo, ...]


@dataclass(frozen=True)
class MinutesInfo:
    id: int
    version: int
    text: str
    reason: str
    approved_at: datetime | None
    created_at: datetime

    @property
    def approved(self) -> bool:
        return self.approved_at is not None


@dataclass(frozen=True)
class MeetingDraft:
    committee_id: int
    number: str
    held_on: str
    place: str = ""
    invited_on: str = ""
    agenda: str = ""
    resolutions: str = ""
    dissent: str = ""


@dataclass(frozen=True)
class MeetingInfo:
    id: int
    committee_id: int
    committee_kind: str
    number: int
    held_on: date
    place: str
    invited_on: date | None
    agenda: str
    resolutions: str
    dissent: str
    attendees: tuple[int, ...]  # member ids
    members_total: int
    quorum: bool
    invitation_late: bool
    minutes: tuple[MinutesInfo, ...] = ()  # every version, oldest first


# ---- evaluations and decisions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class EvaluationRow:
    id: int
    staff_id: int
    staff_code: str
    name: str
    kind: str
    scheme: str
    unit: str
    salary: int
    probation: bool
    achievement: float | None
    competency: float | None
    score: float | None
    level: str
    screening: str  # "" / agree / adjust
    screening_score: float | None
    screening_level: str
    screening_reason: str
    decided: bool
    half_steps: int | None
    percent: Decimal | None
    amount: int
    special_allowance: int
    meeting_id: int | None
    told_on: date | None

    @property
    def final_level(self) -> str:
        return self.screening_level if self.screening == "adjust" and self.screening_level else self.level


@dataclass(frozen=True)
class DecisionDraft:
    """The decision form: steps (``1``, ``0.5`` …) for the steps scheme, percent for the percent scheme."""

    steps: str = ""
    percent: str = ""
    amount: str = ""  # steps scheme: the raise in baht the salary table gives; percent: computed when blank
    meeting_id: int | None = None
    told_on: str = ""


@dataclass(frozen=True)
class Decision:
    half_steps: int | None
    percent: Decimal | None
    amount: int
    special_allowance: int
    meeting_id: int | None
    told_on: date | None


@dataclass(frozen=True)
class ConflictInfo:
    id: int
    member_id: int
    member_name: str
    committee_kind: str
    staff_id: int
    staff_name: str
    relation: str
    status: str  # proposed / confirmed / dismissed
    withdrew: bool


# ---- checks ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckIssue:
    """One thing that breaks (``blocking``) or deserves a look: ``code`` → ``committee.check.<code>``."""

    code: str
    blocking: bool
    staff_code: str = ""
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class SchemeTotals:
    scheme: str
    headcount: int
    counted_on: date
    quota_allowed: int | None  # steps scheme, round 1 only
    quota_used: int
    pool_base: int  # steps: salaries on 1 September (the year's budget); percent: the round's date
    pool_allowed: int
    pool_used: int


@dataclass(frozen=True)
class CheckReport:
    totals: tuple[SchemeTotals, ...]
    issues: tuple[CheckIssue, ...]

    @property
    def blocking(self) -> tuple[CheckIssue, ...]:
        return tuple(i for i in self.issues if i.blocking)


# ---- import ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BadRow:
    row: int  # the row number in the file (the header is row 1)
    problems: tuple[str, ...]  # catalogue keys
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ImportPreview:
    adds: tuple[StaffValues, ...]
    changes: tuple[tuple[str, tuple[str, ...]], ...]  # (staff code, changed fields)
    unchanged: int
    new_units: tuple[str, ...]
    bad_rows: tuple[BadRow, ...]

    @property
    def ok(self) -> bool:
        return not self.bad_rows


@dataclass(frozen=True)
class EvaluationPreview:
    rows: tuple[tuple[str, float | None, float | None, float], ...]  # code, achievement, competency, score
    bad_rows: tuple[BadRow, ...]
    round_exists: bool
