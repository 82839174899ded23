"""The progress form on a bare host App: Thai input, reasons, KPI actuals, the locked year and unlocking."""

from __future__ import annotations

from textual.widgets import Input, Select, TextArea

from itatui.domain.eplan import Status
from itatui.domain.roles import Role
from itatui.store.plan import progress
from itatui.store.accounts import create_user
from itatui.store.plan.progress import ProgressEdit, ProgressInfo
from itatui.tui.plan.progress_form import ProgressForm
from itatui.tui.widgets.form_errors import FormErrors
from tests.plan_fixtures import make_ctx
from tests.tui.pilot_util import settle, type_text
from tests.tui.test_project_form import UNSET, FormHost

REMARK = "ผู้สูงอายุเข้าร่วม ๑๒๐ คน น้ำใจดีมาก"


async def _set(pilot, widget_id: str, text: str) -> None:
    widget = pilot.app.screen.query_one(f"#{widget_id}")
    widget.focus()
    if isinstance(widget, Input):
        widget.value = ""
    else:
        widget.text = ""
    await type_text(pilot, text)


async def test_report_typed_in_thai_is_saved_as_typed(engine, admin, small):
    data = progress.progress_form_data(engine, admin, small["p1"], 2567, 1)
    app = FormHost(make_ctx(engine, admin, small), ProgressForm(data))
    async with app.run_test(size=(100, 40)) as pilot:
        await _set(pilot, "amount_local_plan", "๑๐,๐๐๐.-")
        await _set(pilot, "amount_ordinance", "10,000")
        await _set(pilot, "amount_spent", "๔,๕๐๐")
        app.screen.query_one("#status", Select).value = Status.NOT_POSSIBLE
        await pilot.pause()
        assert app.screen.query_one("#reason-row").display  # the reason appears only for "not possible"
        app.screen.query_one("#reason", Select).value = "other"
        await pilot.pause()
        await _set(pilot, "reason_text", "น้ำท่วมพื้นที่จัดงาน")
        await _set(pilot, "remark", REMARK)
        await _set(pilot, f"kpi_{small['kpi']}", "ร้อยละ ๘๕.๕")
        await pilot.press("ctrl+s")
        await settle(pilot)
    info = app.result
    assert isinstance(info, ProgressInfo)
    assert (info.amount_local_plan, info.amount_ordinance, info.amount_spent) == (10000, 10000, 4500)
    assert info.status == "not_possible" and info.not_possible_reason == "other"
    assert info.reason_text == "น้ำท่วมพื้นที่จัดงาน" and info.remark == REMARK
    assert progress.progress_form_data(engine, admin, small["p1"], 2567, 1).kpis[0].actual == 85.5


async def test_problems_shown_together_and_text_kept(engine, admin, small):
    data = progress.progress_form_data(engine, admin, small["p1"], 2567, 2)
    app = FormHost(make_ctx(engine, admin, small), ProgressForm(data))
    async with app.run_test(size=(80, 24)) as pilot:
        await _set(pilot, "amount_spent", "-20")
        await _set(pilot, "remark", REMARK)
        await pilot.press("ctrl+s")
        await pilot.pause()
        messages = app.screen.query_one(FormErrors).messages
        assert len(messages) == 2
        assert any("ต้องไม่ติดลบ" in m for m in messages) and any("กรุณาเลือกสถานะ" in m for m in messages)
        assert app.screen.query_one("#remark", TextArea).text == REMARK
        assert app.screen.query_one("#amount_spent", Input).value == "-20"
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None
    assert progress.list_progress(engine, admin, small["p1"]) == []


async def test_locked_year_refused_then_unlocked_by_admin(engine, admin, small):
    officer = create_user(engine, admin, "officer", "password-1", {Role.PLAN_OFFICER}).actor()
    progress.save_progress(engine, officer, small["p3"], 2566, 2, ProgressEdit(20000, 20000, 19500, Status.DONE))
    # the officer sees the lock and cannot unlock
    data = progress.progress_form_data(engine, officer, small["p3"], 2566, 2)
    app = FormHost(make_ctx(engine, officer, small), ProgressForm(data))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-locked")
        assert app.screen.query_one("#amount_spent", Input).disabled
        assert not app.screen.query_one("#unlock-row").display
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "ถูกล็อก" in app.screen.query_one(FormErrors).messages[0]
    assert app.result is UNSET
    # the administrator unlocks with a reason, then edits and saves
    data = progress.progress_form_data(engine, admin, small["p3"], 2566, 2)
    app = FormHost(make_ctx(engine, admin, small), ProgressForm(data))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#unlock-row").display
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert "กรุณาระบุเหตุผลในการปลดล็อก" in app.screen.query_one(FormErrors).messages[0]
        await _set(pilot, "unlock_reason", "ยอดเบิกจ่ายพิมพ์ผิด")
        await pilot.press("ctrl+u")
        await settle(pilot)
        assert not app.screen.has_class("-locked")
        assert not app.screen.query_one("#amount_spent", Input).disabled
        await _set(pilot, "amount_spent", "๑๙,๐๐๐")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert isinstance(app.result, ProgressInfo) and app.result.amount_spent == 19000 and app.result.locked


async def test_switching_round_loads_that_report(engine, admin, small):
    progress.save_progress(engine, admin, small["p1"], 2568, 1, ProgressEdit(None, None, 1234, Status.IN_PROGRESS))
    data = progress.progress_form_data(engine, admin, small["p1"], 2568, 2)
    app = FormHost(make_ctx(engine, admin, small), ProgressForm(data))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#amount_spent", Input).value == ""
        app.screen.query_one("#round", Select).value = 1
        await settle(pilot)
        assert app.screen.data.round == 1
        assert app.screen.query_one("#amount_spent", Input).value == "1,234"
