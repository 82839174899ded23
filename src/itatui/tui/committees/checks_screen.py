"""Every check of the round at once: the quota and pool/budget totals, then each problem (blocking in red)."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from itatui.domain.thai import digits
from itatui.i18n import t
from itatui.store import committees as core
from itatui.tui.committees.labels import issue_text, num, totals_line
from itatui.tui.widgets.form_errors import error_text


class ChecksScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    ChecksScreen { align: center middle; }
    ChecksScreen > Vertical { width: 100%; max-width: 100; height: 100%; max-height: 40; border: thick $primary;
                              background: $surface; padding: 0 1; }
    ChecksScreen #checks-title { text-style: bold; margin-bottom: 1; }
    """
    BINDINGS = [Binding("escape", "close", t("key.back"), id="committee.checks.close")]

    def __init__(self, rnd: core.RoundInfo) -> None:
        super().__init__()
        self.rnd = rnd

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(digits(t("committee.checks.title", round=self.rnd.round_no, fy=self.rnd.fiscal_year),
                                bool(getattr(self.app, "thai_digits", False))), id="checks-title")
            with VerticalScroll():
                yield Static(t("desk.paged.loading"), id="checks-body")

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="committee-all-checks", exit_on_error=False)
    def _load(self) -> None:
        ctx = self.app.ctx  # type: ignore[attr-defined]
        try:
            report = core.round_checks(ctx.engine, ctx.actor, self.rnd.id)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.query_one("#checks-body", Static).update, error_text(exc))
            return
        self.app.call_from_thread(self._show, report)

    def _show(self, report: core.CheckReport) -> None:
        thai = bool(getattr(self.app, "thai_digits", False))
        out = Text(totals_line(report.totals, thai) + "\n")
        out.append(t("committee.checks.count", n=num(len(report.blocking), thai)) + "\n\n")
        for issue in report.issues:
            out.append(("✗ " if issue.blocking else "! ") + issue_text(issue, thai) + "\n",
                       style="red" if issue.blocking else "yellow")
        if not report.issues:
            out.append(t("committee.check.none"), style="green")
        self.query_one("#checks-body", Static).update(out)

    def action_close(self) -> None:
        self.dismiss(None)
