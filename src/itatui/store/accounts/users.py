"""Users, log-in with slow-down on repeated failures, roles. Passwords are hashed with argon2id."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.engine import Engine
from sqlmodel import col, delete, func, select

from itatui.domain.roles import Actor, Perm, Role, parse_roles, require
from itatui.store import audit
from itatui.store.accounts import keys
from itatui.store.db import session_scope, write_scope
from itatui.store.models import ComplaintKey, User
from itatui.store.models.base import utcnow

_hasher = PasswordHasher()

MIN_PASSWORD = 8
FREE_FAILURES = 3  # failures allowed before the delay starts
MAX_DELAY = timedelta(minutes=15)


class AccountError(Exception):
    """A refusal fit to show; ``key`` is a message-catalogue key, ``params`` fill it."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    roles: frozenset[Role]
    active: bool
    last_login: datetime | None
    has_key: bool

    def actor(self) -> Actor:
        return Actor(self.id, self.username, self.roles)


def _info(u: User) -> UserInfo:
    return UserInfo(
        id=u.id or 0,
        username=u.username,
        full_name=u.full_name,
        roles=parse_roles(u.roles),
        active=u.active,
        last_login=u.last_login,
        has_key=u.private_key_sealed is not None,
    )


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError("err.password_short", n=MIN_PASSWORD)


def count_users(engine: Engine) -> int:
    with session_scope(engine) as s:
        return s.exec(select(func.count()).select_from(User)).one()


def create_user(
    engine: Engine,
    actor: Actor,
    username: str,
    password: str,
    roles: set[Role] | frozenset[Role],
    full_name: str = "",
    *,
    first_admin: bool = False,
) -> UserInfo:
    """Add an account. ``first_admin`` is allowed only while the database has no user (first-run set-up)."""
    username = username.strip()
    if not username:
        raise AccountError("err.required_field", field="username")
    check_password_strength(password)
    if Role.INVESTIGATOR in roles:
        # The investigator role comes with a key pair that only an existing investigator can grant.
        raise AccountError("err.investigator_grant_only")
    with write_scope(engine) as s:
        if first_admin:
            if s.exec(select(func.count()).select_from(User)).one():
                raise AccountError("err.first_admin_exists")
        else:
            require(actor, Perm.USERS_MANAGE)
        if s.exec(select(User).where(User.username == username)).first():
            raise AccountError("err.username_taken", username=username)
        user = User(
            username=username,
            full_name=full_name.strip(),
            password_hash=hash_password(password),
            roles=",".join(sorted(r.value for r in roles)),
        )
        s.add(user)
        s.flush()
        who = Actor(user.id, user.username, frozenset(roles)) if first_admin else actor
        audit.record(s, who, "create", "user", user.id, after={"username": username, "roles": user.roles})
        return _info(user)


def list_users(engine: Engine, actor: Actor) -> list[UserInfo]:
    require(actor, Perm.USERS_MANAGE)
    with session_scope(engine) as s:
        return [_info(u) for u in s.exec(select(User).order_by(col(User.username))).all()]


def get_user(engine: Engine, username: str) -> UserInfo | None:
    with session_scope(engine) as s:
        u = s.exec(select(User).where(User.username == username)).first()
        return _info(u) if u else None


def _delay_for(failures: int) -> timedelta:
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(MAX_DELAY, timedelta(seconds=2 ** (failures - FREE_FAILURES + 1)))


def authenticate(engine: Engine, username: str, password: str, *, now: datetime | None = None) -> UserInfo:
    """Check a log-in. After 3 failures each further attempt must wait 2, 4, 8 … seconds (at most 15 minutes);
    an attempt inside the wait is refused without checking the password."""
    now = now or utcnow()
    with write_scope(engine) as s:
        user = s.exec(select(User).where(User.username == username.strip())).first()
        if user is None or not user.active:
            _hasher.hash(password)  # same cost either way, so timing does not reveal which usernames exist
            raise AccountError("err.login_failed")
        if user.locked_until and user.locked_until > now:
            raise AccountError("err.login_wait", seconds=int((user.locked_until - now).total_seconds()) + 1)
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            user.failed_logins += 1
            delay = _delay_for(user.failed_logins)
            user.locked_until = now + delay if delay else None
            s.add(user)
            audit.record(s, Actor(user.id, user.username), "login_failed", "user", user.id)
            # Commit the failure count even though we refuse: the context manager commits on normal exit.
            failed = AccountError("err.login_failed")
        else:
            failed = None
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            user.failed_logins = 0
            user.locked_until = None
            user.last_login = now
            s.add(user)
            audit.record(s, Actor(user.id, user.username, parse_roles(user.roles)), "login", "user", user.id)
    if failed:
        raise failed
    return _info(user)


def change_password(engine: Engine, actor: Actor, username: str, new_password: str, old_password: str | None = None) -> None:
    """A user changes their own password (old one required); an administrator may reset another's — which
    cannot reseal that user's investigator key, so an investigator's key is then lost and must be re-granted."""
    check_password_strength(new_password)
    with write_scope(engine) as s:
        user = s.exec(select(User).where(User.username == username)).first()
        if user is None:
            raise AccountError("err.no_such_user", username=username)
        own = actor.user_id == user.id
        if own:
            if old_password is None:
                raise AccountError("err.old_password_needed")
            try:
                _hasher.verify(user.password_hash, old_password)
            except (VerificationError, InvalidHashError):
                raise AccountError("err.old_password_wrong") from None
            keys.reseal_on_password_change(user, old_password, new_password)  # the investigator key, if any
        else:
            require(actor, Perm.USERS_MANAGE)
            if user.private_key_sealed is not None:
                user.private_key_sealed = None
                user.public_key = None
        user.password_hash = hash_password(new_password)
        user.failed_logins = 0
        user.locked_until = None
        s.add(user)
        audit.record(s, actor, "passwd", "user", user.id, after={"username": username, "by_self": own})


def set_active(engine: Engine, actor: Actor, username: str, active: bool) -> None:
    require(actor, Perm.USERS_MANAGE)
    with write_scope(engine) as s:
        user = s.exec(select(User).where(User.username == username)).first()
        if user is None:
            raise AccountError("err.no_such_user", username=username)
        if user.id == actor.user_id and not active:
            raise AccountError("err.cannot_disable_self")
        before = user.active
        user.active = active
        s.add(user)
        audit.record(s, actor, "enable" if active else "disable", "user", user.id, before={"active": before}, after={"active": active})


def set_roles(engine: Engine, actor: Actor, username: str, roles: set[Role] | frozenset[Role]) -> None:
    """Change roles. The investigator role cannot be added here (see the complaint module's grant)."""
    require(actor, Perm.USERS_MANAGE)
    with write_scope(engine) as s:
        user = s.exec(select(User).where(User.username == username)).first()
        if user is None:
            raise AccountError("err.no_such_user", username=username)
        old = parse_roles(user.roles)
        if Role.INVESTIGATOR in roles and Role.INVESTIGATOR not in old:
            raise AccountError("err.investigator_grant_only")
        if Role.INVESTIGATOR not in roles and Role.INVESTIGATOR in old:
            user.private_key_sealed = None  # leaving the role drops the key and the keys wrapped for it
            user.public_key = None
            s.exec(delete(ComplaintKey).where(ComplaintKey.user_id == user.id))  # type: ignore[call-overload]
        user.roles = ",".join(sorted(r.value for r in roles))
        s.add(user)
        audit.record(s, actor, "roles", "user", user.id, before={"roles": ",".join(sorted(old))}, after={"roles": user.roles})
