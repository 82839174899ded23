"""The complaint queue: one page at a time from the database, filtered, sorted, searched.

Built for a million rows:
- every sort key is served by an index (see ``models.complaints``), and a page is LIMIT/OFFSET over it;
- a page is read as a deferred join: OFFSET walks only the narrow sort index, then the page's 50 rows are read;
- a page past the middle is read from the other end (reverse order, small offset) and flipped, so the last
  page costs what the first does;
- counting: without filters SQLite counts the table fast; with filters the count stops at ``COUNT_CAP``
  (``Page.capped``: show "10,000+"), so no count scans a million rows;
- search: SQLite FTS5 trigram ``MATCH`` for 3 characters or more (Thai needs no word breaks for that);
  a search considers its ``SEARCH_CAP`` most recent matches (sorted and filtered as asked; ``capped`` says
  there were more: refine the words). A 1–2 character term cannot use trigrams, so it is matched with LIKE
  over the latest ``SHORT_SEARCH_WINDOW`` complaints only. PostgreSQL: ILIKE on ``subject || ' ' || details``,
  which the pg_trgm GIN index serves.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from itatui.domain import tracking
from itatui.domain.textsafe import clean_line
from itatui.domain.complaint_clock import today_local, urgency
from itatui.domain.complaints import OPEN_STAGES, STAGE, ComplaintKind, Status, registry_display
from itatui.domain.roles import Actor, Perm, PermissionDenied, require
from itatui.store.complaints.types import ComplaintError, Page, QueueFilters, QueueRow
from itatui.store.db import session_scope
from itatui.store.models import Complaint, Unit
from itatui.store.sql import contains

T = Complaint.__table__  # type: ignore[attr-defined]
U = Unit.__table__  # type: ignore[attr-defined]
_FTS = sa.table("complaint_fts", sa.column("rowid"))

SORTS: dict[str, tuple[sa.ColumnElement, ...]] = {
    "registry": (T.c.fiscal_year, T.c.kind, T.c.registry_no, T.c.organisation_id),
    "received": (T.c.received_at, T.c.id),
    "due": (T.c.due_date, T.c.id),
    "status": (T.c.stage, T.c.due_date, T.c.id),
}
SHORT_SEARCH_WINDOW = 5000  # a 1–2 character term is looked for in the latest 5,000 complaints
SEARCH_CAP = 1000  # a longer term: its 1,000 most recent matches (refine the search beyond that)
COUNT_CAP = 10_000  # filtered counts stop here ("10,000+")
MAX_LIMIT = 500


def _clean_term(term: str) -> str:
    # Quotes a user types would only break the phrase; what they mean is the words inside.
    # Control characters (a NUL breaks both databases' statements) are dropped too.
    return " ".join(clean_line(term or "").replace('"', " ").split())


def _fts_matches(term: str) -> sa.Select:
    phrase = f'"{term}"'  # one phrase: its trigrams in a row = a substring match
    return sa.select(_FTS.c.rowid).where(sa.literal_column("complaint_fts").op("MATCH")(phrase))


def _text_expr() -> sa.ColumnElement:
    # Exactly the indexed expression, with a literal space, so pg_trgm's GIN index applies.
    return T.c.subject.op("||")(sa.literal_column("' '")).op("||")(T.c.details)


def search_condition(session: Session, term: str) -> sa.ColumnElement[bool] | None:
    """Complaints whose subject or details contain ``term`` (see the module docstring for the limits)."""
    term = _clean_term(term)
    if not term:
        return None
    dialect = session.get_bind().dialect.name
    if len(term) < 3:
        window = sa.select(sa.func.coalesce(sa.func.max(T.c.id), 0) - SHORT_SEARCH_WINDOW).scalar_subquery()
        pg = dialect == "postgresql"
        match = sa.or_(contains(T.c.subject, term, ignore_case=pg), contains(T.c.details, term, ignore_case=pg))
        return sa.and_(T.c.id > window, match)
    if dialect == "sqlite":
        latest = _fts_matches(term).order_by(_FTS.c.rowid.desc()).limit(SEARCH_CAP)
    else:
        latest = sa.select(T.c.id).where(contains(_text_expr(), term, ignore_case=True)).order_by(T.c.id.desc()).limit(SEARCH_CAP)
    return T.c.id.in_(latest)


def _search_capped(session: Session, term: str) -> bool:
    """True when a (3+ character) search has more matches than the SEARCH_CAP it looks at."""
    term = _clean_term(term)
    if len(term) < 3:
        return False
    if session.get_bind().dialect.name == "sqlite":
        inner = _fts_matches(term).limit(SEARCH_CAP + 1).subquery()
    else:
        inner = sa.select(T.c.id).where(contains(_text_expr(), term, ignore_case=True)).limit(SEARCH_CAP + 1).subquery()
    return session.execute(sa.select(sa.func.count()).select_from(inner)).scalar_one() > SEARCH_CAP


def _stages(status: str | tuple[str, ...]) -> list[int]:
    wanted = (status,) if isinstance(status, str) else tuple(status)
    try:
        return [STAGE[Status(s)] for s in wanted]
    except ValueError:
        raise ComplaintError("complaint.err.status") from None


def conditions(session: Session, actor: Actor, f: QueueFilters, today: date) -> list[sa.ColumnElement[bool]]:
    """The WHERE clause of the queue; officers without ``CORRUPTION_VIEW`` see general complaints only."""
    require(actor, Perm.COMPLAINT_VIEW)
    out: list[sa.ColumnElement[bool]] = []
    if not actor.can(Perm.CORRUPTION_VIEW):
        if f.kind == ComplaintKind.CORRUPTION:
            raise PermissionDenied(Perm.CORRUPTION_VIEW)
        out.append(T.c.kind == ComplaintKind.GENERAL.value)
    if f.kind:
        try:
            out.append(T.c.kind == ComplaintKind(f.kind).value)
        except ValueError:
            raise ComplaintError("complaint.err.kind") from None
    if f.organisation_id is not None:
        out.append(T.c.organisation_id == f.organisation_id)
    if f.status:
        stages = _stages(f.status)
        out.append(T.c.stage == stages[0] if len(stages) == 1 else T.c.stage.in_(stages))
    if f.channel:
        out.append(T.c.channel == f.channel)
    if f.unit_id is not None:
        out.append(T.c.unit_id == f.unit_id)
    if f.assigned_user_id is not None:
        out.append(T.c.assigned_user_id == f.assigned_user_id)
    if f.fiscal_year is not None:
        out.append(T.c.fiscal_year == f.fiscal_year)
    if f.overdue_only:
        out.append(T.c.stage.in_(OPEN_STAGES))
        out.append(T.c.due_date < today)
    cond = search_condition(session, f.text)
    if cond is not None:
        out.append(cond)
    return out


def _row(r: sa.Row, today: date) -> QueueRow:
    open_ = r.stage in OPEN_STAGES
    days = (r.due_date - today).days if open_ else None
    return QueueRow(
        id=r.id,
        kind=r.kind,
        registry_display=registry_display(r.kind, r.registry_no, r.fiscal_year),
        fiscal_year=r.fiscal_year,
        registry_no=r.registry_no,
        tracking_code=tracking.format_code(r.tracking_code),
        received_at=r.received_at,  # UTCDateTime gives it back aware
        channel=r.channel,
        subject=r.subject,
        unit_id=r.unit_id,
        unit_name=r.unit_name or "",
        status=r.status,
        due_date=r.due_date,
        days_left=days,
        urgency=urgency(days),
    )


_COLUMNS = (
    T.c.id, T.c.kind, T.c.registry_no, T.c.fiscal_year, T.c.tracking_code, T.c.received_at, T.c.channel,
    T.c.subject, T.c.unit_id, T.c.status, T.c.stage, T.c.due_date, U.c.name.label("unit_name"),
)


def _count(session: Session, where: list[sa.ColumnElement[bool]]) -> tuple[int, bool]:
    """(count, capped). Without filters SQLite counts a whole table fast; with filters we stop at COUNT_CAP
    (a count must never cost more than the page itself)."""
    if not where:
        return session.execute(sa.select(sa.func.count()).select_from(T)).scalar_one(), False
    inner = sa.select(sa.literal(1).label("one")).select_from(T).where(*where).limit(COUNT_CAP + 1).subquery()
    n = session.execute(sa.select(sa.func.count()).select_from(inner)).scalar_one()
    return (COUNT_CAP, True) if n > COUNT_CAP else (n, False)


def _fetch(session: Session, where: list, keys: tuple, desc: bool, skip: int, take: int, today: date) -> list[QueueRow]:
    order = [k.desc() if desc else k.asc() for k in keys]
    # Deferred join: OFFSET walks the narrow sort index only (no row reads for the skipped rows), then the
    # page's rows are read with their unit names.
    ids = sa.select(T.c.id).where(*where).order_by(*order).offset(skip).limit(take)
    q = sa.select(*_COLUMNS).select_from(T.outerjoin(U, U.c.id == T.c.unit_id)).where(T.c.id.in_(ids)).order_by(*order)
    return [_row(r, today) for r in session.execute(q)]


def list_complaints(
    engine: Engine,
    actor: Actor,
    filters: QueueFilters | None = None,
    sort: str = "received",
    descending: bool = True,
    offset: int = 0,
    limit: int = 50,
    *,
    from_end: bool = False,
    today: date | None = None,
) -> Page:
    """One page of the queue and how many complaints match. ``sort``: registry, received, due, status.

    ``from_end=True`` gives the last page (``offset`` is then ignored; the page's ``offset`` says where it
    starts, or -1 when the result was too large to count). With filters the count stops at ``COUNT_CAP`` and
    ``Page.capped`` is set; a text search looks at the ``SEARCH_CAP`` most recent matches (also ``capped``)."""
    f = filters or QueueFilters()
    today = today or today_local()
    if sort not in SORTS:
        raise ComplaintError("complaint.err.sort")
    limit = max(1, min(limit, MAX_LIMIT))
    offset = max(0, offset)
    keys = SORTS[sort]
    with session_scope(engine) as s:
        where = conditions(s, actor, f, today)
        total, capped = _count(s, where)
        capped = capped or _search_capped(s, f.text)
        if from_end:
            if total >= COUNT_CAP and capped:
                rows = _fetch(s, where, keys, not descending, 0, limit, today)
                rows.reverse()
                return Page(tuple(rows), total, -1, limit, capped)
            offset = max(0, total - limit)
        if offset >= total:
            return Page((), total, offset, limit, capped)
        if not capped and offset + limit / 2 > total / 2:
            # Past the middle, read from the far end: OFFSET stays small whichever page is asked.
            take = min(limit, total - offset)
            rows = _fetch(s, where, keys, not descending, total - offset - take, take, today)
            rows.reverse()
        else:
            rows = _fetch(s, where, keys, descending, offset, limit, today)
        return Page(tuple(rows), total, offset, limit, capped)


def overdue_list(
    engine: Engine,
    actor: Actor,
    *,
    today: date | None = None,
    organisation_id: int | None = None,
    kind: str | None = None,
    offset: int = 0,
    limit: int = 100,
) -> Page:
    """Open complaints past their due date, the most overdue first."""
    f = QueueFilters(overdue_only=True, organisation_id=organisation_id, kind=kind)
    return list_complaints(engine, actor, f, sort="due", descending=False, offset=offset, limit=limit, today=today)
