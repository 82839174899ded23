"""What every screen of a mode shares: the logged-in context, the fiscal year and digit style, permissions, and
the reports it offers for ``p``.

A mode screen (and the screens it opens) subclasses ``ModeScreen``; a form reads the context with
``app_context(self.app)``. The host is the ``ItaApp`` or, in tests, any App with a ``ctx`` attribute; the App
reactives ``fiscal_year`` and ``thai_digits`` are watched when the host has them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual.app import App
from textual.binding import Binding
from textual.reactive import Reactive
from textual.screen import Screen

from itatui.domain.fiscal import current_fiscal_year
from itatui.domain.roles import Actor, Perm
from itatui.i18n import t

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from itatui.tui.context import AppContext

ResultT = TypeVar("ResultT")


def app_context(app: App[Any]) -> AppContext:
    """The running app's log-in context; only screens shown after the log-in ask for it."""
    ctx: AppContext | None = getattr(app, "ctx", None)
    if ctx is None:
        raise RuntimeError("no one is logged in yet")
    return ctx


class ModeScreen(Screen[ResultT]):
    """Base of the mode screens and the full screens they open.

    ``REPORTS`` names the reports the screen offers; ``p`` is bound (and shown in help) only when it is not
    empty, and opens the App's print dialog for them. Subclasses override ``fiscal_year_changed`` and
    ``digits_changed`` to follow the App's year and digit style.
    """

    REPORTS: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Before Textual merges the class's bindings (in its own __init_subclass__): a key only where it works.
        if cls.REPORTS and not any(isinstance(b, Binding) and b.action == "print" for b in cls.BINDINGS):
            cls.BINDINGS = [*cls.BINDINGS, Binding("p", "print", t("key.print"), id=f"{cls.__name__}.print")]
        super().__init_subclass__(**kwargs)

    def on_mount(self) -> None:
        for attr, callback in (("fiscal_year", self.fiscal_year_changed), ("thai_digits", self.digits_changed)):
            if isinstance(getattr(type(self.app), attr, None), Reactive):
                self.watch(self.app, attr, callback, init=False)

    # -- the context ------------------------------------------------------------------------------------

    @property
    def ctx(self) -> AppContext:
        return app_context(self.app)

    @property
    def engine(self) -> Engine:
        return self.ctx.engine

    @property
    def actor(self) -> Actor:
        return self.ctx.actor

    def can(self, permission: Perm) -> bool:
        return self.ctx.actor.can(permission)

    @property
    def fiscal_year(self) -> int:
        """The App's selected fiscal year (BE); the current one under a host app without it."""
        return int(getattr(self.app, "fiscal_year", 0) or current_fiscal_year())

    @property
    def thai_digits(self) -> bool:
        return bool(getattr(self.app, "thai_digits", False))

    @property
    def host_watches(self) -> bool:
        """True when the App has the ``thai_digits`` reactive (so a change reaches ``digits_changed`` by itself)."""
        return isinstance(getattr(type(self.app), "thai_digits", None), Reactive)

    def fiscal_year_changed(self, year: int) -> None:
        """The App's fiscal year changed."""

    def digits_changed(self, thai: bool) -> None:
        """The App's digit style changed."""

    def action_toggle_digits(self) -> None:
        """``t`` where the screen binds it: serves a host app without its own ``t`` (the shell's wins otherwise)."""
        setattr(self.app, "thai_digits", not self.thai_digits)
        if not self.host_watches:
            self.digits_changed(self.thai_digits)  # no reactive to tell us: redraw ourselves

    # -- reports ----------------------------------------------------------------------------------------

    def action_print(self) -> None:
        open_reports = getattr(self.app, "open_reports", None)
        if open_reports is not None:
            open_reports(self.REPORTS)
