"""The staff register: one page at a time from the database, searched by code or name.

Keys: ``n`` add, ``enter`` edit, ``i`` import a CSV/XLSX file (with a preview), ``/`` search.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input

from itatui.i18n import t
from itatui.store import committees as core
from itatui.tui.committees.labels import be, kind_label, num
from itatui.tui.committees.view_base import RoundView
from itatui.tui.widgets.form_errors import error_text
from itatui.tui.widgets.paged_table import PagedColumn, PagedTable


class StaffView(RoundView):
    BINDINGS = [
        Binding("n", "add", t("committee.key.add_staff"), id="committee.staff.add"),
        Binding("i", "import", t("committee.key.import"), id="committee.staff.import"),
        Binding("slash", "search", t("key.search"), id="committee.staff.search"),
    ]

    def compose(self) -> ComposeResult:
        yield Input(placeholder=t("committee.staff.search"), id="staff-search", compact=True)
        yield PagedTable([
            PagedColumn("code", t("committee.col.code"), 8),
            PagedColumn("name", t("committee.col.name"), 22),
            PagedColumn("position", t("committee.col.position"), 16),
            PagedColumn("unit", t("committee.col.unit"), 10),
            PagedColumn("kind", t("committee.col.kind"), 16),
            PagedColumn("salary", t("committee.col.salary"), 9),
            PagedColumn("start", t("committee.col.start"), 12),
        ], self._cells, fixed_columns=1, id="staff-table")

    def _cells(self, r: core.StaffRow) -> list[str]:
        name = r.name if r.active else f"{r.name} ({t('committee.staff.inactive')})"
        return [r.code, name, r.position or "-", r.unit or "-", kind_label(r.kind), num(r.salary, self.thai), be(r.start_date, self.thai)]

    @property
    def table(self) -> PagedTable:
        return self.query_one("#staff-table", PagedTable)

    def reload(self) -> None:
        engine, actor = self.ctx.engine, self.ctx.actor
        text = self.query_one("#staff-search", Input).value
        self.table.thai_digits = self.thai
        self.table.set_source(lambda offset, limit: core.list_staff(engine, actor, offset, limit, text=text), keep_offset=True)

    @on(Input.Submitted, "#staff-search")
    def _searched(self) -> None:
        self.table.start = 0
        self.reload()
        self.table.focus_table()

    def action_search(self) -> None:
        self.query_one("#staff-search", Input).focus()

    @on(PagedTable.Failed, "#staff-table")
    def _failed(self, event: PagedTable.Failed) -> None:
        self.notify(error_text(event.error), severity="error")

    def action_add(self) -> None:
        from itatui.tui.committees.staff_form import StaffForm

        if self.may_edit():
            self.run_form(StaffForm(None), t("committee.saved"))

    @on(PagedTable.Chosen, "#staff-table")
    def _chosen(self, event: PagedTable.Chosen) -> None:
        from itatui.tui.committees.staff_form import StaffForm

        if self.may_edit():
            self.run_form(StaffForm(event.row), t("committee.saved"))

    def action_import(self) -> None:
        from itatui.tui.committees.import_form import StaffImportForm

        if self.may_edit():
            self.run_form(StaffImportForm(), t("committee.import.done"))
