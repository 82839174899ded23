"""The record checks of ``itatui check`` beyond the hash chain: the anchor outside the database, registry
numbers without gaps, a creation record for every complaint and project, and key-holders without a grant."""

from __future__ import annotations

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from itatui.store import anchor
from itatui.store.db import is_sqlite, session_scope
from itatui.store.models import AuditLog, Complaint, Project, RegistryCounter


def Problem(key: str, params: dict) -> tuple[str, dict]:  # noqa: N802  (integrity turns these into its Problem)
    return key, params


def _anchor_problems(engine: Engine, count: int, chain_ok: bool) -> list[tuple[str, dict]]:
    out: list[tuple[str, dict]] = []
    with session_scope(engine) as s:
        head = s.exec(select(AuditLog.id, AuditLog.hash).order_by(col(AuditLog.id).desc()).limit(1)).first()
        known = anchor.read(engine)
        if known is not None:
            row = s.exec(select(AuditLog.hash).where(AuditLog.id == known.last_id)).first()
            if row is None:
                out.append(Problem("shell.check.anchor_missing", {"id": known.last_id, "n": count}))
            elif row != known.hash:
                out.append(Problem("shell.check.anchor_hash", {"id": known.last_id}))
            if known.count is not None:
                upto = s.exec(select(func.count()).select_from(AuditLog).where(col(AuditLog.id) <= known.last_id)).one()
                if upto != known.count and row is not None:
                    out.append(Problem("shell.check.anchor_count", {"was": known.count, "now": upto}))
            if is_sqlite(engine) and head is not None and head[0] > known.last_id:
                after = s.exec(select(func.count()).select_from(AuditLog).where(col(AuditLog.id) > known.last_id)).one()
                out.append(Problem("shell.check.anchor_behind", {"n": after, "id": known.last_id}))
    if not out and chain_ok and head is not None:
        anchor.replace_anchor(engine, anchor.Anchor(head[0], head[1], count))
    return out


def _registry_problems(engine: Engine) -> list[tuple[str, dict]]:
    from itatui.domain.complaints import registry_display

    out = []
    with session_scope(engine) as s:
        rows = s.exec(
            select(Complaint.organisation_id, Complaint.fiscal_year, Complaint.kind, func.count(), func.max(Complaint.registry_no))
            .group_by(Complaint.organisation_id, Complaint.fiscal_year, Complaint.kind)
        ).all()
        counters = {(c.organisation_id, c.fiscal_year, c.kind): c.last_no for c in s.exec(select(RegistryCounter)).all()}
    for org, fy, kind, n, top in rows:
        last = max(top or 0, counters.get((org, fy, kind), 0))
        if n != last:
            out.append(Problem("shell.check.registry_gap", {"registry": registry_display(kind, last, fy), "n": n, "last": last}))
    return out


def _creation_problems(engine: Engine) -> list[tuple[str, dict]]:
    out = []
    with session_scope(engine) as s:
        for entity, model, where in (("complaint", Complaint, col(Complaint.synthetic).is_(False)), ("project", Project, None)):
            created = select(AuditLog.entity_id).where(AuditLog.entity == entity, AuditLog.action == "create")
            q = select(model.id).where(func.cast(model.id, AuditLog.entity_id.type).not_in(created))  # type: ignore[attr-defined]
            if where is not None:
                q = q.where(where)
            missing = s.exec(q.limit(20)).all()
            out += [Problem("shell.check.no_creation_record", {"entity": entity, "id": i}) for i in missing]
    return out


def _key_holder_problems(engine: Engine) -> list[tuple[str, dict]]:
    from itatui.store.accounts.key_holders import holders_without_grant

    with session_scope(engine) as s:
        return [Problem("shell.check.key_without_grant", {"username": name, "id": uid}) for uid, name in holders_without_grant(s)]


def record_checks(engine: Engine, count: int, *, chain_ok: bool) -> list[tuple[str, dict]]:
    return (_anchor_problems(engine, count, chain_ok) + _registry_problems(engine) + _creation_problems(engine)
            + _key_holder_problems(engine))
