"""The plan area's public face: ``from itatui.store.plan import ...`` (or ``from itatui.store import plan``).

Parts: ``types`` (frozen DTOs), ``queries`` (reads for the plan table, project sheets, forms, targets, summary),
``drafts`` (form text -> typed values), ``writes`` (audited saves), ``progress`` (progress reports per round),
``importing``/``import_update`` (a plan document into the database) and ``export`` (the database back to the
plan document's structure). The import and export modules are not re-exported here: they pull in the
importers, which the plan screen does not need at start-up.
"""

from itatui.store.plan.progress import KpiInfo, ProgressInfo
from itatui.store.plan.types import (
    PlanInfo,
    UnitInfo,
    MissionInfo,
    DimensionInfo,
    PlanOutline,
    PlanFilter,
    ProjectRow,
    ProjectPage,
    PlanTotals,
    TargetGroupInfo,
    ProjectSheet,
    ProjectDraft,
    ProjectEdit,
    MissionChoice,
    ProjectFormData,
    TargetInfo,
    DimensionSummary,
    PlanSummary,
    PlanView,
)
from itatui.store.plan.drafts import (
    format_target_group,
    budget_field,
    parse_project_draft,
    target_field,
    parse_target_actuals,
)
from itatui.store.plan.queries import (
    PAGE_SIZE,
    current_plan,
    get_plan,
    list_units,
    plan_outline,
    plan_totals,
    list_project_rows,
    plan_view,
    project_sheet,
    project_form_data,
    list_targets,
    plan_summary,
)
from itatui.store.plan.writes import (
    save_project,
    save_target_actuals,
)

__all__ = [
    "KpiInfo",
    "ProgressInfo",
    "PlanInfo",
    "UnitInfo",
    "MissionInfo",
    "DimensionInfo",
    "PlanOutline",
    "PlanFilter",
    "ProjectRow",
    "ProjectPage",
    "PlanTotals",
    "TargetGroupInfo",
    "ProjectSheet",
    "ProjectDraft",
    "ProjectEdit",
    "MissionChoice",
    "ProjectFormData",
    "TargetInfo",
    "DimensionSummary",
    "PlanSummary",
    "PlanView",
    "format_target_group",
    "budget_field",
    "parse_project_draft",
    "target_field",
    "parse_target_actuals",
    "PAGE_SIZE",
    "current_plan",
    "get_plan",
    "list_units",
    "plan_outline",
    "plan_totals",
    "list_project_rows",
    "plan_view",
    "project_sheet",
    "project_form_data",
    "list_targets",
    "plan_summary",
    "save_project",
    "save_target_actuals",
]
