"""Backups of a SQLite database: made with SQLite's online backup API, checked, pruned to the last N.

A backup is first written as ``*.part``, then checked (SQLite integrity, the audit hash chain, a schema this
version knows); only a backup that passes is renamed to its final name, so every ``<stem>-YYYYMMDD-HHMMSS.db``
in the folder is a good one. The folder is ``backups/`` beside the database unless the ``backup.dir`` setting
(or ``ITATUI_BACKUP_DIR``) names another (a USB drive, a network share); ``backup.keep`` (or
``ITATUI_BACKUP_KEEP``) says how many to keep (14). A small pointer file beside the database remembers the
folder, so a damaged database still knows where its backups are.

PostgreSQL databases are backed up by the server's own tools (``pg_dump``); these functions refuse them.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from itatui.domain.thai import format_datetime
from itatui.i18n import language, t

DEFAULT_KEEP = 14
SETTING_DIR = "backup.dir"
SETTING_KEEP = "backup.keep"
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})\.db$")


class BackupError(Exception):
    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self) -> str:
        return t(self.key, **self.params)


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: datetime  # local time, from the file name

    def age_days(self, now: datetime | None = None) -> float:
        return ((now or datetime.now()) - self.made_at).total_seconds() / 86400

    def when_text(self) -> str:
        return format_datetime(self.made_at, lang=language())


@dataclass(frozen=True)
class BackupResult:
    path: Path | None  # None when the check failed (nothing kept)
    problems: list[str] = field(default_factory=list)
    audit_records: int = 0
    seconds: float = 0.0
    removed: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.path is not None and not self.problems


def db_file(engine: Engine) -> Path:
    if engine.dialect.name != "sqlite" or not engine.url.database or engine.url.database == ":memory:":
        raise BackupError("ops.backup.not_sqlite")
    return Path(engine.url.database)


def _pointer(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".backups")


def backup_dir(db_path: Path, engine: Engine | None = None) -> Path:
    """Where backups of ``db_path`` go: ``ITATUI_BACKUP_DIR``, the setting, the remembered folder, or ``backups/``."""
    env = os.environ.get("ITATUI_BACKUP_DIR")
    if env:
        return Path(env).expanduser()
    if engine is not None:
        value = _setting(engine, SETTING_DIR)
        if value:
            return Path(str(value)).expanduser()
    try:
        remembered = _pointer(db_path).read_text(encoding="utf-8").strip()
        if remembered:
            return Path(remembered)
    except OSError:
        pass
    return db_path.parent / "backups"


def keep_count(engine: Engine | None = None) -> int:
    env = os.environ.get("ITATUI_BACKUP_KEEP")
    value = env if env else (_setting(engine, SETTING_KEEP) if engine is not None else None)
    try:
        return max(1, int(value)) if value not in (None, "") else DEFAULT_KEEP
    except (TypeError, ValueError):
        return DEFAULT_KEEP


def _setting(engine: Engine, key: str) -> object:
    from sqlalchemy import text

    try:
        with engine.connect() as conn:
            raw = conn.execute(text("SELECT value FROM setting WHERE key = :k ORDER BY organisation_id LIMIT 1"), {"k": key}).scalar()
    except Exception:  # an older or damaged database: fall back to the defaults
        return None
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupFile]:
    """The good backups of this database in its folder, newest first."""
    folder = folder or backup_dir(db_path)
    found: list[BackupFile] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        m = _NAME.match(entry.name)
        if m and m.group("stem") == db_path.stem and entry.is_file():
            found.append(BackupFile(entry, datetime.strptime(m.group("stamp"), _STAMP)))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def newest_backup(db_path: Path | None) -> BackupFile | None:
    if db_path is None:
        return None
    found = list_backups(db_path)
    return found[0] if found else None


def copy_database(source: Path, dest: Path) -> None:
    """A consistent copy of ``source`` (even while others write to it) into ``dest``, as a plain (non-WAL) file."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(dest)
        try:
            src.backup(dst)  # all pages in one step: one read snapshot, so the copy is consistent
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def make_backup(engine: Engine, dest: Path | None = None, *, now: datetime | None = None) -> BackupResult:
    """Write a checked backup; into the backups folder (pruned to the last N) unless ``dest`` is given."""
    from itatui.store.verify import verify_file

    started = time.perf_counter()
    db_path = db_file(engine)
    now = now or datetime.now()
    if dest is None:
        folder = backup_dir(db_path, engine)
        final = folder / f"{db_path.stem}-{now.strftime(_STAMP)}.db"
    else:
        folder, final = dest.parent, dest
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError("ops.backup.folder_unusable", path=str(folder), reason=exc.strerror or str(exc)) from None
    part = final.with_name(final.name + ".part")
    part.unlink(missing_ok=True)
    try:
        copy_database(db_path, part)
    except (OSError, sqlite3.Error) as exc:
        part.unlink(missing_ok=True)
        raise BackupError("ops.backup.write_failed", path=str(final), reason=str(exc)) from None
    report = verify_file(part)
    if not report.ok:
        part.unlink(missing_ok=True)
        return BackupResult(None, [p for p in report.problems], report.audit_records, time.perf_counter() - started)
    os.replace(part, final)
    removed: list[Path] = []
    if dest is None:
        removed = _prune(db_path, folder, keep_count(engine))
        if folder != db_path.parent / "backups":
            try:
                _pointer(db_path).write_text(str(folder.resolve()), encoding="utf-8")
            except OSError:
                pass  # the pointer only helps a damaged database find its backups
    return BackupResult(final, [], report.audit_records, time.perf_counter() - started, removed)


def _prune(db_path: Path, folder: Path, keep: int) -> list[Path]:
    removed = []
    for old in list_backups(db_path, folder)[keep:]:
        try:
            old.path.unlink()
            removed.append(old.path)
        except OSError:
            pass
    return removed


def backup_due(engine: Engine, *, now: datetime | None = None) -> bool:
    """At most one automatic backup a day: due when there is none from today."""
    if engine.dialect.name != "sqlite" or not engine.url.database or engine.url.database == ":memory:":
        return False
    db_path = Path(engine.url.database)
    newest = list_backups(db_path, backup_dir(db_path, engine))
    return not newest or newest[0].made_at.date() != (now or datetime.now()).date()


def start_daily_backup(engine: Engine, on_done=None) -> threading.Thread | None:  # noqa: ANN001
    """The start-up backup, in a background thread so the app opens at once. ``on_done(result_or_error)``."""
    if not backup_due(engine):
        return None

    def run() -> None:
        try:
            outcome: object = make_backup(engine)
        except Exception as exc:  # reported, never raised into the app
            outcome = exc
        if on_done is not None:
            on_done(outcome)

    thread = threading.Thread(target=run, name="itatui-daily-backup", daemon=True)
    thread.start()
    return thread


def last_backup_age(engine: Engine) -> float | None:
    """Days since the newest good backup; None when there is none (or for PostgreSQL)."""
    if engine.dialect.name != "sqlite" or not engine.url.database or engine.url.database == ":memory:":
        return None
    db_path = Path(engine.url.database)
    found = list_backups(db_path, backup_dir(db_path, engine))
    return found[0].age_days() if found else None


def set_backup_settings(engine: Engine, actor, folder: str | None = None, keep: int | None = None) -> None:  # noqa: ANN001
    """Administrator only; audited. ``folder`` "" returns to ``backups/`` beside the database."""
    from sqlmodel import col, select

    from itatui.domain.roles import Perm, require
    from itatui.store import audit
    from itatui.store.db import write_scope
    from itatui.store.models import Organisation, Setting

    require(actor, Perm.USERS_MANAGE)
    if keep is not None and not 1 <= keep <= 1000:
        raise BackupError("ops.backup.keep_range")
    with write_scope(engine) as s:
        org_id = s.exec(select(Organisation.id).order_by(col(Organisation.id)).limit(1)).first()
        if org_id is None:
            raise BackupError("ops.backup.no_organisation")
        for key, value in ((SETTING_DIR, folder), (SETTING_KEEP, keep)):
            if value is None:
                continue
            row = s.exec(select(Setting).where(Setting.organisation_id == org_id, Setting.key == key)).first()
            before = json.loads(row.value) if row and row.value else None
            row = row or Setting(organisation_id=org_id, key=key)
            row.value = json.dumps(value, ensure_ascii=False)
            s.add(row)
            s.flush()
            audit.record(s, actor, "update", "setting", key, before=before, after=value)
