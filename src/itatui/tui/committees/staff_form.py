"""Add or edit one person of the register (every problem shown at once; what was typed is kept)."""

from __future__ import annotations

from typing import Any

from itatui.domain.salary import StaffKind
from itatui.domain.thai import digits, format_date
from itatui.i18n import t
from itatui.store import committees as core
from itatui.tui.committees.form_base import CommitteeForm, FormField


class StaffForm(CommitteeForm):
    def __init__(self, row: core.StaffRow | None) -> None:
        super().__init__()
        self.row = row
        self.title_text = t("committee.staff.new") if row is None else t("committee.staff.edit", code=row.code)

    def fields(self) -> list[FormField]:
        r = self.row
        start = digits(format_date(r.start_date, style="numeric"), self.thai) if r and r.start_date else ""
        return [
            FormField("code", t("committee.col.code"), r.code if r else ""),
            FormField("name", t("committee.field.name"), r.name if r else ""),
            FormField("position", t("committee.col.position"), r.position if r else ""),
            FormField("position_level", t("committee.field.position_level"), r.position_level if r else ""),
            FormField("unit", t("committee.col.unit"), r.unit if r else "", hint=t("committee.field.unit_hint")),
            FormField("kind", t("committee.col.kind"), r.kind if r else None, "select",
                      tuple((t(f"committee.kind.{k.value}"), k.value) for k in StaffKind)),
            FormField("salary", t("committee.col.salary"), str(r.salary) if r else ""),
            FormField("start_date", t("committee.col.start"), start, hint=t("committee.field.date_hint")),
            FormField("probation", t("committee.field.probation"), r.probation if r else False, "check"),
            FormField("active", t("committee.field.active"), r.active if r else True, "check"),
        ]

    def save(self, values: dict[str, Any]) -> Any:
        draft = core.StaffDraft(values["code"], values["name"], values["position"], values["position_level"],
                                values["unit"], values["kind"] or "", values["salary"], values["start_date"],
                                bool(values["probation"]), bool(values["active"]))
        return core.save_staff(self.ctx.engine, self.ctx.actor, draft, staff_id=self.row.id if self.row else None,
                               organisation_id=self.ctx.organisation_id)
