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
