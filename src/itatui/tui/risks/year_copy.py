"""Start a new fiscal year's assessment (modal): copy an earlier year's register (open risks with their scores
and controls; progress starts afresh), or start empty. Saves in a worker; dismisses with the new year."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static
from textual.worker import Worker, WorkerState

from itatui.domain.validation import FieldProblem
from itatui.i18n import t
from itatui.store import risks as core
from itatui.store.risks.types import AssessmentInfo
from itatui.tui.plan.project_form import FORM_CSS, field_row
from itatui.tui.widgets.form_errors import FormErrors, error_text

EMPTY = "empty"


class YearCopyForm(ModalScreen[int | None]):
    DEFAULT_CSS = FORM_CSS.format(cls="YearCopyForm") + "YearCopyForm > #dialog { max-width: 70; max-height: 22; }"

    BINDINGS = [
        Binding("ctrl+s", "save", t("key.save"), priority=True, id="form.save"),
        Binding("escape", "cancel", t("key.cancel"), id="form.cancel"),
    ]

    def __init__(self, assessments: tuple[AssessmentInfo, ...], year: int) -> None:
        super().__init__()
        self.assessments = assessments
        self.year = year
        self._busy = False

    def compose(self) -> ComposeResult:
        latest = self.assessments[-1] if self.assessments else None
        target = self.year if not latest or self.year > latest.fiscal_year else latest.fiscal_year + 1
        options = [(t("risk.bar.assessment", year=a.fiscal_year), str(a.id)) for a in reversed(self.assessments)]
        options.append((t("risk.year.empty"), EMPTY))
        with Vertical(id="dialog"):
            yield Static(t("risk.year.title"), id="form-title")
            yield FormErrors(id="form-errors")
            with VerticalScroll(id="form-body"):
                yield field_row(t("risk.year.source"), Select(options, value=str(latest.id) if latest else EMPTY, allow_blank=False, id="source"))
                yield field_row(t("risk.year.target"), Input(str(target), id="year"), t("risk.year.hint"))
            yield Static("ctrl+s " + t("key.save") + " · esc " + t("key.cancel"), id="form-status")

    def on_mount(self) -> None:
        self.query_one("#year", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        if self._busy:
            return
        source = str(self.query_one("#source", Select).value)
        src = next((a for a in self.assessments if str(a.id) == source), None)
        year, problems = core.parse_year(self.query_one("#year", Input).value, src.fiscal_year if src else 0, {a.fiscal_year for a in self.assessments})
        if year is None:
            self._show(problems.items)
            return
        self._busy = True
        self._save(year, src.id if src else None)

    @work(thread=True, exclusive=True, group="year-copy", exit_on_error=False)
    def _save(self, year: int, source_id: int | None) -> int | None:
        ctx = self.app.ctx  # type: ignore[attr-defined]
        try:
            core.start_assessment(ctx.engine, ctx.actor, year, source_id, ctx.organisation_id)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self._failed, exc)
        else:
            return year

    @on(Worker.StateChanged)
    def _save_done(self, event: Worker.StateChanged) -> None:
        # Dismissed from here, when the worker is over: dismissed from inside it, the worker waited for its own
        # screen to be removed, and the removal cancelled it (as LoginScreen explains).
        result = event.worker.result if event.state == WorkerState.SUCCESS else None
        if event.worker.group == "year-copy" and isinstance(result, int) and self.app.screen is self:
            self.dismiss(result)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.query_one(FormErrors).show_message(t("err.save_failed", reason=error_text(exc)))

    def _show(self, problems: list[FieldProblem]) -> None:
        self.query_one(FormErrors).show(problems, {"year": t("risk.year.target")})
        self.query_one("#year", Input).focus()
