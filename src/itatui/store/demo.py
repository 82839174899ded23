"""The demo database: the Khemarat plan from the shipped seed data and one account per role.

The passwords are published on the demo log-in screen on purpose: the demo database is for trying the app,
never for real records.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlmodel import select

from itatui.domain.roles import Actor, Role
from itatui.store.db import session_scope


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: Role
    full_name: str


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("admin", "demo-admin", Role.ADMIN, "ผู้ดูแลระบบ (ทดลอง)"),
    DemoAccount("plan", "demo-plan", Role.PLAN_OFFICER, "นางสาวแผนงาน ทดลองใช้"),
    DemoAccount("desk", "demo-desk", Role.COMPLAINT_OFFICER, "นายรับเรื่อง ทดลองใช้"),
    DemoAccount("investigator", "demo-investigator", Role.INVESTIGATOR, "นายตรวจสอบ ทดลองใช้"),
    DemoAccount("secretary", "demo-secretary", Role.COMMITTEE_SECRETARY, "นางเลขานุการ ทดลองใช้"),
    DemoAccount("viewer", "demo-viewer", Role.VIEWER, "นายผู้อ่าน ทดลองใช้"),
)


def _make_investigator(engine: Engine, admin_actor: Actor, account: DemoAccount) -> None:
    """The investigator role carries a key pair sealed with the person's own password, so it cannot be set
    like other roles: make a plain account, then the administrator's one-time grant of the first investigator."""
    from itatui.store.accounts import create_user
    from itatui.store.complaints.identity import bootstrap_investigator

    create_user(engine, admin_actor, account.username, account.password, frozenset(), account.full_name, published_password=True)
    bootstrap_investigator(engine, admin_actor, account.username, account.password)


def demo_accounts_present(engine: Engine) -> list[DemoAccount]:
    """The demo accounts that exist in this database (what the log-in screen lists)."""
    from itatui.store.models import User

    with session_scope(engine) as s:
        names = set(s.exec(select(User.username)).all())
    return [a for a in DEMO_ACCOUNTS if a.username in names]


def is_demo_database(engine: Engine) -> bool:
    """Only demo accounts, and the demo administrator still has the published password: a real database whose
    administrator happens to be called "admin" is never mistaken for a demo."""
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    from itatui.store.models import User

    demo_names = {a.username for a in DEMO_ACCOUNTS}
    with session_scope(engine) as s:
        users = {u.username: u.password_hash for u in s.exec(select(User)).all()}
    if not users or not set(users) <= demo_names or DEMO_ACCOUNTS[0].username not in users:
        return False
    try:
        return PasswordHasher().verify(users[DEMO_ACCOUNTS[0].username], DEMO_ACCOUNTS[0].password)
    except (VerificationError, InvalidHashError):
        return False


def _has_plan(engine: Engine) -> bool:
    from itatui.store.models import Plan

    with session_scope(engine) as s:
        return s.exec(select(Plan.id).limit(1)).first() is not None


def prepare_demo(engine: Engine) -> list[DemoAccount]:
    """Make ``engine``'s database a demo database (idempotent): accounts first, then the plan if missing.

    Refuses a database that is not a demo one (see ``is_demo_database``), so a real database is never seeded.
    """
    from itatui.store.accounts import AccountError, count_users, create_user

    if count_users(engine) == 0:
        admin = DEMO_ACCOUNTS[0]
        info = create_user(engine, None, admin.username, admin.password, {admin.role}, admin.full_name, first_admin=True,  # type: ignore[arg-type]
                           published_password=True)
        actor = info.actor()
        for account in DEMO_ACCOUNTS[1:]:
            if account.role is Role.INVESTIGATOR:
                _make_investigator(engine, actor, account)
            else:
                create_user(engine, actor, account.username, account.password, {account.role}, account.full_name,
                            published_password=True)
    elif not is_demo_database(engine):
        raise AccountError("shell.err.not_demo_db")
    if not _has_plan(engine):
        from itatui.store.seed import seed_demo_plan

        seed_demo_plan(engine)
    if not _has_complaints(engine):
        from itatui.store.complaints.seed import seed_complaints

        # A queue with some history (several fiscal years, every status) makes the desk screens worth trying.
        seed_complaints(engine, DEMO_COMPLAINTS, seed=2569)
    return demo_accounts_present(engine)


DEMO_COMPLAINTS = 240


def _has_complaints(engine: Engine) -> bool:
    from itatui.store.models import Complaint

    with session_scope(engine) as s:
        return s.exec(select(Complaint.id).limit(1)).first() is not None
