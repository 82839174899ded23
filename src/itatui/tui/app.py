"""The Textual app: log-in (or first-run set-up), then the top-level modes on fixed keys 1–4.

Screens get what they need from ``self.app.ctx`` (an ``AppContext``, set at log-in) through ``tui.base``
(``ModeScreen``, ``app_context``), which also watches the App reactives ``fiscal_year`` (BE) and
``thai_digits``. Modes (``MODE_SCREENS``) are created on first use, after log-in.

Start-up order, so that the log-in screen is up as soon as Textual can draw it: this module and the log-in
screen import only Textual (no SQLAlchemy). The log-in screen is pushed at mount, while a worker imports the
database layer, opens (and if needed migrates) the database, reads what the log-in screen shows (organisation,
demo accounts; an empty database switches to the first-run set-up), and then imports the plan screen's modules,
all while the user types. The log-in worker waits for the database if the password comes first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import App, ComposeResult, ScreenStackError, SystemCommand
from textual.binding import Binding, BindingsMap
from textual.command import CommandPalette
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from itatui.domain.fiscal import current_fiscal_year
from itatui.domain.thai import digits
from itatui.i18n import language, set_language, t
from itatui.tui.shell.backup_status import BackupStatus
from itatui.tui.commands import ScreenCommands, key_entries
from itatui.tui.shell.login import DemoLine, LoginResult, LoginScreen

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from itatui.tui.context import AppContext

# Imported by the start-up worker while the log-in screen is up, so that the first mode opens without importing.
PRELOAD_MODULES = ("itatui.tui.context", "itatui.tui.plan.table")

MODE_KEYS: dict[str, str] = {"plan": "1", "risks": "2", "complaints": "3", "committees": "4"}


class ToastShown(Message):
    """A toast went up for ``timeout`` seconds (``ItaApp.notify``)."""

    def __init__(self, timeout: float) -> None:
        super().__init__()
        self.timeout = timeout


def _styled_now(screen: Screen) -> Screen:
    """Mark a mode's new screen as having seen the app's current CSS.

    Textual re-parses the whole stylesheet from scratch and restyles every node of the app, twice, when a
    mode's first screen has not seen the current CSS; a screen made just now is styled as it mounts anyway,
    exactly as a pushed screen is (which skips that check).
    """
    screen._css_update_count = screen.app._css_update_count
    return screen


def _plan_mode() -> Screen:
    from itatui.tui.plan.table import PlanScreen  # preloaded during the log-in (PRELOAD_MODULES)

    return _styled_now(PlanScreen())


def _complaints_mode() -> Screen:
    from itatui.tui.complaints.queue import ComplaintsScreen  # the desk's modules load on first use only

    return _styled_now(ComplaintsScreen())


def _committees_mode() -> Screen:
    from itatui.tui.committees.screen import CommitteesScreen  # loaded on first use only

    return _styled_now(CommitteesScreen())


def _risks_mode() -> Screen:
    from itatui.tui.risks.register import RisksScreen  # loaded on first use only

    return _styled_now(RisksScreen())


def _not_built(mode: str) -> Screen:
    from itatui.tui.shell.not_built import NotBuiltScreen

    return _styled_now(NotBuiltScreen(mode))


# The modes, by name: what the key opens. Screens are imported when first opened, so that this module (needed
# for the log-in screen) imports no database layer.
MODE_SCREENS: dict[str, Callable[[], Screen]] = {
    "plan": _plan_mode,
    "risks": _risks_mode,
    "complaints": _complaints_mode,
    "committees": _committees_mode,
}


def home_mode(actor) -> str:  # noqa: ANN001 - an Actor (the core's; not imported at start-up)
    """Where a user lands after the log-in: the desk for complaint staff, the plan for everyone else."""
    from itatui.domain.roles import Role

    if actor.has_role(Role.ADMIN) or actor.has_role(Role.PLAN_OFFICER):
        return "plan"
    if actor.has_role(Role.COMPLAINT_OFFICER) or actor.has_role(Role.INVESTIGATOR):
        return "complaints"
    return "plan"


def shell_bindings() -> list[Binding]:
    """The app's own keys, built when the App is made so they follow the language chosen at start."""
    # The four mode keys share one footer entry ("1 2 3 4 หน้าจอ"): their names would not fit in 80 columns.
    modes = Binding.Group(t("shell.key.modes"), compact=True)
    return [
        *(
            Binding(key, f"app.mode('{mode}')", t(f"mode.{mode}"), id=f"mode.{mode}", group=modes)
            for mode, key in MODE_KEYS.items()
        ),
        Binding("y", "app.pick_year", t("key.year"), id="year"),
        Binding("ctrl+l", "app.logout", t("shell.key.logout"), id="logout", show=False),
        Binding("ctrl+o", "app.office", t("office.key.open"), id="office", show=False),
        Binding("t", "app.toggle_digits", t("key.digits"), id="digits", show=False),
        # Priority, so help opens over modal forms too (they list their own keys); an input field still gets
        # the "?" typed into it, because Textual drops bindings for keys the focused input consumes.
        Binding("question_mark", "app.help", t("key.help"), id="help", priority=True),
        Binding("f1", "app.help", show=False, priority=True),  # also in an input field, where "?" is typed
        Binding("ctrl+q", "app.quit", t("key.quit"), id="quit", priority=True),
        Binding("ctrl+c", "app.help_quit", show=False, system=True),
        Binding("ctrl+p", "app.command_palette", t("shell.key.palette"), show=False, priority=True, id="palette"),
    ]


class _SignInBase(Screen):
    """Under the log-in screen after a log-out (the start-up one sits on the app's default screen)."""

    def compose(self) -> ComposeResult:
        yield Static(t("shell.loading"), id="loading")


@dataclass(frozen=True)
class _Probe:
    users: int
    org_name: str
    demo_accounts: list[DemoLine]


class ItaApp(BackupStatus, App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "itatui"
    COMMANDS = App.COMMANDS | {ScreenCommands}
    MODES: ClassVar[dict[str, str | Callable[[], Screen]]] = dict(MODE_SCREENS)

    fiscal_year: reactive[int] = reactive(current_fiscal_year)
    thai_digits: reactive[bool] = reactive(False)

    def __init__(
        self,
        engine: Engine | None = None,
        *,
        db: str | None = None,
        demo: bool = False,
        lang: str | None = None,
        fiscal_year: int | None = None,
        backups: bool | None = None,
    ) -> None:
        """``engine``: an open database; else ``db`` (path or URL, as ``--db``; None: ``ITATUI_DB`` or the
        default file) is opened and migrated in a worker at mount — see ``close_database``."""
        if lang:
            set_language(lang)
        super().__init__()
        # Rebuilt per instance so the footer follows the language set above, not the one at import time.
        self._bindings = BindingsMap(shell_bindings())
        self._db = db
        # The daily backup and its header note: on by default when the app opens the database itself.
        self._backups = engine is None if backups is None else backups
        self._engine: Engine | None = engine
        self._opened_here = False
        self._engine_error: BaseException | None = None
        self._engine_ready = threading.Event()  # open, and the log-in's store modules imported
        self._preloaded = threading.Event()  # PRELOAD_MODULES imported (or given up)
        self._login: LoginScreen | None = None
        self.demo = demo
        self.ctx: AppContext | None = None
        self.title = t("app.title")
        from itatui.tui.shell.idle import IdleWatch

        self.idle = IdleWatch()
        if fiscal_year is not None:
            self.fiscal_year = fiscal_year

    # -- the database -----------------------------------------------------------------------------------

    @property
    def context(self) -> AppContext:
        """The log-in context; only code that runs after the log-in asks for it."""
        if self.ctx is None:
            raise RuntimeError("no one is logged in yet")
        return self.ctx

    @property
    def engine(self) -> Engine | None:
        """The database once open (always, from the log-in on); None while the start-up worker opens it."""
        return self._engine

    def wait_for_database(self) -> Engine:
        """The database, waiting for the start-up worker to open it. For worker threads only."""
        self._engine_ready.wait()
        if self._engine_error is not None or self._engine is None:
            raise RuntimeError("the database could not be opened") from self._engine_error
        return self._engine

    def close_database(self) -> None:
        """Release the database if this app opened it (``db=``); an engine passed in belongs to the caller."""
        if self._opened_here and self._engine is not None:
            self._engine.dispose()

    # -- start-up ---------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # Seen only for a moment (between the log-in and the first mode): no header or footer to build.
        yield Static(t("shell.loading"), id="loading")

    # -- toasts -----------------------------------------------------------------------------------------

    def notify(self, message: str, *, title: str = "", severity: str = "information", timeout: float | None = None, markup: bool = True) -> None:  # type: ignore[override]
        """As Textual's, and the whole screen is drawn again once the toast's time is over.

        On the project sheet, after the progress form, a "บันทึกเรียบร้อย" toast was seen to stay painted in the
        terminal until the next key (twice in seven tries), although Textual had removed it. A full redraw at
        its end (one screen of output per toast) leaves nothing stale, whatever the cause."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)  # type: ignore[arg-type]
        self.post_message(ToastShown(self.NOTIFICATION_TIMEOUT if timeout is None else timeout))  # thread-safe, as notify

    @on(ToastShown)
    def _redraw_after(self, event: ToastShown) -> None:
        self.set_timer(event.timeout + 0.3, self._redraw)

    def _redraw(self) -> None:
        try:
            self.screen.refresh()  # a full update: every line of the terminal written again
        except ScreenStackError:
            pass

    async def on_event(self, event) -> None:  # noqa: ANN001
        from textual import events

        if isinstance(event, (events.Key, events.MouseDown)):
            self.idle.touch()
        await super().on_event(event)

    def _idle_check(self) -> None:
        from itatui.tui.shell.idle import shows_personal_data

        if self.ctx is None or not self.idle.expired() or not shows_personal_data(self.screen_stack):
            return
        self.ctx = None  # the session, with the key ring it opened, is gone
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.notify(t("shell.idle_logout", minutes=f"{self.idle.limit / 60:g}"), timeout=30)
        self._login = LoginScreen(self.wait_for_database, demo_accounts=None)
        self.push_screen(self._login, self._logged_in)

    def on_mount(self) -> None:
        self.set_interval(min(30.0, self.idle.limit / 2), self._idle_check)
        self._login = LoginScreen(self.wait_for_database, demo_accounts=None)
        self.push_screen(self._login, self._logged_in)
        self._open_database()

    @work(thread=True, exclusive=True, group="startup", exit_on_error=True)
    def _open_database(self) -> None:
        # Never two threads importing the database layer at once (a package with import cycles, such as
        # SQLAlchemy, imported from two threads can fail half-initialised): the log-in worker waits for
        # ``_engine_ready``, set only after every store module it needs is imported here; the main thread
        # waits for ``_preloaded`` before it imports the first mode.
        try:
            if self._engine is None:
                from itatui.store.bootstrap import open_database

                self._engine = open_database(self._db)
                self._opened_here = True
            engine = self._engine
            from itatui.store.accounts import count_users
            from itatui.store.org import get_organisation

            users = count_users(engine)
            org = get_organisation(engine)
            accounts: list[DemoLine] = []
            if self.demo:
                from itatui.store.demo import demo_accounts_present

                accounts = [DemoLine(a.username, a.password, t(f"role.{a.role.value}")) for a in demo_accounts_present(engine)]
        except Exception as exc:
            # As before the app opened the database itself: the run ends with the reason, exit status 1 (and no
            # traceback listing local values, such as a database URL with its password).
            self._engine_error = exc
            self._preloaded.set()
            self._engine_ready.set()
            try:
                from itatui.store.file_errors import describe_db_failure

                message = describe_db_failure(exc, self._db) or t("shell.err.unexpected", reason=f"{type(exc).__name__}: {exc}")
                self.call_from_thread(self.exit, None, 1, message)
            except RuntimeError:
                pass  # the app has already closed
            return
        except BaseException as exc:
            self._engine_error = exc
            self._preloaded.set()
            raise
        finally:
            self._engine_ready.set()
        try:
            try:
                self.call_from_thread(self._start, _Probe(users, org.name if org else "", accounts))
            except RuntimeError:
                return  # the app has closed meanwhile
            from importlib import import_module

            for module in PRELOAD_MODULES:
                import_module(module)
        finally:
            self._preloaded.set()

    def _start(self, probe: _Probe) -> None:
        login = self._login
        if self.ctx is not None or login is None or not login.is_attached:
            return  # already logged in (or the log-in screen is gone): nothing left to show
        if probe.org_name:
            self.title = self._title(probe.org_name)
        if probe.users == 0:
            from itatui.tui.shell.first_run import FirstRunScreen

            self._login = None
            if self.screen is login:
                self.pop_screen()
            self.push_screen(FirstRunScreen(self.wait_for_database()), self._first_run_done)
        else:
            login.show_organisation(probe.org_name, probe.demo_accounts)

    def _title(self, org_name: str) -> str:
        return f"{org_name} {t('shell.demo_tag')}" if self.demo else org_name

    def _first_run_done(self, result) -> None:  # noqa: ANN001  (FirstRunResult; imported lazily)
        if result is None:
            return
        if result.plan_message:
            # Two lines when the plan names another organisation: that is a warning, kept up longer.
            mismatch = "\n" in result.plan_message
            self.notify(result.plan_message, timeout=20 if mismatch else 10, severity="warning" if mismatch else "information")
        self._logged_in(result.login)

    def _logged_in(self, result: LoginResult | None) -> None:
        if result is None:
            return
        self._preloaded.wait()  # the start-up worker may still be importing the modules needed below
        from itatui.tui.context import AppContext

        self._login = None
        user, org = result.user, result.org
        self.ctx = AppContext(
            engine=self.wait_for_database(),
            actor=user.actor(),
            full_name=user.full_name or user.username,
            organisation_id=org.id if org else None,
            organisation_name=org.name if org else "",
            demo=self.demo,
        )
        self.title = self._title(org.name) if org else t("app.title")
        self.action_mode(home_mode(self.ctx.actor))
        if self._backups:
            self.start_backup_status(self.ctx.engine, backup=True)

    # -- header -----------------------------------------------------------------------------------------

    def _update_sub_title(self) -> None:
        """The header line: organisation — mode · fiscal year · who is logged in."""
        if self.ctx is None:
            return
        # Short forms: the whole line must fit 80 columns beside the organisation's name.
        year = t("shell.header.fiscal_year", fy=digits(str(self.fiscal_year), self.thai_digits))
        parts = [t(f"shell.mode_short.{self.current_mode}")] if self.current_mode in MODE_KEYS else []
        self.sub_title = self.with_backup_note(" · ".join([*parts, year, self.ctx.full_name]))

    def watch_fiscal_year(self) -> None:
        self._update_sub_title()

    def watch_thai_digits(self) -> None:
        self._update_sub_title()

    # -- keys -------------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("mode", "pick_year", "toggle_digits", "logout", "office") and self.ctx is None:
            return False  # nothing to switch to before log-in: hidden from the footer and the palette
        if action == "office":
            from itatui.domain.roles import Perm

            return self.ctx.actor.can(Perm.USERS_MANAGE)  # administrators only: hidden from everyone else
        return True

    def action_mode(self, mode: str) -> None:
        if self.ctx is not None and mode in self.MODES:
            self.switch_mode(mode)
            self._update_sub_title()

    async def action_logout(self) -> None:
        """Log out (or switch user): every mode's screens are dropped, the log-in screen comes back."""
        if self.ctx is None:
            return
        while len(self.screen_stack) > 1:  # forms and pushed screens first, while they still have a user
            await self.pop_screen()
        if "signin" not in self._modes:
            self.add_mode("signin", _SignInBase)
        await self.switch_mode("signin")  # a mode of its own: the others are dropped with their screens
        for mode, factory in type(self).MODES.items():
            if mode in self._modes:
                await self.remove_mode(mode)
            self.add_mode(mode, factory)
        self.ctx = None
        self.sub_title = ""
        self._login = LoginScreen(self.wait_for_database, demo_accounts=None)
        self.push_screen(self._login, self._logged_in)
        self._probe_for_login()

    @work(thread=True, exclusive=True, group="startup", exit_on_error=False)
    def _probe_for_login(self) -> None:
        from itatui.store.accounts import count_users
        from itatui.store.org import get_organisation

        engine = self.wait_for_database()
        org = get_organisation(engine)
        accounts: list[DemoLine] = []
        if self.demo:
            from itatui.store.demo import demo_accounts_present

            accounts = [DemoLine(a.username, a.password, t(f"role.{a.role.value}")) for a in demo_accounts_present(engine)]
        self.call_from_thread(self._start, _Probe(count_users(engine), org.name if org else "", accounts))

    def action_office(self) -> None:
        from itatui.tui.office.office_screen import OfficeScreen

        if not isinstance(self.screen, OfficeScreen):
            self.push_screen(OfficeScreen())

    def action_pick_year(self) -> None:
        from itatui.tui.shell.year_picker import YearPicker

        def chosen(year: int | None) -> None:
            if year is not None:
                self.fiscal_year = year

        self.push_screen(YearPicker(self.fiscal_year, thai_digits=self.thai_digits), chosen)

    def open_reports(self, names: tuple[str, ...], *, project: int | None = None, complaint: int | None = None) -> None:
        """``p`` on a screen: the print dialog with the reports that screen lists (the seam every screen uses)."""
        if self.ctx is None:
            return
        from itatui.tui.reports import open_reports

        open_reports(self, names, project=project, complaint=complaint)

    def action_toggle_digits(self) -> None:
        self.thai_digits = not self.thai_digits

    def action_help(self) -> None:
        from itatui.tui.shell.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            screen.dismiss(None)  # "?" again closes it
            return
        self.push_screen(HelpScreen(self.screen_label(screen), key_entries(screen)))

    def screen_label(self, screen: Screen) -> str:
        """What the help title calls the current screen: the mode's name, else the screen's own title."""
        for mode, stack in self._screen_stacks.items():
            if stack and stack[0] is screen and mode in MODE_KEYS:
                return t(f"mode.{mode}")
        help_title = getattr(screen, "HELP_TITLE", "")
        if help_title:
            return t(help_title)  # a pushed screen's own name, not the organisation's (the app title)
        if screen.id == "login":
            return t("login.title")
        if screen.id == "first-run":
            return t("shell.first_run.title")
        return screen.title or self.title

    def action_help_quit(self) -> None:
        # ctrl+c no longer quits in Textual (it copies); say how to quit, in the user's language.
        self.notify(t("shell.quit_hint"), title=t("shell.quit_hint_title"))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=t("shell.palette.placeholder"), id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """App-wide palette entries: switch mode, change year, toggle digits, help, quit."""
        if self.ctx is not None:
            for mode, key in MODE_KEYS.items():
                yield SystemCommand(
                    t("shell.palette.go_to", name=t(f"mode.{mode}")), t("shell.palette.key", key=key), partial(self.action_mode, mode)
                )
            yield SystemCommand(t("shell.palette.change_year"), t("shell.palette.key", key="y"), self.action_pick_year)
            yield SystemCommand(t("shell.palette.toggle_digits"), t("shell.palette.key", key="t"), self.action_toggle_digits)
            yield SystemCommand(t("shell.key.logout"), t("shell.palette.key", key="ctrl+l"), self.action_logout)
            if self.check_action("office", ()):
                yield SystemCommand(t("office.title"), t("shell.palette.key", key="ctrl+o"), self.action_office)
        yield SystemCommand(t("shell.palette.help"), t("shell.palette.key", key="?"), self.action_help)
        yield SystemCommand(t("shell.palette.quit"), t("shell.palette.key", key="ctrl+q"), self.action_quit)

    @property
    def lang(self) -> str:
        return language()
