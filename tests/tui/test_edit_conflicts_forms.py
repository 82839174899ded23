"""A form whose record another desk saved meanwhile: ctrl+s is refused with who changed what (the fields marked),
what this user typed stays, and a second ctrl+s — now knowing — saves. Project form, risk form, a case action."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual.widgets import Input, Select

from itatui.domain.roles import Role
from itatui.store import complaints as core
from itatui.store import plan as repo
from itatui.store import risks
from itatui.store.accounts import create_user
from itatui.store.seed import seed_demo_plan
from itatui.tui.complaints.actions import CaseActionForm
from itatui.tui.complaints.case import ComplaintCaseScreen
from itatui.tui.plan.project_form import ProjectForm, ProjectSaved
from itatui.tui.risks.risk_form import RiskForm
from itatui.tui.widgets.form_errors import FormErrors
from tests.plan_fixtures import make_ctx
from tests.tui.complaint_desk import DeskHost, settle, type_into
from tests.tui.host import ScreenHost
from tests.tui.pilot_util import type_text


async def _retype(pilot, widget_id: str, text: str) -> None:  # noqa: ANN001
    widget = pilot.app.screen.query_one(f"#{widget_id}", Input)
    widget.focus()
    widget.value = ""
    await type_text(pilot, text)


async def test_project_form_refuses_a_stale_save_keeps_the_text_and_saves_on_the_second_press(engine, admin, small):
    other = create_user(engine, admin, "somjai", "plan-pass-1", {Role.PLAN_OFFICER}, "นางสมใจ").actor()
    data = repo.project_form_data(engine, admin, small["plan"], small["p3"])
    app = ScreenHost(make_ctx(engine, admin, small), ProjectForm(data), fiscal_year=2567)
    async with app.run_test(size=(100, 40)) as pilot:
        await _retype(pilot, "owner", "กองคลัง งานพัสดุ")
        # meanwhile another desk renames the project and saves first
        theirs = repo.project_form_data(engine, other, small["plan"], small["p3"])
        edit = repo.parse_project_draft(replace(theirs.draft, name="ชื่อที่สมใจแก้"), theirs.plan.years)
        repo.save_project(engine, other, small["plan"], edit, project_id=small["p3"], opened_version=theirs.version)

        await pilot.press("ctrl+s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ProjectForm)  # still open
        errors = form.query_one(FormErrors)
        shown = "\n".join(errors.messages)
        assert "somjai" in shown and "ชื่อที่สมใจแก้" in shown and data.draft.name[:20] in shown
        assert "ctrl+s อีกครั้ง" in shown
        assert form.query_one("#name").has_class("-invalid")  # where the other desk changed something
        assert form.query_one("#owner", Input).value == "กองคลัง งานพัสดุ"  # nothing typed is lost
        assert repo.project_form_data(engine, admin, small["plan"], small["p3"]).draft.owner != "กองคลัง งานพัสดุ"

        await pilot.press("ctrl+s")  # knowingly, over the other desk's save
        await settle(pilot)
    assert isinstance(app.result, ProjectSaved)
    stored = repo.project_form_data(engine, admin, small["plan"], small["p3"])
    # the form held the old name, so saving it over the other desk's puts the old name back: the user was shown it
    assert (stored.draft.owner, stored.draft.name, stored.version) == ("กองคลัง งานพัสดุ", data.draft.name, 3)


async def test_risk_form_refuses_a_stale_save(engine, admin):
    seed_demo_plan(engine)
    planner = create_user(engine, admin, "plan1", "plan-pass-1", {Role.PLAN_OFFICER}, "เจ้าหน้าที่แผน").actor()
    today = date(2026, 12, 1)
    assessment = risks.assessment_for_year(engine, admin, 2566)
    settings = risks.risk_settings(engine, admin)
    row = risks.register_page(engine, admin, assessment.id, limit=1, today=today).rows[0]
    from tests.tui.risks.test_register import Host, _ctx

    app = Host(_ctx(engine, planner), RiskForm(assessment, settings, risks.process_choices(engine, admin, assessment.id), row))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await _retype(pilot, "owner", "กองช่าง")
        values, _ = risks.parse_risk({"process": str(row.process_id), "description": row.description, "level": row.level,
                                      "status": "open", "likelihood": "4", "impact": "5"}, settings)
        risks.save_risk(engine, admin, assessment.id, values, row.id, today=today, opened_version=row.version)
        await pilot.press("ctrl+s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, RiskForm)
        shown = "\n".join(form.query_one(FormErrors).messages)
        assert "admin" in shown and "4" in shown
        assert form.query_one("#likelihood").has_class("-invalid")
        assert form.query_one("#owner", Input).value == "กองช่าง"
    assert risks.risk_detail(engine, admin, row.id, today=today).row.owner == ""


async def test_a_stale_forward_is_refused_and_the_case_redrawn(desk):
    cid = core.create_complaint(desk.engine, desk.desk, core.ComplaintDraft(
        kind="general", channel="walk_in", subject="ไฟฟ้าส่องสว่างดับทั้งซอย", anonymous=True)).id
    app = DeskHost(desk.ctx(desk.desk), lambda: ComplaintCaseScreen(cid))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        case_screen = app.screen
        await pilot.press("f")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, CaseActionForm)
        form.query_one("#unit_id", Select).value = desk.units["กองช่าง"]
        await type_into(pilot, "#text", "ส่งให้กองช่างตรวจสอบไฟทาง")
        # the administrator, at another desk, forwards the same case to another unit first
        other = next(u for name, u in desk.units.items() if name != "กองช่าง")
        core.forward(desk.engine, desk.admin, cid, other, opened_version=1)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        shown = "\n".join(form.query_one(FormErrors).messages)
        assert "admin" in shown and "ส่งหน่วยงาน" in shown
        assert form.query_one("#text", Input).value == "ส่งให้กองช่างตรวจสอบไฟทาง"
        assert case_screen.case is not None and case_screen.case.unit_id == other  # redrawn behind the form
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is case_screen
    assert core.get_case(desk.engine, desk.desk, cid).unit_name == "กองช่าง"
