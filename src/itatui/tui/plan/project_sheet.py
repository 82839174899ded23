"""A project's detail sheet (Part 3) with budgets, units, KPIs and their actuals, and progress per round.

Pushed over the plan table; ``escape`` goes back (dismissing with whether anything was saved, so the table
reloads only then), ``e`` edits the project, ``r`` reports progress. Loaded in a thread worker.
"""

from __future__ import annotations

from typing import ClassVar

from itatui.domain.eplan import Reason, TargetGroup, budget_total
from itatui.domain.roles import Perm
from itatui.domain.thai import digits
from itatui.i18n import t
from itatui.store import plan as repo
from itatui.store.plan import ProjectSheet
from itatui.store.plan import progress as progress_repo
from itatui.tui.base import ModeScreen
from itatui.tui.dialogs import open_form
from itatui.tui.plan.labels import default_round, kind_text, status_text
from itatui.tui.risks.sheet_section import load_project_risks, risk_section
from itatui.tui.widgets.form_errors import error_text
from itatui.tui.widgets.plan_summary import SELECTED_YEAR_STYLE, baht_text, number_text, year_text
from itatui.tui.widgets.refusals import ExplainRefusals
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static
from textual.worker import get_current_worker


class ProjectSheetScreen(ExplainRefusals, ModeScreen[bool]):
    HELP_TITLE = "help.title.sheet"  # what help (?) calls this screen
    REPORTS: ClassVar[tuple[str, ...]] = ("project-sheets", "monitoring")  # what `p` offers (reports.registry)
    DEFAULT_CSS = """
    ProjectSheetScreen #sheet-scroll { height: 1fr; padding: 0 1; }
    ProjectSheetScreen #sheet-body { width: 100%; }
    """

    BINDINGS = [
        Binding("escape", "back", t("key.back"), id="sheet.back"),
        Binding("e", "edit", t("key.edit"), id="sheet.edit"),
        Binding("r", "progress", t("plan.key.progress"), id="sheet.progress"),
        Binding("t", "toggle_digits", t("key.digits"), id="sheet.digits", show=False),
    ]

    def __init__(self, project_id: int) -> None:
        super().__init__()
        self.project_id = project_id
        self.sheet: ProjectSheet | None = None
        self.changed = False  # something was saved from here: the plan table reloads on the way back

    def report_context(self) -> dict[str, int | None]:
        """What the print dialog preselects: this project."""
        return {"project": self.sheet.number if self.sheet else None}

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="sheet-scroll", can_focus=True):
            yield Static(t("sheet.loading"), id="sheet-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#sheet-scroll").focus()
        self.load()
        if _segment is None:
            self._load_segmenter()

    @work(thread=True, exclusive=True, group="sheet-words", exit_on_error=False)
    def _load_segmenter(self) -> None:
        """Load the Thai word segmenter off the event loop (about a second, once per run), then redraw."""
        global _segment
        from itatui.domain.text import thai_words

        thai_words("ติดตามตรวจสอบ")  # the first call loads the dictionary
        _segment = thai_words
        if self.sheet is not None:
            self.app.call_from_thread(self._show, self.sheet)

    @property
    def _sheet_year(self) -> int | None:
        # None under a host app that has no year: the core then shows the plan's current one.
        return self.fiscal_year if getattr(self.app, "fiscal_year", None) else None

    def fiscal_year_changed(self, year: int) -> None:
        self.load()

    def digits_changed(self, thai: bool) -> None:
        if self.host_watches:
            self.load()
        elif self.sheet is not None:
            self._show(self.sheet)

    @work(thread=True, exclusive=True, group="sheet-load", exit_on_error=False)
    def load(self) -> None:
        ctx = self.ctx
        worker = get_current_worker()
        try:
            sheet = repo.project_sheet(ctx.engine, ctx.actor, self.project_id, self._sheet_year)
            self._risks = load_project_risks(ctx.engine, ctx.actor, self.project_id)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.query_one("#sheet-body", Static).update, error_text(exc))
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, sheet)

    def _show(self, sheet: ProjectSheet) -> None:
        self.sheet = sheet
        body = render_sheet(sheet, self.thai_digits)
        self.query_one("#sheet-body", Static).update(Group(body, *risk_section(getattr(self, "_risks", None), self.thai_digits)))

    # ------------------------------------------------------------------------------------------ actions

    def action_back(self) -> None:
        self.dismiss(self.changed)

    # As on the plan table: a user without the right sees the key greyed, and pressing it says why.
    _NEEDS = {"edit": Perm.PLAN_EDIT, "progress": Perm.PROGRESS_EDIT}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_digits" and hasattr(self.app, "action_toggle_digits"):
            return False  # the shell owns `t`; this binding only serves a host app without it
        perm = self._NEEDS.get(action)
        ctx = getattr(self.app, "ctx", None)
        if perm is not None and ctx is not None and not ctx.actor.can(perm):
            return None
        return True

    def refusal_text(self, action: str, parameters: tuple[object, ...]) -> str | None:
        return t("refuse.progress_edit") if action == "progress" else t("refuse.plan_edit")

    def _can(self, perm: Perm) -> bool:
        if self.can(perm):
            return True
        self.notify(t("err.permission"), severity="error")
        return False

    def action_edit(self) -> None:
        if self.sheet is not None and self._can(Perm.PLAN_EDIT):
            self.edit()

    def action_progress(self) -> None:
        if self.sheet is not None and self._can(Perm.PROGRESS_EDIT):
            self.progress()

    @work(exclusive=True, group="sheet-dialog", exit_on_error=False)
    async def edit(self) -> None:
        from itatui.tui.plan.project_form import ProjectForm

        ctx = self.ctx
        assert self.sheet is not None
        plan_id, project_id = self.sheet.plan_id, self.project_id
        if await open_form(self, lambda: repo.project_form_data(ctx.engine, ctx.actor, plan_id, project_id), ProjectForm) is not None:
            self.changed = True
            self.notify(t("msg.saved"))
            self.load()

    @work(exclusive=True, group="sheet-dialog", exit_on_error=False)
    async def progress(self) -> None:
        from itatui.tui.plan.progress_form import ProgressForm

        ctx = self.ctx
        assert self.sheet is not None
        years = tuple(y for y, _ in self.sheet.budgets)
        fy = min(max(self.sheet.fiscal_year, years[0]), years[-1])
        project_id = self.project_id
        load = lambda: progress_repo.progress_form_data(ctx.engine, ctx.actor, project_id, fy, default_round(fy))  # noqa: E731
        if await open_form(self, load, ProgressForm) is not None:
            self.changed = True
            self.notify(t("msg.saved"))
            self.load()


# ---------------------------------------------------------------------------------------------- rendering


def _label(enum_cls, value: str) -> str:  # noqa: ANN001
    """The catalogue label of a stored code; an unknown code (older data) shows as itself."""
    try:
        return t(enum_cls(value).label_key)
    except ValueError:
        return value


def unit_label(code: str, name: str) -> str:
    """"กองคลัง" once, not "กองคลัง กองคลัง", when a unit's short code is its whole name."""
    code, name = code.strip(), name.strip()
    return code if not name or name == code else f"{code} {name}".strip()


def _heading(key: str, **params: object) -> Text:
    return Text("\n" + t(key, **params), style="bold underline")


# Set once the Thai word segmenter is loaded (``ProjectSheetScreen`` warms it in a worker when a sheet is first
# shown): paragraphs then wrap between words; until then, at spaces as Rich does.
_segment = None


def _para(text: str):  # noqa: ANN202 - Text, or a ThaiParagraph once words can be found
    if text and _segment is not None:
        from itatui.tui.widgets.thai_paragraph import ThaiParagraph

        return ThaiParagraph(_segment(text))
    return Text("  " + text if text else "  " + t("sheet.empty"))


def _items(items: tuple[str, ...], thai: bool) -> list[RenderableType]:
    if not items:
        return [_para("")]
    if _segment is not None:
        from itatui.tui.widgets.thai_paragraph import ThaiParagraph

        return [ThaiParagraph(_segment(f"{digits(str(i), thai)}) {item}")) for i, item in enumerate(items, start=1)]
    return [Text(f"  {digits(str(i), thai)}) {item}") for i, item in enumerate(items, start=1)]


def render_sheet(s: ProjectSheet, thai: bool) -> Group:
    """The sheet in the document's order of sections, then budgets, units, KPIs and progress."""
    out: list[RenderableType] = [
        Text(t("sheet.heading", number=digits(str(s.number), thai), name=s.name), style="bold"),
        Text(f"{kind_text(s.kind)} · " + t(
            "sheet.placement",
            dimension=digits(str(s.dimension_number), thai),
            dimension_name=s.dimension_name,
            mission=digits(s.mission_code, thai),
            mission_name=" ".join(s.mission_name.split()),
        ), style="dim"),
    ]
    if s.sheet_name and s.sheet_name != s.name:
        out += [_heading("sheet.sheet_name"), _para(s.sheet_name)]
    out += [_heading("sheet.rationale"), _para(s.rationale)]
    out += [_heading("sheet.objectives"), *_items(s.objectives, thai)]
    out.append(_heading("sheet.target_groups"))
    if s.target_groups:
        for g in s.target_groups:
            line = g.description
            if g.count is not None:
                line += " " + t("sheet.count", count=digits(f"{g.count:,}", thai), unit=g.count_unit)
            out.append(Text("  • " + line.strip()))
    else:
        out.append(_para(""))
    if s.eplan_target_groups:
        labels = [_label(TargetGroup, g) for g in s.eplan_target_groups]
        out += [_heading("sheet.eplan_groups"), _para(", ".join(labels))]
    out += [_heading("sheet.area"), _para(s.area)]
    out += [_heading("sheet.method"), *_items(s.method_steps, thai)]
    out += [_heading("sheet.period"), _para(digits(s.period, thai) if s.period else "")]
    out += [_heading("sheet.budget_text"), _para(digits(s.budget_text, thai))]  # "๒๐,๐๐๐ บาท" follows the `t` toggle
    out += [_heading("sheet.owner"), _para(s.owner)]
    out += [_heading("sheet.outputs"), *_items(s.outputs, thai)]
    out += [_heading("sheet.outcomes"), *_items(s.outcomes, thai)]

    out.append(_heading("sheet.kpis", year=year_text(s.fiscal_year, thai)))
    if s.kpis:
        for k in s.kpis:
            target = t("sheet.kpi_target", target=number_text(k.target, thai), unit=k.unit) if k.target is not None else ""
            actual = t("sheet.kpi_actual", actual=number_text(k.actual, thai))
            line = Text(f"  • [{t('sheet.kpi.' + k.kind) if k.kind in ('output', 'outcome') else k.kind}] {k.indicator}")
            line.append(f" — {target} · " if target else " — ", style="dim")
            line.append(actual, style="bold" if k.actual is not None else "dim")
            out.append(line)
    else:
        out.append(_para(t("progress.no_kpi")))

    out.append(_heading("sheet.budgets"))
    budgets = Table(box=None, padding=(0, 2), show_edge=False)
    for year, _ in s.budgets:
        budgets.add_column(
            Text(year_text(year, thai), style=SELECTED_YEAR_STYLE if year == s.fiscal_year else ""), justify="right"
        )
    budgets.add_column(Text(t("plan.col.total"), style="bold"), justify="right")
    amounts = [amount for _, amount in s.budgets]
    budgets.add_row(*[baht_text(amount, thai) for amount in amounts], Text(baht_text(budget_total(amounts), thai), style="bold"))
    out.append(budgets)
    out += [_heading("sheet.units"), _para(", ".join(unit_label(u.code, u.name) for u in s.units))]

    out.append(_heading("sheet.progress"))
    if s.progress:
        table = Table(box=None, padding=(0, 1), show_edge=False)
        for key, justify in (
            ("sheet.col.year", "left"), ("sheet.col.round", "left"), ("sheet.col.local_plan", "right"),
            ("sheet.col.ordinance", "right"), ("sheet.col.spent", "right"), ("sheet.col.status", "left"),
            ("sheet.col.remark", "left"),
        ):
            table.add_column(t(key), justify=justify)  # type: ignore[arg-type]
        for p in s.progress:
            note = []
            if p.not_possible_reason:
                reason = _label(Reason, p.not_possible_reason)
                note.append(f"{reason} {p.reason_text}".strip())
            if p.remark:
                note.append(p.remark)
            status = status_text(p.status) + (f" ({t('sheet.locked')})" if p.locked else "")
            table.add_row(
                Text(year_text(p.fiscal_year, thai), style="bold" if p.fiscal_year == s.fiscal_year else ""),
                digits(t(f"eplan.round.{p.round}"), thai),
                baht_text(p.amount_local_plan, thai),
                baht_text(p.amount_ordinance, thai),
                baht_text(p.amount_spent, thai),
                status,
                " · ".join(note),
            )
        out.append(table)
    else:
        out.append(_para(t("sheet.no_progress")))
    return Group(*out)
