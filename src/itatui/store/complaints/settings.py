"""Complaint rules stored per organisation in the ``Setting`` table (JSON values), with their defaults.

- ``complaint.clock``: ``{"days": 15, "mode": "calendar" | "working"}`` — the answer deadline.
- ``complaint.follow_up``: ``{"phone": "045-…", "office": "counter 1, …"}`` printed on the receipt.
- ``complaint.corruption_baseline_2565``: corruption complaints in fiscal year 2565, the plan's baseline for
  "cases down 10 % a year" (when unset, the count of FY 2565 complaints in the database is used).
- ``complaint.publish_threshold``: counts below it are shown as "< N" in anything published (default 3).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from itatui.domain.complaint_clock import ClockMode, ClockRule
from itatui.domain.roles import Actor, Perm, require
from itatui.store import audit
from itatui.store.complaints.types import ComplaintError
from itatui.store.db import session_scope, write_scope
from itatui.store.models import Organisation, Setting

CLOCK = "complaint.clock"
FOLLOW_UP = "complaint.follow_up"
BASELINE_2565 = "complaint.corruption_baseline_2565"
PUBLISH_THRESHOLD = "complaint.publish_threshold"


def resolve_org(session: Session, wanted: int | None = None) -> int:
    """``wanted`` if it exists, else the database's (first) organisation."""
    if wanted is not None:
        if session.get(Organisation, wanted) is None:
            raise ComplaintError("complaint.err.no_organisation")
        return wanted
    oid = session.exec(select(Organisation.id).order_by(col(Organisation.id)).limit(1)).first()
    if oid is None:
        raise ComplaintError("complaint.err.no_organisation")
    return oid


def read(session: Session, org_id: int, key: str, default: Any = None) -> Any:
    raw = session.exec(select(Setting.value).where(Setting.organisation_id == org_id, Setting.key == key)).first()
    if raw in (None, ""):
        return default
    try:
        return json.loads(raw)
    except ValueError:
        return default


def write(session: Session, actor: Actor, org_id: int, key: str, value: Any) -> None:
    row = session.exec(select(Setting).where(Setting.organisation_id == org_id, Setting.key == key)).first()
    before = json.loads(row.value) if row and row.value else None
    if row is None:
        row = Setting(organisation_id=org_id, key=key)
    row.value = json.dumps(value, ensure_ascii=False)
    session.add(row)
    session.flush()
    audit.record(session, actor, "update", "setting", key, before=before, after=value)


def clock_rule_in(session: Session, org_id: int) -> ClockRule:
    value = read(session, org_id, CLOCK, {}) or {}
    try:
        days = int(value.get("days", 15))
        mode = ClockMode(value.get("mode", ClockMode.CALENDAR))
    except (ValueError, AttributeError):
        return ClockRule()
    return ClockRule(days=days if days > 0 else 15, mode=mode)


def get_clock_rule(engine: Engine, organisation_id: int | None = None) -> ClockRule:
    with session_scope(engine) as s:
        return clock_rule_in(s, resolve_org(s, organisation_id))


def set_clock_rule(engine: Engine, actor: Actor, rule: ClockRule, organisation_id: int | None = None) -> None:
    """Applies to complaints received from now on (existing due dates do not move). Administrator only."""
    require(actor, Perm.USERS_MANAGE)
    if not 1 <= rule.days <= 365:
        raise ComplaintError("complaint.err.clock_days")
    with write_scope(engine) as s:
        write(s, actor, resolve_org(s, organisation_id), CLOCK, {"days": rule.days, "mode": ClockMode(rule.mode).value})


def get_setting(engine: Engine, key: str, default: Any = None, organisation_id: int | None = None) -> Any:
    with session_scope(engine) as s:
        return read(s, resolve_org(s, organisation_id), key, default)


def set_setting(engine: Engine, actor: Actor, key: str, value: Any, organisation_id: int | None = None) -> None:
    """Set ``complaint.follow_up``, ``complaint.corruption_baseline_2565`` or ``complaint.publish_threshold``."""
    require(actor, Perm.USERS_MANAGE)
    if key not in (FOLLOW_UP, BASELINE_2565, PUBLISH_THRESHOLD):
        raise ComplaintError("complaint.err.unknown_setting")
    with write_scope(engine) as s:
        write(s, actor, resolve_org(s, organisation_id), key, value)
