"""The supervisor's score (the total, or achievement and competency weighted by the round's rules) and the
screening committee's view of it (agree, or adjust with a score and a reason)."""

from __future__ import annotations

from typing import Any

from itatui.domain.thai import digits
from itatui.i18n import t
from itatui.store import committees as core
from itatui.tui.committees.form_base import CommitteeForm, FormField


def _n(value: float | None, thai: bool) -> str:
    return "" if value is None else digits(f"{value:g}", thai)


class AssessmentForm(CommitteeForm):
    def __init__(self, row: core.EvaluationRow) -> None:
        super().__init__()
        self.row = row
        self.title_text = t("committee.assess.title", code=row.staff_code, name=row.name)

    def fields(self) -> list[FormField]:
        r, thai = self.row, self.thai
        weights = t("committee.assess.probation") if r.probation else t("committee.assess.weights")
        parts = r.achievement is not None and r.competency is not None
        return [
            FormField("achievement", t("committee.field.achievement"), _n(r.achievement, thai), hint=weights),
            FormField("competency", t("committee.field.competency"), _n(r.competency, thai)),
            FormField("score", t("committee.field.score"), "" if parts else _n(r.score, thai), hint=t("committee.assess.score_hint")),
            FormField("view", t("committee.field.screening"), r.screening or None, "select",
                      (("-", ""), (t("committee.screening.agree"), "agree"), (t("committee.screening.adjust"), "adjust"))),
            FormField("screening_score", t("committee.field.screening_score"), _n(r.screening_score, thai)),
            FormField("screening_reason", t("committee.field.screening_reason"), r.screening_reason, "text"),
        ]

    def save(self, values: dict[str, Any]) -> Any:
        engine, actor, r = self.ctx.engine, self.ctx.actor, self.row
        row = core.set_score(engine, actor, r.id, achievement=values["achievement"], competency=values["competency"],
                             total=values["score"])
        if values["view"]:
            row = core.save_screening(engine, actor, r.id, values["view"], score_text=values["screening_score"],
                                      reason=values["screening_reason"])
        return row
