"""The salary-promotion committee records, in one import: ``from itatui.store import committees``.

Every function takes ``engine`` and ``actor``, checks ``Perm.COMMITTEE_VIEW`` / ``COMMITTEE_EDIT``, opens its
own short session and returns frozen dataclasses; every change is audited in the same transaction. Errors
carry catalogue keys: ``CommitteeValidationError`` (every form problem at once), ``CommitteeError``,
``DecisionBlocked`` (the live checks forbid a decision), ``PermissionDenied``.

Modules: ``types`` (DTOs), ``drafts`` (form text → values), ``queries``, ``writes`` (register, rounds,
committees, meetings, minutes), ``decisions`` (scores, screening, decisions, conflicts), ``checks`` (live
checks), ``grievances`` (grievances into the complaint queue, the survey into project 9's KPI),
``staff_import`` (CSV/XLSX), ``documents`` (data of the round's documents), ``export`` (JSON).
"""

from itatui.store.committees import documents
from itatui.store.committees.checks import round_checks
from itatui.store.committees.decisions import (
    DecisionPreview,
    add_conflict,
    decide,
    preview_decision,
    propose_conflicts,
    resolve_conflict,
    save_screening,
    set_score,
    set_told,
    set_withdrew,
)
from itatui.store.committees.export import export_round
from itatui.store.committees.grievances import GrievanceResult, SurveyResult, list_grievances, record_grievance, save_survey
from itatui.store.committees.queries import (
    find_round,
    get_evaluation,
    get_meeting,
    get_round,
    get_staff,
    list_committees,
    list_conflicts,
    list_evaluations,
    list_meetings,
    list_rounds,
    list_staff,
    staff_choices,
)
from itatui.store.committees.rules_draft import parse_rules, rules_text, save_rules_text
from itatui.store.committees.staff_import import import_evaluations, import_staff, preview_staff
from itatui.store.committees.types import (
    BadRow,
    CheckIssue,
    CheckReport,
    CommitteeError,
    CommitteeInfo,
    CommitteeValidationError,
    ConflictInfo,
    Decision,
    DecisionBlocked,
    DecisionDraft,
    EvaluationPreview,
    EvaluationRow,
    ImportPreview,
    MeetingDraft,
    MeetingInfo,
    MemberInfo,
    MinutesInfo,
    Page,
    RoundInfo,
    SchemeTotals,
    StaffDraft,
    StaffRow,
)
from itatui.store.committees.writes import (
    add_member,
    approve_minutes,
    create_round,
    remove_member,
    save_committee,
    save_meeting,
    save_minutes,
    save_staff,
    set_attendees,
    set_round_rules,
)

__all__ = [
    "BadRow", "CheckIssue", "CheckReport", "CommitteeError", "CommitteeInfo", "CommitteeValidationError",
    "ConflictInfo", "Decision", "DecisionBlocked", "DecisionDraft", "DecisionPreview", "EvaluationPreview",
    "EvaluationRow", "GrievanceResult", "ImportPreview", "MeetingDraft", "MeetingInfo", "MemberInfo", "MinutesInfo",
    "Page", "RoundInfo", "SchemeTotals", "StaffDraft", "StaffRow", "SurveyResult",
    "add_conflict", "add_member", "approve_minutes", "create_round", "decide", "documents", "export_round",
    "find_round", "get_evaluation", "get_meeting", "get_round", "get_staff", "import_evaluations", "import_staff",
    "list_committees", "list_conflicts", "list_evaluations", "list_grievances", "list_meetings", "list_rounds",
    "list_staff", "parse_rules", "preview_decision", "rules_text", "save_rules_text", "preview_staff", "propose_conflicts", "record_grievance", "remove_member",
    "resolve_conflict", "round_checks", "save_committee", "save_meeting", "save_minutes", "save_screening",
    "save_staff", "save_survey", "set_attendees", "set_round_rules", "set_score", "set_told", "set_withdrew",
    "staff_choices",
]
