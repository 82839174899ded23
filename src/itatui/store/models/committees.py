"""Salary-promotion committee records: the staff register, rounds, committees, meetings, evaluations.

Money is whole baht a month; steps are half steps (``2`` = 1 ขั้น); percentages are text of a Decimal so no float
decides a raise. A round keeps its rules as JSON (``domain.salary.RoundRules``), copied from the previous round.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel, UniqueConstraint

from itatui.store.models.base import utcnow


class Staff(SQLModel, table=True):
    """ทะเบียนบุคลากร: one row per person, kept across rounds (``active`` false once they leave)."""

    __table_args__ = (UniqueConstraint("organisation_id", "code"), Index("ix_staff_org_name", "organisation_id", "name"))

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id")
    code: str = Field(max_length=30)  # the office's own staff code
    name: str = Field(max_length=200)  # with the title: นายสมชาย ใจดี
    position: str = Field(default="", max_length=200)
    position_level: str = Field(default="", max_length=100)
    unit_id: int | None = Field(default=None, foreign_key="unit.id")
    kind: str = Field(max_length=20)  # domain.salary.StaffKind
    salary: int = 0
    start_date: date | None = None
    probation: bool = False
    active: bool = True
    updated_at: datetime = Field(default_factory=utcnow)


class SalaryRound(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("organisation_id", "fiscal_year", "round_no"),)

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id")
    fiscal_year: int  # BE
    round_no: int  # 1 (takes effect 1 April) / 2 (1 October)
    rules: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    survey_respondents: int | None = None
    survey_satisfied: int | None = None
    created_at: datetime = Field(default_factory=utcnow)


class Committee(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("round_id", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="salaryround.id")
    kind: str = Field(max_length=20)  # screening / promotion
    order_no: str = Field(default="", max_length=60)  # คำสั่งที่ …/2569
    order_date: date | None = None


class CommitteeMember(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    committee_id: int = Field(foreign_key="committee.id", index=True)
    staff_id: int | None = Field(default=None, foreign_key="staff.id")  # None: an outsider
    name: str = Field(max_length=200)
    title: str = Field(default="", max_length=200)  # position as written in the order
    role: str = Field(default="member", max_length=20)  # chair / member / secretary
    position: int = 0  # order in the committee order


class Meeting(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    committee_id: int = Field(foreign_key="committee.id", index=True)
    number: int = 1  # ครั้งที่
    held_on: date
    place: str = Field(default="", max_length=300)
    invited_on: date | None = None
    agenda: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    resolutions: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    dissent: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class MeetingAttendee(SQLModel, table=True):
    meeting_id: int = Field(foreign_key="meeting.id", primary_key=True)
    member_id: int = Field(foreign_key="committeemember.id", primary_key=True)


class Minutes(SQLModel, table=True):
    """รายงานการประชุม: a new row per version; an approved version is never changed again."""

    __table_args__ = (UniqueConstraint("meeting_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    version: int = 1
    text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    reason: str = Field(default="", max_length=500)  # why this version amends the last one
    approved_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    created_by: int | None = Field(default=None, foreign_key="user.id")


class Evaluation(SQLModel, table=True):
    """One person in one round: the supervisor's score, the screening view, the promotion decision."""

    __table_args__ = (UniqueConstraint("round_id", "staff_id"), Index("ix_evaluation_staff", "staff_id"))

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="salaryround.id")
    staff_id: int = Field(foreign_key="staff.id")
    achievement: float | None = None
    competency: float | None = None
    score: float | None = None
    level: str = Field(default="", max_length=20)
    salary: int = 0  # the salary the raise is computed on (from the register when scored)
    screening: str = Field(default="", max_length=10)  # "" not yet / agree / adjust
    screening_score: float | None = None
    screening_level: str = Field(default="", max_length=20)
    screening_reason: str = Field(default="", max_length=1000)
    decided: bool = False
    half_steps: int | None = None  # steps scheme
    percent: str = Field(default="", max_length=10)  # percent scheme, Decimal text
    amount: int = 0  # the raise in baht a month (steps: as the salary table gives)
    special_allowance: int = 0
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id")
    told_on: date | None = None
    decided_at: datetime | None = None


class Conflict(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("member_id", "staff_id"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="salaryround.id", index=True)
    member_id: int = Field(foreign_key="committeemember.id")
    staff_id: int = Field(foreign_key="staff.id")
    relation: str = Field(max_length=20)  # domain.salary.Relation
    status: str = Field(default="proposed", max_length=10)  # proposed / confirmed / dismissed
    withdrew: bool = False


class Grievance(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    evaluation_id: int = Field(foreign_key="evaluation.id", index=True)
    filed_on: date
    text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    complaint_id: int | None = Field(default=None, foreign_key="complaint.id")
    created_at: datetime = Field(default_factory=utcnow)
