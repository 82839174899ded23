"""Every cut Textual makes in a line of text lands on a character-cluster boundary.

Rich splits a segment at a cell offset (scrolling a table sideways, a toast or a modal covering part of a
line, a cell cropped at its edge). Thai vowel and tone marks take no cell, so a cut right after a consonant
may send its marks to the other piece, which then starts with a mark on its own (``ัฒนา`` for ``พัฒนา``).
Rich, Textual's line crop and the compositor all cut through ``Segment.split_cells``; ``install()`` wraps it
once so the marks stay with their consonant (they take no cell, so no width changes).
"""

from __future__ import annotations

from rich.segment import Segment

from itatui.domain.text import joins_previous


def _split_cells(self: Segment, cut: int, _original=Segment.split_cells) -> tuple[Segment, Segment]:  # noqa: ANN001
    before, after = _original(self, cut)
    text = after.text
    if text and joins_previous(text[0]):
        n = 1
        while n < len(text) and joins_previous(text[n]):
            n += 1
        before = Segment(before.text + text[:n], before.style, before.control)
        after = Segment(text[n:], after.style, after.control)
    return before, after


def install() -> None:
    if Segment.split_cells is not _split_cells:
        Segment.split_cells = _split_cells  # type: ignore[method-assign]
