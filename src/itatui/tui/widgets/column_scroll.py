"""Sideways by whole columns: in a row-cursor table, ← and → bring the next or previous column to the left edge.

Textual scrolls a row-cursor table one cell per key press, so reaching a column 70 cells away took 70 presses
and left columns cut in the middle. The fixed columns (number, name) stay where they are.
"""

from __future__ import annotations

from textual.widgets import DataTable


class ColumnScroll:
    """Mix into a ``DataTable`` subclass (before ``DataTable``)."""

    def _column_offsets(self: DataTable) -> list[int]:  # type: ignore[misc]
        """Scroll positions at which each scrollable column starts at the left edge of the scrolling part."""
        offsets, x, fixed_width = [], 0, 0
        for index, column in enumerate(self.ordered_columns):
            if index < self.fixed_columns:
                fixed_width += column.get_render_width(self)
            else:
                offsets.append(x)
                x += column.get_render_width(self)
        return offsets

    def action_cursor_right(self: DataTable) -> None:  # type: ignore[misc]
        if self.cursor_type != "row":
            return DataTable.action_cursor_right(self)
        later = [x for x in self._column_offsets() if x > self.scroll_x]  # type: ignore[attr-defined]
        if later and self.scroll_x < self.max_scroll_x:
            self.scroll_to(x=min(later[0], self.max_scroll_x), animate=False)
        return None

    def action_cursor_left(self: DataTable) -> None:  # type: ignore[misc]
        if self.cursor_type != "row":
            return DataTable.action_cursor_left(self)
        earlier = [x for x in self._column_offsets() if x < self.scroll_x]  # type: ignore[attr-defined]
        if earlier:
            self.scroll_to(x=earlier[-1], animate=False)
        return None


class ColumnTable(ColumnScroll, DataTable):
    """A ``DataTable`` whose ← → move by column (row cursor)."""
