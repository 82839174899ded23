"""The plan table as a new user meets it: totals over the plan's years, huge numbers, Escape on the form."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input

from itatui.store import plan as repo
from itatui.tui.forms.project_form import ProjectForm
from itatui.tui.widgets.form_errors import FormErrors
from tests.plan_fixtures import build_small_plan, make_ctx
from tests.tui.pilot_util import cells, row_keys, settle, type_text
from tests.tui.test_plan_screen import PlanHost
from tests.tui.test_project_form import UNSET, FormHost, _type


@pytest.fixture
def small(engine):
    return build_small_plan(engine)


async def test_a_twenty_digit_search_says_nothing_matches_and_shows_no_rows(engine, admin, small):
    app = PlanHost(make_ctx(engine, admin, small))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        await pilot.press("slash")
        await type_text(pilot, "12345678901234567890")
        await pilot.press("enter")
        await settle(pilot)
        info = str(app.screen.query_one("#plan-info").render())
        assert "OverflowError" not in info and "ไม่คาดคิด" not in info
        assert not [k for k in row_keys(table) if k.startswith("p:")]
        assert "ไม่พบ" in info


async def test_a_huge_budget_is_refused_with_a_clear_message(engine, admin, small):
    data = repo.project_form_data(engine, admin, small["plan"], small["p3"])
    app = FormHost(make_ctx(engine, admin, small), ProjectForm(data))
    async with app.run_test(size=(100, 40)) as pilot:
        await _type(pilot, "budget_2567", "99999999999999999999")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = str(app.screen.query_one(FormErrors).render())
        assert "มากเกินไป" in shown and "OverflowError" not in shown
        assert app.result is UNSET  # still open, nothing saved
        assert app.screen.query_one("#budget_2567", Input).value == "99999999999999999999"
