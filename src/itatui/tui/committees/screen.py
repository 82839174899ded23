"""Mode 4: the salary-promotion committee records of one round (the app's fiscal year; ``o`` switches round).

One line says which round is on show and its survey; below it one of five views: the staff register (``s``),
evaluations and decisions with the live checks (``e``), the two committees (``c``), meetings (``m``) and
conflicts of interest (``x``). ``ctrl+o`` opens a round that does not exist yet (with the previous round's
rules, every active person enrolled); ``r`` the round's rules; ``u`` the satisfaction survey; ``k`` every
check of the round.
"""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import ContentSwitcher, Header, Static

from itatui.domain.roles import Perm
from itatui.domain.thai import digits
from itatui.i18n import t
from itatui.store import committees as core
from itatui.tui.committees.committees_view import CommitteesView
from itatui.tui.committees.conflicts_view import ConflictsView
from itatui.tui.committees.evaluations_view import EvaluationsView
from itatui.tui.committees.labels import be
from itatui.tui.committees.meetings_view import MeetingsView
from itatui.tui.committees.staff_view import StaffView
from itatui.tui.committees.view_base import RoundView
from itatui.tui.base import ModeScreen
from itatui.tui.widgets.form_errors import error_text
from itatui.tui.widgets.keys_footer import KeysFooter
from itatui.tui.widgets.refusals import ExplainRefusals

VIEWS = (("staff", "s", StaffView), ("evaluations", "e", EvaluationsView), ("committees", "c", CommitteesView),
         ("meetings", "m", MeetingsView), ("conflicts", "x", ConflictsView))


class CommitteesScreen(ExplainRefusals, ModeScreen[None]):
    # what `p` offers (reports.registry); the conflicts view keeps its own `p` (propose) while it has the focus
    REPORTS: ClassVar[tuple[str, ...]] = (
        "committee-screening-order", "committee-promotion-order", "committee-meetings", "committee-scores",
        "committee-announcement", "committee-calculation", "committee-raise-order", "committee-allowance-order",
        "committee-result-letters",
    )
    DEFAULT_CSS = """
    CommitteesScreen #round-line { height: auto; padding: 0 1; background: $boost; }
    CommitteesScreen ContentSwitcher { height: 1fr; }
    """

    BINDINGS = [
        *(Binding(key, f"view('{name}')", t(f"committee.view.{name}"), id=f"committee.view.{name}",
                  group=Binding.Group(t("committee.key.views"), compact=True)) for name, key, _ in VIEWS),
        Binding("o", "other_round", t("committee.key.round"), id="committee.round"),
        Binding("ctrl+o", "open_round", t("committee.key.open_round"), id="committee.open_round"),
        Binding("r", "rules", t("committee.key.rules"), id="committee.rules", show=False),
        Binding("u", "survey", t("committee.key.survey"), id="committee.survey", show=False),
        Binding("k", "checks", t("committee.key.checks"), id="committee.checks", show=False),
    ]

    def __init__(self, *, name: str | None = None, id: str | None = None) -> None:  # noqa: A002
        super().__init__(name=name, id=id)
        self.round_no = 1
        self.round: core.RoundInfo | None = None
        self.view_name = "evaluations"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="round-line")
        with ContentSwitcher(initial=f"view-{self.view_name}"):
            for name, _key, cls in VIEWS:
                yield cls(id=f"view-{name}")
        yield KeysFooter()

    @property
    def thai(self) -> bool:
        return self.thai_digits

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The round's own changes, as the views' (view_base.EDIT_ACTIONS): greyed without the right.
        ctx = getattr(self.app, "ctx", None)
        if action in ("open_round", "rules", "survey") and ctx is not None and not ctx.actor.can(Perm.COMMITTEE_EDIT):
            return None
        return True

    def refusal_text(self, action: str, parameters: tuple[object, ...]) -> str | None:
        return t("refuse.committee_edit")

    @property
    def year(self) -> int:
        return self.fiscal_year

    @property
    def current_view(self) -> RoundView:
        return self.query_one(f"#view-{self.view_name}", RoundView)

    def on_mount(self) -> None:
        super().on_mount()
        self.load_round()

    def fiscal_year_changed(self, year: int) -> None:
        self.load_round()

    def digits_changed(self, thai: bool) -> None:
        self.load_round()

    # ---- the round ----------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="committee-round", exit_on_error=False)
    def load_round(self) -> None:
        try:
            rnd = core.find_round(self.ctx.engine, self.ctx.actor, self.year, self.round_no, self.ctx.organisation_id)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.notify, error_text(exc), severity="error")
            return
        self.app.call_from_thread(self._round_loaded, rnd)

    def _round_loaded(self, rnd: core.RoundInfo | None) -> None:
        self.round = rnd
        self._show_round_line()
        for name, _key, _cls in VIEWS:
            self.query_one(f"#view-{name}", RoundView).reload()
        self.current_view.focus_main()

    def _show_round_line(self) -> None:
        thai = self.thai
        views = "  ".join(
            (f"[b reverse] {t(f'committee.view.{n}')} [/]" if n == self.view_name else t(f"committee.view.{n}")) for n, _, _ in VIEWS)
        if self.round is None:
            head = t("committee.round.none", round=self.round_no, fy=self.year)
        else:
            r = self.round
            head = t("committee.round.line", round=r.round_no, fy=r.fiscal_year, effective=be(r.effective, thai))
            if r.survey_percent is not None:
                head += " · " + t("committee.round.survey", pct=f"{r.survey_percent:g}")
        from rich.text import Text

        line = Text(digits(head, thai) + "\n")
        line.append_text(Text.from_markup(views))
        self.query_one("#round-line", Static).update(line)

    def refresh_totals(self) -> None:
        """After any change: the round (survey) again and the checks line of the evaluations."""
        self.query_one("#view-evaluations", EvaluationsView).load_checks()

    def action_other_round(self) -> None:
        self.round_no = 2 if self.round_no == 1 else 1
        self.load_round()

    def action_view(self, name: str) -> None:
        self.view_name = name
        self.query_one(ContentSwitcher).current = f"view-{name}"
        self._show_round_line()
        self.current_view.focus_main()
        self.refresh_bindings()

    def action_open_round(self) -> None:
        if self.round is not None:
            self.notify(t("committee.round.exists"))
            return
        if not self.current_view.may_edit():
            return
        self._open_round()

    @work(thread=True, exclusive=True, group="committee-round", exit_on_error=False)
    def _open_round(self) -> None:
        try:
            core.create_round(self.ctx.engine, self.ctx.actor, self.year, self.round_no, organisation_id=self.ctx.organisation_id)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.notify, error_text(exc), severity="error")
            return
        self.app.call_from_thread(self.notify, t("committee.round.opened"))
        self.app.call_from_thread(self.load_round)

    @work(exclusive=True, group="committee-dialog", exit_on_error=False)
    async def action_survey(self) -> None:
        from itatui.tui.committees.survey_form import SurveyForm

        if self.round is None:
            self.notify(t("committee.no_round_hint"), severity="warning")
            return
        if not self.current_view.may_edit():
            return
        result = await self.app.push_screen_wait(SurveyForm(self.round))
        if result is not None:
            key = "committee.survey.kpi_written" if result.kpi_written else f"committee.survey.kpi_{result.kpi_reason}"
            pct = "-" if result.year_percent is None else f"{result.year_percent:g}"
            self.notify(digits(t(key, pct=pct), self.thai), timeout=8)
            self.load_round()

    @work(exclusive=True, group="committee-dialog", exit_on_error=False)
    async def action_rules(self) -> None:
        from itatui.tui.committees.rules_form import RulesForm

        if self.round is None:
            self.notify(t("committee.no_round_hint"), severity="warning")
            return
        if not self.current_view.may_edit():
            return
        if await self.app.push_screen_wait(RulesForm(self.round)) is not None:
            self.notify(t("committee.saved"))
            self.load_round()

    def action_checks(self) -> None:
        from itatui.tui.committees.checks_screen import ChecksScreen

        if self.round is None:
            self.notify(t("committee.no_round_hint"), severity="warning")
            return
        self.app.push_screen(ChecksScreen(self.round))
