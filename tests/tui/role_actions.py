"""The TUI half of the role table (tests/ops/test_role_matrix.py has the core and CLI halves): every screen action,
the roles that may do it, an office to do it in, and the probe that presses the key as each role.

``SCREEN`` is the specification, written from what each role is for (the same roles as the core table, and
consistent with it), not read off ``ROLE_PERMS``. A role in the set sees the key (the binding is active) and
pressing it opens the form or does the thing; any other role does not get the key at all, or gets a Thai
refusal when pressing it, and the database does not change.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import select
from textual.widgets import Input

from itatui.domain.roles import Role
from tests.tui.pilot_util import settle, wait_until

A, P, D, I, S, V = Role.ADMIN, Role.PLAN_OFFICER, Role.COMPLAINT_OFFICER, Role.INVESTIGATOR, Role.COMMITTEE_SECRETARY, Role.VIEWER
EVERYONE = frozenset({A, P, D, I, S, V})
PLAN_STAFF = frozenset({A, P})  # the plan and the risk register (the same office keeps both)
DESK = frozenset({A, D})  # general complaints
CORRUPTION = frozenset({A, D, I})  # corruption complaints (the investigator works only these)
SECRETARY = frozenset({A, S})  # the salary committees' records

# screen action -> the roles that may do it
SCREEN: dict[str, frozenset[Role]] = {
    # 1 plan table
    "plan.open_sheet": EVERYONE,
    "plan.summary": EVERYONE,
    "plan.findings": EVERYONE,
    "plan.print": EVERYONE,
    "plan.new": PLAN_STAFF,
    "plan.edit": PLAN_STAFF,
    "plan.progress": PLAN_STAFF,
    "plan.targets": PLAN_STAFF,
    "progress.unlock": frozenset({A}),
    # project sheet
    "sheet.print": EVERYONE,
    "sheet.edit": PLAN_STAFF,
    "sheet.progress": PLAN_STAFF,
    # 2 risk register and a risk
    "risk.open": EVERYONE,
    "risk.heat": EVERYONE,
    "risk.filters": EVERYONE,
    "risk.compare": EVERYONE,
    "risk.print": EVERYONE,
    "risk.new": PLAN_STAFF,
    "risk.year_copy": PLAN_STAFF,
    "risk.matrix": PLAN_STAFF,
    "risk.settings": PLAN_STAFF,
    "riskd.edit": PLAN_STAFF,
    "riskd.add_control": PLAN_STAFF,
    "riskd.edit_control": PLAN_STAFF,
    "riskd.delete_control": PLAN_STAFF,
    # 3 complaint queue, statistics, tracking lookup
    "desk.open_case": EVERYONE,
    "desk.filters": EVERYONE,
    "desk.lookup": EVERYONE,
    "desk.stats": EVERYONE,
    "desk.print": EVERYONE,
    "desk.print_case_summary": frozenset({I}),
    "stats.round": EVERYONE,
    "stats.publish": EVERYONE,
    "stats.print": EVERYONE,
    "desk.new": CORRUPTION,
    "intake.general": DESK,
    "intake.corruption": CORRUPTION,
    # a general complaint's case
    "case.receipt": EVERYONE,
    "case.forward": DESK,
    "case.assign": DESK,
    "case.investigate": DESK,
    "case.note": DESK,
    "case.notice": DESK,
    "case.delay": DESK,
    "case.result": DESK,
    "case.evidence": DESK,
    "case.link": DESK,
    "case.close": DESK,
    # a corruption complaint's case
    "corruption.open_case": CORRUPTION,
    "corruption.note": CORRUPTION,
    "corruption.investigate": CORRUPTION,
    "corruption.reveal": frozenset({I}),
    # 4 committees
    "committee.checks": EVERYONE,
    "committee.print": EVERYONE,
    "committee.open_round": SECRETARY,
    "committee.rules": SECRETARY,
    "committee.survey": SECRETARY,
    "committee.staff_add": SECRETARY,
    "committee.staff_edit": SECRETARY,
    "committee.staff_import": SECRETARY,
    "committee.decide": SECRETARY,
    "committee.assess": SECRETARY,
    "committee.grievance": SECRETARY,
    "committee.order": SECRETARY,
    "committee.member_add": SECRETARY,
    "committee.member_remove": SECRETARY,
    "committee.meeting_new": SECRETARY,
    "committee.meeting_edit": SECRETARY,
    "committee.attendees": SECRETARY,
    "committee.minutes": SECRETARY,
    "committee.conflict_propose": SECRETARY,
    "committee.conflict_confirm": SECRETARY,
    "committee.conflict_add": SECRETARY,
    "committee.conflict_withdrew": SECRETARY,
    "committee.conflict_dismiss": SECRETARY,
    # the public kiosk (itatui kiosk): staff at the desk leave it with their password
    "kiosk.exit": frozenset({A, D}),
    # ctrl+o units and contact details
    "office.open": frozenset({A}),
    "office.add": frozenset({A}),
    "office.rename": frozenset({A}),
    "office.retire": frozenset({A}),
    "office.contact": frozenset({A}),
}

USERS = {A: ("admin", "demo-admin"), P: ("plan", "demo-plan"), D: ("desk", "demo-desk"),
         I: ("investigator", "demo-investigator"), S: ("secretary", "demo-secretary"), V: ("viewer", "demo-viewer")}
ROLES = sorted(EVERYONE, key=str)
YEAR = 2569  # the app's fiscal year in these tests: a past year of the demo plan, with a committee round


@dataclass(frozen=True)
class Office:
    """The demo database with something to act on; each test works on its own copy of ``path``."""

    path: Path
    locked_project: int  # its YEAR annual report is done: the year is locked
    general: str  # tracking code of an open general complaint
    told: str  # tracking code of a general complaint whose result was told (it may be closed)
    corruption: str  # tracking code of an open corruption complaint with a sealed identity


def build_office(folder: Path) -> Office:
    from datetime import date

    from itatui.store import committees as CM
    from itatui.store import complaints as C
    from itatui.store import plan as PL
    from itatui.store.accounts import authenticate
    from itatui.store.bootstrap import open_database
    from itatui.store.demo import prepare_demo
    from itatui.store.plan import progress as PR
    from tests.committee_fixtures import office, score_and_screen

    path = folder / "office.db"
    engine = open_database(str(path))
    try:
        prepare_demo(engine)
        admin = authenticate(engine, *USERS[A]).actor()
        desk = authenticate(engine, *USERS[D]).actor()
        plan = PL.current_plan(engine, admin)
        project = PL.list_project_rows(engine, admin, plan.id, limit=1).rows[0].id
        PR.save_progress(engine, admin, project, YEAR, 2, PR.ProgressEdit(None, None, None, "done"))

        def made(kind: str, subject: str, **named: str) -> C.CreatedComplaint:
            return C.create_complaint(engine, desk, C.ComplaintDraft(
                kind=kind, channel="walk_in", subject=subject, accused="ปลัดเทศบาล" if kind == "corruption" else "",
                anonymous=not named, **named))

        general = made("general", "ไฟถนนดับหน้าวัดกลาง")
        told = made("general", "ท่อระบายน้ำอุดตันซอย ๓")
        C.record_result(engine, desk, told.id, "concluded", "ล้างท่อแล้ว", notice_date=date.today())
        corruption = made("corruption", "เรียกรับเงินค่าใบอนุญาต", complainant_name="นายสมชาย ใจกล้า")

        o = office(engine, admin, n=6, fy=YEAR)
        e = score_and_screen(engine, o.secretary, o.round.id, "S004", "85")
        decision = CM.DecisionDraft(steps="0.5", amount="450", meeting_id=o.meeting.id, told_on="1/4/2569")
        CM.decide(engine, o.secretary, e.id, decision)  # a grievance needs a decision told
        proposed = CM.propose_conflicts(engine, o.secretary, o.round.id)
        assert len(proposed) >= 2, proposed  # one confirmed (a withdrawal is recorded on it), one left proposed
        relation = "self" if proposed[0].relation == "self" else "sibling"
        CM.resolve_conflict(engine, o.secretary, proposed[0].id, confirm=True, relation=relation)
        return Office(path, project, general.tracking_code, told.tracking_code, corruption.tracking_code)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def role_office(tmp_path_factory: pytest.TempPathFactory) -> Office:
    from itatui.store.accounts import sealing

    with pytest.MonkeyPatch.context() as mp:  # as the autouse fixture does for each test: a cheap Argon2 for the seals
        mp.setattr(sealing, "KDF_COST", (1, 1024))
        return build_office(tmp_path_factory.mktemp("role-office"))


@pytest.fixture
def office_copy(role_office: Office, tmp_path: Path):
    """An engine on this test's own copy of the office (allowed roles really do things)."""
    from itatui.store.bootstrap import open_database

    for suffix in ("", ".anchor"):
        source = Path(str(role_office.path) + suffix)
        if source.exists():
            shutil.copy(source, tmp_path / (source.name))
    engine = open_database(str(tmp_path / role_office.path.name))
    yield engine
    engine.dispose()


def audit_count(engine) -> int:  # noqa: ANN001
    from itatui.store.db import session_scope
    from itatui.store.models import AuditLog

    with session_scope(engine) as s:
        return int(s.exec(select(func.count()).select_from(AuditLog)).one())


async def log_in(pilot, role: Role) -> None:  # noqa: ANN001
    from itatui.tui.shell.login import LoginScreen

    app = pilot.app
    await wait_until(pilot, lambda: isinstance(app.screen, LoginScreen) and app.engine is not None, what="the log-in screen")
    await settle(pilot)
    username, password = USERS[role]
    app.screen.query_one("#username", Input).value = username
    field = app.screen.query_one("#password", Input)
    field.value = password
    field.focus()
    await pilot.press("enter")
    await wait_until(pilot, lambda: app.ctx is not None, timeout=30, what="the log-in")
    await settle(pilot)


def messages(app, since: set[str] | None = None) -> dict[str, str]:  # noqa: ANN001
    """The notifications on show (by identity; ``since``: only those not among these identities)."""
    return {n.identity: str(n.message) for n in app._notifications if since is None or n.identity not in since}


async def back_to(pilot, screen) -> None:  # noqa: ANN001
    """Close whatever the probe opened (a form asks before dropping typed text: discard)."""
    from itatui.tui.widgets.confirm_discard import ConfirmDiscard

    for _ in range(6):
        if pilot.app.screen is screen:
            return
        await pilot.press("y" if isinstance(pilot.app.screen, ConfirmDiscard) else "escape")
        await settle(pilot)
    assert pilot.app.screen is screen, f"could not get back from {pilot.app.screen!r}"


class Prober:
    """Presses each action's key as one role and checks the outcome against ``SCREEN``."""

    def __init__(self, pilot, role: Role, engine) -> None:  # noqa: ANN001
        self.pilot, self.role, self.engine = pilot, role, engine
        self.done: list[str] = []
        self.before: set[str] = set()
        self.audited = 0

    def said(self) -> str:
        """What the notifications said since the key was pressed."""
        return " ".join(messages(self.pilot.app, self.before).values())

    def changed(self) -> bool:
        """The key changed the database (an audit record was written)."""
        return audit_count(self.engine) > self.audited

    def allowed(self, action: str) -> bool:
        return self.role in SCREEN[action]

    async def __call__(self, action: str, key: str, opened: Callable[[], bool], *, own: bool = True, close: bool = True,
                       refusal: bool = True, said: Callable[[], str] | None = None) -> bool:
        """Press ``key`` for ``action``; True when this role may do it (and it was done).

        ``opened``: what the user sees once the action ran; ``own``: the key is the action's own binding (False for
        a table's enter, which opens whatever row is chosen); ``close``: go back to the screen afterwards;
        ``refusal``: a refused key that is offered must say why when pressed (False: the key is a table's own and
        is ignored); ``said``: where the screen says it (default: a notification).

        Refused, the action's own key is hidden or greyed in the footer (the documented rule), never offered.
        """
        pilot, app = self.pilot, self.pilot.app
        base = app.screen
        active = base.active_bindings.get(key)
        offered = active is not None and active.enabled
        before, audited = set(messages(app)), audit_count(self.engine)
        self.before, self.audited = before, audited  # for ``opened`` of an action that changes data directly
        await pilot.press(key)
        self.done.append(action)
        if self.allowed(action):
            assert offered, f"{self.role}: {action} ({key}) is not offered"
            try:
                await wait_until(pilot, opened, timeout=20, what=f"{self.role}: {action} ({key})")
            except AssertionError as exc:
                raise AssertionError(f"{exc}; on screen: {app.screen!r}; said: {self.said()!r}") from None
            await settle(pilot)
            if close:
                await back_to(pilot, base)
            return True
        await settle(pilot)
        assert app.screen is base and not opened(), f"{self.role} could {action} ({key})"
        assert not (own and offered), f"{self.role}: {action} ({key}) is offered (not greyed or hidden)"
        if active is not None and refusal:
            told = said or (lambda: " ".join(messages(app, before).values()))
            await wait_until(pilot, lambda: "สิทธิ์" in told(), timeout=10,
                             what=f"{self.role}: a refusal for {action} ({key})")
        assert audit_count(self.engine) == audited, f"{self.role}: {action} ({key}) changed the database"
        return False
