"""How the plan screens name kinds, statuses and the default reporting round (shared by the table and the sheet)."""

from __future__ import annotations

from datetime import date

from itatui.domain.eplan import NO_REPORT, Kind
from itatui.domain.fiscal import round_range
from itatui.i18n import t


def kind_text(kind: str) -> str:
    try:
        return t(Kind(kind).label_key)
    except ValueError:
        return kind


def status_text(status: str) -> str:
    return t(f"eplan.status.{status or NO_REPORT}")


def default_round(fiscal_year: int, today: date | None = None) -> int:
    """Round 1 until the 6-month report is due (end of March), the annual round after."""
    return 1 if (today or date.today()) <= round_range(fiscal_year, 1)[1] else 2
