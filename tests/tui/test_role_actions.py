"""Who may do what on screens 1 and 2 (the plan, a project's sheet, the progress form, the risk register and a
risk), pressed through the real app logged in as each demo role; the table is ``SCREEN`` in role_actions.py and
tests/tui/test_role_actions_desk.py drives screens 3, 4 and ``ctrl+o``."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from tests.tui.pilot_util import settle, type_into, wait_until
from tests.tui.role_actions import A, CORRUPTION, DESK, EVERYONE, ROLES, SCREEN, YEAR, Prober, audit_count, back_to, log_in

SCREENS_1_2 = ("plan.", "sheet.", "progress.", "risk.", "riskd.")


def test_the_table_agrees_with_the_core_table():
    """Same roles as tests/ops/test_role_matrix.py: a screen never allows what the core refuses that role."""
    from tests.ops.test_role_matrix import ALLOWED

    core = {
        "plan.edit": "plan.edit_project", "plan.new": "plan.edit_project", "sheet.edit": "plan.edit_project",
        "plan.targets": "plan.targets_actuals", "plan.progress": "progress.save", "sheet.progress": "progress.save",
        "progress.unlock": "progress.unlock", "plan.open_sheet": "plan.view", "desk.open_case": "complaints.open_case",
        "intake.general": "complaints.create_general", "intake.corruption": "complaints.create_corruption",
        "case.note": "complaints.add_note", "desk.stats": "complaints.statistics",
        "corruption.reveal": "complaints.reveal_identity", "office.add": "organisation.update",
    }
    for screen_action, core_action in core.items():
        assert SCREEN[screen_action] == ALLOWED[core_action], screen_action
    assert SCREEN["desk.new"] == SCREEN["intake.general"] | SCREEN["intake.corruption"]
    assert SCREEN["progress.unlock"] <= SCREEN["plan.progress"]  # the unlock key is on the progress form
    assert DESK <= CORRUPTION and A not in SCREEN["corruption.reveal"]  # the administrator never reads an identity
    assert all(roles <= EVERYONE and roles for roles in SCREEN.values())


@pytest.mark.parametrize("role", ROLES, ids=str)
async def test_plan_and_risk_keys_follow_the_table(role, office_copy, role_office):
    from itatui.tui.app import ItaApp
    from itatui.tui.plan.import_findings import ImportFindingsScreen
    from itatui.tui.plan.progress_form import ProgressForm
    from itatui.tui.plan.project_form import ProjectForm
    from itatui.tui.plan.project_sheet import ProjectSheetScreen
    from itatui.tui.plan.table import PlanScreen
    from itatui.tui.plan.targets_form import TargetsForm
    from itatui.tui.reports.print_dialog import PrintDialog
    from itatui.tui.risks.compare import CompareScreen
    from itatui.tui.risks.control_form import ControlForm
    from itatui.tui.risks.filters import RiskFiltersForm
    from itatui.tui.risks.matrix_form import MatrixForm
    from itatui.tui.risks.register import RisksScreen
    from itatui.tui.risks.risk_detail import RiskScreen
    from itatui.tui.risks.risk_form import RiskForm
    from itatui.tui.risks.settings_form import RiskSettingsForm
    from itatui.tui.risks.year_copy import YearCopyForm

    engine = office_copy
    app = ItaApp(engine, fiscal_year=YEAR, backups=False)
    on_top = lambda kind: lambda: isinstance(app.screen, kind)  # noqa: E731
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await log_in(pilot, role)
        probe = Prober(pilot, role, engine)

        # ---- 1 the plan table, on the project whose year is locked
        await pilot.press("1")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanScreen) and app.screen.outline is not None, what="the plan")
        plan = app.screen
        table = plan.query_one("#plan-table", DataTable)
        target = f"p:{role_office.locked_project}"
        for _ in range(30):
            if table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == target:
                break
            await pilot.press("down")
        await settle(pilot)
        if await probe("plan.summary", "s", lambda: plan.has_class("-summary"), close=False):
            await pilot.press("s")
            await wait_until(pilot, lambda: not plan.has_class("-summary") and table.has_focus)
        await probe("plan.findings", "i", on_top(ImportFindingsScreen))
        await probe("plan.print", "p", on_top(PrintDialog))
        await probe("plan.new", "n", on_top(ProjectForm))
        await probe("plan.edit", "e", on_top(ProjectForm))
        await probe("plan.targets", "g", on_top(TargetsForm))
        if await probe("plan.progress", "r", on_top(ProgressForm), close=False):
            form = app.screen
            assert form.data.year_locked and form.data.fiscal_year == YEAR
            if role in SCREEN["progress.unlock"]:
                await type_into(pilot, "#unlock_reason", "กรอกเงินที่ใช้จริงผิด")
            await probe("progress.unlock", "ctrl+u", lambda: not form.data.year_locked)
            await back_to(pilot, plan)
        else:
            probe.done.append("progress.unlock")  # the form with the key never opens for this role

        # ---- the project's sheet
        assert await probe("plan.open_sheet", "enter", on_top(ProjectSheetScreen), own=False, close=False)
        sheet = app.screen
        await wait_until(pilot, lambda: sheet.sheet is not None, what="the sheet")
        await probe("sheet.edit", "e", on_top(ProjectForm))
        await probe("sheet.progress", "r", on_top(ProgressForm))
        await probe("sheet.print", "p", on_top(PrintDialog))
        await back_to(pilot, plan)

        # ---- 2 the risk register (the demo's 2566 assessment, the latest up to YEAR)
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, RisksScreen) and app.screen.assessment is not None
                         and app.screen.table.current_row is not None, what="the register")
        risks = app.screen
        if await probe("risk.heat", "h", lambda: risks.heat_shown, close=False):
            await pilot.press("h")
            await wait_until(pilot, lambda: not risks.heat_shown)
            risks.table.focus_table()
            await settle(pilot)
        await probe("risk.filters", "f", on_top(RiskFiltersForm))
        await probe("risk.compare", "v", on_top(CompareScreen))
        await probe("risk.print", "p", on_top(PrintDialog))
        await probe("risk.new", "n", on_top(RiskForm))
        await probe("risk.year_copy", "c", on_top(YearCopyForm))
        await probe("risk.matrix", "m", on_top(MatrixForm))
        await probe("risk.settings", "g", on_top(RiskSettingsForm))

        # ---- a risk and its controls
        assert await probe("risk.open", "enter", on_top(RiskScreen), own=False, close=False)
        risk = app.screen
        await wait_until(pilot, lambda: risk.current_control is not None, what="the risk's controls")
        await probe("riskd.edit", "e", on_top(RiskForm))
        await probe("riskd.add_control", "a", on_top(ControlForm))
        # enter is the controls table's own key: for a role that may not edit it does nothing (the screen's
        # "edit the control" binding is hidden)
        await probe("riskd.edit_control", "enter", on_top(ControlForm), own=False, refusal=False)
        controls, audited = len(risk.detail.controls), audit_count(engine)
        if await probe("riskd.delete_control", "d", lambda: risk._armed_delete is not None, close=False):
            await pilot.press("d")  # the second press deletes
            await wait_until(pilot, lambda: risk.detail is not None and len(risk.detail.controls) == controls - 1,
                             what="the control deleted")
            assert audit_count(engine) == audited + 1
        await back_to(pilot, risks)
        assert sorted(probe.done) == sorted(a for a in SCREEN if a.startswith(SCREENS_1_2))
