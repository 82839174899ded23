"""The round's meetings: committee, number, date, place, invitation (late in amber), attendance and quorum,
minutes (version, approved).

Keys: ``n`` new meeting, ``enter`` edit (agenda, resolutions, dissent), ``a`` attendees, ``w`` minutes.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding

from itatui.domain.thai import digits
from itatui.i18n import t
from itatui.store import committees as core
from itatui.tui.committees.labels import be
from itatui.tui.committees.view_base import RoundView
from itatui.tui.widgets.form_errors import error_text
from itatui.tui.widgets.paged_table import PagedColumn, PagedTable


@dataclass(frozen=True)
class _ListPage:
    rows: tuple
    total: int


class MeetingsView(RoundView):
    BINDINGS = [
        Binding("n", "new", t("committee.key.new_meeting"), id="committee.meetings.new"),
        Binding("a", "attendees", t("committee.key.attendees"), id="committee.meetings.attendees"),
        Binding("w", "minutes", t("committee.key.minutes"), id="committee.meetings.minutes"),
    ]

    def compose(self) -> ComposeResult:
        yield PagedTable([
            PagedColumn("committee", t("committee.col.committee"), 16),
            PagedColumn("number", t("committee.col.number"), 4),
            PagedColumn("date", t("committee.col.date"), 13),
            PagedColumn("invited", t("committee.col.invited"), 13),
            PagedColumn("present", t("committee.col.present"), 20),
            PagedColumn("minutes", t("committee.col.minutes"), 16),
            PagedColumn("place", t("committee.col.place"), 20),
        ], self._cells, id="meeting-table")

    @property
    def table(self) -> PagedTable:
        return self.query_one("#meeting-table", PagedTable)

    def _cells(self, m: core.MeetingInfo) -> list:
        thai = self.thai
        invited = Text(be(m.invited_on, thai), style="yellow" if m.invitation_late else "")
        present = Text(digits(f"{len(m.attendees)}/{m.members_total}", thai) + " " +
                       (t("committee.quorum.yes") if m.quorum else t("committee.quorum.no")),
                       style="" if m.quorum else "bold red")
        if m.minutes:
            last = m.minutes[-1]
            state = t("committee.minutes.approved") if last.approved else t("committee.minutes.draft")
            minutes = digits(t("committee.minutes.version", n=last.version), thai) + " " + state
        else:
            minutes = "-"
        return [t(f"committee.committee_short.{m.committee_kind}"), digits(str(m.number), thai), be(m.held_on, thai),
                invited, present, minutes, m.place or "-"]

    def reload(self) -> None:
        rnd = self.round
        engine, actor = self.ctx.engine, self.ctx.actor

        def fetch(offset: int, limit: int) -> _ListPage:
            rows = core.list_meetings(engine, actor, rnd.id) if rnd else []
            return _ListPage(tuple(rows[offset:offset + limit]), len(rows))

        self.table.thai_digits = self.thai
        self.table.set_source(fetch, keep_offset=True)

    @on(PagedTable.Failed, "#meeting-table")
    def _failed(self, event: PagedTable.Failed) -> None:
        self.notify(error_text(event.error), severity="error")

    def action_new(self) -> None:
        from itatui.tui.committees.meeting_form import MeetingForm

        if self.need_round() and self.may_edit():
            self.run_form(MeetingForm(self.round.id, None), t("committee.saved"))

    @on(PagedTable.Chosen, "#meeting-table")
    def _chosen(self, event: PagedTable.Chosen) -> None:
        from itatui.tui.committees.meeting_form import MeetingForm

        if self.may_edit():
            self.run_form(MeetingForm(self.round.id, event.row), t("committee.saved"))

    def action_attendees(self) -> None:
        from itatui.tui.committees.attendees_form import AttendeesForm

        m = self.table.current_row
        if m is not None and self.may_edit():
            self.run_form(AttendeesForm(m, self.round.id), t("committee.saved"))

    def action_minutes(self) -> None:
        from itatui.tui.committees.minutes_form import MinutesForm

        m = self.table.current_row
        if m is not None and self.may_edit():
            self.run_form(MinutesForm(m), t("committee.saved"))
