"""A modal form that saves in a thread worker and closes when the worker is over.

Subclasses parse their fields in ``action_save`` and call ``start_save(payload)``; ``save_now(payload)`` runs in
a thread (it calls the core) and returns what the form dismisses with. A ``ValidationError`` lists every
problem at once beside the fields, an ``EditConflict`` shows who changed what since the form opened (and takes
the new version through ``conflict_seen``), any other refusal is told in words; what was typed always stays.

Dismissed from ``Worker.StateChanged``, not from inside the worker: dismissed from inside, the worker waited
for its own screen to be removed, and the removal cancelled it (as the log-in screen explains).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from textual import on, work
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from itatui.domain.validation import FieldProblem, ValidationError
from itatui.i18n import t
from itatui.store.versioning import EditConflict
from itatui.tui.widgets.form_errors import FormErrors, error_text

T = TypeVar("T")
_GROUP = "form-save"


@dataclass(frozen=True)
class _Saved:
    result: Any  # what save_now returned (None too: the save happened)


class SavingForm(ModalScreen[T], Generic[T]):
    """Needs a ``FormErrors`` and a ``#form-status`` Static in its compose; ``labels()`` names the fields."""

    def __init__(self) -> None:
        super().__init__()
        self._busy = False

    # -- what a form gives -------------------------------------------------------------------------------

    def labels(self) -> dict[str, str]:
        return {}

    def save_now(self, payload: Any) -> T:
        """Runs in a thread: call the core; the result is what the form dismisses with."""
        raise NotImplementedError

    def conflict_seen(self, exc: EditConflict) -> None:
        """Another desk saved the record since the form opened it: take ``exc.current`` as the version shown."""

    def keys_hint(self) -> str:
        return "ctrl+s " + t("key.save") + " · esc " + t("key.cancel")

    # -- the machinery -----------------------------------------------------------------------------------

    @property
    def saving(self) -> bool:
        return self._busy

    def start_save(self, payload: Any) -> None:
        if self._busy:
            return
        self.query_one(FormErrors).clear()
        self._busy = True
        self.query_one("#form-status", Static).update(t("form.saving"))
        self._save_worker(payload)

    @work(thread=True, exclusive=True, group=_GROUP, exit_on_error=False)
    def _save_worker(self, payload: Any) -> _Saved | None:
        try:
            return _Saved(self.save_now(payload))
        except ValidationError as exc:
            self.app.call_from_thread(self.save_failed, exc.problems, None)
        except Exception as exc:  # noqa: BLE001 - any refusal keeps the form open with what was typed
            self.app.call_from_thread(self.save_failed, None, exc)
        return None

    @on(Worker.StateChanged)
    def _save_over(self, event: Worker.StateChanged) -> None:
        result = event.worker.result if event.state == WorkerState.SUCCESS else None
        if event.worker.group == _GROUP and isinstance(result, _Saved) and self.app.screen is self:
            self.dismiss(result.result)

    def save_failed(self, problems: list[FieldProblem] | None, exc: BaseException | None) -> None:
        self._busy = False
        self.query_one("#form-status", Static).update(self.keys_hint())
        if problems:
            self.show_problems(problems)
        elif isinstance(exc, EditConflict):
            self.conflict_seen(exc)
            self.query_one(FormErrors).show_conflict(exc, self.labels())
        elif exc is not None:
            self.query_one(FormErrors).show_message(t("err.save_failed", reason=error_text(exc)))

    def show_problems(self, problems: list[FieldProblem]) -> None:
        """Every problem at once, and the first field with one focused."""
        self.query_one(FormErrors).show(problems, self.labels())
        first = problems[0].field if problems else ""
        try:
            self.query_one(f"#{first}").focus()
        except Exception:  # noqa: BLE001 - the problem has no input of its own
            pass
