"""Escape on a form that holds typed data asks before dropping it.

``FormSnapshot`` reads every field of a form (inputs, text areas, drop-downs, check boxes) by id; the form
takes one when it is ready and ``cancel_form`` compares: nothing changed closes at once, otherwise a small
question (``y`` discard · ``n``/``escape`` keep editing). An open drop-down takes the escape itself first.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Select, SelectionList, Static, TextArea

from itatui.i18n import t


def form_values(screen: ModalScreen) -> dict[str, object]:
    values: dict[str, object] = {}
    for widget in screen.query("Input, TextArea, Select, Checkbox, SelectionList"):
        if not widget.id:
            continue
        if isinstance(widget, TextArea):
            values[widget.id] = widget.text
        elif isinstance(widget, SelectionList):
            values[widget.id] = tuple(widget.selected)
        elif isinstance(widget, (Input, Select, Checkbox)):
            values[widget.id] = widget.value
    return values


class ConfirmDiscard(ModalScreen[bool]):
    DEFAULT_CSS = """
    ConfirmDiscard { align: center middle; }
    ConfirmDiscard > Vertical { width: 56; height: auto; border: thick $warning; padding: 1 2; background: $surface; }
    ConfirmDiscard #discard-keys { color: $text-muted; margin-top: 1; }
    """
    HELP_TITLE = "form.discard.title"
    BINDINGS = [
        Binding("y", "answer(True)", t("form.discard.yes"), id="discard.yes"),
        Binding("n,escape", "answer(False)", t("form.discard.no"), id="discard.no"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("form.discard.question"), id="discard-question")
            yield Static(t("form.discard.keys"), id="discard-keys")

    def action_answer(self, discard: bool) -> None:
        self.dismiss(discard)


def cancel_form(form: ModalScreen, initial: dict[str, object] | None) -> None:
    """Dismiss ``form`` with None, first asking when its fields differ from ``initial`` (taken when it opened)."""
    if initial is None or form_values(form) == initial:
        form.dismiss(None)
        return

    def answered(discard: bool | None) -> None:
        if discard:
            form.dismiss(None)

    form.app.push_screen(ConfirmDiscard(), answered)
