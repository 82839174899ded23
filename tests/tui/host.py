"""The one bare host App of the screen and form tests: it gives a screen what the real shell gives it (``ctx``,
``fiscal_year``, ``thai_digits``), pushes it, and keeps what it dismissed with in ``result``."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.reactive import reactive
from textual.screen import Screen

from itatui.domain.fiscal import current_fiscal_year
from itatui.tui.context import AppContext

UNSET = object()


class ScreenHost(App):
    fiscal_year = reactive(current_fiscal_year())
    thai_digits = reactive(False)

    def __init__(self, ctx: AppContext, screen: Screen | Callable[[], Screen], *, fiscal_year: int | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.screen_factory = screen if callable(screen) and not isinstance(screen, Screen) else (lambda: screen)
        self.result = UNSET
        if fiscal_year is not None:
            self.set_reactive(ScreenHost.fiscal_year, fiscal_year)

    def on_mount(self) -> None:
        self.push_screen(self.screen_factory(), self._done)

    def _done(self, result) -> None:  # noqa: ANN001
        self.result = result
