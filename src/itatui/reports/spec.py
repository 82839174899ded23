"""What a report is, for the registry: a name, a core function that builds its ``Document`` from the database
(no UI), the formats and paper it supports, the parameters it takes, the screens whose ``p`` offers it, and
the ITA disclosure concepts it answers (for the evidence pack)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.engine import Engine

from itatui.domain.roles import Actor
from itatui.reports.document import Document

ALL_FORMATS = ("pdf", "docx", "xlsx", "csv")


@dataclass(frozen=True)
class ReportParams:
    year: int | None = None  # BE fiscal year
    round: int | None = None  # 1 = 6 months, 2 = 12 months; None = the whole year where a report allows it
    project: int | None = None  # a project's number in the plan; None = all
    complaint: int | None = None  # a complaint's id (the receipt)
    staff: str | None = None  # a staff code (one person's result letter); None = everyone's
    paper: str | None = None  # None = the report's own paper
    today: date | None = None  # the printed date; None = today (Thai time)


@dataclass(frozen=True)
class ReportSpec:
    name: str
    title_key: str  # catalogue key of its title
    build: Callable[[Engine, Actor, ReportParams], Document] | None
    params: tuple[str, ...] = ("year",)  # among "year", "round", "project", "complaint", "staff"
    required: tuple[str, ...] = ()
    formats: tuple[str, ...] = ALL_FORMATS
    paper: str = "A4"  # "A4", "A4L" (landscape), "A5"
    screens: tuple[str, ...] = ()  # screen names whose `p` lists it
    publication: bool = False  # published (ITA pack): must never hold personal data
    ita_concepts: tuple[str, ...] = ()  # e.g. "plan", "plan_report_6m"
    # A report with its own renderer (the receipt: one fixed form, PDF only) returns the bytes itself.
    render: Callable[[Engine, Actor, ReportParams, str, bool], bytes] | None = None
    # Who may be offered it (the core checks again): None = anyone who may see the screen.
    offered_to: Callable[[Actor], bool] | None = None
