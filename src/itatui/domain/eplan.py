"""E-PlanNACC vocabulary: kinds of plan items, progress statuses and reasons, target-group categories.

Codes are stored in the database; the Thai/English labels live in the message catalogue under
``eplan.<group>.<code>`` (see ``label_key``). Thai words as the documents write them map back to codes, so the
importer and the forms agree on one vocabulary.
"""

from __future__ import annotations

from enum import StrEnum

from itatui.domain.validation import FieldProblem
from itatui.present.errors import UserError
from itatui.present.numbers import parse_decimal  # noqa: F401  (re-exported: the plan forms read KPI values with it)


class Kind(StrEnum):
    PROJECT = "project"  # โครงการ
    ACTIVITY = "activity"  # กิจกรรม
    MEASURE = "measure"  # มาตรการ
    GUIDELINE = "guideline"  # แนวปฏิบัติงาน

    @property
    def label_key(self) -> str:
        return f"eplan.kind.{self.value}"


class Status(StrEnum):
    IN_PROGRESS = "in_progress"  # อยู่ระหว่างดำเนินการ
    DONE = "done"  # ดำเนินการแล้วเสร็จ
    NOT_POSSIBLE = "not_possible"  # ไม่สามารถดำเนินการได้

    @property
    def label_key(self) -> str:
        return f"eplan.status.{self.value}"


NO_REPORT = "none"  # filter/summary value for "no progress reported for that year yet"


class Reason(StrEnum):
    """Why a project could not be carried out (only with ``Status.NOT_POSSIBLE``)."""

    NO_BUDGET = "no_budget"  # ไม่ได้รับงบประมาณ
    POLICY = "policy"  # นโยบายผู้บริหารเปลี่ยนแปลง
    STAFF = "staff"  # บุคลากรไม่เพียงพอ
    OTHER = "other"  # อื่นๆ (+ text)

    @property
    def label_key(self) -> str:
        return f"eplan.reason.{self.value}"


class TargetGroup(StrEnum):
    """E-PlanNACC target-group categories (a project may tick several)."""

    POLITICAL_EXECUTIVE = "political_executive"  # ข้าราชการการเมืองฝ่ายบริหาร
    POLITICAL_COUNCIL = "political_council"  # ข้าราชการการเมืองฝ่ายสภาท้องถิ่น
    LOCAL_OFFICIALS = "local_officials"  # ข้าราชการส่วนท้องถิ่น/ลูกจ้าง/พนักงานจ้าง
    YOUTH = "youth"  # เด็กและเยาวชน
    CITIZENS = "citizens"  # ประชาชน/ภาคประชาสังคม
    SCHOOLS = "schools"  # สถานศึกษา
    GOVERNMENT = "government"  # หน่วยงานภาครัฐ
    STATE_ENTERPRISE = "state_enterprise"  # รัฐวิสาหกิจ
    PRIVATE_SECTOR = "private_sector"  # ภาคธุรกิจเอกชน

    @property
    def label_key(self) -> str:
        return f"eplan.group.{self.value}"


class PlanTargetKind(StrEnum):
    """ค่าเป้าหมาย of the plan, per fiscal year."""

    ITA_SCORE = "ita_score"  # คะแนน ITA
    CASE_REDUCTION = "case_reduction_pct"  # จำนวนคดีทุจริตลดลง (ร้อยละ, against the 2565 baseline)

    @property
    def label_key(self) -> str:
        return f"eplan.target.{self.value}"


ROUNDS = (1, 2)  # 1 = 6 months, 2 = 12 months (annual)
# A search typed as a number longer than this is no project number: it matches by text only (a 20-digit number
# compared with the number column ended in an OverflowError).
MAX_PROJECT_NUMBER = 99_999


def budget_total(amounts) -> int | None:  # noqa: ANN001 - any iterable of int | None
    """The total over the plan's years ("-" years count as nothing); None when no year has an amount."""
    given = [a for a in amounts if a is not None]
    return sum(given) if given else None

# Thai words as plan documents write them → kind. Longest first, so "แนวปฏิบัติงาน" wins over "แนวปฏิบัติ".
KIND_WORDS: tuple[tuple[str, Kind], ...] = (
    ("แนวปฏิบัติงาน", Kind.GUIDELINE),
    ("แนวปฏิบัติ", Kind.GUIDELINE),
    ("โครงการ", Kind.PROJECT),
    ("กิจกรรม", Kind.ACTIVITY),
    ("มาตรการ", Kind.MEASURE),
)


def kind_from_name(name: str, default: Kind = Kind.PROJECT) -> Kind:
    """The kind a project's name announces ("มาตรการ …", "กิจกรรม “…”"); ``default`` when it says none."""
    head = name.strip().lstrip("-–•“\"' ")
    for word, kind in KIND_WORDS:
        if head.startswith(word):
            return kind
    return default


def locks_year(status: str, round_no: int) -> bool:
    """A year is locked once its annual report (round 2) says the project is done."""
    return status == Status.DONE and round_no == 2


def progress_problems(
    *,
    status: str,
    reason: str,
    reason_text: str,
    amounts: dict[str, int | None],
    round_no: int,
) -> list[FieldProblem]:
    """Every rule E-PlanNACC applies to one progress report, all at once.

    ``amounts`` maps field names (``amount_local_plan`` …) to whole baht already parsed.
    """
    out: list[FieldProblem] = []
    if round_no not in ROUNDS:
        out.append(FieldProblem("round", "err.round_invalid"))
    if status not in {s.value for s in Status}:
        out.append(FieldProblem("status", "err.status_required"))
    if status == Status.NOT_POSSIBLE:
        if reason not in {r.value for r in Reason}:
            out.append(FieldProblem("reason", "err.reason_required"))
        elif reason == Reason.OTHER and not reason_text.strip():
            out.append(FieldProblem("reason_text", "err.reason_text_required"))
    elif reason:
        # A reason only explains "not possible"; kept elsewhere it would mislead the annual report.
        out.append(FieldProblem("reason", "err.reason_only_not_possible"))
    for name, value in amounts.items():
        if value is not None and value < 0:
            out.append(FieldProblem(name, "err.negative"))
    return out


class PlanError(UserError):
    """A refusal of the plan core fit to show: ``key`` is a message-catalogue key, ``params`` fill it."""
