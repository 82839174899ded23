"""Evaluations and decisions of the round, with the round's live checks above the table.

Columns: code, name, kind's scheme, score, level (the screening's when it adjusted), screening, decision,
raise. Keys: ``enter`` decide (the decision form checks as you type), ``a`` score and screening, ``g`` a
grievance about the decision, ``f`` undecided only, ``/`` search, ``k`` every check of the round.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from itatui.i18n import t
from itatui.store import committees as core
from itatui.tui.committees.labels import decision_text, issue_text, level_label, num, score_text, totals_line
from itatui.tui.committees.view_base import RoundView
from itatui.tui.widgets.form_errors import error_text
from itatui.tui.widgets.paged_table import PagedColumn, PagedTable


class EvaluationsView(RoundView):
    BINDINGS = [
        Binding("a", "assess", t("committee.key.assess"), id="committee.eval.assess"),
        Binding("g", "grievance", t("committee.key.grievance"), id="committee.eval.grievance"),
        Binding("f", "undecided", t("committee.key.undecided"), id="committee.eval.undecided", show=False),
        Binding("slash", "search", t("key.search"), id="committee.eval.search", show=False),
    ]

    def __init__(self, **kwargs) -> None:  # noqa: ANN003
        super().__init__(**kwargs)
        self.undecided_only = False
        self.report: core.CheckReport | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="checks-line", classes="view-line")
        yield Input(placeholder=t("committee.staff.search"), id="eval-search", compact=True)
        yield PagedTable([  # what a decision needs first, so that 80 columns show it without scrolling
            PagedColumn("code", t("committee.col.code"), 8),
            PagedColumn("name", t("committee.col.name"), 20),
            PagedColumn("score", t("committee.col.score"), 6),
            PagedColumn("level", t("committee.col.level"), 10),
            PagedColumn("decision", t("committee.col.decision"), 10),
            PagedColumn("amount", t("committee.col.amount"), 7),
            PagedColumn("screening", t("committee.col.screening"), 12),
            PagedColumn("scheme", t("committee.col.scheme"), 9),
        ], self._cells, fixed_columns=1, id="eval-table")

    @property
    def table(self) -> PagedTable:
        return self.query_one("#eval-table", PagedTable)

    def _cells(self, r: core.EvaluationRow) -> list:
        flagged = self.report is not None and any(i.staff_code == r.staff_code and i.blocking for i in self.report.issues)
        screening = t(f"committee.screening.{r.screening or 'none'}")
        return [
            Text(r.staff_code, style="bold red" if flagged else ""), r.name,
            score_text(r.screening_score if r.screening == "adjust" else r.score, self.thai),
            level_label(r.final_level),
            decision_text(r.half_steps, r.percent, self.thai) if r.decided else t("committee.undecided"),
            num(r.amount + r.special_allowance, self.thai) if r.decided else "",
            screening, t(f"committee.scheme.{r.scheme}"),
        ]

    def reload(self) -> None:
        rnd = self.round
        self.table.thai_digits = self.thai
        if rnd is None:
            self.table.set_source(lambda offset, limit: core.Page((), 0, 0, limit))
            self.query_one("#checks-line", Static).update(t("committee.no_round_hint"))
            return
        engine, actor = self.ctx.engine, self.ctx.actor
        text, undecided = self.query_one("#eval-search", Input).value, self.undecided_only
        self.table.set_source(lambda offset, limit: core.list_evaluations(
            engine, actor, rnd.id, offset, limit, text=text, undecided_only=undecided), keep_offset=True)
        self.load_checks()

    @work(thread=True, exclusive=True, group="committee-checks", exit_on_error=False)
    def load_checks(self) -> None:
        rnd = self.round
        if rnd is None:
            return
        try:
            report = core.round_checks(self.ctx.engine, self.ctx.actor, rnd.id)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.notify, error_text(exc), severity="error")
            return
        self.app.call_from_thread(self._show_checks, report)

    def _show_checks(self, report: core.CheckReport) -> None:
        self.report = report
        line = Text(totals_line(report.totals, self.thai))
        blocking = report.blocking
        if blocking:
            line.append("  " + t("committee.checks.count", n=num(len(blocking), self.thai)), style="bold red")
            line.append("\n" + issue_text(blocking[0], self.thai), style="red")
        elif report.issues:
            line.append("  " + issue_text(report.issues[0], self.thai), style="yellow")
        else:
            line.append("  " + t("committee.check.none"), style="green")
        self.query_one("#checks-line", Static).update(line)
        self.table.rerender()

    @on(Input.Submitted, "#eval-search")
    def _searched(self) -> None:
        self.table.start = 0
        self.reload()
        self.table.focus_table()

    def action_search(self) -> None:
        self.query_one("#eval-search", Input).focus()

    def action_undecided(self) -> None:
        self.undecided_only = not self.undecided_only
        self.table.start = 0
        self.reload()

    @on(PagedTable.Failed, "#eval-table")
    def _failed(self, event: PagedTable.Failed) -> None:
        self.notify(error_text(event.error), severity="error")

    @on(PagedTable.Chosen, "#eval-table")
    def _chosen(self, event: PagedTable.Chosen) -> None:
        from itatui.tui.committees.decision_form import DecisionForm

        if self.may_edit() and self.round is not None:
            self.run_form(DecisionForm(event.row, self.round), t("committee.decided"))

    def action_assess(self) -> None:
        from itatui.tui.committees.assessment_form import AssessmentForm

        row = self.table.current_row
        if row is not None and self.may_edit():
            self.run_form(AssessmentForm(row), t("committee.saved"))

    def action_grievance(self) -> None:
        from itatui.tui.committees.grievance_form import GrievanceForm

        row = self.table.current_row
        if row is None or not self.may_edit():
            return
        if not row.decided:
            self.notify(t("committee.err.not_decided"), severity="warning")
            return
        self.run_form(GrievanceForm(row))

    def after_change(self, result) -> None:  # noqa: ANN001
        from itatui.store.committees.grievances import GrievanceResult

        if isinstance(result, GrievanceResult):
            self.notify(t("committee.grievance.saved", registry=result.registry_display), timeout=8)
        super().after_change(result)
