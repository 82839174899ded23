"""The risk register on PostgreSQL (migration 0003 and the register's queries): skipped without a server."""

from __future__ import annotations

from itatui.domain.risks import PACC_MATRIX
from itatui.domain.roles import Role
from itatui.store import risks
from itatui.store.accounts import create_user
from itatui.store.risks.types import RegisterFilter
from itatui.store.seed import seed_demo_plan


def test_register_year_copy_heat_map_and_matrix_on_postgresql(pg_engine):
    engine = pg_engine
    admin = create_user(engine, None, "admin", "admin-pass-1", {Role.ADMIN}, "ผู้ดูแล", first_admin=True).actor()  # type: ignore[arg-type]
    seed_demo_plan(engine)
    a = risks.assessment_for_year(engine, admin, 2566)
    settings = risks.risk_settings(engine, admin)
    row = risks.register_page(engine, admin, a.id, sort="level", descending=True).rows[0]
    v, _ = risks.parse_risk({"process": str(row.process_id), "description": row.description, "likelihood": "4", "impact": "4",
                             "next_review": "1/1/2560", "status": "treating"}, settings)
    risks.save_risk(engine, admin, a.id, v, row.id)
    assert risks.heat_map(engine, admin, a.id).counts == {(4, 4): 1}
    assert [r.id for r in risks.register_page(engine, admin, a.id, RegisterFilter(overdue=True)).rows] == [row.id]
    b = risks.start_assessment(engine, admin, 2567, a.id)
    assert risks.register_page(engine, admin, b).total == 9
    assert risks.compare_years(engine, admin, 2566, 2567).counts == {"same": 9}
    assert [m.level_after for m in risks.preview_matrix(engine, admin, PACC_MATRIX)] == ["high"]
    assert risks.set_matrix(engine, admin, PACC_MATRIX) == 1
