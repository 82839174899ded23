from datetime import UTC, date, datetime

from itatui.domain.complaint_clock import (
    ClockMode,
    ClockRule,
    add_working_days,
    days_left,
    due_date,
    local_date,
    urgency,
)


def test_calendar_mode_counts_from_the_day_after_receipt():
    assert due_date(date(2026, 3, 1)) == date(2026, 3, 16)
    assert due_date(date(2026, 3, 1), ClockRule(days=7)) == date(2026, 3, 8)


def test_receipt_late_in_the_evening_counts_as_the_thai_date():
    # 18:30 UTC on 1 March is 01:30 on 2 March in Thailand
    received = datetime(2026, 3, 1, 18, 30, tzinfo=UTC)
    assert local_date(received) == date(2026, 3, 2)
    assert due_date(received) == date(2026, 3, 17)


def test_working_days_skip_weekends_and_songkran():
    # Friday 10 April 2026; 13–15 April are Songkran holidays: the 3rd working day is Monday 20 April
    assert add_working_days(date(2026, 4, 10), 3) == date(2026, 4, 20)
    # the full 15 working days also skip Labour Day (Fri 1 May) and Coronation Day (Mon 4 May)
    assert due_date(date(2026, 4, 10), ClockRule(15, ClockMode.WORKING)) == date(2026, 5, 8)
    # the same receipt in calendar mode
    assert due_date(date(2026, 4, 10), ClockRule(15, ClockMode.CALENDAR)) == date(2026, 4, 25)


def test_days_left_and_colours():
    assert days_left(date(2026, 3, 16), date(2026, 3, 10)) == 6
    assert urgency(6) == "ok"
    assert urgency(3) == "soon"
    assert urgency(0) == "soon"
    assert urgency(-1) == "overdue"
    assert urgency(None) == "done"
