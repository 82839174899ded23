"""Whole-document checks: declared counts, subtotals and totals, goals against the targets table, periods,
risk controls against plan projects, and a scan for misspellings of the organisation's name and template
placeholders left in the text."""

from __future__ import annotations

import re

from itatui.domain.eplan import TargetGroup
from itatui.importers.findings import Findings, Severity, fmt_baht
from itatui.importers.parsed import ParsedPlan, ParsedProject, ParsedTotal
from itatui.importers.part1 import Part1
from itatui.importers.textutil import DIGIT, name_key, num, similarity
from itatui.domain.text import cut_chars


def check_counts(plan: ParsedPlan, p1: Part1, findings: Findings) -> None:
    counted = len(plan.projects)
    if p1.declared_total is not None and p1.declared_total != counted:
        findings.add(
            "declared_total_mismatch", Severity.WARNING, p1.declared_total_line,
            other=(plan.stated_total_line or 0,),
            declared=p1.declared_total, counted=counted, stated=plan.stated_total if plan.stated_total is not None else "-",
        )
    if plan.stated_total is not None and plan.stated_total != counted:
        findings.add("stated_total_mismatch", Severity.WARNING, plan.stated_total_line, stated=plan.stated_total, counted=counted)
    if plan.grand_total and plan.grand_total.count is not None and plan.grand_total.count != counted:
        findings.add("grand_total_count_mismatch", Severity.WARNING, plan.grand_total.line, stated=plan.grand_total.count, counted=counted)
    declared = {d.number: d for d in p1.declared_dimensions}
    if declared and p1.declared_total is not None and sum(d.count for d in declared.values()) != p1.declared_total:
        findings.add(
            "declared_sum_mismatch", Severity.WARNING, p1.declared_total_line,
            total=p1.declared_total, parts=sum(d.count for d in declared.values()),
        )
    for dim in plan.dimensions:
        n = len(dim.projects)
        d = declared.get(dim.number)
        if d is not None and d.count != n:
            findings.add(
                "dimension_declared_mismatch", Severity.WARNING, d.line, other=(dim.line or 0,),
                dimension=dim.number, declared=d.count, counted=n,
            )
        if dim.subtotal is None:
            findings.add("subtotal_missing", Severity.WARNING, dim.line, dimension=dim.number)
        elif dim.subtotal.count is not None and dim.subtotal.count != n:
            findings.add(
                "subtotal_count_mismatch", Severity.WARNING, dim.subtotal.line, dimension=dim.number, stated=dim.subtotal.count, counted=n
            )
    for number in sorted(set(declared) - {d.number for d in plan.dimensions}):
        findings.add("dimension_declared_missing", Severity.WARNING, declared[number].line, dimension=number)


def _sum(projects: list[ParsedProject], year: int) -> int:
    return sum(p.budget(year) or 0 for p in projects)


def _compare_total(total: ParsedTotal, projects: list[ParsedProject], years: list[int], code: str, findings: Findings, **params: object) -> None:
    for year in years:
        stated = total.amounts.get(year)
        summed = _sum(projects, year)
        if (stated or 0) != summed:
            findings.add(code, Severity.WARNING, total.line, year=year, stated=fmt_baht(stated), summed=fmt_baht(summed), **params)


def check_totals(plan: ParsedPlan, findings: Findings) -> None:
    years = plan.years()
    for dim in plan.dimensions:
        if dim.subtotal:
            _compare_total(dim.subtotal, dim.projects, years, "subtotal_budget_mismatch", findings, dimension=dim.number)
    if plan.grand_total:
        _compare_total(plan.grand_total, plan.projects, years, "grand_total_budget_mismatch", findings)


def check_goals_and_periods(plan: ParsedPlan, p1: Part1, findings: Findings) -> None:
    targets = {(t.kind, t.fiscal_year): t for t in plan.targets}
    for goal in p1.goals:
        target = targets.get((goal.kind, goal.fiscal_year))
        if target is None:
            findings.add(f"goal_without_target_{goal.kind}", Severity.INFO, goal.line, year=goal.fiscal_year, value=f"{goal.value:g}")
        elif target.target != goal.value:
            findings.add(
                f"goal_differs_{goal.kind}", Severity.WARNING, goal.line, other=(target.line or 0,),
                year=goal.fiscal_year, goal=f"{goal.value:g}",
                target=f"{target.target:g}" if target.target is not None else "-",
            )
    period = list(range(plan.start_year, plan.end_year + 1))
    if plan.fiscal_years and plan.fiscal_years != period:
        findings.add(
            "year_columns_period", Severity.WARNING, None, years=", ".join(map(str, plan.fiscal_years)),
            start=plan.start_year, end=plan.end_year,
        )
    target_years = sorted({t.fiscal_year for t in plan.targets})
    if target_years and target_years != period:
        findings.add("target_years_period", Severity.WARNING, plan.targets[0].line, years=", ".join(map(str, target_years)))
    for project in plan.projects:
        sheet = project.sheet
        if not sheet or not sheet.period:
            continue
        years = [num(y) for y in re.findall(rf"{DIGIT}{{4}}", sheet.period)]
        if years and (min(years), max(years)) != (plan.start_year, plan.end_year):
            findings.add(
                "sheet_period_differs", Severity.INFO, sheet.section_lines.get("period", sheet.line),
                number=project.number, period=cut_chars(sheet.period, 40),
            )


def link_controls(plan: ParsedPlan, findings: Findings) -> None:
    """Link each risk control to the plan project it names, when the names clearly match."""
    orgs = (plan.organisation.name,) if plan.organisation.name else ()
    keyed = [(p, {name_key(p.name, orgs), name_key(p.sheet.name, orgs) if p.sheet else ""} - {""}) for p in plan.projects]
    for proc in plan.risks:
        for control in proc.controls:
            key = name_key(control.text, orgs)
            exact = [p for p, keys in keyed if key in keys]
            if len(exact) == 1:
                control.project_number = exact[0].number
                if name_key(control.text) not in {name_key(exact[0].name), name_key(exact[0].sheet.name if exact[0].sheet else "")}:
                    findings.add(
                        "risk_control_matched", Severity.INFO, proc.line, process=proc.number, control=control.number,
                        number=exact[0].number,
                    )
                continue
            scored = sorted(((max(similarity(key, k) for k in keys), p.number) for p, keys in keyed if keys), reverse=True)
            if scored and scored[0][0] >= 0.9 and (len(scored) == 1 or scored[0][0] - scored[1][0] > 0.05):
                control.project_number = scored[0][1]
                findings.add(
                    "risk_control_approx", Severity.INFO, proc.line, process=proc.number, control=control.number,
                    number=scored[0][1], text=cut_chars(control.text, 80),
                )
            else:
                findings.add("risk_control_unmatched", Severity.INFO, proc.line, process=proc.number, control=control.number)


_ORG_KINDS = ("องค์การบริหารส่วนจังหวัด", "องค์การบริหารส่วนตำบล", "เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร")
_PLACEHOLDER = re.compile(r"ระบุชื่อ|\(ระบุ[^)]*\)|\[[^\]]*ระบุ[^\]]*\]|x{4,}|X{4,}|\.{6,}")


def scan_text(lines: list[str], plan: ParsedPlan, start: int, findings: Findings) -> None:
    """From ``start`` (an index) on: the organisation's name misspelt, template placeholders left in."""
    name = plan.organisation.name
    kind = next((k for k in _ORG_KINDS if name.startswith(k)), None)
    pattern = None
    if kind and len(name) > len(kind):
        base = name[len(kind) :]
        spaced = r"\s*".join(re.escape(part) for part in (kind[:6], kind[6:]) if part)
        pattern = re.compile(spaced + r"\s*([^\s“”\"'(),/]+)")
    for i in range(start, len(lines)):
        text = lines[i]
        if pattern:
            for m in pattern.finditer(text):
                word = m.group(1)
                rest = re.sub(r"\s+", "", text[m.start(1) :])
                if rest.startswith(base) or word.startswith(base):
                    continue
                if similarity(base, word[: len(base)]) >= 0.6:
                    found = word[: len(base) + 2]
                    findings.add("org_name_misspelt", Severity.INFO, i + 1, found=kind + found, expected=name)
                    break
        m = _PLACEHOLDER.search(text)
        if m:
            findings.add("template_placeholder", Severity.INFO, i + 1, text=text[max(0, m.start() - 20) : m.end() + 20].strip())


_GROUP_WORDS: tuple[tuple[str, TargetGroup], ...] = (
    ("ผู้บริหาร", TargetGroup.POLITICAL_EXECUTIVE),
    ("สมาชิกสภา", TargetGroup.POLITICAL_COUNCIL),
    ("พนักงาน|ลูกจ้าง|ข้าราชการ|บุคลากร|เจ้าหน้าที่", TargetGroup.LOCAL_OFFICIALS),
    ("เด็ก|เยาวชน", TargetGroup.YOUTH),
    ("ประชาชน|ชุมชน|หมู่บ้าน|ประชาสังคม", TargetGroup.CITIZENS),
    ("สถานศึกษา|โรงเรียน", TargetGroup.SCHOOLS),
    ("ภาครัฐ|ส่วนราชการอื่น", TargetGroup.GOVERNMENT),
    ("รัฐวิสาหกิจ", TargetGroup.STATE_ENTERPRISE),
    ("เอกชน", TargetGroup.PRIVATE_SECTOR),
)


def suggest_eplan_groups(plan: ParsedPlan) -> None:
    """E-PlanNACC target-group categories suggested from the wording of each sheet's target groups (the officer
    confirms them when entering the plan in E-PlanNACC)."""
    for project in plan.projects:
        if not project.sheet:
            continue
        text = " ".join(tg.description for tg in project.sheet.target_groups)
        project.eplan_target_groups = [str(g) for words, g in _GROUP_WORDS if re.search(words, text)]
