"""The demo plan: ``db/seed/khemarat-plan.json`` (the Khemarat plan as parsed from the source document, in the
export layout) loaded with the same writer as a real import, so the demo works offline without ``../shared``.
Regenerate the file with ``scripts/build-seed``."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy.engine import Engine

from itatui.domain.roles import SYSTEM, Actor
from itatui.importers.errors import PlanFormatError
from itatui.importers.parsed import ParsedPlan
from itatui.importers.plan_dict import plan_from_dict
from itatui.paths import seed_dir
from itatui.store.plan.importing import ImportSummary, import_plan

SEED_PLAN = "khemarat-plan.json"


def seed_plan_path() -> Path:
    return seed_dir() / SEED_PLAN


def load_seed_data(path: Path | None = None) -> dict:
    p = path or seed_plan_path()
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PlanFormatError("import.err.bad_seed", path=str(p), reason=str(exc)) from None


def load_seed_plan(path: Path | None = None) -> ParsedPlan:
    """The shipped demo plan as a ``ParsedPlan`` (the shape ``import_plan`` takes)."""
    p = path or seed_plan_path()
    try:
        return plan_from_dict(load_seed_data(p))
    except PlanFormatError as exc:
        raise PlanFormatError("import.err.bad_seed", path=str(p), reason=str(exc.params.get("reason", exc.key))) from None


def seed_demo_plan(engine: Engine, actor: Actor = SYSTEM) -> ImportSummary:
    """Write the demo plan (idempotent: a second call reports "unchanged")."""
    plan = load_seed_plan()
    return import_plan(engine, actor, plan, source_name=plan.source_name)


def build_seed(source: Path, target: Path | None = None) -> bool:
    """Parse the source plan document and write the seed file; returns False when the file already held the
    same plan (it is then left untouched, so regenerating does not churn the repository)."""
    from itatui.importers import parse_plan_file
    from itatui.importers.plan_dict import plan_to_dict, without_meta

    target = target or seed_plan_path()
    data = plan_to_dict(parse_plan_file(source))
    if target.exists():
        try:
            if without_meta(json.loads(target.read_text(encoding="utf-8"))) == without_meta(data):
                return False
        except ValueError:
            pass
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return True
