"""The desk end to end through the real shell: log in as a complaint officer → 3 → n → type a walk-in complaint
in Thai → ctrl+s → the receipt (PDF saved) → back to the queue, where the new complaint is the selected row."""

from __future__ import annotations

from textual.widgets import Input

from itatui import paths
from itatui.store import complaints as core
from itatui.tui.app import ItaApp
from itatui.tui.complaints.intake import ComplaintIntakeForm
from itatui.tui.complaints.queue import ComplaintsScreen
from itatui.tui.shell.login import LoginScreen
from itatui.tui.complaints.receipt import ReceiptScreen
from itatui.tui.widgets.paged_table import PagedTable
from tests.tui.complaint_desk import DESK_PASSWORD, make_desk, settle, type_into

SUBJECT = "น้ำประปาไม่ไหลสามวันติดต่อกัน ชุมชนโพธิ์ศรี"
NAME = "นางมาลี ศรีเขมราฐ"


async def test_walk_in_complaint_from_log_in_to_the_queue(engine, admin):
    desk = make_desk(engine, admin)
    app = ItaApp(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        app.screen.query_one("#username", Input).value = "desk"
        password = app.screen.query_one("#password", Input)
        password.value = DESK_PASSWORD
        password.focus()
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        queue_screen = app.screen
        assert isinstance(queue_screen, ComplaintsScreen)
        queue = queue_screen.query_one("#desk-queue", PagedTable)
        assert queue.total == 0

        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ComplaintIntakeForm)
        await type_into(pilot, "#subject", SUBJECT)
        await type_into(pilot, "#complainant_name", NAME)
        await type_into(pilot, "#phone", "081 234 5678")
        await pilot.press("ctrl+s")
        await settle(pilot)

        receipt = app.screen
        assert isinstance(receipt, ReceiptScreen)
        made = core.list_complaints(engine, desk.desk).rows[0]
        assert receipt.data is not None and receipt.data.tracking_code == made.tracking_code
        await pilot.press("p")
        await settle(pilot)
        assert (paths.data_dir() / "receipts" / f"receipt-{made.tracking_code}-A5.pdf").exists()

        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is queue_screen
        assert queue.total == 1
        assert queue.current_row is not None and queue.current_row.id == made.id
        assert queue.current_row.subject == SUBJECT
        assert str(queue.table.get_cell_at((0, 4))) == SUBJECT
    case = core.get_case(engine, desk.desk, made.id)
    assert case.complainant is not None and case.complainant.name == NAME and case.complainant.phone == "081-234-5678"
