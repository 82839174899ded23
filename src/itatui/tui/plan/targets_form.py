"""The plan targets form (modal): enter the ITA score and the corruption-case reduction achieved per year.

Targets come from the plan document and are shown read-only beside each actual. ``ctrl+s`` checks every
value at once and saves in a worker (audited); ``escape`` dismisses with ``None``.
"""

from __future__ import annotations

from itatui.domain.eplan import PlanTargetKind
from itatui.domain.thai import digits
from itatui.domain.validation import FieldProblem, ValidationError
from itatui.i18n import t
from itatui.store import plan as repo
from itatui.store.plan import PlanInfo, TargetInfo, target_field
from itatui.tui.base import app_context
from itatui.tui.plan.project_form import FORM_CSS
from itatui.tui.widgets.form_errors import FormErrors, error_text
from itatui.tui.widgets.plan_summary import number_text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static
from textual.worker import Worker, WorkerState


class TargetsForm(ModalScreen[tuple[TargetInfo, ...] | None]):
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
        self._busy = False

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
        if self._busy:
            return
        try:
            actuals = repo.parse_target_actuals(self.drafts())
        except ValidationError as exc:
            self._show(exc.problems)
            return
        self.query_one(FormErrors).clear()
        self._busy = True
        self.query_one("#form-status", Static).update(t("form.saving"))
        self._save(actuals)

    @work(thread=True, exclusive=True, group="targets-save", exit_on_error=False)
    def _save(self, actuals: dict[tuple[str, int], float | None]) -> tuple[TargetInfo, ...] | None:
        ctx = app_context(self.app)
        try:
            repo.save_target_actuals(ctx.engine, ctx.actor, self.plan.id, actuals)
            saved = tuple(repo.list_targets(ctx.engine, ctx.actor, self.plan.id))
        except ValidationError as exc:
            self.app.call_from_thread(self._failed, exc.problems, None)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self._failed, None, exc)
        else:
            return saved

    @on(Worker.StateChanged)
    def _saved(self, event: Worker.StateChanged) -> None:
        # Dismissed from here, when the worker is over: dismissed from inside it, the worker waited for its own
        # screen to be removed, and the removal cancelled it (as LoginScreen explains).
        result = event.worker.result if event.state == WorkerState.SUCCESS else None
        if event.worker.group == "targets-save" and isinstance(result, tuple) and self.app.screen is self:
            self.dismiss(result)

    def _failed(self, problems: list[FieldProblem] | None, exc: BaseException | None) -> None:
        self._busy = False
        self.query_one("#form-status", Static).update("ctrl+s " + t("key.save") + " · esc " + t("key.cancel"))
        if problems:
            self._show(problems)
        elif exc is not None:
            self.query_one(FormErrors).show_message(t("err.save_failed", reason=error_text(exc)))

    def _show(self, problems: list[FieldProblem]) -> None:
        self.query_one(FormErrors).show(problems, self.labels())
        try:
            self.query_one(f"#{problems[0].field}").focus()
        except Exception:  # noqa: BLE001
            pass
