"""The salary committees' documents of a round (screen 4's ``p``), from the core's ``committees.documents``:
the two appointment orders, meeting invitations and minutes, the scores list, the ดีเด่น/ดีมาก announcement,
the quota/pool calculation, the raise and special-allowance orders, and each person's result letter.

All hold personal data (names, salaries), so none is a publication for the ITA pack. The data functions check
the committee view permission; ``offered_to`` only keeps the dialog from listing them to others.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine

from itatui.domain.complaint_clock import today_local
from itatui.domain.roles import Actor, Perm
from itatui.domain.thai import format_date
from itatui.i18n import language, t
from itatui.reports.document import Block, Column, Document, Fields, Heading, PageBreak, Paragraph, Row, Signature, Table
from itatui.reports.errors import ReportError
from itatui.reports.spec import ReportParams, ReportSpec
from itatui.store import committees as C

D = C.documents


def _round_id(engine: Engine, actor: Actor, params: ReportParams) -> int:
    info = C.find_round(engine, actor, params.year or 0, params.round or 0)
    if info is None:
        raise ReportError("report.com.err.no_round", year=params.year, round=params.round)
    return info.id


def _level(level: str) -> str:
    return t(f"committee.level.{level}") if level else "-"


def _doc(title: str, header: D.DocHeader, params: ReportParams, blocks: tuple[Block, ...], *, order_no: str = "",
         key_numbers: tuple[int, ...] = ()) -> Document:
    sub = (t("report.com.order_no", no=order_no),) if order_no else ()
    sub += (t("report.com.round", year=header.fiscal_year, round=header.round_no),)
    return Document(title=title, organisation=header.organisation, printed_on=params.today or today_local(),
                    subtitle=sub, blocks=blocks, paper="A4", lang=language(), key_numbers=key_numbers)


def _given(header: D.DocHeader, signer: str) -> tuple[Block, ...]:
    return (Paragraph(t("report.com.given", date=format_date(header.effective, lang=language())), indent=True),
            Signature(t("report.sign"), "", signer))


def _members_table(members) -> Table:  # noqa: ANN001 - MemberInfo tuple
    return Table((Column(t("report.com.col.no"), 0.5, numeric=True), Column(t("report.com.col.name"), 3.0),
                  Column(t("report.com.col.title"), 3.0), Column(t("report.com.col.role"), 2.0)),
                 tuple(Row((i, m.name, m.title or "-", t(f"committee.role.{m.role}"))) for i, m in enumerate(members, 1)))


def build_committee_order(kind: str):  # noqa: ANN201
    def build(engine: Engine, actor: Actor, params: ReportParams) -> Document:
        o = D.committee_order(engine, actor, _round_id(engine, actor, params), kind)
        h = o.header
        blocks: tuple[Block, ...] = (
            Heading(t(f"report.com.order.{kind}.subject")),
            Paragraph(t(f"report.com.order.{kind}.text", year=h.fiscal_year, round=h.round_no), indent=True),
            _members_table(o.members),
            Paragraph(t(f"report.com.order.{kind}.duty"), indent=True),
            *_given(h, t("report.com.mayor")),
        )
        return _doc(t("report.com.order.title", org=h.organisation), h, params, blocks, order_no=o.order_no,
                    key_numbers=(len(o.members),))
    return build


def build_meetings(engine: Engine, actor: Actor, params: ReportParams) -> Document:
    """Every meeting of the round: its invitation, then its minutes (as approved, or the latest draft)."""
    rid = _round_id(engine, actor, params)
    meetings = C.list_meetings(engine, actor, rid)
    if not meetings:
        raise ReportError("report.com.err.no_meeting")
    lang = language()
    blocks: list[Block] = []
    header = None
    for n, m in enumerate(meetings):
        inv = D.invitation(engine, actor, m.id)
        mins = D.minutes(engine, actor, m.id)
        header = inv.header
        if n:
            blocks.append(PageBreak())
        blocks += [
            Heading(t("report.com.invite.subject", number=inv.meeting_number, kind=t(f"report.com.kind.{inv.committee_kind}"))),
            Fields(((t("report.com.invite.held_on"), format_date(inv.held_on, lang=lang)), (t("report.com.invite.place"), inv.place),
                    (t("report.com.invite.invited_on"), format_date(inv.invited_on, lang=lang) if inv.invited_on else "-"),
                    (t("report.com.invite.agenda"), inv.agenda or "-"))),
            _members_table(inv.to),
            Heading(t("report.com.minutes.title", number=inv.meeting_number)),
            Fields(((t("report.com.minutes.present"), str(len(mins.present))), (t("report.com.minutes.absent"), str(len(mins.absent))),
                    (t("report.com.minutes.status"), t("report.com.minutes.approved" if mins.approved else "report.com.minutes.draft",
                                                       version=mins.version)))),
            *(Paragraph(t("report.com.minutes.withdrew", member=a, staff=b), indent=True) for a, b in mins.withdrawals),
            Paragraph(mins.text or "-", indent=True),
            Signature(t("report.sign"), "", t("committee.role.secretary")),
        ]
    assert header is not None
    return _doc(t("report.com.meetings.title"), header, params, tuple(blocks), key_numbers=(len(meetings),))


def _score_table(lines) -> Table:  # noqa: ANN001 - ScoreLine tuple
    return Table((Column(t("report.com.col.no"), 0.5, numeric=True), Column(t("report.com.col.code"), 0.8, verbatim=True),
                  Column(t("report.com.col.name"), 2.4), Column(t("report.com.col.position"), 2.0), Column(t("report.com.col.unit"), 0.9),
                  Column(t("report.com.col.score"), 0.8, numeric=True), Column(t("report.com.col.level"), 1.1)),
                 tuple(Row((i, ln.staff_code, ln.name, ln.position, ln.unit, ln.score, _level(ln.level))) for i, ln in enumerate(lines, 1)),
                 font_scale=0.9)


def build_scores(engine: Engine, actor: Actor, params: ReportParams) -> Document:
    sl = D.score_list(engine, actor, _round_id(engine, actor, params))
    return _doc(t("report.com.scores.title"), sl.header, params,
                (_score_table(sl.lines), Signature(t("report.sign"), "", t("report.com.screening_chair"))), key_numbers=(len(sl.lines),))


def build_announcement(engine: Engine, actor: Actor, params: ReportParams) -> Document:
    a = D.announcement(engine, actor, _round_id(engine, actor, params))
    blocks: list[Block] = [Paragraph(t("report.com.announce.text", year=a.header.fiscal_year, round=a.header.round_no), indent=True),
                           Heading(t("report.com.announce.excellent", n=len(a.excellent)), 2), _score_table(a.excellent),
                           Heading(t("report.com.announce.very_good", n=len(a.very_good)), 2), _score_table(a.very_good)]
    if a.rates:
        blocks += [Heading(t("report.com.announce.rates"), 2),
                   Table((Column(t("report.com.col.level"), 2.0), Column(t("report.com.col.percent"), 1.0, numeric=True)),
                         tuple(Row((_level(lv), pct)) for lv, pct in a.rates))]
    blocks += _given(a.header, t("report.com.mayor"))
    return _doc(t("report.com.announce.title", org=a.header.organisation), a.header, params, tuple(blocks),
                key_numbers=(len(a.excellent), len(a.very_good)))


def build_calculation(engine: Engine, actor: Actor, params: ReportParams) -> Document:
    c = D.calculation(engine, actor, _round_id(engine, actor, params))
    r = c.rules
    rules = Fields(((t("report.com.calc.quota_pct"), f"{r.quota_pct}"), (t("report.com.calc.budget_pct"), f"{r.budget_pct}"),
                    (t("report.com.calc.pool_pct"), f"{r.pool_pct}")))
    cols = (Column(t("report.com.col.scheme"), 1.2), Column(t("report.com.calc.headcount"), 1.0, numeric=True),
            Column(t("report.com.calc.quota_allowed"), 1.0, numeric=True), Column(t("report.com.calc.quota_used"), 1.0, numeric=True),
            Column(t("report.com.calc.pool_base"), 1.4, numeric=True), Column(t("report.com.calc.pool_allowed"), 1.3, numeric=True),
            Column(t("report.com.calc.pool_used"), 1.3, numeric=True), Column(t("report.com.calc.pool_left"), 1.3, numeric=True))
    rows = tuple(Row((t(f"committee.scheme.{x.scheme}"), x.headcount, x.quota_allowed, x.quota_used, x.pool_base, x.pool_allowed,
                      x.pool_used, x.pool_allowed - x.pool_used)) for x in c.totals)
    keys = tuple(n for x in c.totals for n in (x.quota_allowed or 0, x.pool_allowed, x.pool_used))
    return _doc(t("report.com.calc.title"), c.header, params,
                (rules, Table(cols, rows, font_scale=0.9), Signature(t("report.sign"), "", t("committee.role.secretary"))), key_numbers=keys)


def _raise_table(lines, *, allowance: bool) -> Table:  # noqa: ANN001 - RaiseLine tuple
    cols = [Column(t("report.com.col.no"), 0.5, numeric=True), Column(t("report.com.col.name"), 2.3), Column(t("report.com.col.position"), 1.8),
            Column(t("report.com.col.level"), 0.9), Column(t("report.com.col.steps"), 0.7, numeric=True),
            Column(t("report.com.col.percent"), 0.7, numeric=True), Column(t("report.com.col.before"), 1.0, numeric=True),
            Column(t("report.com.col.amount"), 0.9, numeric=True), Column(t("report.com.col.after"), 1.0, numeric=True)]
    if allowance:
        cols.append(Column(t("report.com.col.allowance"), 1.0, numeric=True))
    rows = []
    for i, ln in enumerate(lines, 1):
        cells = [i, ln.name, ln.position, _level(ln.level), None if ln.half_steps is None else ln.half_steps / 2, ln.percent,
                 ln.salary_before, ln.amount, ln.salary_after]
        if allowance:
            cells.append(ln.special_allowance)
        rows.append(Row(tuple(cells)))
    return Table(tuple(cols), tuple(rows), font_scale=0.85)


def build_raise_order(engine: Engine, actor: Actor, params: ReportParams) -> Document:
    o = D.raise_order(engine, actor, _round_id(engine, actor, params))
    blocks: tuple[Block, ...] = (Heading(t("report.com.raise.subject")),
                                 Paragraph(t("report.com.raise.text", year=o.header.fiscal_year, round=o.header.round_no,
                                             date=format_date(o.header.effective, lang=language())), indent=True),
                                 _raise_table(o.lines, allowance=False), *_given(o.header, t("report.com.mayor")))
    return _doc(t("report.com.order.title", org=o.header.organisation), o.header, params, blocks,
                key_numbers=(sum(x.amount for x in o.lines),))


def build_allowance_order(engine: Engine, actor: Actor, params: ReportParams) -> Document:
    o = D.special_allowance_order(engine, actor, _round_id(engine, actor, params))
    blocks: tuple[Block, ...] = (Heading(t("report.com.allowance.subject")),
                                 Paragraph(t("report.com.allowance.text", year=o.header.fiscal_year, round=o.header.round_no), indent=True),
                                 _raise_table(o.lines, allowance=True), *_given(o.header, t("report.com.mayor")))
    return _doc(t("report.com.order.title", org=o.header.organisation), o.header, params, blocks,
                key_numbers=(sum(x.special_allowance for x in o.lines),))


def build_letters(engine: Engine, actor: Actor, params: ReportParams) -> Document:
    """One letter per page; ``staff`` = one person's letter."""
    letters = D.result_letters(engine, actor, _round_id(engine, actor, params))
    if params.staff:
        letters = tuple(x for x in letters if x.line.staff_code == params.staff)
    if not letters:
        raise ReportError("report.com.err.no_letter", staff=params.staff or "-")
    blocks: list[Block] = []
    for n, x in enumerate(letters):
        ln = x.line
        if n:
            blocks.append(PageBreak())
        blocks += [Heading(t("report.com.letter.to", name=ln.name)),
                   Paragraph(t("report.com.letter.text", year=x.header.fiscal_year, round=x.header.round_no), indent=True),
                   Fields(((t("report.com.col.code"), ln.staff_code), (t("report.com.col.position"), ln.position),
                           (t("report.com.col.score"), "-" if x.score is None else f"{x.score:g}"), (t("report.com.col.level"), _level(ln.level)),
                           (t("report.com.col.before"), f"{ln.salary_before:,}"), (t("report.com.col.amount"), f"{ln.amount:,}"),
                           (t("report.com.col.after"), f"{ln.salary_after:,}"), (t("report.com.col.allowance"), f"{ln.special_allowance:,}"))),
                   Paragraph(t("report.com.letter.grievance", days=x.grievance_days), indent=True),
                   Signature(t("report.sign"), "", t("report.com.mayor"))]
    return _doc(t("report.com.letter.title"), letters[0].header, params, tuple(blocks),
                key_numbers=tuple(x.line.salary_after for x in letters))


def _may_view(actor: Actor) -> bool:
    return actor.can(Perm.COMMITTEE_VIEW)


def _spec(name: str, build, formats: tuple[str, ...] = ("pdf", "docx", "xlsx", "csv"), params: tuple[str, ...] = ("year", "round")) -> ReportSpec:  # noqa: ANN001
    return ReportSpec(name, f"report.com.name.{name}", build, params=params, required=("year", "round"), formats=formats,
                      screens=("committees",), offered_to=_may_view)


SPECS = (
    _spec("committee-screening-order", build_committee_order("screening"), ("pdf", "docx")),
    _spec("committee-promotion-order", build_committee_order("promotion"), ("pdf", "docx")),
    _spec("committee-meetings", build_meetings, ("pdf", "docx")),
    _spec("committee-scores", build_scores),
    _spec("committee-announcement", build_announcement),
    _spec("committee-calculation", build_calculation),
    _spec("committee-raise-order", build_raise_order),
    _spec("committee-allowance-order", build_allowance_order),
    _spec("committee-result-letters", build_letters, ("pdf", "docx"), ("year", "round", "staff")),
)
NAMES = tuple(s.name for s in SPECS)
