"""The progress form (modal): E-PlanNACC fields of one project for a fiscal year and round, and KPI actuals.

A year whose annual report says done is locked: the fields are read-only and the core refuses saves; an
administrator can give a reason and unlock it (``ctrl+u``), which is audited. Changing the year or round
loads that report. ``ctrl+s`` saves (every problem shown at once, what was typed kept on failure);
``escape`` dismisses with ``None``; a save dismisses with the saved ``ProgressInfo``.
"""

from __future__ import annotations

from itatui.domain.eplan import ROUNDS, Reason, Status
from itatui.domain.roles import Perm
from itatui.domain.thai import digits, format_baht
from itatui.domain.validation import FieldProblem, ValidationError
from itatui.i18n import t
from itatui.store.plan import progress as repo
from itatui.store.plan.progress import AMOUNT_FIELDS, ProgressDraft, ProgressEdit, ProgressFormData, ProgressInfo, kpi_field
from itatui.tui.base import app_context
from itatui.tui.plan.project_form import FORM_CSS, field_row
from itatui.tui.widgets.form_errors import FormErrors, error_text
from itatui.tui.widgets.plan_summary import number_text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static, TextArea


class ProgressForm(ModalScreen[ProgressInfo | None]):
    DEFAULT_CSS = FORM_CSS.format(cls="ProgressForm") + """
    ProgressForm #locked-banner { display: none; height: auto; background: $warning 20%; padding: 0 1; margin-bottom: 1; }
    ProgressForm.-locked #locked-banner { display: block; }
    ProgressForm #unlock-row { display: none; }
    ProgressForm.-locked.-can-unlock #unlock-row { display: block; }
    ProgressForm #reason-row, ProgressForm #reason-text-row { display: none; }
    ProgressForm.-not-possible #reason-row { display: block; }
    ProgressForm.-not-possible.-other #reason-text-row { display: block; }
    ProgressForm #remark { height: 3; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", t("key.save"), priority=True, id="form.save"),
        Binding("escape", "cancel", t("key.cancel"), id="form.cancel"),
        Binding("ctrl+u", "unlock", t("progress.key.unlock"), priority=True, id="progress.unlock"),
    ]

    def __init__(self, data: ProgressFormData) -> None:
        super().__init__()
        self.data = data
        self._busy = False

    @property
    def _thai(self) -> bool:
        return bool(getattr(self.app, "thai_digits", False))

    def labels(self) -> dict[str, str]:
        out = {name: t(f"field.{name}") for name in (*AMOUNT_FIELDS, "status", "reason", "reason_text", "remark", "round", "fiscal_year", "unlock_reason")}
        # The indicator is the document's text ("อย่างน้อย ๓ ช่องทาง"): its digits follow the `t` toggle too.
        out.update({kpi_field(k.id): digits(t("field.kpi", indicator=k.indicator), self._thai) for k in self.data.kpis})
        return out

    def compose(self) -> ComposeResult:
        d = self.data
        r = d.report
        thai = self._thai
        labels = self.labels()

        def amount(value: int | None) -> str:
            return "" if value is None else digits(f"{value:,}", thai)

        with Vertical(id="dialog"):
            yield Static(t("progress.title", number=digits(str(d.project_number), thai), name=d.project_name), id="form-title")
            yield FormErrors(id="form-errors")
            yield Static(
                t("progress.locked", year=digits(str(d.fiscal_year), thai))
                + (("\n" + t("progress.unlock_hint")) if self._can_unlock else ""),
                id="locked-banner",
            )
            with VerticalScroll(id="form-body"):
                with Horizontal(classes="field"):
                    yield field_row(
                        labels["fiscal_year"],
                        Select([(digits(str(y), thai), y) for y in d.years], value=d.fiscal_year, allow_blank=False, id="fiscal_year"),
                    )
                    yield field_row(
                        labels["round"],
                        Select([(digits(t(f"eplan.round.{n}"), thai), n) for n in ROUNDS], value=d.round, allow_blank=False, id="round"),
                    )
                yield Static(t("progress.planned", amount=format_baht(d.planned_budget, thai_digits=thai)), classes="hint")
                for name in AMOUNT_FIELDS:
                    yield field_row(labels[name], Input(amount(getattr(r, name) if r else None), id=name, classes="editable"))
                yield field_row(
                    labels["status"],
                    Select(
                        [(t(s.label_key), s.value) for s in Status],
                        value=r.status if r and r.status else Select.NULL,
                        prompt=t("form.choose"),
                        id="status",
                        classes="editable",
                    ),
                    digits(t("progress.locks_on_save"), thai),
                )
                row = field_row(
                    labels["reason"],
                    Select(
                        [(t(x.label_key), x.value) for x in Reason],
                        value=r.not_possible_reason if r and r.not_possible_reason else Select.NULL,
                        prompt=t("form.choose"),
                        id="reason",
                        classes="editable",
                    ),
                )
                row.id = "reason-row"
                yield row
                row = field_row(labels["reason_text"], Input(r.reason_text if r else "", id="reason_text", classes="editable"))
                row.id = "reason-text-row"
                yield row
                yield field_row(labels["remark"], TextArea(r.remark if r else "", id="remark", classes="editable"))
                yield Static(t("progress.kpis", year=digits(str(d.fiscal_year), thai)), classes="label")
                if not d.kpis:
                    yield Static(t("progress.no_kpi"), classes="hint")
                for k in d.kpis:
                    target = f"{number_text(k.target, thai)} {k.unit}".strip() if k.target is not None else ""
                    yield field_row(
                        labels[kpi_field(k.id)],
                        Input("" if k.actual is None else number_text(k.actual, thai), id=kpi_field(k.id), classes="editable"),
                        t("sheet.kpi_target", target=target, unit="").strip() if target else "",
                    )
                row = field_row(labels["unlock_reason"], Input("", id="unlock_reason"))
                row.id = "unlock-row"
                yield row
            yield Static(self._keys_hint(), id="form-status")

    @property
    def _can_unlock(self) -> bool:
        ctx = getattr(self.app, "ctx", None)
        return bool(ctx and ctx.actor.can(Perm.PROGRESS_UNLOCK))

    def _keys_hint(self) -> str:
        hint = "ctrl+s " + t("key.save") + " · esc " + t("key.cancel")
        if self.data.year_locked and self._can_unlock:
            hint += " · ctrl+u " + t("progress.key.unlock")
        return hint

    def on_mount(self) -> None:
        self._ready()

    def _ready(self) -> None:
        self._apply_state()
        first = "unlock_reason" if self.data.year_locked and self._can_unlock else "amount_local_plan"
        self.query_one(f"#{first}").focus()

    def _apply_state(self) -> None:
        locked = self.data.year_locked
        self.set_class(locked, "-locked")
        self.set_class(self._can_unlock, "-can-unlock")
        for widget in self.query(".editable"):
            widget.disabled = locked
        self._status_changed()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "unlock":
            return self.data.year_locked and self._can_unlock
        return True

    # ------------------------------------------------------------------------------------------ field logic

    @on(Select.Changed, "#status, #reason")
    def _status_changed(self) -> None:
        status = self.query_one("#status", Select).value
        reason = self.query_one("#reason", Select).value
        self.set_class(status == Status.NOT_POSSIBLE, "-not-possible")
        self.set_class(reason == Reason.OTHER, "-other")

    @on(Select.Changed, "#fiscal_year, #round")
    def _period_changed(self) -> None:
        fy = self.query_one("#fiscal_year", Select).value
        round_no = self.query_one("#round", Select).value
        if (fy, round_no) != (self.data.fiscal_year, self.data.round) and isinstance(fy, int) and isinstance(round_no, int):
            self._reload(fy, round_no)

    @work(thread=True, exclusive=True, group="progress-load", exit_on_error=False)
    def _reload(self, fiscal_year: int, round_no: int) -> None:
        ctx = app_context(self.app)
        try:
            data = repo.progress_form_data(ctx.engine, ctx.actor, self.data.project_id, fiscal_year, round_no)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.query_one(FormErrors).show_message, error_text(exc))
            return
        self.app.call_from_thread(self._replace_data, data)

    async def _replace_data(self, data: ProgressFormData) -> None:
        self.data = data
        await self.recompose()
        self._ready()

    # ------------------------------------------------------------------------------------------ reading

    def draft(self) -> ProgressDraft:
        """Everything as typed. Reason fields count only when they apply (hidden ones keep their text)."""
        status = self.query_one("#status", Select).value
        status_text = "" if status is Select.NULL else str(status)
        reason = self.query_one("#reason", Select).value
        reason_text = "" if reason is Select.NULL or status_text != Status.NOT_POSSIBLE else str(reason)
        return ProgressDraft(
            amount_local_plan=self.query_one("#amount_local_plan", Input).value,
            amount_ordinance=self.query_one("#amount_ordinance", Input).value,
            amount_spent=self.query_one("#amount_spent", Input).value,
            status=status_text,
            reason=reason_text,
            reason_text=self.query_one("#reason_text", Input).value if reason_text == Reason.OTHER else "",
            remark=self.query_one("#remark", TextArea).text,
            kpi_actuals={k.id: self.query_one(f"#{kpi_field(k.id)}", Input).value for k in self.data.kpis},
        )

    # ------------------------------------------------------------------------------------------ saving

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        if self._busy:
            return
        errors = self.query_one(FormErrors)
        if self.data.year_locked:
            errors.show_message(t("err.progress_locked", fiscal_year=digits(str(self.data.fiscal_year), self._thai)))
            return
        try:
            edit = repo.parse_progress_draft(self.draft(), self.data.round)
        except ValidationError as exc:
            self._show_problems(exc.problems)
            return
        errors.clear()
        self._busy = True
        self.query_one("#form-status", Static).update(t("form.saving"))
        self._save(edit)

    @work(thread=True, exclusive=True, group="progress-save", exit_on_error=False)
    def _save(self, edit: ProgressEdit) -> None:
        ctx = app_context(self.app)
        d = self.data
        try:
            info = repo.save_progress(ctx.engine, ctx.actor, d.project_id, d.fiscal_year, d.round, edit)
        except ValidationError as exc:
            self.app.call_from_thread(self._failed, exc.problems, None)
        except Exception as exc:  # noqa: BLE001 - locked, refused or a database error: keep the form
            self.app.call_from_thread(self._failed, None, exc)
        else:
            self.app.call_from_thread(self._saved, info)

    def _saved(self, info: ProgressInfo) -> None:
        self.dismiss(info)

    def _failed(self, problems: list[FieldProblem] | None, exc: BaseException | None) -> None:
        self._busy = False
        self.query_one("#form-status", Static).update(self._keys_hint())
        if problems:
            self._show_problems(problems)
        elif exc is not None:
            self.query_one(FormErrors).show_message(t("err.save_failed", reason=error_text(exc)))

    def _show_problems(self, problems: list[FieldProblem]) -> None:
        self.query_one(FormErrors).show(problems, self.labels())
        try:
            self.query_one(f"#{problems[0].field}").focus()
        except Exception:  # noqa: BLE001
            pass

    # ------------------------------------------------------------------------------------------ unlocking

    def action_unlock(self) -> None:
        if self._busy or not self.data.year_locked:
            return
        if not self._can_unlock:
            self.query_one(FormErrors).show_message(t("err.permission"))
            return
        reason = self.query_one("#unlock_reason", Input).value
        if not reason.strip():
            self._show_problems([FieldProblem("unlock_reason", "err.unlock_reason_required")])
            return
        self._busy = True
        self._unlock(reason)

    @work(thread=True, exclusive=True, group="progress-save", exit_on_error=False)
    def _unlock(self, reason: str) -> None:
        ctx = app_context(self.app)
        d = self.data
        try:
            repo.unlock_year(ctx.engine, ctx.actor, d.project_id, d.fiscal_year, reason)
            data = repo.progress_form_data(ctx.engine, ctx.actor, d.project_id, d.fiscal_year, d.round)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self._failed, None, exc)
            return
        self.app.call_from_thread(self._unlocked, data)

    async def _unlocked(self, data: ProgressFormData) -> None:
        self._busy = False
        await self._replace_data(data)
        self.notify(t("progress.unlocked", year=digits(str(data.fiscal_year), self._thai)))
