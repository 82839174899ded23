"""What every view of screen 4 shares: the app context, the round on show, digits, running a form."""

from __future__ import annotations

from typing import Any

from textual import work
from textual.containers import Vertical

from itatui.domain.roles import Perm
from itatui.i18n import t
from itatui.tui.widgets.refusals import ExplainRefusals

# The views' keys that change the round's records: greyed for a user without the right (pressing one says why).
EDIT_ACTIONS = frozenset({"add", "import", "assess", "grievance", "add_member", "remove_member", "new", "attendees",
                          "minutes", "propose", "dismiss", "withdrew"})


class RoundView(ExplainRefusals, Vertical):
    """A view inside the committee screen; ``reload()`` is called when the round changes or data moved."""

    DEFAULT_CSS = """
    RoundView { height: 1fr; }
    RoundView > .view-line { height: auto; color: $text-muted; }
    """

    @property
    def ctx(self):  # noqa: ANN201 - AppContext
        return self.app.ctx  # type: ignore[attr-defined]

    @property
    def round(self):  # noqa: ANN201 - RoundInfo | None
        return getattr(self.screen, "round", None)

    @property
    def thai(self) -> bool:
        return bool(getattr(self.app, "thai_digits", False))

    def reload(self) -> None:
        raise NotImplementedError

    def focus_main(self) -> None:
        from itatui.tui.widgets.paged_table import PagedTable

        for table in self.query(PagedTable):
            table.focus_table()
            return

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        ctx = getattr(self.app, "ctx", None)
        if action in EDIT_ACTIONS and ctx is not None and not ctx.actor.can(Perm.COMMITTEE_EDIT):
            return None
        return True

    def refusal_text(self, action: str, parameters: tuple[object, ...]) -> str | None:
        return t("refuse.committee_edit")

    def may_edit(self) -> bool:
        if self.ctx.actor.can(Perm.COMMITTEE_EDIT):
            return True
        self.notify(t("err.permission"), severity="error")
        return False

    def need_round(self) -> bool:
        if self.round is None:
            self.notify(t("committee.no_round_hint"), severity="warning")
            return False
        return True

    @work(exclusive=True, group="committee-dialog", exit_on_error=False)
    async def run_form(self, form: Any, done_message: str = "") -> None:
        """Open a form; when it saved something, say so and reload (the screen's totals too)."""
        result = await self.app.push_screen_wait(form)
        if result is None:
            return
        if done_message:
            self.notify(done_message)
        self.after_change(result)

    def after_change(self, result: Any) -> None:
        self.reload()
        refresh = getattr(self.screen, "refresh_totals", None)
        if refresh is not None:
            refresh()
