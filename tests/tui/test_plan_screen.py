"""The plan screen on a bare host App: rows, subtotals, folding, filters, digits, editing a budget changes totals."""

from __future__ import annotations

import pytest
from sqlmodel import Session
from textual.app import App
from textual.reactive import reactive
from textual.widgets import DataTable

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


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
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
        assert sub2[3:8] == ["25,000", "30,000", "5,000", "5,000", "5,000"]
        assert cells(table, "T")[3:8] == ["35,000", "40,000", "15,000", "15,000", "15,000"]
        p3 = cells(table, f"p:{small['p3']}")
        assert p3[0] == "3)" and p3[3:8] == ["20,000", "25,000", "-", "-", "-"] and p3[8] == "สป. กองคลัง"
        assert table.fixed_columns == 2
