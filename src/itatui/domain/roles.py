"""Roles and what each may see and change. The store checks these on every call; the UI only mirrors them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from itatui.present.errors import UserError


class Role(StrEnum):
    ADMIN = "admin"
    PLAN_OFFICER = "plan_officer"
    COMPLAINT_OFFICER = "complaint_officer"
    INVESTIGATOR = "investigator"  # corruption-complaint investigator
    COMMITTEE_SECRETARY = "committee_secretary"
    VIEWER = "viewer"


class Perm(StrEnum):
    PLAN_VIEW = "plan.view"
    PLAN_EDIT = "plan.edit"
    PLAN_IMPORT = "plan.import"
    PROGRESS_EDIT = "progress.edit"
    PROGRESS_UNLOCK = "progress.unlock"
    RISK_VIEW = "risk.view"
    RISK_EDIT = "risk.edit"
    COMPLAINT_VIEW = "complaint.view"  # the queue, without personal data
    COMPLAINT_EDIT = "complaint.edit"  # intake, forwarding, notices, closing
    COMPLAINT_PERSONAL = "complaint.personal"  # complainant of a general complaint
    CORRUPTION_VIEW = "corruption.view"  # corruption cases (identity stays sealed)
    CORRUPTION_EDIT = "corruption.edit"
    CORRUPTION_REVEAL = "corruption.reveal"  # open the sealed identity (needs own key too)
    INVESTIGATOR_GRANT = "investigator.grant"
    COMMITTEE_VIEW = "committee.view"
    COMMITTEE_EDIT = "committee.edit"
    USERS_MANAGE = "users.manage"
    STATS_VIEW = "stats.view"
    KIOSK_EXIT = "kiosk.exit"  # leave the public kiosk (staff at the desk)


_VIEW = {Perm.PLAN_VIEW, Perm.RISK_VIEW, Perm.COMPLAINT_VIEW, Perm.STATS_VIEW, Perm.COMMITTEE_VIEW}

ROLE_PERMS: dict[Role, frozenset[Perm]] = {
    Role.VIEWER: frozenset(_VIEW),
    # The plan officer keeps the risk register too: in a municipality the same office prepares the plan and the
    # risk assessment, and the controls are the plan's own projects (a separate risk role would split one job).
    Role.PLAN_OFFICER: frozenset(_VIEW | {Perm.PLAN_EDIT, Perm.PLAN_IMPORT, Perm.PROGRESS_EDIT, Perm.RISK_EDIT}),
    Role.COMPLAINT_OFFICER: frozenset(
        _VIEW
        | {Perm.COMPLAINT_EDIT, Perm.COMPLAINT_PERSONAL, Perm.CORRUPTION_VIEW, Perm.CORRUPTION_EDIT, Perm.KIOSK_EXIT}
    ),
    Role.INVESTIGATOR: frozenset(
        _VIEW
        | {Perm.CORRUPTION_VIEW, Perm.CORRUPTION_EDIT, Perm.CORRUPTION_REVEAL, Perm.INVESTIGATOR_GRANT}
    ),
    Role.COMMITTEE_SECRETARY: frozenset(_VIEW | {Perm.COMMITTEE_EDIT}),
    # The administrator runs the system but, by design, cannot read a corruption complainant's identity.
    Role.ADMIN: frozenset(
        set(Perm) - {Perm.CORRUPTION_REVEAL, Perm.INVESTIGATOR_GRANT, Perm.COMPLAINT_PERSONAL}
    ),
}


def parse_roles(text: str) -> frozenset[Role]:
    out = set()
    for part in (text or "").split(","):
        part = part.strip()
        if part:
            out.add(Role(part))
    return frozenset(out)


@dataclass(frozen=True)
class Actor:
    """Who is acting: passed to every store call that reads or changes protected data."""

    user_id: int | None
    username: str
    roles: frozenset[Role] = field(default_factory=frozenset)
    # The complaint officers' key ring, opened by this person's password at log-in (memory only; store.keyring).
    ring_key: bytes | None = field(default=None, repr=False, compare=False)

    def can(self, perm: Perm) -> bool:
        return any(perm in ROLE_PERMS[r] for r in self.roles)

    def has_role(self, role: Role) -> bool:
        return role in self.roles


SYSTEM = Actor(user_id=None, username="system", roles=frozenset({Role.ADMIN}))


class PermissionDenied(UserError, PermissionError):
    """Refused by the core's permission check; says so in the user's language (which permission is in ``perm``)."""

    def __init__(self, perm: Perm):
        super().__init__("err.permission")
        self.perm = perm


class AccountRevoked(PermissionDenied):
    """The account behind a session was disabled or lost a role since log-in: the core refuses (log in again)."""

    def __init__(self) -> None:
        PermissionError.__init__(self, "account disabled or roles changed since log-in")
        self.perm = None  # type: ignore[assignment]


def require(actor: Actor, perm: Perm) -> None:
    if not actor.can(perm):
        raise PermissionDenied(perm)
