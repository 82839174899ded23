"""The promotion committee's decision for one person, with the round's live checks recomputed as it is typed.

Steps scheme: steps (0.5, 1, 1.5) and the raise in baht from the salary table; percent scheme: the percent
(the amount, its rounding to 10 baht and any special allowance come from the calculation-base table). The
meeting it was decided at, and the day the person was told. What the rules forbid is listed in red and the
save is refused with it; what only deserves a look is listed in yellow.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.timer import Timer
from textual.widgets import Input, Select, Static

from itatui.domain.salary import steps_text
from itatui.domain.thai import digits, format_date
from itatui.i18n import t
from itatui.store import committees as core
from itatui.tui.committees.form_base import CommitteeForm, FormField
from itatui.tui.committees.labels import be, issue_text, level_label, num, score_text, totals_line

CHECK_DELAY = 0.25  # seconds of typing pause before the checks run


class DecisionForm(CommitteeForm):
    DEFAULT_CSS = """
    DecisionForm #live-checks { height: auto; max-height: 8; padding: 0 1; margin-bottom: 1; border-left: thick $primary; }
    """

    def __init__(self, row: core.EvaluationRow, rnd: core.RoundInfo) -> None:
        super().__init__()
        self.row, self.rnd = row, rnd
        self.title_text = t("committee.decide.title", code=row.staff_code, name=row.name)
        self._timer: Timer | None = None

    @property
    def steps(self) -> bool:
        return self.row.scheme == "steps"

    def fields(self) -> list[FormField]:
        r, thai = self.row, self.thai
        told = digits(format_date(r.told_on, style="numeric"), thai) if r.told_on else ""
        out = []
        if self.steps:
            allowed = ", ".join(steps_text(h) for h in self.rnd.rules.allowed_half_steps(self.rnd.round_no, r.final_level))
            out += [FormField("steps", t("committee.field.steps"), steps_text(r.half_steps) if r.decided else "",
                              hint=t("committee.decide.allowed", steps=digits(allowed, thai))),
                    FormField("amount", t("committee.field.amount"), str(r.amount) if r.decided else "")]
        else:
            limit = min(self.rnd.rules.max_percent(r.final_level), self.rnd.rules.person_max_pct)
            out.append(FormField("percent", t("committee.field.percent"), str(r.percent) if r.percent is not None else "",
                                 hint=t("committee.decide.max_percent", max=digits(str(limit), thai))))
        out += [FormField("meeting_id", t("committee.field.meeting"), r.meeting_id, "select", ()),
                FormField("told_on", t("committee.field.told_on"), told, hint=t("committee.field.date_hint"))]
        return out

    def header(self) -> ComposeResult:
        r, thai = self.row, self.thai
        yield Static(t("committee.decide.person", score=score_text(r.screening_score if r.screening == "adjust" else r.score, thai),
                       level=level_label(r.final_level), salary=num(r.salary, thai),
                       screening=t(f"committee.screening.{r.screening or 'none'}")), classes="hint")
        yield Static("", id="live-checks")  # above the fields: in sight while the decision is typed

    def on_mount(self) -> None:
        super().on_mount()
        self._meetings()

    @work(thread=True, exclusive=True, group="committee-meetings", exit_on_error=False)
    def _meetings(self) -> None:
        meetings = [m for m in core.list_meetings(self.ctx.engine, self.ctx.actor, self.rnd.id) if m.committee_kind == "promotion"]
        self.app.call_from_thread(self._set_meetings, meetings)

    def _set_meetings(self, meetings: list[core.MeetingInfo]) -> None:
        select = self.query_one("#meeting_id", Select)
        select.set_options([(t("committee.meeting.label", n=digits(str(m.number), self.thai), date=be(m.held_on, self.thai)), m.id)
                            for m in meetings])
        wanted = self.row.meeting_id or (meetings[-1].id if meetings else None)
        if wanted is not None:
            select.value = wanted
        self._check_later()

    def draft(self, values: dict[str, Any] | None = None) -> core.DecisionDraft:
        v = values or self.values()
        return core.DecisionDraft(steps=v.get("steps", "") or "", percent=v.get("percent", "") or "",
                                  amount=v.get("amount", "") or "", meeting_id=v.get("meeting_id"), told_on=v.get("told_on", ""))

    @on(Input.Changed)
    @on(Select.Changed)
    def _check_later(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(CHECK_DELAY, self._check_now)

    def _check_now(self) -> None:
        self._preview(self.draft())

    @work(thread=True, exclusive=True, group="committee-preview", exit_on_error=False)
    def _preview(self, draft: core.DecisionDraft) -> None:
        try:
            preview = core.preview_decision(self.ctx.engine, self.ctx.actor, self.row.id, draft)
        except Exception:  # noqa: BLE001 - an unfinished form: the checks wait for readable values
            self.app.call_from_thread(self._show, None)
            return
        self.app.call_from_thread(self._show, preview)

    def _show(self, preview: core.DecisionPreview | None) -> None:
        out = Text()
        if preview is None:
            out.append(t("committee.decide.fill_in"), style="italic")
        else:
            d, thai = preview.decision, self.thai
            if not self.steps:
                out.append(t("committee.decide.percent_result", amount=num(d.amount, thai),
                             special=num(d.special_allowance, thai)) + "\n")
            out.append(totals_line(preview.report.totals, thai) + "\n")
            for issue in preview.blocking:
                out.append("✗ " + issue_text(issue, thai) + "\n", style="bold red")
            mine = [i for i in preview.report.issues if not i.blocking and i.staff_code == self.row.staff_code]
            for issue in mine:
                out.append("! " + issue_text(issue, thai) + "\n", style="yellow")
            if not preview.blocking:
                out.append("✓ " + t("committee.decide.ok"), style="green")
        self.query_one("#live-checks", Static).update(out)

    def save(self, values: dict[str, Any]) -> Any:
        return core.decide(self.ctx.engine, self.ctx.actor, self.row.id, self.draft(values))

    def failure_text(self, exc: BaseException) -> str:
        if isinstance(exc, core.DecisionBlocked):
            lines = [t("committee.err.blocked", n=len(exc.issues))] + [issue_text(i, self.thai) for i in exc.issues]
            return "\n".join(lines)
        return super().failure_text(exc)
