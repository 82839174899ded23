"""``v`` on a corruption case: an investigator opens the sealed identity of the complainant.

Asks for the investigator's own login password (it unlocks their private key) and a reason; the core checks
the role, opens the identity and audits the reveal (who, which case, the reason — never the identity). A
refusal (wrong password, no key, not an investigator) stays in the form. Dismisses with the ``Complainant``
or ``None``; the caller shows it only while the case is on screen.
"""

from __future__ import annotations

from itatui.domain.thai import digits
from itatui.domain.validation import FieldProblem
from itatui.i18n import t
from itatui.store import complaints as core
from itatui.store.complaints.types import CaseDetail, Complainant
from itatui.tui.base import app_context
from itatui.tui.widgets.form_errors import FormErrors, error_text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static
from textual.worker import Worker, WorkerState


class RevealIdentityForm(ModalScreen[Complainant | None]):
    SHOWS_PERSONAL_DATA = True  # idle log-out applies here (tui/shell/idle.py)
    DEFAULT_CSS = """
    RevealIdentityForm { align: center middle; }
    RevealIdentityForm > #dialog {
        width: 70; max-width: 100%; height: auto; border: thick $warning; background: $surface; padding: 0 1;
    }
    RevealIdentityForm #reveal-warning { color: $warning; margin-bottom: 1; height: auto; }
    RevealIdentityForm Input { margin-bottom: 1; }
    RevealIdentityForm .-invalid { border: tall $error; }
    RevealIdentityForm #form-status { color: $text-muted; height: 1; }
    """
    BINDINGS = [
        Binding("ctrl+s", "reveal", t("desk.reveal.do"), priority=True, id="reveal.do"),
        Binding("escape", "cancel", t("key.cancel"), id="reveal.cancel"),
    ]

    def __init__(self, case: CaseDetail) -> None:
        super().__init__()
        self.case = case
        self._busy = False

    def compose(self) -> ComposeResult:
        thai = bool(getattr(self.app, "thai_digits", False))
        with Vertical(id="dialog"):
            yield Static(t("desk.reveal.title", registry=digits(self.case.registry_display, thai)), classes="form-title")
            yield Static(t("desk.reveal.warning"), id="reveal-warning")
            yield FormErrors(id="form-errors")
            yield Label(t("desk.reveal.password"))
            yield Input(password=True, id="password")
            yield Label(t("desk.reveal.reason"))
            yield Input(id="reason", placeholder=t("desk.reveal.reason_hint"))
            yield Static(self._hint(), id="form-status")

    def _hint(self) -> str:
        return "ctrl+s " + t("desk.reveal.do") + " · esc " + t("key.cancel")

    def on_mount(self) -> None:
        self.query_one("#password", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "password":
            self.query_one("#reason", Input).focus()
        else:
            self.action_reveal()

    def labels(self) -> dict[str, str]:
        return {"password": t("desk.reveal.password"), "reason": t("desk.reveal.reason")}

    def action_reveal(self) -> None:
        if self._busy:
            return
        password = self.query_one("#password", Input).value
        reason = self.query_one("#reason", Input).value
        problems = []
        if not password:
            problems.append(FieldProblem("password", "err.required"))
        if not reason.strip():
            problems.append(FieldProblem("reason", "identity.err.reason_required"))
        if problems:
            self.query_one(FormErrors).show(problems, self.labels())
            return
        self._busy = True
        self.query_one("#form-status", Static).update(t("desk.reveal.opening"))
        self._reveal(password, reason)

    @work(thread=True, exclusive=True, group="reveal", exit_on_error=False)
    def _reveal(self, password: str, reason: str) -> Complainant | None:
        """Who complained (the dialog closes once the worker is over, see below); None after showing why not."""
        ctx = app_context(self.app)
        try:
            return core.reveal_identity(ctx.engine, ctx.actor, password, self.case.id, reason)
        except Exception as exc:  # noqa: BLE001 - refused: say why, keep the reason typed
            self.app.call_from_thread(self._refused, exc)
            return None

    @on(Worker.StateChanged)
    def _revealed(self, event: Worker.StateChanged) -> None:
        # Dismissed from here, when the worker is over: dismissed from inside it, the worker waited for its own
        # screen to be removed, and the removal cancelled it (as LoginScreen explains).
        who = event.worker.result if event.state == WorkerState.SUCCESS else None
        if event.worker.group == "reveal" and isinstance(who, Complainant) and self.app.screen is self:
            self.dismiss(who)

    def _refused(self, exc: BaseException) -> None:
        self._busy = False
        self.query_one("#form-status", Static).update(self._hint())
        password = self.query_one("#password", Input)
        password.value = ""  # never keep a wrong password around
        self.query_one(FormErrors).show_message(error_text(exc))
        password.focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
