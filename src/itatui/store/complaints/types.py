"""Plain data that the complaint store hands to the UI, the CLI and the report renderer (no ORM objects).

Dates: ``received_at`` and event times are aware UTC datetimes (show them in Thai time); due dates, notice
dates and days left are Thai calendar dates. Tracking codes are in their display form (``K7M-4QX-9PWA``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from itatui.domain.validation import FieldProblem, ValidationError
from itatui.present.errors import UserError


class ComplaintError(UserError):
    """A refusal fit to show: ``key`` is a message-catalogue key, ``params`` fill it. Never carries personal data."""


class ComplaintValidationError(ValidationError):
    """Every problem of an intake form at once: ``problems`` is a list of ``FieldProblem(field, key, params)``.

    Field names: kind, channel, received_at, subject, details, place, accused, anonymous, complainant_name,
    national_id, phone, address, contact_pref, unit_id, evidence.<i>.item, evidence.<i>.filed_at.
    """


# ---- intake ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EvidenceItem:
    item: str  # what was handed in (สำเนาบัตร, ภาพถ่าย, หนังสือร้องเรียน …)
    filed_at: str = ""  # where the paper is filed


@dataclass(frozen=True)
class ComplaintDraft:
    """The intake form as typed. Thai digits are accepted in the ID and the phone."""

    kind: str  # ComplaintKind
    channel: str  # Channel
    subject: str
    details: str = ""
    place: str = ""
    accused: str = ""  # required for corruption complaints
    received_at: datetime | None = None  # None = now; a naive value is read as Thai time
    anonymous: bool = False
    complainant_name: str = ""
    national_id: str = ""
    phone: str = ""
    address: str = ""
    contact_pref: str = "code_only"  # ContactPref; anonymous complaints always get code_only
    evidence: tuple[EvidenceItem, ...] = ()
    unit_id: int | None = None  # responsible unit, if already known at the desk
    received_reason: str = ""  # needed when received_at is before the previous fiscal year (audited)
    organisation_id: int | None = None  # None = the database's organisation


@dataclass(frozen=True)
class CreatedComplaint:
    id: int
    kind: str
    fiscal_year: int
    registry_no: int
    registry_display: str  # รท. 12/2569
    tracking_code: str  # K7M-4QX-9PWA
    received_at: datetime
    due_date: date


# ---- queue ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueFilters:
    status: str | tuple[str, ...] | None = None
    kind: str | None = None
    channel: str | None = None
    unit_id: int | None = None
    fiscal_year: int | None = None
    overdue_only: bool = False
    text: str = ""  # searched in subject and details
    assigned_user_id: int | None = None
    organisation_id: int | None = None


@dataclass(frozen=True)
class QueueRow:
    id: int
    kind: str
    registry_display: str
    fiscal_year: int
    registry_no: int
    tracking_code: str
    received_at: datetime
    channel: str
    subject: str
    unit_id: int | None
    unit_name: str
    status: str
    due_date: date
    days_left: int | None  # None once the result is told (the clock has stopped)
    urgency: str  # overdue (red) / soon (≤ 3 days: amber) / ok / done


@dataclass(frozen=True)
class Page:
    rows: tuple[QueueRow, ...]
    total: int  # rows matching (a lower bound when ``capped``: show "10,000+")
    offset: int  # where ``rows`` start; -1 for the last page of a result too large to count
    limit: int
    capped: bool = False  # the count stopped at COUNT_CAP, or a search had more matches than SEARCH_CAP


# ---- a case ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Complainant:
    name: str = ""
    national_id: str = ""
    phone: str = ""
    address: str = ""

    def is_empty(self) -> bool:
        return not (self.name or self.national_id or self.phone or self.address)


@dataclass(frozen=True)
class CaseEvent:
    id: int
    kind: str  # EventKind
    audience: str  # internal / complainant: the UI labels them so nobody confuses the two
    at: datetime
    user_name: str
    text: str = ""
    method: str = ""
    notice_date: date | None = None
    unit_name: str = ""
    assigned_user_name: str = ""
    old_due_date: date | None = None
    new_due_date: date | None = None
    outcome: str = ""
    satisfaction: int | None = None


@dataclass(frozen=True)
class CaseLink:
    id: int
    risk_issue_id: int | None
    risk_issue_text: str
    project_id: int | None
    project_name: str


@dataclass(frozen=True)
class CaseDetail:
    id: int
    organisation_id: int
    kind: str
    registry_display: str
    fiscal_year: int
    registry_no: int
    tracking_code: str
    channel: str
    received_at: datetime
    due_date: date
    initial_due_date: date
    days_left: int | None
    urgency: str
    subject: str
    details: str
    place: str
    accused: str
    unit_id: int | None
    unit_name: str
    assigned_user_id: int | None
    assigned_user_name: str
    status: str
    outcome: str
    outcome_reason: str
    result_told_at: datetime | None
    closed_at: datetime | None
    satisfaction: int | None
    anonymous: bool
    contact_pref: str
    # General complaints: the complainant, only for Perm.COMPLAINT_PERSONAL (else None and personal_hidden=True).
    complainant: Complainant | None
    personal_hidden: bool
    # Corruption complaints: True when a sealed identity exists (reveal with store.complaints.identity.reveal_identity).
    identity_sealed: bool
    evidence: tuple[EvidenceItem, ...] = ()
    version: int = 1  # what a case action names as opened_version (store.versioning)
    events: tuple[CaseEvent, ...] = ()
    links: tuple[CaseLink, ...] = ()


# ---- public lookup and receipt --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicMessage:
    on: date  # the day the complainant was told (Thai date)
    kind: str  # received / notice / delay / result
    method: str = ""
    text: str = ""
    new_due_date: date | None = None
    outcome: str = ""


@dataclass(frozen=True)
class PublicStatus:
    """What anybody holding the tracking code may see: no identity, no accused, no internal note, no subject."""

    tracking_code: str
    registry_display: str
    kind: str
    organisation_name: str
    received_on: date
    due_date: date
    status: str
    days_left: int | None
    outcome: str
    messages: tuple[PublicMessage, ...] = ()


@dataclass(frozen=True)
class ReceiptData:
    """Everything the receipt shows; field names follow ``reports.receipt.ReceiptView`` where they overlap.
    Texts (``next_steps``, ``follow_up``) are in the current UI language. For a corruption complaint nothing
    identifies the complainant: ``show_name`` is None and ``subject`` is a neutral label (the real subject may
    name the accused, and the receipt travels with the complainant)."""

    organisation_name: str
    address_line: str  # อำเภอ … จังหวัด …
    kind: str
    channel: str
    registry_display: str
    tracking_code: str
    received_at: datetime
    due_date: date
    days_allowed: int
    working_days: bool
    subject: str
    show_name: str | None  # general complaints, named, and only for Perm.COMPLAINT_PERSONAL
    officer_name: str
    evidence: tuple[EvidenceItem, ...]
    next_steps: tuple[str, ...]
    follow_up: tuple[str, ...]
    follow_up_phone: str = ""
    follow_up_office: str = ""
    contact: tuple[str, ...] = ()  # the office's public channels (website, LINE, Facebook) as printed lines
    emblem: str = ""  # path of the organisation's emblem image, when set


__all__ = [
    "CaseDetail",
    "CaseEvent",
    "CaseLink",
    "Complainant",
    "ComplaintDraft",
    "ComplaintError",
    "ComplaintValidationError",
    "CreatedComplaint",
    "EvidenceItem",
    "FieldProblem",
    "Page",
    "PublicMessage",
    "PublicStatus",
    "QueueFilters",
    "QueueRow",
    "ReceiptData",
]
