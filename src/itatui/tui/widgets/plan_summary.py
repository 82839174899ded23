"""The plan summary panel: planned vs spent per dimension and year, ITA targets vs actuals, projects by status.

It only draws a ``store.plan.PlanSummary`` (plain data) it is given; the screen loads it in a worker.
The small number formatters here are shared by the plan screens and forms.
"""

from __future__ import annotations

from itatui.domain.eplan import NO_REPORT, PlanTargetKind, Status, budget_total
from itatui.domain.thai import digits, format_baht
from itatui.i18n import t
from itatui.present.numbers import format_decimal
from itatui.store.plan import PlanSummary
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

SELECTED_YEAR_STYLE = "bold reverse"  # the selected fiscal year's column, everywhere in the plan screens


def baht_text(amount: int | None, thai: bool) -> str:
    """Whole baht with thousands separators ("-" for none), in Thai or Arabic digits."""
    return format_baht(amount, thai_digits=thai)


def number_text(value: float | int | None, thai: bool) -> str:
    """A score or KPI value: no ".0" on whole numbers; "-" for none."""
    return format_decimal(value, thai)


def year_text(year: int, thai: bool) -> str:
    return digits(str(year), thai)


class PlanSummaryPanel(VerticalScroll):
    DEFAULT_CSS = """
    PlanSummaryPanel {
        height: 1fr;
        padding: 0 1;
        border-left: vkey $foreground 20%;
    }
    PlanSummaryPanel > Static { width: auto; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self._body = Static(t("summary.loading"), id="summary-body")
        self.summary: PlanSummary | None = None

    def compose(self):  # noqa: ANN201
        yield self._body

    def show(self, summary: PlanSummary, thai: bool) -> None:
        self.summary = summary
        self._body.update(render_summary(summary, thai))


def _year_header(table: Table, years: tuple[int, ...], selected: int, thai: bool) -> None:
    for y in years:
        table.add_column(
            Text(year_text(y, thai), style=SELECTED_YEAR_STYLE if y == selected else ""),
            justify="right",
            no_wrap=True,
        )


def render_summary(summary: PlanSummary, thai: bool) -> Group:
    years = summary.plan.years
    fy = summary.fiscal_year
    money = Table(title=t("summary.money"), title_justify="left", box=None, padding=(0, 1), show_edge=False)
    money.add_column("", no_wrap=True)
    _year_header(money, years, fy, thai)
    money.add_column(Text(t("plan.col.total"), style="bold"), justify="right", no_wrap=True)

    def amounts(values) -> list:  # noqa: ANN001 - the years, then their total
        return [*(baht_text(v, thai) for v in values), Text(baht_text(budget_total(values), thai), style="bold")]

    for d in summary.dimensions:
        money.add_row(Text(t("summary.dimension_planned", number=digits(str(d.number), thai)), style="bold"), *amounts(d.planned))
        money.add_row("  " + t("summary.spent"), *amounts(d.spent))
    money.add_row(Text(t("summary.total_planned"), style="bold"), *amounts(summary.planned_total))
    money.add_row(Text("  " + t("summary.spent"), style="bold"), *amounts(summary.spent_total))

    targets = Table(title=t("summary.targets"), title_justify="left", box=None, padding=(0, 1), show_edge=False)
    targets.add_column("", no_wrap=True)
    _year_header(targets, years, fy, thai)
    for kind in PlanTargetKind:
        rows = {ti.fiscal_year: ti for ti in summary.targets if ti.kind == kind}
        targets.add_row(Text(t(kind.label_key), style="bold"), *[number_text(rows[y].target if y in rows else None, thai) for y in years])
        targets.add_row(
            "  " + t("summary.actual"),
            *[_actual_cell(rows.get(y), kind, thai) for y in years],
        )

    status = Table(
        title=t("summary.status", year=year_text(fy, thai)), title_justify="left", box=None, padding=(0, 1), show_edge=False
    )
    status.add_column("", no_wrap=True)
    status.add_column("", justify="right")
    for st in [s.value for s in Status] + [NO_REPORT]:
        status.add_row(t(f"eplan.status.{st}"), digits(str(summary.status_counts.get(st, 0)), thai))
    status.add_row(Text(t("summary.projects"), style="bold"), digits(str(summary.project_count), thai))
    return Group(money, Text(""), targets, Text(""), status)


def _actual_cell(info, kind: PlanTargetKind, thai: bool) -> Text:  # noqa: ANN001
    if info is None or info.actual is None:
        return Text("-")
    met = info.target is None or info.actual >= info.target
    return Text(number_text(info.actual, thai), style="green" if met else "red")
