"""Confirm a proposed conflict with the real relation, or record one the secretary knows of."""

from __future__ import annotations

from typing import Any

from textual import work

from itatui.domain.salary import Relation
from itatui.domain.validation import FieldProblem, ValidationError
from itatui.i18n import t
from itatui.store import committees as core
from itatui.tui.committees.form_base import CommitteeForm, FormField

RELATIONS = tuple(r for r in Relation if r != Relation.SAME_FAMILY_NAME)


def _relations() -> tuple[tuple[str, str], ...]:
    return tuple((t(f"committee.relation.{r.value}"), r.value) for r in RELATIONS)


class ConfirmConflictForm(CommitteeForm):
    def __init__(self, conflict: core.ConflictInfo) -> None:
        super().__init__()
        self.conflict = conflict
        self.title_text = t("committee.conflict.confirm", member=conflict.member_name, staff=conflict.staff_name)

    def fields(self) -> list[FormField]:
        current = self.conflict.relation if self.conflict.relation != Relation.SAME_FAMILY_NAME else None
        return [FormField("relation", t("committee.col.relation"), current, "select", _relations(),
                          hint=t("committee.conflict.relation_hint"))]

    def save(self, values: dict[str, Any]) -> Any:
        return core.resolve_conflict(self.ctx.engine, self.ctx.actor, self.conflict.id, confirm=True,
                                     relation=values["relation"] or "")


class AddConflictForm(CommitteeForm):
    def __init__(self, round_id: int) -> None:
        super().__init__()
        self.round_id = round_id
        self.title_text = t("committee.conflict.add")

    def fields(self) -> list[FormField]:
        return [FormField("member_id", t("committee.col.member"), None, "select", ()),
                FormField("staff_code", t("committee.field.staff_code")),
                FormField("relation", t("committee.col.relation"), None, "select", _relations())]

    def on_mount(self) -> None:
        super().on_mount()
        self._members()

    @work(thread=True, exclusive=True, group="committee-members", exit_on_error=False)
    def _members(self) -> None:
        found = core.list_committees(self.ctx.engine, self.ctx.actor, self.round_id)
        options = [(f"{m.name} ({t(f'committee.committee_short.{c.kind}')})", m.id) for c in found for m in c.members]
        self.app.call_from_thread(self.query_one("#member_id").set_options, options)

    def save(self, values: dict[str, Any]) -> Any:
        engine, actor = self.ctx.engine, self.ctx.actor
        code = values["staff_code"].strip()
        found = [r for r in core.list_staff(engine, actor, 0, 20, text=code).rows if r.code == code] if code else []
        problems = []
        if not found:
            problems.append(FieldProblem("staff_code", "committee.err.no_staff"))
        if values["member_id"] is None:
            problems.append(FieldProblem("member_id", "committee.err.no_member"))
        if problems:
            raise ValidationError(problems)
        return core.add_conflict(engine, actor, self.round_id, values["member_id"], found[0].id, values["relation"] or "")
