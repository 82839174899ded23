"""The round's staff satisfaction survey with the raise system: how many answered, how many were satisfied.
The year's % satisfied becomes project 9's KPI actual (target 80 %)."""

from __future__ import annotations

from typing import Any

from itatui.domain.thai import digits
from itatui.i18n import t
from itatui.store import committees as core
from itatui.tui.committees.form_base import CommitteeForm, FormField


class SurveyForm(CommitteeForm):
    def __init__(self, rnd: core.RoundInfo) -> None:
        super().__init__()
        self.rnd = rnd
        self.title_text = t("committee.survey.title", round=rnd.round_no, fy=rnd.fiscal_year)

    def fields(self) -> list[FormField]:
        r = self.rnd
        return [FormField("respondents", t("committee.field.respondents"),
                          digits(str(r.survey_respondents), self.thai) if r.survey_respondents is not None else ""),
                FormField("satisfied", t("committee.field.satisfied"),
                          digits(str(r.survey_satisfied), self.thai) if r.survey_satisfied is not None else "",
                          hint=t("committee.survey.hint"))]

    def save(self, values: dict[str, Any]) -> Any:
        return core.save_survey(self.ctx.engine, self.ctx.actor, self.rnd.id, values["respondents"], values["satisfied"])
