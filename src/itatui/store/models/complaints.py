"""Complaints: the register, its counters, evidence, timeline, investigator keys and links.

Personal data: for a general complaint the complainant's name, ID, phone and address are plain columns that
only holders of ``Perm.COMPLAINT_PERSONAL`` get back. For a corruption complaint these columns stay empty and
the identity lives only in ``identity_sealed`` (AES-GCM under a per-complaint data key, which is wrapped for
each investigator in ``ComplaintKey``), so a copy of the database reveals nothing.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, LargeBinary, Text
from sqlmodel import Field, SQLModel, UniqueConstraint

from itatui.store.models.base import utcnow


class Complaint(SQLModel, table=True):
    __table_args__ = (
        # The registry: unique per fiscal year and kind; column order lets "sort by registry" use the index.
        UniqueConstraint("fiscal_year", "kind", "registry_no", "organisation_id", name="uq_complaint_registry"),
        # Queue at 1M rows: sort by received / due date, filter by stage (status) + due date (overdue list),
        # by kind (officers without the corruption right see general complaints only, so kind rides along with
        # the channel and unit filters).
        Index("ix_complaint_received", "received_at", "id"),
        Index("ix_complaint_due", "due_date", "id"),
        Index("ix_complaint_stage_due", "stage", "due_date"),
        Index("ix_complaint_year_stage", "fiscal_year", "stage", "due_date"),  # the desk works in its fiscal year
        Index("ix_complaint_kind_received", "kind", "received_at"),
        Index("ix_complaint_channel_kind", "channel", "kind"),
        Index("ix_complaint_unit_kind", "unit_id", "kind"),
    )

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id")
    kind: str = Field(max_length=20)  # domain.complaints.ComplaintKind
    fiscal_year: int  # BE, from the Thai date of receipt
    registry_no: int  # เลขรับ, sequential per (organisation, fiscal year, kind)
    tracking_code: str = Field(max_length=16, unique=True)  # canonical, no dashes
    channel: str = Field(max_length=20)
    received_at: datetime
    due_date: date  # current due date (moves with a delay notice)
    initial_due_date: date  # the first due date, for "answered within the deadline" statistics
    subject: str = Field(max_length=300)
    details: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    place: str = Field(default="", max_length=300)  # หมู่ที่ / ชุมชน
    accused: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))  # corruption only
    unit_id: int | None = Field(default=None, foreign_key="unit.id")  # indexed with kind, above
    assigned_user_id: int | None = Field(default=None, foreign_key="user.id")
    status: str = Field(default="received", max_length=20)
    stage: int = 1  # domain.complaints.STAGE[status]
    outcome: str = Field(default="", max_length=20)  # concluded (ยุติ) / continued (ไม่ยุติ)
    outcome_reason: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    result_told_at: datetime | None = None
    closed_at: datetime | None = None
    satisfaction: int | None = None  # 1–5
    anonymous: bool = False
    contact_pref: str = Field(default="code_only", max_length=20)
    # General complaints only (shown to Perm.COMPLAINT_PERSONAL); always empty for corruption complaints.
    complainant_name: str = Field(default="", max_length=200)
    complainant_national_id: str = Field(default="", max_length=13)
    complainant_phone: str = Field(default="", max_length=30)
    complainant_address: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    # General complaints: the complainant's details sealed to the complaint officers' key ring (the plain
    # columns above stay empty since migration 0005; store.keyring).
    personal_sealed: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    synthetic: bool = False  # made by seed-demo: left out of statistics and reports
    # Corruption complaints only: version | nonce | AES-GCM(identity JSON).
    identity_sealed: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    created_by: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})  # +1 per action (store.versioning)


class RegistryCounter(SQLModel, table=True):
    """The last registry number issued per organisation, fiscal year and kind (locked while allocating)."""

    organisation_id: int = Field(foreign_key="organisation.id", primary_key=True)
    fiscal_year: int = Field(primary_key=True)
    kind: str = Field(max_length=20, primary_key=True)
    last_no: int = 0


class ComplaintEvidence(SQLModel, table=True):
    """An item handed in with the complaint and where its paper is filed."""

    id: int | None = Field(default=None, primary_key=True)
    complaint_id: int = Field(foreign_key="complaint.id", index=True)
    position: int = 0
    item: str = Field(max_length=300)
    filed_at: str = Field(default="", max_length=300)  # แฟ้ม / ตู้ / ชั้น
    added_at: datetime = Field(default_factory=utcnow)


class ComplaintEvent(SQLModel, table=True):
    """One step of the timeline. ``audience`` keeps internal notes apart from messages to the complainant."""

    id: int | None = Field(default=None, primary_key=True)
    complaint_id: int = Field(foreign_key="complaint.id", index=True)
    kind: str = Field(max_length=20)  # domain.complaints.EventKind
    audience: str = Field(default="internal", max_length=20)  # internal / complainant
    at: datetime = Field(default_factory=utcnow)  # when it was recorded
    notice_date: date | None = None  # for notices: the day the complainant was told
    method: str = Field(default="", max_length=20)  # for notices: domain.complaints.NoticeMethod
    text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    unit_id: int | None = Field(default=None, foreign_key="unit.id")
    user_id: int | None = Field(default=None, foreign_key="user.id")  # who recorded it
    assigned_user_id: int | None = Field(default=None, foreign_key="user.id")
    old_due_date: date | None = None  # delay notices
    new_due_date: date | None = None
    outcome: str = Field(default="", max_length=20)
    satisfaction: int | None = None


class ComplaintKey(SQLModel, table=True):
    """A complaint's data key wrapped for one investigator (X25519 + HKDF + AES-GCM to their public key)."""

    complaint_id: int = Field(foreign_key="complaint.id", primary_key=True)
    user_id: int = Field(foreign_key="user.id", primary_key=True, index=True)
    wrapped_key: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class ComplaintLink(SQLModel, table=True):
    """A complaint linked to a fraud-risk issue and/or a plan project."""

    id: int | None = Field(default=None, primary_key=True)
    complaint_id: int = Field(foreign_key="complaint.id", index=True)
    risk_issue_id: int | None = Field(default=None, foreign_key="riskissue.id", index=True)
    project_id: int | None = Field(default=None, foreign_key="project.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
