"""Who attended a meeting (space ticks a member); the quorum — at least half — is shown as they are ticked."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.widgets import SelectionList, Static

from itatui.domain.salary import has_quorum
from itatui.domain.thai import digits
from itatui.i18n import t
from itatui.store import committees as core
from itatui.tui.committees.form_base import CommitteeForm, FormField


class AttendeesForm(CommitteeForm):
    def __init__(self, meeting: core.MeetingInfo, round_id: int) -> None:
        super().__init__()
        self.meeting, self.round_id = meeting, round_id
        self.members: tuple[core.MemberInfo, ...] = ()
        self.title_text = t("committee.attendees.title", n=meeting.number)

    def fields(self) -> list[FormField]:
        return []

    def extra(self) -> ComposeResult:
        yield SelectionList[int](id="attendees")
        yield Static("", id="quorum-line")

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="committee-members", exit_on_error=False)
    def _load(self) -> None:
        committee = next(c for c in core.list_committees(self.ctx.engine, self.ctx.actor, self.round_id)
                         if c.id == self.meeting.committee_id)
        self.app.call_from_thread(self._fill, committee.members)

    def _fill(self, members: tuple[core.MemberInfo, ...]) -> None:
        self.members = members
        sl = self.query_one("#attendees", SelectionList)
        for m in members:
            sl.add_option((f"{m.name} ({t(f'committee.role.{m.role}')})", m.id, m.id in self.meeting.attendees))
        sl.focus()
        self._quorum()

    @on(SelectionList.SelectedChanged)
    def _quorum(self) -> None:
        present = len(self.query_one("#attendees", SelectionList).selected)
        ok = has_quorum(len(self.members), present)
        text = digits(t("committee.attendees.count", present=present, members=len(self.members)), self.thai)
        self.query_one("#quorum-line", Static).update(text + " " + (t("committee.quorum.yes") if ok else t("committee.quorum.no")))

    def values(self) -> dict[str, Any]:
        return {"attendees": list(self.query_one("#attendees", SelectionList).selected)}

    def save(self, values: dict[str, Any]) -> Any:
        return core.set_attendees(self.ctx.engine, self.ctx.actor, self.meeting.id, values["attendees"])

