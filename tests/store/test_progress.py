"""Progress reports: E-PlanNACC rules, KPI actuals, the done-year lock, unlocking by an administrator, audit."""

from __future__ import annotations

import json

import pytest
from sqlmodel import Session, select

from itatui.domain.eplan import PlanError, Status
from itatui.domain.roles import PermissionDenied, Role
from itatui.domain.validation import ValidationError
from itatui.store.plan import progress
from itatui.store.accounts import create_user
from itatui.store.models import AuditLog
from itatui.store.plan.progress import ProgressDraft, ProgressEdit, ProgressLocked


@pytest.fixture
def officer(engine, admin):
    return create_user(engine, admin, "officer", "password-1", {Role.PLAN_OFFICER}).actor()


def _audit(engine) -> list[AuditLog]:
    with Session(engine) as s:
        return list(s.exec(select(AuditLog).where(AuditLog.entity == "progress").order_by(AuditLog.id)).all())


def test_draft_parsing_reports_every_problem():
    draft = ProgressDraft(amount_local_plan="-1", amount_ordinance="๑๐,๐๐๐.-", amount_spent="สิบ",
                          status="not_possible", reason="other", reason_text="  ", kpi_actuals={7: "ร้อยละ ๘๕", 8: "x"})
    with pytest.raises(ValidationError) as exc:
        progress.parse_progress_draft(draft, 2)
    assert {(p.field, p.key) for p in exc.value.problems} == {
        ("amount_local_plan", "err.negative"),
        ("amount_spent", "err.not_a_number"),
        ("kpi_8", "err.not_a_number"),
        ("reason_text", "err.reason_text_required"),
    }
    ok = progress.parse_progress_draft(
        ProgressDraft(amount_ordinance="๑๐,๐๐๐.-", status="not_possible", reason="other", reason_text="น้ำท่วม", kpi_actuals={7: "ร้อยละ ๘๕"}), 1
    )
    assert ok.amount_ordinance == 10000 and ok.kpi_actuals == {7: 85.0} and ok.reason_text == "น้ำท่วม"
    with pytest.raises(ValidationError) as exc:
        progress.parse_progress_draft(ProgressDraft(status=""), 3)
    assert {p.key for p in exc.value.problems} == {"err.round_invalid", "err.status_required"}
    with pytest.raises(ValidationError) as exc:
        progress.parse_progress_draft(ProgressDraft(status="not_possible"), 1)
    assert [p.key for p in exc.value.problems] == ["err.reason_required"]


def test_save_with_kpi_actuals_and_audit(engine, officer, small):
    edit = ProgressEdit(10000, 10000, 4000, Status.IN_PROGRESS, remark="ครึ่งปีแรก", kpi_actuals={small["kpi"]: 60.0})
    info = progress.save_progress(engine, officer, small["p1"], 2567, 1, edit)
    assert info.amount_spent == 4000 and not info.locked and info.updated_by == "officer"
    data = progress.progress_form_data(engine, officer, small["p1"], 2567, 1)
    assert data.report == info and data.kpis[0].actual == 60.0 and data.planned_budget == 10000
    assert progress.progress_form_data(engine, officer, small["p1"], 2568, 1).kpis[0].actual is None
    progress.save_progress(engine, officer, small["p1"], 2567, 1, ProgressEdit(10000, 10000, 6000, Status.IN_PROGRESS, remark="ครึ่งปีแรก", kpi_actuals={small["kpi"]: 60.0}))
    created, updated = _audit(engine)
    assert created.action == "create" and created.entity_id == f"{small['p1']}/2567/1"
    assert json.loads(updated.before) == {"amount_spent": 4000} and json.loads(updated.after) == {"amount_spent": 6000}


def test_done_year_is_locked_until_an_admin_unlocks_it(engine, admin, officer, small):
    pid = small["p3"]
    progress.save_progress(engine, officer, pid, 2566, 1, ProgressEdit(20000, 20000, 5000, Status.DONE))
    assert not progress.is_year_locked(engine, officer, pid, 2566)  # round 1 "done" does not lock the year
    progress.save_progress(engine, officer, pid, 2566, 2, ProgressEdit(20000, 20000, 19500, Status.DONE))
    assert progress.is_year_locked(engine, officer, pid, 2566)
    for round_no in (1, 2):
        with pytest.raises(ProgressLocked) as exc:
            progress.save_progress(engine, officer, pid, 2566, round_no, ProgressEdit(20000, 20000, 1, Status.IN_PROGRESS))
        assert exc.value.key == "err.progress_locked" and exc.value.params == {"fiscal_year": 2566}
    # other years stay open
    progress.save_progress(engine, officer, pid, 2567, 1, ProgressEdit(None, None, None, Status.IN_PROGRESS))
    # a plan officer may not unlock; an administrator needs a reason
    with pytest.raises(PermissionDenied):
        progress.unlock_year(engine, officer, pid, 2566, "พิมพ์ผิด")
    with pytest.raises(ValidationError):
        progress.unlock_year(engine, admin, pid, 2566, "  ")
    progress.unlock_year(engine, admin, pid, 2566, "ยอดเบิกจ่ายพิมพ์ผิด")
    rec = _audit(engine)[-1]
    assert rec.action == "unlock" and rec.username == "admin"
    assert json.loads(rec.after) == {"locked": False, "reason": "ยอดเบิกจ่ายพิมพ์ผิด"}
    info = progress.save_progress(engine, officer, pid, 2566, 2, ProgressEdit(20000, 20000, 19000, Status.DONE))
    assert info.amount_spent == 19000 and info.locked  # saved as done again: locked again
    with pytest.raises(PlanError) as exc:
        progress.unlock_year(engine, admin, pid, 2567, "ไม่ได้ล็อก")
    assert exc.value.key == "err.not_locked"


def test_viewer_cannot_edit_progress(engine, admin, small):
    viewer = create_user(engine, admin, "viewer", "password-1", {Role.VIEWER}).actor()
    assert progress.list_progress(engine, viewer, small["p1"]) == []
    with pytest.raises(PermissionDenied):
        progress.save_progress(engine, viewer, small["p1"], 2566, 1, ProgressEdit(None, None, None, Status.IN_PROGRESS))
    assert _audit(engine) == []


def test_core_checks_rules_and_plan_years(engine, officer, small):
    with pytest.raises(ValidationError) as exc:
        progress.save_progress(engine, officer, small["p1"], 2566, 2, ProgressEdit(-5, None, None, Status.IN_PROGRESS, reason="policy"))
    assert {p.key for p in exc.value.problems} == {"err.negative", "err.reason_only_not_possible"}
    with pytest.raises(ValidationError) as exc:
        progress.save_progress(engine, officer, small["p1"], 2580, 1, ProgressEdit(None, None, None, Status.IN_PROGRESS))
    assert exc.value.problems[0].key == "err.year_outside_plan"
    with pytest.raises(ValidationError) as exc:
        progress.save_progress(engine, officer, small["p2"], 2566, 1, ProgressEdit(None, None, None, Status.IN_PROGRESS, kpi_actuals={small["kpi"]: 1.0}))
    assert exc.value.problems[0].key == "err.kpi_not_of_project"
    assert _audit(engine) == []
