"""Conflicts of interest in the round: which member, which person, the relation, confirmed or not, withdrew.

Keys: ``p`` propose what the app can see (a member evaluated in the round; the same family name), ``enter``
confirm with the relation, ``d`` dismiss a proposal, ``w`` record that the member withdrew (or not),
``n`` add a relation the secretary knows of.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding

from itatui.i18n import t
from itatui.store import committees as core
from itatui.tui.committees.view_base import RoundView
from itatui.tui.widgets.form_errors import error_text
from itatui.tui.widgets.paged_table import PagedColumn, PagedTable

STATUS_STYLE = {"proposed": "yellow", "confirmed": "bold", "dismissed": "dim"}


@dataclass(frozen=True)
class _ListPage:
    rows: tuple
    total: int


class ConflictsView(RoundView):
    BINDINGS = [
        Binding("p", "propose", t("committee.key.propose"), id="committee.conflicts.propose"),
        Binding("n", "add", t("committee.key.add_conflict"), id="committee.conflicts.add"),
        Binding("d", "dismiss", t("committee.key.dismiss"), id="committee.conflicts.dismiss"),
        Binding("w", "withdrew", t("committee.key.withdrew"), id="committee.conflicts.withdrew"),
    ]

    def compose(self) -> ComposeResult:
        yield PagedTable([
            PagedColumn("member", t("committee.col.member"), 24),
            PagedColumn("committee", t("committee.col.committee"), 16),
            PagedColumn("staff", t("committee.col.staff"), 24),
            PagedColumn("relation", t("committee.col.relation"), 22),
            PagedColumn("status", t("committee.col.status"), 10),
            PagedColumn("withdrew", t("committee.col.withdrew"), 8),
        ], self._cells, id="conflict-table")

    @property
    def table(self) -> PagedTable:
        return self.query_one("#conflict-table", PagedTable)

    def _cells(self, c: core.ConflictInfo) -> list:
        return [c.member_name, t(f"committee.committee_short.{c.committee_kind}"), c.staff_name,
                t(f"committee.relation.{c.relation}"),
                Text(t(f"committee.conflict.{c.status}"), style=STATUS_STYLE.get(c.status, "")),
                t("committee.yes") if c.withdrew else "-"]

    def reload(self) -> None:
        rnd = self.round
        engine, actor = self.ctx.engine, self.ctx.actor

        def fetch(offset: int, limit: int) -> _ListPage:
            rows = core.list_conflicts(engine, actor, rnd.id) if rnd else []
            return _ListPage(tuple(rows[offset:offset + limit]), len(rows))

        self.table.set_source(fetch, keep_offset=True)

    @on(PagedTable.Failed, "#conflict-table")
    def _failed(self, event: PagedTable.Failed) -> None:
        self.notify(error_text(event.error), severity="error")

    def action_propose(self) -> None:
        if self.need_round() and self.may_edit():
            self._run(lambda: len([c for c in core.propose_conflicts(self.ctx.engine, self.ctx.actor, self.round.id)
                                   if c.status == "proposed"]), "committee.conflicts.proposed")

    @on(PagedTable.Chosen, "#conflict-table")
    def _chosen(self, event: PagedTable.Chosen) -> None:
        from itatui.tui.committees.conflict_form import ConfirmConflictForm

        if self.may_edit():
            self.run_form(ConfirmConflictForm(event.row), t("committee.saved"))

    def action_add(self) -> None:
        from itatui.tui.committees.conflict_form import AddConflictForm

        if self.need_round() and self.may_edit():
            self.run_form(AddConflictForm(self.round.id), t("committee.saved"))

    def action_dismiss(self) -> None:
        c = self.table.current_row
        if c is not None and self.may_edit():
            self._run(lambda: core.resolve_conflict(self.ctx.engine, self.ctx.actor, c.id, confirm=False), "committee.saved")

    def action_withdrew(self) -> None:
        c = self.table.current_row
        if c is not None and self.may_edit():
            self._run(lambda: core.set_withdrew(self.ctx.engine, self.ctx.actor, c.id, not c.withdrew), "committee.saved")

    @work(thread=True, exclusive=True, group="committee-conflict", exit_on_error=False)
    def _run(self, call, done_key: str) -> None:  # noqa: ANN001
        try:
            result = call()
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.notify, error_text(exc), severity="error")
            return
        self.app.call_from_thread(self.notify, t(done_key, n=result if isinstance(result, int) else 0))
        self.app.call_from_thread(self.after_change, result)
