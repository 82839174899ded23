"""``?``: every key of the screen underneath, with what it does, in the current language."""

from __future__ import annotations

from itatui.i18n import t
from itatui.tui.commands import KeyEntry
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,question_mark,q", "close", t("shell.key.close")),
    ]

    def __init__(self, title: str, entries: list[KeyEntry]) -> None:
        super().__init__(id="help")
        self.title_text = title
        self.entries = entries

    def _lines(self, app_wide: bool) -> Content:
        rows = [e for e in self.entries if e.app_wide == app_wide]
        width = max((len(e.key) for e in rows), default=0) + 3
        parts: list[str | tuple[str, str]] = []
        for entry in rows:
            if parts:
                parts.append("\n")
            parts += [(entry.key.ljust(width), "bold"), entry.description]
        return Content.assemble(*parts)

    def compose(self) -> ComposeResult:
        # Two columns side by side (this screen's keys, the app's), so both fit 80x24 without scrolling.
        with Vertical(id="help-box", classes="modal-box"):
            yield Static(t("shell.help.title", screen=self.title_text), classes="form-title")
            with VerticalScroll(id="help-body"), Horizontal(id="help-columns"):
                if any(not e.app_wide for e in self.entries):
                    with Vertical(classes="help-column"):
                        yield Static(t("shell.help.screen_keys"), classes="section-title")
                        yield Static(self._lines(False), id="help-screen-keys")
                with Vertical(classes="help-column"):
                    yield Static(t("shell.help.app_keys"), classes="section-title")
                    yield Static(self._lines(True), id="help-app-keys")
            yield Static(t("shell.help.close_hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()  # arrow keys and page keys scroll a long list

    def action_close(self) -> None:
        self.dismiss(None)
