"""A paragraph that wraps at Thai word boundaries to whatever width it is drawn at (Rich wraps only at spaces,
and Thai puts none between words, so a lone word was left on a line of its own)."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from itatui.domain.text import width, wrap_words


class ThaiParagraph:
    def __init__(self, words: list[str], *, indent: str = "  ", style: str = "") -> None:
        self.words = words
        self.indent = indent
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        room = max(8, options.max_width - width(self.indent))
        for line in wrap_words(self.words, room):
            yield Text(self.indent + line, style=self.style)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(8, min(options.max_width, width(self.indent) + sum(width(w) for w in self.words)))
