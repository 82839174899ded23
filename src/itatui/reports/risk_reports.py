"""The fraud-risk printouts from the risk register's core documents: the assessment in the layout of the plan's
Part 1 (the ITA's "risk assessment" item) and the monitoring of the controls ("actions taken on it")."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from itatui.domain.complaint_clock import today_local
from itatui.domain.roles import Actor
from itatui.domain.thai import format_date
from itatui.i18n import language, t
from itatui.reports.document import Column, Document, Fields, Row, Signature, Table
from itatui.reports.errors import ReportError
from itatui.reports.spec import ReportParams, ReportSpec
from itatui.store import risks


def _assessment_id(engine: Engine, actor: Actor, year: int) -> int:
    try:
        info = risks.assessment_for_year(engine, actor, year)
    except risks.RiskError as exc:  # e.g. no organisation yet: said like every report refusal
        raise ReportError(exc.key, **getattr(exc, "params", {})) from exc
    if info is None:
        raise ReportError("report.err.no_assessment", year=year)
    return info.id


def build_part1(engine: Engine, actor: Actor, params: ReportParams) -> Document:
    year = params.year or 0
    table = risks.part1_table(engine, actor, _assessment_id(engine, actor, year))
    names = table.head.level_names
    rows = []
    for r in table.rows:
        issues = "\n".join(f"{i.number}. {i.description}" for i in r.issues) or "-"
        levels = "\n".join(names.get(i.level, i.level) or "-" for i in r.issues) or "-"
        rows.append(Row((str(r.number), r.process, issues, levels, "\n".join(f"{n}. {c}" for n, c in enumerate(r.controls, 1)) or "-")))
    columns = (Column(t("report.risk.col.no"), 0.5), Column(t("report.risk.col.process"), 2.2),
               Column(t("report.risk.col.issue"), 3.2), Column(t("report.risk.col.level"), 1.1),
               Column(t("report.risk.col.control"), 3.2))
    return Document(
        title=t("report.risk.title"), organisation=table.head.organisation, printed_on=params.today or today_local(),
        subtitle=(table.head.title, t("report.risk.year", year=table.head.fiscal_year)),
        blocks=(Table(columns, tuple(rows), font_scale=0.85),), paper="A4L", lang=language(),
        key_numbers=(len(rows),),
    )


def build_monitoring(engine: Engine, actor: Actor, params: ReportParams) -> Document:
    year = params.year or 0
    today = params.today or today_local()
    rep = risks.monitoring_report(engine, actor, _assessment_id(engine, actor, year), today)
    lang = language()
    rows = tuple(
        Row((line.risk_code, line.risk, line.control.text, line.control.owner or "-",
             format_date(line.control.due, lang=lang) if line.control.due else "-",
             "-" if line.control.progress is None else line.control.progress,
             t(f"risk.monitor.{line.control.monitor}") if line.control.monitor else "-", line.control.result or "-"))
        for line in rep.lines
    )
    columns = (Column(t("report.risk.col.code"), 0.7), Column(t("report.risk.col.issue"), 2.4),
               Column(t("report.risk.col.control"), 2.4), Column(t("report.risk.col.owner"), 1.1),
               Column(t("report.risk.col.due"), 1.0), Column(t("report.risk.col.progress"), 0.8, numeric=True),
               Column(t("report.risk.col.monitor"), 0.8), Column(t("report.risk.col.result"), 1.8))
    summary = Fields(tuple((t(f"risk.monitor.{k}"), str(n)) for k, n in sorted(rep.by_colour.items()) if k))
    return Document(
        title=t("report.risk.monitor_title"), organisation=rep.head.organisation, printed_on=today,
        subtitle=(rep.head.title, t("report.risk.year", year=rep.head.fiscal_year)),
        blocks=(Table(columns, rows, font_scale=0.85), summary, Signature(t("report.sign"), "", t("report.monitor.reporter"))),
        paper="A4L", lang=lang, key_numbers=(len(rows),),
    )


SPECS = (
    ReportSpec("risk-assessment", "report.risk.title", build_part1, params=("year",), required=("year",), paper="A4L",
               screens=("risks",), publication=True, ita_concepts=("risk_assessment",)),
    ReportSpec("risk-monitoring", "report.risk.monitor_title", build_monitoring, params=("year",), required=("year",),
               paper="A4L", screens=("risks",), publication=True, ita_concepts=("risk_actions",)),
)
