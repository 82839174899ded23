"""Complaint statistics for a fiscal year or a 6/12-month round, computed in the database (fast at 1M rows).

Nothing personal is read: only kinds, channels, units, statuses and dates. With ``publish=True`` (anything
meant for the public, e.g. the OIT disclosure) a count of 1 … threshold−1 is shown as "< threshold" and its
number withheld (``n=None``); zero stays 0, since it points at nobody.

Definitions: *received* = complaints whose Thai date of receipt is in the period; *finished* = result told or
closed; *in progress* = the rest; *overdue* = in progress past the due date (as of ``today``); *answered within
the deadline* = result told on or before the first due date (``within_extended_pct`` also accepts a due date
moved by a delay notice); *satisfied* = closed with satisfaction 4–5 among those rated; *median days to close* =
from receipt to closing. Corruption complaints per fiscal year are compared with the baseline year, the year before the imported
plan's first (setting ``complaint.corruption_baseline_2565``, else that year's count), and the plan's
``case_reduction_pct`` targets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from itatui.domain.complaint_clock import BANGKOK, today_local
from itatui.domain.complaints import OPEN_STAGES, STAGE, Channel, ComplaintKind, Status, label_key
from itatui.domain.fiscal import fiscal_year_range, round_range
from itatui.domain.roles import Actor, Perm, require
from itatui.domain.thai import MONTHS_EN_ABBR, MONTHS_TH_ABBR, be_year
from itatui.i18n import language, t
from itatui.store import audit
from itatui.store.complaints.settings import BASELINE_2565, PUBLISH_THRESHOLD, read, resolve_org
from itatui.store.db import session_scope, write_scope
from itatui.store.models import Complaint, Plan, PlanTarget, Unit

T = Complaint.__table__  # type: ignore[attr-defined]
# Corruption cases are counted against the year before the imported plan's first year (FY 2565 for the office's
# 2566–2570 plan); this year stands in only while no plan is imported.
DEFAULT_BASELINE_YEAR = 2565
DEFAULT_THRESHOLD = 3


@dataclass(frozen=True)
class Count:
    n: int | None  # None when masked for publication
    text: str  # what to print: "12", or "< 3"


@dataclass(frozen=True)
class Bucket:
    key: str  # month "2025-10", kind/channel code, unit id ("" = not yet forwarded)
    label: str  # in the current language
    count: Count


@dataclass(frozen=True)
class CorruptionYear:
    fiscal_year: int
    count: Count
    reduction_pct: float | None  # against the baseline; positive = fewer cases
    target_pct: float | None  # the plan's case_reduction_pct target for that year
    met: bool | None


@dataclass(frozen=True)
class ComplaintStats:
    fiscal_year: int
    round: int | None
    period_start: date
    period_end: date
    published: bool
    threshold: int
    received: Count
    finished: Count
    in_progress: Count
    overdue: Count
    by_month: tuple[Bucket, ...]
    by_kind: tuple[Bucket, ...]
    by_channel: tuple[Bucket, ...]
    by_unit: tuple[Bucket, ...]
    median_days_to_close: float | None
    within_deadline_pct: float | None
    within_extended_pct: float | None
    satisfied_pct: float | None
    corruption_baseline: int | None
    corruption_baseline_year: int
    corruption_by_year: tuple[CorruptionYear, ...]


def _utc_start(d: date) -> datetime:
    return datetime.combine(d, time(0), BANGKOK)


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


class _Masker:
    def __init__(self, publish: bool, threshold: int):
        self.publish, self.threshold = publish, threshold

    def __call__(self, n: int) -> Count:
        if self.publish and 0 < n < self.threshold:
            return Count(None, t("complaint.stats.masked", n=self.threshold))
        return Count(n, str(n))


def _month_label(year: int, month: int) -> str:
    names = MONTHS_TH_ABBR if language() == "th" else MONTHS_EN_ABBR
    return f"{names[month - 1]} {be_year(year)}"


def _months(start: date, end: date) -> list[tuple[date, date]]:
    out, d = [], date(start.year, start.month, 1)
    while d <= end:
        nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        out.append((d, nxt))
        d = nxt
    return out


def _deadline_end(session: Session, column: sa.ColumnElement) -> sa.ColumnElement:
    """The first instant after the due date (Thai midnight), comparable with an aware timestamp column."""
    if session.get_bind().dialect.name == "postgresql":
        return sa.cast(column + sa.literal_column("1"), sa.DateTime).op("AT TIME ZONE")(sa.literal("Asia/Bangkok"))
    return sa.func.datetime(column, "+17 hours")  # SQLite stores UTC text; due date + 1 day − 7 h


def _days_between(session: Session, later: sa.ColumnElement, earlier: sa.ColumnElement) -> sa.ColumnElement:
    if session.get_bind().dialect.name == "postgresql":
        return sa.cast(sa.func.extract("epoch", later - earlier), sa.Numeric) / 86400
    return sa.func.julianday(later) - sa.func.julianday(earlier)


def _month_key(session: Session) -> sa.ColumnElement:
    """``YYYY-MM`` of the Thai date of receipt."""
    if session.get_bind().dialect.name == "postgresql":
        return sa.func.to_char(T.c.received_at.op("AT TIME ZONE")(sa.literal("Asia/Bangkok")), "YYYY-MM")
    return sa.func.strftime("%Y-%m", T.c.received_at, "+7 hours")


def _flag(cond: sa.ColumnElement[bool]) -> sa.ColumnElement:
    return sa.func.sum(sa.case((cond, 1), else_=0))


def _median_from_histogram(hist: list[tuple[float, int]]) -> float | None:
    n = sum(c for _, c in hist)
    if n == 0:
        return None
    wanted = [(n - 1) // 2, n // 2]  # the middle one, or the middle two
    values, seen = [], 0
    for value, count in hist:
        while wanted and wanted[0] < seen + count:
            values.append(float(value))
            wanted.pop(0)
        seen += count
    return round(sum(values) / len(values), 1)


def complaint_stats(
    engine: Engine,
    actor: Actor,
    fiscal_year: int,
    round: int | None = None,  # noqa: A002 - the domain's word
    publish: bool = False,
    threshold: int | None = None,
    *,
    today: date | None = None,
    organisation_id: int | None = None,
) -> ComplaintStats:
    """``threshold`` None = the organisation's ``complaint.publish_threshold`` (default 3).

    One pass over the period's complaints (grouped in the database), one for the days-to-close histogram,
    one for corruption complaints per year. No personal column is read."""
    require(actor, Perm.STATS_VIEW)
    today = today or today_local()
    start, end = round_range(fiscal_year, round) if round else fiscal_year_range(fiscal_year)
    with session_scope(engine) as s:
        org = resolve_org(s, organisation_id)
        if threshold is None:
            threshold = int(read(s, org, PUBLISH_THRESHOLD, DEFAULT_THRESHOLD) or DEFAULT_THRESHOLD)
        mask = _Masker(publish, threshold)
        where = [T.c.organisation_id == org, T.c.fiscal_year == fiscal_year]
        # Synthetic complaints (seed-demo) never count beside real ones; a demo database has only those.
        real_only = s.execute(sa.select(T.c.id).where(T.c.organisation_id == org, T.c.synthetic.is_(False)).limit(1)).first() is not None
        if real_only:
            where.append(T.c.synthetic.is_(False))
        if round == 1:  # the fiscal year already bounds the whole year; round 1 stops at the end of March
            where.append(T.c.received_at < _utc_start(end + timedelta(days=1)))
        month = _month_key(s).label("month")
        told = T.c.result_told_at.is_not(None)
        q = sa.select(
            month, T.c.kind, T.c.channel, T.c.unit_id, T.c.stage, sa.func.count(),
            _flag(sa.and_(T.c.stage.in_(OPEN_STAGES), T.c.due_date < today)),
            _flag(told),
            _flag(sa.and_(told, T.c.result_told_at < _deadline_end(s, T.c.initial_due_date))),
            _flag(sa.and_(told, T.c.result_told_at < _deadline_end(s, T.c.due_date))),
            _flag(T.c.satisfaction.is_not(None)),
            _flag(T.c.satisfaction >= 4),
        ).select_from(T).where(*where).group_by(month, T.c.kind, T.c.channel, T.c.unit_id, T.c.stage)
        months: dict[str, int] = {}
        kinds: dict[str, int] = {}
        channels: dict[str, int] = {}
        units: dict[int | None, int] = {}
        received = finished = overdue = n_told = in_time = in_ext = n_rated = n_happy = 0
        for m, kind, channel, unit, stage, n, late, was_told, ok, ok_ext, rated, happy in s.execute(q):
            months[m] = months.get(m, 0) + n
            kinds[kind] = kinds.get(kind, 0) + n
            channels[channel] = channels.get(channel, 0) + n
            units[unit] = units.get(unit, 0) + n
            received += n
            finished += n if stage not in OPEN_STAGES else 0
            overdue += late or 0
            n_told += was_told or 0
            in_time += ok or 0
            in_ext += ok_ext or 0
            n_rated += rated or 0
            n_happy += happy or 0
        names = dict(s.exec(select(Unit.id, Unit.name).where(col(Unit.id).in_([u for u in units if u is not None]))).all())

        days = sa.func.round(_days_between(s, T.c.closed_at, T.c.received_at), 1).label("days")
        hist = s.execute(
            sa.select(days, sa.func.count()).select_from(T)
            .where(*where, T.c.stage == STAGE[Status.CLOSED], T.c.closed_at.is_not(None))
            .group_by(days).order_by(days)
        ).all()

        baseline_year = _baseline_year(s, org, fiscal_year)
        baseline, years = _corruption_years(s, org, fiscal_year, mask, baseline_year)
        return ComplaintStats(
            fiscal_year=fiscal_year, round=round, period_start=start, period_end=end, published=publish,
            threshold=threshold, received=mask(received), finished=mask(finished),
            in_progress=mask(received - finished), overdue=mask(overdue),
            by_month=tuple(
                Bucket(f"{a.year:04d}-{a.month:02d}", _month_label(a.year, a.month), mask(months.get(f"{a.year:04d}-{a.month:02d}", 0)))
                for a, _ in _months(start, end)
            ),
            by_kind=tuple(Bucket(k.value, t(label_key(k)), mask(kinds.get(k.value, 0))) for k in ComplaintKind),
            by_channel=tuple(Bucket(c.value, t(label_key(c)), mask(channels.get(c.value, 0))) for c in Channel),
            by_unit=tuple(
                Bucket("" if u is None else str(u), names.get(u, "") if u is not None else t("complaint.stats.no_unit"), mask(n))
                for u, n in sorted(units.items(), key=lambda kv: (kv[0] is None, names.get(kv[0], "")))
            ),
            median_days_to_close=_median_from_histogram([(float(d), c) for d, c in hist]),
            within_deadline_pct=_pct(in_time, n_told),
            within_extended_pct=_pct(in_ext, n_told),
            satisfied_pct=_pct(n_happy, n_rated),
            corruption_baseline=baseline,
            corruption_baseline_year=baseline_year,
            corruption_by_year=years,
        )


def _baseline_year(s: Session, org: int, fiscal_year: int) -> int:
    """The year before the first year of the organisation's plan covering ``fiscal_year`` (else its latest plan)."""
    starts = s.exec(
        select(Plan.start_year).where(Plan.organisation_id == org)
        .order_by((col(Plan.start_year) <= fiscal_year).desc(), col(Plan.start_year).desc())
    ).first()
    return starts - 1 if starts else DEFAULT_BASELINE_YEAR


def _corruption_years(
    s: Session, org: int, fiscal_year: int, mask: _Masker, baseline_year: int
) -> tuple[int | None, tuple[CorruptionYear, ...]]:
    counts = dict(s.execute(
        sa.select(T.c.fiscal_year, sa.func.count()).select_from(T)
        .where(T.c.organisation_id == org, T.c.kind == ComplaintKind.CORRUPTION.value,
               T.c.fiscal_year >= baseline_year, T.c.fiscal_year <= fiscal_year,
               T.c.synthetic.is_(False) | ~sa.exists().where(T.c.organisation_id == org, T.c.synthetic.is_(False)))
        .group_by(T.c.fiscal_year)
    ).all())
    setting = read(s, org, BASELINE_2565, None)
    baseline = int(setting) if isinstance(setting, (int, float)) else counts.get(baseline_year)
    targets = dict(s.exec(
        select(PlanTarget.fiscal_year, PlanTarget.target)
        .join(Plan, col(Plan.id) == PlanTarget.plan_id)
        .where(Plan.organisation_id == org, PlanTarget.kind == "case_reduction_pct")
    ).all())
    years = []
    for fy in range(baseline_year + 1, fiscal_year + 1):
        n = counts.get(fy, 0)
        reduction = round(100.0 * (baseline - n) / baseline, 1) if baseline else None
        target = targets.get(fy)
        met = None if reduction is None or target is None else reduction >= target
        years.append(CorruptionYear(fy, mask(n), reduction, target, met))
    return baseline, tuple(years)


def feed_case_reduction_actual(engine: Engine, actor: Actor, fiscal_year: int, *, organisation_id: int | None = None) -> float | None:
    """Write the year's corruption-case reduction (%) into the plan target ``case_reduction_pct`` as its actual."""
    require(actor, Perm.PLAN_EDIT)
    with write_scope(engine) as s:
        org = resolve_org(s, organisation_id)
        _, years = _corruption_years(s, org, fiscal_year, _Masker(False, 0), _baseline_year(s, org, fiscal_year))
        value = next((y.reduction_pct for y in years if y.fiscal_year == fiscal_year), None)
        rows = s.exec(
            select(PlanTarget).join(Plan, col(Plan.id) == PlanTarget.plan_id)
            .where(Plan.organisation_id == org, PlanTarget.kind == "case_reduction_pct", PlanTarget.fiscal_year == fiscal_year)
        ).all()
        for row in rows:
            before = row.actual
            row.actual = value
            s.add(row)
            audit.record(s, actor, "update", "plantarget", row.id, before={"actual": before}, after={"actual": value})
        return value
