"""The complaint core on PostgreSQL: registry numbers under concurrent desks (row lock), trigram search,
statistics and the sealed identity."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from itatui.domain.roles import Role
from itatui.store import accounts
from itatui.store import complaints as C
from itatui.store.complaints.stats import complaint_stats
from itatui.store.db import session_scope, write_scope
from itatui.store.models import Complaint, Organisation

pytestmark = pytest.mark.postgres
RECEIVED = datetime(2026, 1, 15, 3, 0, tzinfo=UTC)


@pytest.fixture
def desk(pg_engine):
    with write_scope(pg_engine) as s:
        s.add(Organisation(name="เทศบาลตำบลเขมราฐ"))
    admin = accounts.create_user(pg_engine, None, "admin", "admin-pass-1", {Role.ADMIN}, first_admin=True).actor()  # type: ignore[arg-type]
    officer = accounts.create_user(pg_engine, admin, "desk", "desk-pass-1", {Role.COMPLAINT_OFFICER}).actor()
    return admin, officer


def _draft(subject: str, details: str = "", **kw) -> C.ComplaintDraft:
    return C.ComplaintDraft(kind="general", channel="walk_in", subject=subject, details=details, received_at=RECEIVED,
                            anonymous=True, **kw)


def test_concurrent_desks_get_gap_free_numbers(pg_engine, desk):
    _, officer = desk
    errors: list[BaseException] = []

    def run() -> None:
        try:
            for i in range(40):
                C.create_complaint(pg_engine, officer, _draft(f"เรื่อง {i}"))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    with session_scope(pg_engine) as s:
        numbers = sorted(s.exec(sa.select(Complaint.registry_no)).scalars().all())
    assert numbers == list(range(1, 161))


def test_trigram_search_and_stats(pg_engine, desk):
    admin, officer = desk
    road = C.create_complaint(pg_engine, officer, _draft("ถนนชำรุด", "ถนนในหมู่บ้านเป็นหลุมเป็นบ่อหลายจุด")).id
    light = C.create_complaint(pg_engine, officer, _draft("ไฟทางดับ", "ไฟฟ้าส่องสว่างดับทั้งซอย 50%")).id

    def find(text: str) -> set[int]:
        return {r.id for r in C.list_complaints(pg_engine, officer, C.QueueFilters(text=text)).rows}

    assert find("หลุมเป็นบ่อ") == {road}
    assert find("ส่องสว่าง") == {light}
    assert find("ไฟ") == {light}
    assert find("50%") == {light} and find("5_%") == set()  # LIKE wildcards are taken literally
    C.record_result(pg_engine, officer, road, "concluded", "ซ่อมแล้ว", now=datetime(2026, 1, 20, 3, 0, tzinfo=UTC))
    C.close(pg_engine, officer, road, 5, now=datetime(2026, 1, 22, 3, 0, tzinfo=UTC))
    st = complaint_stats(pg_engine, officer, 2569, today=date(2026, 3, 1))
    assert (st.received.n, st.finished.n, st.overdue.n, st.within_deadline_pct) == (2, 1, 1, 100.0)
    assert (st.median_days_to_close, st.satisfied_pct, st.by_month[3].count.n) == (7.0, 100.0, 2)


def test_sealed_identity_round_trip(pg_engine, desk):
    admin, officer = desk
    accounts.create_user(pg_engine, admin, "inv", "inv-pass-1", {Role.VIEWER})
    C.bootstrap_investigator(pg_engine, admin, "inv", "inv-pass-1")
    inv = accounts.authenticate(pg_engine, "inv", "inv-pass-1").actor()
    saved = C.create_complaint(pg_engine, officer, C.ComplaintDraft(
        kind="corruption", channel="letter", subject="เรียกรับเงิน", accused="นาย ก.", received_at=RECEIVED,
        complainant_name="นางลับ เฉพาะ"))
    assert C.reveal_identity(pg_engine, inv, "inv-pass-1", saved.id, "สอบสวน").name == "นางลับ เฉพาะ"
