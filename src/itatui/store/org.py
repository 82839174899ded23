"""The organisation (อปท.) a database belongs to: read it, create it at first run, change it — every change audited."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlmodel import col, select

from itatui.domain.roles import Actor, Perm, require
from itatui.domain.validation import FieldProblem, Problems, ValidationError
from itatui.store import audit
from itatui.store.db import session_scope, write_scope
from itatui.store.models import Organisation

_FIELDS = ("name", "district", "province")
_MAX = {"name": 200, "district": 100, "province": 100}


@dataclass(frozen=True)
class OrgInfo:
    id: int
    name: str
    district: str
    province: str

    @property
    def label(self) -> str:
        """How the header names it: เทศบาลตำบลเขมราฐ (no district/province: they make the line too long)."""
        return self.name


def _info(org: Organisation) -> OrgInfo:
    return OrgInfo(id=org.id or 0, name=org.name, district=org.district, province=org.province)


def validate(name: str, district: str = "", province: str = "") -> list[FieldProblem]:
    """Every problem at once; fields are ``name``, ``district``, ``province``."""
    problems = Problems()
    values = {"name": name.strip(), "district": district.strip(), "province": province.strip()}
    problems.check(bool(values["name"]), "name", "err.required")
    for field, value in values.items():
        problems.check(len(value) <= _MAX[field], field, "shell.err.too_long", n=_MAX[field])
    return problems.items


def get_organisation(engine: Engine) -> OrgInfo | None:
    """The database's organisation (the first one: one per database in practice)."""
    with session_scope(engine) as s:
        org = s.exec(select(Organisation).order_by(col(Organisation.id)).limit(1)).first()
        return _info(org) if org else None


def save_organisation(engine: Engine, actor: Actor, name: str, district: str = "", province: str = "") -> OrgInfo:
    """Create the organisation, or update it if the database has one already (first run may be re-done after an
    interrupted set-up). Administrator only."""
    require(actor, Perm.USERS_MANAGE)
    problems = validate(name, district, province)
    if problems:
        raise ValidationError(problems)
    values = {"name": name.strip(), "district": district.strip(), "province": province.strip()}
    with write_scope(engine) as s:
        org = s.exec(select(Organisation).order_by(col(Organisation.id)).limit(1)).first()
        if org is None:
            org = Organisation(**values)
            s.add(org)
            s.flush()
            audit.record(s, actor, "create", "organisation", org.id, after=values)
        else:
            old = {f: getattr(org, f) for f in _FIELDS}
            before, after = audit.diff(old, values)
            if after:
                for f, v in values.items():
                    setattr(org, f, v)
                s.add(org)
                audit.record(s, actor, "update", "organisation", org.id, before=before, after=after)
        return _info(org)
