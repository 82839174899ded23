"""The queue: filters, sorting, paging from both ends, Thai search without spaces, overdue list."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from itatui.domain.roles import PermissionDenied, Role
from itatui.store import accounts
from itatui.store import complaints as C
from itatui.store.db import write_scope
from itatui.store.models import Organisation, Unit

TODAY = date(2026, 2, 20)


@pytest.fixture
def desk(engine, admin):
    with write_scope(engine) as s:
        org = Organisation(name="เทศบาลตำบลเขมราฐ")
        s.add(org)
        s.flush()
        road, finance = Unit(organisation_id=org.id, code="กองช่าง", name="กองช่าง"), Unit(organisation_id=org.id, code="กองคลัง", name="กองคลัง")
        s.add_all([road, finance])
        s.flush()
        units = {"road": road.id, "finance": finance.id}
    officer = accounts.create_user(engine, admin, "desk", "desk-pass-1", {Role.COMPLAINT_OFFICER}).actor()
    now = datetime(2026, 2, 20, 3, 0, tzinfo=UTC)

    def add(day: date, subject: str, details: str = "", kind: str = "general", channel: str = "walk_in") -> int:
        received = datetime(day.year, day.month, day.day, 2, 0, tzinfo=UTC)
        draft = C.ComplaintDraft(kind=kind, channel=channel, subject=subject, details=details, received_at=received,
                                 anonymous=True, accused="นาย ก." if kind == "corruption" else "")
        return C.create_complaint(engine, officer, draft, now=now).id

    ids = {
        "road": add(date(2026, 1, 5), "ถนนชำรุด", "ถนนในหมู่บ้านเป็นหลุมเป็นบ่อหลายจุด", channel="phone"),
        "light": add(date(2026, 1, 20), "ไฟทางดับ", "ไฟฟ้าส่องสว่างดับทั้งซอย", channel="line"),
        "waste": add(date(2026, 2, 10), "ขยะล้นถัง", "รถเก็บขยะไม่มาเก็บสามวัน"),
        "bribe": add(date(2026, 2, 12), "เรียกรับเงิน", "มีการเรียกรับเงินค่าใบอนุญาต", kind="corruption", channel="letter"),
        "old": add(date(2025, 6, 1), "น้ำประปาไม่ไหล", "น้ำไม่ไหลตั้งแต่เช้า"),  # fiscal year 2568
    }
    C.forward(engine, officer, ids["light"], units["road"], now=now)
    C.record_result(engine, officer, ids["old"], "concluded", "ซ่อมท่อแล้ว", now=now)
    return {"officer": officer, "ids": ids, "units": units, "admin": admin}


def _ids(page: C.Page) -> list[int]:
    return [r.id for r in page.rows]


def test_rows_carry_what_the_queue_shows(engine, desk):
    page = C.list_complaints(engine, desk["officer"], sort="registry", descending=False, today=TODAY)
    assert page.total == 5
    road = next(r for r in page.rows if r.id == desk["ids"]["road"])
    assert road.registry_display == "รท. 1/2569" and road.channel == "phone" and road.subject == "ถนนชำรุด"
    assert road.received_at.tzinfo is not None
    assert road.due_date == date(2026, 1, 20) and road.days_left == -31 and road.urgency == "overdue"
    waste = next(r for r in page.rows if r.id == desk["ids"]["waste"])
    assert (waste.due_date, waste.days_left, waste.urgency) == (date(2026, 2, 25), 5, "ok")
    light = next(r for r in page.rows if r.id == desk["ids"]["light"])
    assert light.unit_name == "กองช่าง" and light.status == "forwarded" and light.days_left == -16
    old = next(r for r in page.rows if r.id == desk["ids"]["old"])
    assert old.days_left is None and old.urgency == "done"  # the clock stopped when the result was told


def test_filters(engine, desk):
    o, ids, units = desk["officer"], desk["ids"], desk["units"]

    def q(**kw) -> set[int]:
        return set(_ids(C.list_complaints(engine, o, C.QueueFilters(**kw), today=TODAY)))

    assert q(status="forwarded") == {ids["light"]}
    assert q(status=("received", "result_told")) == {ids["road"], ids["waste"], ids["bribe"], ids["old"]}
    assert q(kind="corruption") == {ids["bribe"]}
    assert q(channel="line") == {ids["light"]}
    assert q(unit_id=units["road"]) == {ids["light"]}
    assert q(fiscal_year=2568) == {ids["old"]}
    assert q(overdue_only=True) == {ids["road"], ids["light"]}
    assert q(overdue_only=True, channel="phone") == {ids["road"]}


def test_officers_without_the_corruption_right_never_see_corruption_rows(engine, desk):
    viewer = accounts.create_user(engine, desk["admin"], "v", "viewer-pass", {Role.VIEWER}).actor()
    page = C.list_complaints(engine, viewer, today=TODAY)
    assert page.total == 4 and desk["ids"]["bribe"] not in _ids(page)
    with pytest.raises(PermissionDenied):
        C.list_complaints(engine, viewer, C.QueueFilters(kind="corruption"))
    with pytest.raises(PermissionDenied):
        C.get_case(engine, viewer, desk["ids"]["bribe"])


def test_thai_search_without_spaces(engine, desk):
    o, ids = desk["officer"], desk["ids"]

    def find(text: str) -> set[int]:
        return set(_ids(C.list_complaints(engine, o, C.QueueFilters(text=text), today=TODAY)))

    assert find("หลุมเป็นบ่อ") == {ids["road"]}  # the middle of a run of Thai text
    assert find("ส่องสว่าง") == {ids["light"]}
    assert find("เก็บขยะ") == {ids["waste"]}  # in details; "ขยะ" also in the subject
    assert find("ขยะ") == {ids["waste"]}
    assert find("เรียกรับเงิน") == {ids["bribe"]}
    assert find("ไฟ") == {ids["light"]}  # 2 characters: the LIKE fallback
    assert find("ไม่มีเรื่องนี้") == set()
    assert find('"ถนน') == {ids["road"]}  # quotes typed by the user do not break the query
    assert find("ถนน") & find("ชำรุด") == {ids["road"]}


def test_sorting_and_pages_from_both_ends_agree(engine, desk):
    o = desk["officer"]
    for sort in ("registry", "received", "due", "status"):
        for desc in (False, True):
            whole = _ids(C.list_complaints(engine, o, sort=sort, descending=desc, limit=50, today=TODAY))
            pages = [_ids(C.list_complaints(engine, o, sort=sort, descending=desc, offset=k, limit=2, today=TODAY)) for k in (0, 2, 4)]
            assert pages[0] + pages[1] + pages[2] == whole, (sort, desc)
    by_due = C.list_complaints(engine, o, sort="due", descending=False, today=TODAY).rows
    assert [r.due_date for r in by_due] == sorted(r.due_date for r in by_due)
    by_status = C.list_complaints(engine, o, sort="status", descending=False, today=TODAY).rows
    assert [r.status for r in by_status][-1] == "result_told" and by_status[0].status == "received"
    assert C.list_complaints(engine, o, offset=10, today=TODAY).rows == ()


def test_overdue_list_most_overdue_first(engine, desk):
    page = C.overdue_list(engine, desk["officer"], today=TODAY)
    assert _ids(page) == [desk["ids"]["road"], desk["ids"]["light"]]
    assert all(r.days_left < 0 for r in page.rows)
    later = C.overdue_list(engine, desk["officer"], today=TODAY + timedelta(days=10))
    assert desk["ids"]["waste"] in _ids(later)  # due 25 Feb
    assert desk["ids"]["old"] not in _ids(later)  # result told: not overdue, however old


def test_large_results_are_capped_and_the_last_page_is_still_reachable(engine, desk, monkeypatch):
    from itatui.store.complaints import queries as complaints_queue

    o = desk["officer"]
    every = _ids(C.list_complaints(engine, o, sort="received", today=TODAY))
    assert C.list_complaints(engine, o, from_end=True, limit=2, today=TODAY).rows == C.list_complaints(
        engine, o, offset=3, limit=2, today=TODAY).rows
    monkeypatch.setattr(complaints_queue, "COUNT_CAP", 2)
    filtered = C.QueueFilters(kind="general")
    page = C.list_complaints(engine, o, filtered, limit=2, today=TODAY)
    assert (page.total, page.capped) == (2, True)
    last = C.list_complaints(engine, o, filtered, limit=2, from_end=True, today=TODAY)
    assert last.offset == -1 and _ids(last) == [i for i in every if i != desk["ids"]["bribe"]][-2:]
    monkeypatch.setattr(complaints_queue, "SEARCH_CAP", 1)
    found = C.list_complaints(engine, o, C.QueueFilters(text="ขยะ"), today=TODAY)
    assert found.capped is False and _ids(found) == [desk["ids"]["waste"]]
    found = C.list_complaints(engine, o, C.QueueFilters(text="ถนน"), today=TODAY)  # only one complaint matches
    assert not found.capped
    found = C.list_complaints(engine, o, C.QueueFilters(text="ไม่"), today=TODAY)  # waste and old both match
    assert found.capped and _ids(found) == [desk["ids"]["old"]]  # the most recent match only
