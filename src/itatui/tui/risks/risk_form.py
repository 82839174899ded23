"""The risk form (modal): process, issue, category, type, likelihood and impact (the level follows, shown as
typed), residual scores, owner, treatment, status, next review. ``ctrl+s`` checks every field at once and
saves in a worker (audited); what was typed stays on a refusal; ``escape`` dismisses with ``None``.
"""

from __future__ import annotations

import asyncio

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Select, Static

from itatui.domain.risks import RiskStatus, RiskType, Treatment
from itatui.domain.thai import digits, parse_int
from itatui.i18n import t
from itatui.store import risks as core
from itatui.store.risks.drafts import NEW_PROCESS
from itatui.store.risks.types import AssessmentInfo, ProcessChoice, RegisterRow, RiskSettings
from itatui.store.versioning import EditConflict
from itatui.tui.plan.project_form import FORM_CSS, field_row
from itatui.tui.risks.labels import be_input, category_name, level_name
from itatui.tui.widgets.saving_form import SavingForm
from itatui.tui.widgets.form_errors import FormErrors, error_text

_INPUTS = ("process_name", "description", "likelihood", "impact", "residual_likelihood", "residual_impact", "owner", "next_review")
_SELECTS = ("process", "category", "risk_type", "level", "treatment", "status")


async def open_risk_form(screen: Screen, assessment: AssessmentInfo, settings: RiskSettings, row: RegisterRow | None) -> int | None:
    ctx = screen.app.ctx  # type: ignore[attr-defined]
    try:
        processes = await asyncio.to_thread(core.process_choices, ctx.engine, ctx.actor, assessment.id)
    except Exception as exc:  # noqa: BLE001
        screen.notify(error_text(exc), severity="error")
        return None
    return await screen.app.push_screen_wait(RiskForm(assessment, settings, processes, row))


class RiskForm(SavingForm[int]):
    DEFAULT_CSS = FORM_CSS.format(cls="RiskForm") + """
    RiskForm .pair { height: auto; }
    RiskForm .pair > .field { width: 1fr; margin-right: 1; }
    RiskForm #level-preview { height: 1; margin-bottom: 1; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", t("key.save"), priority=True, id="form.save"),
        Binding("escape", "cancel", t("key.cancel"), id="form.cancel"),
    ]

    def __init__(self, assessment: AssessmentInfo, settings: RiskSettings, processes: tuple[ProcessChoice, ...], row: RegisterRow | None) -> None:
        super().__init__()
        self.assessment, self.settings, self.processes, self.row = assessment, settings, processes, row
        self._version = row.version if row else None  # the version shown; a conflict moves it to the stored one

    def labels(self) -> dict[str, str]:
        size = self.settings.matrix.size
        out = {name: t(f"risk.field.{name}") for name in (*_INPUTS, *_SELECTS)}
        out["likelihood"] = t("risk.field.likelihood", size=size)
        out["impact"] = t("risk.field.impact", size=size)
        return out

    def compose(self) -> ComposeResult:
        r, s, labels = self.row, self.settings, self.labels()
        thai = bool(getattr(self.app, "thai_digits", False))
        title = t("risk.form.edit", code=r.code) if r else t("risk.form.new", year=self.assessment.fiscal_year)
        blank = Select.NULL

        def num(v: int | None) -> str:
            return "" if v is None else str(v)

        process_options = [(digits(f"{p.number}. ", thai) + p.name[:60], str(p.id)) for p in self.processes]
        process_options.append((t("risk.field.new_process"), NEW_PROCESS))
        process_value = str(r.process_id) if r else (str(self.processes[-1].id) if self.processes else NEW_PROCESS)
        with Vertical(id="dialog"):
            yield Static(digits(title, thai), id="form-title")
            yield FormErrors(id="form-errors")
            with VerticalScroll(id="form-body"):
                yield field_row(labels["process"], Select(process_options, value=process_value, allow_blank=False, id="process"))
                yield field_row(labels["process_name"], Input("", id="process_name"))
                yield field_row(labels["description"], Input(r.description if r else "", id="description"))
                with Horizontal(classes="pair"):
                    yield field_row(labels["category"], Select([(category_name(s, c.code), c.code) for c in s.categories], value=r.category if r and r.category else blank, prompt=t("risk.field.unset"), id="category"))
                    yield field_row(labels["risk_type"], Select([(t(f"risk.type.{x.value}"), x.value) for x in RiskType], value=r.risk_type if r and r.risk_type else blank, prompt=t("risk.field.unset"), id="risk_type"))
                with Horizontal(classes="pair"):
                    yield field_row(labels["likelihood"], Input(num(r.likelihood) if r else "", id="likelihood"))
                    yield field_row(labels["impact"], Input(num(r.impact) if r else "", id="impact"))
                    level_options = [(level_name(s.matrix, b.key), b.key) for b in s.matrix.bands]
                    if r and r.level and not s.matrix.band(r.level):
                        level_options.append((level_name(s.matrix, r.level), r.level))
                    yield field_row(labels["level"], Select(level_options, value=r.level if r and r.level else blank, prompt=t("risk.field.unset"), id="level"))
                yield Static("", id="level-preview")
                with Horizontal(classes="pair"):
                    yield field_row(labels["residual_likelihood"], Input(num(r.residual_likelihood) if r else "", id="residual_likelihood"))
                    yield field_row(labels["residual_impact"], Input(num(r.residual_impact) if r else "", id="residual_impact"))
                yield field_row(labels["owner"], Input(r.owner if r else "", id="owner"))
                with Horizontal(classes="pair"):
                    yield field_row(labels["treatment"], Select([(t(f"risk.treatment.{x.value}"), x.value) for x in Treatment], value=r.treatment if r and r.treatment else blank, prompt=t("risk.field.unset"), id="treatment"))
                    yield field_row(labels["status"], Select([(t(f"risk.status.{x.value}"), x.value) for x in RiskStatus], value=r.status if r else RiskStatus.OPEN.value, allow_blank=False, id="status"))
                yield field_row(labels["next_review"], Input(be_input(r.next_review) if r else "", id="next_review"))
            yield Static("ctrl+s " + t("key.save") + " · esc " + t("key.cancel"), id="form-status")

    def on_mount(self) -> None:
        self._sync_process()
        self._preview()
        self.query_one("#description", Input).focus()

    def value(self, name: str) -> str:
        if name in _SELECTS:
            v = self.query_one(f"#{name}", Select).value
            return "" if v is Select.NULL else str(v)
        return self.query_one(f"#{name}", Input).value

    def form(self) -> dict[str, str]:
        return {name: self.value(name) for name in (*_INPUTS, *_SELECTS)}

    @on(Select.Changed, "#process")
    def _sync_process(self) -> None:
        self.query_one("#process_name", Input).parent.display = self.value("process") == NEW_PROCESS  # type: ignore[union-attr]

    @on(Input.Changed, "#likelihood, #impact")
    def _preview(self) -> None:
        """The level the typed scores give, under the organisation's matrix (nothing is checked here)."""
        try:
            lik, imp = parse_int(self.value("likelihood")), parse_int(self.value("impact"))
        except ValueError:
            lik = imp = None
        m = self.settings.matrix
        key = m.level(lik, imp)
        text = t("risk.form.preview", score=lik * imp, level=level_name(m, key)) if key and lik and imp else t("risk.form.preview_none")
        self.query_one("#level-preview", Static).update(text)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        if self.saving:
            return
        values, problems = core.parse_risk(self.form(), self.settings)
        if values is None:
            self.show_problems(problems.items)
            return
        self.start_save(values)

    def save_now(self, payload: core.RiskValues) -> int:
        ctx = self.app.ctx  # type: ignore[attr-defined]
        return core.save_risk(ctx.engine, ctx.actor, self.assessment.id, payload, self.row.id if self.row else None, opened_version=self._version)

    def conflict_seen(self, exc: EditConflict) -> None:
        self._version = exc.current
