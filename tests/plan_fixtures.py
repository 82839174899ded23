"""A small plan built row by row (two dimensions, a mission with no project, five projects), shared by the
plan repository tests and the plan screen tests."""

from __future__ import annotations

from sqlmodel import Session

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
