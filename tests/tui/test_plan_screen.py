"""The plan screen on a bare host App: rows, subtotals, folding, filters, digits, editing a budget changes totals."""

from __future__ import annotations

from textual.widgets import DataTable

from itatui.domain.roles import Role
from itatui.tui.context import AppContext
from itatui.tui.plan.table import PlanScreen
from tests.plan_fixtures import YEARS, build_small_plan, make_ctx  # noqa: F401
from tests.tui.host import ScreenHost
from tests.tui.pilot_util import cells, rendered_text, row_keys, settle, type_text  # noqa: F401


def PlanHost(ctx) -> ScreenHost:  # noqa: N802  (reads as the App it makes)
    """The plan screen on the shared host, in fiscal year 2567."""
    return ScreenHost(ctx, PlanScreen, fiscal_year=2567)


async def test_rows_subtotals_and_grand_total(engine, admin, small):
    app = PlanHost(make_ctx(engine, admin, small))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        keys = row_keys(table)
        d1, d2 = small["d1"], small["d2"]
        assert keys == [
            f"d:{d1}", f"m:{small['m11']}", f"p:{small['p1']}", f"p:{small['p2']}",
            f"m:{small['m12']}", f"e:{small['m12']}", f"s:{d1}",
            f"d:{d2}", f"m:{small['m21']}", f"p:{small['p3']}", f"p:{small['p4']}",
            f"m:{small['m22']}", f"p:{small['p5']}", f"s:{d2}", "T",
        ]
        assert "-ไม่มีโครงการ/กิจกรรม/มาตรการ-" in cells(table, f"e:{small['m12']}")[1]
        sub2 = cells(table, f"s:{d2}")
        assert "รวม มิติที่ 2 (3 โครงการ)" in sub2[1]
        assert sub2[2:7] == ["25,000", "30,000", "5,000", "5,000", "5,000"]
        assert cells(table, "T")[2:7] == ["35,000", "40,000", "15,000", "15,000", "15,000"]
        p3 = cells(table, f"p:{small['p3']}")
        assert p3[0] == "3)" and p3[2:7] == ["20,000", "25,000", "-", "-", "-"] and p3[7] == "45,000"
        assert p3[8] == "สป. กองคลัง" and p3[9] == "ยังไม่รายงาน" and p3[10] == "โครงการ"
        assert table.fixed_columns == 2


async def test_fold_a_dimension_and_all(engine, admin, small):
    app = PlanHost(make_ctx(engine, admin, small))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(f"p:{small['p1']}"))
        await pilot.press("space")
        keys = row_keys(table)
        assert keys[:3] == [f"d:{small['d1']}", f"s:{small['d1']}", f"d:{small['d2']}"]  # subtotal stays
        assert cells(table, f"d:{small['d1']}")[0] == "▶"
        assert table.cursor_row == 0  # the cursor lands on the folded dimension
        await pilot.press("a")  # something folded: unfold all
        assert len(row_keys(table)) == 15
        await pilot.press("a")
        assert row_keys(table) == [f"d:{small['d1']}", f"s:{small['d1']}", f"d:{small['d2']}", f"s:{small['d2']}", "T"]
        await pilot.press("enter")  # enter on a dimension unfolds it
        assert f"p:{small['p1']}" in row_keys(table)


async def test_text_filter_typed_in_thai_narrows_rows_and_totals(engine, admin, small):
    app = PlanHost(make_ctx(engine, admin, small))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        await pilot.press("slash")
        await type_text(pilot, "ข้อมูล")
        await pilot.press("enter")
        await settle(pilot)
        keys = row_keys(table)
        assert [k for k in keys if k.startswith("p:")] == [f"p:{small['p3']}", f"p:{small['p4']}"]
        assert f"d:{small['d1']}" not in keys and f"m:{small['m22']}" not in keys  # nothing empty left
        assert cells(table, "T")[2:7] == ["25,000", "30,000", "5,000", "5,000", "5,000"]
        assert "2 จาก 2" in str(app.screen.query_one("#plan-info").render())
        await pilot.press("escape")  # clears the filter (the table has the focus again)
        await settle(pilot)
        assert len([k for k in row_keys(table) if k.startswith("p:")]) == 5


async def test_dimension_unit_and_status_filters(engine, admin, small):
    from itatui.domain.eplan import Status
    from itatui.store.plan import progress
    from itatui.store.plan import PlanFilter

    progress.save_progress(engine, admin, small["p5"], 2567, 1, progress.ProgressEdit(None, None, None, Status.IN_PROGRESS))
    app = PlanHost(make_ctx(engine, admin, small))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        table = screen.query_one(DataTable)

        def projects() -> list[str]:
            return [k for k in row_keys(table) if k.startswith("p:")]

        screen.query_one("#plan-dimension").value = small["d2"]
        await settle(pilot)
        assert projects() == [f"p:{small['p3']}", f"p:{small['p4']}", f"p:{small['p5']}"]
        assert f"d:{small['d1']}" not in row_keys(table)
        screen.query_one("#plan-unit").value = small["u_sp"]
        await settle(pilot)
        assert projects() == [f"p:{small['p3']}", f"p:{small['p4']}"]  # p4 is ทุกส่วนราชการ
        screen.set_filter(PlanFilter(status=Status.IN_PROGRESS))
        await settle(pilot)
        assert projects() == [f"p:{small['p5']}"]
        assert cells(table, f"p:{small['p5']}")[9] == "อยู่ระหว่างดำเนินการ"
        assert screen.query_one("#plan-dimension").value is screen.query_one("#plan-dimension").NULL


async def test_editing_a_budget_changes_the_totals(engine, admin, small):
    from itatui.tui.plan.project_form import ProjectForm

    app = PlanHost(make_ctx(engine, admin, small))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert cells(table, "T")[3] == "40,000"
        table.move_cursor(row=table.get_row_index(f"p:{small['p1']}"))
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ProjectForm)
        field = form.query_one("#budget_2567")
        field.focus()
        field.value = ""
        await type_text(pilot, "๑๒,๕๐๐.-")
        await pilot.press("ctrl+s")
        await settle(pilot)
        plan_screen = app.screen
        assert isinstance(plan_screen, PlanScreen)
        table = plan_screen.query_one(DataTable)
        assert cells(table, f"p:{small['p1']}")[3] == "12,500"
        assert cells(table, f"s:{small['d1']}")[3] == "12,500"
        assert cells(table, "T")[3] == "42,500"
        assert table.cursor_row == table.get_row_index(f"p:{small['p1']}")


async def test_thai_digits_and_selected_year(engine, admin, small):
    app = PlanHost(make_ctx(engine, admin, small))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        header = table.columns["y2567"].label
        assert "reverse" in str(header.style)  # the selected fiscal year stands out
        await pilot.press("t")
        assert app.thai_digits
        assert cells(table, "T")[2:4] == ["๓๕,๐๐๐", "๔๐,๐๐๐"]
        assert cells(table, f"p:{small['p3']}")[0] == "๓)"
        app.fiscal_year = 2569
        await settle(pilot)
        header = table.columns["y2569"].label
        assert "reverse" in str(header.style) and "๒๕๖๙" in str(header)


async def test_new_project_under_the_selected_mission(engine, admin, small):
    from itatui.tui.plan.project_form import ProjectForm

    app = PlanHost(make_ctx(engine, admin, small))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(f"e:{small['m12']}"))
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ProjectForm)
        assert form.query_one("#mission").value == small["m12"]
        assert form.query_one("#number").value == "6"
        form.query_one("#name").focus()
        await type_text(pilot, "โครงการพัฒนาคุณภาพการให้บริการ ผู้สูงอายุ น้ำใจ")
        await pilot.press("ctrl+s")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        keys = row_keys(table)
        assert f"e:{small['m12']}" not in keys  # the mission has a project now
        new = [k for k in keys if k.startswith("p:")][2]
        assert cells(table, new)[1].strip() == "โครงการพัฒนาคุณภาพการให้บริการ ผู้สูงอายุ น้ำใจ"
        assert "3 โครงการ" in cells(table, f"s:{small['d1']}")[1]


async def test_viewer_gets_a_refusal_not_a_form(engine, admin, small):
    from itatui.store.accounts import create_user

    viewer = create_user(engine, admin, "viewer", "password-1", {Role.VIEWER}).actor()
    app = PlanHost(make_ctx(engine, viewer, small))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(f"p:{small['p1']}"))
        for key in ("e", "n", "r", "g"):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, PlanScreen)
        assert any("ไม่มีสิทธิ์" in n.message for n in app._notifications)


async def test_sheet_opens_on_enter_and_escape_goes_back(engine, admin, small):
    from textual.widgets import Static

    from itatui.tui.plan.project_sheet import ProjectSheetScreen

    app = PlanHost(make_ctx(engine, admin, small))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(f"p:{small['p1']}"))
        await pilot.press("enter")
        await settle(pilot)
        sheet = app.screen
        assert isinstance(sheet, ProjectSheetScreen)
        text = rendered_text(sheet.query_one("#sheet-body", Static).content)
        for expected in ("มาตรการส่งเสริมการปฏิบัติงานตามประมวลจริยธรรม", "หลักการและเหตุผล", "กลุ่มเป้าหมาย",
                         "พนักงานเทศบาล จำนวน 50 คน", "ตัวชี้วัดและผล ปีงบประมาณ 2567", "ไม่น้อยกว่าร้อยละ ๘๐",
                         "งบประมาณรายปี", "10,000", "สป.", "ยังไม่มีรายงานผลการดำเนินงาน"):
            assert expected in text, expected
        # the sheet opens the project form and the progress form; cancelling comes back to the sheet
        from itatui.tui.plan.progress_form import ProgressForm
        from itatui.tui.plan.project_form import ProjectForm

        for key, form in (("e", ProjectForm), ("r", ProgressForm)):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, form)
            await pilot.press("escape")
            await settle(pilot)
            assert app.screen is sheet
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)


async def test_summary_panel_and_print_notice(engine, admin, small):
    from itatui.tui.widgets.plan_summary import PlanSummaryPanel

    app = PlanHost(make_ctx(engine, admin, small))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert not screen.query_one(PlanSummaryPanel).display  # narrow: hidden until asked
        await pilot.press("s")
        await settle(pilot)
        panel = screen.query_one(PlanSummaryPanel)
        assert panel.display and not screen.query_one("#plan-main").display
        assert panel.summary is not None and panel.summary.planned_total[1] == 40000
        assert [x.target for x in panel.summary.targets if x.kind == "ita_score"] == [70, 75, 80, 85, 90]
        await pilot.press("s")
        assert screen.query_one("#plan-main").display
        await pilot.press("p")  # this bare host has no print dialog (open_reports): nothing happens; see test_print_dialog
        assert not app._notifications
    wide = PlanHost(make_ctx(engine, admin, small))
    async with wide.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        assert wide.screen.query_one(PlanSummaryPanel).display and wide.screen.query_one("#plan-main").display


async def test_rows_are_paged(engine, admin, small, monkeypatch):
    from itatui.store.plan import queries as repo  # where the page size is read

    monkeypatch.setattr(repo, "PAGE_SIZE", 2)
    app = PlanHost(make_ctx(engine, admin, small))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        keys = row_keys(table)
        assert [k for k in keys if k.startswith("p:")] == [f"p:{small['p1']}", f"p:{small['p2']}"]
        assert keys[-1] == "more" and "T" not in keys
        assert "อีก 3 โครงการ" in cells(table, "more")[1]
        table.move_cursor(row=table.get_row_index("more"))
        await pilot.press("enter")
        await settle(pilot)
        keys = row_keys(table)
        assert len([k for k in keys if k.startswith("p:")]) == 4 and keys[-1] == "more"
        table.move_cursor(row=table.get_row_index("more"))
        await pilot.press("enter")
        await settle(pilot)
        assert row_keys(table)[-1] == "T" and len(row_keys(table)) == 15


async def test_khemarat_plan_table(engine, admin):
    from itatui.store.seed import seed_demo_plan

    result = seed_demo_plan(engine)
    ctx = AppContext(engine=engine, actor=admin, full_name="admin", organisation_id=result.organisation_id, organisation_name="เทศบาลตำบลเขมราฐ")
    app = PlanHost(ctx)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        keys = row_keys(table)
        assert len([k for k in keys if k.startswith("p:")]) == 25
        subtotals = [cells(table, k) for k in keys if k.startswith("s:")]
        assert [row[1] for row in subtotals] == [f"รวม มิติที่ {n} ({c} โครงการ)" for n, c in ((1, 3), (2, 15), (3, 2), (4, 5))]
        assert [row[2] for row in subtotals] == ["-", "10,000", "20,000", "-"]
        assert cells(table, "T")[1] == "รวมทั้งสิ้น (25 โครงการ)"
        assert cells(table, "T")[2:7] == ["30,000"] * 5
        assert len([k for k in keys if k.startswith("e:")]) == 2  # 3.3 and 4.2 have no project


async def test_targets_form_records_the_ita_score(engine, admin, small):
    from textual.widgets import Input

    from itatui.store import plan as repo
    from itatui.tui.plan.targets_form import TargetsForm
    from itatui.tui.widgets.form_errors import FormErrors
    from itatui.tui.widgets.plan_summary import PlanSummaryPanel

    app = PlanHost(make_ctx(engine, admin, small))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, TargetsForm)
        form.query_one("#ita_score_2566", Input).focus()
        await type_text(pilot, "๑๒๐")
        form.query_one("#case_reduction_pct_2566", Input).focus()
        await type_text(pilot, "ร้อยละ ๑๒")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TargetsForm)
        assert any("คะแนนต้องอยู่ระหว่าง" in m for m in form.query_one(FormErrors).messages)
        field = form.query_one("#ita_score_2566", Input)
        field.focus()
        field.value = ""
        await type_text(pilot, "๗๒.๕")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("s")
        await settle(pilot)
        summary = app.screen.query_one(PlanSummaryPanel).summary
        actual = {(x.kind, x.fiscal_year): x.actual for x in summary.targets}
        assert actual[("ita_score", 2566)] == 72.5 and actual[("case_reduction_pct", 2566)] == 12
    assert {(x.kind, x.fiscal_year): x.actual for x in repo.list_targets(engine, admin, small["plan"])}[("ita_score", 2566)] == 72.5


async def test_a_name_with_brackets_shows_as_typed(engine, admin, small):
    """Names are cells of text, never Rich markup: "[red]" typed into a name is shown as typed."""
    from rich.text import Text
    from sqlmodel import Session

    from itatui.store.models import Project

    with Session(engine) as s:
        project = s.get(Project, small["p2"])
        project.name = "กิจกรรม [red]เชิดชู[/red] เกียรติ"
        s.add(project)
        s.commit()
    app = PlanHost(make_ctx(engine, admin, small))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        cell = app.screen.query_one(DataTable).get_row(f"p:{small['p2']}")[1]
        assert isinstance(cell, Text) and "[red]เชิดชู[/red]" in cell.plain
