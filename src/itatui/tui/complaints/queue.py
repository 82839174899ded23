"""Mode 3: the complaint queue — one page at a time from the database, filtered, sorted, searched.

Columns: registry number, received (BE), type, channel, subject, responsible unit, status, due date, days left
(overdue in red, 3 days or less in amber). The rows are ``QueueRow`` dataclasses from ``store.complaints``;
every query runs in a thread worker (``PagedTable``). Keys: ``/`` search (Thai text, FTS trigram), ``f``
filters, ``o`` sort, ``enter`` open, ``n`` new complaint, ``k`` look up a tracking code, ``s`` statistics.
"""

from __future__ import annotations

from typing import ClassVar

import asyncio
from dataclasses import replace

from itatui.domain.complaint_clock import local_date
from itatui.domain.complaints import ComplaintKind
from itatui.domain.roles import Perm
from itatui.domain.thai import digits
from itatui.i18n import t
from itatui.store import complaints as core
from itatui.store.complaints.public import Choice
from itatui.store.complaints.types import CreatedComplaint, QueueRow
from itatui.tui.base import ModeScreen
from itatui.tui.complaints.queue_filters import QueueView, describe, to_filters
from itatui.tui.widgets.complaint_labels import (
    URGENCY_STYLE,
    be_date,
    channel_label,
    days_left_text,
    kind_short,
    status_label,
)
from itatui.tui.widgets.form_errors import error_text
from itatui.tui.widgets.paged_table import LAST, PagedColumn, PagedTable
from itatui.tui.widgets.refusals import ExplainRefusals
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Static

SEARCH_DELAY = 0.3  # seconds of typing pause before the search runs
# `o` cycles these: (core sort key, newest/largest first)
SORT_CYCLE: tuple[tuple[str, bool], ...] = (("received", True), ("due", False), ("registry", True), ("status", False))


# In order of what the desk watches: the 15-day clock (due date, days left) right after the registry number, so
# it is in view at 80 columns; the subject takes the width the terminal has left (see ``subject_width``).
FIXED_COLUMNS_WIDTH = 12 + 12 + 14 + 14 + 2 * 5  # registry, due, days, status, and the subject's padding


def subject_width(screen_width: int) -> int:
    return max(16, min(60, screen_width - FIXED_COLUMNS_WIDTH - 2 * 4 - 2))


def queue_columns(screen_width: int = 80) -> list[PagedColumn]:
    return [
        PagedColumn("registry", t("desk.col.registry"), 12),
        PagedColumn("due", t("desk.col.due"), 12),
        PagedColumn("days", t("desk.col.days"), 14),
        PagedColumn("status", t("desk.col.status"), 14),
        PagedColumn("subject", t("desk.col.subject"), subject_width(screen_width)),
        PagedColumn("unit", t("desk.col.unit"), 16),
        PagedColumn("received", t("desk.col.received"), 12),
        PagedColumn("kind", t("desk.col.kind"), 6),
        PagedColumn("channel", t("desk.col.channel"), 12),
    ]


def queue_cells(row: QueueRow, thai: bool) -> list[Text | str]:
    style = URGENCY_STYLE.get(row.urgency, "")
    return [
        Text(digits(row.registry_display, thai), style=style),
        Text(be_date(row.due_date, thai), style=style),
        days_left_text(row.days_left, row.urgency, thai),
        status_label(row.status),
        " ".join(row.subject.split()),
        row.unit_name or "-",
        be_date(local_date(row.received_at), thai),
        kind_short(row.kind),
        channel_label(row.channel),
    ]


class ComplaintsScreen(ExplainRefusals, ModeScreen[None]):
    REPORTS: ClassVar[tuple[str, ...]] = ("complaint-stats", "case-summary")  # what `p` offers (reports.registry)
    DEFAULT_CSS = """
    ComplaintsScreen #desk-bar { height: 1; margin-bottom: 1; }
    ComplaintsScreen #desk-search { width: 32; }
    ComplaintsScreen #desk-filters { width: 1fr; padding-left: 1; color: $text-muted; }
    ComplaintsScreen #desk-queue { height: 1fr; }
    """

    BINDINGS = [
        Binding("slash", "search", t("key.search"), id="desk.search"),
        Binding("enter", "open", t("key.open"), id="desk.open", show=False),
        Binding("n", "new", t("desk.key.new"), id="desk.new"),
        Binding("f", "filters", t("desk.key.filters"), id="desk.filters"),
        Binding("o", "sort", t("desk.key.sort"), id="desk.sort", show=False),
        Binding("k", "lookup", t("desk.key.lookup"), id="desk.lookup"),
        Binding("s", "stats", t("desk.key.stats"), id="desk.stats"),
        Binding("r", "reload", t("desk.key.reload"), id="desk.reload", show=False),
        Binding("escape", "escape", t("desk.key.clear"), id="desk.escape", show=False),
    ]

    def __init__(self, *, name: str | None = None, id: str | None = None) -> None:  # noqa: A002
        super().__init__(name=name, id=id)
        self.view = QueueView()
        self.search_text = ""
        self.sort_index = 0
        self.units: tuple[Choice, ...] = ()
        self._search_timer: Timer | None = None
        self._select_id: int | None = None  # put the cursor here after the next load (a new complaint)

    # ------------------------------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="desk-bar"):
            yield Input(placeholder=t("desk.search.placeholder"), id="desk-search", compact=True)
            yield Static("", id="desk-filters")
        yield PagedTable(queue_columns(self.app.size.width), self._cells, fixed_columns=1, id="desk-queue")
        yield Footer()

    def on_resize(self) -> None:
        table = self.queue.table
        subject = table.columns.get("subject")  # type: ignore[call-overload]
        if subject is not None and subject.width != subject_width(self.size.width):
            subject.width = subject_width(self.size.width)
            table._require_update_dimensions = True  # Textual re-measures the columns on the next refresh
            table._clear_caches()
            table.refresh()

    def on_mount(self) -> None:
        self.queue.thai_digits = self.thai_digits
        self.queue.focus_table()
        self._load_units()
        self.reload(first=True)

    @property
    def queue(self) -> PagedTable:
        return self.query_one("#desk-queue", PagedTable)

    def _cells(self, row: QueueRow) -> list[Text | str]:
        return queue_cells(row, self.thai_digits)

    # ------------------------------------------------------------------------------------------ loading

    @property
    def sort(self) -> tuple[str, bool]:
        return SORT_CYCLE[self.sort_index]

    def filters(self):  # noqa: ANN201 - QueueFilters
        return to_filters(self.view, self.fiscal_year, self.search_text, None)

    def reload(self, *, first: bool = False) -> None:
        """Query again with the current filters: from the first page, or the page shown."""
        engine, actor = self.ctx.engine, self.ctx.actor
        flt = self.filters()
        sort, descending = self.sort

        def fetch(offset: int, limit: int) -> core.Page:
            if offset == LAST:  # a result too large to count: the core reads its last page from the far end
                return core.list_complaints(engine, actor, flt, sort, descending, 0, limit, from_end=True)
            return core.list_complaints(engine, actor, flt, sort, descending, offset, limit)

        self.queue.set_source(fetch, keep_offset=not first)
        self._show_filters()

    def _show_filters(self) -> None:
        parts = describe(self.view, self.fiscal_year, self.units, self.thai_digits)
        if self.search_text:
            parts.append(t("desk.filter.searching", text=self.search_text))
            if self.queue.capped:
                parts.append(t("desk.filter.search_capped"))
        sort, _ = self.sort
        parts.append(t("desk.sort.label", sort=t(f"desk.sort.{sort}")))
        self.query_one("#desk-filters", Static).update(" · ".join(parts))

    @work(thread=True, exclusive=True, group="desk-units", exit_on_error=False)
    def _load_units(self) -> None:
        try:
            units = tuple(core.unit_choices(self.ctx.engine, self.ctx.actor, self.ctx.organisation_id))
        except Exception:  # noqa: BLE001 - only the filter line and form lose their unit names
            return
        self.app.call_from_thread(self._units_loaded, units)

    def _units_loaded(self, units: tuple[Choice, ...]) -> None:
        self.units = units
        self._show_filters()

    @on(PagedTable.Loaded, "#desk-queue")
    def _loaded(self) -> None:
        self._show_filters()
        if self._select_id is not None:
            for i, row in enumerate(self.queue.rows):
                if row.id == self._select_id:
                    self.queue.table.move_cursor(row=i)
                    break
            self._select_id = None

    @on(PagedTable.Failed, "#desk-queue")
    def _failed(self, event: PagedTable.Failed) -> None:
        self.notify(error_text(event.error), severity="error")

    def fiscal_year_changed(self, year: int) -> None:
        self.reload(first=True)

    def digits_changed(self, thai: bool) -> None:
        self.queue.thai_digits = self.thai_digits
        self.queue.rerender()
        self._show_filters()

    def on_screen_resume(self) -> None:
        if self.queue.rows or self.queue.total:
            self.reload()  # a case may have moved on while it was open

    # ------------------------------------------------------------------------------------------ search / filters

    def action_search(self) -> None:
        self.query_one("#desk-search", Input).focus()

    @on(Input.Changed, "#desk-search")
    def _search_changed(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, self._apply_search)

    @on(Input.Submitted, "#desk-search")
    def _search_submitted(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._apply_search()
        self.queue.focus_table()

    def _apply_search(self) -> None:
        text = " ".join(self.query_one("#desk-search", Input).value.split())
        if text != self.search_text:
            self.search_text = text
            self.reload(first=True)

    def set_search(self, text: str) -> None:
        """Search from code (tests, the palette): the search box follows."""
        self.query_one("#desk-search", Input).value = text
        if self._search_timer is not None:
            self._search_timer.stop()
        self.search_text = " ".join(text.split())
        self.reload(first=True)

    def set_view(self, view: QueueView) -> None:
        self.view = view
        self.reload(first=True)

    def action_escape(self) -> None:
        if self.focused is not self.queue.table:
            self.queue.focus_table()
        elif self.search_text:
            self.set_search("")
        elif self.view.narrowed:
            self.set_view(QueueView())

    @work(exclusive=True, group="desk-dialog", exit_on_error=False)
    async def action_filters(self) -> None:
        from itatui.tui.complaints.queue_filters import QueueFiltersForm

        form = QueueFiltersForm(
            self.view, app_year=self.fiscal_year, units=self.units,
            may_corruption=self.ctx.actor.can(Perm.CORRUPTION_VIEW), thai=self.thai_digits,
        )
        chosen = await self.app.push_screen_wait(form)
        if chosen is not None and chosen != self.view:
            self.set_view(chosen)

    def action_sort(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(SORT_CYCLE)
        self.reload(first=True)

    def action_reload(self) -> None:
        self.reload()

    # ------------------------------------------------------------------------------------------ cases

    @on(PagedTable.Chosen, "#desk-queue")
    def _chosen(self, event: PagedTable.Chosen) -> None:
        self.open_case(event.row.id)

    def action_open(self) -> None:
        row = self.queue.current_row
        if row is not None:
            self.open_case(row.id)

    def open_case(self, complaint_id: int) -> None:
        from itatui.tui.complaints.case import ComplaintCaseScreen

        self.app.push_screen(ComplaintCaseScreen(complaint_id))

    def _may_take(self) -> bool:
        actor = self.ctx.actor
        if actor.can(Perm.COMPLAINT_EDIT) or actor.can(Perm.CORRUPTION_EDIT):
            return True
        self.notify(t("err.permission"), severity="error")
        return False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A user who may not take complaints sees `n` greyed, and pressing it says why.
        actor = getattr(getattr(self.app, "ctx", None), "actor", None)
        if action == "new" and actor is not None and not (actor.can(Perm.COMPLAINT_EDIT) or actor.can(Perm.CORRUPTION_EDIT)):
            return None
        return True

    def refusal_text(self, action: str, parameters: tuple[object, ...]) -> str | None:
        return t("refuse.complaint_new") if action == "new" else None

    def action_new(self) -> None:
        if self._may_take():
            self.new_complaint()

    @work(exclusive=True, group="desk-dialog", exit_on_error=False)
    async def new_complaint(self) -> None:
        """The intake form, then the receipt; back on the queue the new complaint is selected."""
        from itatui.tui.complaints.intake import ComplaintIntakeForm
        from itatui.tui.complaints.receipt import ReceiptScreen

        ctx = self.ctx
        try:
            units = tuple(await asyncio.to_thread(core.unit_choices, ctx.engine, ctx.actor, ctx.organisation_id))
        except Exception as exc:  # noqa: BLE001
            self.notify(error_text(exc), severity="error")
            return
        kinds = tuple(
            k for k, perm in ((ComplaintKind.GENERAL, Perm.COMPLAINT_EDIT), (ComplaintKind.CORRUPTION, Perm.CORRUPTION_EDIT))
            if ctx.actor.can(perm)
        )
        created: CreatedComplaint | None = await self.app.push_screen_wait(ComplaintIntakeForm(units=units, kinds=kinds))
        if created is None:
            return
        self._select_id = created.id
        if self.view.year != "all" and created.fiscal_year != self.fiscal_year:
            self.view = replace(self.view, year=str(created.fiscal_year))
        await self.app.push_screen_wait(ReceiptScreen(created.id))
        self.reload(first=True)

    @work(exclusive=True, group="desk-dialog", exit_on_error=False)
    async def action_lookup(self) -> None:
        from itatui.tui.complaints.tracking_lookup import TrackingLookupScreen

        complaint_id = await self.app.push_screen_wait(TrackingLookupScreen())
        if complaint_id is not None:
            self.open_case(complaint_id)

    def action_stats(self) -> None:
        if not self.ctx.actor.can(Perm.STATS_VIEW):
            self.notify(t("err.permission"), severity="error")
            return
        from itatui.tui.complaints.stats import ComplaintStatsScreen

        self.app.push_screen(ComplaintStatsScreen())
