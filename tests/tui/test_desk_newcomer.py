"""The complaint desk as a new user meets it: the 15-day clock in view, refusals explained, units, wording."""

from __future__ import annotations

from datetime import timedelta

import pytest

from itatui.store import complaints as core
from itatui.store.models.base import utcnow
from itatui.tui.forms.queue_filters import YEAR_ALL, QueueView
from itatui.tui.screens.complaints import ComplaintsScreen
from itatui.tui.widgets.paged_table import PagedTable
from tests.tui.complaint_desk import DeskHost, make_desk, settle


@pytest.fixture
def desk(engine, admin):
    return make_desk(engine, admin)


def _draft(subject: str, days_ago: int) -> core.ComplaintDraft:
    return core.ComplaintDraft(kind="general", channel="walk_in", subject=subject,
                               received_at=utcnow() - timedelta(days=days_ago), anonymous=True)


@pytest.mark.parametrize("width", [80, 120])
async def test_due_date_and_days_left_are_in_view(desk, width):
    core.create_complaint(desk.engine, desk.desk, _draft("ไฟทางดับหน้าวัด", 3))
    app = DeskHost(desk.ctx(desk.desk), ComplaintsScreen)
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        app.screen.set_view(QueueView(year=YEAR_ALL))
        await settle(pilot)
        table = app.screen.query_one("#desk-queue", PagedTable).table
        header = table.render_line(0).text
        assert "กำหนดแจ้งผล" in header and "คงเหลือ" in header
        assert "12" in table.render_line(1).text  # 15 days − 3: the days left, on screen
