"""Fraud-risk register. The plan's Part 1 table is imported as the first assessment; later years re-assess."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel


class RiskAssessment(SQLModel, table=True):
    __table_args__ = (Index("ix_riskassessment_org_year", "organisation_id", "fiscal_year"),)

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    plan_id: int | None = Field(default=None, foreign_key="plan.id", index=True)
    fiscal_year: int  # BE
    title: str = Field(default="", max_length=300)
    source: str = Field(default="manual", max_length=20)  # imported / manual / copy
    # Set when the register changes a risk or control of this assessment (migration 0003): from then on a
    # re-import of the plan leaves the imported risk table to the office's register.
    edited_at: datetime | None = None


class RiskProcess(SQLModel, table=True):
    """ขั้นตอนการดำเนินงาน."""

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="riskassessment.id", index=True)
    number: int
    name: str = Field(sa_column=Column(Text, nullable=False))
    category: str = Field(default="", max_length=30)  # permits / power / budget / personnel


class RiskIssue(SQLModel, table=True):
    """ประเด็นความเสี่ยง. Imported issues may carry only a level (no likelihood × impact)."""

    id: int | None = Field(default=None, primary_key=True)
    process_id: int = Field(foreign_key="riskprocess.id", index=True)
    number: int
    description: str = Field(sa_column=Column(Text, nullable=False))
    likelihood: int | None = None  # 1–5
    impact: int | None = None  # 1–5
    level: str = Field(default="", max_length=20)  # low / medium / high / very_high
    # The register (migration 0003). Category and the rest are the office's own assessment of the issue.
    category: str = Field(default="", max_length=30)  # a code of the organisation's categories
    risk_type: str = Field(default="", max_length=10)  # known / unknown
    residual_likelihood: int | None = None  # after the controls
    residual_impact: int | None = None
    residual_level: str = Field(default="", max_length=20)
    owner: str = Field(default="", max_length=200)  # the owner unit, as the office names it
    treatment: str = Field(default="", max_length=10)  # reduce / accept / avoid / transfer
    status: str = Field(default="open", max_length=10)  # open / treating / closed
    next_review: date | None = None
    # The same risk across years: copies share the first year's id (null: the row's own id).
    lineage_id: int | None = Field(default=None, index=True)
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})  # +1 per save (store.versioning)


class RiskControl(SQLModel, table=True):
    """มาตรการควบคุมความเสี่ยง, usually a plan project."""

    id: int | None = Field(default=None, primary_key=True)
    process_id: int = Field(foreign_key="riskprocess.id", index=True)
    number: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    project_id: int | None = Field(default=None, foreign_key="project.id", index=True)
    # Follow-up (migration 0003). A control with no issue covers every issue of its process (as Part 1 lists them).
    issue_id: int | None = Field(default=None, foreign_key="riskissue.id", index=True)
    owner: str = Field(default="", max_length=200)
    due: date | None = None
    progress: int | None = None  # 0–100 %
    quality: str = Field(default="", max_length=10)  # good / fair / weak: the existing control's quality
    monitor: str = Field(default="", max_length=10)  # green / yellow / orange / red
    result: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))  # what was done
