"""The round's rules, every number of them editable (a new round starts from a copy of the previous one's).

Tables are typed one line each: level bands ``excellent 90``; steps per round and level
``1 excellent 0 0.5 1``; calculation bases ``0-29980 21590``; the highest percent per level ``good 6``.
"""

from __future__ import annotations

from typing import Any

from itatui.i18n import t
from itatui.store import committees as core
from itatui.tui.committees.form_base import CommitteeForm, FormField

NUMBER_FIELDS = ("quota_pct", "budget_pct", "yearly_cap", "pool_pct", "person_max_pct", "weights", "weights_probation",
                 "round_to", "invitation_days", "grievance_days")
TABLE_FIELDS = ("level_min", "steps", "level_max_pct", "bases")


class RulesForm(CommitteeForm):
    def __init__(self, rnd: core.RoundInfo) -> None:
        super().__init__()
        self.rnd = rnd
        self.title_text = t("committee.rules.title", round=rnd.round_no, fy=rnd.fiscal_year)

    def fields(self) -> list[FormField]:
        texts = core.rules_text(self.rnd.rules)
        return ([FormField(n, t(f"committee.rules.{n}"), texts[n]) for n in NUMBER_FIELDS]
                + [FormField(n, t(f"committee.rules.{n}"), texts[n], "text", hint=t(f"committee.rules.{n}_hint"))
                   for n in TABLE_FIELDS])

    def save(self, values: dict[str, Any]) -> Any:
        return core.save_rules_text(self.ctx.engine, self.ctx.actor, self.rnd.id, values)
