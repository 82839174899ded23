"""The complaint desk as a new user meets it: the 15-day clock in view, refusals explained, units, wording."""

from __future__ import annotations

from datetime import timedelta

import pytest

from itatui.store import complaints as core
from itatui.store.models.base import utcnow
from itatui.tui.complaints.queue_filters import YEAR_ALL, QueueView
from itatui.tui.complaints.queue import ComplaintsScreen
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
    from itatui.tui.complaints.case import ComplaintCaseScreen

    app = ItaApp()
    app.title = "เทศบาลตำบลเขมราฐ"
    assert app.screen_label(ComplaintCaseScreen(1)) == "เรื่องร้องเรียน (รายเรื่อง)"


async def test_escape_on_a_typed_intake_asks_before_discarding(desk):
    from itatui.tui.complaints.intake import ComplaintIntakeForm
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


async def test_log_out_then_a_complaint_officer_lands_on_the_queue(engine, admin):
    from textual.widgets import Input

    from itatui.domain.roles import Role
    from itatui.store.accounts import create_user
    from itatui.store.org import save_organisation
    from itatui.tui.app import ItaApp
    from itatui.tui.shell.login import LoginScreen
    from itatui.tui.plan.table import PlanScreen

    save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ", "เขมราฐ", "อุบลราชธานี")
    create_user(engine, admin, "desk", "desk-pass-1", {Role.COMPLAINT_OFFICER})
    app = ItaApp(engine)

    async def log_in(pilot, user: str, password: str) -> None:  # noqa: ANN001
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen)
        app.screen.query_one("#username", Input).value = user
        field = app.screen.query_one("#password", Input)
        field.value = password
        field.focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()

    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "admin", "admin-pass-1")
        assert isinstance(app.screen, PlanScreen)  # the administrator: the plan
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.ctx is None and isinstance(app.screen, LoginScreen)
        await log_in(pilot, "desk", "desk-pass-1")
        assert app.ctx.actor.username == "desk"
        assert isinstance(app.screen, ComplaintsScreen) and app.current_mode == "complaints"


async def test_x_on_a_forwarded_case_says_why(desk):
    from itatui.tui.complaints.case import ComplaintCaseScreen

    made = core.create_complaint(desk.engine, desk.desk, _draft("ไฟทางดับหน้าวัด", 1))
    unit_id = core.unit_choices(desk.engine, desk.desk)[0].id
    core.forward(desk.engine, desk.desk, made.id, unit_id, "ส่งกองช่าง")
    app = DeskHost(desk.ctx(desk.desk), lambda: ComplaintCaseScreen(made.id))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ComplaintCaseScreen)
        messages = [n.message for n in app._notifications]
        assert any("แจ้งผล" in m and "r" in m for m in messages), messages


async def test_a_viewer_sees_editing_keys_greyed_and_pressing_one_explains(engine, admin):
    from itatui.domain.roles import Role
    from itatui.store.accounts import create_user
    from itatui.tui.plan.table import PlanScreen
    from tests.plan_fixtures import build_small_plan, make_ctx
    from tests.tui.test_plan_screen import PlanHost

    small = build_small_plan(engine)
    viewer = create_user(engine, admin, "viewer", "password-1", {Role.VIEWER}).actor()
    app = PlanHost(make_ctx(engine, viewer, small))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        assert screen.check_action("edit", ()) is None and screen.check_action("new", ()) is None  # greyed in the footer
        assert screen.check_action("progress", ()) is None
        await pilot.press("e")
        await settle(pilot)
        assert any("ไม่มีสิทธิ์แก้ไขแผน" in n.message for n in app._notifications)


async def test_the_receipt_minute_is_the_minute_the_intake_form_showed(desk):
    from itatui.tui.complaints.intake import ComplaintIntakeForm, format_received

    units = tuple(core.unit_choices(desk.engine, desk.desk))
    app = DeskHost(desk.ctx(desk.desk), lambda: ComplaintIntakeForm(units=units, kinds=("general", "corruption")))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        form = app.screen
        shown = form.query_one("#received_at").value
        draft, problems = form.draft()
        assert not problems and draft.received_at is not None
        assert format_received(draft.received_at) == shown  # saved (and printed) as shown, not the save's minute
