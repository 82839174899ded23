"""Helpers shared by sub-commands: open the database, log in from the terminal, print errors in Thai."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from sqlalchemy.engine import Engine

from itatui.domain.roles import Actor
from itatui.i18n import t


def engine_for(args: argparse.Namespace) -> Engine:
    from itatui.store.bootstrap import open_database

    return open_database(getattr(args, "db", None))


def existing_engine_for(args: argparse.Namespace) -> Engine | None:
    """The database of a read-only command: never created (None, the reason printed, when it is not there);
    which one was read is said on stderr."""
    from itatui.store.bootstrap import DatabaseMissing, database_label, open_existing_database

    db = getattr(args, "db", None)
    try:
        engine = open_existing_database(db)
    except DatabaseMissing as exc:
        fail(t("shell.cli.db_missing", path=exc.where))
        return None
    print(t("shell.cli.db_read", path=database_label(db)), file=sys.stderr)
    return engine


def fail(message: str, code: int = 1) -> int:
    print(message, file=sys.stderr)
    return code


def login_actor(engine: Engine, args: argparse.Namespace) -> Actor:
    """Who runs a command that changes data: ``--user``/``ITATUI_USER`` and ``ITATUI_PASSWORD`` or a prompt."""
    from itatui.store.accounts import AccountError, authenticate

    username = getattr(args, "user", None) or os.environ.get("ITATUI_USER") or input(t("login.username") + ": ")
    password = os.environ.get("ITATUI_PASSWORD")
    if password is None:
        password = getpass.getpass(t("login.password") + ": ")
    try:
        return authenticate(engine, username, password).actor()
    except AccountError as exc:
        raise SystemExit(t(exc.key, **exc.params)) from None
