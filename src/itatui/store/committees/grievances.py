"""A staff member's grievance about a decision, and the round's satisfaction survey.

A grievance (within the round's ``grievance_days`` of being told) is kept against the decision and lands in
the complaint queue as a general complaint from that person, through the complaint desk's own intake core
(registry number, tracking code, 15-day clock, audit), so the desk follows it up like any other.

The survey's % satisfied feeds project 9's KPI (บุคลากรมีความพึงพอใจ… ไม่น้อยกว่าร้อยละ ๘๐) as that fiscal
year's KPI actual in the plan store, unless the project's year is locked (reported done).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from itatui.domain.complaints import Channel, ComplaintKind, ContactPref
from itatui.domain.roles import Actor, Perm, require
from itatui.domain.salary import RoundRules, grievance_in_time
from itatui.domain.thai import parse_int
from itatui.domain.validation import Problems
from itatui.store import audit
from itatui.store.committees.drafts import parse_optional_date
from itatui.store.committees.queries import get_round_row, round_info
from itatui.store.committees.types import CommitteeError, CommitteeValidationError, RoundInfo
from itatui.store.db import write_scope
from itatui.store.models import Evaluation, Grievance, Kpi, KpiActual, Plan, ProgressReport, Project, SalaryRound, Staff

PROJECT_NAME = "เลื่อนขั้นเงินเดือน"  # project 9: สร้างความโปร่งใสในการพิจารณาเลื่อนขั้นเงินเดือน


@dataclass(frozen=True)
class GrievanceResult:
    id: int
    complaint_id: int
    registry_display: str  # รท. 12/2569
    tracking_code: str


def record_grievance(engine: Engine, actor: Actor, evaluation_id: int, *, filed_on: str, text: str,
                     channel: str = Channel.LETTER.value) -> GrievanceResult:
    require(actor, Perm.COMMITTEE_EDIT)
    from itatui.store.complaints.intake import _save, validate_draft
    from itatui.store.complaints.types import ComplaintDraft

    p = Problems()
    day = parse_optional_date(p, "filed_on", filed_on)
    p.check(bool(filed_on.strip()), "filed_on", "err.required")
    p.check(bool(text.strip()), "text", "err.required")
    p.check(channel in set(Channel), "channel", "complaint.err.channel")
    if p:
        raise CommitteeValidationError(p.items)
    assert day is not None
    with write_scope(engine) as s:
        e = s.get(Evaluation, evaluation_id)
        if e is None:
            raise CommitteeError("committee.err.no_evaluation")
        if not e.decided:
            raise CommitteeError("committee.err.not_decided")
        r = get_round_row(s, e.round_id)
        if not grievance_in_time(e.told_on, day, RoundRules.from_json(r.rules)):
            raise CommitteeValidationError([*_p("filed_on", "committee.err.grievance_late",
                                                days=RoundRules.from_json(r.rules).grievance_days)])
        st = s.get(Staff, e.staff_id)
        assert st is not None
        subject = f"ร้องทุกข์ผลการพิจารณาเลื่อนขั้นเงินเดือน รอบที่ {r.round_no}/{r.fiscal_year} ({st.code})"
        org_id, round_no, fy = r.organisation_id, r.round_no, r.fiscal_year
        staff_name, unit_id = st.name, st.unit_id
    draft = ComplaintDraft(kind=ComplaintKind.GENERAL.value, channel=channel, subject=subject, details=text.strip(),
                           complainant_name=staff_name, contact_pref=ContactPref.IN_PERSON.value, unit_id=unit_id,
                           organisation_id=org_id)
    clean, problems = validate_draft(draft)
    if clean is None:
        raise CommitteeValidationError(problems)
    created = _save(engine, actor, clean, org_id, _now())
    with write_scope(engine) as s:
        g = Grievance(evaluation_id=evaluation_id, filed_on=day, text=text.strip(), complaint_id=created.id)
        s.add(g)
        s.flush()
        audit.record(s, actor, "create", "grievance", g.id,
                     after={"evaluation": evaluation_id, "round": f"{round_no}/{fy}", "complaint": created.registry_display})
        return GrievanceResult(g.id or 0, created.id, created.registry_display, created.tracking_code)


def _now():  # noqa: ANN202
    from itatui.store.models.base import utcnow

    return utcnow()


def _p(field_name: str, key: str, **params: object) -> list:
    p = Problems()
    p.add(field_name, key, **params)
    return p.items


def list_grievances(engine: Engine, actor: Actor, round_id: int) -> list[tuple[str, str, date, str, int | None]]:
    """(staff code, name, filed on, text, complaint id) of the round's grievances."""
    require(actor, Perm.COMMITTEE_VIEW)
    from itatui.store.db import session_scope

    with session_scope(engine) as s:
        rows = s.exec(select(Staff.code, Staff.name, Grievance.filed_on, Grievance.text, Grievance.complaint_id)
                      .join(Evaluation, col(Grievance.evaluation_id) == col(Evaluation.id))
                      .join(Staff, col(Evaluation.staff_id) == col(Staff.id))
                      .where(Evaluation.round_id == round_id).order_by(col(Grievance.filed_on))).all()
        return [tuple(r) for r in rows]  # type: ignore[misc]


# ---- the satisfaction survey --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyResult:
    round: RoundInfo
    year_percent: float | None  # over the fiscal year's rounds
    kpi_written: bool
    kpi_reason: str  # "" / no_project / no_kpi / locked


def save_survey(engine: Engine, actor: Actor, round_id: int, respondents: str, satisfied: str) -> SurveyResult:
    require(actor, Perm.COMMITTEE_EDIT)
    p = Problems()
    n = p.parse("respondents", lambda x: parse_int(x, allow_blank=False), respondents)
    k = p.parse("satisfied", lambda x: parse_int(x, allow_blank=False), satisfied)
    if n is not None:
        p.check(n > 0, "respondents", "committee.err.positive")
    if n is not None and k is not None:
        p.check(0 <= k <= n, "satisfied", "committee.err.satisfied_range")
    if p:
        raise CommitteeValidationError(p.items)
    with write_scope(engine) as s:
        r = get_round_row(s, round_id)
        before = {"respondents": r.survey_respondents, "satisfied": r.survey_satisfied}
        r.survey_respondents, r.survey_satisfied = n, k
        s.add(r)
        s.flush()
        audit.record(s, actor, "survey", "salary_round", r.id, before=before, after={"respondents": n, "satisfied": k})
        year = s.exec(select(SalaryRound.survey_respondents, SalaryRound.survey_satisfied).where(
            SalaryRound.organisation_id == r.organisation_id, SalaryRound.fiscal_year == r.fiscal_year)).all()
        total = sum(a or 0 for a, b in year if b is not None)
        happy = sum(b or 0 for a, b in year if b is not None)
        pct = round(100 * happy / total, 2) if total else None
        written, reason = _feed_kpi(s, actor, r, pct)
        return SurveyResult(round_info(r), pct, written, reason)


def _feed_kpi(s: Session, actor: Actor, r: SalaryRound, pct: float | None) -> tuple[bool, str]:
    project = s.exec(select(Project).join(Plan, col(Project.plan_id) == col(Plan.id))
                     .where(Plan.organisation_id == r.organisation_id, col(Plan.start_year) <= r.fiscal_year,
                            col(Plan.end_year) >= r.fiscal_year, col(Project.name).contains(PROJECT_NAME))
                     .order_by(col(Plan.id).desc())).first()
    if project is None:
        return False, "no_project"
    kpi = s.exec(select(Kpi).where(Kpi.project_id == project.id, Kpi.unit == "ร้อยละ")
                 .order_by(col(Kpi.id))).first()
    if kpi is None:
        return False, "no_kpi"
    locked = s.exec(select(ProgressReport.id).where(ProgressReport.project_id == project.id,
                                                    ProgressReport.fiscal_year == r.fiscal_year,
                                                    col(ProgressReport.locked).is_(True))).first()
    if locked is not None:
        return False, "locked"
    actual = s.exec(select(KpiActual).where(KpiActual.kpi_id == kpi.id, KpiActual.fiscal_year == r.fiscal_year)).first()
    before = actual.value if actual else None
    actual = actual or KpiActual(kpi_id=kpi.id or 0, fiscal_year=r.fiscal_year)
    actual.value = pct
    actual.note = "แบบสำรวจความพึงพอใจต่อระบบการเลื่อนขั้นเงินเดือน"
    s.add(actual)
    s.flush()
    audit.record(s, actor, "update", "kpi_actual", f"{kpi.id}/{r.fiscal_year}", before={"value": before}, after={"value": pct})
    return True, ""
