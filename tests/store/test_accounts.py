from datetime import timedelta

import pytest

from itatui.domain.roles import Perm, PermissionDenied, Role
from itatui.store import accounts
from itatui.store.accounts import AccountError
from itatui.store.models.base import utcnow


def test_login_and_wrong_password(engine, admin):
    accounts.create_user(engine, admin, "somchai", "password-1", {Role.PLAN_OFFICER}, "สมชาย ใจดี")
    info = accounts.authenticate(engine, "somchai", "password-1")
    assert info.full_name == "สมชาย ใจดี"
    assert info.actor().can(Perm.PLAN_EDIT)
    with pytest.raises(AccountError) as exc:
        accounts.authenticate(engine, "somchai", "nope-nope")
    assert exc.value.key == "err.login_failed"


def test_repeated_failures_slow_down(engine, admin):
    accounts.create_user(engine, admin, "k", "password-1", {Role.VIEWER})
    now = utcnow()
    for _ in range(accounts.FREE_FAILURES):
        with pytest.raises(AccountError):
            accounts.authenticate(engine, "k", "bad-password", now=now)
    # the next failure starts a wait; inside it even the right password is refused
    with pytest.raises(AccountError):
        accounts.authenticate(engine, "k", "bad-password", now=now)
    with pytest.raises(AccountError) as exc:
        accounts.authenticate(engine, "k", "password-1", now=now + timedelta(seconds=1))
    assert exc.value.key == "err.login_wait"
    assert accounts.authenticate(engine, "k", "password-1", now=now + timedelta(minutes=16)).username == "k"


def test_only_admin_manages_users(engine, admin):
    viewer = accounts.create_user(engine, admin, "v", "password-1", {Role.VIEWER}).actor()
    with pytest.raises(PermissionDenied):
        accounts.create_user(engine, viewer, "x", "password-1", {Role.VIEWER})
    with pytest.raises(PermissionDenied):
        accounts.list_users(engine, viewer)


def test_disabled_user_cannot_log_in(engine, admin):
    accounts.create_user(engine, admin, "d", "password-1", {Role.VIEWER})
    accounts.set_active(engine, admin, "d", False)
    with pytest.raises(AccountError):
        accounts.authenticate(engine, "d", "password-1")


def test_admin_has_no_reveal_right(admin):
    assert not admin.can(Perm.CORRUPTION_REVEAL)
    assert not admin.can(Perm.COMPLAINT_PERSONAL)
