"""Log-in: username and password, checked in a worker; errors (and the core's wait after repeated failures)
shown in the current language. On the demo database the demo accounts are listed.

Only Textual is imported here: the app shows this screen while the database layer is still being imported and
opened in a worker (``engine`` may be a callable that waits for it), so that the start is not held up by it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from itatui.i18n import t
from itatui.tui.widgets.keys_footer import KeysFooter
from itatui.tui.widgets.title_bar import TitleBar
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static
from textual.worker import Worker, WorkerState

if TYPE_CHECKING:
    from itatui.store.accounts import UserInfo
    from itatui.store.org import OrgInfo
    from sqlalchemy.engine import Engine


@dataclass(frozen=True)
class LoginResult:
    user: UserInfo
    org: OrgInfo | None


@dataclass(frozen=True)
class DemoLine:
    """A demo account as the log-in screen lists it (plain data: the screen never sees ORM rows)."""

    username: str
    password: str
    role_label: str


class LoginScreen(Screen[LoginResult]):
    """Dismisses with a ``LoginResult`` once the core accepts the password.

    ``engine`` is the database, or a callable returning it once it is open (called in the log-in worker, so a
    password typed before the database is ready simply waits for it). ``show_organisation`` fills in the
    organisation and the demo accounts when they become known after the screen is up.
    """

    BINDINGS = [Binding("escape", "clear", t("shell.key.clear"), show=False)]

    def __init__(
        self,
        engine: Engine | Callable[[], Engine],
        *,
        org_name: str = "",
        demo_accounts: list[DemoLine] | None = None,
    ) -> None:
        super().__init__(id="login")
        self.engine = engine
        self.org_name = org_name
        self.demo_accounts = demo_accounts or []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="login-row"):
            with Vertical(id="login-box"):
                yield Static(t("login.title"), id="login-title", classes="form-title")
                org = Static(self.org_name, id="login-org")
                org.display = bool(self.org_name)
                yield org
                yield Label(t("login.username"), classes="field-label")
                yield Input(id="username", compact=True)
                yield Label(t("login.password"), classes="field-label")
                yield Input(id="password", password=True, compact=True)
                yield Static("", id="login-error", classes="error")
                yield Button(t("shell.login.submit"), id="login-submit", variant="primary", compact=True)
            if self.demo_accounts:
                yield self._demo_panel(self.demo_accounts)
        yield KeysFooter()

    @staticmethod
    def _demo_panel(accounts: list[DemoLine]) -> Vertical:
        lines: list[Static] = [Static(t("login.demo_accounts"), classes="section-title")]
        for acc in accounts:
            lines.append(Static(f"[b]{acc.username}[/b] / {acc.password}", classes="demo-line", markup=True))
            lines.append(Static(acc.role_label, classes="demo-role"))
        return Vertical(*lines, id="demo-accounts")

    def on_mount(self) -> None:
        self.query_one("#username", Input).focus()

    def show_organisation(self, org_name: str, demo_accounts: list[DemoLine] | None = None) -> None:
        """The organisation (and the app title naming it) and the demo accounts, once the database told them."""
        self.query_one(TitleBar).update(self.app.title)
        if org_name != self.org_name:
            self.org_name = org_name
            org = self.query_one("#login-org", Static)
            org.update(org_name)
            org.display = bool(org_name)
        if demo_accounts and not self.demo_accounts:
            self.demo_accounts = list(demo_accounts)
            self.query_one("#login-row", Horizontal).mount(self._demo_panel(self.demo_accounts))

    @on(Input.Submitted, "#username")
    def _to_password(self) -> None:
        self.query_one("#password", Input).focus()

    @on(Input.Submitted, "#password")
    @on(Button.Pressed, "#login-submit")
    def submit(self) -> None:
        if self.query_one("#login-submit", Button).disabled:
            return  # a check is already running
        username = self.query_one("#username", Input).value.strip()
        password = self.query_one("#password", Input).value
        if not username or not password:
            missing = t("login.username") if not username else t("login.password")
            self._show_error(t("err.required_field", field=missing))
            self.query_one("#username" if not username else "#password", Input).focus()
            return
        self.query_one("#login-submit", Button).disabled = True
        self.query_one("#login-error", Static).update(t("shell.login.checking"))
        self._authenticate(username, password)

    def action_clear(self) -> None:
        self.query_one("#password", Input).value = ""
        self._show_error("")

    def _show_error(self, message: str) -> None:
        self.query_one("#login-error", Static).update(message)

    @work(thread=True, exclusive=True, group="login", exit_on_error=False)
    def _authenticate(self, username: str, password: str) -> LoginResult | None:
        """The result on success (the screen is dismissed once the worker is over, see below); None after
        showing why not."""
        try:
            # First the database (the app may still be opening it), then the store modules: that order leaves
            # importing the database layer to the app's start-up worker alone.
            engine = self.engine() if callable(self.engine) else self.engine
        except Exception as exc:
            self.app.call_from_thread(self._failed, t("shell.err.unexpected", reason=type(exc).__name__))
            raise
        from itatui.store.accounts import AccountError, authenticate
        from itatui.store.org import get_organisation

        try:
            user = authenticate(engine, username, password)
            org = get_organisation(engine)
        except AccountError as exc:
            self.app.call_from_thread(self._failed, t(exc.key, **exc.params))
            return None
        except Exception as exc:  # a broken database must not leave the screen stuck on "checking"
            self.app.call_from_thread(self._failed, t("shell.err.unexpected", reason=type(exc).__name__))
            raise
        return LoginResult(user, org)

    @on(Worker.StateChanged)
    def _authenticated(self, event: Worker.StateChanged) -> None:
        # Dismissed from here, when the worker is over: dismissed from inside it, the screen could be removed
        # (which cancels its workers) before the worker had finished, leaving a cancelled worker behind.
        result = event.worker.result if event.state == WorkerState.SUCCESS else None
        if event.worker.group == "login" and isinstance(result, LoginResult):
            self.dismiss(result)

    def _failed(self, message: str) -> None:
        self._show_error(message)
        self.query_one("#login-submit", Button).disabled = False
        password = self.query_one("#password", Input)
        password.value = ""
        password.focus()
