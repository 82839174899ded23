"""Users, log-in with slow-down on repeated failures, roles. Passwords are hashed with argon2id."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.engine import Engine
from sqlmodel import col, delete, func, select

from itatui.domain.roles import Actor, Perm, Role, parse_roles, require
from itatui.present.errors import UserError
from itatui.store import audit
from itatui.store.accounts import keys
from itatui.store.accounts.login_throttle import FREE_FAILURES, MAX_DELAY
from itatui.store.db import session_scope, write_scope
from itatui.store.models import ComplaintKey, User
from itatui.store.models.base import utcnow

_hasher = PasswordHasher()

MIN_PASSWORD = 10


class AccountError(UserError):
    """A refusal fit to show; ``key`` is a message-catalogue key, ``params`` fill it."""


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    roles: frozenset[Role]
    active: bool
    last_login: datetime | None
    has_key: bool
    ring_key: bytes | None = field(default=None, repr=False, compare=False)  # opened at log-in (store.keyring)

    def actor(self) -> Actor:
        return Actor(self.id, self.username, self.roles, ring_key=self.ring_key)


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


def check_password_strength(password: str, username: str = "") -> None:
    """At least 10 characters, not the user name, not a shipped common password (``data/common-passwords.txt``)."""
    from itatui.store.accounts.password_policy import weakness

    why = weakness(password, username, MIN_PASSWORD)
    if why:
        raise AccountError(why, n=MIN_PASSWORD)


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
    published_password: bool = False,
) -> UserInfo:
    """Add an account. ``first_admin`` is allowed only while the database has no user (first-run set-up).
    ``published_password``: the demo database's accounts, whose passwords are shown on its log-in screen."""
    from itatui.domain.textsafe import clean_line

    username = clean_line(username).strip()
    full_name = clean_line(full_name)
    if not username:
        raise AccountError("err.required_field", field="username")
    if not published_password:
        check_password_strength(password, username)
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
        ring_key = None
        if Role.COMPLAINT_OFFICER in roles:
            from itatui.store.accounts import keyring

            if keyring.ring_row(s) is None:  # the first complaint officer: the key ring starts with them
                ring_key = keyring.create_ring(s, who, user, password)
        return replace(_info(user), ring_key=ring_key)


def list_users(engine: Engine, actor: Actor) -> list[UserInfo]:
    require(actor, Perm.USERS_MANAGE)
    with session_scope(engine) as s:
        return [_info(u) for u in s.exec(select(User).order_by(col(User.username))).all()]


def get_user(engine: Engine, username: str) -> UserInfo | None:
    with session_scope(engine) as s:
        u = s.exec(select(User).where(User.username == username)).first()
        return _info(u) if u else None


def authenticate(engine: Engine, username: str, password: str, *, now: datetime | None = None) -> UserInfo:
    """Check a log-in. After 3 failures each further attempt must wait 2, 4, 8 … seconds (at most a minute);
    an attempt inside the wait is refused without checking the password. The count is kept per typed name
    (``LoginThrottle``), for names that exist and names that do not, so the answers cannot tell them apart.
    A complaint officer's password also opens the officers' key ring (``UserInfo.ring_key``)."""
    from itatui.store.accounts import keyring
    from itatui.store.accounts.login_throttle import note_failure, reset, wait_left  # noqa: I001

    now = now or utcnow()
    name = username.strip()
    # The password hashes (and an officer's key-ring derivation, ~1 s) run outside the write lock: holding it
    # through them, four desks logging in at once waited past SQLite's busy timeout ("database is locked").
    with session_scope(engine) as s:
        wait = wait_left(s, username, now)
        if wait:
            raise AccountError("err.login_wait", seconds=wait)
        found = s.exec(select(User).where(User.username == name)).first()
        stored = found.password_hash if found is not None and found.active else None
    try:
        if stored is None:
            _hasher.hash(password)  # same cost either way, so timing does not reveal which usernames exist
            raise VerificationError
        _hasher.verify(stored, password)
        ok = True
    except (VerificationError, InvalidHashError):
        ok = False
    ring_key, ring_done = None, False
    with write_scope(engine) as s:  # short: the outcome, audited
        user = s.exec(select(User).where(User.username == name)).first()
        if ok and (user is None or not user.active or user.password_hash != stored):
            ok = False  # disabled, or the password changed, while the hash was being checked
        if not ok:
            note_failure(s, username, now)
            if user is not None and user.active:
                user.failed_logins += 1
                s.add(user)
                audit.record(s, Actor(user.id, user.username), "login_failed", "user", user.id)
            # Commit the failure count even though we refuse: the context manager commits on normal exit.
        else:
            assert user is not None
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            user.failed_logins = 0
            user.locked_until = None
            user.last_login = now
            reset(s, username)
            s.add(user)
            audit.record(s, Actor(user.id, user.username, parse_roles(user.roles)), "login", "user", user.id)
            if keyring.login_writes(s, user):  # the ring is made or completed: once, inside the transaction
                ring_key, ring_done = keyring.on_login(s, user, password), True
    if not ok:
        raise AccountError("err.login_failed")
    assert user is not None
    if not ring_done:
        with session_scope(engine) as s:
            ring_key = keyring.open_on_login(s, user, password)
    return replace(_info(user), ring_key=ring_key)


def change_password(
    engine: Engine, actor: Actor, username: str, new_password: str, old_password: str | None = None, *, confirm_key_loss: bool = False
) -> None:
    """A user changes their own password (old one required); an administrator may reset another's — which
    cannot reseal that user's investigator key or key-ring copy: those are then lost and must be granted again
    (or recovered with the office recovery key). Such a reset is refused unless ``confirm_key_loss``
    (``err.key_loss_confirm``: the caller explains and asks first; ``keys_lost`` tells what would go)."""
    check_password_strength(new_password, username)
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
            from itatui.store.accounts import keyring

            keys.reseal_on_password_change(user, old_password, new_password)  # the investigator key, if any
            keyring.reseal_on_password_change(s, user, old_password, new_password)
        else:
            require(actor, Perm.USERS_MANAGE)
            from itatui.store.accounts.key_holders import drop_all_keys, held_keys

            if held_keys(s, user) and not confirm_key_loss:
                raise AccountError("err.key_loss_confirm", username=username)
            drop_all_keys(s, user)
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
        if active and Role.ADMIN in parse_roles(user.roles) and user.public_key is not None:
            raise AccountError("err.admin_investigator")
        before = user.active
        user.active = active
        s.add(user)
        audit.record(s, actor, "enable" if active else "disable", "user", user.id, before={"active": before}, after={"active": active})


def set_roles(
    engine: Engine, actor: Actor, username: str, roles: set[Role] | frozenset[Role], *, confirm_key_loss: bool = False
) -> None:
    """Change roles. The investigator role cannot be added here (see the complaint module's grant), nor the
    administrator role to someone holding an investigator key (separation of duties). Removing the role from
    the last key-holder would leave identities only to the recovery key: refused unless ``confirm_key_loss``."""
    require(actor, Perm.USERS_MANAGE)
    with write_scope(engine) as s:
        user = s.exec(select(User).where(User.username == username)).first()
        if user is None:
            raise AccountError("err.no_such_user", username=username)
        old = parse_roles(user.roles)
        if Role.INVESTIGATOR in roles and Role.INVESTIGATOR not in old:
            raise AccountError("err.investigator_grant_only")
        if Role.ADMIN in roles and (Role.INVESTIGATOR in roles or user.public_key is not None):
            raise AccountError("err.admin_investigator")
        from itatui.store.accounts.key_holders import last_holder_of

        losing = [r for r in (Role.INVESTIGATOR, Role.COMPLAINT_OFFICER) if r in old and r not in roles]
        if any(last_holder_of(s, user, r) for r in losing) and not confirm_key_loss:
            raise AccountError("err.last_key_holder", username=username)
        if Role.COMPLAINT_OFFICER in losing:
            from itatui.store.accounts import keyring

            keyring.drop_member(s, user.id or 0)
        if Role.INVESTIGATOR not in roles and Role.INVESTIGATOR in old:
            user.private_key_sealed = None  # leaving the role drops the key and the keys wrapped for it
            user.public_key = None
            s.exec(delete(ComplaintKey).where(ComplaintKey.user_id == user.id))  # type: ignore[call-overload]
        user.roles = ",".join(sorted(r.value for r in roles))
        s.add(user)
        audit.record(s, actor, "roles", "user", user.id, before={"roles": ",".join(sorted(old))}, after={"roles": user.roles})


def keys_held_by(engine: Engine, username: str) -> list[str]:
    """The keys a reset of ``username``'s password would drop ('investigator', 'complaint_officer')."""
    from itatui.store.accounts.key_holders import held_keys

    with session_scope(engine) as s:
        user = s.exec(select(User).where(User.username == username)).first()
        return held_keys(s, user) if user else []


def authorize_kiosk_exit(engine: Engine, username: str, password: str) -> UserInfo:
    """Leaving the public kiosk: a valid log-in of staff holding ``Perm.KIOSK_EXIT`` (complaint officers,
    administrators). Anyone else, a citizen at the kiosk included, is refused."""
    info = authenticate(engine, username, password)
    if not info.actor().can(Perm.KIOSK_EXIT):
        raise AccountError("err.kiosk_exit_denied")
    return info
