"""The complaint clock: a complaint must be answered within N days of receipt (default 15, configurable).

Counting follows the Thai Civil and Commercial Code s.158: the day of receipt is not counted, so a complaint
received on 1 March with 15 calendar days is due on 16 March. In working-day mode only Monday–Friday that are
not Thai public holidays (``holidays.country_holidays("TH")``, substitution days included) count.
Dates are Thai local dates (UTC+7, no daylight saving).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache

from itatui.present.dates import BANGKOK, thai_date, thai_now  # noqa: F401  (BANGKOK kept for the store's callers)

DEFAULT_DAYS = 15


class ClockMode(StrEnum):
    CALENDAR = "calendar"
    WORKING = "working"


@dataclass(frozen=True)
class ClockRule:
    days: int = DEFAULT_DAYS
    mode: ClockMode = ClockMode.CALENDAR


def local_date(dt: datetime) -> date:
    """The Thai calendar date of an aware timestamp (a naive one is taken as UTC)."""
    return thai_date(dt)


def today_local() -> date:
    return thai_now().date()


@lru_cache(maxsize=64)
def _holidays_of(year: int) -> frozenset[date]:
    import holidays  # imported on first use: loading the country tables takes a moment

    return frozenset(holidays.country_holidays("TH", years=year).keys())


def is_holiday(d: date) -> bool:
    return d in _holidays_of(d.year)


def is_working_day(d: date) -> bool:
    return d.weekday() < 5 and not is_holiday(d)


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after ``start`` (``start`` itself never counts)."""
    d = start
    left = n
    while left > 0:
        d += timedelta(days=1)
        if is_working_day(d):
            left -= 1
    return d


def due_date(received: date | datetime, rule: ClockRule = ClockRule()) -> date:
    day = local_date(received) if isinstance(received, datetime) else received
    if rule.mode == ClockMode.WORKING:
        return add_working_days(day, rule.days)
    return day + timedelta(days=rule.days)


def days_left(due: date, today: date) -> int:
    """Calendar days until the due date: 0 on the day itself, negative once overdue."""
    return (due - today).days


def urgency(days: int | None) -> str:
    """``overdue`` (red), ``soon`` (3 days or less: amber) or ``ok``; ``done`` when the clock stopped."""
    if days is None:
        return "done"
    if days < 0:
        return "overdue"
    if days <= 3:
        return "soon"
    return "ok"
