"""Risk categories and monitoring-colour names (modal): the organisation's own words, stored as data.

Each category row has its Thai and English name (a blank Thai name drops it, refused while risks use it); three
empty rows add new ones. The four monitoring colours get the office's names. ``ctrl+s`` checks all at once and
saves in a worker (audited); ``escape`` cancels.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Static

from itatui.domain.risks import Monitor
from itatui.i18n import t
from itatui.store import risks as core
from itatui.store.risks.drafts import MAX_NEW_CATEGORIES
from itatui.store.risks.types import RiskSettings
from itatui.tui.plan.project_form import FORM_CSS
from itatui.tui.widgets.saving_form import SavingForm
from itatui.tui.widgets.form_errors import FormErrors


class RiskSettingsForm(SavingForm[bool]):
    DEFAULT_CSS = FORM_CSS.format(cls="RiskSettingsForm") + """
    RiskSettingsForm .row { height: 3; }
    RiskSettingsForm .row > Label { width: 12; padding-top: 1; }
    RiskSettingsForm .row > Input { width: 1fr; }
    RiskSettingsForm .section { text-style: bold; margin-top: 1; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", t("key.save"), priority=True, id="form.save"),
        Binding("escape", "cancel", t("key.cancel"), id="form.cancel"),
    ]

    def __init__(self, settings: RiskSettings) -> None:
        super().__init__()
        self.settings = settings
        self.codes = tuple(c.code for c in settings.categories)

    def labels(self) -> dict[str, str]:
        out = {f"cat_{c.code}_th": c.name_th for c in self.settings.categories}
        out.update({f"new{i}_th": t("risk.settings.new") for i in range(MAX_NEW_CATEGORIES)})
        out.update({f"monitor_{m.value}": t(f"risk.monitor.{m.value}") for m in Monitor})
        return out

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(t("risk.settings.title"), id="form-title")
            yield FormErrors(id="form-errors")
            with VerticalScroll(id="form-body"):
                yield Static(t("risk.settings.categories"), classes="section")
                for n, c in enumerate(self.settings.categories, 1):
                    with Horizontal(classes="row"):
                        yield Label(str(n))
                        yield Input(c.name_th, id=f"cat_{c.code}_th", placeholder=t("risk.settings.th"))
                        yield Input(c.name_en, id=f"cat_{c.code}_en", placeholder=t("risk.settings.en"))
                for i in range(MAX_NEW_CATEGORIES):
                    with Horizontal(classes="row"):
                        yield Label(t("risk.settings.new"))
                        yield Input("", id=f"new{i}_th", placeholder=t("risk.settings.th"))
                        yield Input("", id=f"new{i}_en", placeholder=t("risk.settings.en"))
                yield Static(t("risk.settings.monitor"), classes="section")
                for m in Monitor:
                    with Horizontal(classes="row"):
                        yield Label(t(f"risk.monitor.{m.value}"))
                        yield Input(self.settings.monitor_names[m.value], id=f"monitor_{m.value}")
            yield Static("ctrl+s " + t("key.save") + " · esc " + t("key.cancel"), id="form-status")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def form(self) -> dict[str, str]:
        return {i.id: i.value for i in self.query(Input) if i.id}

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        if self.saving:
            return
        values, problems = core.parse_settings(self.form(), self.codes)
        if values is None:
            self.show_problems(problems.items)
            return
        self.start_save(values)

    def save_now(self, payload: core.SettingsValues) -> bool:
        ctx = self.app.ctx  # type: ignore[attr-defined]
        core.save_settings(ctx.engine, ctx.actor, payload, ctx.organisation_id)
        return True
