"""A small modal form of text fields that saves through one core call in a thread (unit add/rename, contact).

``ctrl+s`` saves: the core validates everything at once; its problems show under the form with the text kept.
``escape`` cancels (asks first when something was typed). Dismisses with what the save returned.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from itatui.domain.validation import ValidationError
from itatui.i18n import t
from itatui.tui.complaints.actions import ACTION_CSS
from itatui.tui.plan.project_form import field_row
from itatui.tui.widgets.confirm_discard import cancel_form, form_values
from itatui.tui.widgets.form_errors import FormErrors, error_text


class FieldsForm(ModalScreen[Any]):
    DEFAULT_CSS = ACTION_CSS.format(cls="FieldsForm")
    BINDINGS = [
        Binding("ctrl+s", "save", t("key.save"), priority=True, id="form.save"),
        Binding("escape", "cancel", t("key.cancel"), id="form.cancel"),
    ]

    def __init__(self, title: str, fields: dict[str, str], values: dict[str, str], save: Callable[[dict[str, str]], Any]) -> None:
        """``fields``: id -> label; ``values``: id -> the text to start with; ``save`` runs in a thread."""
        super().__init__()
        self.form_title = title
        self.fields = fields
        self.values = values
        self.save = save
        self._initial: dict[str, object] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.form_title, id="form-title")
            yield FormErrors(id="form-errors")
            with VerticalScroll(id="form-body"):
                for field, label in self.fields.items():
                    yield field_row(label, Input(self.values.get(field, ""), id=field))
            yield Static("ctrl+s " + t("key.save") + " · esc " + t("key.cancel"), id="form-status")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.call_after_refresh(self._remember_initial)

    def _remember_initial(self) -> None:
        self._initial = form_values(self)

    def action_cancel(self) -> None:
        cancel_form(self, self._initial)

    def action_save(self) -> None:
        self._save({f: self.query_one(f"#{f}", Input).value for f in self.fields})

    @work(thread=True, exclusive=True, group="fields-save", exit_on_error=False)
    def _save(self, values: dict[str, str]) -> None:
        try:
            result = self.save(values)
        except Exception as exc:  # noqa: BLE001 - every refusal is shown in the form, the text kept
            self.app.call_from_thread(self._failed, exc)
            return
        self.app.call_from_thread(self.dismiss, result if result is not None else True)

    def _failed(self, exc: BaseException) -> None:
        errors = self.query_one(FormErrors)
        if isinstance(exc, ValidationError):
            errors.show(exc.problems, self.fields)
            for widget in self.query(Input):
                widget.set_class(widget.id in exc.fields(), "-invalid")
        else:
            errors.show_message(error_text(exc))
