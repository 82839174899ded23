"""``itatui kiosk``: a read-only full-screen app for a public terminal in the office.

A citizen types the tracking code from their receipt and sees only that complaint's public status (the core's
``public_status``: no subject, no names, no internal notes). After ``timeout`` seconds without a key, or on
``escape``, the screen clears itself so the next person sees nothing. There is no log-in, no menu and no way
to another screen. Leaving kiosk mode needs the password of staff allowed to run the kiosk (Perm.KIOSK_EXIT) (checked by the core's
``accounts.authenticate``, which also slows down repeated failures): ``ctrl+q`` and ``ctrl+c`` — the usual
ways out — open that staff dialog instead of quitting; the command palette is off.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine
from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Label, Static
from textual.worker import Worker, WorkerState

from itatui.domain import tracking
from itatui.i18n import set_language, t
from itatui.store import complaints as core
from itatui.store.complaints.types import PublicStatus
from itatui.tui.widgets.complaint_labels import public_status_text

DEFAULT_TIMEOUT = 60.0


class StaffExitScreen(ModalScreen[bool]):
    """Username and password of any active staff account; dismisses True only when they check out."""

    DEFAULT_CSS = """
    StaffExitScreen { align: center middle; }
    StaffExitScreen > #dialog { width: 50; height: auto; border: thick $warning; background: $surface; padding: 1 2; }
    StaffExitScreen Input { margin-bottom: 1; }
    StaffExitScreen #exit-error { color: $error; height: auto; }
    """
    BINDINGS = [Binding("escape", "cancel", t("key.cancel"), id="kiosk.exit_cancel")]

    def __init__(self, engine: Engine, timeout: float) -> None:
        super().__init__()
        self.engine = engine
        self.timeout = timeout
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(t("desk.kiosk.exit_title"), classes="form-title")
            yield Label(t("login.username"))
            yield Input(id="exit-username")
            yield Label(t("login.password"))
            yield Input(password=True, id="exit-password")
            yield Static("", id="exit-error")

    def on_mount(self) -> None:
        self.query_one("#exit-username", Input).focus()
        self._restart_timer()

    def _restart_timer(self) -> None:
        # A citizen who pressed ctrl+q and walked away must not leave the dialog for the next person.
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(self.timeout, self.action_cancel)

    def on_key(self, _event: events.Key) -> None:
        self._restart_timer()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "exit-username":
            self.query_one("#exit-password", Input).focus()
            return
        username = self.query_one("#exit-username", Input).value
        password = self.query_one("#exit-password", Input).value
        self.query_one("#exit-password", Input).value = ""
        self._check(username, password)

    @work(thread=True, exclusive=True, group="kiosk-exit", exit_on_error=False)
    def _check(self, username: str, password: str) -> bool:
        """True when the password checks out (the dialog closes once the worker is over, see below)."""
        from itatui.store.accounts import AccountError, authorize_kiosk_exit

        try:
            authorize_kiosk_exit(self.engine, username, password)
        except AccountError as exc:
            self.app.call_from_thread(self._refused, t(exc.key, **exc.params))
            return False
        except Exception:  # noqa: BLE001 - whatever failed, the kiosk stays
            self.app.call_from_thread(self._refused, t("err.login_failed"))
            return False
        return True

    @on(Worker.StateChanged)
    def _checked(self, event: Worker.StateChanged) -> None:
        # Dismissed from here, when the worker is over: dismissed from inside it, the worker waited for its own
        # dialog to be removed, and the removal cancelled it (as LoginScreen explains).
        ok = event.state == WorkerState.SUCCESS and event.worker.result is True
        if event.worker.group == "kiosk-exit" and ok and self.app.screen is self:
            self.dismiss(True)

    def _refused(self, message: str) -> None:
        self.query_one("#exit-error", Static).update(message)
        self.query_one("#exit-password", Input).focus()

    def action_cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self.is_current:
            self.dismiss(False)


class KioskApp(App[None]):
    ENABLE_COMMAND_PALETTE = False
    CSS = """
    Screen { align: center top; }
    #kiosk-box { width: 80; max-width: 100%; height: 1fr; padding: 1 2; }
    #kiosk-org { text-style: bold; text-align: center; width: 1fr; }
    #kiosk-title { text-style: bold; color: $accent; text-align: center; width: 1fr; margin-bottom: 1; }
    #kiosk-prompt { text-align: center; width: 1fr; }
    #kiosk-code { width: 40; margin: 1 0; border: heavy $accent; }
    #kiosk-message { text-align: center; width: 1fr; height: auto; }
    #kiosk-message.-error { color: $error; }
    #kiosk-result { height: 1fr; margin-top: 1; }
    #kiosk-hint { color: $text-muted; text-align: center; width: 1fr; height: 1; }
    """
    BINDINGS = [
        # The usual ways out only open the staff dialog.
        Binding("ctrl+q", "staff_exit", show=False, priority=True),
        Binding("ctrl+c", "staff_exit", show=False, priority=True),
        Binding("escape", "clear", show=False),
    ]

    def __init__(self, engine: Engine, *, timeout: float = DEFAULT_TIMEOUT, lang: str | None = None) -> None:
        if lang:
            set_language(lang)
        super().__init__()
        self.engine = engine
        self.timeout = timeout
        self.status: PublicStatus | None = None
        self._idle: Timer | None = None
        self._exiting = False

    def compose(self) -> ComposeResult:
        with Vertical(id="kiosk-box"):
            yield Static("", id="kiosk-org")
            yield Static(t("desk.kiosk.title"), id="kiosk-title")
            yield Static(t("desk.kiosk.prompt"), id="kiosk-prompt")
            with Center():
                yield Input(placeholder="K7M-4QX-9PWA", id="kiosk-code", max_length=20)
            yield Static("", id="kiosk-message")
            with VerticalScroll(id="kiosk-result"):
                yield Static("", id="kiosk-status")
            yield Static(t("desk.kiosk.hint", n=int(self.timeout)), id="kiosk-hint")

    def on_mount(self) -> None:
        self.title = t("desk.kiosk.title")
        self.query_one("#kiosk-code", Input).focus()
        self._org_name()

    @work(thread=True, exclusive=True, group="kiosk-org", exit_on_error=False)
    def _org_name(self) -> None:
        from itatui.store.org import get_organisation

        try:
            org = get_organisation(self.engine)
        except Exception:  # noqa: BLE001 - the name is a courtesy
            return
        if org is not None:
            self.call_from_thread(self._main("#kiosk-org", Static).update, org.name)  # type: ignore[attr-defined]

    # ------------------------------------------------------------------------------------------ idle clearing

    def on_key(self, _event: events.Key) -> None:
        self._touch()

    @on(Input.Changed, "#kiosk-code")
    def _typed(self) -> None:
        self._touch()

    def _touch(self) -> None:
        if self._idle is not None:
            self._idle.stop()
        self._idle = self.set_timer(self.timeout, self.action_clear)

    def _main(self, selector: str, kind: type[Widget] = Widget) -> Widget:
        """A widget of the kiosk screen itself, also while the staff dialog is on top."""
        return self.screen_stack[0].query_one(selector, kind)

    def action_clear(self) -> None:
        """Back to the empty screen: nothing of the last citizen's case stays visible."""
        self.status = None
        code = self._main("#kiosk-code", Input)
        code.value = ""
        self._main("#kiosk-status", Static).update("")  # type: ignore[attr-defined]
        self._message("")
        if self.screen is self.screen_stack[0]:
            code.focus()

    # ------------------------------------------------------------------------------------------ lookup

    @on(Input.Submitted, "#kiosk-code")
    def _submitted(self, event: Input.Submitted) -> None:
        self.status = None
        self._main("#kiosk-status", Static).update("")  # type: ignore[attr-defined]
        try:
            tracking.parse(event.value)
        except tracking.TrackingCodeError as exc:
            self._message(t(exc.key), error=True)
            return
        self._message(t("desk.lookup.searching"))
        self._find(event.value)

    @work(thread=True, exclusive=True, group="kiosk-find", exit_on_error=False)
    def _find(self, code: str) -> None:
        try:
            status = core.public_status(self.engine, code)
        except Exception:  # noqa: BLE001 - never a traceback on a public screen
            self.call_from_thread(self._message, t("desk.kiosk.unavailable"), True)
            return
        self.call_from_thread(self._found, status)

    def _found(self, status: PublicStatus | None) -> None:
        self._touch()
        if status is None:
            self._message(t("tracking.not_found"), error=True)
            return
        self.status = status
        self._message("")
        self._main("#kiosk-status", Static).update(public_status_text(status))  # type: ignore[attr-defined]

    def _message(self, text: str, error: bool = False) -> None:
        line = self._main("#kiosk-message", Static)
        line.update(text)
        line.set_class(error, "-error")

    # ------------------------------------------------------------------------------------------ leaving

    def action_staff_exit(self) -> None:
        if self._exiting:
            return
        self._exiting = True
        self.action_clear()  # the last citizen's case does not stay behind the staff dialog

        def done(ok: bool | None) -> None:
            self._exiting = False
            if ok:
                self.exit()
            else:
                self.action_clear()

        self.push_screen(StaffExitScreen(self.engine, self.timeout), done)

    def action_quit(self) -> None:  # type: ignore[override]
        self.action_staff_exit()

    def action_help_quit(self) -> None:
        self.action_staff_exit()

    def action_suspend_process(self) -> None:
        pass  # a public terminal never drops to the shell


def run_kiosk(engine: Engine, *, timeout: float = DEFAULT_TIMEOUT, lang: str | None = None) -> None:
    """Run the kiosk until a staff member leaves it with their password."""
    KioskApp(engine, timeout=timeout, lang=lang).run()
