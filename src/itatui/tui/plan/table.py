"""Mode 1: the plan table (Part 2) — dimensions → missions → projects with five yearly budgets and units.

Rows come from ``store.plan`` in thread workers as plain dataclasses, one page at a time; subtotals and the
grand total are summed by the database for the current filter. The number and name columns stay in view
while the wide table scrolls sideways (``fixed_columns``).
"""

from __future__ import annotations

from typing import ClassVar

from dataclasses import dataclass, replace

from itatui.domain.eplan import NO_REPORT, Status, budget_total
from itatui.domain.roles import Perm
from itatui.domain.thai import digits
from itatui.i18n import t
from itatui.store import plan as repo
from itatui.store.plan import PlanFilter, PlanInfo, PlanOutline, PlanTotals, ProjectPage, ProjectRow, UnitInfo
from itatui.store.plan import progress as progress_repo
from itatui.tui.base import ModeScreen
from itatui.tui.dialogs import open_form
from itatui.tui.plan.labels import default_round, kind_text, status_text
from itatui.tui.plan.project_sheet import ProjectSheetScreen
from itatui.tui.widgets.column_scroll import ColumnTable
from itatui.tui.widgets.form_errors import error_text
from itatui.tui.widgets.keys_footer import KeysFooter
from itatui.tui.widgets.plan_summary import SELECTED_YEAR_STYLE, PlanSummaryPanel, baht_text, year_text
from itatui.tui.widgets.refusals import ExplainRefusals
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Select, Static
from textual.worker import get_current_worker

WIDE = 150  # from this width the summary sits beside the table; below it, it replaces the table while shown
SEARCH_DELAY = 0.3  # seconds of typing pause before the text filter reloads


@dataclass(frozen=True)
class _Loaded:
    plan: PlanInfo | None
    outline: PlanOutline | None
    totals: PlanTotals | None
    page: ProjectPage | None
    units: tuple[UnitInfo, ...]
    flt: PlanFilter


def name_width(screen_width: int) -> int:
    """The name column grows with the terminal (about 45 % of it), between 24 and 64 cells."""
    return max(24, min(64, (screen_width - 8) * 45 // 100))


class PlanScreen(ExplainRefusals, ModeScreen[None]):
    """The plan table. ``plan_id`` None shows the organisation's plan covering the selected fiscal year."""

    REPORTS: ClassVar[tuple[str, ...]] = ("plan", "project-sheets", "monitoring")  # what `p` offers (reports.registry)
    DEFAULT_CSS = """
    PlanScreen #plan-filters { height: 1; }
    PlanScreen #plan-search { width: 1fr; }
    PlanScreen #plan-filters Select { width: 18; margin-left: 1; }
    PlanScreen #plan-body { height: 1fr; }
    PlanScreen #plan-main { width: 1fr; }
    PlanScreen #plan-table { height: 1fr; }
    PlanScreen #plan-info { height: 1; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis; }
    PlanScreen #plan-summary { display: none; }
    PlanScreen.-summary #plan-summary { display: block; width: 1fr; }
    PlanScreen.-summary.-wide #plan-summary { width: 62; }
    PlanScreen.-summary.-narrow #plan-main { display: none; }
    """

    # The table has the focus from the start (focused later, the search field first took it and the footer
    # was built twice).
    AUTO_FOCUS = "#plan-table"

    BINDINGS = [
        Binding("slash", "search", t("key.search"), id="plan.search"),
        Binding("enter", "open", t("key.open"), id="plan.open", show=False),
        Binding("e", "edit", t("key.edit"), id="plan.edit"),
        Binding("n", "new", t("key.new"), id="plan.new"),
        Binding("r", "progress", t("plan.key.progress"), id="plan.progress"),
        Binding("s", "summary", t("plan.key.summary"), id="plan.summary"),
        # Shown in help (?) and the palette; the 80-column footer keeps the everyday keys only.
        Binding("g", "targets", t("plan.key.targets"), id="plan.targets", show=False),
        Binding("i", "findings", t("plan.key.findings"), id="plan.findings", show=False),
        Binding("space", "toggle_dimension", t("plan.key.toggle"), id="plan.toggle", show=False),
        Binding("a", "toggle_all", t("plan.key.toggle_all"), id="plan.toggle_all", show=False),
        Binding("t", "toggle_digits", t("key.digits"), id="plan.digits", show=False),
        Binding("escape", "escape", t("plan.key.clear_filter"), id="plan.escape", show=False),
    ]

    def __init__(self, plan_id: int | None = None, *, name: str | None = None, id: str | None = None) -> None:  # noqa: A002
        super().__init__(name=name, id=id)
        self._plan_id = plan_id
        self.plan: PlanInfo | None = None
        self.outline: PlanOutline | None = None
        self.totals: PlanTotals | None = None
        self.rows: list[ProjectRow] = []
        self.total_rows = 0
        self.units: tuple[UnitInfo, ...] = ()
        self.filter = PlanFilter()
        self.collapsed: set[int] = set()
        self._search_timer: Timer | None = None
        self._summary_shown: bool | None = None  # decided by the width at first layout, then by `s`
        self._filling_selects = False
        self._select_source: tuple = ()

    # ------------------------------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        # The width classes before any child mounts: set later (first resize) they restyle the whole screen.
        wide = self.app.size.width >= WIDE
        self.set_class(wide, "-wide", update=False)
        self.set_class(not wide, "-narrow", update=False)
        self.set_class(wide and self._summary_shown is None, "-summary", update=False)
        yield Header()
        with Horizontal(id="plan-body"):
            with Vertical(id="plan-main"):
                with Horizontal(id="plan-filters"):
                    yield Input(placeholder=t("plan.filter.search"), id="plan-search", compact=True)
                    yield Select[int]([], prompt=t("plan.filter.all_dimensions"), id="plan-dimension", compact=True)
                    yield Select[int]([], prompt=t("plan.filter.all_units"), id="plan-unit", compact=True)
                    yield Select[str](
                        [(status_text(s), s) for s in [*(x.value for x in Status), NO_REPORT]],
                        prompt=t("plan.filter.all_statuses"),
                        id="plan-status",
                        compact=True,
                    )
                yield ColumnTable(id="plan-table", cursor_type="row", fixed_columns=2, zebra_stripes=False)
                yield Static("", id="plan-info")
            yield PlanSummaryPanel(id="plan-summary")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.filter = PlanFilter(fiscal_year=self.fiscal_year)
        self.query_one("#plan-info", Static).update(t("plan.loading"))
        self.query_one(DataTable).focus()
        self.reload()

    def on_resize(self) -> None:
        table = self.query_one("#plan-table", DataTable)
        name = table.columns.get("name")  # type: ignore[call-overload]
        if name is not None and name.width != name_width(self.size.width):
            self.render_table()
        wide = self.size.width >= WIDE
        self.set_class(wide, "-wide")
        self.set_class(not wide, "-narrow")
        if self._summary_shown is None:
            self._set_summary(wide)

    # ------------------------------------------------------------------------------------------ app state

    def fiscal_year_changed(self, year: int) -> None:
        self.filter = replace(self.filter, fiscal_year=self.fiscal_year)
        if self._plan_id is None:
            self.plan = None  # the plan covering the new year may be another one
        self.reload()

    def digits_changed(self, thai: bool) -> None:
        self.render_table()
        self._refresh_summary_view()

    # ------------------------------------------------------------------------------------------ loading

    def reload(self) -> None:
        """Reload the outline, totals and the first page for the current filter (in a thread)."""
        self._load(self.filter)
        if self._summary_shown:
            self.load_summary()

    @work(thread=True, exclusive=True, group="plan-load", exit_on_error=False)
    def _load(self, flt: PlanFilter) -> None:
        ctx = self.ctx
        worker = get_current_worker()
        try:
            # One session for all of it (plan_view): the plan shown so far, the one asked for, or the current one.
            plan_id = self.plan.id if self.plan is not None else self._plan_id
            view = repo.plan_view(ctx.engine, ctx.actor, flt, plan_id=plan_id, organisation_id=ctx.organisation_id)
            if view is None:
                loaded = _Loaded(None, None, None, None, (), flt)
            else:
                loaded = _Loaded(view.plan, view.outline, view.totals, view.page, view.units, flt)
        except Exception as exc:  # noqa: BLE001 - shown to the user, the screen stays usable
            if not worker.is_cancelled:
                self.app.call_from_thread(self._filter_failed, flt, exc)
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._apply, loaded)

    def _filter_failed(self, flt: PlanFilter, exc: BaseException) -> None:
        """The rows for ``flt`` could not be read: show none rather than rows of an older filter."""
        if flt != self.filter:
            return
        self.rows, self.total_rows = [], 0
        self.query_one("#plan-table", DataTable).clear(columns=True)
        self._load_failed(exc)

    def _load_failed(self, exc: BaseException) -> None:
        self.query_one("#plan-info", Static).update(t("plan.load_failed", reason=error_text(exc)))

    def _apply(self, loaded: _Loaded) -> None:
        if loaded.flt != self.filter:
            return  # a newer filter is already loading
        self.plan, self.outline, self.totals = loaded.plan, loaded.outline, loaded.totals
        self.rows = list(loaded.page.rows) if loaded.page else []
        self.total_rows = loaded.page.total if loaded.page else 0
        source = (tuple(d.id for d in self.outline.dimensions) if self.outline else (), loaded.units)
        if source != self._select_source:
            self._select_source = source
            self.units = loaded.units
            self._fill_selects()
        self.render_table()

    @work(thread=True, exclusive=True, group="plan-more", exit_on_error=False)
    def _load_more(self, flt: PlanFilter, offset: int) -> None:
        ctx = self.ctx
        assert self.plan is not None
        try:
            page = repo.list_project_rows(ctx.engine, ctx.actor, self.plan.id, flt, offset=offset)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self._load_failed, exc)
            return
        self.app.call_from_thread(self._apply_more, flt, page)

    def _apply_more(self, flt: PlanFilter, page: ProjectPage) -> None:
        if flt != self.filter or page.offset != len(self.rows):
            return
        self.rows.extend(page.rows)
        self.total_rows = page.total
        self.render_table()

    def _fill_selects(self) -> None:
        self._filling_selects = True
        try:
            dims = self.outline.dimensions if self.outline else ()
            dim_select: Select[int] = self.query_one("#plan-dimension", Select)
            dim_select.set_options(
                [(t("plan.filter.dimension", number=digits(str(d.number), self.thai_digits)), d.id) for d in dims]
            )
            if self.filter.dimension_id is not None:
                dim_select.value = self.filter.dimension_id
            unit_select: Select[int] = self.query_one("#plan-unit", Select)
            unit_select.set_options([(u.code, u.id) for u in self.units])
            if self.filter.unit_id is not None:
                unit_select.value = self.filter.unit_id
        finally:
            self.call_after_refresh(self._selects_filled)

    def _selects_filled(self) -> None:
        self._filling_selects = False

    # ------------------------------------------------------------------------------------------ the table

    def render_table(self) -> None:
        table = self.query_one("#plan-table", DataTable)
        keep = self._cursor_key()
        table.clear(columns=True)
        thai = self.thai_digits
        info = self.query_one("#plan-info", Static)
        if self.plan is None or self.outline is None or self.totals is None:
            info.update(t("plan.no_plan"))
            return
        years = self.plan.years
        fy = self.fiscal_year
        # Part 2's columns first (number, name, five budgets, units), then what the app adds.
        table.add_column(t("plan.col.number"), width=4, key="number")
        table.add_column(t("plan.col.name"), width=name_width(self.size.width or self.app.size.width), key="name")
        for y in years:
            label = t("plan.col.year", year=year_text(y, thai))
            table.add_column(Text(label, style=SELECTED_YEAR_STYLE) if y == fy else label, width=10, key=f"y{y}")
        table.add_column(Text(t("plan.col.total"), style="bold"), width=11, key="total")
        table.add_column(t("plan.col.units"), width=14, key="units")
        table.add_column(t("plan.col.status", year=year_text(fy, thai)), width=18, key="status")
        table.add_column(t("plan.col.kind"), width=10, key="kind")
        blanks = [""] * (len(years) + 4)
        by_mission: dict[int, list[ProjectRow]] = {}
        for r in self.rows:
            by_mission.setdefault(r.mission_id, []).append(r)
        has_more = len(self.rows) < self.total_rows
        frontier = self._frontier() if has_more else None
        flt = self.filter
        narrowing = bool(flt.text.strip()) or flt.unit_id is not None or bool(flt.status)
        stop = False
        for d_index, dim in enumerate(self.outline.dimensions):
            count = self.totals.dimension_counts.get(dim.id, 0)
            if flt.dimension_id is not None and flt.dimension_id != dim.id:
                continue
            if narrowing and count == 0:
                continue
            collapsed = dim.id in self.collapsed
            marker = "▶" if collapsed else "▼"
            title = Text(t("plan.dimension", number=digits(str(dim.number), thai), name=dim.name), style="bold")
            table.add_row(marker, title, *blanks, key=f"d:{dim.id}")
            complete = True
            if not collapsed:
                for m_index, mission in enumerate(dim.missions):
                    if frontier is not None and (d_index, m_index) > frontier:
                        stop = True
                        break
                    projects = by_mission.get(mission.id, [])
                    if narrowing and not projects:
                        continue
                    table.add_row("", Text(f" {digits(mission.code, thai)} {' '.join(mission.name.split())}", style="italic"), *blanks, key=f"m:{mission.id}")
                    if mission.project_count == 0:
                        table.add_row("", Text("   " + t("plan.no_project"), style="dim"), *blanks, key=f"e:{mission.id}")
                    for row in projects:
                        table.add_row(*self._project_cells(row, years, fy, thai), key=f"p:{row.id}")
                    if frontier is not None and (d_index, m_index) == frontier:
                        stop = True
                        break
                complete = not stop
            elif frontier is not None and d_index > frontier[0]:
                stop, complete = True, False
            if complete:
                subtotal = self.totals.by_dimension.get(dim.id, tuple(None for _ in years))
                label = t("plan.subtotal", number=digits(str(dim.number), thai), count=digits(str(count), thai))
                table.add_row("", Text(label, style="bold"), *self._money_cells(subtotal, years, fy, thai, bold=True), "", "", "", key=f"s:{dim.id}")
            if stop:
                break
        if has_more:
            left = self.total_rows - len(self.rows)
            table.add_row("", Text(t("plan.more", n=digits(f"{left:,}", thai)), style="bold"), *blanks, key="more")
        else:
            label = t("plan.total", count=digits(str(self.totals.count), thai))
            table.add_row("", Text(label, style="bold"), *self._money_cells(self.totals.grand, years, fy, thai, bold=True), "", "", "", key="T")
        self._restore_cursor(keep)
        shown = digits(f"{len(self.rows):,}", thai)
        total = digits(f"{self.total_rows:,}", thai)
        key = "plan.info_filtered" if flt.active else "plan.info"
        if flt.active and self.total_rows == 0:
            key = "plan.no_match"
        # The totals lead the line: at 80 columns the grand-total row and the all-years column are off screen.
        grand = self.totals.grand
        year_amount = grand[years.index(fy)] if fy in years else None
        money = t("plan.info_money", year=year_text(fy, thai), year_total=baht_text(year_amount, thai),
                  plan_total=baht_text(budget_total(grand), thai))
        title = " ".join(self.plan.title.split())  # the document's title may hold line breaks
        line = t(key, money=money, shown=shown, total=total, title=title, year=year_text(fy, thai))
        info.update(Text(line))  # one line (CSS): the long title at its end is cut, not wrapped out of sight

    def _money_cells(self, values: tuple[int | None, ...], years: tuple[int, ...], fy: int, thai: bool, *, bold: bool = False) -> list[Text]:
        """One cell per year, then the total over the plan's years."""
        out = []
        for y, v in zip(years, values, strict=True):
            style = "bold" if (bold or y == fy) else ""
            out.append(Text(baht_text(v, thai), style=style, justify="right"))
        out.append(Text(baht_text(budget_total(values), thai), style="bold", justify="right"))
        return out

    def _project_cells(self, row: ProjectRow, years: tuple[int, ...], fy: int, thai: bool) -> list:
        return [
            digits(f"{row.number})", thai),
            Text("  " + " ".join(row.name.split())),  # Text, not str: a name is never read as markup
            *self._money_cells(row.budgets, years, fy, thai),
            Text(" ".join(row.units)),
            status_text(row.status) if row.status else Text(status_text(""), style="dim"),
            kind_text(row.kind),
        ]

    def _frontier(self) -> tuple[int, int] | None:
        """(dimension index, mission index) of the last loaded row: later missions wait for the next page."""
        if not self.rows or self.outline is None:
            return (-1, -1)
        last = self.rows[-1].mission_id
        for d_index, dim in enumerate(self.outline.dimensions):
            for m_index, m in enumerate(dim.missions):
                if m.id == last:
                    return (d_index, m_index)
        return None

    def _cursor_key(self) -> str | None:
        table = self.query_one("#plan-table", DataTable)
        if table.row_count == 0:
            return None
        try:
            return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        except Exception:  # noqa: BLE001 - no valid cursor yet
            return None

    def _restore_cursor(self, key: str | None) -> None:
        table = self.query_one("#plan-table", DataTable)
        if key is None:
            return
        try:
            table.move_cursor(row=table.get_row_index(key), animate=False)
        except Exception:  # noqa: BLE001 - the row is gone (filtered or collapsed): keep the cursor where it is
            pass

    # ------------------------------------------------------------------------------------------ row context

    def _row_project(self) -> ProjectRow | None:
        key = self._cursor_key()
        if key and key.startswith("p:"):
            pid = int(key[2:])
            return next((r for r in self.rows if r.id == pid), None)
        return None

    def _row_dimension_id(self, key: str | None) -> int | None:
        if not key or self.outline is None:
            return None
        kind, _, value = key.partition(":")
        if kind in ("d", "s"):
            return int(value)
        if kind in ("m", "e"):
            mid = int(value)
            return next((d.id for d in self.outline.dimensions for m in d.missions if m.id == mid), None)
        if kind == "p":
            row = next((r for r in self.rows if r.id == int(value)), None)
            return row.dimension_id if row else None
        return None

    def _row_mission_id(self) -> int | None:
        key = self._cursor_key()
        if not key or self.outline is None:
            return None
        kind, _, value = key.partition(":")
        if kind in ("m", "e"):
            return int(value)
        if kind == "p":
            row = self._row_project()
            return row.mission_id if row else None
        dim_id = self._row_dimension_id(key)
        dim = next((d for d in self.outline.dimensions if d.id == dim_id), None)
        return dim.missions[0].id if dim and dim.missions else None

    # ------------------------------------------------------------------------------------------ filters

    @on(Input.Changed, "#plan-search")
    def _search_changed(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, self._apply_filters)

    @on(Input.Submitted, "#plan-search")
    def _search_submitted(self) -> None:
        self._apply_filters()
        self.query_one("#plan-table", DataTable).focus()

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        if not self._filling_selects and event.select.id in ("plan-dimension", "plan-unit", "plan-status"):
            self._apply_filters()

    def _apply_filters(self) -> None:
        def value(widget_id: str):  # noqa: ANN202
            v = self.query_one(widget_id, Select).value
            return None if v is Select.NULL else v

        flt = PlanFilter(
            text=self.query_one("#plan-search", Input).value,
            dimension_id=value("#plan-dimension"),
            unit_id=value("#plan-unit"),
            status=value("#plan-status"),
            fiscal_year=self.fiscal_year,
        )
        if flt != self.filter:
            self.filter = flt
            self._load(flt)

    def set_filter(self, flt: PlanFilter) -> None:
        """Apply a filter from code (the command palette, tests): the filter bar follows."""
        self._filling_selects = True
        self.query_one("#plan-search", Input).value = flt.text
        for widget_id, v in (("#plan-dimension", flt.dimension_id), ("#plan-unit", flt.unit_id), ("#plan-status", flt.status)):
            select = self.query_one(widget_id, Select)
            if v is None:
                select.clear()
            else:
                select.value = v
        self.call_after_refresh(self._selects_filled)
        self.filter = replace(flt, fiscal_year=self.fiscal_year)
        self._load(self.filter)

    # ------------------------------------------------------------------------------------------ actions

    def action_search(self) -> None:
        self.query_one("#plan-search", Input).focus()

    def action_escape(self) -> None:
        table = self.query_one("#plan-table", DataTable)
        if self.focused is not table:
            table.focus()
        elif self.filter.active:
            self.set_filter(PlanFilter())

    @on(DataTable.RowSelected, "#plan-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open_key(event.row_key.value)

    def action_open(self) -> None:
        self._open_key(self._cursor_key())

    def _open_key(self, key: str | None) -> None:
        if key is None:
            return
        if key == "more":
            self._load_more(self.filter, len(self.rows))
        elif key.startswith("p:"):
            self._open_sheet(int(key[2:]))
        elif key[0] in "dms" or key.startswith("e:"):
            self.action_toggle_dimension()

    def _open_sheet(self, project_id: int) -> None:
        def done(changed: bool | None) -> None:
            if changed:
                self.reload()

        self.app.push_screen(ProjectSheetScreen(project_id), done)

    def action_toggle_dimension(self) -> None:
        dim_id = self._row_dimension_id(self._cursor_key())
        if dim_id is None:
            return
        self.collapsed ^= {dim_id}
        self.render_table()
        self._restore_cursor(f"d:{dim_id}")

    def action_toggle_all(self) -> None:
        if self.outline is None:
            return
        self.collapsed = set() if self.collapsed else {d.id for d in self.outline.dimensions}
        self.render_table()

    # What each editing key needs; a user without it sees the key greyed, and pressing it says why.
    _NEEDS = {"edit": Perm.PLAN_EDIT, "new": Perm.PLAN_EDIT, "targets": Perm.PLAN_EDIT, "progress": Perm.PROGRESS_EDIT}

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

    def action_findings(self) -> None:
        from itatui.tui.plan.import_findings import ImportFindingsScreen

        if self.plan is not None:
            self.app.push_screen(ImportFindingsScreen(self.plan.id, self.plan.title))

    def _can(self, perm: Perm) -> bool:
        if self.can(perm):
            return True
        self.notify(t("err.permission"), severity="error")
        return False

    def action_edit(self) -> None:
        row = self._row_project()
        if row is None:
            self.notify(t("plan.select_project"), severity="warning")
        elif self.plan is not None and self._can(Perm.PLAN_EDIT):
            self.edit_project(row.id)

    def action_new(self) -> None:
        if self.plan is not None and self._can(Perm.PLAN_EDIT):
            self.edit_project(None, mission_id=self._row_mission_id())

    @work(exclusive=True, group="plan-dialog", exit_on_error=False)
    async def edit_project(self, project_id: int | None, *, mission_id: int | None = None) -> None:
        """Open the project form (new when ``project_id`` is None); reload the table after a save."""
        from itatui.tui.plan.project_form import ProjectForm

        ctx = self.ctx
        assert self.plan is not None
        plan_id = self.plan.id
        saved = await open_form(
            self, lambda: repo.project_form_data(ctx.engine, ctx.actor, plan_id, project_id, mission_id=mission_id), ProjectForm
        )
        if saved is not None:
            self.notify(t("plan.saved_project", number=digits(str(saved.edit.number), self.thai_digits)))
            self.reload()
            self.call_after_refresh(self._restore_cursor, f"p:{saved.project_id}")

    def action_progress(self) -> None:
        row = self._row_project()
        if row is None:
            self.notify(t("plan.select_project"), severity="warning")
        elif self._can(Perm.PROGRESS_EDIT):
            self.edit_progress(row.id)

    @work(exclusive=True, group="plan-dialog", exit_on_error=False)
    async def edit_progress(self, project_id: int) -> None:
        from itatui.tui.plan.progress_form import ProgressForm

        ctx = self.ctx
        years = self.plan.years if self.plan else (self.fiscal_year,)
        fy = min(max(self.fiscal_year, years[0]), years[-1])
        saved = await open_form(
            self, lambda: progress_repo.progress_form_data(ctx.engine, ctx.actor, project_id, fy, default_round(fy)), ProgressForm
        )
        if saved is not None:
            self.notify(t("msg.saved"))
            self.reload()

    def action_targets(self) -> None:
        if self.plan is not None and self._can(Perm.PLAN_EDIT):
            self.edit_targets()

    @work(exclusive=True, group="plan-dialog", exit_on_error=False)
    async def edit_targets(self) -> None:
        from itatui.tui.plan.targets_form import TargetsForm

        ctx = self.ctx
        plan = self.plan
        assert plan is not None
        saved = await open_form(
            self, lambda: repo.list_targets(ctx.engine, ctx.actor, plan.id), lambda targets: TargetsForm(plan, tuple(targets))
        )
        if saved is not None:
            self.notify(t("msg.saved"))
            if self._summary_shown:
                self.load_summary()

    # ------------------------------------------------------------------------------------------ summary

    def action_summary(self) -> None:
        self._set_summary(not self._summary_shown)

    def _set_summary(self, shown: bool) -> None:
        self._summary_shown = shown
        self.set_class(shown, "-summary")
        if shown:
            self.load_summary()
        elif self.is_mounted:
            self.query_one("#plan-table", DataTable).focus()

    @work(thread=True, exclusive=True, group="plan-summary", exit_on_error=False)
    def load_summary(self) -> None:
        ctx = self.ctx
        worker = get_current_worker()
        try:
            plan = self.plan or repo.current_plan(
                ctx.engine, ctx.actor, organisation_id=ctx.organisation_id, fiscal_year=self.fiscal_year
            )
            if plan is None:
                return
            summary = repo.plan_summary(ctx.engine, ctx.actor, plan.id, self.fiscal_year)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self._load_failed, exc)
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_summary, summary)

    def _show_summary(self, summary: repo.PlanSummary) -> None:
        self.query_one("#plan-summary", PlanSummaryPanel).show(summary, self.thai_digits)

    def _refresh_summary_view(self) -> None:
        panel = self.query_one("#plan-summary", PlanSummaryPanel)
        if panel.summary is not None:
            panel.show(panel.summary, self.thai_digits)
