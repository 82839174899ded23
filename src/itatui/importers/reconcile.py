"""Put Part 3 sheets beside their Part 2 projects and report where the two parts disagree.

Sheets carry no project number, so a sheet is matched by name (spaces, quotes and the organisation's own name
ignored), then by position inside its mission, then by the closest name. Every match that is not word for word
is reported, as is every sheet or project left without a partner.
"""

from __future__ import annotations

import re

from itatui.importers.findings import Findings, Severity, fmt_baht, fmt_numbers
from itatui.importers.parsed import ParsedDimension, ParsedMission, ParsedPlan, ParsedProject, ParsedSheet
from itatui.importers.part2 import SharedBudget
from itatui.importers.part3 import Part3
from itatui.importers.textutil import NUMBER, dewrap, name_key, nospace, numf, similarity, squash
from itatui.domain.text import cut_chars

CLOSE_ENOUGH = 0.75  # name similarity accepted for a sheet that matches nothing exactly
POSITION_FLOOR = 0.5  # a sheet paired by its position must still look somewhat like the project


def attach_sheets(plan: ParsedPlan, p3: Part3, findings: Findings) -> None:
    orgs = _org_names(plan)
    projects = plan.projects
    free = {p.number: p for p in projects}
    pending: list[ParsedSheet] = []
    for sheet in p3.sheets:
        key = name_key(sheet.name, orgs)
        candidates = [p for p in free.values() if name_key(p.name, orgs) == key]
        same_mission = [p for p in candidates if _mission_of(plan, p) == sheet.mission_code]
        chosen = (same_mission or candidates)[:1]
        if chosen:
            _pair(plan, chosen[0], sheet, findings, free)
        else:
            pending.append(sheet)
    # Position inside the mission, then closest name anywhere.
    by_mission: dict[str, list[ParsedSheet]] = {}
    for sheet in pending:
        by_mission.setdefault(sheet.mission_code, []).append(sheet)
    still: list[ParsedSheet] = []
    for code, sheets in by_mission.items():
        mission = next((m for m in plan.missions if m.code == code), None)
        left = [p for p in (mission.projects if mission else []) if p.number in free]
        if mission and len(left) == len(sheets):
            for project, sheet in zip(left, sheets, strict=True):
                if similarity(name_key(project.name, orgs), name_key(sheet.name, orgs)) >= POSITION_FLOOR:
                    _pair(plan, project, sheet, findings, free)
                else:
                    still.append(sheet)
        else:
            still.extend(sheets)
    for sheet in still:
        key = name_key(sheet.name, orgs)
        scored = sorted(((similarity(name_key(p.name, orgs), key), p.number) for p in free.values()), reverse=True)
        if scored and scored[0][0] >= CLOSE_ENOUGH and (len(scored) == 1 or scored[0][0] - scored[1][0] > 0.05):
            _pair(plan, free[scored[0][1]], sheet, findings, free)
        else:
            findings.add("sheet_unmatched", Severity.WARNING, sheet.line, name=cut_chars(sheet.name, 80))
    for project in free.values():
        findings.add("project_without_sheet", Severity.WARNING, project.line, number=project.number)


def _pair(plan: ParsedPlan, project: ParsedProject, sheet: ParsedSheet, findings: Findings, free: dict) -> None:
    del free[project.number]
    project.sheet = sheet
    part2_name = project.name
    if nospace(part2_name) == nospace(sheet.name):
        # Same letters: Part 3 keeps the document's own spacing, Part 2 has the table's wrap spaces.
        project.name = sheet.name
    else:
        project.name = dewrap(part2_name, sheet.name)  # Part 2's words, without the cell's wrap spaces
        similar = name_key(part2_name) == name_key(sheet.name)
        findings.add(
            "project_name_punctuation" if similar else "project_name_differs",
            Severity.INFO if similar else Severity.WARNING,
            sheet.line,
            other=(project.line or 0,),
            number=project.number,
            part2=part2_name,
            part3=sheet.name,
        )
    mission = _mission_of(plan, project)
    if sheet.mission_code and mission != sheet.mission_code:
        findings.add(
            "sheet_in_other_mission", Severity.WARNING, sheet.line, number=project.number, part2=mission, part3=sheet.mission_code
        )


def _mission_of(plan: ParsedPlan, project: ParsedProject) -> str:
    for m in plan.missions:
        if project in m.projects:
            return m.code
    return ""


def _org_names(plan: ParsedPlan) -> tuple[str, ...]:
    return (plan.organisation.name,) if plan.organisation.name else ()


# ---- headings ----------------------------------------------------------------------------------------------


def compare_headings(plan: ParsedPlan, p3: Part3, findings: Findings) -> None:
    for heading in p3.dimensions:
        dim = next((d for d in plan.dimensions if d.number == heading.number), None)
        if dim is None:
            findings.add("dimension_only_in_part3", Severity.WARNING, heading.line, number=heading.number)
            continue
        dim.sheet_line = heading.line
        _choose_name(dim, heading.name, "dimension_name_differs", heading.line, findings, number=str(dim.number))
    for heading in p3.missions:
        mission = next((m for m in plan.missions if m.code == heading.code), None)
        if mission is None:
            findings.add("mission_only_in_part3", Severity.WARNING, heading.line, code=heading.code)
            continue
        mission.sheet_line, mission.sheet_name = heading.line, heading.name
        _choose_name(mission, heading.name, "mission_name_differs", heading.line, findings, code=mission.code)
        if not mission.projects and heading.no_project_line is None:
            findings.add("mission_empty_unstated", Severity.INFO, heading.line, code=mission.code)
    seen = {h.code for h in p3.missions}
    for mission in plan.missions:
        if mission.code not in seen and p3.sheets:
            findings.add("mission_not_in_part3", Severity.INFO, mission.line, code=mission.code)


def _choose_name(
    item: ParsedDimension | ParsedMission, part3: str, finding: str, line: int, findings: Findings, **params: str
) -> None:
    if nospace(item.name) == nospace(part3):
        item.name = part3  # same words, Part 3's spacing
        return
    raw = item.name
    item.name = dewrap(raw, part3)  # Part 2's words, without the cell's wrap spaces
    if name_key(raw) != name_key(part3):
        findings.add(finding, Severity.WARNING, line, other=(item.line or 0,), part2=raw, part3=part3, **params)


# ---- budgets -----------------------------------------------------------------------------------------------


def sheet_amount(text: str) -> tuple[bool, int | None]:
    """(understood, amount) from section ๗/๘ of a sheet: "๑๐,๐๐๐ บาท" → 10000; "ไม่ใช้งบประมาณ…" → None."""
    s = squash(text)
    if not s:
        return False, None
    if "ไม่ใช้งบประมาณ" in nospace(s) or s in ("-", "–"):
        return True, None
    m = re.search(rf"({NUMBER.pattern})\s*(?:\.-)?\s*บาท", s)
    if m:
        return True, int(numf(m.group(1)))
    return False, None


def resolve_shared(plan: ParsedPlan, shared: list[SharedBudget], findings: Findings) -> None:
    """A single amount printed for several projects: give it to the one project whose sheet states that amount
    while the others' sheets state none; otherwise leave it on the first project. Reported either way."""
    for row in shared:
        projects = [p for n in row.numbers if (p := plan.project(n))]
        amounts = set(row.amounts.values())
        amount = next(iter(amounts)) if len(amounts) == 1 else None
        readings = [sheet_amount(p.sheet.budget_text) if p.sheet else (False, None) for p in projects]
        holders = [p for p, (ok, a) in zip(projects, readings, strict=True) if ok and a is not None and a == amount]
        others_none = all(ok and a is None for p, (ok, a) in zip(projects, readings, strict=True) if p not in holders)
        resolved = len(holders) == 1 and others_none
        target = holders[0] if resolved else projects[0]
        for p in projects:
            for b in p.budgets:
                if b.fiscal_year in row.amounts:
                    b.amount = row.amounts[b.fiscal_year] if p is target else None
                    b.raw = row.raw[b.fiscal_year] if p is target else ""
        shown = fmt_baht(amount) if amount is not None else "/".join(fmt_baht(a) for a in row.amounts.values())
        findings.add(
            "shared_budget_resolved" if resolved else "shared_budget",
            Severity.WARNING,
            row.line,
            other=tuple(p.sheet.line or 0 for p in projects if p.sheet),
            numbers=fmt_numbers(row.numbers),
            amount=shown,
            stored=target.number,
        )


def compare_budgets(plan: ParsedPlan, findings: Findings) -> None:
    for project in plan.projects:
        if project.sheet is None:
            continue
        ok, amount = sheet_amount(project.sheet.budget_text)
        line = project.sheet.section_lines.get("budget", project.sheet.line)
        if not ok:
            if project.sheet.budget_text:
                findings.add("sheet_budget_unreadable", Severity.INFO, line, number=project.number, text=cut_chars(project.sheet.budget_text, 60))
            continue
        differing = [b for b in project.budgets if b.amount != amount]
        if differing:
            findings.add(
                "project_budget_differs", Severity.WARNING, line, other=(project.line or 0,),
                number=project.number,
                part2=", ".join(f"{b.fiscal_year}: {fmt_baht(b.amount)}" for b in project.budgets),
                part3=cut_chars(project.sheet.budget_text, 60),
            )
