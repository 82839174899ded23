"""A staff member's grievance about a decision: recorded against it, and sent to the complaint queue."""

from __future__ import annotations

from datetime import date
from typing import Any

from itatui.domain.complaints import Channel
from itatui.domain.thai import digits, format_date
from itatui.i18n import t
from itatui.store import committees as core
from itatui.tui.committees.form_base import CommitteeForm, FormField
from itatui.tui.committees.labels import be


class GrievanceForm(CommitteeForm):
    def __init__(self, row: core.EvaluationRow) -> None:
        super().__init__()
        self.row = row
        self.title_text = t("committee.grievance.title", code=row.staff_code, name=row.name)

    def fields(self) -> list[FormField]:
        told = be(self.row.told_on, self.thai) if self.row.told_on else t("committee.grievance.not_told")
        return [
            FormField("filed_on", t("committee.field.filed_on"), digits(format_date(date.today(), style="numeric"), self.thai),
                      hint=t("committee.grievance.hint", told=told)),
            FormField("channel", t("committee.field.channel"), Channel.LETTER.value, "select",
                      tuple((t(f"complaint.channel.{c.value}"), c.value) for c in Channel)),
            FormField("text", t("committee.field.grievance"), "", "text"),
        ]

    def save(self, values: dict[str, Any]) -> Any:
        return core.record_grievance(self.ctx.engine, self.ctx.actor, self.row.id, filed_on=values["filed_on"],
                                     text=values["text"], channel=values["channel"] or "letter")
