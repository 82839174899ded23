"""The round's two committees and their members: a line per committee (its appointing order), then its members.

Keys: ``enter`` on a committee line sets up or edits its order (number, date); ``a`` adds a member (from the
register or an outsider); ``delete`` removes a member who has not attended a meeting.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding

from itatui.domain.salary import CommitteeKind
from itatui.i18n import t
from itatui.store import committees as core
from itatui.tui.committees.labels import be
from itatui.tui.committees.view_base import RoundView
from itatui.tui.widgets.form_errors import error_text
from itatui.tui.widgets.paged_table import PagedColumn, PagedTable


@dataclass(frozen=True)
class CommitteeLine:
    kind: str
    committee: core.CommitteeInfo | None
    member: core.MemberInfo | None = None


def committee_lines(committees: list[core.CommitteeInfo]) -> list[CommitteeLine]:
    by_kind = {c.kind: c for c in committees}
    out = []
    for kind in (CommitteeKind.SCREENING.value, CommitteeKind.PROMOTION.value):
        c = by_kind.get(kind)
        out.append(CommitteeLine(kind, c))
        out += [CommitteeLine(kind, c, m) for m in (c.members if c else ())]
    return out


@dataclass(frozen=True)
class _ListPage:
    rows: tuple
    total: int


class CommitteesView(RoundView):
    BINDINGS = [
        Binding("a", "add_member", t("committee.key.add_member"), id="committee.members.add"),
        Binding("delete", "remove_member", t("committee.key.remove_member"), id="committee.members.remove"),
    ]

    def compose(self) -> ComposeResult:
        yield PagedTable([
            PagedColumn("committee", t("committee.col.committee"), 18),
            PagedColumn("role", t("committee.col.role"), 18),
            PagedColumn("name", t("committee.col.name"), 26),
            PagedColumn("title", t("committee.col.title"), 22),
        ], self._cells, id="committee-table")

    @property
    def table(self) -> PagedTable:
        return self.query_one("#committee-table", PagedTable)

    def _cells(self, line: CommitteeLine) -> list:
        if line.member is None:
            c = line.committee
            order = (t("committee.order", no=c.order_no or "-", date=be(c.order_date, self.thai)) if c
                     else t("committee.not_set_up"))
            return [Text(t(f"committee.committee_short.{line.kind}"), style="bold"), "", Text(order, style="italic"), ""]
        m = line.member
        return ["", t(f"committee.role.{m.role}"), m.name, m.title or "-"]

    def reload(self) -> None:
        rnd = self.round
        engine, actor = self.ctx.engine, self.ctx.actor

        def fetch(offset: int, limit: int) -> _ListPage:
            lines = committee_lines(core.list_committees(engine, actor, rnd.id)) if rnd else []
            return _ListPage(tuple(lines[offset:offset + limit]), len(lines))

        self.table.thai_digits = self.thai
        self.table.set_source(fetch, keep_offset=True)

    @on(PagedTable.Failed, "#committee-table")
    def _failed(self, event: PagedTable.Failed) -> None:
        self.notify(error_text(event.error), severity="error")

    @on(PagedTable.Chosen, "#committee-table")
    def _chosen(self, event: PagedTable.Chosen) -> None:
        from itatui.tui.committees.committee_form import CommitteeOrderForm

        line: CommitteeLine = event.row
        if line.member is None and self.need_round() and self.may_edit():
            self.run_form(CommitteeOrderForm(self.round.id, line.kind, line.committee), t("committee.saved"))

    def action_add_member(self) -> None:
        from itatui.tui.committees.member_form import MemberForm

        line = self.table.current_row
        if line is None or not self.may_edit():
            return
        if line.committee is None:
            self.notify(t("committee.set_up_first"), severity="warning")
            return
        self.run_form(MemberForm(line.committee), t("committee.saved"))

    def action_remove_member(self) -> None:
        line = self.table.current_row
        if line is not None and line.member is not None and self.may_edit():
            self._remove(line.member.id)

    @work(thread=True, exclusive=True, group="committee-remove", exit_on_error=False)
    def _remove(self, member_id: int) -> None:
        try:
            core.remove_member(self.ctx.engine, self.ctx.actor, member_id)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.notify, error_text(exc), severity="error")
            return
        self.app.call_from_thread(self.reload)
