"""PagedTable over the real complaint queue: one page at a time, page keys fetch pages, never more rows than a page."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from itatui.store import complaints as core
from itatui.store.complaints.seed import seed_complaints
from itatui.tui.widgets.paged_table import PagedColumn, PagedTable
from tests.tui.complaint_desk import make_desk, settle

PAGE = 20
N = 300


class TableHost(App):
    def __init__(self, fetch, page_size: int | None = PAGE) -> None:  # noqa: ANN001
        super().__init__()
        self.fetch = fetch
        self.calls: list[tuple[int, int]] = []
        self.page_size = page_size

    def compose(self) -> ComposeResult:
        yield PagedTable([PagedColumn("id", "id", 8), PagedColumn("subject", "subject", 40)],
                         lambda r: [str(r.id), r.subject], page_size=self.page_size, id="t")

    def on_mount(self) -> None:
        def counted(offset: int, limit: int):  # noqa: ANN202
            self.calls.append((offset, limit))
            return self.fetch(offset, limit)

        table = self.query_one(PagedTable)
        table.set_source(counted)
        table.focus_table()


@pytest.fixture
def seeded(engine, admin):
    desk = make_desk(engine, admin)
    seed_complaints(engine, N, seed=7, corruption_share=0.0)
    return desk


def _all_ids(engine, actor) -> list[int]:
    page = core.list_complaints(engine, actor, core.QueueFilters(), "received", True, 0, 500)
    return [r.id for r in page.rows]


def _status(table: PagedTable) -> str:
    return str(table.query_one(".paged-status").render())


async def test_page_keys_fetch_one_page_at_a_time(engine, seeded):
    actor = seeded.desk
    ids = _all_ids(engine, actor)
    assert len(ids) == N

    def fetch(offset: int, limit: int):  # noqa: ANN202
        return core.list_complaints(engine, actor, core.QueueFilters(), "received", True, offset, limit)

    app = TableHost(fetch)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.query_one(PagedTable)
        assert [r.id for r in table.rows] == ids[:PAGE]
        assert table.table.row_count == PAGE
        assert _status(table) == f"แถว 1–{PAGE} จาก {N}"

        await pilot.press("pagedown")
        await settle(pilot)
        assert [r.id for r in table.rows] == ids[PAGE : 2 * PAGE]
        assert table.table.row_count == PAGE
        assert str(table.table.get_cell_at((0, 0))) == str(ids[PAGE])  # the cells moved with the page, in place
        assert _status(table) == f"แถว {PAGE + 1}–{2 * PAGE} จาก {N}"

        await pilot.press("end")
        await settle(pilot)
        assert [r.id for r in table.rows] == ids[(N - 1) // PAGE * PAGE :]
        assert table.table.row_count <= PAGE
        assert table.table.cursor_row == len(table.rows) - 1

        await pilot.press("pageup")
        await settle(pilot)
        start = (N - 1) // PAGE * PAGE - PAGE
        assert [r.id for r in table.rows] == ids[start : start + PAGE]

        await pilot.press("home")
        await settle(pilot)
        assert [r.id for r in table.rows] == ids[:PAGE]
        assert table.table.cursor_row == 0

        # Every request asked the database for one page only.
        assert {limit for _, limit in app.calls} == {PAGE}
        assert [offset for offset, _ in app.calls] == [0, PAGE, (N - 1) // PAGE * PAGE, start, 0]


async def test_arrow_keys_continue_into_the_next_and_previous_page(engine, seeded):
    actor = seeded.desk
    ids = _all_ids(engine, actor)

    def fetch(offset: int, limit: int):  # noqa: ANN202
        return core.list_complaints(engine, actor, core.QueueFilters(), "received", True, offset, limit)

    app = TableHost(fetch, page_size=5)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.query_one(PagedTable)
        for _ in range(4):
            await pilot.press("down")
        assert table.current_row.id == ids[4]
        await pilot.press("down")  # past the last row of the page
        await settle(pilot)
        assert table.start == 5 and table.current_row.id == ids[5] and table.table.row_count == 5
        await pilot.press("up")  # before the first row of the page
        await settle(pilot)
        assert table.start == 0 and table.current_row.id == ids[4]


async def test_a_fitted_page_is_what_the_table_shows(engine, seeded):
    actor = seeded.desk

    def fetch(offset: int, limit: int):  # noqa: ANN202
        return core.list_complaints(engine, actor, core.QueueFilters(), "received", True, offset, limit)

    app = TableHost(fetch, page_size=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.query_one(PagedTable)
        visible = table.table.scrollable_content_region.height - 1  # minus the header row
        assert table.page_size == visible
        assert table.table.row_count == visible
        assert len(app.calls) == 1  # no throw-away fetch before the first layout
        await pilot.press("pagedown")
        await settle(pilot)
        assert table.start == visible and table.table.row_count <= visible


async def test_a_failing_fetch_keeps_the_rows_and_says_so(engine, seeded):
    actor = seeded.desk
    broken = {"now": False}

    def fetch(offset: int, limit: int):  # noqa: ANN202
        if broken["now"]:
            raise RuntimeError("database is locked")
        return core.list_complaints(engine, actor, core.QueueFilters(), "received", True, offset, limit)

    app = TableHost(fetch)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.query_one(PagedTable)
        before = table.rows
        broken["now"] = True
        await pilot.press("pagedown")
        await settle(pilot)
        assert table.rows == before and table.table.row_count == PAGE
        assert _status(table) == "โหลดข้อมูลไม่สำเร็จ"


async def test_a_capped_search_says_so_and_end_still_reaches_its_last_page(engine, admin):
    from itatui.store.complaints.queries import SEARCH_CAP
    from itatui.tui.complaints.queue_filters import YEAR_ALL, QueueView
    from itatui.tui.complaints.queue import ComplaintsScreen
    from tests.tui.complaint_desk import DeskHost

    desk = make_desk(engine, admin)
    seed_complaints(engine, SEARCH_CAP + 200, seed=3, years=1, corruption_share=0.0)  # every detail says "บริเวณ…"
    app = DeskHost(desk.ctx(desk.desk), ComplaintsScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.set_view(QueueView(year=YEAR_ALL))
        screen.set_search("บริเวณ")
        await settle(pilot)
        table = screen.query_one(PagedTable)
        size = table.page_size
        assert table.capped and table.total == SEARCH_CAP
        assert _status(table) == f"แถว 1–{size} จาก 1,000+"
        assert "ระบุคำค้นให้ละเอียดขึ้น" in str(screen.query_one("#desk-filters").render())
        await pilot.press("end")
        await settle(pilot)
        assert table.table.row_count <= size and table.rows
        assert _status(table).endswith("จาก 1,000+")
        expected = core.list_complaints(engine, desk.desk, core.QueueFilters(text="บริเวณ"), limit=size, from_end=True)
        assert [r.id for r in table.rows] == [r.id for r in expected.rows]
        await pilot.press("home")
        await settle(pilot)
        assert table.start == 0 and _status(table) == f"แถว 1–{size} จาก 1,000+"
