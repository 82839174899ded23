"""The public kiosk: a code shows only that case's public status, the screen clears itself, and only a staff
password gets out of it (ctrl+q and ctrl+c open the staff dialog instead of quitting)."""

from __future__ import annotations

from textual.widgets import Input

from itatui.store import complaints as core
from itatui.tui.kiosk import KioskApp, StaffExitScreen
from tests.tui.complaint_desk import DESK_PASSWORD, type_text
from tests.tui.pilot_util import wait_until

NAME = "นายประเสริฐ แก้วกล้า"


def _case(desk, **kw):  # noqa: ANN001, ANN003
    made = core.create_complaint(desk.engine, desk.desk, core.ComplaintDraft(
        kind=kw.get("kind", "corruption"), channel="walk_in", subject="จัดซื้อจัดจ้างไม่โปร่งใส โครงการถนน",
        accused="คณะกรรมการตรวจรับ", complainant_name=NAME, phone="0898765432", details="ราคาสูงกว่าท้องตลาด"))
    core.add_note(desk.engine, desk.desk, made.id, "ตรวจสอบเอกสารสัญญาแล้ว พบพิรุธ")
    core.notify_complainant(desk.engine, desk.desk, made.id, None, "phone", "อยู่ระหว่างรวบรวมข้อเท็จจริง")
    return made


def _status(app: KioskApp) -> str:
    return str(app.screen_stack[0].query_one("#kiosk-status").render())


async def _wait(pilot, seconds: float) -> None:  # noqa: ANN001
    await pilot.pause(seconds)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_code_shows_only_its_public_status_then_clears(desk):
    made = _case(desk)
    other = core.create_complaint(desk.engine, desk.desk, core.ComplaintDraft(
        kind="general", channel="phone", subject="ไฟทางดับ", anonymous=True))
    app = KioskApp(desk.engine, timeout=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await _wait(pilot, 0)
        await type_text(pilot, made.tracking_code)
        await pilot.press("enter")
        await wait_until(pilot, lambda: _status(app), timeout=60)
        shown = _status(app)
        assert made.tracking_code in shown and "อยู่ระหว่างรวบรวมข้อเท็จจริง" in shown
        assert "เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ" in shown  # the kind, not the subject
        for private in ("จัดซื้อจัดจ้าง", NAME, "089", "คณะกรรมการตรวจรับ", "ราคาสูง", "พบพิรุธ", other.tracking_code):
            assert private not in shown
        await wait_until(pilot, lambda: _status(app) == "", timeout=60)  # no key for longer than the timeout
        assert app.query_one("#kiosk-code", Input).value == ""
        assert app.status is None


async def test_an_unknown_or_mistyped_code_says_so(desk):
    made = _case(desk)
    app = KioskApp(desk.engine, timeout=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await _wait(pilot, 0)
        await type_text(pilot, made.tracking_code[:-1] + ("2" if made.tracking_code[-1] != "2" else "3"))
        await pilot.press("enter")
        await _wait(pilot, 0.1)
        assert "อาจพิมพ์ผิด" in str(app.query_one("#kiosk-message").render()) and _status(app) == ""
        await pilot.press("escape")
        await pilot.pause()
        assert app.query_one("#kiosk-code", Input).value == ""


async def test_only_a_staff_password_leaves_the_kiosk(desk):
    app = KioskApp(desk.engine, timeout=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await _wait(pilot, 0)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, StaffExitScreen) and app.is_running
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert isinstance(app.screen, StaffExitScreen) and app.is_running and len(app.screen_stack) == 2
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StaffExitScreen)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert isinstance(app.screen, StaffExitScreen)
        await type_text(pilot, "desk")
        await pilot.press("enter")
        await type_text(pilot, "not-the-password")
        await pilot.press("enter")
        error = app.screen.query_one("#exit-error")
        await wait_until(pilot, lambda: str(error.render()), timeout=60)
        assert app.is_running and isinstance(app.screen, StaffExitScreen)
        assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in str(error.render())
        app.screen.query_one("#exit-password", Input).focus()
        await type_text(pilot, DESK_PASSWORD)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app._exit, timeout=60)  # left: the run ends


async def test_the_staff_dialog_closes_itself_when_left_open(desk):
    app = KioskApp(desk.engine, timeout=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await _wait(pilot, 0)
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, StaffExitScreen), timeout=60)
        await type_text(pilot, "desk")
        await wait_until(pilot, lambda: not isinstance(app.screen, StaffExitScreen), timeout=60)
        assert app.is_running
