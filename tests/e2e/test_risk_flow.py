"""Issue 9's flow through the real App: log in as the plan officer → screen 2 → add a risk → score it → add a
control picked from the plan → mark its progress → the risk is counted on the heat map, and the cell lists it."""

from __future__ import annotations

from sqlmodel import select
from textual.widgets import Input, Select

from itatui.store.db import session_scope
from itatui.store.demo import prepare_demo
from itatui.store.models import AuditLog, Project, RiskControl, RiskIssue
from itatui.tui.app import ItaApp
from itatui.tui.risks.control_form import ControlForm
from itatui.tui.risks.heat_map import HeatMapView
from itatui.tui.risks.register import RisksScreen
from itatui.tui.risks.risk_detail import RiskScreen
from itatui.tui.risks.risk_form import RiskForm
from tests.tui.pilot_util import rendered_text, settle, type_text


async def _log_in(pilot, user: str, password: str) -> None:  # noqa: ANN001
    await settle(pilot)
    pilot.app.screen.query_one("#username", Input).focus()
    await type_text(pilot, user)
    pilot.app.screen.query_one("#password", Input).focus()
    await type_text(pilot, password)
    await pilot.press("enter")
    await settle(pilot)


async def test_add_score_control_progress_and_heat_map(engine):
    prepare_demo(engine)
    with session_scope(engine) as s:
        project7 = s.exec(select(Project).where(Project.number == 7)).one()
    app = ItaApp(engine, demo=True, fiscal_year=2566)
    async with app.run_test(size=(100, 34)) as pilot:
        await _log_in(pilot, "plan", "demo-plan")
        await pilot.press("2")
        await settle(pilot)
        register = app.screen
        assert isinstance(register, RisksScreen)
        assert register.table.total == 9  # the imported Part 1 table
        bar = str(register.query_one("#risk-bar").render())
        assert "2566" in bar and "9" in bar

        # add a risk, with a score
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, RiskForm)
        form.query_one("#description", Input).focus()
        await type_text(pilot, "เรียกรับเงินเพื่อเร่งออกใบอนุญาตก่อสร้าง")
        form.query_one("#category", Select).value = "bribery"
        form.query_one("#likelihood", Input).focus()
        await type_text(pilot, "๔")  # Thai digits are accepted
        form.query_one("#impact", Input).focus()
        await type_text(pilot, "5")
        await pilot.pause()
        assert "20" in str(form.query_one("#level-preview").render())
        form.query_one("#owner", Input).focus()
        await type_text(pilot, "กองช่าง")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is register
        with session_scope(engine) as s:
            issue = s.exec(select(RiskIssue).where(RiskIssue.description == "เรียกรับเงินเพื่อเร่งออกใบอนุญาตก่อสร้าง")).one()
            assert (issue.likelihood, issue.impact, issue.level, issue.owner) == (4, 5, "very_high", "กองช่าง")

        # open it (sorted by level, the very high risk comes first)
        await pilot.press("o")
        await settle(pilot)
        assert register.table.current_row.id == issue.id
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, RiskScreen)
        assert "ไม่มี" in str(detail.query_one("#risk-text").render())  # no complaint linked yet

        # add a control picked from the plan, with its progress
        await pilot.press("a")
        await settle(pilot)
        cform = app.screen
        assert isinstance(cform, ControlForm)
        cform.query_one("#project", Select).value = str(project7.id)
        cform.query_one("#progress", Input).focus()
        await type_text(pilot, "60")
        cform.query_one("#monitor", Select).value = "yellow"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is detail
        # the new risk went under the last process (4), whose three Part 1 controls cover it too
        assert detail.detail is not None and len(detail.detail.controls) == 4
        control = next(c for c in detail.detail.controls if c.issue_id == issue.id)
        assert control.project is not None and control.project.number == 7 and control.progress == 60
        assert control.text.startswith("มาตรการ NO Gift Policy")

        # back on the register: the heat map counts it in likelihood 4 × impact 5, and enter lists it
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        heat = register.query_one(HeatMapView)
        assert heat.count(4, 5) == 1 and heat.cursor == (4, 5)
        assert "20" in rendered_text(heat.render())
        await pilot.press("enter")
        await settle(pilot)
        assert register.flt.cell == (4, 5)
        assert [r.id for r in register.table.rows] == [issue.id]
    with session_scope(engine) as s:
        actions = {(a.action, a.entity) for a in s.exec(select(AuditLog).where(AuditLog.username == "plan")).all()}
        assert {("create", "riskissue"), ("create", "riskcontrol")} <= actions
        assert s.exec(select(RiskControl).where(RiskControl.issue_id == issue.id)).one().project_id == project7.id
