"""Fraud-risk register. The plan's Part 1 table is imported as the first assessment; later years re-assess."""

from __future__ import annotations

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel


class RiskAssessment(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    plan_id: int | None = Field(default=None, foreign_key="plan.id", index=True)
    fiscal_year: int  # BE
    title: str = Field(default="", max_length=300)
    source: str = Field(default="manual", max_length=20)  # imported / manual


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


class RiskControl(SQLModel, table=True):
    """มาตรการควบคุมความเสี่ยง, usually a plan project."""

    id: int | None = Field(default=None, primary_key=True)
    process_id: int = Field(foreign_key="riskprocess.id", index=True)
    number: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    project_id: int | None = Field(default=None, foreign_key="project.id", index=True)
