"""The complaint desk's core, in one import: ``from itatui.store import complaints``.

Every function takes ``engine`` and ``actor`` (except ``public_status``, which needs no log-in), opens its own
short session and returns frozen dataclasses, so TUI workers can call it from a thread. Errors carry
message-catalogue keys: ``ComplaintValidationError`` (every form problem at once), ``ComplaintError``,
``IdentityError``, ``TrackingCodeError``, ``PermissionDenied``.

Modules: ``types`` (DTOs and errors), ``drafts`` (form validation), ``intake`` (registry numbers, tracking
codes, the save), ``queries`` (paged list, search, overdue), ``case`` (timeline and actions), ``public`` (status
by code, receipt), ``settings`` (15-day clock and other rules), ``identity`` (sealed identities), ``links``,
``stats`` and ``seed``.
"""

from itatui.domain.tracking import TrackingCodeError
from itatui.store.complaints.case import (
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
from itatui.store.complaints.drafts import validate_draft
from itatui.store.complaints.intake import create_complaint
from itatui.store.complaints.public import Choice, assignable_users, find_by_code, public_status, receipt_data, unit_choices
from itatui.store.complaints.queries import SHORT_SEARCH_WINDOW, SORTS, list_complaints, overdue_list
from itatui.store.complaints.settings import get_clock_rule, get_setting, set_clock_rule, set_setting
from itatui.store.complaints.types import (
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
from itatui.store.complaints.identity import (
    GrantResult,
    IdentityError,
    InvestigatorInfo,
    bootstrap_investigator,
    grant_investigator,
    list_investigators,
    reveal_identity,
)

from itatui.store.complaints.links import LinkChoice, link_choices

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
