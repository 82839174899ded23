"""The plan targets form (modal): enter the ITA score and the corruption-case reduction achieved per year.

Targets come from the plan document and are shown read-only beside each actual. ``ctrl+s`` checks every
value at once and saves in a worker (audited); ``escape`` dismisses with ``None``.
"""

from __future__ import annotations

from itatui.domain.eplan import PlanTargetKind
from itatui.domain.thai import digits
from itatui.domain.validation import ValidationError
from itatui.i18n import t
from itatui.store import plan as repo
from itatui.store.plan import PlanInfo, TargetInfo, target_field
from itatui.tui.base import app_context
from itatui.tui.plan.project_form import FORM_CSS
from itatui.tui.widgets.saving_form import SavingForm
from itatui.tui.widgets.form_errors import FormErrors
from itatui.tui.widgets.plan_summary import number_text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Static


class TargetsForm(SavingForm[tuple[TargetInfo, ...]]):
    DEFAULT_CSS = FORM_CSS.format(cls="TargetsForm") + """
    TargetsForm > #dialog { max-width: 90; }
    TargetsForm .target-row { height: 3; }
    TargetsForm .target-row > Label { width: 1fr; padding-top: 1; }
    TargetsForm .target-row > .target { width: 14; padding-top: 1; color: $text-muted; }
    TargetsForm .target-row > Input { width: 16; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", t("key.save"), priority=True, id="form.save"),
        Binding("escape", "cancel", t("key.cancel"), id="form.cancel"),
    ]

    def __init__(self, plan: PlanInfo, targets: tuple[TargetInfo, ...]) -> None:
        super().__init__()
        self.plan = plan
        self.targets = targets

    @property
    def _thai(self) -> bool:
        return bool(getattr(self.app, "thai_digits", False))

    def labels(self) -> dict[str, str]:
        thai = self._thai
        return {
            target_field(x.kind, x.fiscal_year): t("field.target_actual", target=t(PlanTargetKind(x.kind).label_key), year=digits(str(x.fiscal_year), thai))
            for x in self.targets
        }

    def compose(self) -> ComposeResult:
        thai = self._thai
        labels = self.labels()
        with Vertical(id="dialog"):
            yield Static(t("targets.title"), id="form-title")
            yield FormErrors(id="form-errors")
            with VerticalScroll(id="form-body"):
                for x in self.targets:
                    name = target_field(x.kind, x.fiscal_year)
                    with Horizontal(classes="target-row"):
                        yield Label(labels[name])
                        yield Static(t("targets.col.target") + " " + number_text(x.target, thai), classes="target")
                        yield Input("" if x.actual is None else number_text(x.actual, thai), id=name, placeholder=t("targets.col.actual"))
            yield Static("ctrl+s " + t("key.save") + " · esc " + t("key.cancel"), id="form-status")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def drafts(self) -> dict[tuple[str, int], str]:
        return {(x.kind, x.fiscal_year): self.query_one(f"#{target_field(x.kind, x.fiscal_year)}", Input).value for x in self.targets}

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        if self.saving:
            return
        try:
            actuals = repo.parse_target_actuals(self.drafts())
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        self.start_save(actuals)

    def save_now(self, payload: dict[tuple[str, int], float | None]) -> tuple[TargetInfo, ...]:
        ctx = app_context(self.app)
        repo.save_target_actuals(ctx.engine, ctx.actor, self.plan.id, payload)
        return tuple(repo.list_targets(ctx.engine, ctx.actor, self.plan.id))
