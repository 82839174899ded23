"""The modal form every committee form is made of: fields described as data, saved in a thread worker.

A form lists its ``FormField``s and a ``save(values)`` that calls the core (in a thread) and returns what the
form dismisses with. ``ctrl+s`` saves; a ``ValidationError`` shows every problem at once beside the fields and
keeps what was typed; any other refusal is shown in words; ``escape`` dismisses with ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Select, Static, TextArea
from textual.worker import Worker, WorkerState

from itatui.domain.validation import ValidationError
from itatui.i18n import t
from itatui.tui.plan.project_form import FORM_CSS, field_row
from itatui.tui.widgets.form_errors import FormErrors, error_text


@dataclass(frozen=True)
class Saved:
    """What a save worker returns when it saved: the result may itself be None, so None alone cannot say so."""

    result: Any


@dataclass(frozen=True)
class FormField:
    name: str  # the widget id, and the core's field name for its problems
    label: str
    value: Any = ""
    kind: str = "input"  # input / select / text / check
    options: tuple[tuple[str, Any], ...] = ()
    hint: str = ""


class CommitteeForm(ModalScreen[Any]):
    """Subclasses set ``title_text`` and implement ``fields`` and ``save``."""

    DEFAULT_CSS = FORM_CSS.format(cls="CommitteeForm") + """
    CommitteeForm > #dialog { max-width: 90; max-height: 40; }
    CommitteeForm TextArea { height: 6; }
    CommitteeForm #form-extra { height: auto; }
    CommitteeForm .field { margin-bottom: 0; }
    CommitteeForm Input, CommitteeForm Select { margin-bottom: 1; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", t("key.save"), priority=True, id="form.save"),
        Binding("escape", "cancel", t("key.cancel"), id="form.cancel"),
    ]

    title_text = ""

    def __init__(self) -> None:
        super().__init__()
        self._saving = False

    @property
    def ctx(self):  # noqa: ANN201 - AppContext
        return self.app.ctx  # type: ignore[attr-defined]

    @property
    def thai(self) -> bool:
        return bool(getattr(self.app, "thai_digits", False))

    def fields(self) -> list[FormField]:
        raise NotImplementedError

    def save(self, values: dict[str, Any]) -> Any:
        """Runs in a thread: call the core, return what the form dismisses with."""
        raise NotImplementedError

    def header(self) -> ComposeResult:
        """Widgets above the fields (what must stay in sight while typing, such as the live checks)."""
        yield from ()

    def extra(self) -> ComposeResult:
        """Widgets below the fields (a live checks panel, a list of versions …)."""
        yield from ()

    def compose(self) -> ComposeResult:
        self._fields = self.fields()
        with Vertical(id="dialog"):
            yield Static(self.title_text, id="form-title")
            yield FormErrors(id="form-errors")
            yield from self.header()
            with VerticalScroll(id="form-body"):
                for f in self._fields:
                    yield field_row(f.label, self._widget(f), f.hint)
                with Vertical(id="form-extra"):
                    yield from self.extra()
            yield Static(t("committee.form.keys"), id="form-status")

    def _widget(self, f: FormField):  # noqa: ANN202
        if f.kind == "select":
            value = f.value if any(v == f.value for _, v in f.options) else Select.NULL
            return Select(list(f.options), value=value, id=f.name, allow_blank=value is Select.NULL, compact=True)
        if f.kind == "text":
            return TextArea(str(f.value or ""), id=f.name)
        if f.kind == "check":
            return Checkbox(f.label, bool(f.value), id=f.name)
        return Input(str(f.value or ""), id=f.name, compact=True)  # one line each: 24 rows show the whole form

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in self._fields:
            w = self.query_one(f"#{f.name}")
            if isinstance(w, Select):
                out[f.name] = None if w.value is Select.NULL else w.value
            elif isinstance(w, TextArea):
                out[f.name] = w.text
            elif isinstance(w, Checkbox):
                out[f.name] = w.value
            else:
                out[f.name] = w.value  # type: ignore[attr-defined]
        return out

    def labels(self) -> dict[str, str]:
        return {f.name: f.label for f in self._fields}

    def on_mount(self) -> None:
        if self._fields:
            self.query_one(f"#{self._fields[0].name}").focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        if not self._saving:
            self._saving = True
            self._save(self.values())

    @work(thread=True, exclusive=True, group="committee-form", exit_on_error=False)
    def _save(self, values: dict[str, Any]) -> Saved | None:
        try:
            result = self.save(values)
        except Exception as exc:  # noqa: BLE001 - every refusal is shown on the form, nothing is lost
            self.app.call_from_thread(self._failed, exc)
            return None
        return Saved(result)

    @on(Worker.StateChanged)
    def _save_over(self, event: Worker.StateChanged) -> None:
        # Handled here, when the worker is over: dismissed from inside it, the worker waited for its own screen
        # to be removed, and the removal cancelled it (as LoginScreen explains).
        done = event.worker.result if event.state == WorkerState.SUCCESS else None
        if event.worker.group == "committee-form" and isinstance(done, Saved) and self.app.screen is self:
            self._saved(done.result)

    def _saved(self, result: Any) -> None:
        self._saving = False
        self.dismiss(result)

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        errors = self.query_one(FormErrors)
        if isinstance(exc, ValidationError):
            errors.show(exc.problems, self.labels())
        else:
            errors.show_message(self.failure_text(exc))

    def failure_text(self, exc: BaseException) -> str:
        return error_text(exc)
