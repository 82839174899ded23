"""Open a database ready for use: engine, migrations to head."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from itatui.store.db import make_engine, resolve_url


def open_database(db: str | None = None) -> Engine:
    """``db`` is a path or URL (``--db``), else ``ITATUI_DB``, else the default file; migrates to head.

    Most starts find the schema already at head: that is checked from the migration files and the stamped
    revision, without importing Alembic (which costs more than the rest of opening the database)."""
    from itatui.store.integrity import schema_at_head

    engine = make_engine(resolve_url(db))
    if not schema_at_head(engine):
        from itatui.store.migrate import upgrade

        upgrade(engine)
    return engine


class DatabaseMissing(Exception):
    """A read-only command was pointed at a database file that does not exist (it is never created)."""

    def __init__(self, where: str) -> None:
        super().__init__(where)
        self.where = where


def database_label(db: str | None = None) -> str:
    """Where ``db`` (as ``--db``) leads, fit to print: the file's path, or the URL without its password."""
    from sqlalchemy.engine import make_url

    url = resolve_url(db, create_dir=False)
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///") :]
    return make_url(url).render_as_string(hide_password=True)


def open_existing_database(db: str | None = None) -> Engine:
    """``open_database`` for read-only commands (status, kiosk): a SQLite file that is not there is reported
    (``DatabaseMissing``), never created empty."""
    from pathlib import Path

    url = resolve_url(db, create_dir=False)
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///") :]).is_file():
        raise DatabaseMissing(database_label(db))
    return open_database(db)
