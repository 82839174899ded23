"""Toasts leave nothing painted behind: when a toast's time is over the app draws the whole screen again, with no
key pressed (a "บันทึกเรียบร้อย" was seen to stay on the project sheet until the next key)."""

from __future__ import annotations

from textual.widgets._toast import Toast  # the widget a toast is drawn with (for the count only)

from itatui.tui.app import ItaApp
from tests.tui.pilot_util import wait_until


async def test_the_screen_is_drawn_again_when_a_toast_is_over(engine):
    app = ItaApp(engine)
    drawn: list[str] = []
    # Private, and the only way to see what would be written to the terminal, and when (Pilot is headless).
    display = app._display

    def spy(screen, renderable):  # noqa: ANN001, ANN202
        drawn.append(type(renderable).__name__)
        return display(screen, renderable)

    app._display = spy  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.notify("บันทึกเรียบร้อย", timeout=0.5)
        await wait_until(pilot, lambda: len(app.screen.query(Toast)) == 1)
        drawn.clear()
        await wait_until(pilot, lambda: "LayoutUpdate" in drawn, timeout=5)  # no key pressed meanwhile
        assert len(app.screen.query(Toast)) == 0
