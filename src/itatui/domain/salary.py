"""Salary-promotion rules (การเลื่อนขั้นเงินเดือน): pure functions over a round's rules, no database.

Every number is data of the round (``RoundRules``), because the rules change between years and staff kinds; a
new round copies the previous round's rules. Steps are counted in half steps (``1`` = 0.5 ขั้น, ``2`` = 1 ขั้น)
so that no float ever decides a quota. Percentages are held as ``Decimal`` for the same reason.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import cached_property

from itatui.domain.thai import BE_OFFSET


class StaffKind(StrEnum):
    MUNICIPAL = "municipal"  # พนักงานเทศบาล
    TEACHER = "teacher"  # พนักงานครูเทศบาล
    PERMANENT = "permanent"  # ลูกจ้างประจำ
    CONTRACT = "contract"  # พนักงานจ้าง


KIND_TH: dict[StaffKind, str] = {
    StaffKind.MUNICIPAL: "พนักงานเทศบาล",
    StaffKind.TEACHER: "พนักงานครูเทศบาล",
    StaffKind.PERMANENT: "ลูกจ้างประจำ",
    StaffKind.CONTRACT: "พนักงานจ้าง",
}


class Scheme(StrEnum):
    STEPS = "steps"
    PERCENT = "percent"


class Level(StrEnum):
    EXCELLENT = "excellent"  # ดีเด่น
    VERY_GOOD = "very_good"  # ดีมาก
    GOOD = "good"  # ดี
    FAIR = "fair"  # พอใช้
    IMPROVE = "improve"  # ต้องปรับปรุง


LEVEL_TH: dict[Level, str] = {
    Level.EXCELLENT: "ดีเด่น",
    Level.VERY_GOOD: "ดีมาก",
    Level.GOOD: "ดี",
    Level.FAIR: "พอใช้",
    Level.IMPROVE: "ต้องปรับปรุง",
}


class CommitteeKind(StrEnum):
    SCREENING = "screening"  # คณะกรรมการกลั่นกรองผลการประเมินผลการปฏิบัติงาน
    PROMOTION = "promotion"  # คณะกรรมการพิจารณาเลื่อนขั้นเงินเดือน


class MemberRole(StrEnum):
    CHAIR = "chair"
    MEMBER = "member"
    SECRETARY = "secretary"


class Relation(StrEnum):
    """The Administrative Procedure Act's list (พ.ร.บ.วิธีปฏิบัติราชการทางปกครอง มาตรา ๑๓)."""

    SELF = "self"
    SPOUSE = "spouse"
    ASCENDANT = "ascendant"
    DESCENDANT = "descendant"
    SIBLING = "sibling"
    IN_LAW = "in_law"
    SAME_FAMILY_NAME = "same_family_name"  # a proposal only: the secretary confirms the real relation


@dataclass(frozen=True)
class BaseRange:
    """One row of the calculation-base table (ฐานในการคำนวณ) of the percent scheme."""

    lower: int  # salary range, whole baht a month
    upper: int  # the range's maximum: above it the raise is paid as a special allowance
    base: int  # ฐานในการคำนวณ


def _d(x: str | int | float | Decimal) -> Decimal:
    return x if isinstance(x, Decimal) else Decimal(str(x))


DEFAULT_STEPS: dict[int, dict[str, tuple[int, ...]]] = {
    # allowed half steps per round and level; round 1 may give 1 step (2) only within the 15 % quota
    1: {"excellent": (0, 1, 2), "very_good": (0, 1), "good": (0, 1), "fair": (0, 1), "improve": (0,)},
    2: {"excellent": (0, 1, 2, 3), "very_good": (0, 1, 2), "good": (0, 1), "fair": (0, 1), "improve": (0,)},
}
# An example table to edit per round: the office enters the one the Teachers' Commission publishes that year.
DEFAULT_BASES: tuple[BaseRange, ...] = (
    BaseRange(0, 29_980, 21_590),
    BaseRange(29_981, 41_620, 35_800),
    BaseRange(41_621, 58_390, 50_010),
    BaseRange(58_391, 69_040, 63_710),
    BaseRange(69_041, 76_800, 72_920),
)


@dataclass(frozen=True)
class RoundRules:
    """The numbers one round is decided by. ``to_json``/``from_json`` store it on the round."""

    level_min: tuple[tuple[str, int], ...] = (
        ("excellent", 90), ("very_good", 80), ("good", 70), ("fair", 60), ("improve", 0),
    )
    weights: tuple[int, int] = (70, 30)  # achievement, competency (percent)
    weights_probation: tuple[int, int] = (50, 50)
    kind_scheme: tuple[tuple[str, str], ...] = (
        ("municipal", "steps"), ("permanent", "steps"), ("teacher", "percent"), ("contract", "percent"),
    )
    quota_pct: Decimal = Decimal("15")  # of the staff in post on 1 March may get a full step in round 1
    budget_pct: Decimal = Decimal("6")  # of the salaries on 1 September: the year's steps budget
    yearly_cap_half_steps: int = 4  # 2 steps a year
    steps: dict[int, dict[str, tuple[int, ...]]] = field(default_factory=lambda: dict(DEFAULT_STEPS))
    pool_pct: Decimal = Decimal("3")  # percent scheme: of the salaries on 1 March / 1 September
    person_max_pct: Decimal = Decimal("6")  # of the calculation base
    level_max_pct: tuple[tuple[str, Decimal], ...] = (
        ("excellent", Decimal("6")), ("very_good", Decimal("6")), ("good", Decimal("6")),
        ("fair", Decimal("6")), ("improve", Decimal("0")),
    )
    bases: tuple[BaseRange, ...] = DEFAULT_BASES
    round_to: int = 10  # amounts rounded up to the next 10 baht
    quorum_num: int = 1  # at least half of the members: present * den >= members * num
    quorum_den: int = 2
    invitation_days: int = 3
    grievance_days: int = 30

    # -- storage ---------------------------------------------------------------------------------------
    def to_json(self) -> str:
        d = asdict(self)
        d["steps"] = {str(r): {k: list(v) for k, v in t.items()} for r, t in self.steps.items()}
        for k in ("quota_pct", "budget_pct", "pool_pct", "person_max_pct"):
            d[k] = str(d[k])
        d["level_max_pct"] = [[k, str(v)] for k, v in self.level_max_pct]
        return json.dumps(d, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> RoundRules:
        if not text:
            return cls()
        d = json.loads(text)
        return cls(
            level_min=tuple((k, int(v)) for k, v in d["level_min"]),
            weights=tuple(d["weights"]),  # type: ignore[arg-type]
            weights_probation=tuple(d["weights_probation"]),  # type: ignore[arg-type]
            kind_scheme=tuple((k, v) for k, v in d["kind_scheme"]),
            quota_pct=_d(d["quota_pct"]),
            budget_pct=_d(d["budget_pct"]),
            yearly_cap_half_steps=int(d["yearly_cap_half_steps"]),
            steps={int(r): {k: tuple(v) for k, v in t.items()} for r, t in d["steps"].items()},
            pool_pct=_d(d["pool_pct"]),
            person_max_pct=_d(d["person_max_pct"]),
            level_max_pct=tuple((k, _d(v)) for k, v in d["level_max_pct"]),
            bases=tuple(BaseRange(**b) for b in d["bases"]),
            round_to=int(d["round_to"]),
            quorum_num=int(d["quorum_num"]),
            quorum_den=int(d["quorum_den"]),
            invitation_days=int(d["invitation_days"]),
            grievance_days=int(d["grievance_days"]),
        )

    def with_changes(self, **changes: object) -> RoundRules:
        return replace(self, **changes)  # type: ignore[arg-type]

    # -- lookups ---------------------------------------------------------------------------------------
    @cached_property
    def _schemes(self) -> dict[str, Scheme]:
        return {k: Scheme(v) for k, v in self.kind_scheme}

    def scheme_of(self, kind: str) -> Scheme:
        return self._schemes.get(kind, Scheme.STEPS)

    def allowed_half_steps(self, round_no: int, level: str) -> tuple[int, ...]:
        return tuple(self.steps.get(round_no, {}).get(level, (0,)))

    def max_percent(self, level: str) -> Decimal:
        return dict(self.level_max_pct).get(level, Decimal(0))


# ---- scores and levels ------------------------------------------------------------------------------------


def score(achievement: float, competency: float, *, probation: bool = False, rules: RoundRules | None = None) -> float:
    """Achievement × 70 % + competency × 30 % (50/50 on probation), to two decimals; parts are 0–100."""
    rules = rules or RoundRules()
    wa, wc = rules.weights_probation if probation else rules.weights
    value = (_d(achievement) * wa + _d(competency) * wc) / (wa + wc)
    return float(value.quantize(Decimal("0.01"), ROUND_HALF_UP))


def level_for(value: float, rules: RoundRules | None = None) -> Level:
    """The performance level a score earns: the first band whose minimum it reaches (bands from the top)."""
    rules = rules or RoundRules()
    for name, minimum in sorted(rules.level_min, key=lambda b: -b[1]):
        if value >= minimum:
            return Level(name)
    return Level.IMPROVE


# ---- steps scheme -----------------------------------------------------------------------------------------


def half_up(x: Decimal) -> int:
    """A fraction of one half or more counts as one."""
    return int(x.quantize(Decimal(1), ROUND_HALF_UP))


def quota_allowed(headcount: int, rules: RoundRules | None = None) -> int:
    """How many may get a full step in round 1: quota % of the staff in post on 1 March, half rounds up."""
    rules = rules or RoundRules()
    return half_up(Decimal(headcount) * rules.quota_pct / 100)


def budget_allowed(salaries: int, rules: RoundRules | None = None) -> int:
    """The year's steps budget: budget % of the salaries paid on 1 September, whole baht (down)."""
    rules = rules or RoundRules()
    return int(Decimal(salaries) * rules.budget_pct / 100)


def steps_text(half_steps: int | None) -> str:
    if half_steps is None:
        return "-"
    whole, half = divmod(half_steps, 2)
    return f"{whole}.5" if half else str(whole)


def parse_steps(text: str) -> int:
    """``1``, ``0.5``, ``1.5``, ``๑.๕`` → half steps. Raises ValueError for anything else."""
    from itatui.domain.thai import to_arabic

    from decimal import InvalidOperation

    try:
        value = Decimal(to_arabic(text.strip()).replace("ขั้น", "").strip())
    except InvalidOperation:
        raise ValueError("steps") from None
    doubled = value * 2
    if doubled != doubled.to_integral_value() or value < 0:
        raise ValueError("steps")
    return int(doubled)


# ---- percent scheme ---------------------------------------------------------------------------------------


def pool_allowed(salaries: int, rules: RoundRules | None = None) -> int:
    """The round's pool: pool % of the salaries on 1 March (round 1) or 1 September (round 2), whole baht."""
    rules = rules or RoundRules()
    return int(Decimal(salaries) * rules.pool_pct / 100)


def base_range(salary: int, rules: RoundRules | None = None) -> BaseRange | None:
    rules = rules or RoundRules()
    for r in rules.bases:
        if r.lower <= salary <= r.upper:
            return r
    # above every range: the top range (the person is already at its maximum)
    top = max(rules.bases, key=lambda r: r.upper, default=None)
    return top if top is not None and salary > top.upper else None


def round_up(amount: Decimal, step: int) -> int:
    if step <= 1:
        return int(amount.to_integral_value(ROUND_CEILING))
    return int((amount / step).to_integral_value(ROUND_CEILING)) * step


@dataclass(frozen=True)
class PercentRaise:
    percent: Decimal
    base: int
    amount: int  # the whole raise, rounded up to the next 10 baht
    raise_amount: int  # added to the salary (up to the range's maximum)
    special_allowance: int  # what would pass the maximum, paid as ค่าตอบแทนพิเศษ
    new_salary: int


def percent_raise(salary: int, percent: Decimal | float | str, rules: RoundRules | None = None) -> PercentRaise:
    rules = rules or RoundRules()
    pct = _d(percent)
    rng = base_range(salary, rules)
    base = rng.base if rng else salary
    amount = round_up(Decimal(base) * pct / 100, rules.round_to) if pct > 0 else 0
    room = max(0, rng.upper - salary) if rng else amount
    raised = min(amount, room)
    return PercentRaise(pct, base, amount, raised, amount - raised, salary + raised)


# ---- meetings and conflicts -------------------------------------------------------------------------------


def has_quorum(members: int, present: int, rules: RoundRules | None = None) -> bool:
    """At least half of the members (``quorum_num/quorum_den``) present; a committee without members has none."""
    rules = rules or RoundRules()
    return members > 0 and present * rules.quorum_den >= members * rules.quorum_num


def invitation_late(invited_on: date | None, meeting_on: date, rules: RoundRules | None = None) -> bool:
    rules = rules or RoundRules()
    return invited_on is None or (meeting_on - invited_on).days < rules.invitation_days


def grievance_in_time(told_on: date | None, filed_on: date, rules: RoundRules | None = None) -> bool:
    rules = rules or RoundRules()
    return told_on is None or 0 <= (filed_on - told_on).days <= rules.grievance_days


def family_name(full_name: str) -> str:
    """The last word of a Thai name without its title (นาย/นาง/นางสาว are separate words or a prefix)."""
    parts = full_name.split()
    return parts[-1] if len(parts) >= 2 else ""


def propose_relation(member_staff_id: int | None, member_name: str, staff_id: int, staff_name: str) -> Relation | None:
    """What the app can see by itself: the member is the person, or shares the family name."""
    if member_staff_id is not None and member_staff_id == staff_id:
        return Relation.SELF
    fam = family_name(member_name)
    if fam and fam == family_name(staff_name):
        return Relation.SAME_FAMILY_NAME
    return None


# ---- round dates ------------------------------------------------------------------------------------------


def effective_date(fiscal_year: int, round_no: int) -> date:
    """Round 1 takes effect 1 April, round 2 on 1 October (the start of the next fiscal year)."""
    ce = fiscal_year - BE_OFFSET
    return date(ce, 4, 1) if round_no == 1 else date(ce, 10, 1)


def counted_on(fiscal_year: int, round_no: int) -> date:
    """Headcount and salaries are taken on 1 March (round 1) or 1 September (round 2)."""
    ce = fiscal_year - BE_OFFSET
    return date(ce, 3, 1) if round_no == 1 else date(ce, 9, 1)
