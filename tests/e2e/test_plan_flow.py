"""Issue 2's whole flow through the real App: start → log in → plan screen → edit a budget → the totals change →
an audit record exists → ``itatui check`` passes."""

from __future__ import annotations

from sqlmodel import select
from textual.widgets import DataTable, Input

from itatui.cli import main
from itatui.store.db import session_scope
from itatui.store.demo import prepare_demo
from itatui.store.models import AuditLog, Project
from itatui.tui.app import ItaApp
from itatui.tui.plan.project_form import ProjectForm
from itatui.tui.plan.table import PlanScreen
from tests.tui.pilot_util import cells, settle, type_text


async def test_log_in_edit_a_budget_totals_audit_and_check(engine, db_path, capsys):
    prepare_demo(engine)
    with session_scope(engine) as s:
        project4 = s.exec(select(Project).where(Project.number == 4)).one()
    app = ItaApp(engine, demo=True, fiscal_year=2567)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.query_one("#username", Input).focus()
        await type_text(pilot, "plan")
        app.screen.query_one("#password", Input).focus()
        await type_text(pilot, "demo-plan")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        await settle(pilot)
        table = screen.query_one(DataTable)
        # grand total row: 30,000 baht a year in the Khemarat plan (columns: number, name, kind, 2566…)
        total = cells(table, "T")
        assert "30,000" in total
        year_col = total.index("30,000") + 1  # 2567 is the second budget column
        table.move_cursor(row=table.get_row_index(f"p:{project4.id}"))
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ProjectForm)
        field = form.query_one("#budget_2567", Input)
        field.focus()
        field.value = ""
        await type_text(pilot, "๒๒,๕๐๐.-")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        table = app.screen.query_one(DataTable)
        assert cells(table, "T")[year_col] == "42,500"
        assert cells(table, "T")[year_col - 1] == "30,000"  # other years unchanged
        await pilot.press("ctrl+q")

    with session_scope(engine) as s:
        rec = s.exec(select(AuditLog).where(AuditLog.entity == "project", AuditLog.entity_id == str(project4.id))).all()
    assert rec and rec[-1].username == "plan"
    assert "22500" in rec[-1].after and "10000" in rec[-1].before
    engine.dispose()
    assert main(["--db", str(db_path), "check"]) == 0
