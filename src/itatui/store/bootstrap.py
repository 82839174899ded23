"""Open a database ready for use: engine, migrations to head."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from itatui.store.db import make_engine, resolve_url
from itatui.store.migrate import upgrade


def open_database(db: str | None = None) -> Engine:
    """``db`` is a path or URL (``--db``), else ``ITATUI_DB``, else the default file; migrates to head."""
    engine = make_engine(resolve_url(db))
    upgrade(engine)
    return engine
