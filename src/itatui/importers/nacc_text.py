"""Read a NACC-template anti-corruption plan exported as plain text (the ``../shared/source-plan`` layout).

``parse_plan_text`` is pure: text in, ``ParsedPlan`` (with its findings) out, or ``PlanFormatError`` when the
text is not such a plan or stops part-way (nothing should then be imported). The document is never "fixed"
silently: wherever the reader had to choose, a finding says what it stored.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from itatui.importers import checks, reconcile
from itatui.importers.errors import PlanFormatError
from itatui.importers.findings import Findings
from itatui.importers.parsed import ParsedPlan, ParsedUnit
from itatui.domain.thai import to_arabic
from itatui.importers.part1 import PERIOD, read_part1
from itatui.importers.part2 import UNIT_NAMES, is_table_header, read_part2
from itatui.importers.part3 import read_part3
from itatui.importers.textutil import nospace, squash

PART = re.compile(r"^ส่วนที่\s*([๑-๓1-3])\s*$")
PLAN_WORDS = ("แผนปฏิบัติการป้องกันการทุจริต",)


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or the Thai Windows code page."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        raise PlanFormatError("import.err.not_text") from None
    return text


def parse_plan_file(path: str | Path) -> ParsedPlan:
    from itatui.importers.damage import MAX_BYTES

    p = Path(path)
    try:
        if p.is_file() and p.stat().st_size > MAX_BYTES:
            raise PlanFormatError("import.err.too_large", mb=MAX_BYTES // (1024 * 1024))
        with p.open("rb") as fh:  # at most the limit: an endless input (a pipe, /dev/zero) is refused at once
            data = fh.read(4096)
            if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
                raise PlanFormatError("import.err.not_text")
            data += fh.read(MAX_BYTES + 1 - len(data))
    except OSError as exc:
        raise PlanFormatError("import.err.cannot_read", path=str(p), reason=exc.strerror or str(exc)) from None
    if len(data) > MAX_BYTES:
        raise PlanFormatError("import.err.too_large", mb=MAX_BYTES // (1024 * 1024))
    return parse_plan_text(decode(data), source_name=p.name)


def parse_plan_text(text: str, *, source_name: str = "") -> ParsedPlan:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    findings = Findings()
    table_at = next((i for i, ln in enumerate(lines) if is_table_header(ln)), None)
    if table_at is None:
        # A plan's cover (title and period) without its table: the text stops before Part 2.
        if any(w in text for w in PLAN_WORDS) and PERIOD.search(to_arabic("\n".join(lines[:60]))):
            raise PlanFormatError("import.err.truncated_before_part2", line=len(lines))
        raise PlanFormatError("import.err.not_a_plan")
    part2_at = _last_before(lines, table_at, "2") or table_at
    p1 = read_part1(lines, part2_at, findings)
    if p1 is None:
        raise PlanFormatError("import.err.no_cover")
    part3_at = _first_after(lines, table_at, "3")
    p2 = read_part2(lines, part2_at, part3_at if part3_at is not None else len(lines), findings)
    assert p2 is not None  # a header exists at table_at
    if p2.grand_total is None:
        raise PlanFormatError("import.err.truncated_part2", line=p2.end or len(lines))
    if not p2.dimensions or not any(d.projects for d in p2.dimensions):
        raise PlanFormatError("import.err.no_projects", line=p2.header_line)
    seen: dict[int, int] = {}
    for project in (p for d in p2.dimensions for p in d.projects):
        if project.number in seen:
            # Projects are keyed by their number (progress, re-import); two with one number cannot be kept apart.
            raise PlanFormatError("import.err.duplicate_number", number=project.number, line=project.line, first=seen[project.number])
        seen[project.number] = project.line or 0
    if part3_at is None:
        raise PlanFormatError("import.err.truncated_before_part3", line=len(lines))
    p3 = read_part3(lines, part3_at, findings)

    plan = ParsedPlan(
        organisation=p1.organisation,
        title=p1.title,
        start_year=p1.start_year,
        end_year=p1.end_year,
        dimensions=p2.dimensions,
        units=[ParsedUnit(code, UNIT_NAMES.get(code, ""), code == "ทุกส่วนราชการ") for code in p2.unit_codes],
        targets=p1.targets,
        risk_title=p1.risk_title,
        risks=p1.risks,
        declared_total=p1.declared_total,
        declared_total_line=p1.declared_total_line,
        stated_total=p2.stated_total,
        stated_total_line=p2.stated_total_line,
        grand_total=p2.grand_total,
        fiscal_years=p2.fiscal_years,
        source_name=source_name,
        source_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        findings=findings,
    )
    declared = {d.number: d for d in p1.declared_dimensions}
    for dim in plan.dimensions:
        if dim.number in declared:
            dim.declared_count = declared[dim.number].count
            dim.declared_line = declared[dim.number].line
            if nospace(declared[dim.number].name) == nospace(dim.name):
                dim.name = declared[dim.number].name  # the preface's spacing; the table cell is wrapped

    reconcile.compare_headings(plan, p3, findings)
    reconcile.attach_sheets(plan, p3, findings)
    _refuse_if_cut(plan, p3)
    reconcile.resolve_shared(plan, p2.shared, findings)
    reconcile.compare_budgets(plan, findings)
    checks.check_counts(plan, p1, findings)
    checks.check_totals(plan, findings)
    checks.check_goals_and_periods(plan, p1, findings)
    checks.link_controls(plan, findings)
    checks.scan_text(lines, plan, 0, findings)
    checks.suggest_eplan_groups(plan)
    plan.findings = Findings(findings.sorted())
    return plan


def _refuse_if_cut(plan: ParsedPlan, p3) -> None:  # noqa: ANN001
    """Part 3 stopping before the last project's sheet, or inside a sheet, means the file was cut."""
    if not p3.sheets:
        raise PlanFormatError("import.err.truncated_part3", line=p3.start_line)
    last = max(plan.projects, key=lambda p: p.number)
    if not p3.last_sheet_complete:
        raise PlanFormatError("import.err.truncated_part3", line=p3.sheets[-1].end_line or p3.sheets[-1].line)
    if last.sheet is None and p3.sheets[-1] is not None:
        tail = max(s.end_line or s.line or 0 for s in p3.sheets)
        # Sheets follow the table's order; when the last project has none, the text ran out before it.
        raise PlanFormatError("import.err.truncated_part3", line=tail)


def _last_before(lines: list[str], index: int, part: str) -> int | None:
    for i in range(index - 1, -1, -1):
        m = PART.match(squash(lines[i]))
        if m and m.group(1) in (part, "๐๑๒๓"[int(part)]):
            return i
    return None


def _first_after(lines: list[str], index: int, part: str) -> int | None:
    for i in range(index + 1, len(lines)):
        m = PART.match(squash(lines[i]))
        if m and m.group(1) in (part, "๐๑๒๓"[int(part)]):
            return i
    return None
