"""``itatui export round``: one round as a JSON document (format in docs/export-format.md)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import Engine

from itatui import __version__
from itatui.domain.roles import Actor, Perm, require
from itatui.domain.salary import steps_text
from itatui.store.committees.checks import load_state, totals
from itatui.store.committees.documents import _header, _rows
from itatui.store.committees.queries import committee_info, conflicts_in, meeting_info, resolve_org
from itatui.store.committees.types import CommitteeError
from itatui.store.db import session_scope
from itatui.store.models import Committee, Meeting, SalaryRound
from sqlmodel import col, select

FORMAT = "itatui.salary_round"
FORMAT_VERSION = 1


def _iso(d: Any) -> str | None:
    return d.isoformat() if d is not None else None


def export_round(engine: Engine, actor: Actor, fiscal_year: int, round_no: int, organisation_id: int | None = None) -> dict[str, Any]:
    require(actor, Perm.COMMITTEE_VIEW)
    with session_scope(engine) as s:
        oid = resolve_org(s, organisation_id)
        r = s.exec(select(SalaryRound).where(SalaryRound.organisation_id == oid, SalaryRound.fiscal_year == fiscal_year,
                                             SalaryRound.round_no == round_no)).first()
        if r is None:
            raise CommitteeError("committee.err.no_round_year", fy=fiscal_year, round=round_no)
        header, info = _header(s, r.id or 0)
        staff = []
        for row, position in _rows(s, r.id or 0, info.rules):
            decision = None
            if row.decided:
                decision = {
                    "steps": float(steps_text(row.half_steps)) if row.half_steps is not None else None,
                    "percent": float(row.percent) if row.percent is not None else None,
                    "amount": row.amount, "special_allowance": row.special_allowance,
                    "salary_before": row.salary, "salary_after": row.salary + row.amount,
                    "meeting_id": row.meeting_id, "told_on": _iso(row.told_on),
                }
            staff.append({
                "staff_code": row.staff_code, "name": row.name, "position": position, "unit": row.unit,
                "kind": row.kind, "scheme": row.scheme, "probation": row.probation,
                "achievement": row.achievement, "competency": row.competency,
                "score": row.score, "level": row.level or None,
                "screening": {"view": row.screening, "score": row.screening_score,
                              "level": row.screening_level or None, "reason": row.screening_reason} if row.screening else None,
                "final_level": row.final_level or None,
                "decision": decision,
            })
        schemes = [{
            "scheme": t.scheme,
            "quota": {"headcount": t.headcount, "counted_on": t.counted_on.isoformat(), "allowed": t.quota_allowed,
                      "used": t.quota_used},
            "pool": {"base": t.pool_base, "allowed": t.pool_allowed, "used": t.pool_used},
        } for t in totals(load_state(s, r.id or 0))]
        committees = []
        for c in s.exec(select(Committee).where(Committee.round_id == r.id).order_by(col(Committee.kind).desc())).all():
            ci = committee_info(s, c)
            meetings = []
            for m in s.exec(select(Meeting).where(Meeting.committee_id == c.id).order_by(col(Meeting.held_on))).all():
                mi = meeting_info(s, m)
                last = mi.minutes[-1] if mi.minutes else None
                meetings.append({
                    "id": mi.id, "number": mi.number, "held_on": _iso(mi.held_on), "place": mi.place,
                    "invited_on": _iso(mi.invited_on), "invitation_late": mi.invitation_late,
                    "attendees": [x.name for x in ci.members if x.id in mi.attendees],
                    "members": mi.members_total, "quorum": mi.quorum, "agenda": mi.agenda,
                    "resolutions": mi.resolutions, "dissent": mi.dissent,
                    "minutes": {"version": last.version, "approved": last.approved, "text": last.text} if last else None,
                })
            committees.append({
                "kind": c.kind, "order_no": c.order_no, "order_date": _iso(c.order_date),
                "members": [{"name": x.name, "title": x.title, "role": x.role, "staff_code": None if x.staff_id is None else
                             _code(s, x.staff_id)} for x in ci.members],
                "meetings": meetings,
            })
        conflicts = [{"member": x.member_name, "committee": x.committee_kind, "staff": x.staff_name,
                      "relation": x.relation, "status": x.status, "withdrew": x.withdrew}
                     for x in conflicts_in(s, r.id or 0) if x.status != "dismissed"]
        return {
            "format": FORMAT, "format_version": FORMAT_VERSION,
            "generated_at": datetime.now(UTC).isoformat(timespec="seconds"), "generator": f"itatui {__version__}",
            "organisation": header.organisation,
            "round": {"fiscal_year": r.fiscal_year, "round": r.round_no, "effective": info.effective.isoformat(),
                      "rules": _rules(info.rules)},
            "survey": {"respondents": r.survey_respondents, "satisfied": r.survey_satisfied,
                       "percent": info.survey_percent},
            "staff": staff, "schemes": schemes, "committees": committees, "conflicts": conflicts,
        }


def _code(s, staff_id: int) -> str | None:  # noqa: ANN001
    from itatui.store.models import Staff

    st = s.get(Staff, staff_id)
    return st.code if st else None


def _rules(rules) -> dict[str, Any]:  # noqa: ANN001
    import json

    return json.loads(rules.to_json())
