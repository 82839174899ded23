"""Screen 2 on a bare host App: the register, sort and filters, the heat map at 80×24 (3×3 too), the risk form
(every problem at once, what was typed kept), a viewer's keys, the year copy and comparison, the project sheet."""

from __future__ import annotations

import pytest
from sqlmodel import select
from textual.app import App
from textual.reactive import reactive
from textual.widgets import Input, Static

from itatui.domain.risks import PACC_MATRIX
from itatui.domain.roles import Role
from itatui.store import risks
from itatui.store.accounts import create_user
from itatui.store.db import session_scope
from itatui.store.models import Project
from itatui.store.seed import seed_demo_plan
from itatui.tui.context import AppContext
from itatui.tui.risks.compare import CompareScreen
from itatui.tui.risks.heat_map import HeatMapView
from itatui.tui.risks.register import RisksScreen
from itatui.tui.risks.risk_form import RiskForm
from itatui.tui.risks.year_copy import YearCopyForm
from tests.tui.pilot_util import rendered_text, settle, type_text


class Host(App):
    fiscal_year = reactive(2566)
    thai_digits = reactive(False)

    def __init__(self, ctx, screen=None) -> None:  # noqa: ANN001
        super().__init__()
        self.ctx = ctx
        self._first = screen

    def on_mount(self) -> None:
        self.push_screen(self._first or RisksScreen())


def _ctx(engine, actor) -> AppContext:
    return AppContext(engine=engine, actor=actor, full_name=actor.username, organisation_id=None, organisation_name="เทศบาลตำบลเขมราฐ")


@pytest.fixture
def officer(engine, admin):
    seed_demo_plan(engine)
    return create_user(engine, admin, "plan1", "plan-pass-1", {Role.PLAN_OFFICER}, "เจ้าหน้าที่แผน").actor()


async def test_register_sort_filter_and_clear(engine, officer):
    app = Host(_ctx(engine, officer))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RisksScreen)
        assert [r.code for r in screen.table.rows][:3] == ["1.1", "1.2", "1.3"]
        assert "ปีงบฯ 2566" in str(screen.query_one("#risk-bar", Static).render())
        await pilot.press("o")  # by level, worst first
        await settle(pilot)
        assert [r.level for r in screen.table.rows][:4] == ["high"] * 4
        assert "เรียง: ระดับ" in str(screen.query_one("#risk-bar", Static).render())
        await pilot.press("f")
        await settle(pilot)
        from textual.widgets import Select

        app.screen.query_one("#level", Select).value = "medium"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.table.total == 5 and {r.level for r in screen.table.rows} == {"medium"}
        await pilot.press("escape")
        await settle(pilot)
        assert screen.table.total == 9


async def test_heat_map_reads_at_80x24_and_enter_lists_the_cell(engine, officer):
    settings = risks.risk_settings(engine, officer)
    a = risks.assessment_for_year(engine, officer, 2566)
    rows = risks.register_page(engine, officer, a.id, limit=20).rows
    for row, (lik, imp) in zip(rows[:3], [(3, 4), (3, 4), (1, 2)], strict=True):
        v, _ = risks.parse_risk({"process": str(row.process_id), "description": row.description, "likelihood": str(lik), "impact": str(imp), "status": "open"}, settings)
        risks.save_risk(engine, officer, a.id, v, row.id)
    app = Host(_ctx(engine, officer))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        heat = app.screen.query_one(HeatMapView)
        assert heat.has_focus and heat.cursor == (3, 4)  # the busiest cell
        text = rendered_text(heat.render(), width=heat.size.width)
        lines = text.splitlines()
        assert len(lines) <= heat.size.height and max(len(x) for x in lines) <= 80
        assert "[2]" in text and "โอกาส 3 × ผลกระทบ 4 = 12 (สูง): 2 ประเด็น" in text
        assert "ยังไม่ให้คะแนน: สูง 4 · ปานกลาง 2" in text
        await pilot.press("left", "left", "down", "down")  # to likelihood 1 × impact 2
        assert heat.cursor == (1, 2) and heat.count(1, 2) == 1
        await pilot.press("enter")
        await settle(pilot)
        assert [r.id for r in app.screen.table.rows] == [rows[2].id]
        assert "ช่อง โอกาส 1 × ผลกระทบ 2" in str(app.screen.query_one("#risk-bar", Static).render())


async def test_heat_map_on_a_three_by_three_matrix(engine, officer):
    risks.set_matrix(engine, officer, PACC_MATRIX)
    app = Host(_ctx(engine, officer))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        heat = app.screen.query_one(HeatMapView)
        text = rendered_text(heat.render(), width=80)
        assert "ต่ำ 1–2" in text and "สูง 5–9" in text and "สูงมาก" not in text.split("ยังไม่")[0]
        await pilot.press("up", "up", "up", "right", "right", "right")
        assert heat.cursor[0] <= 3 and heat.cursor[1] <= 3


async def test_risk_form_shows_every_problem_and_keeps_what_was_typed(engine, officer):
    app = Host(_ctx(engine, officer))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, RiskForm)
        form.query_one("#likelihood", Input).focus()
        await type_text(pilot, "9")
        form.query_one("#next_review", Input).focus()
        await type_text(pilot, "40/1/2569")
        form.query_one("#owner", Input).focus()
        await type_text(pilot, "กองคลัง")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        from itatui.tui.widgets.form_errors import FormErrors

        messages = form.query_one(FormErrors).messages
        assert len(messages) == 3
        assert any(m.startswith("ประเด็นความเสี่ยง:") for m in messages)
        assert any("ต้องเป็นเลข 1 ถึง 5" in m for m in messages)
        assert any(m.startswith("ทบทวนครั้งถัดไป") for m in messages)
        assert form.query_one("#owner", Input).value == "กองคลัง"
        assert form.query_one("#likelihood", Input).value == "9"
        assert form.query_one("#likelihood", Input).has_class("-invalid")


async def test_viewer_has_no_editing_keys(engine, officer, admin):
    viewer = create_user(engine, admin, "view1", "view-pass-1", {Role.VIEWER}, "ผู้อ่าน").actor()
    app = Host(_ctx(engine, viewer))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = {b.binding.action for b in app.screen.active_bindings.values() if b.enabled}
        assert "new" not in shown and "year_copy" not in shown and "matrix" not in shown
        assert {"heat", "filters", "compare"} <= shown
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen
        enabled = {b.binding.action for b in detail.active_bindings.values() if b.enabled}
        assert "edit" not in enabled and "add_control" not in enabled


async def test_new_year_copy_then_compare_and_past_year_read_only(engine, officer):
    app = Host(_ctx(engine, officer))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, YearCopyForm)
        year = form.query_one("#year", Input)
        year.value = ""
        await type_text(pilot, "2566")
        await pilot.press("ctrl+s")
        await settle(pilot)
        from itatui.tui.widgets.form_errors import FormErrors

        assert form.query_one(FormErrors).messages == ["ปีงบประมาณใหม่ (พ.ศ.): ต้องหลังปีงบฯ 2566"]
        year.value = ""
        year.focus()
        await type_text(pilot, "๒๕๖๗")
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RisksScreen) and app.fiscal_year == 2567
        await settle(pilot)
        assert screen.assessment.fiscal_year == 2567 and screen.table.total == 9
        app.fiscal_year = 2566
        await settle(pilot)
        assert screen.assessment.read_only and "อ่านอย่างเดียว" in str(screen.query_one("#risk-bar", Static).render())
        assert not screen.may_edit
        await pilot.press("v")
        await settle(pilot)
        cmp = app.screen
        assert isinstance(cmp, CompareScreen)
        await settle(pilot)
        assert cmp.comparison is not None and (cmp.comparison.year_a, cmp.comparison.year_b) == (2566, 2567)
        assert "คงเดิม 9" in str(cmp.query_one("#cmp-counts", Static).render())


async def test_project_sheet_lists_the_risks_it_controls(engine, officer):
    from itatui.tui.plan.project_sheet import ProjectSheetScreen

    with session_scope(engine) as s:
        p10 = s.exec(select(Project).where(Project.number == 10)).one()
    app = Host(_ctx(engine, officer), ProjectSheetScreen(p10.id))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        text = rendered_text(app.screen.query_one("#sheet-body", Static).content)
        assert "ความเสี่ยงที่โครงการนี้ควบคุม" in text
        assert "ปีงบฯ 2566 · 3.1 สูง · การบริหารการเงิน" in text
        assert "3.2 ปานกลาง" in text


async def test_matrix_form_previews_asks_and_relevels(engine, officer):
    from itatui.tui.risks.matrix_form import MatrixConfirm, MatrixForm

    settings = risks.risk_settings(engine, officer)
    a = risks.assessment_for_year(engine, officer, 2566)
    row = risks.register_page(engine, officer, a.id).rows[0]
    v, _ = risks.parse_risk({"process": str(row.process_id), "description": row.description, "likelihood": "2", "impact": "2", "status": "open"}, settings)
    risks.save_risk(engine, officer, a.id, v, row.id)
    app = Host(_ctx(engine, officer))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, MatrixForm)
        form.query_one("#size", Input).value = "๙"
        await pilot.press("ctrl+s")
        await settle(pilot)
        from itatui.tui.widgets.form_errors import FormErrors

        assert form.query_one(FormErrors).messages == ["ขนาด (โอกาส × ผลกระทบ): ขนาดต้องเป็น 2 ถึง 7"]
        form.fill(PACC_MATRIX)  # the "3×3" preset button
        await pilot.press("ctrl+s")
        await settle(pilot)
        confirm = app.screen
        assert isinstance(confirm, MatrixConfirm)
        assert [(m.id, m.level_after) for m in confirm.moves] == [(row.id, "medium")]
        assert risks.risk_settings(engine, officer).matrix.size == 5  # nothing written before the answer
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RisksScreen)
    assert risks.risk_settings(engine, officer).matrix == PACC_MATRIX
    assert risks.risk_detail(engine, officer, row.id).row.level == "medium"


async def test_settings_form_renames_a_monitoring_colour(engine, officer):
    from itatui.tui.risks.settings_form import RiskSettingsForm

    app = Host(_ctx(engine, officer))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, RiskSettingsForm)
        field = form.query_one("#monitor_orange", Input)
        field.value = ""
        field.focus()
        await type_text(pilot, "ยังไม่เริ่ม")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, RisksScreen)
    assert risks.risk_settings(engine, officer).monitor_names["orange"] == "ยังไม่เริ่ม"
