"""``k`` on the queue: the desk finds a case by its tracking code and reads out what the complainant may hear.

What shows is the core's ``public_status`` (no subject, no names, no internal notes) — exactly what the kiosk and
``itatui status`` show — so the officer on the phone cannot read out more than the caller may know. A code
that cannot be right (length, symbols, check symbol) is said so at once, before any query. ``o`` opens the
case itself for staff (dismisses with its id; the queue opens it).
"""

from __future__ import annotations

from itatui.domain import tracking
from itatui.i18n import t
from itatui.store import complaints as core
from itatui.store.complaints.types import PublicStatus
from itatui.tui.base import app_context
from itatui.tui.widgets.complaint_labels import public_status_text
from itatui.tui.widgets.form_errors import error_text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class TrackingLookupScreen(ModalScreen[int | None]):
    HELP_TITLE = "help.title.lookup"  # what help (?) calls this screen
    DEFAULT_CSS = """
    TrackingLookupScreen { align: center middle; }
    TrackingLookupScreen > #dialog {
        width: 80; max-width: 100%; height: 100%; max-height: 30; border: thick $primary; background: $surface; padding: 0 1;
    }
    TrackingLookupScreen #lookup-code { margin-bottom: 1; }
    TrackingLookupScreen #lookup-result { height: 1fr; }
    TrackingLookupScreen #lookup-message.-error { color: $error; }
    TrackingLookupScreen .hint { color: $text-muted; height: 1; }
    """
    BINDINGS = [
        Binding("o", "open_case", t("desk.lookup.open_case"), id="lookup.open"),
        Binding("escape", "close", t("key.back"), id="lookup.close"),
    ]

    def __init__(self, code: str = "") -> None:
        super().__init__()
        self.initial_code = code
        self.status: PublicStatus | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(t("desk.lookup.title"), classes="form-title")
            yield Input(self.initial_code, placeholder=t("desk.lookup.placeholder"), id="lookup-code")
            with VerticalScroll(id="lookup-result"):
                yield Static("", id="lookup-message")
                yield Static("", id="lookup-status")
            yield Static(t("desk.lookup.hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#lookup-code", Input).focus()
        if self.initial_code:
            self.lookup(self.initial_code)

    @on(Input.Submitted, "#lookup-code")
    def _submitted(self, event: Input.Submitted) -> None:
        self.lookup(event.value)

    def lookup(self, code: str) -> None:
        self.status = None
        self.query_one("#lookup-status", Static).update("")
        try:
            tracking.parse(code)
        except tracking.TrackingCodeError as exc:
            self._message(t(exc.key), error=True)
            return
        self._message(t("desk.lookup.searching"))
        self._find(code)

    @work(thread=True, exclusive=True, group="lookup", exit_on_error=False)
    def _find(self, code: str) -> None:
        try:
            status = core.public_status(app_context(self.app).engine, code)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self._message, error_text(exc), True)
            return
        self.app.call_from_thread(self._found, status)

    def _found(self, status: PublicStatus | None) -> None:
        if status is None:
            self._message(t("tracking.not_found"), error=True)
            return
        self.status = status
        self._message("")
        thai = bool(getattr(self.app, "thai_digits", False))
        self.query_one("#lookup-status", Static).update(public_status_text(status, thai))
        self.query_one("#lookup-result").focus()

    def _message(self, text: str, error: bool = False) -> None:
        line = self.query_one("#lookup-message", Static)
        line.update(text)
        line.set_class(error, "-error")

    def action_open_case(self) -> None:
        if self.status is None:
            return
        self._open(self.status.tracking_code)

    @work(thread=True, exclusive=True, group="lookup-open", exit_on_error=False)
    def _open(self, code: str) -> None:
        ctx = app_context(self.app)
        try:
            complaint_id = core.find_by_code(ctx.engine, ctx.actor, code)
        except Exception as exc:  # noqa: BLE001 - e.g. an officer without the corruption right
            self.app.call_from_thread(self._message, error_text(exc), True)
            return
        if complaint_id is not None:
            self.app.call_from_thread(self.dismiss, complaint_id)

    def action_close(self) -> None:
        self.dismiss(None)
