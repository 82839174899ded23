"""The consistency report as text lines (the CLI prints them; a screen can show them)."""

from __future__ import annotations

from itatui.i18n import t
from itatui.importers.findings import Severity
from itatui.importers.parsed import ParsedPlan


def report_lines(plan: ParsedPlan, *, name: str = "") -> list[str]:
    out = [t("import.report.title", name=name or plan.source_name)]
    out.append(
        t(
            "import.report.counts",
            org=plan.organisation.name,
            start=plan.start_year,
            end=plan.end_year,
            dimensions=len(plan.dimensions),
            missions=len(plan.missions),
            projects=len(plan.projects),
            risks=len(plan.risks),
            targets=len(plan.targets),
        )
    )
    findings = plan.findings.sorted()
    if not findings:
        out.append(t("import.report.none"))
        return out
    out.append("")
    word = t("import.report.line")
    for f in findings:
        where = f"{word} {f.line:>5}" if f.line else " " * (len(word) + 6)
        text = f.message()
        if f.other_lines:
            text += " " + t("import.report.see_also", lines=", ".join(str(n) for n in f.other_lines))
        out.append(f"{where}  [{t(f'import.severity.{f.severity}')}] {text}")
    out.append("")
    counts = {s: sum(1 for f in findings if f.severity == s) for s in Severity}
    out.append(
        t(
            "import.report.tally",
            total=len(findings),
            errors=counts[Severity.ERROR],
            warnings=counts[Severity.WARNING],
            infos=counts[Severity.INFO],
        )
    )
    return out
