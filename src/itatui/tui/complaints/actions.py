"""Small modal forms for moving a case along: forward to a unit, assign, start the investigation, internal
note, evidence. (Messages to the complainant — notice, delay, result, close — are in ``complaint_notices``;
linking to a risk or a project in ``complaint_link``.)

Every form works the same way: ``ctrl+s`` checks what only the form can check (dates typed in BE), then calls
the core in a thread worker; the core's refusal (status, permission, a missing text) is shown in the form
with everything kept as typed; success dismisses with the case as it now is (``CaseDetail``); ``escape``
dismisses with ``None``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from itatui.domain.complaint_clock import today_local
from itatui.domain.roles import Actor
from itatui.domain.thai import InputError, digits, format_date, parse_date_be
from itatui.domain.validation import FieldProblem, ValidationError
from itatui.i18n import t
from itatui.store import complaints as core
from itatui.store.complaints.public import Choice
from itatui.store.complaints.types import CaseDetail
from itatui.store.versioning import EditConflict
from itatui.tui.base import app_context
from itatui.tui.plan.project_form import field_row
from itatui.tui.widgets.complaint_labels import failure_text
from itatui.tui.widgets.form_errors import FormErrors
from sqlalchemy.engine import Engine
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static, TextArea
from textual.worker import Worker, WorkerState

Call = Callable[[Engine, Actor], CaseDetail]
NO_ONE = -1  # the assign form's "take the case back" choice

ACTION_CSS = """
{cls} {{ align: center middle; }}
{cls} > #dialog {{
    width: 76; max-width: 100%; height: auto; max-height: 100%;
    border: thick $primary; background: $surface; padding: 0 1;
}}
{cls} #form-title {{ text-style: bold; height: auto; margin-bottom: 1; }}
{cls} #form-audience {{ height: auto; margin-bottom: 1; text-style: bold; }}
{cls} #form-audience.-internal {{ color: $secondary; }}
{cls} #form-audience.-complainant {{ color: $success; }}
{cls} #form-body {{ height: auto; max-height: 16; }}
{cls} .field {{ height: auto; margin-bottom: 1; }}
{cls} .field > Label {{ color: $text-muted; }}
{cls} .hint {{ color: $text-muted; text-style: italic; }}
{cls} TextArea {{ height: 4; }}
{cls} .-invalid {{ border: tall $error; }}
{cls} #form-status {{ height: 1; color: $text-muted; }}
{cls} .pair {{ height: auto; }}
{cls} .pair > .field {{ width: 1fr; margin-right: 1; }}
{cls} OptionList {{ height: 8; }}
"""


def date_text(d: date, thai: bool = False) -> str:
    return format_date(d, style="numeric", thai_digits=thai)


def read_date(problems: list[FieldProblem], field: str, text: str, *, required: bool = True) -> date | None:
    """A BE date typed as dd/mm/yyyy; a problem (not an exception) when it cannot be read."""
    if not text.strip():
        if required:
            problems.append(FieldProblem(field, "err.required"))
        return None
    try:
        return parse_date_be(text)
    except InputError as exc:
        problems.append(FieldProblem(field, str(exc.args[0])))
        return None


class CaseActionForm(ModalScreen[CaseDetail | None]):
    """Base of the case forms: subclasses give ``title_key``, ``audience``, ``fields()`` and ``collect()``."""

    title_key = ""
    audience = "internal"  # internal: staff only; complainant: what the complainant is told
    BINDINGS = [
        Binding("ctrl+s", "save", t("key.save"), priority=True, id="action.save"),
        Binding("escape", "cancel", t("key.cancel"), id="action.cancel"),
    ]

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls.DEFAULT_CSS = ACTION_CSS.format(cls=cls.__name__)

    def __init__(self, case: CaseDetail) -> None:
        super().__init__()
        self.case = case
        self._saving = False
        # The case version this form acts on (checked by the actions that change the case's state); a conflict
        # moves it to the stored one, and ``stale`` (set by the case screen) draws the case again behind the form.
        self.opened_version = case.version
        self.stale: Callable[[], object] | None = None

    @property
    def thai(self) -> bool:
        return bool(getattr(self.app, "thai_digits", False))

    def labels(self) -> dict[str, str]:
        return {}

    def fields(self) -> ComposeResult:
        raise NotImplementedError

    def collect(self) -> tuple[Call | None, list[FieldProblem]]:
        """What to run (or None) and the problems only the form can see."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(t(self.title_key, registry=digits(self.case.registry_display, self.thai)), id="form-title")
            yield Static(t(f"desk.action.audience.{self.audience}"), id="form-audience", classes=f"-{self.audience}")
            yield FormErrors(id="form-errors")
            with VerticalScroll(id="form-body"):
                yield from self.fields()
            yield Static(self._hint(), id="form-status")

    def _hint(self) -> str:
        return "ctrl+s " + t("key.save") + " · esc " + t("key.cancel")

    def on_mount(self) -> None:
        first = self.query("#form-body Input, #form-body TextArea, #form-body Select").first()
        first.focus()

    def text_of(self, widget_id: str) -> str:
        widget = self.query_one(f"#{widget_id}")
        return widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[attr-defined]

    def select_of(self, widget_id: str):  # noqa: ANN201
        value = self.query_one(f"#{widget_id}", Select).value
        return None if value is Select.NULL else value

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        if self._saving:
            return
        call, problems = self.collect()
        if problems or call is None:
            self.query_one(FormErrors).show(problems, self.labels())
            return
        self.query_one(FormErrors).clear()
        self._saving = True
        self.query_one("#form-status", Static).update(t("form.saving"))
        self._run(call)

    @work(thread=True, exclusive=True, group="case-action", exit_on_error=False)
    def _run(self, call: Call) -> CaseDetail | None:
        """The case as it now is (the form closes once the worker is over, see below); None after showing why
        not."""
        ctx = app_context(self.app)
        try:
            return call(ctx.engine, ctx.actor)
        except Exception as exc:  # noqa: BLE001 - the refusal is shown; what was typed stays
            self.app.call_from_thread(self._failed, exc)
            return None

    @on(Worker.StateChanged)
    def _done(self, event: Worker.StateChanged) -> None:
        # Dismissed from here, when the worker is over: dismissed from inside it, the worker waited for its own
        # screen to be removed, and the removal cancelled it (as LoginScreen explains).
        case = event.worker.result if event.state == WorkerState.SUCCESS else None
        if event.worker.group == "case-action" and isinstance(case, CaseDetail) and self.app.screen is self:
            self.dismiss(case)

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.query_one("#form-status", Static).update(self._hint())
        errors = self.query_one(FormErrors)
        if isinstance(exc, ValidationError):
            errors.show(exc.problems, self.labels())
        elif isinstance(exc, EditConflict):
            self.opened_version = exc.current
            errors.show_conflict(exc, self.labels(), again="conflict.case_again")
            if self.stale is not None:
                self.stale()
        else:
            errors.show_message(failure_text(exc))


class ForwardForm(CaseActionForm):
    title_key = "desk.action.forward_title"

    def __init__(self, case: CaseDetail, units: tuple[Choice, ...]) -> None:
        super().__init__(case)
        self.units = units

    def labels(self) -> dict[str, str]:
        return {"unit_id": t("desk.action.unit"), "text": t("desk.action.note_optional")}

    def fields(self) -> ComposeResult:
        current = self.case.unit_id if any(u.id == self.case.unit_id for u in self.units) else Select.NULL
        yield field_row(self.labels()["unit_id"], Select([(u.label, u.id) for u in self.units], value=current,
                                                         prompt=t("desk.action.choose_unit"), id="unit_id"))
        yield field_row(self.labels()["text"], Input(id="text"))

    def collect(self) -> tuple[Call | None, list[FieldProblem]]:
        unit = self.select_of("unit_id")
        if unit is None:
            return None, [FieldProblem("unit_id", "desk.err.unit_required")]
        cid, text, v = self.case.id, self.text_of("text"), self.opened_version
        return (lambda engine, actor: core.forward(engine, actor, cid, int(unit), text, opened_version=v)), []


class AssignForm(CaseActionForm):
    title_key = "desk.action.assign_title"

    def __init__(self, case: CaseDetail, users: tuple[Choice, ...]) -> None:
        super().__init__(case)
        self.users = users

    def labels(self) -> dict[str, str]:
        return {"user_id": t("desk.action.user"), "text": t("desk.action.note_optional")}

    def fields(self) -> ComposeResult:
        options = [(u.label, u.id) for u in self.users] + [(t("desk.action.unassign"), NO_ONE)]
        current = self.case.assigned_user_id if any(u.id == self.case.assigned_user_id for u in self.users) else Select.NULL
        yield field_row(self.labels()["user_id"], Select(options, value=current, prompt=t("desk.action.choose_user"), id="user_id"))
        yield field_row(self.labels()["text"], Input(id="text"))

    def collect(self) -> tuple[Call | None, list[FieldProblem]]:
        user = self.select_of("user_id")
        if user is None:
            return None, [FieldProblem("user_id", "desk.err.user_required")]
        who = None if user == NO_ONE else int(user)
        cid, text, v = self.case.id, self.text_of("text"), self.opened_version
        return (lambda engine, actor: core.assign(engine, actor, cid, who, text, opened_version=v)), []


class InvestigateForm(CaseActionForm):
    title_key = "desk.action.investigate_title"

    def labels(self) -> dict[str, str]:
        return {"text": t("desk.action.note_optional")}

    def fields(self) -> ComposeResult:
        yield field_row(self.labels()["text"], Input(id="text"), t("desk.action.investigate_hint"))

    def collect(self) -> tuple[Call | None, list[FieldProblem]]:
        cid, text, v = self.case.id, self.text_of("text"), self.opened_version
        return (lambda engine, actor: core.start_investigation(engine, actor, cid, text, opened_version=v)), []


class NoteForm(CaseActionForm):
    title_key = "desk.action.note_title"

    def labels(self) -> dict[str, str]:
        return {"text": t("desk.action.note_text")}

    def fields(self) -> ComposeResult:
        yield field_row(self.labels()["text"], TextArea(id="text"))

    def collect(self) -> tuple[Call | None, list[FieldProblem]]:
        text = self.text_of("text")
        if not text.strip():
            return None, [FieldProblem("text", "complaint.err.text_required")]
        cid = self.case.id
        return (lambda engine, actor: core.add_note(engine, actor, cid, text)), []


class EvidenceForm(CaseActionForm):
    title_key = "desk.action.evidence_title"

    def labels(self) -> dict[str, str]:
        return {"item": t("desk.intake.evidence_item"), "filed_at": t("desk.intake.evidence_filed")}

    def fields(self) -> ComposeResult:
        labels = self.labels()
        yield field_row(labels["item"], Input(id="item"))
        yield field_row(labels["filed_at"], Input(id="filed_at"))

    def collect(self) -> tuple[Call | None, list[FieldProblem]]:
        item, filed = self.text_of("item"), self.text_of("filed_at")
        if not item.strip():
            return None, [FieldProblem("item", "complaint.err.evidence_item")]
        cid = self.case.id
        return (lambda engine, actor: core.add_evidence(engine, actor, cid, item, filed)), []


def today_text(thai: bool = False) -> str:
    return date_text(today_local(), thai)
