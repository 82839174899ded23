"""The cover, the preface and Part 1 (introduction): organisation, title, period, declared counts, the risk
table and the targets table."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from itatui.domain.thai import to_arabic
from itatui.importers.findings import Findings, Severity
from itatui.importers.parsed import (
    ParsedOrganisation,
    ParsedRiskControl,
    ParsedRiskIssue,
    ParsedRiskProcess,
    ParsedTarget,
)
from itatui.importers.textutil import DIGIT, NUMBER, num, numf, squash, thai_join
from itatui.domain.text import cut_chars

PERIOD = re.compile(r"พ\.\s?ศ\.\s*(\d{4})\s*[-–]\s*(\d{4})")
ORG = re.compile(
    r"((?:เทศบาล|องค์การบริหารส่วน|อบต\.|อบจ\.)\S*)\s+อำเภอ\s*(\S+)\s+จังหวัด\s*(\S+)"
)
DECLARED_TOTAL = re.compile(rf"รวมทั้งสิ้น\s*จำนวน\s*({DIGIT}+)\s*โครงการ")
DECLARED_DIMENSION = re.compile(rf"^(มิติ|มติ)ที่\s*({DIGIT}+)\s*(.+?)\s*จำนวน\s*({DIGIT}+)\s*โครงการ")
LEVELS = (("สูงมาก", "very_high"), ("ปานกลาง", "medium"), ("สูง", "high"), ("ต่ำ", "low"))
LEVEL_WORD = re.compile(r"สูงมาก|ปานกลาง|สูง|ต่ำ")


@dataclass
class DeclaredDimension:
    number: int
    name: str
    count: int
    line: int
    misspelt: bool


@dataclass
class Goal:
    kind: str  # ita_score / case_reduction_pct
    fiscal_year: int
    value: float
    line: int


@dataclass
class Part1:
    organisation: ParsedOrganisation
    title: str
    start_year: int
    end_year: int
    period_line: int
    declared_total: int | None = None
    declared_total_line: int | None = None
    declared_dimensions: list[DeclaredDimension] = field(default_factory=list)
    risk_title: str = ""
    risks: list[ParsedRiskProcess] = field(default_factory=list)
    targets: list[ParsedTarget] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    baseline_year: int | None = None


def _cells(line: str) -> list[str]:
    return [squash(c) for c in line.split("\t")]


def read_cover(lines: list[str], end: int, findings: Findings) -> tuple[ParsedOrganisation, str, int, int, int] | None:
    """Title, period and organisation from the cover (the lines before the preface)."""
    period_at = None
    for i in range(min(end, 60)):
        m = PERIOD.search(to_arabic(lines[i]))
        if m:
            period_at = i
            break
    if period_at is None:
        return None
    start, stop = int(m.group(1)), int(m.group(2))
    title = ""
    for i in range(period_at):
        s = squash(lines[i])
        if s:
            title = thai_join(title, s)
    head = to_arabic(lines[period_at]).split("(")[0].split("พ.ศ.")[0].strip()
    if head:
        title = thai_join(title, head)
    org = None
    # The organisation may be spread over two lines on the cover: join the cover, then look.
    cover = ""
    first_org_line = None
    for i in range(period_at + 1, min(end, period_at + 20)):
        s = squash(lines[i])
        if s.startswith("คำนำ"):
            break
        if s:
            first_org_line = first_org_line or i + 1
            cover = (cover + " " + s).strip()
    m2 = ORG.search(cover)
    if m2:
        org = ParsedOrganisation(m2.group(1), m2.group(2), m2.group(3), first_org_line)
    else:
        for i in range(end):  # the plan table's heading repeats it on one line
            m2 = ORG.search(squash(lines[i]))
            if m2:
                org = ParsedOrganisation(m2.group(1), m2.group(2), m2.group(3), i + 1)
                break
    if org is None:
        findings.add("organisation_not_found", Severity.ERROR, period_at + 1)
        org = ParsedOrganisation("")
    return org, title, start, stop, period_at + 1


def read_part1(lines: list[str], end: int, findings: Findings) -> Part1 | None:
    cover = read_cover(lines, end, findings)
    if cover is None:
        return None
    org, title, start, stop, period_line = cover
    p1 = Part1(org, title, start, stop, period_line)
    _read_declared(lines, end, p1, findings)
    _read_tables(lines, end, p1, findings)
    return p1


def _read_declared(lines: list[str], end: int, p1: Part1, findings: Findings) -> None:
    for i in range(end):
        s = squash(lines[i])
        if p1.declared_total is None:
            m = DECLARED_TOTAL.search(s)
            if m:
                p1.declared_total, p1.declared_total_line = num(m.group(1)), i + 1
        m = DECLARED_DIMENSION.match(s)
        if m:
            misspelt = m.group(1) == "มติ"
            p1.declared_dimensions.append(DeclaredDimension(num(m.group(2)), m.group(3), num(m.group(4)), i + 1, misspelt))
            if misspelt:
                findings.add("misspelt_dimension", Severity.INFO, i + 1, text=m.group(1))


def _read_tables(lines: list[str], end: int, p1: Part1, findings: Findings) -> None:
    risk_header = None
    target_years: list[int] = []
    for i in range(end):
        raw = lines[i]
        s = squash(raw)
        if re.match(rf"^{DIGIT}+\.\s*การประเมินความเสี่ยง", s) and not p1.risk_title and "\t" not in raw:
            p1.risk_title = re.sub(rf"^{DIGIT}+\.\s*", "", s)
        if "\t" not in raw:
            continue
        cells = _cells(raw)
        joined = "".join(cells).replace(" ", "")
        if "ขั้นตอน" in joined and "ความเสี่ยง" in joined and not re.match(rf"^{DIGIT}+$", cells[0]):
            risk_header = cells
            continue
        if cells[0].startswith("ค่าเป้าหมาย"):
            target_years = [num(m.group(1)) if (m := re.search(rf"({DIGIT}{{4}})", c)) else 0 for c in cells[1:]]
            continue
        if risk_header and re.match(rf"^{DIGIT}+$", cells[0]):
            p1.risks.append(_risk_row(cells, i + 1, findings))
            continue
        if target_years and cells[0]:
            _target_row(cells, target_years, i + 1, p1, findings)
    for i in range(end):
        _goal(squash(lines[i]), i + 1, p1)


def _split_numbered(text: str) -> list[tuple[int, str]]:
    """"๑. a ๒. b" → [(1, "a"), (2, "b")]; markers must run 1, 2, 3 … so a number inside the text is kept."""
    marks = []
    expected = 1
    for m in re.finditer(rf"(?:^|\s)({DIGIT}{{1,2}})\.\s", text):
        if num(m.group(1)) == expected:
            marks.append(m)
            expected += 1
    if not marks:
        return []
    out = []
    for k, m in enumerate(marks):
        stop = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        out.append((num(m.group(1)), squash(text[m.end() : stop])))
    return out


def _risk_row(cells: list[str], line: int, findings: Findings) -> ParsedRiskProcess:
    cells = cells + [""] * (5 - len(cells))
    number, name, issues_text, level_text, controls_text = cells[:5]
    proc = ParsedRiskProcess(num(number), name, line)
    issues = _split_numbered(issues_text)
    if not issues and issues_text:
        issues = [(1, issues_text)]
        findings.add("risk_issue_unnumbered", Severity.INFO, line, process=proc.number)
    levels = [dict(LEVELS)[w] for w in LEVEL_WORD.findall(level_text)]
    if len(levels) == len(issues):
        assigned = levels
    elif len(levels) == 1:
        assigned = levels * len(issues)  # one level for the process row: it covers each of its issues
    else:
        assigned = (levels + [""] * len(issues))[: len(issues)]
        findings.add(
            "risk_levels_mismatch", Severity.WARNING, line, process=proc.number, levels=level_text or "-", issues=len(issues)
        )
    proc.issues = [ParsedRiskIssue(n, text, lvl) for (n, text), lvl in zip(issues, assigned, strict=True)]
    controls = _split_numbered(controls_text)
    if not controls and controls_text and controls_text != "-":
        controls = [(1, controls_text)]
    proc.controls = [ParsedRiskControl(n, text) for n, text in controls]
    return proc


def _target_row(cells: list[str], years: list[int], line: int, p1: Part1, findings: Findings) -> None:
    label = cells[0]
    if "ITA" in label.upper():
        kind = "ita_score"
    elif "คดี" in label or "ร้องเรียน" in label:
        kind = "case_reduction_pct"
        m = re.search(rf"ปี\s*({DIGIT}{{4}})", label)
        if m:
            p1.baseline_year = num(m.group(1))
    else:
        findings.add("unplaced_line", Severity.ERROR, line, text=cut_chars(label, 60))
        return
    for year, cell in zip(years, cells[1:], strict=False):
        m = NUMBER.search(cell)
        value = numf(m.group(0)) if m else None
        if value is None and cell not in ("", "-"):
            findings.add("target_unreadable", Severity.ERROR, line, text=cell)
        p1.targets.append(ParsedTarget(kind, year, value, line))


_GOAL_CASES = re.compile(rf"ลดลง\s*ร้อยละ\s*({NUMBER.pattern})\s*ในปี\s*(?:พ\.ศ\.)?\s*({DIGIT}{{4}})")
_GOAL_ITA = re.compile(rf"ITA.*?\(?({NUMBER.pattern})\s*คะแนนขึ้นไป\)?\s*ในปี\s*(?:พ\.ศ\.)?\s*({DIGIT}{{4}})")


def _goal(s: str, line: int, p1: Part1) -> None:
    """The goals (เป้าหมาย) in words, e.g. "(๒) … คะแนน ITA … (๘๕ คะแนนขึ้นไป) ในปี พ.ศ. ๒๕๗๐"."""
    if not s.startswith("("):
        return
    m = _GOAL_CASES.search(s)
    if m and ("คดี" in s or "ร้องเรียน" in s):
        p1.goals.append(Goal("case_reduction_pct", num(m.group(2)), numf(m.group(1)), line))
    m = _GOAL_ITA.search(s)
    if m:
        p1.goals.append(Goal("ita_score", num(m.group(2)), numf(m.group(1)), line))
