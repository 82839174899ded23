"""What the complainant is told, recorded on the case: a notice, a delay notice (reason and new due date), the
result (ยุติ / ไม่ยุติ with reasons), and closing with the complainant's satisfaction 1–5.

Each form says at its top that its text goes to the complainant (the internal note form says the opposite),
so nobody writes an internal remark into a message. Dates are typed in BE (``dd/mm/yyyy``), today by default.
"""

from __future__ import annotations

from datetime import timedelta

from itatui.domain.complaints import SATISFACTION, NoticeMethod, Outcome
from itatui.domain.validation import FieldProblem
from itatui.i18n import t
from itatui.store import complaints as core
from itatui.tui.complaints.actions import Call, CaseActionForm, date_text, read_date, today_text
from itatui.tui.plan.project_form import field_row
from itatui.tui.widgets.complaint_labels import method_label, outcome_label
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Select, TextArea


def _methods(default: str) -> Select:
    return Select([(method_label(m.value), m.value) for m in NoticeMethod], value=default, allow_blank=False, id="method")


class _ToComplainant(CaseActionForm):
    audience = "complainant"
    default_method = NoticeMethod.PHONE.value

    def common_labels(self) -> dict[str, str]:
        return {"notice_date": t("desk.action.notice_date"), "method": t("desk.action.method")}

    def when_and_how(self) -> Horizontal:
        labels = self.common_labels()
        return Horizontal(
            field_row(labels["notice_date"], Input(today_text(self.thai), id="notice_date"), t("desk.action.date_hint")),
            field_row(labels["method"], _methods(self.default_method)),
            classes="pair",
        )


class NoticeForm(_ToComplainant):
    title_key = "desk.action.notice_title"

    def labels(self) -> dict[str, str]:
        return {**self.common_labels(), "text": t("desk.action.notice_text")}

    def fields(self) -> ComposeResult:
        yield field_row(self.labels()["text"], TextArea(id="text"))
        yield self.when_and_how()

    def collect(self) -> tuple[Call | None, list[FieldProblem]]:
        problems: list[FieldProblem] = []
        text = self.text_of("text")
        if not text.strip():
            problems.append(FieldProblem("text", "complaint.err.text_required"))
        day = read_date(problems, "notice_date", self.text_of("notice_date"))
        method = str(self.select_of("method"))
        if problems:
            return None, problems
        cid = self.case.id
        return (lambda engine, actor: core.notify_complainant(engine, actor, cid, day, method, text)), []


class DelayForm(_ToComplainant):
    title_key = "desk.action.delay_title"

    def labels(self) -> dict[str, str]:
        return {**self.common_labels(), "reason": t("desk.action.delay_reason"), "new_due": t("desk.action.new_due")}

    def fields(self) -> ComposeResult:
        labels = self.labels()
        suggested = self.case.due_date + timedelta(days=15)
        yield field_row(labels["reason"], TextArea(id="reason"))
        yield field_row(labels["new_due"], Input(date_text(suggested, self.thai), id="new_due"),
                        t("desk.action.current_due", date=date_text(self.case.due_date, self.thai)))
        yield self.when_and_how()

    def collect(self) -> tuple[Call | None, list[FieldProblem]]:
        problems: list[FieldProblem] = []
        reason = self.text_of("reason")
        if not reason.strip():
            problems.append(FieldProblem("reason", "complaint.err.reason_required"))
        new_due = read_date(problems, "new_due", self.text_of("new_due"))
        if new_due is not None and new_due <= self.case.due_date:
            problems.append(FieldProblem("new_due", "complaint.err.new_due_not_later"))
        day = read_date(problems, "notice_date", self.text_of("notice_date"))
        method = str(self.select_of("method"))
        if problems or new_due is None:
            return None, problems
        cid, v = self.case.id, self.opened_version
        return (lambda engine, actor: core.notify_delay(
            engine, actor, cid, reason, new_due, method=method, notice_date=day, opened_version=v
        )), []


class ResultForm(_ToComplainant):
    title_key = "desk.action.result_title"
    default_method = NoticeMethod.LETTER.value

    def labels(self) -> dict[str, str]:
        return {**self.common_labels(), "outcome": t("desk.action.outcome"), "reason": t("desk.action.result_reason")}

    def fields(self) -> ComposeResult:
        labels = self.labels()
        yield field_row(labels["outcome"], Select([(outcome_label(o.value), o.value) for o in Outcome],
                                                  prompt=t("desk.action.choose_outcome"), id="outcome"))
        yield field_row(labels["reason"], TextArea(id="reason"))
        yield self.when_and_how()

    def collect(self) -> tuple[Call | None, list[FieldProblem]]:
        problems: list[FieldProblem] = []
        outcome = self.select_of("outcome")
        if outcome is None:
            problems.append(FieldProblem("outcome", "complaint.err.outcome"))
        reason = self.text_of("reason")
        if not reason.strip():
            problems.append(FieldProblem("reason", "complaint.err.reason_required"))
        day = read_date(problems, "notice_date", self.text_of("notice_date"))
        method = str(self.select_of("method"))
        if problems:
            return None, problems
        cid, v = self.case.id, self.opened_version
        return (lambda engine, actor: core.record_result(
            engine, actor, cid, str(outcome), reason, method=method, notice_date=day, opened_version=v
        )), []


class CloseForm(CaseActionForm):
    title_key = "desk.action.close_title"

    def labels(self) -> dict[str, str]:
        return {"satisfaction": t("desk.action.satisfaction"), "text": t("desk.action.note_optional")}

    def fields(self) -> ComposeResult:
        options = [(t(f"desk.satisfaction.{n}"), n) for n in reversed(SATISFACTION)]
        yield field_row(self.labels()["satisfaction"], Select(options, prompt=t("desk.satisfaction.none"), id="satisfaction"),
                        t("desk.action.satisfaction_hint"))
        yield field_row(self.labels()["text"], Input(id="text"))

    def collect(self) -> tuple[Call | None, list[FieldProblem]]:
        value = self.select_of("satisfaction")
        score = None if value is None else int(value)
        cid, text, v = self.case.id, self.text_of("text"), self.opened_version
        return (lambda engine, actor: core.close(engine, actor, cid, score, text, opened_version=v)), []
