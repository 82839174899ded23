"""Form text -> typed plan values: the project form and the targets form, every problem at once."""

from __future__ import annotations

import re

from itatui.domain.eplan import Kind, PlanTargetKind, parse_decimal
from itatui.domain.eplan import TargetGroup as GroupCategory
from itatui.domain.thai import parse_int
from itatui.domain.validation import Problems
from itatui.present.numbers import BUDGET_MAX, INT32_MAX
from itatui.store.plan.types import ProjectDraft, ProjectEdit, TargetGroupInfo

_GROUP_COUNT = re.compile(r"^(?P<desc>.*?)\s*จำนวน\s*(?P<count>[0-9๐-๙][0-9๐-๙,]*)\s*(?P<unit>\S*)\s*$")


def format_target_group(g: TargetGroupInfo) -> str:
    """One line of the target-groups field: "เด็กและเยาวชน จำนวน 50 คน" (as the sheets write it)."""
    if g.count is None:
        return g.description
    return f"{g.description} จำนวน {g.count:,} {g.count_unit}".rstrip()


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def _budget_text(amount: int | None) -> str:
    return "" if amount is None else f"{amount:,}"


def budget_field(year: int) -> str:
    """Field name of a year's budget in problems and form ids."""
    return f"budget_{year}"


def parse_project_draft(draft: ProjectDraft, years: tuple[int, ...]) -> ProjectEdit:
    """Parse what was typed into a ``ProjectEdit``; every problem at once (``ValidationError``)."""
    p = Problems()
    number = p.parse("number", lambda t: parse_int(t, allow_blank=False, max_value=INT32_MAX), draft.number)
    if number is not None:
        p.check(number >= 1, "number", "err.number_positive")
    name = draft.name.strip()  # kept as typed (Thai spacing is meaningful); only the ends are trimmed
    p.check(bool(name), "name", "err.name_required")
    p.check(draft.kind in {k.value for k in Kind}, "kind", "err.kind_invalid")
    p.check(draft.mission_id is not None, "mission", "err.mission_required")
    budgets: dict[int, int | None] = {}
    for year in years:
        value = p.parse(budget_field(year), lambda t: parse_int(t, max_value=BUDGET_MAX), draft.budgets.get(year, ""))
        if value is not None and not p.check(value >= 0, budget_field(year), "err.negative"):
            value = None
        budgets[year] = value
    groups: list[TargetGroupInfo] = []
    for i, line in enumerate(_lines(draft.target_groups), start=1):
        m = _GROUP_COUNT.match(line)
        if m:
            desc = m.group("desc").strip()
            count = p.parse("target_groups", lambda t: parse_int(t, max_value=INT32_MAX), m.group("count"))
            if p.check(bool(desc), "target_groups", "err.target_group_description", line=i) and count is not None:
                groups.append(TargetGroupInfo(desc, count, m.group("unit")))
        else:
            groups.append(TargetGroupInfo(line))
    categories = {g.value for g in GroupCategory}
    p.check(all(g in categories for g in draft.eplan_target_groups), "eplan_target_groups", "err.group_invalid")
    p.raise_if_any()
    assert number is not None and draft.mission_id is not None
    return ProjectEdit(
        number=number,
        name=name,
        kind=draft.kind,
        mission_id=draft.mission_id,
        unit_ids=tuple(dict.fromkeys(draft.unit_ids)),
        budgets=budgets,
        sheet_name=draft.sheet_name.strip(),
        rationale=draft.rationale.strip(),
        objectives=_lines(draft.objectives),
        target_groups=tuple(groups),
        eplan_target_groups=tuple(draft.eplan_target_groups),
        area=draft.area.strip(),
        method_steps=_lines(draft.method_steps),
        period=draft.period.strip(),
        budget_text=draft.budget_text.strip(),
        owner=draft.owner.strip(),
        outputs=_lines(draft.outputs),
        outcomes=_lines(draft.outcomes),
    )


def target_field(kind: str, year: int) -> str:
    return f"{kind}_{year}"


def parse_target_actuals(drafts: dict[tuple[str, int], str]) -> dict[tuple[str, int], float | None]:
    """Parse typed actuals (ITA score 0–100; case reduction at most 100 %); every problem at once."""
    p = Problems()
    out: dict[tuple[str, int], float | None] = {}
    for (kind, year), text in drafts.items():
        name = target_field(kind, year)
        value = p.parse(name, parse_decimal, text)
        if value is not None:
            if kind == PlanTargetKind.ITA_SCORE:
                p.check(0 <= value <= 100, name, "err.score_range")
            elif kind == PlanTargetKind.CASE_REDUCTION:
                p.check(value <= 100, name, "err.percent_range")
        out[(kind, year)] = value
    p.raise_if_any()
    return out
