"""Part 3: one detail sheet per project, under dimension and mission headings.

Sections are recognised by their titles, not their numbers: a sheet with a พื้นที่ดำเนินการ section numbers
its sections ๑.–๑๐., one without it ๑.–๙., and some sheets rename a section ("เป้าหมาย/ผลผลิต").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from itatui.importers.findings import Findings, Severity
from itatui.importers.kpi import kpi_from_text, target_group_from_text
from itatui.importers.parsed import ParsedSheet
from itatui.importers.textutil import DIGIT, Item, num, nospace, paragraphs, split_items, squash, strip_markup, thai_join
from itatui.domain.text import cut_chars

DIMENSION = re.compile(rf"^(มิติ|มติ)ที่\s*({DIGIT}+)\s*(.*)$")
MISSION = re.compile(rf"^({DIGIT}+)\.({DIGIT}+)\s+(\S.*)$")
SHEET = re.compile(rf"^({DIGIT}{{1,2}})\.\s*ชื่อโครงการ\s*:?\s*(.*)$")
SECTION = re.compile(rf"^({DIGIT}{{1,2}})\.\s*(\S.*?)\s*:?\s*$")
NO_PROJECT = re.compile(r"^-?\s*ไม่มีโครงการ")

# Section title as written (spaces removed) → (section key, the NACC template's title).
TITLES: dict[str, str] = {
    "หลักการและเหตุผล": "rationale",
    "วัตถุประสงค์": "objectives",
    "กลุ่มเป้าหมาย": "targets",
    "เป้าหมาย": "targets",
    "เป้าหมาย/ผลผลิต": "targets",
    "พื้นที่ดำเนินการ": "area",
    "สถานที่ดำเนินการ": "area",
    "วิธีดำเนินการ": "method",
    "วิธีการดำเนินการ": "method",
    "ขั้นตอนการดำเนินการ": "method",
    "ระยะเวลาดำเนินการ": "period",
    "ระยะเวลา": "period",
    "งบประมาณดำเนินการ": "budget",
    "งบประมาณ": "budget",
    "ผู้รับผิดชอบ": "owner",
    "ผู้รับผิดชอบโครงการ": "owner",
    "หน่วยงานรับผิดชอบ": "owner",
    "ผลผลิต/ผลลัพธ์": "results",
    "ผลผลิต": "results",
    "ผลลัพธ์": "results",
    "ตัวชี้วัด/ผลลัพธ์": "results",
}
TEMPLATE_TITLES = {
    "rationale": "หลักการและเหตุผล",
    "objectives": "วัตถุประสงค์",
    "targets": "กลุ่มเป้าหมาย",
    "area": "พื้นที่ดำเนินการ",
    "method": "วิธีดำเนินการ",
    "period": "ระยะเวลาดำเนินการ",
    "budget": "งบประมาณดำเนินการ",
    "owner": "ผู้รับผิดชอบ",
    "results": "ผลผลิต/ผลลัพธ์",
}
REQUIRED = ("rationale", "objectives", "targets", "method", "period", "budget", "owner", "results")


@dataclass
class DimensionHeading:
    number: int
    name: str
    line: int


@dataclass
class MissionHeading:
    code: str
    name: str
    line: int
    no_project_line: int | None = None


@dataclass
class _Open:
    sheet: ParsedSheet
    numbers: list[tuple[int, int]] = field(default_factory=list)  # (section number, line)
    bodies: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    current: str = "name"


@dataclass
class Part3:
    start_line: int
    dimensions: list[DimensionHeading] = field(default_factory=list)
    missions: list[MissionHeading] = field(default_factory=list)
    sheets: list[ParsedSheet] = field(default_factory=list)
    last_sheet_complete: bool = True


def read_part3(lines: list[str], start: int, findings: Findings) -> Part3:
    p3 = Part3(start + 1)
    dim_no: int | None = None
    mission: MissionHeading | None = None
    open_: _Open | None = None
    for i in range(start + 1, len(lines)):
        line = i + 1
        s = strip_markup(squash(lines[i]))
        if not s or re.fullmatch(r"#+", s):
            if open_:
                open_.bodies.setdefault(open_.current, []).append((line, ""))
            continue
        m = DIMENSION.match(s)
        if m:
            open_ = _close(open_, p3, findings)
            dim_no = num(m.group(2))
            p3.dimensions.append(DimensionHeading(dim_no, m.group(3), line))
            if m.group(1) == "มติ":
                findings.add("misspelt_dimension", Severity.INFO, line, text="มติ")
            continue
        m = MISSION.match(s)
        if m and _is_next_mission(m, dim_no, mission):
            open_ = _close(open_, p3, findings)
            mission = MissionHeading(f"{num(m.group(1))}.{num(m.group(2))}", m.group(3), line)
            p3.missions.append(mission)
            continue
        if NO_PROJECT.match(s):
            open_ = _close(open_, p3, findings)
            if mission:
                mission.no_project_line = line
            continue
        m = SHEET.match(s)
        if m:
            open_ = _close(open_, p3, findings)
            sheet = ParsedSheet(m.group(2).strip(), line, mission.code if mission else "")
            open_ = _Open(sheet, [(num(m.group(1)), line)])
            continue
        m = SECTION.match(s)
        if open_ and m and nospace(m.group(2)) in TITLES:
            title = nospace(m.group(2))
            key = TITLES[title]
            open_.numbers.append((num(m.group(1)), line))
            if key in open_.sheet.section_lines:
                findings.add("section_repeated", Severity.WARNING, line, title=title)
            open_.sheet.section_lines.setdefault(key, line)
            if title != TEMPLATE_TITLES[key]:
                findings.add("section_renamed", Severity.INFO, line, title=title, expected=TEMPLATE_TITLES[key])
            open_.current = "outcomes" if title == "ผลลัพธ์" else ("outputs" if key == "results" else key)
            continue
        if open_ and open_.current in ("outputs", "outcomes") and s.rstrip(":") in ("ผลผลิต", "ผลลัพธ์"):
            open_.current = "outputs" if s.startswith("ผลผลิต") else "outcomes"
            continue
        if open_:
            open_.bodies.setdefault(open_.current, []).append((line, s))
        else:
            findings.add("unplaced_line", Severity.ERROR, line, text=cut_chars(s, 60))
    _close(open_, p3, findings, last=True)
    return p3


def _is_next_mission(m: re.Match[str], dim_no: int | None, mission: MissionHeading | None) -> bool:
    """A "x.y text" line is a mission heading only under dimension x and after mission x.(y-1) or earlier;
    numbered text inside a sheet ("๒.๑ …") does not qualify."""
    d, k = num(m.group(1)), num(m.group(2))
    if dim_no is not None and d != dim_no:
        return False
    if mission is not None and mission.code.split(".")[0] == str(d):
        return k > int(mission.code.split(".")[1])
    return True


def _close(open_: _Open | None, p3: Part3, findings: Findings, *, last: bool = False) -> None:
    if open_ is None:
        return None
    sheet = open_.sheet
    bodies = open_.bodies
    name_lines = [s for _l, s in bodies.get("name", []) if s]
    for extra in name_lines:
        sheet.name = thai_join(sheet.name, extra)
    sheet.rationale = paragraphs(bodies.get("rationale", []))
    sheet.objectives = [it.full() for it in split_items(bodies.get("objectives", []))]
    for it in split_items(bodies.get("targets", [])):
        tg = target_group_from_text(_flat(it), it.line)
        sheet.target_groups.append(tg)
        if tg.count is None:
            findings.add("target_group_no_count", Severity.INFO, it.line, text=cut_chars(tg.description, 60))
    sheet.area = paragraphs(bodies.get("area", []))
    sheet.method_steps = [it.full() for it in split_items(bodies.get("method", []))]
    sheet.period = paragraphs(bodies.get("period", []))
    sheet.budget_text = paragraphs(bodies.get("budget", []))
    sheet.owner = paragraphs(bodies.get("owner", []))
    for kind, attr in (("output", "outputs"), ("outcome", "outcomes")):
        items = split_items(bodies.get(attr, []))
        setattr(sheet, attr, [it.full() for it in items])
        for it in items:
            kpi = kpi_from_text(kind, _flat(it), it.line)
            if kpi:
                sheet.kpis.append(kpi)
    all_lines = [ln for body in bodies.values() for ln, _s in body] + [ln for _n, ln in open_.numbers]
    sheet.end_line = max(all_lines) if all_lines else sheet.line
    _check_sections(open_, findings)
    complete = all(k in sheet.section_lines for k in ("owner", "results")) and bool(sheet.outputs or sheet.outcomes)
    if last:
        p3.last_sheet_complete = complete
    p3.sheets.append(sheet)
    return None


def _flat(item: Item) -> str:
    return " ".join(item.full().split("\n"))


def _check_sections(open_: _Open, findings: Findings) -> None:
    sheet = open_.sheet
    for expected, (number, line) in enumerate(open_.numbers, start=1):
        if number != expected:
            findings.add("section_numbering", Severity.INFO, line, found=number, expected=expected)
            break
    missing = [TEMPLATE_TITLES[k] for k in REQUIRED if k not in sheet.section_lines]
    if missing:
        findings.add("section_missing", Severity.WARNING, sheet.line, sections=", ".join(missing))
    if "area" not in sheet.section_lines:
        findings.add("section_no_area", Severity.INFO, sheet.line)
