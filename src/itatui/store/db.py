"""Engine and session factory.

SQLite runs in WAL mode with foreign keys on and ``synchronous=FULL`` (every commit reaches the disk before
it returns: a power cut never takes back a saved complaint), and readers do not block the writer; PostgreSQL is reached through the same models with a ``postgresql://`` URL.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, create_engine


def resolve_url(db: str | None = None, *, create_dir: bool = True) -> str:
    """``--db`` wins, then ``ITATUI_DB``, then the default file in the user's data directory.

    A plain path becomes a SQLite URL; anything containing ``://`` is used as given.
    """
    from itatui.paths import default_db_path

    value = db or os.environ.get("ITATUI_DB") or str(default_db_path())
    if "://" in value:
        if value.startswith("postgresql://"):
            # psycopg 3 is the driver we ship for PostgreSQL.
            value = "postgresql+psycopg://" + value[len("postgresql://") :]
        return value
    path = Path(value).expanduser()
    if create_dir and not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)  # a new folder is its owner's only
    return f"sqlite:///{path}"


def private_file(path: Path) -> None:
    """Create the database file 0600 before SQLite does (SQLite gives its -wal and -shm the same mode)."""
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001
    # Let SQLAlchemy's BEGIN be the only transaction control, so "BEGIN IMMEDIATE" can be issued when needed.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    mode = cur.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != "memory":
        cur.execute("PRAGMA journal_mode=WAL")
        # FULL: a commit is on disk when it returns, so a receipt handed out survives a power cut.
        cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _sqlite_begin(conn) -> None:  # noqa: ANN001
    mode = conn.get_execution_options().get("sqlite_begin", "")
    conn.exec_driver_sql(f"BEGIN {mode}".strip())


def make_engine(url: str, *, echo: bool = False) -> Engine:
    if url.startswith("sqlite"):
        kwargs: dict = {"connect_args": {"check_same_thread": False}}
        if url in ("sqlite://", "sqlite:///:memory:"):
            kwargs["poolclass"] = StaticPool
        db_file = url[len("sqlite:///") :] if url.startswith("sqlite:///") else ""
        if db_file and db_file != ":memory:":
            private_file(Path(db_file))
        # hide_parameters: a database error must never print what was typed (a complainant's details).
        engine = create_engine(url, echo=echo, hide_parameters=True, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True, hide_parameters=True)


@contextmanager
def session_scope(engine: Engine, *, immediate: bool = False) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error.

    ``immediate=True`` takes SQLite's write lock at the start (BEGIN IMMEDIATE), so read-then-write sequences
    such as allocating the next registry number cannot interleave between desks. (PostgreSQL callers lock
    rows with SELECT ... FOR UPDATE instead.)
    """
    bind = engine.execution_options(sqlite_begin="IMMEDIATE") if immediate and is_sqlite(engine) else engine
    with Session(bind, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def write_scope(engine: Engine) -> "contextmanager[Session]":  # type: ignore[valid-type]
    """A unit of work that writes: takes the write lock up front so the audit chain and counters stay serial."""
    return session_scope(engine, immediate=True)
