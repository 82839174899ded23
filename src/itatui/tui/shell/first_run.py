"""First run on an empty database: the organisation, its first administrator, optionally a plan document.

Every problem is shown at once next to its field; a failed save keeps everything typed. Saving runs in a
worker and ends logged in as the new administrator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from itatui.domain.validation import FieldProblem, Problems
from itatui.i18n import t
from itatui.tui.shell.login import LoginResult
from itatui.tui.widgets.title_bar import TitleBar
from sqlalchemy.engine import Engine
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Static
from textual.worker import Worker, WorkerState

_USERNAME = re.compile(r"^[A-Za-z0-9._-]+$")

# (field id, label key, required, password)
FIELDS: tuple[tuple[str, str, bool, bool], ...] = (
    ("org_name", "shell.first_run.org_name", True, False),
    ("district", "shell.first_run.district", False, False),
    ("province", "shell.first_run.province", False, False),
    ("username", "login.username", True, False),
    ("full_name", "shell.first_run.full_name", True, False),
    ("password", "login.password", True, True),
    ("password2", "shell.first_run.password_again", True, True),
    ("plan_path", "shell.first_run.plan_path", False, False),
)


@dataclass(frozen=True)
class FirstRunData:
    org_name: str
    district: str
    province: str
    username: str
    full_name: str
    password: str
    password2: str
    plan_path: str


@dataclass(frozen=True)
class FirstRunResult:
    login: LoginResult
    plan_message: str  # what the plan import said (empty when no plan was given)


def validate(data: FirstRunData) -> list[FieldProblem]:
    """Every problem of the form at once (field ids as in ``FIELDS``)."""
    from itatui.store.accounts import MIN_PASSWORD
    from itatui.store.org import validate as validate_org

    p = Problems()
    for problem in validate_org(data.org_name, data.district, data.province):
        p.add("org_name" if problem.field == "name" else problem.field, problem.key, **problem.params)
    username = data.username.strip()
    if p.check(bool(username), "username", "err.required"):
        p.check(bool(_USERNAME.match(username)) and len(username) <= 60, "username", "shell.err.username_chars")
    p.check(bool(data.full_name.strip()), "full_name", "err.required")
    if p.check(len(data.password) >= MIN_PASSWORD, "password", "err.password_short", n=MIN_PASSWORD):
        p.check(data.password == data.password2, "password2", "shell.err.passwords_differ")
    if data.plan_path.strip():
        p.check(Path(data.plan_path.strip()).expanduser().is_file(), "plan_path", "shell.err.no_such_file")
    return p.items


class FirstRunScreen(Screen[FirstRunResult]):
    BINDINGS = [Binding("ctrl+s", "save", t("key.save"))]

    def __init__(self, engine: Engine) -> None:
        super().__init__(id="first-run")
        self.engine = engine
        self._in_error: set[str] = set()  # fields whose error line is shown

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="first-run-form"):
            yield Static(t("shell.first_run.title"), classes="form-title")
            yield Static(t("shell.first_run.intro"), classes="form-intro")
            for field_id, label_key, required, password in FIELDS:
                with Horizontal(classes="form-row"):
                    yield Label(t(label_key) + (" *" if required else ""), classes="field-label")
                    yield Input(id=field_id, password=password, compact=True)
                yield Static("", id=f"{field_id}-error", classes="field-error")
            yield Static("", id="form-status", classes="error")
            yield Button(t("shell.first_run.submit"), id="first-run-submit", variant="primary", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#org_name", Input).focus()

    def data(self) -> FirstRunData:
        return FirstRunData(**{f: self.query_one(f"#{f}", Input).value for f, *_ in FIELDS})

    @on(Input.Changed)
    def _recheck(self, event: Input.Changed) -> None:
        """A field shown in error is checked again as it is typed: its error line goes once it is fixed (new
        errors appear only on saving, not while typing)."""
        # (Textual's Input resets its own "-invalid" class on every change, so the fields in error are kept here.)
        if event.input.id not in self._in_error:
            return
        still = {p.field for p in validate(self.data())}
        for field_id in sorted(self._in_error - still):
            self.query_one(f"#{field_id}", Input).remove_class("-invalid")
            error = self.query_one(f"#{field_id}-error", Static)
            error.update("")
            error.remove_class("-shown")
        self._in_error &= still

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        # Enter moves on like Tab; Enter on the last field saves.
        if event.input.id == FIELDS[-1][0]:
            self.action_save()
        else:
            self.focus_next()

    @on(Button.Pressed, "#first-run-submit")
    def action_save(self) -> None:
        if self.query_one("#first-run-submit", Button).disabled:
            return  # already saving
        data = self.data()
        problems = validate(data)
        self._show_problems(problems)
        if problems:
            self.query_one("#form-status", Static).update(t("err.form_has_errors", n=len(problems)))
            self.query_one(f"#{problems[0].field}", Input).focus()
            return
        self.query_one("#form-status", Static).update(t("shell.first_run.saving"))
        self.query_one("#first-run-submit", Button).disabled = True
        self._save(data)

    def _show_problems(self, problems: list[FieldProblem]) -> None:
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            by_field.setdefault(problem.field, []).append(t(problem.key, **problem.params))
        self._in_error = set(by_field)
        for field_id, *_ in FIELDS:
            messages = by_field.get(field_id, [])
            error = self.query_one(f"#{field_id}-error", Static)
            error.update("; ".join(messages))
            error.set_class(bool(messages), "-shown")
            self.query_one(f"#{field_id}", Input).set_class(bool(messages), "-invalid")

    @work(thread=True, exclusive=True, group="first-run", exit_on_error=False)
    def _save(self, data: FirstRunData) -> FirstRunResult | None:
        """The result once saved (the screen is dismissed when the worker is over, see below); None after
        showing why not."""
        from itatui.domain.roles import Role
        from itatui.domain.validation import ValidationError
        from itatui.store.accounts import AccountError, authenticate, count_users, create_user
        from itatui.store.org import save_organisation

        try:
            # Read the plan first: a file that is not a plan is refused before anything is written.
            parsed = _read_plan(data.plan_path.strip()) if data.plan_path.strip() else None
            if count_users(self.engine) == 0:
                admin = create_user(
                    self.engine, None, data.username, data.password, {Role.ADMIN}, data.full_name, first_admin=True  # type: ignore[arg-type]
                )
            else:
                # Set-up interrupted after the account was made (or re-run): that administrator must log in.
                admin = authenticate(self.engine, data.username, data.password)
            org = save_organisation(self.engine, admin.actor(), data.org_name, data.district, data.province)
            plan_message = _import_plan(self.engine, admin.actor(), parsed, org) if parsed is not None else ""
            user = authenticate(self.engine, data.username, data.password)
        except ValidationError as exc:
            self.app.call_from_thread(self._failed, exc.problems, "")
            return None
        except AccountError as exc:
            self.app.call_from_thread(self._failed, [], t(exc.key, **exc.params))
            return None
        except Exception as exc:
            self.app.call_from_thread(self._failed, [], t("err.save_failed", reason=type(exc).__name__))
            raise
        return FirstRunResult(LoginResult(user, org), plan_message)

    @on(Worker.StateChanged)
    def _saved(self, event: Worker.StateChanged) -> None:
        # Dismissed from here, when the worker is over: dismissed from inside it, the worker waited for its own
        # screen to be removed, and the removal cancelled it (as LoginScreen explains).
        result = event.worker.result if event.state == WorkerState.SUCCESS else None
        if event.worker.group == "first-run" and isinstance(result, FirstRunResult) and self.app.screen is self:
            self.dismiss(result)

    def _failed(self, problems: list[FieldProblem], message: str) -> None:
        fields = {f for f, *_ in FIELDS}
        problems = [p if p.field in fields else FieldProblem("org_name", p.key, p.params) for p in problems]
        self._show_problems(problems)
        self.query_one("#form-status", Static).update(message or t("err.form_has_errors", n=len(problems)))
        self.query_one("#first-run-submit", Button).disabled = False


def _read_plan(path: str):  # noqa: ANN202  (ParsedPlan; the importer is imported only when a plan is given)
    """Parse the document; its refusal becomes a problem of the plan-file field."""
    from itatui.domain.validation import ValidationError
    from itatui.importers import PlanFormatError, parse_plan_file

    try:
        return parse_plan_file(Path(path).expanduser())
    except PlanFormatError as exc:
        raise ValidationError([FieldProblem("plan_path", exc.key, dict(exc.params))]) from None
    except OSError:
        raise ValidationError([FieldProblem("plan_path", "shell.err.no_such_file")]) from None


def _import_plan(engine: Engine, actor, parsed, org) -> str:  # noqa: ANN001
    """Store the plan under the organisation just entered (even if the document spells its name otherwise, so
    the database keeps one organisation). Returns the line for the notification."""
    from itatui.domain.eplan import PlanError
    from itatui.store.plan.importing import import_plan

    try:
        summary = import_plan(engine, actor, parsed, organisation_id=org.id)
    except PlanError as exc:
        # The organisation and the administrator are saved; the plan can be imported later from the CLI.
        return t("shell.first_run.plan_failed", reason=t(exc.key, **exc.params))
    message = t("shell.first_run.plan_imported", projects=summary.projects, findings=len(parsed.findings))
    from itatui.store.plan.findings import same_organisation

    named = parsed.organisation.name
    if named and not same_organisation(named, org.name):
        message += "\n" + t("import.finding.organisation_differs", document=named, organisation=org.name)
    return message
