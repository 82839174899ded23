"""The project form on a bare host App: Thai typing round-trips, every problem at once, failed saves keep text."""

from __future__ import annotations

from sqlmodel import Session, select
from textual.widgets import Input, TextArea

from itatui.store import plan as repo
from itatui.store.models import AuditLog, Budget
from itatui.tui.plan.project_form import ProjectForm, ProjectSaved
from itatui.tui.widgets.form_errors import FormErrors
from tests.plan_fixtures import make_ctx
from tests.tui.host import UNSET, ScreenHost
from tests.tui.pilot_util import type_text

THAI_NAME = "โครงการพัฒนาคุณภาพการให้บริการ ผู้สูงอายุ น้ำใจ"


def FormHost(ctx, form) -> ScreenHost:  # noqa: N802  (reads as the App it makes)
    """A plan form on the shared host, in fiscal year 2567."""
    return ScreenHost(ctx, form, fiscal_year=2567)


async def _type(pilot, widget_id: str, text: str, *, clear: bool = True) -> None:
    widget = pilot.app.screen.query_one(f"#{widget_id}")
    widget.focus()
    if clear:
        if isinstance(widget, Input):
            widget.value = ""
        else:
            widget.text = ""
    await type_text(pilot, text)


async def test_new_project_typed_in_thai_round_trips(engine, admin, small):
    data = repo.project_form_data(engine, admin, small["plan"], None, mission_id=small["m12"])
    app = FormHost(make_ctx(engine, admin, small), ProjectForm(data))
    async with app.run_test(size=(100, 40)) as pilot:
        await _type(pilot, "name", THAI_NAME)
        await _type(pilot, "budget_2566", "๑๒,๕๐๐.-")
        await _type(pilot, "objectives", "เพื่อให้ผู้สูงอายุได้รับบริการที่ดี")
        assert app.screen.query_one("#name", Input).value == THAI_NAME
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    result = app.result
    assert isinstance(result, ProjectSaved) and result.created
    assert result.edit.name == THAI_NAME
    assert result.edit.budgets[2566] == 12500
    assert result.edit.objectives == ("เพื่อให้ผู้สูงอายุได้รับบริการที่ดี",)
    sheet = repo.project_sheet(engine, admin, result.project_id, 2566)
    assert sheet.name == THAI_NAME and sheet.budgets[0] == (2566, 12500) and sheet.mission_code == "1.2"


async def test_every_problem_shown_together_and_text_kept(engine, admin, small):
    data = repo.project_form_data(engine, admin, small["plan"], small["p3"])
    app = FormHost(make_ctx(engine, admin, small), ProjectForm(data))
    async with app.run_test(size=(80, 24)) as pilot:
        await _type(pilot, "name", "")
        await _type(pilot, "budget_2567", "-300")
        await _type(pilot, "budget_2568", "สองหมื่น")
        await _type(pilot, "rationale", "เหตุผลใหม่ ที่พิมพ์ไว้")
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = app.screen.query_one(FormErrors)
        assert len(errors.messages) == 3
        text = "\n".join(errors.messages)
        assert "กรุณากรอกชื่อโครงการ" in text and "ต้องไม่ติดลบ" in text and "ต้องเป็นตัวเลข" in text
        assert app.screen.query_one("#budget_2567").has_class("-invalid")
        # nothing lost, the form still open
        assert isinstance(app.screen, ProjectForm)
        assert app.screen.query_one("#budget_2568", Input).value == "สองหมื่น"
        assert app.screen.query_one("#rationale", TextArea).text == "เหตุผลใหม่ ที่พิมพ์ไว้"
        # fix them and save
        await _type(pilot, "name", "โครงการพัฒนาศูนย์ข้อมูลข่าวสาร")
        await _type(pilot, "budget_2567", "๓๐,๐๐๐")
        await _type(pilot, "budget_2568", "")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert isinstance(app.result, ProjectSaved)
    with Session(engine) as s:
        amounts = {b.fiscal_year: b.amount for b in s.exec(select(Budget).where(Budget.project_id == small["p3"])).all()}
        assert amounts[2567] == 30000 and amounts[2568] is None
        assert s.exec(select(AuditLog).where(AuditLog.entity == "project")).first() is not None


async def test_core_refusal_keeps_the_form_open(engine, admin, small):
    # number 1 is taken: only the core can tell (the form's own checks pass)
    data = repo.project_form_data(engine, admin, small["plan"], small["p3"])
    app = FormHost(make_ctx(engine, admin, small), ProjectForm(data))
    async with app.run_test(size=(100, 40)) as pilot:
        await _type(pilot, "number", "1")
        await _type(pilot, "name", THAI_NAME)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ProjectForm)
        assert any("มีโครงการลำดับที่ 1" in m for m in app.screen.query_one(FormErrors).messages)
        assert app.screen.query_one("#name", Input).value == THAI_NAME
        await pilot.press("escape")  # typed data: asked first
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert app.result is None
    assert repo.project_sheet(engine, admin, small["p3"]).name == "โครงการพัฒนาศูนย์ข้อมูลข่าวสาร"


async def test_viewer_save_refused_and_text_kept(engine, admin, small):
    from itatui.domain.roles import Role
    from itatui.store.accounts import create_user

    viewer = create_user(engine, admin, "viewer", "password-1", {Role.VIEWER}).actor()
    data = repo.project_form_data(engine, viewer, small["plan"], small["p1"])
    app = FormHost(make_ctx(engine, viewer, small), ProjectForm(data))
    async with app.run_test(size=(100, 40)) as pilot:
        await _type(pilot, "name", THAI_NAME)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "ไม่มีสิทธิ์" in app.screen.query_one(FormErrors).messages[0]
        assert app.screen.query_one("#name", Input).value == THAI_NAME


async def test_database_error_keeps_what_was_typed(engine, admin, small, monkeypatch):
    from sqlalchemy.exc import OperationalError

    def broken(*_args, **_kwargs):
        raise OperationalError("UPDATE project", {}, Exception("database is locked"))

    monkeypatch.setattr(repo, "save_project", broken)
    data = repo.project_form_data(engine, admin, small["plan"], small["p1"])
    app = FormHost(make_ctx(engine, admin, small), ProjectForm(data))
    async with app.run_test(size=(100, 40)) as pilot:
        await _type(pilot, "name", THAI_NAME)
        await _type(pilot, "budget_2570", "๑๒,๕๐๐.-")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        message = app.screen.query_one(FormErrors).messages[0]
        # SQLite's busy timeout ran out: told in Thai (another desk, nothing saved, try again), not in SQLite's words
        assert message.startswith("บันทึกไม่สำเร็จ") and "โต๊ะอื่น" in message and "database is locked" not in message
        assert app.screen.query_one("#name", Input).value == THAI_NAME
        assert app.screen.query_one("#budget_2570", Input).value == "๑๒,๕๐๐.-"
    assert app.result is UNSET
