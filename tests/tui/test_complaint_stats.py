"""The statistics screen: the core's figures for the selected year, rounds, and the publication view's "< 3"."""

from __future__ import annotations

from datetime import timedelta


from itatui.domain.complaint_clock import local_date
from itatui.domain.fiscal import fiscal_year
from itatui.store import complaints as core
from itatui.store.complaints.stats import complaint_stats
from itatui.store.models.base import utcnow
from itatui.tui.complaints.stats import ComplaintStatsScreen
from tests.tui.complaint_desk import DeskHost, settle, widget_text


def _text(app, widget_id: str) -> str:  # noqa: ANN001
    return widget_text(app.screen.query_one(widget_id))


def _row(text: str, label: str) -> str:
    return " ".join(next(line for line in text.splitlines() if label in line).split())


async def test_figures_follow_the_core_and_the_publication_view_masks(desk):
    now = utcnow()
    for i, channel in enumerate(("walk_in",) * 4 + ("phone",)):
        core.create_complaint(desk.engine, desk.desk, core.ComplaintDraft(
            kind="general", channel=channel, subject=f"เรื่องทดสอบสถิติ {i}", anonymous=True, received_at=now - timedelta(minutes=i)))
    year = fiscal_year(local_date(now))
    expected = complaint_stats(desk.engine, desk.desk, year)
    app = DeskHost(desk.ctx(desk.desk), ComplaintStatsScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        app.fiscal_year = year
        await settle(pilot)
        assert f"ปีงบประมาณ {year} · ทั้งปี" in _text(app, "#stats-period")
        summary = _text(app, "#stats-summary")
        assert _row(summary, "รับเรื่อง") == f"รับเรื่อง {expected.received.n}" == "รับเรื่อง 5"
        assert _row(summary, "อยู่ระหว่างดำเนินการ") == "อยู่ระหว่างดำเนินการ 5"
        channels = _text(app, "#stats-channel")
        assert _row(channels, "ยื่นด้วยตนเอง") == "ยื่นด้วยตนเอง 4" and _row(channels, "โทรศัพท์") == "โทรศัพท์ 1"

        await pilot.press("u")
        await settle(pilot)
        assert "มุมมองเผยแพร่" in _text(app, "#stats-period")
        channels = _text(app, "#stats-channel")
        assert _row(channels, "ยื่นด้วยตนเอง") == "ยื่นด้วยตนเอง 4"
        assert _row(channels, "โทรศัพท์") == "โทรศัพท์ < 3"  # one complaint could point at somebody
        assert _row(channels, "ไลน์") == "ไลน์ 0"

        await pilot.press("r")
        await settle(pilot)
        assert "รอบ 6 เดือน" in _text(app, "#stats-period")
        await pilot.press("r")
        await settle(pilot)
        assert "รอบ 12 เดือน" in _text(app, "#stats-period")

        app.fiscal_year = year - 1
        await settle(pilot)
        assert f"ปีงบประมาณ {year - 1}" in _text(app, "#stats-period")
        assert _row(_text(app, "#stats-summary"), "รับเรื่อง") == "รับเรื่อง 0"
