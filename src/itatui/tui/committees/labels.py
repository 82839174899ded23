"""How committee values are shown: kinds, levels, steps, money, BE dates, checks (no Textual here)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from itatui.domain.salary import steps_text
from itatui.domain.thai import digits, format_date
from itatui.i18n import language, t


def kind_label(kind: str) -> str:
    return t(f"committee.kind.{kind}") if kind else "-"


def level_label(level: str) -> str:
    return t(f"committee.level.{level}") if level else "-"


def be(d: date | None, thai: bool) -> str:
    return format_date(d, thai_digits=thai, lang=language()) if d else "-"


def num(value: int | float | Decimal | None, thai: bool, *, decimals: int = 0) -> str:
    if value is None:
        return "-"
    text = f"{value:,.{decimals}f}" if decimals else f"{int(value):,}"
    return digits(text, thai)


def score_text(value: float | None, thai: bool) -> str:
    return "-" if value is None else digits(f"{value:.2f}".rstrip("0").rstrip("."), thai)


def decision_text(half_steps: int | None, percent: Decimal | None, thai: bool) -> str:
    if half_steps is not None:
        return digits(t("committee.steps", n=steps_text(half_steps)), thai)
    if percent is not None:
        return digits(f"{percent}%", thai)
    return "-"


def issue_text(issue, thai: bool) -> str:  # noqa: ANN001 - CheckIssue
    params = {k: (digits(f"{v:,}", thai) if isinstance(v, int) else v) for k, v in issue.params.items()}
    return t(f"committee.check.{issue.code}", staff=issue.staff_code, **params)


def totals_line(totals, thai: bool) -> str:  # noqa: ANN001 - tuple[SchemeTotals]
    parts = []
    for tot in totals:
        if tot.scheme == "steps":
            if tot.quota_allowed is not None:
                parts.append(t("committee.totals.quota", used=num(tot.quota_used, thai), allowed=num(tot.quota_allowed, thai)))
            parts.append(t("committee.totals.budget", used=num(tot.pool_used, thai), allowed=num(tot.pool_allowed, thai)))
        else:
            parts.append(t("committee.totals.pool", used=num(tot.pool_used, thai), allowed=num(tot.pool_allowed, thai)))
    return " · ".join(parts)
