"""The complaint desk's printouts: the statistics for publication (the plan's general KPIs and, apart, the
corruption-complaint statistics as the ITA publishes them), the investigator's case summary, and the receipt.

The statistics read no personal column and mask small counts exactly as the statistics screen does when it
shows the publication view (``complaint_stats(publish=True)``). The case summary lists corruption cases for the
officers who investigate them and nobody else; it never holds a complainant's identity either.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from itatui.domain.complaint_clock import today_local
from itatui.domain.complaints import OPEN_STAGES, Channel, ComplaintKind, label_key
from itatui.domain.roles import Actor, Perm, PermissionDenied, Role
from itatui.domain.thai import format_date
from itatui.i18n import language, t
from itatui.reports.document import Column, Document, Fields, Heading, Paragraph, Row, Table
from itatui.present.dates import thai_date
from itatui.reports.receipt import ReceiptView, render_receipt
from itatui.reports.spec import ReportParams, ReportSpec
from itatui.store import complaints as core
from itatui.store.complaints.stats import ComplaintStats, Count, _month_key, _utc_start, complaint_stats
from itatui.store.db import session_scope
from itatui.store.models import Complaint, Organisation

T = Complaint.__table__  # type: ignore[attr-defined]
MAX_PAGE = 500


def organisation_name(engine: Engine) -> str:
    with session_scope(engine) as s:
        return s.execute(sa.select(Organisation.name).order_by(Organisation.id)).scalars().first() or ""


def corruption_months(engine: Engine, actor: Actor, stats: ComplaintStats) -> list[tuple[str, int, int]]:
    """(month key, received, finished) of corruption complaints per month of the stats' period; counts only."""
    end = stats.period_end + timedelta(days=1)
    with session_scope(engine) as s:
        month = _month_key(s).label("month")
        q = (
            sa.select(month, sa.func.count(), sa.func.sum(sa.case((T.c.stage.not_in(OPEN_STAGES), 1), else_=0)))
            .select_from(T)
            .where(T.c.kind == ComplaintKind.CORRUPTION.value, T.c.fiscal_year == stats.fiscal_year,
                   T.c.received_at < _utc_start(end))
            .group_by(month)
        )
        got = {m: (int(n), int(done or 0)) for m, n, done in s.execute(q)}
    return [(b.key, *got.get(b.key, (0, 0))) for b in stats.by_month]


def _masked(n: int, threshold: int) -> int | str:
    return t("complaint.stats.masked", n=threshold) if 0 < n < threshold else n


def _count(c: Count) -> int | str:
    return c.text if c.n is None else c.n


def _pct(v: float | None) -> str:
    return "-" if v is None else f"{v:.1f}"


def build_stats(engine: Engine, actor: Actor, params: ReportParams) -> Document:
    year = params.year or 0
    today = params.today or today_local()
    stats = complaint_stats(engine, actor, year, params.round, publish=True, today=today)
    th = stats.threshold
    period = t("report.stats.period", start=format_date(stats.period_start, style="long", lang=language()),
               end=format_date(stats.period_end, style="long", lang=language()))
    general = Fields((
        (t("report.stats.received"), str(_count(stats.received))),
        (t("report.stats.finished"), str(_count(stats.finished))),
        (t("report.stats.in_progress"), str(_count(stats.in_progress))),
        (t("report.stats.overdue"), str(_count(stats.overdue))),
        (t("report.stats.within"), _pct(stats.within_deadline_pct)),
        (t("report.stats.median"), _pct(stats.median_days_to_close)),
        (t("report.stats.satisfied"), _pct(stats.satisfied_pct)),
    ))
    two = (Column(t("report.stats.col.item"), 3), Column(t("report.stats.col.count"), 1, numeric=True))
    by_month = Table(two, tuple(Row((b.label, _count(b.count))) for b in stats.by_month), caption=t("report.stats.by_month"))
    by_channel = Table(two, tuple(Row((b.label, _count(b.count))) for b in stats.by_channel), caption=t("report.stats.by_channel"))
    by_kind = Table(two, tuple(Row((b.label, _count(b.count))) for b in stats.by_kind), caption=t("report.stats.by_kind"))

    months = corruption_months(engine, actor, stats)
    received = sum(r for _, r, _ in months)
    finished = sum(f for _, _, f in months)
    corruption: list[Any] = [Heading(t("report.stats.h_corruption"))]
    if received == 0:
        corruption.append(Paragraph(t("report.stats.none"), bold=True))
    labels = {b.key: b.label for b in stats.by_month}
    corruption.append(Table(
        (Column(t("report.stats.col.month"), 2), Column(t("report.stats.received"), 1, numeric=True),
         Column(t("report.stats.finished"), 1, numeric=True), Column(t("report.stats.in_progress"), 1, numeric=True)),
        tuple(Row((labels[k], _masked(r, th), _masked(f, th), _masked(r - f, th))) for k, r, f in months)
        + (Row((t("report.stats.total"), _masked(received, th), _masked(finished, th), _masked(received - finished, th)), "total"),),
    ))
    baseline = Table(
        (Column(t("report.stats.col.year"), 1), Column(t("report.stats.col.cases"), 1, numeric=True),
         Column(t("report.stats.col.reduction"), 1, numeric=True), Column(t("report.stats.col.target"), 1, numeric=True)),
        (Row((t("report.stats.baseline", year=stats.corruption_baseline_year), "-" if stats.corruption_baseline is None
              else _masked(stats.corruption_baseline, th), "-", "-")),)
        + tuple(Row((str(y.fiscal_year), _count(y.count), _pct(y.reduction_pct), _pct(y.target_pct))) for y in stats.corruption_by_year),
        caption=t("report.stats.h_baseline"),
    )
    round_text = t(f"eplan.round.{params.round}") if params.round else t("report.stats.whole_year")
    return Document(
        title=t("report.stats.title"),
        organisation=organisation_name(engine),
        printed_on=today,
        subtitle=(t("report.stats.subtitle", year=year, round=round_text), period),
        blocks=(Heading(t("report.stats.h_general")), general, by_month, by_channel, by_kind, *corruption,
                baseline, Paragraph(t("report.stats.note", n=th))),
        lang=language(),
        key_numbers=(received,) if stats.received.n is None else (stats.received.n, received),
    )


def is_investigator(actor: Actor) -> bool:
    return actor.has_role(Role.INVESTIGATOR)


def build_case_summary(engine: Engine, actor: Actor, params: ReportParams) -> Document:
    """Corruption cases of a fiscal year for the investigators: registry number, dates, channel, unit, status,
    the 15-day clock and the subject. No complainant identity (it stays sealed)."""
    if not is_investigator(actor):
        raise PermissionDenied(Perm.CORRUPTION_REVEAL)
    year = params.year or 0
    filters = core.QueueFilters(kind=ComplaintKind.CORRUPTION.value, fiscal_year=year)
    rows: list[Row] = []
    offset = 0
    today = params.today or today_local()
    while True:
        page = core.list_complaints(engine, actor, filters, sort="registry", descending=False, offset=offset, limit=MAX_PAGE, today=today)
        for r in page.rows:
            rows.append(Row((r.registry_display, format_date(_local(r.received_at), lang=language()),
                             t(label_key(Channel(r.channel))) if r.channel in Channel._value2member_map_ else r.channel,
                             r.unit_name or "-", t(f"complaint.status.{r.status}"), format_date(r.due_date, lang=language()),
                             "-" if r.days_left is None else r.days_left, r.subject)))
        offset += len(page.rows)
        if len(page.rows) < page.limit or not page.rows:
            break
    columns = (Column(t("report.cases.col.registry"), 1.1), Column(t("report.cases.col.received"), 1.1),
               Column(t("report.cases.col.channel"), 1), Column(t("report.cases.col.unit"), 1.2),
               Column(t("report.cases.col.status"), 1.2), Column(t("report.cases.col.due"), 1.1),
               Column(t("report.cases.col.days_left"), 0.8, numeric=True), Column(t("report.cases.col.subject"), 3))
    blocks: list[Any] = [Paragraph(t("report.cases.confidential"), bold=True)]
    blocks.append(Table(columns, tuple(rows)) if rows else Paragraph(t("report.stats.none")))
    return Document(
        title=t("report.cases.title"), organisation=organisation_name(engine), printed_on=today,
        subtitle=(t("report.cases.subtitle", year=year, n=len(rows)),), blocks=tuple(blocks),
        paper="A4L", lang=language(), key_numbers=(len(rows),),
    )


def _local(dt: datetime) -> date:
    return thai_date(dt)


def receipt_view(data, today: date | None = None) -> ReceiptView:  # noqa: ANN001 - store ReceiptData
    """The core's receipt data as the receipt's view: the same evidence lines as the screen lists and the
    office's own channels (its contact settings)."""
    return ReceiptView(
        organisation_name=data.organisation_name, address_line=data.address_line, kind=data.kind,
        registry_display=data.registry_display, tracking_code=data.tracking_code, received_at=data.received_at,
        due_date=data.due_date, days_allowed=data.days_allowed, working_days=data.working_days,
        channel_label=t(label_key(Channel(data.channel))) if data.channel in Channel._value2member_map_ else data.channel,
        subject=data.subject, officer_name=data.officer_name, next_steps=tuple(data.next_steps),
        follow_up_phone=data.follow_up_phone, follow_up_office=data.follow_up_office,
        show_name=data.show_name if data.kind == "general" else None, printed_on=today,
        evidence=tuple(f"{e.item} ({e.filed_at})" if e.filed_at else e.item for e in data.evidence),
        contact=tuple(data.contact), emblem_svg=_emblem_svg(data.emblem),
    )


def _emblem_svg(path: str) -> str:
    """The emblem's SVG text (the PDF engine reads no file outside its templates); other kinds print none."""
    if not path.lower().endswith(".svg"):
        return ""
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""


def render_receipt_report(engine: Engine, actor: Actor, params: ReportParams, fmt: str, thai_digits: bool) -> bytes:
    data = core.receipt_data(engine, actor, params.complaint or 0)
    view = receipt_view(data, params.today)
    paper = (params.paper or "A5").upper()
    return render_receipt(view, paper="A4" if paper == "A4" else "A5", thai_digits=thai_digits)


SPECS = (
    ReportSpec("complaint-stats", "report.stats.title", build_stats, params=("year", "round"), required=("year",),
               screens=("complaints", "complaint_stats"), publication=True, ita_concepts=("complaint_stats",)),
    ReportSpec("case-summary", "report.cases.title", build_case_summary, params=("year",), required=("year",),
               paper="A4L", screens=("complaints", "complaint_stats"), offered_to=is_investigator),
    ReportSpec("receipt", "report.receipt.title", None, params=("complaint",), required=("complaint",),
               formats=("pdf",), paper="A5", screens=("complaint_case", "receipt"), render=render_receipt_report),
)
