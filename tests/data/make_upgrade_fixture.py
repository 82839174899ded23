"""Make an upgrade fixture: a small database written by an OLD checkout of itatui, through that code's own API.

Run it with the old checkout's ``src`` first on the path (``git worktree add /tmp/old <commit>``):

    PYTHONPATH=/tmp/old/src python tests/data/make_upgrade_fixture.py OUT.db

It writes accounts, an organisation, units, a plan (dimension, mission, projects with every section, budgets,
KPIs, progress), a risk assessment, and — when that code has the complaint desk — seeded complaints; every
change audited the way that code audits. Thai text, JSON lists and money, so an upgrade that loses any of them
shows. ``tests/ops/test_upgrade_fixtures.py`` upgrades each fixture and compares every row.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from importlib import import_module
from pathlib import Path


def main(out: str) -> None:
    Path(out).unlink(missing_ok=True)
    from itatui.domain.roles import Role
    from itatui.store import audit
    from itatui.store.accounts import create_user
    from itatui.store.bootstrap import open_database
    from itatui.store.db import write_scope
    from itatui.store.models import (
        Budget, Dimension, Kpi, KpiActual, Mission, Organisation, Plan, PlanTarget, ProgressReport, Project,
        ProjectUnit, RiskAssessment, RiskControl, RiskIssue, RiskProcess, Setting, TargetGroup, Unit,
    )

    engine = open_database(out)
    admin = create_user(engine, None, "admin", "admin-pass-1", {Role.ADMIN}, "ผู้ดูแลระบบ", first_admin=True).actor()
    create_user(engine, admin, "plan1", "plan-pass-1", {Role.PLAN_OFFICER}, "นางสาวแผน งานดี")
    create_user(engine, admin, "desk1", "desk-pass-1", {Role.COMPLAINT_OFFICER}, "นายรับเรื่อง ใจเย็น")
    at = datetime(2026, 3, 1, 9, 30, tzinfo=timezone.utc)
    with write_scope(engine) as s:
        org = Organisation(name="เทศบาลตำบลเขมราฐ", district="เขมราฐ", province="อุบลราชธานี")
        s.add(org)
        s.flush()
        units = [Unit(organisation_id=org.id, code=c, name=n) for c, n in (("สป.", "สำนักปลัด"), ("กองคลัง", "กองคลัง"))]
        s.add_all(units)
        s.add(Setting(organisation_id=org.id, key="complaint.publish_threshold", value="3"))
        plan = Plan(organisation_id=org.id, title="แผนปฏิบัติการป้องกันการทุจริต ๔ ปี (พ.ศ. ๒๕๖๖ – ๒๕๗๐)",
                    start_year=2566, end_year=2570, declared_total=2, source_name="plan.txt")
        s.add(plan)
        s.flush()
        dim = Dimension(plan_id=plan.id, number=1, name="การสร้างสังคมที่ไม่ทนต่อการทุจริต", declared_count=2)
        s.add(dim)
        s.flush()
        mission = Mission(dimension_id=dim.id, code="1.1", position=1, name="สร้างจิตสำนึกและความตระหนักแก่บุคลากร")
        s.add(mission)
        s.flush()
        for n in (1, 2):
            p = Project(plan_id=plan.id, mission_id=mission.id, number=n, name=f"โครงการอบรมคุณธรรม จริยธรรม รุ่นที่ {n}",
                        sheet_name=f"โครงการอบรมคุณธรรม รุ่นที่ {n}", rationale="ด้วยพระราชบัญญัติ… ๑๐๐ คน \"อ้างอิง\"",
                        objectives=["เพื่อให้บุคลากรมีความรู้", "เพื่อป้องกันการทุจริต"], area="เทศบาลตำบลเขมราฐ",
                        method_steps=["ขั้นที่ ๑ วางแผน", "ขั้นที่ ๒ ดำเนินการ"], period="ปีงบประมาณ ๒๕๖๖ – ๒๕๗๐",
                        budget_text="๒๐,๐๐๐ บาท", owner="สำนักปลัด", outputs=["บุคลากร ๕๐ คน"],
                        outcomes=["ร้อยละ ๘๐ มีความรู้"], eplan_target_groups=["staff"], source_line=100 + n, sheet_line=900 + n,
                        updated_at=at)
            s.add(p)
            s.flush()
            s.add(ProjectUnit(project_id=p.id, unit_id=units[n - 1].id))
            s.add(TargetGroup(project_id=p.id, position=1, description="พนักงานเทศบาล", count=50, count_unit="คน"))
            for fy, amount in ((2566, 20000), (2567, None), (2568, 1_250_000)):
                s.add(Budget(project_id=p.id, fiscal_year=fy, amount=amount, raw="-" if amount is None else f"{amount:,}"))
            kpi = Kpi(project_id=p.id, kind="output", indicator="จำนวนผู้เข้าร่วม", comparator=">=", target=50.0, unit="คน")
            s.add(kpi)
            s.flush()
            s.add(KpiActual(kpi_id=kpi.id, fiscal_year=2566, value=48.5, note="ขาด ๒ คน"))
            s.add(ProgressReport(project_id=p.id, fiscal_year=2566, round=1, amount_local_plan=20000, amount_ordinance=20000,
                                 amount_spent=19500, status="done", remark="เสร็จ", locked=True, updated_at=at))
            audit.record(s, admin, "create", "project", p.id, after={"name": p.name})
        s.add(PlanTarget(plan_id=plan.id, kind="complaints_down", fiscal_year=2567, target=10.0, actual=None))
        ra = RiskAssessment(organisation_id=org.id, plan_id=plan.id, fiscal_year=2567, title="การประเมินความเสี่ยง", source="manual")
        s.add(ra)
        s.flush()
        proc = RiskProcess(assessment_id=ra.id, number=1, name="การจัดซื้อจัดจ้าง", category="budget")
        s.add(proc)
        s.flush()
        s.add(RiskIssue(process_id=proc.id, number=1, description="การแบ่งซื้อแบ่งจ้าง", likelihood=3, impact=4, level="high"))
        s.add(RiskControl(process_id=proc.id, number=1, text="ตรวจสอบโดยคณะกรรมการ"))
        audit.record(s, admin, "create", "plan", plan.id, after={"title": plan.title})
    seed = None  # a release without the complaint desk has neither module
    for name in ("itatui.store.complaints.seed", "itatui.store.complaint_seed"):
        try:
            seed = import_module(name)
            break
        except ImportError:
            continue
    if seed is not None:
        seed.seed_complaints(engine, 25, seed=12, now=datetime(2026, 11, 20, 3, 0, tzinfo=timezone.utc))
    engine.dispose()
    import sqlite3

    conn = sqlite3.connect(out)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("VACUUM")
    conn.close()


if __name__ == "__main__":
    main(sys.argv[1])
