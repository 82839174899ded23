"""A case: timeline with internal and complainant messages kept apart, delay notices, result, closing,
links, the clock rule, and what the public lookup may show."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa

from itatui.domain.complaint_clock import ClockMode, ClockRule
from itatui.domain.roles import PermissionDenied, Role
from itatui.store import accounts
from itatui.store import complaints as C
from itatui.store.db import session_scope, write_scope
from itatui.store.models import (
    AuditLog,
    Dimension,
    Mission,
    Organisation,
    Plan,
    Project,
    RiskAssessment,
    RiskIssue,
    RiskProcess,
    Unit,
)

RECEIVED = datetime(2026, 4, 10, 2, 0, tzinfo=UTC)  # Friday 10 April 2026, 09:00 in Thailand
NOW = datetime(2026, 4, 12, 3, 0, tzinfo=UTC)
INTERNAL_NOTE = "ผู้ร้องเคยร้องเรื่องเดียวกันมาแล้ว ตรวจสอบประวัติภายใน"


@pytest.fixture
def setup(engine, admin):
    with write_scope(engine) as s:
        org = Organisation(name="เทศบาลตำบลเขมราฐ", district="เขมราฐ", province="อุบลราชธานี")
        s.add(org)
        s.flush()
        unit = Unit(organisation_id=org.id, code="กองช่าง", name="กองช่าง")
        s.add(unit)
        s.flush()
        unit_id = unit.id
    officer = accounts.create_user(engine, admin, "desk", "desk-pass-1", {Role.COMPLAINT_OFFICER}, "สมศรี รับเรื่อง").actor()
    return {"officer": officer, "unit": unit_id, "admin": admin}


def _new(engine, officer, **kw) -> C.CreatedComplaint:
    base = dict(kind="general", channel="phone", subject="ถนนชำรุด", details="ถนนเป็นหลุม", received_at=RECEIVED,
                complainant_name="นายสมชาย ใจดี", phone="0812345678", contact_pref="phone", place="หมู่ที่ 3")
    base.update(kw)
    return C.create_complaint(engine, officer, C.ComplaintDraft(**base), now=NOW)


def test_full_timeline_keeps_internal_and_complainant_messages_apart(engine, setup):
    o = setup["officer"]
    saved = _new(engine, o)
    C.forward(engine, o, saved.id, setup["unit"], "ส่งกองช่างตรวจสอบ", now=NOW)
    C.assign(engine, o, saved.id, o.user_id, now=NOW)
    C.start_investigation(engine, o, saved.id, "ออกพื้นที่", now=NOW)
    C.add_note(engine, o, saved.id, INTERNAL_NOTE, now=NOW)
    C.notify_complainant(engine, o, saved.id, date(2026, 4, 12), "phone", "อยู่ระหว่างตรวจสอบพื้นที่", now=NOW)
    C.record_result(engine, o, saved.id, "concluded", "ซ่อมถนนเรียบร้อยแล้ว", method="letter", now=NOW)
    case = C.close(engine, o, saved.id, 4, now=NOW + timedelta(days=1))

    assert case.status == "closed" and case.outcome == "concluded" and case.satisfaction == 4
    assert case.unit_name == "กองช่าง" and case.assigned_user_name == "สมศรี รับเรื่อง"
    assert [(e.kind, e.audience) for e in case.events] == [
        ("received", "complainant"), ("forwarded", "internal"), ("assigned", "internal"), ("investigating", "internal"),
        ("note", "internal"), ("notice", "complainant"), ("result", "complainant"), ("closed", "internal"),
    ]
    notice = case.events[5]
    assert (notice.notice_date, notice.method, notice.text) == (date(2026, 4, 12), "phone", "อยู่ระหว่างตรวจสอบพื้นที่")
    with session_scope(engine) as s:
        actions = s.exec(sa.select(AuditLog.action).where(AuditLog.entity == "complaint").order_by(AuditLog.id)).scalars().all()
    assert actions == ["create", "forward", "assign", "investigate", "note", "notice", "result", "close"]

    public = C.public_status(engine, case.tracking_code)
    assert public.status == "closed" and public.outcome == "concluded"
    assert [m.kind for m in public.messages] == ["received", "notice", "result"]
    shown = repr(public)
    for private in (INTERNAL_NOTE, "ส่งกองช่างตรวจสอบ", "ออกพื้นที่", "นายสมชาย", "081-234-5678", "ถนนชำรุด", "สมศรี"):
        assert private not in shown


def test_delay_notice_moves_the_due_date_and_is_told_to_the_complainant(engine, setup):
    o = setup["officer"]
    saved = _new(engine, o)
    assert saved.due_date == date(2026, 4, 25)
    with pytest.raises(C.ComplaintError) as exc:
        C.notify_delay(engine, o, saved.id, "รองบประมาณ", date(2026, 4, 20), now=NOW)
    assert exc.value.key == "complaint.err.new_due_not_later"
    with pytest.raises(C.ComplaintError) as exc:
        C.notify_delay(engine, o, saved.id, "  ", date(2026, 5, 10), now=NOW)
    assert exc.value.key == "complaint.err.reason_required"
    case = C.notify_delay(engine, o, saved.id, "รอผู้รับเหมาเข้าซ่อม", date(2026, 5, 10), method="phone", now=NOW)
    assert case.due_date == date(2026, 5, 10) and case.initial_due_date == date(2026, 4, 25)
    delay = case.events[-1]
    assert (delay.kind, delay.audience, delay.old_due_date, delay.new_due_date) == ("delay", "complainant", date(2026, 4, 25), date(2026, 5, 10))
    # no longer overdue on 1 May, and the public lookup shows the new date with the reason
    assert C.overdue_list(engine, o, today=date(2026, 5, 1)).total == 0
    assert C.overdue_list(engine, o, today=date(2026, 5, 11)).total == 1
    public = C.public_status(engine, saved.tracking_code, today=date(2026, 5, 1))
    assert public.due_date == date(2026, 5, 10) and public.days_left == 9
    assert (public.messages[-1].text, public.messages[-1].new_due_date) == ("รอผู้รับเหมาเข้าซ่อม", date(2026, 5, 10))


def test_steps_out_of_order_are_refused(engine, setup):
    o = setup["officer"]
    saved = _new(engine, o)
    with pytest.raises(C.ComplaintError) as exc:
        C.close(engine, o, saved.id, 5, now=NOW)
    assert exc.value.key == "complaint.err.result_first"
    with pytest.raises(C.ComplaintError) as exc:
        C.record_result(engine, o, saved.id, "maybe", "เหตุผล", now=NOW)
    assert exc.value.key == "complaint.err.outcome"
    C.record_result(engine, o, saved.id, "continued", "ส่งเรื่องให้ สถ.จ. พิจารณาต่อ", now=NOW)
    with pytest.raises(C.ComplaintError):
        C.forward(engine, o, saved.id, setup["unit"], now=NOW)
    with pytest.raises(C.ComplaintError) as exc:
        C.close(engine, o, saved.id, 6, now=NOW)
    assert exc.value.key == "complaint.err.satisfaction"
    assert C.close(engine, o, saved.id, None, now=NOW).satisfaction is None
    with pytest.raises(C.ComplaintError):
        C.notify_complainant(engine, o, saved.id, None, "phone", "ข้อความ", now=NOW)


def test_working_day_clock_is_a_setting_of_the_organisation(engine, setup):
    C.set_clock_rule(engine, setup["admin"], ClockRule(15, ClockMode.WORKING))
    assert C.get_clock_rule(engine) == ClockRule(15, ClockMode.WORKING)
    saved = _new(engine, setup["officer"])
    assert saved.due_date == date(2026, 5, 8)  # Songkran, Labour Day and Coronation Day skipped
    receipt = C.receipt_data(engine, setup["officer"], saved.id)
    assert receipt.working_days and receipt.days_allowed == 15
    with pytest.raises(PermissionDenied):
        C.set_clock_rule(engine, setup["officer"], ClockRule(30))


def test_receipt_of_a_general_complaint(engine, setup):
    C.set_setting(engine, setup["admin"], "complaint.follow_up", {"phone": "045-491-012", "office": "งานนิติการ ชั้น 1"})
    saved = _new(engine, setup["officer"])
    r = C.receipt_data(engine, setup["officer"], saved.id)
    assert (r.organisation_name, r.registry_display, r.tracking_code) == ("เทศบาลตำบลเขมราฐ", "รท. 1/2569", saved.tracking_code)
    assert r.address_line == "อำเภอเขมราฐ จังหวัดอุบลราชธานี"
    assert r.show_name == "นายสมชาย ใจดี" and r.subject == "ถนนชำรุด" and r.officer_name == "สมศรี รับเรื่อง"
    assert r.due_date == date(2026, 4, 25) and not r.working_days
    assert any(saved.tracking_code in line for line in r.follow_up) and r.follow_up_phone == "045-491-012"
    assert any("25 เมษายน 2569" in step for step in r.next_steps)


def test_links_to_risk_issue_and_project(engine, setup):
    with write_scope(engine) as s:
        org_id = s.exec(sa.select(Organisation.id)).scalar_one()
        plan = Plan(organisation_id=org_id, title="แผน", start_year=2566, end_year=2570)
        s.add(plan)
        s.flush()
        dim = Dimension(plan_id=plan.id, number=1, name="มิติ 1")
        s.add(dim)
        s.flush()
        mission = Mission(dimension_id=dim.id, code="1.1", name="ภารกิจ")
        s.add(mission)
        s.flush()
        project = Project(plan_id=plan.id, mission_id=mission.id, number=1, name="โครงการอบรมคุณธรรม")
        ra = RiskAssessment(organisation_id=org_id, fiscal_year=2569)
        s.add_all([project, ra])
        s.flush()
        proc = RiskProcess(assessment_id=ra.id, number=1, name="การออกใบอนุญาต")
        s.add(proc)
        s.flush()
        issue = RiskIssue(process_id=proc.id, number=1, description="เรียกรับผลประโยชน์ในการออกใบอนุญาต")
        s.add(issue)
        s.flush()
        project_id, issue_id = project.id, issue.id
    o = setup["officer"]
    saved = _new(engine, o, kind="corruption", anonymous=True, complainant_name="", phone="", contact_pref="code_only",
                 accused="เจ้าหน้าที่ผู้ออกใบอนุญาต")
    C.link(engine, o, saved.id, risk_issue_id=issue_id, now=NOW)
    case = C.link(engine, o, saved.id, project_id=project_id, now=NOW)
    assert [(ln.risk_issue_text, ln.project_name) for ln in case.links] == [
        ("เรียกรับผลประโยชน์ในการออกใบอนุญาต", ""), ("", "โครงการอบรมคุณธรรม")]
    with pytest.raises(C.ComplaintError) as exc:
        C.link(engine, o, saved.id, risk_issue_id=issue_id, now=NOW)
    assert exc.value.key == "complaint.err.link_exists"
    case = C.unlink(engine, o, saved.id, case.links[0].id, now=NOW)
    assert [ln.project_id for ln in case.links] == [project_id]


def test_lookup_by_code(engine, setup):
    saved = _new(engine, setup["officer"])
    assert C.find_by_code(engine, setup["officer"], saved.tracking_code.lower()) == saved.id
    with pytest.raises(C.TrackingCodeError):
        C.public_status(engine, saved.tracking_code[:-1] + ("A" if saved.tracking_code[-1] != "A" else "C"))
    from itatui.domain import tracking

    unknown = tracking.new_code()
    assert C.public_status(engine, unknown) is None
