"""The project sheet's "risks this project controls" section: the link from the plan back to the register."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text
from sqlalchemy.engine import Engine

from itatui.domain.roles import Actor, Perm
from itatui.domain.thai import digits
from itatui.i18n import t
from itatui.store.risks.types import ProjectRisk


def load_project_risks(engine: Engine, actor: Actor, project_id: int) -> tuple[ProjectRisk, ...] | None:
    """For a worker thread; None when the user may not read the register (the section is then left out)."""
    if not actor.can(Perm.RISK_VIEW):
        return None
    from itatui.store.risks import risks_for_project

    return risks_for_project(engine, actor, project_id)


def risk_section(found: tuple[ProjectRisk, ...] | None, thai: bool) -> list[RenderableType]:
    if found is None:
        return []
    out: list[RenderableType] = [Text("\n" + t("risk.sheet.title"), style="bold underline")]
    if not found:
        return [*out, Text(t("risk.sheet.none"), style="dim")]
    for r in found:
        level = t(f"risk.level.{r.level}") if r.level else t("risk.none")
        out.append(Text("  • " + digits(t("risk.sheet.line", year=r.fiscal_year, code=r.code, level=level, text=r.description), thai)))
    return out
