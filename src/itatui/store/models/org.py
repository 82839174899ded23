from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel, UniqueConstraint

from itatui.store.models.base import utcnow


class Organisation(SQLModel, table=True):
    """องค์กรปกครองส่วนท้องถิ่น: one per database in practice, but nothing assumes it."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)  # เทศบาลตำบลเขมราฐ
    district: str = Field(default="", max_length=100)  # อำเภอ
    province: str = Field(default="", max_length=100)  # จังหวัด
    created_at: datetime = Field(default_factory=utcnow)


class Unit(SQLModel, table=True):
    """A responsible unit (ส่วนราชการ): สป., กองคลัง, ศึกษาฯ ศพด., or the pseudo-unit ทุกส่วนราชการ."""

    __table_args__ = (UniqueConstraint("organisation_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    code: str = Field(max_length=60)  # as written in the plan's หมายเหตุ column
    name: str = Field(default="", max_length=200)  # full name, e.g. สำนักปลัด
    is_all: bool = False  # ทุกส่วนราชการ
    retired: bool = False  # no longer offered for new work; what names it keeps it


class Setting(SQLModel, table=True):
    """Configurable rules stored as data (15-day clock, publication threshold, OIT item numbers …)."""

    __table_args__ = (UniqueConstraint("organisation_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    key: str = Field(max_length=100)
    value: str = Field(default="")  # JSON text
