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


def test_the_national_id_example_passes_the_checksum():
    import re

    from itatui.domain.idcard import is_valid
    from itatui.i18n import CATALOGUE

    for lang in ("th", "en"):
        example = re.search(r"\d-\d{4}-\d{5}-\d{2}-\d", CATALOGUE["desk.intake.national_id_hint"][lang]).group(0)
        assert is_valid(example.replace("-", ""))


def test_help_over_a_case_is_titled_with_the_screen_not_the_organisation():
    from itatui.tui.app import ItaApp
    from itatui.tui.screens.complaint_case import ComplaintCaseScreen

    app = ItaApp()
    app.title = "เทศบาลตำบลเขมราฐ"
    assert app.screen_label(ComplaintCaseScreen(1)) == "เรื่องร้องเรียน (รายเรื่อง)"


async def test_escape_on_a_typed_intake_asks_before_discarding(desk):
    from itatui.tui.forms.complaint_intake import ComplaintIntakeForm
    from itatui.tui.widgets.confirm_discard import ConfirmDiscard
    from tests.tui.complaint_desk import UNSET, type_into

    units = tuple(core.unit_choices(desk.engine, desk.desk))
    app = DeskHost(desk.ctx(desk.desk), lambda: ComplaintIntakeForm(units=units, kinds=("general", "corruption")))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_into(pilot, "#subject", "ไฟทางดับ")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDiscard) and app.result is UNSET
        await pilot.press("escape")  # = keep editing
        await pilot.pause()
        assert isinstance(app.screen, ComplaintIntakeForm)
        assert app.screen.query_one("#subject").value == "ไฟทางดับ"
