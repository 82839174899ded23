"""A Thai cell scrolled sideways or cut at a column edge never shows a vowel or tone mark on its own."""

from __future__ import annotations

import unicodedata

from textual.app import App, ComposeResult
from textual.widgets import DataTable

import itatui.tui  # noqa: F401  (the app package: importing it is what every itatui screen does)


class TableApp(App):
    def compose(self) -> ComposeResult:
        yield DataTable()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("a", width=3)
        table.add_column("b", width=40)
        table.add_row("1", "พัฒนาคุณภาพชีวิต เหลือ 11 ตัว")


def _orphans(line: str) -> list[str]:
    """Marks with no consonant before them (after a space, a border or at the start)."""
    return [line[i : i + 3] for i, ch in enumerate(line) if unicodedata.category(ch) == "Mn" and (i == 0 or not line[i - 1].isalpha())]


async def test_scrolled_thai_cells_keep_their_marks():
    app = TableApp()
    async with app.run_test(size=(20, 5)) as pilot:
        table = app.query_one(DataTable)
        found = []
        for x in range(0, 30):
            table.scroll_to(x=x, animate=False, immediate=True)
            await pilot.pause()
            line = table.render_line(1).text
            found += _orphans(line)
        assert found == []
