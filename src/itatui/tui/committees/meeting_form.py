"""A committee meeting: which committee, number, date, place, the day invitations went out (fewer than the
round's days ahead is flagged), agenda, resolutions and any dissenting opinion."""

from __future__ import annotations

from typing import Any

from textual import work

from itatui.domain.thai import digits, format_date
from itatui.i18n import t
from itatui.store import committees as core
from itatui.tui.committees.form_base import CommitteeForm, FormField


class MeetingForm(CommitteeForm):
    def __init__(self, round_id: int, meeting: core.MeetingInfo | None) -> None:
        super().__init__()
        self.round_id, self.meeting = round_id, meeting
        self.title_text = t("committee.meeting.new") if meeting is None else t("committee.meeting.edit")

    def _d(self, d) -> str:  # noqa: ANN001
        return digits(format_date(d, style="numeric"), self.thai) if d else ""

    def fields(self) -> list[FormField]:
        m = self.meeting
        return [
            FormField("committee_id", t("committee.col.committee"), m.committee_id if m else None, "select", ()),
            FormField("number", t("committee.col.number"), str(m.number) if m else "1"),
            FormField("held_on", t("committee.col.date"), self._d(m.held_on) if m else "", hint=t("committee.field.date_hint")),
            FormField("place", t("committee.col.place"), m.place if m else ""),
            FormField("invited_on", t("committee.field.invited_on"), self._d(m.invited_on) if m else "",
                      hint=t("committee.meeting.invite_hint")),
            FormField("agenda", t("committee.field.agenda"), m.agenda if m else "", "text"),
            FormField("resolutions", t("committee.field.resolutions"), m.resolutions if m else "", "text"),
            FormField("dissent", t("committee.field.dissent"), m.dissent if m else "", "text"),
        ]

    def on_mount(self) -> None:
        super().on_mount()
        self._committees()

    @work(thread=True, exclusive=True, group="committee-list", exit_on_error=False)
    def _committees(self) -> None:
        found = core.list_committees(self.ctx.engine, self.ctx.actor, self.round_id)
        self.app.call_from_thread(self._set, found)

    def _set(self, found: list[core.CommitteeInfo]) -> None:
        from textual.widgets import Select

        select = self.query_one("#committee_id", Select)
        select.set_options([(t(f"committee.committee_short.{c.kind}"), c.id) for c in found])
        wanted = self.meeting.committee_id if self.meeting else next((c.id for c in found if c.kind == "promotion"), None)
        if wanted is not None:
            select.value = wanted

    def save(self, values: dict[str, Any]) -> Any:
        from itatui.domain.validation import FieldProblem, ValidationError

        if values["committee_id"] is None:
            raise ValidationError([FieldProblem("committee_id", "committee.err.no_committee")])
        draft = core.MeetingDraft(values["committee_id"], values["number"], values["held_on"], values["place"],
                                  values["invited_on"], values["agenda"], values["resolutions"], values["dissent"])
        return core.save_meeting(self.ctx.engine, self.ctx.actor, draft, meeting_id=self.meeting.id if self.meeting else None)
