"""The minutes of a meeting. A draft is edited in place; ``ctrl+a`` approves it, which locks it. A change to
approved minutes is a new version that must say why (audited); every older version stays listed and readable."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from itatui.domain.thai import digits, format_datetime
from itatui.i18n import language, t
from itatui.store import committees as core
from itatui.tui.committees.form_base import CommitteeForm, FormField, Saved


class MinutesForm(CommitteeForm):
    BINDINGS = [Binding("ctrl+a", "approve", t("committee.key.approve"), priority=True, id="committee.minutes.approve")]

    def __init__(self, meeting: core.MeetingInfo) -> None:
        super().__init__()
        self.meeting = meeting
        self.last = meeting.minutes[-1] if meeting.minutes else None
        self.title_text = t("committee.minutes.title", n=meeting.number)

    @property
    def amending(self) -> bool:
        return self.last is not None and self.last.approved

    def fields(self) -> list[FormField]:
        out = [FormField("text", t("committee.field.minutes"), self.last.text if self.last else "", "text")]
        if self.amending:
            out.append(FormField("reason", t("committee.field.amend_reason"), hint=t("committee.minutes.locked_hint")))
        return out

    def extra(self) -> ComposeResult:
        thai = self.thai
        out = Text()
        for v in self.meeting.minutes:
            state = t("committee.minutes.approved") if v.approved else t("committee.minutes.draft")
            out.append(digits(t("committee.minutes.version", n=v.version), thai) + f" · {state} · "
                       + format_datetime(v.created_at, thai_digits=thai, lang=language()), style="bold")
            if v.reason:
                out.append(" · " + t("committee.minutes.because", reason=v.reason))
            out.append("\n" + v.text + "\n\n")
        yield Static(out or t("committee.minutes.none"), id="minutes-versions")

    def save(self, values: dict[str, Any]) -> Any:
        return core.save_minutes(self.ctx.engine, self.ctx.actor, self.meeting.id, values["text"], reason=values.get("reason", ""))

    def action_approve(self) -> None:
        if not self._saving:
            self._saving = True
            self._approve(self.values())

    @work(thread=True, exclusive=True, group="committee-form", exit_on_error=False)
    def _approve(self, values: dict[str, Any]) -> Saved | None:
        try:
            if not (self.last and self.last.approved and self.last.text == values["text"].strip()):
                if not (self.last and not self.last.approved and self.last.text == values["text"].strip()):
                    self.save(values)
            result = core.approve_minutes(self.ctx.engine, self.ctx.actor, self.meeting.id)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self._failed, exc)
            return None
        return Saved(result)  # dismissed by CommitteeForm._save_over, when the worker is over
