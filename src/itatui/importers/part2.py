"""Part 2, the plan table: dimension → mission → numbered projects, five yearly budgets, responsible units.

Each table row is one line with tab-separated cells; a merged cell holds several projects ("๔) … ๕) …"),
several budgets ("- - -") and several units ("สป. ทุกส่วน ราชการ"). How the values of a merged cell are shared
out is recorded, and every case that is not one-to-one becomes a finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from itatui.domain.eplan import KIND_WORDS, kind_from_name
from itatui.domain.thai import InputError, parse_int
from itatui.present.numbers import BUDGET_MAX
from itatui.importers.findings import Findings, Severity, fmt_numbers
from itatui.importers.parsed import (
    ParsedBudget,
    ParsedDimension,
    ParsedMission,
    ParsedProject,
    ParsedTotal,
)
from itatui.importers.textutil import DIGIT, num, nospace, squash
from itatui.domain.text import cut_chars

PROJECT_MARK = re.compile(rf"(?:^|(?<=\s))({DIGIT}{{1,3}})\)\s*")
COUNT = re.compile(rf"จำนวน\s*({DIGIT}+)\s*โครงการ")
STATED_TOTAL = re.compile(rf"รวม\s*จำนวน\s*({DIGIT}+)\s*โครงการ")
NO_PROJECT = {"", "-", "–"}
_UNIT_STARTS = ("สป.", "กอง", "ทุกส่วน", "สำนัก")  # pieces that begin a unit of their own

# Known abbreviations of the หมายเหตุ column → full unit name.
UNIT_NAMES = {
    "สป.": "สำนักปลัด",
    "กองคลัง": "กองคลัง",
    "กองช่าง": "กองช่าง",
    "ศึกษาฯ ศพด.": "กองการศึกษา (ศูนย์พัฒนาเด็กเล็ก)",
    "ศึกษาฯ": "กองการศึกษา",
    "ทุกส่วนราชการ": "ทุกส่วนราชการ",
}


@dataclass
class SharedBudget:
    """One budget value printed for several projects of a merged cell (e.g. projects 4 and 5 share 10,000)."""

    line: int
    numbers: list[int]
    amounts: dict[int, int | None]  # year → the single value printed
    raw: dict[int, str]


@dataclass
class Part2:
    header_line: int
    fiscal_years: list[int]
    dimensions: list[ParsedDimension] = field(default_factory=list)
    grand_total: ParsedTotal | None = None
    stated_total: int | None = None
    stated_total_line: int | None = None
    shared: list[SharedBudget] = field(default_factory=list)
    end: int = 0  # index just after the last table line read
    unit_codes: list[str] = field(default_factory=list)


def is_table_header(line: str) -> bool:
    if "\t" not in line:
        return False
    cells = [nospace(c) for c in line.split("\t")]
    return len(cells) >= 3 and cells[1].startswith("ภารกิจตาม") and "โครงการ" in cells[2]


def split_units(cell: str) -> list[str]:
    """"สป. ทุกส่วน ราชการ" → ["สป.", "ทุกส่วนราชการ"]; "ศึกษาฯ ศพด." stays one unit. Line wrapping in the
    cell put spaces inside names; a piece ending in "ฯ" or the word "ทุกส่วน" runs on into the next piece."""
    text = squash(cell)
    tokens = text.split(" ") if text not in NO_PROJECT else []
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok == "ทุกส่วน" and nxt.startswith("ราชการ"):
            tok, i = tok + nxt, i + 1
        elif tok.endswith("ฯ") and nxt and not nxt.startswith(_UNIT_STARTS):
            tok, i = tok + " " + nxt, i + 1
        out.append(tok)
        i += 1
    return out


def states_kind(name: str) -> bool:
    head = name.strip().lstrip("-–•“\"' ")
    return any(head.startswith(word) for word, _kind in KIND_WORDS)


def split_projects(cell: str) -> list[tuple[int, str]]:
    """"๔) a ๕) b" → [(4, "a"), (5, "b")]. A marker only counts when its number is above the previous one,
    so "ฉบับที่ ๕)" inside a name cannot cut it."""
    cell = squash(cell)
    marks = []
    last = 0
    for m in PROJECT_MARK.finditer(cell):
        n = num(m.group(1))
        if n > last:
            marks.append(m)
            last = n
    out = []
    for k, m in enumerate(marks):
        stop = marks[k + 1].start() if k + 1 < len(marks) else len(cell)
        out.append((num(m.group(1)), cell[m.end() : stop].strip()))
    return out


def _budget_values(cell: str, line: int, findings: Findings) -> list[tuple[int | None, str]]:
    tokens = [t for t in squash(cell).split(" ") if t and t != "บาท"]
    out = []
    for tok in tokens:
        try:
            out.append((parse_int(tok, max_value=BUDGET_MAX), tok))
        except InputError:
            findings.add("budget_unreadable", Severity.ERROR, line, text=tok)
            out.append((None, tok))
    return out


def read_part2(lines: list[str], start: int, stop: int, findings: Findings) -> Part2 | None:
    """Read the table found between ``start`` and ``stop`` (indexes). None when there is no table header."""
    header_at = next((i for i in range(start, stop) if is_table_header(lines[i])), None)
    if header_at is None:
        return None
    header = [squash(c) for c in lines[header_at].split("\t")]
    years = [num(m.group(1)) for c in header if (m := re.search(rf"ปี\s*({DIGIT}{{4}})", c))]
    p2 = Part2(header_at + 1, years)
    for i in range(start, header_at):
        m = STATED_TOTAL.search(squash(lines[i]))
        if m:
            p2.stated_total, p2.stated_total_line = num(m.group(1)), i + 1
    reader = _TableReader(p2, findings, len(years))
    i = header_at
    while i < stop:
        raw = lines[i]
        line = i + 1
        if is_table_header(raw):
            cells = [nospace(c) for c in raw.split("\t")]
            if cells[0] == "มติ" or cells[1].endswith("มติ"):
                findings.add("misspelt_dimension", Severity.INFO, line, text="มติ")
            again = [num(m.group(1)) for c in raw.split("\t") if (m := re.search(rf"ปี\s*({DIGIT}{{4}})", c))]
            if again != years:
                findings.add("year_columns_differ", Severity.WARNING, line, years=", ".join(map(str, again)))
        elif "\t" in raw:
            cells = [squash(c) for c in raw.split("\t")]
            if all(c.startswith("งบประมาณ") or not c for c in cells):
                pass  # the header's second line
            elif reader.row(cells, line):
                p2.end = i + 1
                break  # the grand total closes the table
        elif squash(raw):
            if squash(raw).startswith("ส่วนที่"):
                break
            findings.add("unplaced_line", Severity.ERROR, line, text=cut_chars(squash(raw), 60))
        p2.end = i + 1
        i += 1
    return p2


class _TableReader:
    def __init__(self, p2: Part2, findings: Findings, n_years: int):
        self.p2 = p2
        self.findings = findings
        self.n_years = n_years
        self.dimension: ParsedDimension | None = None
        self.mission: ParsedMission | None = None
        self.last_number = 0

    def row(self, cells: list[str], line: int) -> bool:
        """Read one row; True when it was the grand total."""
        width = 3 + self.n_years + 1
        if len(cells) != width:
            self.findings.add("row_cells", Severity.ERROR, line, found=len(cells), expected=width)
            cells = (cells + [""] * width)[:width]
        dim_cell, mission_cell, project_cell = cells[0], cells[1], cells[2]
        year_cells, unit_cell = cells[3 : 3 + self.n_years], cells[-1]
        if dim_cell:
            m = re.match(rf"^({DIGIT}+)\s*\.?\s*(.*)$", dim_cell)
            if m:
                self.dimension = ParsedDimension(num(m.group(1)), m.group(2), line)
                self.p2.dimensions.append(self.dimension)
                self.mission = None
            else:
                self.findings.add("unplaced_line", Severity.ERROR, line, text=cut_chars(dim_cell, 60))
        key = nospace(mission_cell)
        if key.startswith("รวมทั้งสิ้น"):
            self.p2.grand_total = self._total(project_cell, year_cells, line)
            return True
        if key == "รวม":
            if self.dimension is None:
                self.findings.add("unplaced_line", Severity.ERROR, line, text=mission_cell)
            else:
                self.dimension.subtotal = self._total(project_cell, year_cells, line)
            return False
        m = re.match(rf"^({DIGIT}+)\.({DIGIT}+)\s*(.*)$", mission_cell)
        if m:
            if self.dimension is None:
                self.findings.add("unplaced_line", Severity.ERROR, line, text=cut_chars(mission_cell, 60))
                return False
            code = f"{num(m.group(1))}.{num(m.group(2))}"
            if num(m.group(1)) != self.dimension.number:
                self.findings.add("mission_in_wrong_dimension", Severity.WARNING, line, code=code, dimension=self.dimension.number)
            self.mission = ParsedMission(code, m.group(3), line)
            self.dimension.missions.append(self.mission)
        elif mission_cell:
            self.findings.add("unplaced_line", Severity.ERROR, line, text=cut_chars(mission_cell, 60))
            return False
        if self.mission is None:
            if project_cell not in NO_PROJECT:
                self.findings.add("unplaced_line", Severity.ERROR, line, text=cut_chars(project_cell, 60))
            return False
        self._projects(project_cell, year_cells, unit_cell, line)
        return False

    def _total(self, count_cell: str, year_cells: list[str], line: int) -> ParsedTotal:
        m = COUNT.search(count_cell)
        amounts: dict[int, int | None] = {}
        for year, cell in zip(self.p2.fiscal_years, year_cells, strict=False):
            values = _budget_values(cell, line, self.findings)
            amounts[year] = values[0][0] if values else None
        return ParsedTotal(line, num(m.group(1)) if m else None, amounts)

    def _projects(self, project_cell: str, year_cells: list[str], unit_cell: str, line: int) -> None:
        assert self.mission is not None
        if project_cell in NO_PROJECT:
            return
        found = split_projects(project_cell)
        if not found:
            self.findings.add("unplaced_line", Severity.ERROR, line, text=cut_chars(project_cell, 60))
            return
        projects = []
        for number, name in found:
            if name.endswith("-") and not name.endswith("--"):
                name = name.rstrip("-").rstrip()
                self.findings.add("stray_dash", Severity.INFO, line, number=number)
            self._numbering(number, line)
            kind = kind_from_name(name)
            if not states_kind(name):
                self.findings.add("kind_not_stated", Severity.INFO, line, number=number)
            projects.append(ParsedProject(number, name, str(kind), line))
        self.mission.projects.extend(projects)
        numbers = [p.number for p in projects]
        self._budgets(projects, year_cells, line, numbers)
        self._units(projects, unit_cell, line, numbers)

    def _numbering(self, number: int, line: int) -> None:
        if number <= self.last_number:
            self.findings.add("numbering_order", Severity.WARNING, line, number=number, previous=self.last_number)
        elif number != self.last_number + 1:
            missing = list(range(self.last_number + 1, number))
            self.findings.add(
                "numbering_gap", Severity.WARNING, line, missing=fmt_numbers(missing), before=self.last_number, after=number
            )
        self.last_number = max(self.last_number, number)

    def _budgets(self, projects: list[ParsedProject], year_cells: list[str], line: int, numbers: list[int]) -> None:
        n = len(projects)
        shared_amounts: dict[int, int | None] = {}
        shared_raw: dict[int, str] = {}
        extras = False
        short = False
        for year, cell in zip(self.p2.fiscal_years, year_cells, strict=False):
            values = _budget_values(cell, line, self.findings)
            if len(values) == n:
                assigned = values
            elif len(values) == 1 and values[0][0] is None:
                assigned = values * n  # one "-" for the whole cell: none of them has a budget
            elif len(values) == 1:
                # One amount printed for several projects: stored on the first for now; the reconciler
                # decides with Part 3 and reports it either way.
                shared_amounts[year], shared_raw[year] = values[0]
                assigned = [values[0]] + [(None, "")] * (n - 1)
            elif len(values) > n:
                extras = True
                assigned = values[:n]
            else:
                short = True
                assigned = values + [(None, "")] * (n - len(values))
            for project, (amount, raw) in zip(projects, assigned, strict=True):
                project.budgets.append(ParsedBudget(year, amount, raw))
        if shared_amounts:
            self.p2.shared.append(SharedBudget(line, numbers, shared_amounts, shared_raw))
        if extras:
            self.findings.add(
                "budget_extra_values", Severity.WARNING, line, numbers=fmt_numbers(numbers), cell=squash(year_cells[0]) if year_cells else ""
            )
        if short:
            self.findings.add("budget_values_short", Severity.WARNING, line, numbers=fmt_numbers(numbers))

    def _units(self, projects: list[ParsedProject], unit_cell: str, line: int, numbers: list[int]) -> None:
        units = split_units(unit_cell)
        for u in units:
            if u not in self.p2.unit_codes:
                self.p2.unit_codes.append(u)
        if len(units) == len(projects):
            for project, unit in zip(projects, units, strict=True):
                project.units = [unit]
        elif len(units) == 1 or len(projects) == 1:
            for project in projects:
                project.units = list(dict.fromkeys(units))
        else:
            distinct = list(dict.fromkeys(units))
            for project in projects:
                project.units = list(distinct)
            self.findings.add(
                "units_ambiguous",
                Severity.WARNING,
                line,
                numbers=fmt_numbers(numbers),
                count=len(projects),
                units=len(units),
                stored=", ".join(distinct),
            )
        if not units:
            self.findings.add("no_unit", Severity.INFO, line, numbers=fmt_numbers(numbers))
