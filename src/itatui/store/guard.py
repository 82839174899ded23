"""Is this file ours, and whole? Checked before a SQLite database is opened and migrated.

Migrating whatever file ``--db`` names would turn someone else's SQLite database into an itatui one (Alembic
happily adds 30 tables to it), and a damaged file would end in a traceback. So the file is looked at first:
its header, its ``application_id`` (the app stamps its own files), and whether SQLite can read its schema.
A refusal carries a catalogue key and its parameters; ``file_errors`` turns it into the message with the newest
good backup to restore from.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy.engine import Engine

from itatui.i18n import t

# "ITAT" as a big-endian 32-bit integer, written at byte 68 of the file by PRAGMA application_id.
APPLICATION_ID = 0x49544154
SQLITE_MAGIC = b"SQLite format 3\x00"
# Tables every itatui schema since the first release has: an unstamped file with these is an older itatui db.
_OUR_TABLES = {"alembic_version", "auditlog", "organisation", "user"}


class DatabaseRefused(Exception):
    """The file is not an itatui database, or cannot be used; ``message()`` says why and what to do."""

    def __init__(self, key: str, path: Path | None = None, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.path = path
        self.params = params

    def message(self) -> str:
        """What is wrong (``file_errors.describe_error`` adds where the newest good backup is)."""
        return t(self.key, path=str(self.path or ""), **self.params)


def sqlite_file(url: str) -> Path | None:
    """The file behind a ``sqlite:///`` URL; None for PostgreSQL or an in-memory database."""
    if not url.startswith("sqlite:///") or url in ("sqlite:///:memory:",):
        return None
    return Path(url[len("sqlite:///") :])


def read_application_id(path: Path) -> int:
    with path.open("rb") as fh:
        header = fh.read(100)
    return int.from_bytes(header[68:72], "big") if len(header) >= 72 else 0


def inspect_file(path: Path, *, writable: bool = True) -> None:
    """Raise ``DatabaseRefused`` unless ``path`` is missing/empty (a new database) or an itatui database.

    ``writable``: also refuse a file the app could only read (the app writes on every start)."""
    if path.is_dir():
        raise DatabaseRefused("ops.db.is_folder", path)
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise DatabaseRefused("ops.db.unreadable", path, reason=exc.strerror or str(exc)) from None
    if header[:16] != SQLITE_MAGIC:
        if header[:6] == b"SQLite":
            raise DatabaseRefused("ops.db.damaged", path, detail="header")
        raise DatabaseRefused("ops.db.not_sqlite", path)
    if len(header) < 100:
        raise DatabaseRefused("ops.db.damaged", path, detail="header")
    # The mode bits too: a file someone marked read-only stays untouched even for an all-powerful user.
    read_only = not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK) or not path.stat().st_mode & 0o222
    if writable and read_only:
        raise DatabaseRefused("ops.db.read_only", path)
    app_id = int.from_bytes(header[68:72], "big")
    if app_id not in (0, APPLICATION_ID):
        raise DatabaseRefused("ops.db.foreign", path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {name.lower() for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            conn.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # a damaged catalogue page reads as bad text too
        raise DatabaseRefused("ops.db.damaged", path, detail=str(exc)) from None
    if app_id == 0 and tables and not _OUR_TABLES <= tables:
        # Some other program's database: never migrate it into ours.
        raise DatabaseRefused("ops.db.foreign", path)


def stamp_application_id(engine: Engine) -> None:
    """Mark a SQLite database as the app's own (new files, and files made before the mark existed)."""
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return
    path = Path(engine.url.database)
    if path.exists() and read_application_id(path) == APPLICATION_ID:
        return
    raw = engine.raw_connection()  # outside any transaction: a checkpoint cannot run inside one
    try:
        cur = raw.cursor()
        if cur.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            cur.execute(f"PRAGMA application_id={APPLICATION_ID}")
        # Into the file itself now (in WAL mode it would wait in the -wal file): the mark is read from disk.
        cur.execute("PRAGMA wal_checkpoint(PASSIVE)")
        cur.close()
    finally:
        raw.close()
