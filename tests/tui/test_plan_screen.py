"""The plan screen on a bare host App: rows, subtotals, folding, filters, digits, editing a budget changes totals."""

from __future__ import annotations

import pytest
from sqlmodel import Session
from textual.app import App
from textual.reactive import reactive
from textual.widgets import DataTable
from textual.worker import WorkerCancelled

from itatui.domain.roles import Role
from itatui.store.models import (
    Budget,
    Dimension,
    Kpi,
    Mission,
    Organisation,
    Plan,
    PlanTarget,
    Project,
    ProjectUnit,
    TargetGroup,
    Unit,
)
from itatui.tui.context import AppContext
from itatui.tui.screens.plan import PlanScreen

YEARS = (2566, 2567, 2568, 2569, 2570)


def build_small_plan(engine) -> dict[str, int]:
    """Two dimensions; mission 1.2 has no project; five projects with budgets and units (see the asserts)."""
    ids: dict[str, int] = {}
    with Session(engine) as s:
        org = Organisation(name="เทศบาลตำบลทดสอบ")
        s.add(org)
        s.flush()
        units = {code: Unit(organisation_id=org.id, code=code, is_all=(code == "ทุกส่วนราชการ")) for code in ("สป.", "กองคลัง", "ทุกส่วนราชการ")}
        s.add_all(units.values())
        plan = Plan(organisation_id=org.id, title="แผนทดสอบ", start_year=2566, end_year=2570)
        s.add(plan)
        s.flush()
        d1 = Dimension(plan_id=plan.id, number=1, name="การสร้างวัฒนธรรมสุจริต")
        d2 = Dimension(plan_id=plan.id, number=2, name="การบริหารราชการด้วยความโปร่งใส")
        s.add_all([d1, d2])
        s.flush()
        m11 = Mission(dimension_id=d1.id, code="1.1", position=1, name="การเสริมสร้างจิตสำนึกแก่บุคลากร")
        m12 = Mission(dimension_id=d1.id, code="1.2", position=2, name="การเสริมสร้างจิตสำนึกแก่ประชาชน")
        m21 = Mission(dimension_id=d2.id, code="2.1", position=1, name="การเปิดเผยข้อมูลสาธารณะ")
        m22 = Mission(dimension_id=d2.id, code="2.2", position=2, name="มาตรการส่งเสริมคุณธรรม")
        s.add_all([m11, m12, m21, m22])
        s.flush()
        spec = [
            # number, mission, name, kind, budgets, units
            (1, m11, "มาตรการส่งเสริมการปฏิบัติงานตามประมวลจริยธรรม", "measure", [10000] * 5, ["สป."]),
            (2, m11, "กิจกรรมยกย่องและเชิดชูเกียรติ", "activity", [None] * 5, ["กองคลัง"]),
            (3, m21, "โครงการพัฒนาศูนย์ข้อมูลข่าวสาร", "project", [20000, 25000, None, None, None], ["สป.", "กองคลัง"]),
            (4, m21, "มาตรการเปิดเผยข้อมูลสาธารณะ", "measure", [5000] * 5, ["ทุกส่วนราชการ"]),
            (5, m22, "มาตรการ NO Gift Policy", "measure", [None] * 5, ["กองคลัง"]),
        ]
        for number, mission, name, kind, budgets, unit_codes in spec:
            p = Project(plan_id=plan.id, mission_id=mission.id, number=number, name=name, kind=kind)
            s.add(p)
            s.flush()
            ids[f"p{number}"] = p.id
            for year, amount in zip(YEARS, budgets, strict=True):
                s.add(Budget(project_id=p.id, fiscal_year=year, amount=amount, raw="-" if amount is None else f"{amount:,}.-"))
            for code in unit_codes:
                s.add(ProjectUnit(project_id=p.id, unit_id=units[code].id))
        s.add(TargetGroup(project_id=ids["p1"], description="พนักงานเทศบาล", count=50, count_unit="คน"))
        kpi = Kpi(project_id=ids["p1"], kind="output", indicator="ผู้เข้าร่วมมีความรู้ ไม่น้อยกว่าร้อยละ ๘๐", comparator=">=", target=80, unit="ร้อยละ")
        s.add(kpi)
        for year, score in zip(YEARS, (70, 75, 80, 85, 90), strict=True):
            s.add(PlanTarget(plan_id=plan.id, kind="ita_score", fiscal_year=year, target=score))
        s.commit()
        ids.update(plan=plan.id, org=org.id, d1=d1.id, d2=d2.id, m11=m11.id, m12=m12.id, m21=m21.id, m22=m22.id,
                   kpi=kpi.id, u_sp=units["สป."].id, u_fin=units["กองคลัง"].id, u_all=units["ทุกส่วนราชการ"].id)
    return ids


def make_ctx(engine, actor, ids) -> AppContext:
    return AppContext(engine=engine, actor=actor, full_name=actor.username, organisation_id=ids["org"], organisation_name="เทศบาลตำบลทดสอบ")


class PlanHost(App):
    """What the plan screen needs from the real shell: ctx, fiscal_year and thai_digits."""

    fiscal_year = reactive(2567)
    thai_digits = reactive(False)

    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx = ctx

    def on_mount(self) -> None:
        self.push_screen(PlanScreen())


@pytest.fixture
def small(engine):
    return build_small_plan(engine)


async def type_text(pilot, text: str) -> None:
    """Type as a terminal does: the text goes through Textual's own terminal parser, as the real driver sends it.

    (``pilot.press`` cannot type Thai vowel and tone marks: it drops combining characters — a Pilot limit,
    not a terminal one.)
    """
    from textual._xterm_parser import XTermParser

    parser = XTermParser()
    for event in parser.feed(text):
        pilot.app.post_message(event)
    await pilot.pause()


def rendered_text(renderable, width: int = 200) -> str:
    """What a Rich renderable shows, as plain text."""
    from rich.console import Console

    console = Console(width=width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(renderable)
    return console.export_text()


async def settle(pilot) -> None:
    """Let loads and saves finish (not the workers that wait on an open dialog: they end with it)."""
    for _ in range(3):
        busy = [w for w in pilot.app.workers if not w.group.endswith("-dialog") and not w.is_finished]
        if busy:  # (an empty list would mean "every worker" to wait_for_complete)
            try:
                await pilot.app.workers.wait_for_complete(busy)
            except WorkerCancelled:
                pass  # superseded by a newer load (exclusive workers)
        await pilot.pause()


def cells(table: DataTable, key: str) -> list[str]:
    return [str(c) for c in table.get_row(key)]


def row_keys(table: DataTable) -> list[str]:
    return [table.coordinate_to_cell_key((i, 0)).row_key.value for i in range(table.row_count)]


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
        assert p3[0] == "3)" and p3[2:7] == ["20,000", "25,000", "-", "-", "-"] and p3[7] == "สป. กองคลัง"
        assert p3[8] == "ยังไม่รายงาน" and p3[9] == "โครงการ"
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
    from itatui.store import progress
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
        assert cells(table, f"p:{small['p5']}")[8] == "อยู่ระหว่างดำเนินการ"
        assert screen.query_one("#plan-dimension").value is screen.query_one("#plan-dimension").NULL


async def test_editing_a_budget_changes_the_totals(engine, admin, small):
    from itatui.tui.forms.project_form import ProjectForm

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
    from itatui.tui.forms.project_form import ProjectForm

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

    from itatui.tui.screens.project_sheet import ProjectSheetScreen

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
        await pilot.press("p")
        assert any("การพิมพ์" in n.message for n in app._notifications)
    wide = PlanHost(make_ctx(engine, admin, small))
    async with wide.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        assert wide.screen.query_one(PlanSummaryPanel).display and wide.screen.query_one("#plan-main").display


async def test_rows_are_paged(engine, admin, small, monkeypatch):
    from itatui.store import plan as repo

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
    from itatui.tui.forms.targets_form import TargetsForm
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
