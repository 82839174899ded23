"""What every screen needs from the running app, as plain data (no Textual here)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine

from itatui.domain.roles import Actor


@dataclass
class AppContext:
    """Set once the user has logged in. Screens read it through ``tui.base`` (``ModeScreen.ctx``, ``app_context``).

    The selected fiscal year and the digit style live on the App as reactives (``fiscal_year``,
    ``thai_digits``) so screens can ``self.watch(self.app, "fiscal_year", ...)``.
    """

    engine: Engine
    actor: Actor
    full_name: str
    organisation_id: int | None
    organisation_name: str
    demo: bool = False
