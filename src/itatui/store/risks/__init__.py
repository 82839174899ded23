"""The fraud-risk register (screen 2): the public face of the risk store. See the modules for details:
``queries`` (reading), ``writes`` (changing, audited), ``drafts`` (form text), ``reports`` (data for printing),
``export`` (the JSON export)."""

from itatui.store.risks.drafts import (
    NEW_PROCESS,
    ControlValues,
    RiskValues,
    SettingsValues,
    parse_control,
    parse_matrix,
    parse_risk,
    parse_settings,
    parse_year,
)
from itatui.store.risks.export import export_risks
from itatui.store.risks.queries import (
    assessment_for_year,
    compare_years,
    heat_map,
    list_assessments,
    owners,
    process_choices,
    project_choices,
    register_page,
    risk_detail,
    risk_settings,
    risks_for_project,
)
from itatui.store.risks.reports import (
    MonitoringReport,
    Part1Table,
    RegisterReport,
    comparison_report,
    heat_map_report,
    monitoring_report,
    part1_table,
    register_report,
)
from itatui.store.risks.types import (
    AssessmentInfo,
    Comparison,
    ComparisonRow,
    ControlInfo,
    HeatMap,
    ProcessChoice,
    ProjectProgress,
    ProjectRisk,
    RegisterFilter,
    RegisterPage,
    RegisterRow,
    RiskDetail,
    RiskError,
    RiskSettings,
)
from itatui.store.risks.writes import (
    delete_control,
    preview_matrix,
    save_control,
    save_risk,
    save_settings,
    set_matrix,
    start_assessment,
)

__all__ = [
    "NEW_PROCESS", "AssessmentInfo", "Comparison", "ComparisonRow", "ControlInfo", "ControlValues", "HeatMap",
    "MonitoringReport", "Part1Table", "ProcessChoice", "ProjectProgress", "ProjectRisk", "RegisterFilter",
    "RegisterPage", "RegisterReport", "RegisterRow", "RiskDetail", "RiskError", "RiskSettings", "RiskValues",
    "SettingsValues", "parse_settings", "save_settings",
    "assessment_for_year", "compare_years", "comparison_report", "delete_control", "export_risks", "heat_map",
    "heat_map_report", "list_assessments", "monitoring_report", "owners", "parse_control", "parse_matrix",
    "parse_risk", "parse_year", "part1_table", "preview_matrix", "process_choices", "project_choices",
    "register_page", "register_report", "risk_detail", "risk_settings", "risks_for_project", "save_control",
    "save_risk", "set_matrix", "start_assessment",
]
