"""The control form (modal): a plan project (picked from the plan) or a free measure, whether it covers this
risk or the whole process, owner, due date, progress %, the existing control's quality, the monitoring colour
(in the office's words) and the result. ``ctrl+s`` checks every field at once and saves in a worker (audited).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Select, Static

from itatui.domain.risks import ControlQuality, Monitor
from itatui.domain.thai import digits
from itatui.i18n import t
from itatui.store import risks as core
from itatui.store.risks.types import ControlInfo, ProjectProgress, RegisterRow, RiskSettings
from itatui.tui.plan.project_form import FORM_CSS, field_row
from itatui.tui.risks.labels import be_input
from itatui.tui.widgets.saving_form import SavingForm
from itatui.tui.widgets.form_errors import FormErrors

_INPUTS = ("text", "owner", "due", "progress", "result")
_SELECTS = ("project", "scope", "quality", "monitor")
NO_PROJECT = "none"


class ControlForm(SavingForm[int]):
    DEFAULT_CSS = FORM_CSS.format(cls="ControlForm") + """
    ControlForm .pair { height: auto; }
    ControlForm .pair > .field { width: 1fr; margin-right: 1; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", t("key.save"), priority=True, id="form.save"),
        Binding("escape", "cancel", t("key.cancel"), id="form.cancel"),
    ]

    def __init__(self, risk: RegisterRow, control: ControlInfo | None, projects: tuple[ProjectProgress, ...], settings: RiskSettings) -> None:
        super().__init__()
        self.risk, self.control, self.projects, self.settings = risk, control, projects, settings

    def labels(self) -> dict[str, str]:
        out = {name: t(f"risk.field.{name}") for name in (*_INPUTS, *_SELECTS)}
        out["owner"] = t("risk.field.ctl_owner")
        return out

    def compose(self) -> ComposeResult:
        c, labels = self.control, self.labels()
        thai = bool(getattr(self.app, "thai_digits", False))
        title = t("risk.control.edit") if c else t("risk.control.new", code=self.risk.code)
        projects = [(t("risk.field.no_project"), NO_PROJECT)] + [(digits(f"{p.number}) ", thai) + p.name[:70], str(p.project_id)) for p in self.projects]
        project = str(c.project.project_id) if c and c.project else NO_PROJECT
        scope = "process" if c and c.issue_id is None else "issue"
        with Vertical(id="dialog"):
            yield Static(digits(title, thai), id="form-title")
            yield FormErrors(id="form-errors")
            with VerticalScroll(id="form-body"):
                yield field_row(labels["project"], Select(projects, value=project, allow_blank=False, id="project"))
                yield field_row(labels["text"], Input(c.text if c else "", id="text"))
                yield field_row(labels["scope"], Select(
                    [(t("risk.field.scope_issue"), "issue"), (t("risk.field.scope_process"), "process")], value=scope, allow_blank=False, id="scope"))
                with Horizontal(classes="pair"):
                    yield field_row(labels["owner"], Input(c.owner if c else self.risk.owner, id="owner"))
                    yield field_row(labels["due"], Input(be_input(c.due) if c else "", id="due"))
                with Horizontal(classes="pair"):
                    yield field_row(labels["progress"], Input("" if not c or c.progress is None else str(c.progress), id="progress"))
                    yield field_row(labels["quality"], Select(
                        [(t(f"risk.quality.{q.value}"), q.value) for q in ControlQuality], value=c.quality if c and c.quality else Select.NULL, prompt=t("risk.field.unset"), id="quality"))
                    yield field_row(labels["monitor"], Select(
                        [(self.settings.monitor_names[m.value], m.value) for m in Monitor], value=c.monitor if c and c.monitor else Select.NULL, prompt=t("risk.field.unset"), id="monitor"))
                yield field_row(labels["result"], Input(c.result if c else "", id="result"))
            yield Static("ctrl+s " + t("key.save") + " · esc " + t("key.cancel"), id="form-status")

    def on_mount(self) -> None:
        self.query_one("#project", Select).focus()

    def value(self, name: str) -> str:
        if name in _SELECTS:
            v = self.query_one(f"#{name}", Select).value
            return "" if v is Select.NULL or v == NO_PROJECT else str(v)
        return self.query_one(f"#{name}", Input).value

    def form(self) -> dict[str, str]:
        return {name: self.value(name) for name in (*_INPUTS, *_SELECTS)}

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        if self.saving:
            return
        values, problems = core.parse_control(self.form())
        if values is None:
            self.show_problems(problems.items)
            return
        self.start_save(values)

    def save_now(self, payload: core.ControlValues) -> int:
        ctx = self.app.ctx  # type: ignore[attr-defined]
        return core.save_control(ctx.engine, ctx.actor, self.risk.id, payload, self.control.id if self.control else None)
