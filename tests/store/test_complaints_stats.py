"""Statistics: counts, breakdowns, deadlines, satisfaction, the corruption baseline; masking for publication."""

from __future__ import annotations

from dataclasses import replace

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from itatui.domain.roles import PermissionDenied, Role
from itatui.store import accounts
from itatui.store import complaints as C
from itatui.store.complaints.stats import (
    Count,
    complaint_stats,
    feed_case_reduction_actual,
)
from itatui.store.db import write_scope
from itatui.store.models import Organisation, Plan, PlanTarget

TODAY = date(2026, 3, 31)
NAME = "นางสาวสถิติ ไม่ควรปรากฏ"


@pytest.fixture
def data(engine, admin):
    with write_scope(engine) as s:
        org = Organisation(name="เทศบาลตำบลเขมราฐ")
        s.add(org)
        s.flush()
        plan = Plan(organisation_id=org.id, title="แผน", start_year=2566, end_year=2570)
        s.add(plan)
        s.flush()
        s.add(PlanTarget(plan_id=plan.id, kind="case_reduction_pct", fiscal_year=2569, target=40))
    officer = accounts.create_user(engine, admin, "desk", "desk-pass-1", {Role.COMPLAINT_OFFICER}).actor()

    def add(day: date, channel: str = "walk_in", kind: str = "general") -> int:
        at = datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC)
        draft = C.ComplaintDraft(kind=kind, channel=channel, subject="เรื่อง", received_at=at, complainant_name=NAME,
                                 accused="นาย ข." if kind == "corruption" else "", anonymous=kind == "corruption")
        if kind == "corruption":
            draft = C.ComplaintDraft(kind=kind, channel=channel, subject="เรื่อง", received_at=at, accused="นาย ข.", anonymous=True)
        if day < date(2024, 10, 1):  # before the previous fiscal year: the desk must say why (issue 7)
            draft = replace(draft, received_reason="บันทึกย้อนหลังจากทะเบียนกระดาษ")
        return C.create_complaint(engine, officer, draft, now=datetime(2026, 3, 31, 3, 0, tzinfo=UTC)).id

    def told(cid: int, day: date, close_days: int | None = None, satisfaction: int | None = None) -> None:
        at = datetime(day.year, day.month, day.day, 5, 0, tzinfo=UTC)
        C.record_result(engine, officer, cid, "concluded", "แก้ไขแล้ว", now=at)
        if close_days is not None:
            C.close(engine, officer, cid, satisfaction, now=at + timedelta(days=close_days))

    # fiscal year 2569 (Oct 2025 – Sep 2026): 5 walk-in, 2 by LINE, 1 corruption by letter
    a = add(date(2025, 10, 5))
    b = add(date(2025, 10, 6))
    c = add(date(2025, 11, 1))
    add(date(2026, 3, 1))  # still open, overdue on 31 March (as are the open LINE and corruption ones)
    add(date(2026, 3, 25))  # open, not yet due
    d = add(date(2026, 1, 10), "line")
    add(date(2026, 1, 11), "line")
    add(date(2026, 2, 1), "letter", "corruption")
    told(a, date(2025, 10, 10), 0, 5)  # in time, satisfied; closed 5 days after receipt
    told(b, date(2025, 10, 30), 1, 2)  # late (due 21 Oct), unhappy; closed 25 days after receipt
    told(c, date(2025, 11, 5), 2, 4)  # in time, satisfied; closed 6 days after receipt
    told(d, date(2026, 1, 20))  # in time, not closed
    # the baseline year 2565 and the year before: 10 and 3 corruption complaints
    for i in range(10):
        add(date(2022, 1, 1) + timedelta(days=i), "letter", "corruption")
    for i in range(3):
        add(date(2025, 1, 1) + timedelta(days=i), "letter", "corruption")
    return {"officer": officer, "admin": admin}


def test_year_statistics(engine, data):
    st = complaint_stats(engine, data["officer"], 2569, today=TODAY)
    assert (st.received.n, st.finished.n, st.in_progress.n, st.overdue.n) == (8, 4, 4, 3)
    assert {b.key: b.count.n for b in st.by_kind} == {"general": 7, "corruption": 1}
    channels = {b.key: b.count.n for b in st.by_channel}
    assert (channels["walk_in"], channels["line"], channels["letter"], channels["phone"]) == (5, 2, 1, 0)
    months = {b.key: b.count.n for b in st.by_month}
    assert len(months) == 12 and months["2025-10"] == 2 and months["2026-01"] == 2 and months["2026-09"] == 0
    assert st.by_month[0].label == "ต.ค. 2568"
    assert st.median_days_to_close == 6.1  # 5.1, 6.1, 25.1 days (received 10:00, closed 12:00 Thai time)
    assert st.within_deadline_pct == 75.0  # 3 of 4 told in time
    assert st.satisfied_pct == round(200 / 3, 1)
    assert st.by_unit[0].label == "ยังไม่ส่งหน่วยงาน" and st.by_unit[0].count.n == 8
    assert NAME not in repr(st)


def test_first_round_is_the_first_six_months(engine, data):
    st = complaint_stats(engine, data["officer"], 2569, round=1, today=TODAY)
    assert st.period_end == date(2026, 3, 31) and st.received.n == 8 and len(st.by_month) == 6


def test_corruption_cases_against_the_2565_baseline_and_target(engine, data):
    st = complaint_stats(engine, data["officer"], 2569, today=TODAY)
    assert st.corruption_baseline_year == 2565  # the year before the plan's first (2566)
    assert st.corruption_baseline == 10
    years = {y.fiscal_year: y for y in st.corruption_by_year}
    assert years[2568].count.n == 3 and years[2568].reduction_pct == 70.0
    assert years[2569].count.n == 1 and years[2569].reduction_pct == 90.0
    assert years[2569].target_pct == 40 and years[2569].met is True
    C.set_setting(engine, data["admin"], "complaint.corruption_baseline_2565", 2)
    assert complaint_stats(engine, data["officer"], 2569, today=TODAY).corruption_by_year[-1].reduction_pct == 50.0
    assert feed_case_reduction_actual(engine, data["admin"], 2569) == 50.0


def test_published_counts_below_the_threshold_are_masked(engine, data):
    st = complaint_stats(engine, data["officer"], 2569, publish=True, today=TODAY)
    channels = {b.key: b.count for b in st.by_channel}
    assert channels["walk_in"] == Count(5, "5")
    assert (channels["line"].n, channels["line"].text) == (None, "< 3")
    assert (channels["letter"].n, channels["letter"].text) == (None, "< 3")
    assert (channels["phone"].n, channels["phone"].text) == (0, "0")
    assert {b.key: b.count.text for b in st.by_kind} == {"general": "7", "corruption": "< 3"}
    assert st.overdue.text == "3"
    assert complaint_stats(engine, data["officer"], 2569, publish=True, threshold=6, today=TODAY).by_channel[0].count.text == "< 6"
    C.set_setting(engine, data["admin"], "complaint.publish_threshold", 10)
    assert complaint_stats(engine, data["officer"], 2569, publish=True, today=TODAY).received.text == "< 10"
    unpublished = complaint_stats(engine, data["officer"], 2569, today=TODAY)
    assert {b.key: b.count.text for b in unpublished.by_channel}["line"] == "2"


def test_statistics_need_the_right(engine, data):
    nobody = accounts.create_user(engine, data["admin"], "x", "x-password", set()).actor()
    with pytest.raises(PermissionDenied):
        complaint_stats(engine, nobody, 2569)


def test_the_baseline_year_is_the_year_before_the_imported_plan(engine, data):
    with write_scope(engine) as s:
        plan = s.exec(select(Plan)).one()
        plan.start_year, plan.end_year = 2569, 2573  # a later plan: its baseline is FY 2568 (3 cases)
        s.add(plan)
    st = complaint_stats(engine, data["officer"], 2569, today=TODAY)
    assert st.corruption_baseline_year == 2568 and st.corruption_baseline == 3
    assert [(y.fiscal_year, y.count.n, y.reduction_pct) for y in st.corruption_by_year] == [(2569, 1, 66.7)]
