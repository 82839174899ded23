"""Add a member to a committee: a person from the register (by staff code) or an outsider (by name)."""

from __future__ import annotations

from typing import Any

from itatui.domain.salary import MemberRole
from itatui.domain.validation import FieldProblem, ValidationError
from itatui.i18n import t
from itatui.store import committees as core
from itatui.tui.committees.form_base import CommitteeForm, FormField


class MemberForm(CommitteeForm):
    def __init__(self, committee: core.CommitteeInfo) -> None:
        super().__init__()
        self.committee = committee
        self.title_text = t("committee.member.title", committee=t(f"committee.committee_short.{committee.kind}"))

    def fields(self) -> list[FormField]:
        return [
            FormField("staff_code", t("committee.field.staff_code"), hint=t("committee.member.staff_hint")),
            FormField("name", t("committee.field.outsider"), hint=t("committee.member.outsider_hint")),
            FormField("title", t("committee.col.title")),
            FormField("role", t("committee.col.role"), MemberRole.MEMBER.value, "select",
                      tuple((t(f"committee.role.{r.value}"), r.value) for r in MemberRole)),
        ]

    def save(self, values: dict[str, Any]) -> Any:
        engine, actor = self.ctx.engine, self.ctx.actor
        code = values["staff_code"].strip()
        staff_id = None
        if code:
            found = [r for r in core.list_staff(engine, actor, 0, 20, text=code).rows if r.code == code]
            if not found:
                raise ValidationError([FieldProblem("staff_code", "committee.err.no_staff")])
            staff_id = found[0].id
        return core.add_member(engine, actor, self.committee.id, name=values["name"], role=values["role"] or "member",
                               title=values["title"], staff_id=staff_id)
