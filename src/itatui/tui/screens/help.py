"""``?``: every key of the screen underneath, with what it does, in the current language."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from itatui.i18n import t
from itatui.tui.commands import KeyEntry


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,question_mark,q", "close", t("shell.key.close")),
    ]

    def __init__(self, title: str, entries: list[KeyEntry]) -> None:
        super().__init__(id="help")
        self.title_text = title
        self.entries = entries

    def _table(self, app_wide: bool) -> Table:
        table = Table(box=None, show_header=False, pad_edge=False, expand=True)
        table.add_column(style="bold", no_wrap=True, min_width=8)
        table.add_column(ratio=1)
        for entry in self.entries:
            if entry.app_wide == app_wide:
                table.add_row(entry.key, entry.description)
        return table

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="modal-box"):
            yield Static(t("shell.help.title", screen=self.title_text), classes="form-title")
            with VerticalScroll(id="help-body"):
                if any(not e.app_wide for e in self.entries):
                    yield Static(t("shell.help.screen_keys"), classes="section-title")
                    yield Static(self._table(False), id="help-screen-keys")
                yield Static(t("shell.help.app_keys"), classes="section-title")
                yield Static(self._table(True), id="help-app-keys")
            yield Static(t("shell.help.close_hint"), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
