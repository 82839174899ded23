"""The registry's reports on PostgreSQL: the plan table and the complaint statistics (whose month grouping and
corruption counts are written per dialect) read the same as on SQLite."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from itatui.domain.roles import Role
from itatui.reports import registry
from itatui.reports.spec import ReportParams
from itatui.store import accounts
from itatui.store import complaints as C
from itatui.store.seed import seed_demo_plan
from tests.reports.conftest import pdf_text, xlsx_rows

pytestmark = pytest.mark.postgres


def test_plan_and_statistics_on_postgresql(pg_engine, poppler, tmp_path: Path) -> None:
    admin = accounts.create_user(pg_engine, None, "admin", "admin-pass-1", {Role.ADMIN}, first_admin=True).actor()  # type: ignore[arg-type]
    seed_demo_plan(pg_engine, admin)
    officer = accounts.create_user(pg_engine, admin, "desk", "desk-pass-1", {Role.COMPLAINT_OFFICER}).actor()
    for month in (10, 10, 11):
        C.create_complaint(pg_engine, officer, C.ComplaintDraft(
            kind="general", channel="phone", subject="ไฟดับ", anonymous=True,
            received_at=datetime(2025, month, 5, 3, 0, tzinfo=UTC)))
    for day in (1, 2, 3):  # three corruption complaints in January: at the masking threshold, so shown
        C.create_complaint(pg_engine, officer, C.ComplaintDraft(
            kind="corruption", channel="letter", subject="เรียกรับเงิน", accused="นาย ก.", anonymous=True,
            received_at=datetime(2026, 1, day, 3, 0, tzinfo=UTC)))
    rows = xlsx_rows(registry.produce(pg_engine, admin, "plan", ReportParams(), "xlsx"))
    grand = next(r for r in rows if isinstance(r[0], str) and r[0].startswith("รวมทั้งสิ้น"))
    assert list(grand[2:8]) == [30000] * 5 + [150000]
    text = pdf_text(registry.produce(pg_engine, admin, "complaint-stats", ReportParams(year=2569), thai_digits=False), tmp_path, "-layout")
    received = next(line for line in text.splitlines() if line.strip().startswith("ได้รับ (เรื่อง)"))
    assert received.split()[-1] == "6"
    january = [line for line in text.splitlines() if line.strip().startswith("ม.ค. 2569")][-1]
    assert january.split()[2:] == ["3", "0", "3"]  # received, finished, in progress
