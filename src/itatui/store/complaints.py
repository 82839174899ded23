"""The complaint desk's core, in one import: ``from itatui.store import complaints``.

Every function takes ``engine`` and ``actor`` (except ``public_status``, which needs no log-in), opens its own
short session and returns frozen dataclasses, so TUI workers can call it from a thread. Errors carry
message-catalogue keys: ``ComplaintValidationError`` (every form problem at once), ``ComplaintError``,
``IdentityError``, ``TrackingCodeError``, ``PermissionDenied``.

Modules: ``complaints_intake`` (validation, registry numbers, tracking codes), ``complaints_queue`` (paged
list, search, overdue), ``complaints_case`` (timeline and actions), ``complaints_public`` (status by code,
receipt), ``complaints_settings`` (15-day clock and other rules), ``identity`` (sealed identities),
``complaint_stats`` and ``complaint_seed``.
"""

from itatui.domain.tracking import TrackingCodeError
from itatui.store.complaints_case import (
    add_evidence,
    add_note,
    assign,
    close,
    forward,
    get_case,
    link,
    notify_complainant,
    notify_delay,
    record_result,
    start_investigation,
    unlink,
)
from itatui.store.complaints_intake import create_complaint, validate_draft
from itatui.store.complaints_public import Choice, assignable_users, find_by_code, public_status, receipt_data, unit_choices
from itatui.store.complaints_queue import SHORT_SEARCH_WINDOW, SORTS, list_complaints, overdue_list
from itatui.store.complaints_settings import get_clock_rule, get_setting, set_clock_rule, set_setting
from itatui.store.complaints_types import (
    CaseDetail,
    CaseEvent,
    CaseLink,
    Complainant,
    ComplaintDraft,
    ComplaintError,
    ComplaintValidationError,
    CreatedComplaint,
    EvidenceItem,
    FieldProblem,
    Page,
    PublicMessage,
    PublicStatus,
    QueueFilters,
    QueueRow,
    ReceiptData,
)
from itatui.store.identity import (
    GrantResult,
    IdentityError,
    InvestigatorInfo,
    bootstrap_investigator,
    grant_investigator,
    list_investigators,
    reveal_identity,
)

from itatui.store.complaints_links import LinkChoice, link_choices

__all__ = [
    "SHORT_SEARCH_WINDOW", "SORTS",
    "CaseDetail", "CaseEvent", "CaseLink", "Choice", "Complainant", "ComplaintDraft", "ComplaintError",
    "ComplaintValidationError", "CreatedComplaint", "EvidenceItem", "FieldProblem", "GrantResult", "IdentityError",
    "InvestigatorInfo", "LinkChoice", "Page", "PublicMessage", "PublicStatus", "QueueFilters", "QueueRow", "ReceiptData",
    "TrackingCodeError",
    "add_evidence", "add_note", "assign", "assignable_users", "bootstrap_investigator", "close", "create_complaint",
    "find_by_code", "forward", "get_case", "get_clock_rule", "get_setting", "grant_investigator", "link", "link_choices",
    "list_complaints", "list_investigators", "notify_complainant", "notify_delay", "overdue_list", "public_status",
    "receipt_data", "record_result", "reveal_identity", "set_clock_rule", "set_setting", "start_investigation",
    "unit_choices", "unlink", "validate_draft",
]
