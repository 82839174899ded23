"""The complaint queue (ComplaintsScreen) on a bare host App over a real SQLite file: paging, urgency colours,
filters, sort, Thai search, the lookup by tracking code."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Checkbox, Select

from itatui.domain.complaint_clock import local_date, today_local
from itatui.domain.fiscal import fiscal_year
from itatui.domain.roles import Role
from itatui.store import complaints as core
from itatui.store.accounts import create_user
from itatui.store.complaints.seed import seed_complaints
from itatui.store.models.base import utcnow
from itatui.tui.complaints.queue_filters import YEAR_ALL, QueueFiltersForm, QueueView
from itatui.tui.complaints.case import ComplaintCaseScreen
from itatui.tui.complaints.queue import ComplaintsScreen
from itatui.tui.complaints.tracking_lookup import TrackingLookupScreen
from itatui.tui.widgets.complaint_labels import OVERDUE_STYLE, SOON_STYLE
from itatui.tui.widgets.paged_table import PagedTable
from tests.tui.complaint_desk import DeskHost, settle, type_text

DAYS_COL = 2  # "days left" column (beside the due date, in view at 80 columns)
REG_COL = 0


def _queue(app) -> PagedTable:  # noqa: ANN001
    return app.screen.query_one("#desk-queue", PagedTable)


def _draft(subject: str, days_ago: int, **kw) -> core.ComplaintDraft:  # noqa: ANN003
    return core.ComplaintDraft(kind="general", channel=kw.pop("channel", "walk_in"), subject=subject,
                               received_at=utcnow() - timedelta(days=days_ago), anonymous=True, **kw)


async def test_pages_never_hold_more_than_a_page(desk):
    seed_complaints(desk.engine, 300, seed=11, years=1, corruption_share=0.0)
    app = DeskHost(desk.ctx(desk.desk), ComplaintsScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.set_view(QueueView(year=YEAR_ALL))
        await settle(pilot)
        queue = _queue(app)
        size = queue.page_size
        assert queue.total == 300 and queue.table.row_count == size <= 24
        first = [r.id for r in queue.rows]
        await pilot.press("pagedown")
        await settle(pilot)
        assert queue.start == size and queue.table.row_count <= size
        assert not set(first) & {r.id for r in queue.rows}
        expected = core.list_complaints(desk.engine, desk.desk, core.QueueFilters(), "received", True, size, size)
        assert [r.id for r in queue.rows] == [r.id for r in expected.rows]


async def test_overdue_in_red_and_due_soon_in_amber(desk):
    late = core.create_complaint(desk.engine, desk.desk, _draft("ไฟทางดับ ซอยวัดกลาง", 20))
    soon = core.create_complaint(desk.engine, desk.desk, _draft("ท่อระบายน้ำอุดตัน", 13))
    fresh = core.create_complaint(desk.engine, desk.desk, _draft("ขอให้ตัดหญ้าข้างทาง", 0))
    app = DeskHost(desk.ctx(desk.desk), ComplaintsScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.set_view(QueueView(year=YEAR_ALL))
        await settle(pilot)
        queue = _queue(app)
        index = {r.id: i for i, r in enumerate(queue.rows)}
        cell = queue.table.get_cell_at
        late_days = cell((index[late.id], DAYS_COL))
        assert str(late_days) == f"เกินกำหนด {(today_local() - late.due_date).days} วัน"
        assert str(late_days.style) == OVERDUE_STYLE and str(cell((index[late.id], REG_COL)).style) == OVERDUE_STYLE
        soon_days = cell((index[soon.id], DAYS_COL))
        assert str(soon_days.style) == SOON_STYLE and str(soon_days) == "เหลือ 2 วัน"
        fresh_days = cell((index[fresh.id], DAYS_COL))
        assert str(fresh_days) == "เหลือ 15 วัน" and str(fresh_days.style) == ""


async def test_filters_narrow_the_queue_by_keyboard(desk):
    seed_complaints(desk.engine, 200, seed=5, years=1, corruption_share=0.2)
    app = DeskHost(desk.ctx(desk.desk), ComplaintsScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        queue = _queue(app)
        everything = queue.total
        await pilot.press("f")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, QueueFiltersForm)
        # the channel select, by keyboard: open, down past "any" and walk-in, pick "phone"
        form.query_one("#f-channel", Select).focus()
        await pilot.press("enter", "down", "down", "enter")
        await pilot.pause()
        assert form.query_one("#f-channel", Select).value == "phone"
        form.query_one("#f-year", Select).value = YEAR_ALL
        form.query_one("#f-overdue", Checkbox).focus()
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ComplaintsScreen)
        assert screen.view == QueueView(channel="phone", year=YEAR_ALL, overdue_only=True)
        expected = core.list_complaints(desk.engine, desk.desk, core.QueueFilters(channel="phone", overdue_only=True), limit=500)
        assert 0 < queue.total == expected.total < everything
        assert all(r.channel == "phone" and r.urgency == "overdue" for r in queue.rows)
        line = str(screen.query_one("#desk-filters").render())
        assert "ทุกปีงบประมาณ" in line and "โทรศัพท์" in line and "เฉพาะเรื่องที่เกินกำหนด" in line
        await pilot.press("escape")  # clears the filters again
        await settle(pilot)
        assert screen.view == QueueView() and queue.total == everything


async def test_slash_searches_thai_text(desk):
    seed_complaints(desk.engine, 150, seed=9, years=1, corruption_share=0.0)
    wanted = core.create_complaint(desk.engine, desk.desk, _draft("ต้นมะขามใหญ่ล้มขวางถนน", 1,
                                                                   details="กิ่งมะขามพาดสายไฟหน้าวัด"))
    app = DeskHost(desk.ctx(desk.desk), ComplaintsScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.set_view(QueueView(year=YEAR_ALL))
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "มะขาม")
        await pilot.press("enter")
        await settle(pilot)
        queue = _queue(app)
        assert [r.id for r in queue.rows] == [wanted.id]
        assert app.screen.focused is queue.table
        await pilot.press("slash")
        app.screen.query_one("#desk-search").value = ""
        await type_text(pilot, "ใหญ่ล้ม")  # the middle of words: trigram search needs no word breaks
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.search_text == "ใหญ่ล้ม" and [r.id for r in queue.rows] == [wanted.id]
        await pilot.press("escape")  # on the table: clears the search
        await settle(pilot)
        assert app.screen.search_text == "" and queue.total == 151


async def test_o_cycles_the_sort(desk):
    for days in (2, 10, 5):
        core.create_complaint(desk.engine, desk.desk, _draft(f"เรื่องที่รับเมื่อ {days} วันก่อน", days))
    app = DeskHost(desk.ctx(desk.desk), ComplaintsScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.set_view(QueueView(year=YEAR_ALL))
        await settle(pilot)
        queue = _queue(app)
        received = [r.received_at for r in queue.rows]
        assert received == sorted(received, reverse=True)
        await pilot.press("o")
        await settle(pilot)
        due = [r.due_date for r in queue.rows]
        assert due == sorted(due)
        assert "ใกล้ครบกำหนดก่อน" in str(app.screen.query_one("#desk-filters").render())


async def test_enter_opens_the_case(desk):
    made = core.create_complaint(desk.engine, desk.desk, _draft("น้ำประปาไม่ไหล", 0))
    app = DeskHost(desk.ctx(desk.desk), ComplaintsScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ComplaintCaseScreen) and app.screen.complaint_id == made.id
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ComplaintsScreen)


async def test_k_reads_out_the_public_status_only(desk):
    made = core.create_complaint(desk.engine, desk.desk, core.ComplaintDraft(
        kind="general", channel="phone", subject="ขยะล้นถังหน้าตลาดสด", complainant_name="นายคำปุน แก้วกล้า", phone="0891234567"))
    core.add_note(desk.engine, desk.desk, made.id, "ผู้ร้องเคยร้องเรื่องนี้มาแล้ว บันทึกภายใน")
    core.notify_complainant(desk.engine, desk.desk, made.id, None, "phone", "เจ้าหน้าที่จะเข้าเก็บขยะภายในวันพรุ่งนี้")
    app = DeskHost(desk.ctx(desk.desk), ComplaintsScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("k")
        await pilot.pause()
        lookup = app.screen
        assert isinstance(lookup, TrackingLookupScreen)
        await type_text(pilot, made.tracking_code.lower().replace("-", " "))
        await pilot.press("enter")
        await settle(pilot)
        shown = str(lookup.query_one("#lookup-status").render())
        assert made.tracking_code in shown and made.registry_display in shown
        assert "เจ้าหน้าที่จะเข้าเก็บขยะภายในวันพรุ่งนี้" in shown
        for private in ("ขยะล้นถัง", "นายคำปุน", "089", "บันทึกภายใน"):
            assert private not in shown
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, ComplaintCaseScreen) and app.screen.complaint_id == made.id


async def test_k_says_when_a_code_is_mistyped(desk):
    made = core.create_complaint(desk.engine, desk.desk, _draft("เสียงดังรบกวน", 0))
    wrong = made.tracking_code[:-1] + ("2" if made.tracking_code[-1] != "2" else "3")
    app = DeskHost(desk.ctx(desk.desk), lambda: TrackingLookupScreen())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, wrong)
        await pilot.press("enter")
        await settle(pilot)
        assert "ไม่ถูกต้อง อาจพิมพ์ผิด" in str(app.screen.query_one("#lookup-message").render())


async def test_a_viewer_sees_the_queue_but_cannot_take_a_complaint(desk, engine):
    core.create_complaint(engine, desk.desk, _draft("ถนนชำรุด", 0))
    viewer = create_user(engine, desk.admin, "viewer", "viewer-pass-1", {Role.VIEWER}, "ผู้อ่าน").actor()
    app = DeskHost(desk.ctx(viewer), ComplaintsScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert _queue(app).total == 1
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ComplaintsScreen)
        assert any("ไม่มีสิทธิ์" in str(n.message) for n in app._notifications)


async def test_the_app_year_drives_the_default_filter(desk):
    made = core.create_complaint(desk.engine, desk.desk, _draft("ไฟดับ", 0))
    this_year = fiscal_year(local_date(made.received_at))
    app = DeskHost(desk.ctx(desk.desk), ComplaintsScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        app.fiscal_year = this_year
        await settle(pilot)
        assert _queue(app).total == 1
        app.fiscal_year = this_year - 1
        await settle(pilot)
        assert _queue(app).total == 0
        assert f"ปีงบประมาณ {this_year - 1}" in str(app.screen.query_one("#desk-filters").render())


async def test_thai_digits_redraw_the_page_without_a_query(desk):
    made = core.create_complaint(desk.engine, desk.desk, _draft("ไฟดับ", 0))
    app = DeskHost(desk.ctx(desk.desk), ComplaintsScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        app.fiscal_year = made.fiscal_year
        await settle(pilot)
        queue = _queue(app)
        assert str(queue.table.get_cell_at((0, REG_COL))) == made.registry_display
        rows_before = queue.rows
        app.thai_digits = True
        await settle(pilot)
        thai = made.registry_display.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
        assert str(queue.table.get_cell_at((0, REG_COL))) == thai
        assert str(queue.query_one(".paged-status").render()) == "แถว ๑–๑ จาก ๑"
        assert queue.rows is rows_before  # drawn again from the page it holds


async def test_a_subject_with_brackets_shows_as_typed(desk):
    """What the desk typed is shown as typed: "[b]" in a subject is text, not Rich markup."""
    from rich.text import Text

    core.create_complaint(desk.engine, desk.desk, _draft("ถนน [b]ชำรุด[/b] หน้าวัด", 1))
    app = DeskHost(desk.ctx(desk.desk), ComplaintsScreen)
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        app.screen.set_view(QueueView(year=YEAR_ALL))
        await settle(pilot)
        row = _queue(app).table.get_row_at(0)
        subjects = [c for c in row if isinstance(c, Text) and "ชำรุด" in c.plain]
        assert subjects and "[b]ชำรุด[/b]" in subjects[0].plain
