"""Mode 2: the fraud-risk register of one fiscal year, paged from the database, or its heat map (``h``).

The assessment shown is the selected fiscal year's (``y``); when that year has none, the latest before it
(the bar says so, and ``c`` starts the year from it). Keys: ``enter`` open a risk, ``n`` new risk, ``f``
filter (level, category, status, owner, overdue), ``o`` sort, ``h`` heat map (``enter`` on a cell lists its
risks, ``r`` inherent/residual), ``escape`` clear filters, ``c`` start a new year (copy), ``v`` compare
years, ``m`` the risk matrix, ``g`` categories and monitoring names.
"""

from __future__ import annotations

from typing import ClassVar

from dataclasses import replace

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import ContentSwitcher, Footer, Header, Static

from itatui.domain.roles import Perm
from itatui.domain.thai import digits
from itatui.i18n import t
from itatui.store import risks as core
from itatui.store.risks.types import AssessmentInfo, RegisterFilter, RegisterRow, RiskSettings
from itatui.tui.base import ModeScreen
from itatui.tui.risks.heat_map import HeatMapView
from itatui.tui.risks.labels import category_name, level_name, level_text, score_text, vocab
from itatui.tui.widgets.form_errors import error_text
from itatui.tui.widgets.paged_table import PagedColumn, PagedTable

# `o` cycles these: (core sort key, worst/largest first)
SORT_CYCLE: tuple[tuple[str, bool], ...] = (
    ("number", False), ("level", True), ("residual", True), ("category", False), ("owner", False), ("status", False), ("review", False),
)


def register_columns() -> list[PagedColumn]:
    # Level and status first after the issue: what the office reads at 80 columns; the rest scrolls sideways.
    return [
        PagedColumn("code", t("risk.col.code"), 4),
        PagedColumn("issue", t("risk.col.issue"), 26),
        PagedColumn("level", t("risk.col.level"), 9),
        PagedColumn("score", t("risk.col.score"), 5),
        PagedColumn("status", t("risk.col.status"), 11),
        PagedColumn("residual", t("risk.col.residual"), 9),
        PagedColumn("owner", t("risk.col.owner"), 12),
        PagedColumn("category", t("risk.col.category"), 20),
    ]


class RisksScreen(ModeScreen[None]):
    REPORTS: ClassVar[tuple[str, ...]] = ("risk-assessment", "risk-monitoring")  # what `p` offers (reports.registry)
    DEFAULT_CSS = """
    RisksScreen #risk-bar { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    RisksScreen #risk-switch { height: 1fr; }
    """

    BINDINGS = [
        Binding("enter", "open", t("key.open"), id="risk.open", show=False),
        Binding("n", "new", t("risk.key.new"), id="risk.new"),
        Binding("h", "heat", t("risk.key.heat"), id="risk.heat"),
        Binding("f", "filters", t("risk.key.filters"), id="risk.filters"),
        Binding("o", "sort", t("risk.key.sort"), id="risk.sort", show=False),
        Binding("r", "residual", t("risk.key.residual"), id="risk.residual", show=False),
        Binding("c", "year_copy", t("risk.key.year_copy"), id="risk.year_copy"),
        Binding("v", "compare", t("risk.key.compare"), id="risk.compare"),
        Binding("m", "matrix", t("risk.key.matrix"), id="risk.matrix", show=False),
        Binding("g", "settings", t("risk.key.settings"), id="risk.settings", show=False),
        Binding("escape", "clear", t("risk.key.clear"), id="risk.clear", show=False),
    ]

    def __init__(self, *, name: str | None = None, id: str | None = None) -> None:  # noqa: A002
        super().__init__(name=name, id=id)
        self.assessment: AssessmentInfo | None = None
        self.settings: RiskSettings | None = None
        self.flt = RegisterFilter()
        self.sort_index = 0
        self.heat_shown = False
        self.residual = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="risk-bar")
        with ContentSwitcher(initial="risk-table", id="risk-switch"):
            yield PagedTable(register_columns(), self._cells, fixed_columns=1, id="risk-table")
            yield HeatMapView(id="risk-heat")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()  # follows the App's fiscal year and digit style
        self.table.thai_digits = self._thai
        self.table.focus_table()
        self.load()

    # ------------------------------------------------------------------------------------------ context

    @property
    def table(self) -> PagedTable:
        return self.query_one("#risk-table", PagedTable)

    @property
    def heat(self) -> HeatMapView:
        return self.query_one("#risk-heat", HeatMapView)

    @property
    def _thai(self) -> bool:
        return self.thai_digits

    @property
    def year(self) -> int:
        return self.fiscal_year

    @property
    def may_edit(self) -> bool:
        return self.can(Perm.RISK_EDIT) and self.assessment is not None and not self.assessment.read_only

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "new":
            return self.may_edit  # hidden for a viewer and on a past year
        if action in ("year_copy", "matrix", "settings"):
            return self.can(Perm.RISK_EDIT)
        if action == "residual":
            return self.heat_shown
        return True

    # ------------------------------------------------------------------------------------------ loading

    def load(self) -> None:
        self._load_assessment(self.year)

    @work(thread=True, exclusive=True, group="risk-load", exit_on_error=False)
    def _load_assessment(self, year: int) -> None:
        ctx = self.ctx
        try:
            settings = core.risk_settings(ctx.engine, ctx.actor, ctx.organisation_id)
            info = core.assessment_for_year(ctx.engine, ctx.actor, year, ctx.organisation_id)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self._failed_text, error_text(exc))
            return
        self.app.call_from_thread(self._assessment_loaded, settings, info)

    def _failed_text(self, text: str) -> None:
        self.query_one("#risk-bar", Static).update(text)

    def _assessment_loaded(self, settings: RiskSettings, info: AssessmentInfo | None) -> None:
        same = self.assessment is not None and info is not None and self.assessment.id == info.id
        self.settings, self.assessment = settings, info
        self.refresh_bindings()
        self.reload(first=not same)

    def reload(self, *, first: bool = False) -> None:
        info = self.assessment
        if info is None:
            self.table.set_source(lambda offset, limit: core.RegisterPage((), 0, offset))
            self._show_bar()
            return
        engine, actor, flt = self.ctx.engine, self.ctx.actor, self.flt
        sort, descending = SORT_CYCLE[self.sort_index]
        aid = info.id

        def fetch(offset: int, limit: int) -> core.RegisterPage:
            return core.register_page(engine, actor, aid, flt, sort, descending, offset, limit)

        self.table.set_source(fetch, keep_offset=not first)
        if self.heat_shown:
            self._load_heat()
        self._show_bar()

    @work(thread=True, exclusive=True, group="risk-heat", exit_on_error=False)
    def _load_heat(self) -> None:
        info, ctx = self.assessment, self.ctx
        if info is None:
            return
        try:
            data = core.heat_map(ctx.engine, ctx.actor, info.id, self.residual)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.notify, error_text(exc), severity="error")
            return
        self.app.call_from_thread(self.heat.show, data, info.fiscal_year, self._thai)

    def _show_bar(self) -> None:
        info, thai = self.assessment, self._thai
        if info is None:
            key = "risk.bar.empty" if self.can(Perm.RISK_EDIT) else "risk.bar.empty_view"
            self.query_one("#risk-bar", Static).update(digits(t(key, year=self.year), thai))
            return
        parts = [t("risk.bar.assessment", year=info.fiscal_year), t("risk.bar.count", n=self.table.total)]
        if info.read_only:
            parts.append(t("risk.bar.read_only"))
        if info.fiscal_year != self.year:
            parts.append(t("risk.bar.other_year" if self.can(Perm.RISK_EDIT) else "risk.bar.other_year_view", year=self.year))
        parts.extend(self._filter_parts())
        parts.append(t("risk.bar.sort", sort=t(f"risk.sort.{SORT_CYCLE[self.sort_index][0]}")))
        self.query_one("#risk-bar", Static).update(digits(" · ".join(parts), thai))

    def _filter_parts(self) -> list[str]:
        f, s = self.flt, self.settings
        out = []
        if f.level and s:
            out.append(t("risk.level.unscored") if f.level == "unscored" else level_name(s.matrix, f.level))
        if f.category and s:
            out.append(category_name(s, f.category))
        if f.status:
            out.append(t(f"risk.status.{f.status}"))
        if f.owner:
            out.append(f.owner)
        if f.overdue:
            out.append(t("risk.bar.overdue"))
        if f.cell:
            out.append(t("risk.bar.residual_cell" if f.residual else "risk.bar.cell", l=f.cell[0], i=f.cell[1]))
        return out

    def _cells(self, row: RegisterRow) -> list[Text | str]:
        s, thai = self.settings, self._thai
        matrix = s.matrix if s else None
        overdue = "bold red" if row.overdue else ""
        return [
            Text(digits(row.code, thai), style=overdue),
            row.description,
            level_text(matrix, row.level, unscored=not row.scored) if matrix else row.level,
            score_text(row.likelihood, row.impact, thai),
            Text(vocab("risk.status", row.status), style=overdue),
            level_text(matrix, row.residual_level) if matrix else row.residual_level,
            row.owner or "-",
            category_name(s, row.category) if s else row.category,
        ]

    @on(PagedTable.Loaded, "#risk-table")
    def _loaded(self) -> None:
        self._show_bar()

    @on(PagedTable.Failed, "#risk-table")
    def _failed(self, event: PagedTable.Failed) -> None:
        self.notify(error_text(event.error), severity="error")

    def fiscal_year_changed(self, _value: int) -> None:
        self.flt = RegisterFilter()
        self.load()

    def digits_changed(self, _value: bool) -> None:
        self.table.thai_digits = self._thai
        self.table.rerender()
        self._show_bar()
        if self.heat_shown and self.heat.data is not None and self.assessment:
            self.heat.show(self.heat.data, self.assessment.fiscal_year, self._thai)

    def on_screen_resume(self) -> None:
        if self.settings is not None:
            self.load()  # a risk, a control or the matrix may have changed meanwhile

    # ------------------------------------------------------------------------------------------ keys

    def action_heat(self) -> None:
        self.heat_shown = not self.heat_shown
        switch = self.query_one("#risk-switch", ContentSwitcher)
        switch.current = "risk-heat" if self.heat_shown else "risk-table"
        if self.heat_shown:
            self._load_heat()
            self.heat.focus()
        else:
            self.table.focus_table()
        self.refresh_bindings()

    def action_residual(self) -> None:
        self.residual = not self.residual
        self._load_heat()

    @on(HeatMapView.CellChosen)
    def _cell_chosen(self, event: HeatMapView.CellChosen) -> None:
        self.flt = replace(self.flt, cell=(event.likelihood, event.impact), residual=self.residual)
        self.action_heat()
        self.reload(first=True)

    def action_clear(self) -> None:
        if self.heat_shown:
            self.action_heat()
        elif self.flt.narrowed:
            self.flt = RegisterFilter()
            self.reload(first=True)

    def action_sort(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(SORT_CYCLE)
        self.reload(first=True)

    @work(exclusive=True, group="risk-dialog", exit_on_error=False)
    async def action_filters(self) -> None:
        if self.assessment is None or self.settings is None:
            return
        from itatui.tui.risks.filters import RiskFiltersForm

        ctx, aid = self.ctx, self.assessment.id
        import asyncio

        try:
            owners = await asyncio.to_thread(core.owners, ctx.engine, ctx.actor, aid)
        except Exception as exc:  # noqa: BLE001
            self.notify(error_text(exc), severity="error")
            return
        chosen = await self.app.push_screen_wait(RiskFiltersForm(self.flt, self.settings, owners))
        if chosen is not None:
            self.flt = chosen
            self.reload(first=True)

    def action_open(self) -> None:
        row = self.table.current_row
        if row is not None:
            self.open_risk(row.id)

    @on(PagedTable.Chosen, "#risk-table")
    def _chosen(self, event: PagedTable.Chosen) -> None:
        self.open_risk(event.row.id)

    def open_risk(self, issue_id: int) -> None:
        from itatui.tui.risks.risk_detail import RiskScreen

        self.app.push_screen(RiskScreen(issue_id, self.settings))

    @work(exclusive=True, group="risk-dialog", exit_on_error=False)
    async def action_new(self) -> None:
        if not self.may_edit or self.assessment is None or self.settings is None:
            self.notify(t("err.permission"), severity="error")
            return
        from itatui.tui.risks.risk_form import open_risk_form

        saved = await open_risk_form(self, self.assessment, self.settings, None)
        if saved is not None:
            self.reload()

    @work(exclusive=True, group="risk-dialog", exit_on_error=False)
    async def action_year_copy(self) -> None:
        from itatui.tui.risks.year_copy import YearCopyForm

        ctx = self.ctx
        import asyncio

        try:
            all_ = await asyncio.to_thread(core.list_assessments, ctx.engine, ctx.actor, ctx.organisation_id)
        except Exception as exc:  # noqa: BLE001
            self.notify(error_text(exc), severity="error")
            return
        year = await self.app.push_screen_wait(YearCopyForm(all_, self.year))
        if year is not None:
            self.notify(t("risk.year.done", year=year))
            if getattr(self.app, "fiscal_year", None) != year and hasattr(type(self.app), "fiscal_year"):
                self.app.fiscal_year = year  # type: ignore[attr-defined]  (the register follows)
            else:
                self.load()

    def action_compare(self) -> None:
        from itatui.tui.risks.compare import CompareScreen

        self.app.push_screen(CompareScreen(self.settings, self.assessment.fiscal_year if self.assessment else self.year))

    @work(exclusive=True, group="risk-dialog", exit_on_error=False)
    async def action_matrix(self) -> None:
        if self.settings is None:
            return
        from itatui.tui.risks.matrix_form import MatrixForm

        moved = await self.app.push_screen_wait(MatrixForm(self.settings.matrix))
        if moved is not None:
            self.notify(t("risk.matrix.saved", n=moved))
            self.load()

    @work(exclusive=True, group="risk-dialog", exit_on_error=False)
    async def action_settings(self) -> None:
        if self.settings is None:
            return
        from itatui.tui.risks.settings_form import RiskSettingsForm

        if await self.app.push_screen_wait(RiskSettingsForm(self.settings)):
            self.notify(t("risk.settings.saved"))
            self.load()
