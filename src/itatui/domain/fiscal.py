"""Thai government fiscal years: FY N (BE) runs 1 Oct (N−1) – 30 Sep N. Round 1 = first 6 months, 2 = the year."""

from __future__ import annotations

from datetime import date, datetime

from itatui.domain.thai import BE_OFFSET


def fiscal_year(d: date | datetime) -> int:
    """The BE fiscal year a date falls in (named by the later BE year)."""
    if isinstance(d, datetime):
        d = d.date()
    return d.year + BE_OFFSET + (1 if d.month >= 10 else 0)


def fiscal_year_range(fy: int) -> tuple[date, date]:
    """First and last day (CE dates) of BE fiscal year ``fy``."""
    start_ce = fy - BE_OFFSET - 1
    return date(start_ce, 10, 1), date(start_ce + 1, 9, 30)


def round_range(fy: int, round_no: int) -> tuple[date, date]:
    """Round 1: 1 Oct – 31 Mar (6 months); round 2: the whole fiscal year (annual report)."""
    start, end = fiscal_year_range(fy)
    if round_no == 1:
        return start, date(start.year + 1, 3, 31)
    if round_no == 2:
        return start, end
    raise ValueError("round must be 1 or 2")


def current_fiscal_year(today: date | None = None) -> int:
    return fiscal_year(today or date.today())
