"""The plan's printouts: the plan table (Part 2), the project detail sheets (Part 3) and the monitoring report of
a fiscal year and round (E-PlanNACC fields, targets against actuals).

Data: ``plan_data`` reads the whole plan once through the export (the same dict ``itatui export plan`` writes),
so every printout shows exactly what the export holds.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine

from itatui.domain.complaint_clock import today_local
from itatui.domain.roles import Actor, Perm
from itatui.i18n import language, t
from itatui.present.numbers import baht_text
from itatui.reports.document import Column, Document, Fields, Heading, PageBreak, Paragraph, Row, Signature, Table
from itatui.reports.errors import ReportError
from itatui.reports.spec import ReportParams, ReportSpec
from itatui.store.complaints.stats import CorruptionYear, complaint_stats
from itatui.store.plan.export import export_plan


def plan_data(engine: Engine, actor: Actor) -> dict[str, Any]:
    """The latest plan as the export's dict (permission: plan.view)."""
    return export_plan(engine, actor)


def _projects(data: dict[str, Any]) -> list[tuple[dict, dict, dict]]:
    return [(d, m, p) for d in data["dimensions"] for m in d["missions"] for p in m["projects"]]


def _budget_cell(project: dict[str, Any], year: int) -> int | str | None:
    for b in project["budgets"]:
        if b["fiscal_year"] == year:
            if b["amount"] is not None:
                return int(b["amount"])
            return b["raw"] or None
    return None


def _units_text(project: dict[str, Any]) -> str:
    return ", ".join(project["units"])


def _title_lines(data: dict[str, Any]) -> tuple[str, ...]:
    plan = data["plan"]
    return (plan["title"] or t("report.plan.plan_name"), t("report.plan.years", start=plan["start_year"], end=plan["end_year"]))


def plan_table(data: dict[str, Any]) -> tuple[Table, dict[int, int], int]:
    """Part 2: dimensions, missions, numbered projects, five budget columns, the 5-year total, the units; a
    subtotal per dimension and the grand total. Returns the table, the yearly totals and the 5-year total."""
    years = list(data["plan"]["fiscal_years"])
    columns = (
        Column(t("report.plan.col.no"), 0.45),
        Column(t("report.plan.col.item"), 4.2),
        *(Column(t("report.plan.col.year", year=y), 1.1, numeric=True) for y in years),
        Column(t("report.plan.col.total"), 1.15, numeric=True),
        Column(t("report.plan.col.units"), 1.3),
    )
    groups = ((None, 1), (None, 1), (t("report.plan.col.budget"), len(years)), (None, 1), (None, 1))
    rows: list[Row] = []
    grand = {y: 0 for y in years}
    for d in data["dimensions"]:
        rows.append(Row((t("report.plan.dimension", number=d["number"], name=d["name"]),), "group"))
        sub = {y: 0 for y in years}
        count = 0
        for m in d["missions"]:
            rows.append(Row((f"{m['code']} {m['name']}",), "subgroup"))
            if not m["projects"]:
                rows.append(Row(("", t("report.plan.no_project"), *([None] * len(years)), None, "")))
            for p in m["projects"]:
                count += 1
                cells = [_budget_cell(p, y) for y in years]
                for y, c in zip(years, cells):
                    if isinstance(c, int):
                        sub[y] += c
                money = [c for c in cells if isinstance(c, int)]
                total = sum(money) if money else None
                rows.append(Row((f"{p['number']})", p["name"], *cells, total, _units_text(p))))
        for y in years:
            grand[y] += sub[y]
        label = t("report.plan.subtotal", number=d["number"], count=count)
        rows.append(Row((label, *(sub[y] for y in years), sum(sub.values()), ""), "subtotal"))
    n = len(_projects(data))
    rows.append(Row((t("report.plan.grand_total", count=n), *(grand[y] for y in years), sum(grand.values()), ""), "total"))
    return Table(columns, tuple(rows), header_groups=groups, font_scale=0.8), grand, sum(grand.values())


def build_plan(engine: Engine, actor: Actor, params: ReportParams) -> Document:
    data = plan_data(engine, actor)
    table, grand, total = plan_table(data)
    return Document(
        title=t("report.plan.title"),
        organisation=data["organisation"]["name"],
        printed_on=params.today or today_local(),
        subtitle=_title_lines(data) + (data["organisation"]["name"],),
        blocks=(table,),
        paper="A4L",
        lang=language(),
        key_numbers=(*grand.values(), total),
    )


def _numbered(items: list[str]) -> str:
    return "\n".join(f"{i}) {x}" for i, x in enumerate(items, start=1)) if items else "-"


def _kpi_text(k: dict[str, Any]) -> str:
    target = k.get("target")
    bits = [k.get("indicator") or "", k.get("comparator") or "", "" if target is None else f"{target:g}", k.get("unit") or ""]
    return " ".join(b for b in bits if b)


def project_blocks(p: dict[str, Any], years: list[int]) -> list[Any]:
    """One project's detail sheet (Part 3), sections numbered 1.–10. as in the template."""
    s = p["sheet"]
    amounts = [(y, _budget_cell(p, y)) for y in years]
    money = [(y, a) for y, a in amounts if isinstance(a, int)]
    if money:
        total = sum(a for _, a in money)
        budget = "\n".join(t("report.sheet.budget_year", year=y, amount=f"{a:,}", words=baht_text(a)) for y, a in money)
        budget += "\n" + t("report.sheet.budget_total", amount=f"{total:,}", words=baht_text(total))
    else:
        budget = s.get("budget_text") or t("report.sheet.no_budget")
    groups = [f"{g['description']}" + (f" {g['count']:g} {g.get('unit') or ''}".rstrip() if g.get("count") else "") for g in s["target_groups"]]
    kpis = [_kpi_text(k) for k in p["kpis"]]
    sections = [
        (t("report.sheet.s1"), p["name"]),
        (t("report.sheet.s2"), s.get("rationale") or "-"),
        (t("report.sheet.s3"), _numbered(s["objectives"])),
        (t("report.sheet.s4"), _numbered(groups)),
        (t("report.sheet.s5"), s.get("area") or "-"),
        (t("report.sheet.s6"), _numbered(s["method_steps"])),
        (t("report.sheet.s7"), s.get("period") or "-"),
        (t("report.sheet.s8"), budget),
        (t("report.sheet.s9"), s.get("owner") or _units_text(p) or "-"),
        (t("report.sheet.s10"), _numbered([*s["outputs"], *s["outcomes"], *kpis])),
    ]
    out: list[Any] = [Heading(f"{p['number']}) {p['name']}")]
    for i, (label, text) in enumerate(sections, start=1):
        out.append(Paragraph(f"{i}. {label}", bold=True))
        out.append(Paragraph(text, indent=True))
    return out


def build_sheets(engine: Engine, actor: Actor, params: ReportParams) -> Document:
    data = plan_data(engine, actor)
    years = list(data["plan"]["fiscal_years"])
    chosen = [p for _, _, p in _projects(data) if params.project in (None, p["number"])]
    if not chosen:
        raise ReportError("report.err.no_project", number=params.project)
    blocks: list[Any] = []
    for i, p in enumerate(chosen):
        if i:
            blocks.append(PageBreak())
        blocks += project_blocks(p, years)
    title = t("report.sheet.title") if params.project is None else t("report.sheet.title_one", number=params.project)
    return Document(
        title=title, organisation=data["organisation"]["name"], printed_on=params.today or today_local(),
        subtitle=_title_lines(data), blocks=tuple(blocks), lang=language(),
        key_numbers=tuple(p["number"] for p in chosen),
    )


def corruption_cases(engine: Engine, actor: Actor, year: int) -> tuple[CorruptionYear | None, int | None, int]:
    """The year's corruption complaints against the baseline (counts masked as published), the baseline count
    and its year; (None, None, 0) when the user may not see statistics."""
    if not actor.can(Perm.STATS_VIEW):
        return None, None, 0
    stats = complaint_stats(engine, actor, year, publish=True)
    this_year = next((y for y in stats.corruption_by_year if y.fiscal_year == year), None)
    return this_year, stats.corruption_baseline, stats.corruption_baseline_year


def _progress(p: dict[str, Any], year: int, round_no: int) -> dict[str, Any] | None:
    return next((r for r in p["progress"] if r["fiscal_year"] == year and r["round"] == round_no), None)


def _status_text(r: dict[str, Any] | None) -> str:
    if r is None or not r.get("status"):
        return t("eplan.status.none")
    text = t(f"eplan.status.{r['status']}")
    if r.get("not_possible_reason"):
        text += f" ({t('eplan.reason.' + r['not_possible_reason'])}{': ' + r['reason_text'] if r.get('reason_text') else ''})"
    return text


def _target_value(v: float | None) -> str | float:
    return "-" if v is None else v


def build_monitoring(engine: Engine, actor: Actor, params: ReportParams) -> Document:
    """The monitoring report of one fiscal year and round, in the order E-PlanNACC asks for its fields."""
    data = plan_data(engine, actor)
    year = params.year or data["plan"]["start_year"]
    round_no = params.round or 1
    if year not in data["plan"]["fiscal_years"]:
        raise ReportError("report.err.year_outside", year=year, start=data["plan"]["start_year"], end=data["plan"]["end_year"])
    columns = (
        Column(t("report.plan.col.no"), 0.45),
        Column(t("report.monitor.col.project"), 3.2),
        Column(t("report.monitor.col.kind"), 0.9),
        Column(t("report.monitor.col.groups"), 1.9),
        Column(t("report.monitor.col.local_plan"), 1.05, numeric=True),
        Column(t("report.monitor.col.ordinance"), 1.05, numeric=True),
        Column(t("report.monitor.col.spent"), 1.05, numeric=True),
        Column(t("report.monitor.col.status"), 1.6),
    )
    groups = ((None, 1), (None, 1), (None, 1), (None, 1), (t("report.monitor.col.amounts"), 3), (None, 1))
    rows: list[Row] = []
    sums = [0, 0, 0]
    counts: dict[str, int] = {}
    for d in data["dimensions"]:
        rows.append(Row((t("report.plan.dimension", number=d["number"], name=d["name"]),), "group"))
        for m in d["missions"]:
            for p in m["projects"]:
                r = _progress(p, year, round_no)
                amounts = [None if r is None else r.get(k) for k in ("amount_local_plan", "amount_ordinance", "amount_spent")]
                for i, a in enumerate(amounts):
                    sums[i] += int(a or 0)
                status = (r or {}).get("status") or "none"
                counts[status] = counts.get(status, 0) + 1
                group_text = ", ".join(t(f"eplan.group.{g}") for g in p.get("eplan_target_groups") or []) or "-"
                rows.append(Row((f"{p['number']})", p["name"], t(f"eplan.kind.{p['kind']}") if p.get("kind") else "-",
                                 group_text, *amounts, _status_text(r))))
    rows.append(Row((t("report.monitor.total"), *sums, ""), "total"))
    targets = [dict(x) for x in data["targets"] if x["fiscal_year"] == year]
    cases, baseline, baseline_year = corruption_cases(engine, actor, year)
    for x in targets:  # not yet fed into the plan: the reduction as the complaint register counts it today
        if x["kind"] == "case_reduction_pct" and x["actual"] is None and cases is not None:
            x["actual"] = cases.reduction_pct
    target_rows = tuple(
        Row((t(f"eplan.target.{x['kind']}"), _target_value(x["target"]), _target_value(x["actual"]),
             t("report.monitor.met") if x["actual"] is not None and x["target"] is not None and x["actual"] >= x["target"]
             else (t("report.monitor.not_met") if x["actual"] is not None and x["target"] is not None else "-")))
        for x in targets
    )
    target_table = Table(
        (Column(t("report.monitor.target"), 3), Column(t("report.monitor.target_value"), 1, numeric=True),
         Column(t("report.monitor.actual_value"), 1, numeric=True), Column(t("report.monitor.result"), 1.2)),
        target_rows or (Row((t("report.monitor.no_targets"), "", "", "")),),
    )
    n = len(_projects(data))
    summary = Fields(tuple(
        (t(f"eplan.status.{k}"), t("report.monitor.count", n=counts.get(k, 0), total=n))
        for k in ("done", "in_progress", "not_possible", "none")
    ))
    baseline_note = () if cases is None else (Paragraph(t(
        "report.monitor.cases", year=year, n=cases.count.text, baseline_year=baseline_year,
        baseline="-" if baseline is None else baseline)),)
    round_label = t(f"eplan.round.{round_no}")
    return Document(
        title=t("report.monitor.title"),
        organisation=data["organisation"]["name"],
        printed_on=params.today or today_local(),
        subtitle=(*_title_lines(data)[:1], t("report.monitor.period", year=year, round=round_label)),
        blocks=(
            Heading(t("report.monitor.h_projects")),
            Table(columns, tuple(rows), header_groups=groups, font_scale=0.8),
            Heading(t("report.monitor.h_summary")),
            summary,
            Heading(t("report.monitor.h_targets")),
            target_table,
            *baseline_note,
            Signature(t("report.sign"), "", t("report.monitor.reporter")),
        ),
        paper="A4L",
        lang=language(),
        key_numbers=tuple(sums),
    )


SPECS = (
    ReportSpec("plan", "report.plan.title", build_plan, params=(), paper="A4L", screens=("plan",),
               publication=True, ita_concepts=("plan",)),
    ReportSpec("project-sheets", "report.sheet.title", build_sheets, params=("project",), formats=("pdf", "docx"),
               screens=("plan", "project_sheet"), publication=True, ita_concepts=("plan",)),
    ReportSpec("monitoring", "report.monitor.title", build_monitoring, params=("year", "round"), required=("year",),
               paper="A4L", screens=("plan", "project_sheet"), publication=True,
               ita_concepts=("plan_report_6m", "plan_report_annual")),
)
