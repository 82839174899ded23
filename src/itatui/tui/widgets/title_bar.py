"""A one-line title for the log-in and first-run screens.

Not Textual's ``Header``: a Header watches the App's title, and the log-in screen is removed at the very moment
the App changes its title to the organisation's; a Header caught half-removed then fails (``NoMatches``).
"""

from __future__ import annotations

from textual.widgets import Static


class TitleBar(Static):
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 1fr;
        height: 1;
        content-align: center middle;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        self.update(self.app.title)
