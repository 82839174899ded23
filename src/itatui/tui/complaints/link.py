"""``l`` on a case: link the complaint to a fraud-risk issue or a plan project (the plan's "cases down 10 %"
target and the risk register read these links).

Type a few letters to narrow the list (at most ``LIMIT`` choices are fetched, in a worker), pick with the arrow
keys, ``enter`` or ``ctrl+s`` links. The choices come from the core's ``link_choices``; it reads only ids and
names, never a complaint.
"""

from __future__ import annotations

from itatui.domain.validation import FieldProblem
from itatui.i18n import t
from itatui.store import complaints as core
from itatui.store.complaints.links import LIMIT, PROJECT, RISK, LinkChoice, link_choices  # noqa: F401
from itatui.tui.base import app_context
from itatui.tui.complaints.actions import Call, CaseActionForm
from itatui.tui.plan.project_form import field_row
from itatui.tui.widgets.form_errors import error_text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Input, OptionList, Select
from textual.widgets.option_list import Option


class LinkForm(CaseActionForm):
    title_key = "desk.action.link_title"
    SEARCH_DELAY = 0.25

    def __init__(self, case, organisation_id: int | None = None) -> None:  # noqa: ANN001
        super().__init__(case)
        self.organisation_id = organisation_id
        self._timer: Timer | None = None

    def labels(self) -> dict[str, str]:
        return {"target": t("desk.action.link_target"), "search": t("desk.action.link_search"), "choice": t("desk.action.link_choice")}

    def fields(self) -> ComposeResult:
        labels = self.labels()
        yield Horizontal(
            field_row(labels["target"], Select([(t("desk.link.risk"), RISK), (t("desk.link.project"), PROJECT)],
                                               value=RISK, allow_blank=False, id="target")),
            field_row(labels["search"], Input(id="search")),
            classes="pair",
        )
        yield field_row(labels["choice"], OptionList(id="choice"))

    def on_mount(self) -> None:
        super().on_mount()
        self._fetch()

    @on(Select.Changed, "#target")
    def _target_changed(self) -> None:
        self._fetch()

    @on(Input.Changed, "#search")
    def _search_changed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(self.SEARCH_DELAY, self._fetch)

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.query_one("#choice", OptionList).focus()

    @on(OptionList.OptionSelected, "#choice")
    def _picked(self) -> None:
        self.action_save()

    def _fetch(self) -> None:
        self._load(str(self.select_of("target")), self.text_of("search"))

    @work(thread=True, exclusive=True, group="link-choices", exit_on_error=False)
    def _load(self, target: str, text: str) -> None:
        ctx = app_context(self.app)
        try:
            choices = link_choices(ctx.engine, ctx.actor, target, text, self.organisation_id)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.notify, error_text(exc), severity="error")
            return
        self.app.call_from_thread(self._show, target, choices)

    def _show(self, target: str, choices: list[LinkChoice]) -> None:
        if target != self.select_of("target"):
            return
        options = self.query_one("#choice", OptionList)
        options.clear_options()
        if choices:
            options.add_options([Option(c.label, id=str(c.id)) for c in choices])
            options.highlighted = 0
        else:
            options.add_option(Option(t("desk.link.none"), disabled=True))

    def collect(self) -> tuple[Call | None, list[FieldProblem]]:
        options = self.query_one("#choice", OptionList)
        index = options.highlighted
        option = options.get_option_at_index(index) if index is not None and options.option_count else None
        if option is None or option.id is None:
            return None, [FieldProblem("choice", "complaint.err.link_target")]
        target_id = int(option.id)
        cid = self.case.id
        if self.select_of("target") == RISK:
            return (lambda engine, actor: core.link(engine, actor, cid, risk_issue_id=target_id)), []
        return (lambda engine, actor: core.link(engine, actor, cid, project_id=target_id)), []
