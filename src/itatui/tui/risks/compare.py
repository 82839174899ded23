"""Two years' assessments side by side: each risk's level in both years and what changed (moved up or down a
level, stayed, appeared, was closed, was not carried over), with the counts. ``escape`` goes back."""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Label, Select, Static

from itatui.domain.thai import digits
from itatui.i18n import t
from itatui.store import risks as core
from itatui.store.risks.types import Comparison, RiskSettings
from itatui.tui.risks.labels import level_text
from itatui.tui.base import ModeScreen
from itatui.tui.widgets.form_errors import error_text

CHANGE_STYLE = {"up": "bold red", "down": "bold green", "new": "bold", "closed": "dim", "gone": "dim", "same": ""}


class CompareScreen(ModeScreen[None]):
    DEFAULT_CSS = """
    CompareScreen #cmp-bar { height: 3; padding: 0 1; }
    CompareScreen #cmp-bar Label { padding: 1 1 0 0; }
    CompareScreen #cmp-bar Select { width: 22; }
    CompareScreen #cmp-counts { height: 1; padding: 0 1; }
    CompareScreen #cmp-table { height: 1fr; }
    """

    BINDINGS = [Binding("escape", "back", t("key.back"), id="cmp.back")]

    def __init__(self, settings: RiskSettings | None, year: int) -> None:
        super().__init__()
        self.settings = settings
        self.year = year
        self.comparison: Comparison | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="cmp-bar"):
            yield Label(t("risk.compare.pick"))
            yield Select([], id="year-a", allow_blank=True)
            yield Label(t("risk.compare.with"))
            yield Select([], id="year-b", allow_blank=True)
        yield Static("", id="cmp-counts")
        yield DataTable(id="cmp-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    @property
    def _thai(self) -> bool:
        return self.thai_digits

    def on_mount(self) -> None:
        super().on_mount()
        self._columns("A", "B")
        self._years()

    def _columns(self, a: str, b: str) -> None:
        table = self.query_one("#cmp-table", DataTable)
        table.clear(columns=True)
        for key, label, width in (("a", a, 5), ("b", b, 5), ("issue", t("risk.col.issue"), 34), ("la", a, 9), ("lb", b, 9), ("change", t("risk.compare.col.change"), 12)):
            table.add_column(label, key=key, width=width)

    @work(exclusive=True, group="cmp-years", exit_on_error=False)
    async def _years(self) -> None:
        ctx = self.ctx
        try:
            all_ = await asyncio.to_thread(core.list_assessments, ctx.engine, ctx.actor, ctx.organisation_id)
            if self.settings is None:
                self.settings = await asyncio.to_thread(core.risk_settings, ctx.engine, ctx.actor, ctx.organisation_id)
        except Exception as exc:  # noqa: BLE001
            self.notify(error_text(exc), severity="error")
            return
        years = sorted({a.fiscal_year for a in all_})
        if len(years) < 2:
            self.query_one("#cmp-counts", Static).update(t("risk.compare.need_two"))
            return
        b = self.year if self.year in years and self.year != years[0] else years[-1]
        a = max(y for y in years if y < b)
        options = [(digits(str(y), self._thai), y) for y in reversed(years)]
        with self.prevent(Select.Changed):
            self.query_one("#year-a", Select).set_options(options)
            self.query_one("#year-b", Select).set_options(options)
            self.query_one("#year-a", Select).value = a
            self.query_one("#year-b", Select).value = b
        self.compare(a, b)

    @on(Select.Changed)
    def _picked(self) -> None:
        a, b = self.query_one("#year-a", Select).value, self.query_one("#year-b", Select).value
        if isinstance(a, int) and isinstance(b, int) and a != b:
            self.compare(min(a, b), max(a, b))

    @work(thread=True, exclusive=True, group="cmp-load", exit_on_error=False)
    def compare(self, a: int, b: int) -> None:
        ctx = self.ctx
        try:
            result = core.compare_years(ctx.engine, ctx.actor, a, b, ctx.organisation_id)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.notify, error_text(exc), severity="error")
            return
        self.app.call_from_thread(self._show, result)

    def _show(self, c: Comparison) -> None:
        self.comparison = c
        thai = self._thai
        self.title = digits(t("risk.compare.title", a=c.year_a, b=c.year_b), thai)
        counts = {k: c.counts.get(k, 0) for k in ("up", "down", "same", "new", "closed", "gone")}
        self.query_one("#cmp-counts", Static).update(digits(t("risk.compare.counts", **counts), thai))
        self._columns(digits(str(c.year_a), thai), digits(str(c.year_b), thai))
        table = self.query_one("#cmp-table", DataTable)
        m = self.settings.matrix if self.settings else None
        for r in c.rows:
            table.add_row(
                digits(r.code_a or "-", thai), digits(r.code_b or "-", thai), r.description,
                level_text(m, r.level_a) if m else r.level_a, level_text(m, r.level_b) if m else r.level_b,
                Text(t(f"risk.change.{r.change}"), style=CHANGE_STYLE.get(r.change, "")),
            )

    def action_back(self) -> None:
        self.app.pop_screen()
