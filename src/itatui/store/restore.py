"""``itatui restore FILE``: put a checked backup in place of the database, keeping the current one aside.

The file is checked first (a SQLite file of this app, SQLite's integrity, the audit chain, a schema revision
this version can upgrade); nothing is touched unless it passes. The current database (with its ``-wal`` and
``-shm`` files, so it stays consistent) is renamed to ``<name>.before-restore-YYYYMMDD-HHMMSS``, the backup is
copied in with the online backup API, then migrated to the current schema and marked as the app's own.
Run it with the app closed on every desk.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from itatui.store.backup import BackupError, copy_database


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    aside: Path | None  # where the previous database was kept (None: there was none)
    revision: str  # the backup's schema revision, before upgrading
    newest_record: str | None  # time of the newest audit record in the backup (ISO, UTC)
    counts: dict[str, int]
    audit_records: int


def restore(db_path: Path, source: Path, *, now: datetime | None = None) -> RestoreResult:
    from itatui.store.bootstrap import open_database
    from itatui.store.verify import verify_file

    source = source.expanduser()
    if not source.is_file():
        raise BackupError("ops.restore.no_file", path=str(source))
    if source.resolve() == db_path.resolve() if db_path.exists() else False:
        raise BackupError("ops.restore.same_file", path=str(source))
    report = verify_file(source)
    if not report.ok:
        raise BackupError("ops.restore.refused", path=str(source), problems="\n".join(f"  ! {p}" for p in report.problems))
    aside = None
    if db_path.exists():
        aside = db_path.with_name(f"{db_path.name}.before-restore-{(now or datetime.now()):%Y%m%d-%H%M%S}")
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(db_path) + suffix)
            if part.exists():
                os.replace(part, Path(str(aside) + suffix))
    try:
        copy_database(source, db_path)
    except Exception as exc:
        # Put the previous database back: a failed restore must leave things as they were.
        db_path.unlink(missing_ok=True)
        if aside is not None:
            for suffix in ("", "-wal", "-shm"):
                if Path(str(aside) + suffix).exists():
                    os.replace(Path(str(aside) + suffix), Path(str(db_path) + suffix))
        raise BackupError("ops.backup.write_failed", path=str(db_path), reason=str(exc)) from None
    open_database(str(db_path)).dispose()  # upgrade to the current schema, stamp the application id
    return RestoreResult(source, aside, report.revision or "-", report.newest_record, report.counts, report.audit_records)
