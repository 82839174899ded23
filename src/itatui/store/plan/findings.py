"""The importer's findings kept with the plan they describe, to be reviewed after the import (plan table `i`).

Stored as JSON in ``plan.import_findings``: a list of ``{"code", "severity", "line", "params"}``, the same
content as ``importers.findings.Finding``, so the messages are rendered in the reader's language.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlmodel import Session

from itatui.domain.roles import Actor, Perm, require
from itatui.store.db import session_scope
from itatui.store.models import Organisation, Plan

ORG_DIFFERS = "organisation_differs"


@dataclass(frozen=True)
class FindingRow:
    severity: str  # error | warning | info
    line: int | None
    code: str
    params: dict[str, str]

    def message(self, lang: str | None = None) -> str:
        from itatui.importers.findings import render

        return render(f"import.finding.{self.code}", lang, **self.params)


# How offices shorten their own kind: "ทต.เขมราฐ" is เทศบาลตำบลเขมราฐ, not another organisation.
_SHORT = {"ทต.": "เทศบาลตำบล", "ทม.": "เทศบาลเมือง", "ทน.": "เทศบาลนคร", "อบต.": "องค์การบริหารส่วนตำบล",
          "อบจ.": "องค์การบริหารส่วนจังหวัด"}


def _normal(name: str) -> str:
    out = "".join(name.split())
    for short, full in _SHORT.items():
        if out.startswith(short):
            out = full + out[len(short) :]
    return out


def same_organisation(a: str, b: str) -> bool:
    return _normal(a) == _normal(b)


def keep_findings(s: Session, plan: Plan, parsed, organisation: Organisation) -> None:  # noqa: ANN001 - ParsedPlan
    """Store ``parsed``'s findings with ``plan``, plus a warning when the document names another organisation."""
    rows = [
        {"code": f.code, "severity": str(f.severity), "line": f.line, "params": {k: str(v) for k, v in f.params.items()}}
        for f in parsed.findings.sorted()
    ]
    named = parsed.organisation.name
    if named and not same_organisation(named, organisation.name):
        rows.insert(0, {"code": ORG_DIFFERS, "severity": "warning", "line": parsed.organisation.line,
                        "params": {"document": named, "organisation": organisation.name}})
    plan.import_findings = json.dumps(rows, ensure_ascii=False)
    s.add(plan)


def plan_findings(engine: Engine, actor: Actor, plan_id: int) -> tuple[FindingRow, ...]:
    require(actor, Perm.PLAN_VIEW)
    with session_scope(engine) as s:
        plan = s.get(Plan, plan_id)
        raw = plan.import_findings if plan else ""
    try:
        rows = json.loads(raw) if raw else []
    except ValueError:
        rows = []
    return tuple(FindingRow(r.get("severity", "info"), r.get("line"), r.get("code", ""), dict(r.get("params", {}))) for r in rows)
