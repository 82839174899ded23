"""What the importer found in the plan document, kept with the plan (plan table `i`): reviewable at any time,
not only in the toast after the first run. Errors first in red, warnings amber, notes dim; `escape` back."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from itatui.domain.thai import digits
from itatui.i18n import t
from itatui.store.plan.findings import FindingRow, plan_findings
from itatui.tui.widgets.form_errors import error_text
from itatui.tui.widgets.keys_footer import KeysFooter

STYLE = {"error": "bold red", "warning": "yellow", "info": "dim"}


class ImportFindingsScreen(Screen[None]):
    HELP_TITLE = "plan.findings.title"
    DEFAULT_CSS = """
    ImportFindingsScreen #findings-info { height: auto; padding: 0 1; }
    ImportFindingsScreen DataTable { height: 1fr; }
    """
    BINDINGS = [Binding("escape", "back", t("key.back"), id="findings.back")]

    def __init__(self, plan_id: int, plan_title: str) -> None:
        super().__init__()
        self.plan_id = plan_id
        self.plan_title = plan_title

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("plan.loading"), id="findings-info")
        table = DataTable(id="findings-table", cursor_type="row")
        table.add_column(t("plan.findings.col.severity"), width=10)
        table.add_column(t("plan.findings.col.line"), width=7)
        table.add_column(t("plan.findings.col.message"))
        yield table
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = t("plan.findings.title")
        self._load()

    @work(thread=True, exclusive=True, group="findings-load", exit_on_error=False)
    def _load(self) -> None:
        ctx = self.app.ctx  # type: ignore[attr-defined]
        try:
            rows = plan_findings(ctx.engine, ctx.actor, self.plan_id)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.query_one("#findings-info", Static).update, error_text(exc))
            return
        self.app.call_from_thread(self._show, rows)

    def _show(self, rows: tuple[FindingRow, ...]) -> None:
        thai = bool(getattr(self.app, "thai_digits", False))
        info = t("plan.findings.none") if not rows else t("plan.findings.count", title=self.plan_title, n=digits(str(len(rows)), thai))
        self.query_one("#findings-info", Static).update(Text(info))
        table = self.query_one(DataTable)
        table.clear()
        for r in rows:
            table.add_row(
                Text(t(f"plan.findings.severity.{r.severity}"), style=STYLE.get(r.severity, "")),
                digits(str(r.line), thai) if r.line else "",
                Text(r.message()),
            )

    def action_back(self) -> None:
        self.dismiss(None)
