"""The plan table (Part 2) and each project's detail sheet (Part 3), budgets, KPIs, progress and targets."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column, Text
from sqlmodel import Field, SQLModel, UniqueConstraint

from itatui.store.models.base import utcnow


class Plan(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    title: str = Field(max_length=300)
    start_year: int  # BE fiscal year, e.g. 2566
    end_year: int  # BE fiscal year, e.g. 2570
    declared_total: int | None = None  # project count the document's preface claims
    source_name: str = Field(default="", max_length=300)
    source_sha256: str = Field(default="", max_length=64)
    imported_at: datetime = Field(default_factory=utcnow)
    import_findings: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))  # JSON findings, see store/plan/findings.py


class Dimension(SQLModel, table=True):
    """มิติ 1–4."""

    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    number: int
    name: str = Field(max_length=300)
    declared_count: int | None = None  # count stated in the preface


class Mission(SQLModel, table=True):
    """ภารกิจตามมิติ x.y; may hold no project."""

    __table_args__ = (UniqueConstraint("dimension_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    dimension_id: int = Field(foreign_key="dimension.id", index=True)
    code: str = Field(max_length=10)  # "1.1"
    position: int = 0
    name: str = Field(sa_column=Column(Text, nullable=False))


class Project(SQLModel, table=True):
    """โครงการ/กิจกรรม/มาตรการ/แนวปฏิบัติ: a numbered plan item with its Part 3 detail sheet."""

    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    mission_id: int = Field(foreign_key="mission.id", index=True)
    number: int  # 1), 2) … across the whole plan
    name: str = Field(sa_column=Column(Text, nullable=False))
    kind: str = Field(default="project", max_length=20)  # project / activity / measure / guideline
    # Part 3 sections
    sheet_name: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))  # name as Part 3 spells it
    rationale: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    objectives: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    area: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    method_steps: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    period: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    budget_text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))  # section ๗ verbatim
    owner: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    outputs: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    outcomes: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # E-PlanNACC target-group categories (ข้าราชการการเมืองฝ่ายบริหาร, ประชาชน/ภาคประชาสังคม, …)
    eplan_target_groups: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    source_line: int | None = None  # where Part 2 lists it
    sheet_line: int | None = None  # where Part 3 starts its sheet
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})  # +1 per save (store.versioning)


class ProjectUnit(SQLModel, table=True):
    project_id: int = Field(foreign_key="project.id", primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", primary_key=True)


class TargetGroup(SQLModel, table=True):
    """กลุ่มเป้าหมาย with its count (จำนวน ๕๐ คน)."""

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True)
    position: int = 0
    description: str = Field(sa_column=Column(Text, nullable=False))
    count: int | None = None
    count_unit: str = Field(default="", max_length=40)  # คน, แห่ง, ครั้ง …


class Budget(SQLModel, table=True):
    """Budget of a project for one fiscal year; ``amount`` None means "-" / ไม่ใช้งบประมาณ."""

    __table_args__ = (UniqueConstraint("project_id", "fiscal_year"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True)
    fiscal_year: int  # BE
    amount: int | None = None  # whole baht
    raw: str = Field(default="", max_length=100)  # as printed in the document


class Kpi(SQLModel, table=True):
    """An indicator drawn from the outputs/outcomes: "ไม่น้อยกว่าร้อยละ ๘๐", "อย่างน้อย ๕ ช่องทาง"."""

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True)
    kind: str = Field(default="output", max_length=10)  # output / outcome
    indicator: str = Field(sa_column=Column(Text, nullable=False))
    comparator: str = Field(default="", max_length=10)  # >=, <=, =, decrease
    target: float | None = None
    unit: str = Field(default="", max_length=40)  # ร้อยละ, ช่องทาง, ครั้ง …


class KpiActual(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("kpi_id", "fiscal_year"),)

    id: int | None = Field(default=None, primary_key=True)
    kpi_id: int = Field(foreign_key="kpi.id", index=True)
    fiscal_year: int
    value: float | None = None
    note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class ProgressReport(SQLModel, table=True):
    """E-PlanNACC progress of one project in one fiscal year and round (1 = 6 months, 2 = 12 months)."""

    __table_args__ = (UniqueConstraint("project_id", "fiscal_year", "round"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True)
    fiscal_year: int
    round: int  # 1 or 2
    amount_local_plan: int | None = None  # ในแผนพัฒนาท้องถิ่น
    amount_ordinance: int | None = None  # ในข้อบัญญัติ/เทศบัญญัติ
    amount_spent: int | None = None  # เบิกจ่ายจริง
    status: str = Field(default="", max_length=20)  # in_progress / done / not_possible
    not_possible_reason: str = Field(default="", max_length=30)  # no_budget / policy / staff / other
    reason_text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    remark: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    locked: bool = False  # a year marked done is locked; an administrator can unlock (audited)
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by: int | None = Field(default=None, foreign_key="user.id")


class PlanTarget(SQLModel, table=True):
    """ค่าเป้าหมาย per fiscal year: kind ``ita_score`` or ``case_reduction_pct`` (against the 2565 baseline)."""

    __table_args__ = (UniqueConstraint("plan_id", "kind", "fiscal_year"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    kind: str = Field(max_length=30)
    fiscal_year: int
    target: float | None = None
    actual: float | None = None
