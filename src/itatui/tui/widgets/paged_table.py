"""A DataTable that pages through a repository function instead of loading a whole table.

The owner gives a *fetch* callable ``(offset, limit) -> page`` (any object with ``rows`` and ``total``, e.g.
``store.complaints.Page``) and a *render* callable turning one plain row into its cells. A source whose count
may stop early says so with ``page.capped`` (the total is then a lower bound, shown as "10,000+"); for such a
source ``End`` asks for ``offset=LAST`` and the page's own ``offset`` says where it starts (-1: unknown). The widget asks for one
page at a time in a thread worker and holds only that page. Rows are updated in place inside
``app.batch_update()`` (positional row keys ``"0"…"n-1"``), so moving between pages neither flickers nor loses
the scroll position; DataTable slows down with many rows, so it never gets more than a page.

Keys (on the table): PageDown / PageUp next / previous page, Home / End first / last page, and ↓ on the last
row or ↑ on the first continue into the neighbouring page. With ``page_size=None`` a page is as many rows as
the table shows, so PageDown behaves like a pager.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from itatui.domain.thai import digits
from itatui.i18n import t
from itatui.tui.widgets.column_scroll import ColumnScroll
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable, Static
from textual.widgets._data_table import CellType
from textual.worker import get_current_worker

MIN_PAGE = 5
MAX_PAGE = 200
LAST = -1  # the offset asked of a capped source for its last page


class PageLike(Protocol):
    rows: Sequence[Any]
    total: int


Fetch = Callable[[int, int], PageLike]


@dataclass(frozen=True)
class PagedColumn:
    key: str
    label: str
    width: int | None = None


class _PageTable(ColumnScroll, DataTable):
    """The DataTable inside: page keys ask the owner for another page instead of scrolling a long table."""

    # Same keys as DataTable's, re-declared so help (`?`) lists them in the user's language.
    BINDINGS = [
        Binding("enter", "select_cursor", t("key.open"), show=False, id="paged.open"),
        Binding("up", "cursor_up", show=False),
        Binding("down", "cursor_down", show=False),
        Binding("right", "cursor_right", show=False),
        Binding("left", "cursor_left", show=False),
        Binding("pagedown", "page_down", t("desk.paged.next"), show=False, id="paged.next"),
        Binding("pageup", "page_up", t("desk.paged.prev"), show=False, id="paged.prev"),
        Binding("ctrl+pageup", "page_left", t("desk.paged.left"), show=False, id="paged.left"),
        Binding("ctrl+pagedown", "page_right", t("desk.paged.right"), show=False, id="paged.right"),
        Binding("home,ctrl+home", "first_page", t("desk.paged.first"), show=False, id="paged.first"),
        Binding("end,ctrl+end", "last_page", t("desk.paged.last"), show=False, id="paged.last"),
    ]

    @property
    def owner(self) -> PagedTable:
        return self.parent  # type: ignore[return-value]

    def action_page_down(self) -> None:
        self.owner.next_page()

    def action_page_up(self) -> None:
        self.owner.prev_page()

    def action_first_page(self) -> None:
        self.owner.first_page()

    def action_last_page(self) -> None:
        self.owner.last_page()

    def action_cursor_down(self) -> None:
        if self.row_count and self.cursor_row >= self.row_count - 1 and self.owner.has_next:
            self.owner.next_page(cursor="first")
        else:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.cursor_row <= 0 and self.owner.start > 0:
            self.owner.prev_page(cursor="last")
        else:
            super().action_cursor_up()

    def on_resize(self) -> None:
        header = self.header_height if self.show_header else 0
        self.owner.fit_rows(self.scrollable_content_region.height - header)


class PagedTable(Vertical):
    """``set_source(fetch)`` starts at the first page; ``reload()`` fetches the current page again."""

    DEFAULT_CSS = """
    PagedTable { height: 1fr; }
    PagedTable > _PageTable { height: 1fr; }
    PagedTable > .paged-status { height: 1; color: $text-muted; }
    """

    class Loaded(Message):
        """A page arrived (also after an empty result)."""

        def __init__(self, table: PagedTable) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> PagedTable:
            return self.table

    class Chosen(Message):
        """Enter (or a click) on a row: ``row`` is the plain row object the fetch returned."""

        def __init__(self, table: PagedTable, row: Any) -> None:
            super().__init__()
            self.table = table
            self.row = row

        @property
        def control(self) -> PagedTable:
            return self.table

    class Failed(Message):
        def __init__(self, table: PagedTable, error: BaseException) -> None:
            super().__init__()
            self.table = table
            self.error = error

        @property
        def control(self) -> PagedTable:
            return self.table

    def __init__(
        self,
        columns: Sequence[PagedColumn],
        render_row: Callable[[Any], Sequence[CellType]],
        *,
        page_size: int | None = None,
        fixed_columns: int = 0,
        id: str | None = None,  # noqa: A002
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.columns = tuple(columns)
        self.render_row = render_row
        self.fixed_page_size = page_size
        self.fixed_columns = fixed_columns
        self.thai_digits = False
        self.rows: tuple[Any, ...] = ()
        self.total = 0
        self.capped = False  # total is a lower bound (the source stopped counting)
        self.start = 0  # -1: the last page of a result too large to count
        self.fetching = False
        self._fetch: Fetch | None = None
        self._generation = 0  # answers of older requests are dropped
        self._fit = MIN_PAGE
        self._sized = page_size is not None  # a fitted page waits for the first layout
        self._pending: tuple[int, str] | None = None

    def compose(self) -> ComposeResult:
        table = _PageTable(cursor_type="row", fixed_columns=self.fixed_columns, zebra_stripes=True)
        for c in self.columns:
            table.add_column(c.label, width=c.width, key=c.key)
        yield table
        yield Static("", classes="paged-status")

    @property
    def table(self) -> DataTable:
        return self.query_one(_PageTable)

    # ------------------------------------------------------------------------------------------ paging

    @property
    def page_size(self) -> int:
        """Rows per page: fixed, or as many as the table shows."""
        return self.fixed_page_size or self._fit

    @property
    def has_next(self) -> bool:
        if self.start < 0:
            return False  # already the last page
        if self.capped:
            return len(self.rows) >= self.page_size
        return self.start + len(self.rows) < self.total

    def set_source(self, fetch: Fetch, *, keep_offset: bool = False) -> None:
        """Page through ``fetch`` from the first page (or from the current offset)."""
        self._fetch = fetch
        self._request(self.start if keep_offset else 0, "keep" if keep_offset else "first")

    def reload(self) -> None:
        if self._fetch is not None:
            self._request(self.start, "keep")

    def next_page(self, cursor: str = "keep") -> None:
        if self.has_next:
            self._request(self.start + self.page_size, cursor)

    def prev_page(self, cursor: str = "keep") -> None:
        # From a last page of unknown position there is no page before to name: Home starts over.
        if self.start > 0:
            self._request(max(0, self.start - self.page_size), cursor)

    def first_page(self) -> None:
        if self.start != 0:
            self._request(0, "first")
        elif self.rows:
            self.table.move_cursor(row=0)

    def last_page(self) -> None:
        last = LAST if self.capped else self._last_offset(self.total)
        if last != self.start:
            self._request(last, "last")
        elif self.rows:
            self.table.move_cursor(row=len(self.rows) - 1)

    def _last_offset(self, total: int) -> int:
        size = self.page_size
        return max(0, (total - 1) // size * size) if total else 0

    def _request(self, offset: int, cursor: str) -> None:
        if self._fetch is None:
            return
        if not self._sized:
            self._pending = (offset, cursor)
            return
        self._generation += 1
        self.fetching = True
        self._show_status()
        self._load(self._fetch, self._generation, offset, self.page_size, cursor)

    @work(thread=True, exclusive=True, group="paged-table", exit_on_error=False)
    def _load(self, fetch: Fetch, generation: int, offset: int, limit: int, cursor: str) -> None:
        worker = get_current_worker()
        try:
            page = fetch(offset, limit)
            if not page.rows and page.total and offset > 0:
                # Fewer rows than before (a filter, a closed case): show the last page there is.
                offset = max(0, (page.total - 1) // limit * limit)
                page = fetch(offset, limit)
        except Exception as exc:  # noqa: BLE001 - shown by the owner; the table keeps its rows
            if not worker.is_cancelled:
                self.app.call_from_thread(self._failed, generation, exc)
            return
        start = int(getattr(page, "offset", offset)) if offset == LAST else offset
        capped = bool(getattr(page, "capped", False))
        if not worker.is_cancelled:
            self.app.call_from_thread(self._apply, generation, start, tuple(page.rows), page.total, capped, cursor)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.fetching = False
        self._show_status(t("desk.paged.failed"))
        self.post_message(self.Failed(self, exc))

    def _apply(self, generation: int, offset: int, rows: tuple[Any, ...], total: int, capped: bool, cursor: str) -> None:
        if generation != self._generation:
            return
        keep_row = self.table.cursor_row
        self.fetching = False
        self.rows, self.total, self.start, self.capped = rows, total, offset, capped
        self._fill()
        if rows:
            row = {"first": 0, "last": len(rows) - 1}.get(cursor, min(max(keep_row, 0), len(rows) - 1))
            self.table.move_cursor(row=row, animate=False)
        self._show_status()
        self.post_message(self.Loaded(self))

    def rerender(self) -> None:
        """Draw the held rows again (the digit style changed); nothing is fetched."""
        self._fill()
        self._show_status()

    def _fill(self) -> None:
        table = self.table
        with self.app.batch_update():
            for i, row in enumerate(self.rows):
                # A plain string cell would be read as Rich markup: "[b]" typed in a subject must show as typed.
                cells = [Text(c) if isinstance(c, str) else c for c in self.render_row(row)]
                if i < table.row_count:
                    for j, value in enumerate(cells):
                        table.update_cell_at(Coordinate(i, j), value)
                else:
                    table.add_row(*cells, key=str(i))
            for i in range(table.row_count - 1, len(self.rows) - 1, -1):
                table.remove_row(str(i))

    # ------------------------------------------------------------------------------------------ rows

    @property
    def current_row(self) -> Any | None:
        row = self.table.cursor_row
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        row = self.current_row
        if row is not None:
            self.post_message(self.Chosen(self, row))

    def focus_table(self) -> None:
        self.table.focus()

    # ------------------------------------------------------------------------------------------ layout

    def fit_rows(self, visible: int) -> None:
        """The table's height changed: a fitted page follows it (the first layout starts the first fetch)."""
        if self.fixed_page_size is not None or visible <= 0:
            return
        fit = max(MIN_PAGE, min(MAX_PAGE, visible))
        first = not self._sized
        self._sized = True
        if fit == self._fit and not first:
            return
        self._fit = fit
        if self._pending is not None:
            offset, cursor = self._pending
            self._pending = None
            self._request(offset, cursor)
        elif self._fetch is not None:
            self._request(self.start, "keep")

    def _show_status(self, text: str | None = None) -> None:
        if text is None:
            thai = self.thai_digits
            total = digits(f"{self.total:,}", thai) + ("+" if self.capped else "")
            if self.fetching and not self.rows:
                text = t("desk.paged.loading")
            elif self.total == 0:
                text = t("desk.paged.empty")
            elif self.start < 0:
                text = t("desk.paged.last_rows", k=digits(str(len(self.rows)), thai), n=total)
            else:
                first, last = self.start + 1, self.start + len(self.rows)
                text = t("desk.paged.rows", a=digits(f"{first:,}", thai), b=digits(f"{last:,}", thai), n=total)
        self.query_one(".paged-status", Static).update(text)
