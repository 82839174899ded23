"""One risk: its assessment (inherent and residual), owner and treatment, the corruption complaints linked to it
(how many and their registry numbers: never who made them), and its controls with each plan project's
progress for the year. Keys: ``e`` edit the risk, ``a`` add a control, ``enter`` edit the control under the
cursor, ``d`` (twice) delete it, ``escape`` back to the register. A past year is read-only.
"""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from itatui.domain.roles import Perm
from itatui.domain.thai import digits
from itatui.i18n import t
from itatui.store import risks as core
from itatui.store.risks.types import ControlInfo, ProjectProgress, RiskDetail, RiskSettings
from itatui.tui.risks.labels import be, category_name, level_text, monitor_text, vocab
from itatui.tui.base import ModeScreen
from itatui.tui.widgets.form_errors import error_text


def progress_text(p: ProjectProgress | None, thai: bool) -> str:
    if p is None:
        return "-"
    state = t("risk.progress.round", round=p.round, status=t(f"eplan.status.{p.status or 'none'}")) if p.round else t("risk.progress.none")
    return digits(f"{p.number}) {state}", thai)


class RiskScreen(ModeScreen[None]):
    DEFAULT_CSS = """
    RiskScreen #risk-info { height: auto; max-height: 60%; padding: 0 1; }
    RiskScreen #risk-controls-title { text-style: bold; padding: 0 1; margin-top: 1; }
    RiskScreen #risk-controls { height: 1fr; }
    """

    BINDINGS = [
        Binding("escape", "back", t("key.back"), id="riskd.back"),
        Binding("e", "edit", t("key.edit"), id="riskd.edit"),
        Binding("a", "add_control", t("risk.key.add_control"), id="riskd.add_control"),
        Binding("enter", "edit_control", t("key.edit"), id="riskd.edit_control", show=False),
        Binding("d", "delete_control", t("risk.key.delete_control"), id="riskd.delete_control", show=False),
    ]

    def __init__(self, issue_id: int, settings: RiskSettings | None) -> None:
        super().__init__()
        self.issue_id = issue_id
        self.settings = settings
        self.detail: RiskDetail | None = None
        self._armed_delete: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="risk-info"):
            yield Static("", id="risk-text")
        yield Static(t("risk.detail.controls"), id="risk-controls-title")
        table: DataTable = DataTable(id="risk-controls", cursor_type="row", zebra_stripes=True)
        yield table
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one("#risk-controls", DataTable)
        for key, width in (("no", 4), ("text", 30), ("project", 20), ("owner", 10), ("due", 11), ("progress", 7), ("monitor", 14)):
            table.add_column(t(f"risk.ctl.col.{key}"), key=key, width=width)
        table.focus()
        self.load()

    @property
    def _thai(self) -> bool:
        return self.thai_digits

    @property
    def may_edit(self) -> bool:
        return self.can(Perm.RISK_EDIT) and self.detail is not None and not self.detail.assessment.read_only

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "add_control", "edit_control", "delete_control"):
            return self.may_edit
        return True

    def digits_changed(self, _thai: bool) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="riskd-load", exit_on_error=False)
    def load(self) -> None:
        ctx = self.ctx
        try:
            settings = self.settings or core.risk_settings(ctx.engine, ctx.actor, ctx.organisation_id)
            detail = core.risk_detail(ctx.engine, ctx.actor, self.issue_id)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.notify, error_text(exc), severity="error")
            return
        self.app.call_from_thread(self._show, settings, detail)

    def _show(self, settings: RiskSettings, d: RiskDetail) -> None:
        self.settings, self.detail = settings, d
        thai, m, r = self._thai, settings.matrix, d.row
        self.title = digits(t("risk.detail.title", code=r.code, year=d.assessment.fiscal_year), thai)
        self.sub_title = t("risk.detail.read_only") if d.assessment.read_only else ""
        out = Text()

        def line(label: str, value: str | Text) -> None:
            out.append(f"{label}: ", style="dim")
            out.append(value if isinstance(value, Text) else Text(value))
            out.append("\n")

        out.append(digits(f"{r.code} ", thai), style="bold")
        out.append(r.description + "\n", style="bold")
        line(t("risk.detail.process"), digits(f"{r.process_number}. ", thai) + r.process_name)
        line(t("risk.detail.category"), category_name(settings, r.category))
        line(t("risk.detail.type"), vocab("risk.type", r.risk_type))
        for label, lik, imp, level, scored in (
            (t("risk.detail.inherent"), r.likelihood, r.impact, r.level, r.scored),
            (t("risk.detail.residual"), r.residual_likelihood, r.residual_impact, r.residual_level, r.residual_score is not None),
        ):
            value = Text()
            if scored:
                value.append(digits(t("risk.detail.score", l=lik, i=imp, score=lik * imp, level=""), thai))  # type: ignore[operator]
            value.append_text(level_text(m, level, unscored=not scored and bool(level)))
            if not scored and level:
                value.append(" " + t("risk.level.unscored"), style="dim")
            line(label, value)
        line(t("risk.detail.owner"), r.owner or "-")
        line(t("risk.detail.treatment"), vocab("risk.treatment", r.treatment))
        line(t("risk.detail.status"), vocab("risk.status", r.status))
        line(t("risk.detail.review"), Text(be(r.next_review, thai), style="bold red" if r.overdue else ""))
        complaints = (
            t("risk.detail.complaints_n", n=d.complaint_count, numbers=", ".join(d.complaint_numbers))
            if d.complaint_count else t("risk.detail.no_complaints")
        )
        line(t("risk.detail.complaints"), digits(complaints, thai))
        self.query_one("#risk-text", Static).update(out)
        table = self.query_one("#risk-controls", DataTable)
        row = table.cursor_row
        table.clear()
        for c in d.controls:
            table.add_row(*self._control_cells(c), key=str(c.id))
        if not d.controls:
            self.query_one("#risk-controls-title", Static).update(t("risk.detail.controls") + " — " + t("risk.detail.no_controls"))
        else:
            self.query_one("#risk-controls-title", Static).update(t("risk.detail.controls"))
            table.move_cursor(row=min(row, len(d.controls) - 1))
        self.refresh_bindings()

    def _control_cells(self, c: ControlInfo) -> list[Text | str]:
        thai = self._thai
        late = "bold red" if c.overdue else ""
        number = digits(str(c.number), thai) + ("" if c.issue_id else "*")
        return [
            number,
            c.text,
            progress_text(c.project, thai),
            c.owner or "-",
            Text(be(c.due, thai), style=late),
            digits(f"{c.progress}%", thai) if c.progress is not None else "-",
            monitor_text(self.settings, c.monitor) if self.settings else c.monitor,  # type: ignore[arg-type]
        ]

    @property
    def current_control(self) -> ControlInfo | None:
        if self.detail is None or not self.detail.controls:
            return None
        row = self.query_one("#risk-controls", DataTable).cursor_row
        return self.detail.controls[row] if 0 <= row < len(self.detail.controls) else None

    def action_back(self) -> None:
        self.app.pop_screen()

    @work(exclusive=True, group="riskd-dialog", exit_on_error=False)
    async def action_edit(self) -> None:
        if self.detail is None or self.settings is None:
            return
        from itatui.tui.risks.risk_form import open_risk_form

        if await open_risk_form(self, self.detail.assessment, self.settings, self.detail.row) is not None:
            self.load()

    @work(exclusive=True, group="riskd-dialog", exit_on_error=False)
    async def action_add_control(self) -> None:
        await self._control_form(None)

    @on(DataTable.RowSelected, "#risk-controls")
    def _row_selected(self) -> None:
        if self.may_edit:
            self.action_edit_control()

    @work(exclusive=True, group="riskd-dialog", exit_on_error=False)
    async def action_edit_control(self) -> None:
        control = self.current_control
        if control is not None:
            await self._control_form(control)

    async def _control_form(self, control: ControlInfo | None) -> None:
        if self.detail is None or self.settings is None:
            return
        from itatui.tui.risks.control_form import ControlForm

        ctx, aid = self.ctx, self.detail.assessment.id
        try:
            projects = await asyncio.to_thread(core.project_choices, ctx.engine, ctx.actor, aid)
        except Exception as exc:  # noqa: BLE001
            self.notify(error_text(exc), severity="error")
            return
        saved = await self.app.push_screen_wait(ControlForm(self.detail.row, control, projects, self.settings))
        if saved is not None:
            self.notify(t("risk.control.saved"))
            self.load()

    def action_delete_control(self) -> None:
        control = self.current_control
        if control is None:
            return
        if self._armed_delete != control.id:
            self._armed_delete = control.id
            self.notify(t("risk.ctl.confirm_delete", text=control.text[:40]), severity="warning")
            return
        self._armed_delete = None
        self._delete(control.id)

    @work(thread=True, exclusive=True, group="riskd-delete", exit_on_error=False)
    def _delete(self, control_id: int) -> None:
        ctx = self.ctx
        try:
            core.delete_control(ctx.engine, ctx.actor, control_id)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.notify, error_text(exc), severity="error")
            return
        self.app.call_from_thread(self.notify, t("risk.ctl.deleted"))
        self.app.call_from_thread(self.load)
