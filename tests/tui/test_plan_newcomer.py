"""The plan table as a new user meets it: totals over the plan's years, huge numbers, Escape on the form."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.widgets import DataTable, Input

from itatui.store import plan as repo
from itatui.tui.plan.project_form import ProjectForm
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
        assert "มากเกิน" in shown and "OverflowError" not in shown
        assert app.result is UNSET  # still open, nothing saved
        assert app.screen.query_one("#budget_2567", Input).value == "99999999999999999999"


async def test_totals_over_the_plans_years_per_project_dimension_and_plan(engine, admin, small):
    app = PlanHost(make_ctx(engine, admin, small))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert cells(table, f"p:{small['p3']}")[7] == "45,000"  # 20,000 + 25,000
        assert cells(table, f"s:{small['d2']}")[7] == "70,000"
        assert cells(table, "T")[7] == "120,000"  # 35,000 + 40,000 + 3 × 15,000
        await pilot.press("s")  # the summary says the same
        await settle(pilot)
        panel = app.screen.query_one("#plan-summary")
        from tests.tui.pilot_util import rendered_text

        summary = rendered_text(panel.query_one("#summary-body").content, width=120)
        assert "รวมทุกปี" in summary and "120,000" in summary


async def test_the_sheet_shows_the_total_and_a_unit_once(engine, admin, small):
    from itatui.tui.plan.project_sheet import ProjectSheetScreen, render_sheet
    from tests.tui.pilot_util import rendered_text

    sheet = repo.project_sheet(engine, admin, small["p4"], 2567)
    text = rendered_text(render_sheet(sheet, False), width=100)
    assert "รวมทุกปี" in text
    assert "ทุกส่วนราชการ ทุกส่วนราชการ" not in text and "ทุกส่วนราชการ" in text
    sheet3 = repo.project_sheet(engine, admin, small["p3"], 2567)
    assert "45,000" in rendered_text(render_sheet(sheet3, False), width=100)


@pytest.mark.parametrize("width", [80, 120])
async def test_the_name_column_follows_the_width_and_right_moves_a_column(engine, admin, small, width):
    app = PlanHost(make_ctx(engine, admin, small))
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        name = table.columns["name"]
        assert name.width >= (32 if width == 80 else 48)
        presses = 0
        while "สถานะ" not in table.render_line(0).text and presses < 20:
            await pilot.press("right")
            presses += 1
        assert presses <= 8  # column by column, not ~70 cell steps
        assert "สถานะ" in table.render_line(0).text


async def test_progress_form_wording_in_thai_and_arabic_digits(engine, admin, small):
    from textual.widgets import Select

    from itatui.store.plan import progress
    from itatui.tui.plan.progress_form import ProgressForm

    data = progress.progress_form_data(engine, admin, small["p1"], 2567, 1)
    app = FormHost(make_ctx(engine, admin, small), ProgressForm(data))  # the host shows Arabic digits
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        status = app.screen.query_one("#status", Select)
        assert "Select" not in str(status.query_one("SelectCurrent #label").render()) and status.prompt == "เลือก"
        rounds = app.screen.query_one("#round", Select)
        assert "รอบ 6 เดือน" in str(rounds.query_one("SelectCurrent #label").render())  # not "รอบ ๖ เดือน" in Arabic mode


async def test_escape_on_a_changed_project_form_asks_before_discarding(engine, admin, small):
    from itatui.tui.widgets.confirm_discard import ConfirmDiscard

    data = repo.project_form_data(engine, admin, small["plan"], small["p3"])
    app = FormHost(make_ctx(engine, admin, small), ProjectForm(data))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        kind = app.screen.query_one("#kind")
        kind.focus()
        await pilot.press("enter")  # the drop-down opens …
        await pilot.pause()
        assert kind.expanded
        await pilot.press("escape")  # … and escape closes it first, nothing else
        await pilot.pause()
        assert not kind.expanded and isinstance(app.screen, ProjectForm)
        await _type(pilot, "name", "ชื่อใหม่ที่พิมพ์ไว้")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDiscard) and app.result is UNSET
        await pilot.press("n")  # keep editing: everything still there
        await pilot.pause()
        assert isinstance(app.screen, ProjectForm) and app.screen.query_one("#name", Input).value == "ชื่อใหม่ที่พิมพ์ไว้"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.result is None


async def test_escape_on_an_unchanged_project_form_closes_at_once(engine, admin, small):
    data = repo.project_form_data(engine, admin, small["plan"], small["p3"])
    app = FormHost(make_ctx(engine, admin, small), ProjectForm(data))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.result is None


async def test_import_findings_are_reachable_from_the_plan_table(engine, admin, source_plan):
    from itatui.importers import parse_plan_file
    from itatui.store.plan.importing import import_plan
    from itatui.tui.plan.import_findings import ImportFindingsScreen

    parsed = parse_plan_file(source_plan)
    summary = import_plan(engine, admin, parsed)
    app = PlanHost(make_ctx(engine, admin, {"plan": summary.plan_id, "org": summary.organisation_id}))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, ImportFindingsScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == len(parsed.findings) > 0
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ImportFindingsScreen)


async def test_sheet_paragraphs_wrap_between_thai_words(engine, admin, small, monkeypatch):
    from itatui.domain.text import thai_words
    from itatui.tui.plan import project_sheet
    from itatui.tui.plan.project_sheet import ProjectSheetScreen, render_sheet
    from tests.tui.pilot_util import rendered_text

    rationale = "เพื่อให้ผู้บริหารและพนักงานส่วนท้องถิ่นร่วมติดตามตรวจสอบการดำเนินงานขององค์กรปกครองส่วนท้องถิ่นอย่างต่อเนื่อง"
    data = repo.project_form_data(engine, admin, small["plan"], small["p3"])
    edit = repo.parse_project_draft(replace(data.draft, rationale=rationale), data.plan.years)
    repo.save_project(engine, admin, small["plan"], edit, project_id=small["p3"])
    monkeypatch.setattr(project_sheet, "_segment", None)
    app = PlanHost(make_ctx(engine, admin, small))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(ProjectSheetScreen(small["p3"]))
        await settle(pilot, rounds=6)
        assert project_sheet._segment is not None  # loaded by the sheet, in a worker
    words = set(thai_words(rationale))
    text = rendered_text(render_sheet(repo.project_sheet(engine, admin, small["p3"], 2567), False), width=40)
    start = text.index("เพื่อให้")
    lines = [line.strip() for line in text[start:].splitlines()]
    lines = lines[: next(i for i, line in enumerate(lines) if line.endswith("ต่อเนื่อง")) + 1]
    assert "".join(lines) == rationale
    for line in lines:  # every line starts and ends on a word boundary
        assert any(line.startswith(w) for w in words) and any(line.endswith(w) for w in words), line


async def test_the_years_and_the_plans_totals_are_on_screen_at_80_columns(engine, admin, small):
    totals = repo.plan_totals(engine, admin, small["plan"])
    years = repo.current_plan(engine, admin).years
    year_total = totals.grand[years.index(2567)]
    app = PlanHost(make_ctx(engine, admin, small))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        info = app.screen.query_one("#plan-info")
        line = str(info.render())
        assert info.region.bottom <= 24 and info.region.x < 80  # on screen, without scrolling
        assert line.startswith(f"งบปี 2567 รวม {year_total:,}") and f"ทั้งแผน {sum(v or 0 for v in totals.grand):,}" in line
