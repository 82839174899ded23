"""A log-in holds SQLite's write lock only for its short outcome: the password check and an officer's key-ring
derivation (~1 s each under load) run while other desks can still write. Held through them, four desks logging
in at once waited past the busy timeout and one got "database is locked"."""

from __future__ import annotations

import sqlite3

import pytest
from sqlmodel import Session, select

from itatui.store import accounts
from itatui.store.accounts import AccountError
from itatui.store.models import AuditLog, User
from itatui.store.accounts import keyring, users
from tests.tui.complaint_desk import DESK_PASSWORD


def _another_desk_can_write(path) -> bool:  # noqa: ANN001
    conn = sqlite3.connect(path, timeout=0)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.rollback()
        return True
    except sqlite3.OperationalError:  # "database is locked"
        return False
    finally:
        conn.close()


class _Probe:
    """The password hasher, noting whether another desk could write while it works."""

    def __init__(self, real, seen: list[bool], path) -> None:  # noqa: ANN001
        self.real, self.seen, self.path = real, seen, path

    def verify(self, stored: str, password: str) -> bool:
        self.seen.append(_another_desk_can_write(self.path))
        return self.real.verify(stored, password)

    def __getattr__(self, name: str):  # noqa: ANN204
        return getattr(self.real, name)


def test_a_log_in_holds_no_write_lock_while_it_checks_and_derives(engine, db_path, desk, monkeypatch):
    assert accounts.authenticate(engine, "desk", DESK_PASSWORD).ring_key is not None  # the ring exists now
    seen: list[bool] = []
    monkeypatch.setattr(users, "_hasher", _Probe(users._hasher, seen, db_path))
    real_open = keyring.open_member_key

    def open_member_key(session, user, password):  # noqa: ANN001, ANN202
        seen.append(_another_desk_can_write(db_path))
        return real_open(session, user, password)

    monkeypatch.setattr(keyring, "open_member_key", open_member_key)
    info = accounts.authenticate(engine, "desk", DESK_PASSWORD)
    assert info.ring_key is not None  # the officer still gets the ring key
    assert seen == [True, True]  # the password check, then the ring: another desk could write during both


def test_a_wrong_password_is_still_counted_and_audited(engine, desk):
    with pytest.raises(AccountError):
        accounts.authenticate(engine, "desk", "not-the-password")
    with Session(engine) as s:
        assert s.exec(select(User.failed_logins).where(User.username == "desk")).one() == 1
        assert len(s.exec(select(AuditLog).where(AuditLog.action == "login_failed")).all()) == 1


def test_a_busy_database_is_told_in_thai_not_as_sqlites_words(engine, db_path):
    from sqlalchemy import text

    from itatui.tui.widgets.form_errors import error_text

    holder = sqlite3.connect(db_path)
    holder.execute("BEGIN IMMEDIATE")  # another desk holds the write lock
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA busy_timeout=50")
            with pytest.raises(Exception) as caught:
                conn.execute(text("BEGIN IMMEDIATE"))
    finally:
        holder.rollback()
        holder.close()
    message = error_text(caught.value)
    assert "database is locked" not in message and "โต๊ะอื่น" in message and "ลองอีกครั้ง" in message
