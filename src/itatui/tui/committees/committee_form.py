"""Set up a committee of the round, or edit its appointing order (number and date)."""

from __future__ import annotations

from typing import Any

from itatui.domain.thai import digits, format_date
from itatui.i18n import t
from itatui.store import committees as core
from itatui.tui.committees.form_base import CommitteeForm, FormField


class CommitteeOrderForm(CommitteeForm):
    def __init__(self, round_id: int, kind: str, committee: core.CommitteeInfo | None) -> None:
        super().__init__()
        self.round_id, self.kind, self.committee = round_id, kind, committee
        self.title_text = t(f"committee.committee.{kind}")

    def fields(self) -> list[FormField]:
        c = self.committee
        when = digits(format_date(c.order_date, style="numeric"), self.thai) if c and c.order_date else ""
        return [FormField("order_no", t("committee.field.order_no"), c.order_no if c else "", hint=t("committee.field.order_hint")),
                FormField("order_date", t("committee.field.order_date"), when, hint=t("committee.field.date_hint"))]

    def save(self, values: dict[str, Any]) -> Any:
        return core.save_committee(self.ctx.engine, self.ctx.actor, self.round_id, self.kind, values["order_no"], values["order_date"])
