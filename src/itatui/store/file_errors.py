"""The message for a database file that cannot be used: what is wrong, and the newest good backup to restore.

Used by the command line (``cli.main``) and the app's start-up, for a file refused before opening
(``guard.DatabaseRefused``) and for damage found while in use (SQLite's "malformed", "not a database" …).
"""

from __future__ import annotations

from pathlib import Path

from itatui.i18n import t
from itatui.store.guard import DatabaseRefused, sqlite_file


def backup_hint(db_path: Path | None) -> str:
    """'The newest good backup is … — restore it with itatui restore …', or that there is none."""
    from itatui.store.backup import newest_backup

    found = newest_backup(db_path) if db_path is not None else None
    if found is None:
        return t("ops.db.no_backup")
    return t("ops.db.newest_backup", path=str(found.path), when=found.when_text())


def describe_error(exc: BaseException, db_path: Path | None) -> str | None:
    """A clear message for a database that fails while in use (pages damaged after it opened); None if the
    error is not about the file."""
    if isinstance(exc, DatabaseRefused):
        return f"{exc.message()}\n{backup_hint(exc.path)}" if exc.path is not None else exc.message()
    text = str(exc).lower()
    damaged = ("malformed", "not a database", "disk i/o error", "database corrupt", "file is encrypted")
    if any(word in text for word in damaged):
        return f"{t('ops.db.damaged', path=str(db_path or ''), detail=str(exc).splitlines()[0][:200])}\n{backup_hint(db_path)}"
    if "readonly database" in text or "read-only" in text:
        return f"{t('ops.db.read_only', path=str(db_path or ''))}\n{backup_hint(db_path)}"
    if "unable to open database" in text:
        return f"{t('ops.db.unreadable', path=str(db_path or ''), reason=str(exc).splitlines()[0][:200])}"
    return None


def describe_db_failure(exc: BaseException, db: str | None) -> str | None:
    """``describe_error`` for the database named by ``--db`` (or the default one)."""
    from itatui.store.db import resolve_url

    try:
        path = sqlite_file(resolve_url(db))
    except OSError:
        path = None
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:  # SQLAlchemy wraps the driver's error
        seen.add(id(exc))
        message = describe_error(exc, path)
        if message is not None:
            return message
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return None
