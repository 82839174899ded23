"""A top-level mode that this version does not have yet: one line saying so, and the app keys still work."""

from __future__ import annotations

from itatui.i18n import t
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class NotBuiltScreen(Screen[None]):
    def __init__(self, mode: str) -> None:
        super().__init__(id=f"mode-{mode}", classes="not-built")
        self.mode = mode

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"{t(f'mode.{self.mode}')}: {t('mode.not_built')}", id="not-built-line")
        yield Footer()
