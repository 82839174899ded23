"""``itatui backup [-o PATH]`` and ``itatui restore FILE``.

Both work on the database file itself (SQLite), so they need no log-in: whoever can read the file can copy it.
Changing where backups go, or how many are kept, is an administrator's setting (``--set-dir``, ``--keep``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from itatui.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("backup", help=t("ops.cli.backup_help"), description=t("ops.cli.backup_help"))
    b.add_argument("-o", "--output", metavar="PATH", help=t("ops.cli.backup_output"))
    b.add_argument("--set-dir", metavar="DIR", help=t("ops.cli.backup_set_dir"))
    b.add_argument("--keep", type=int, metavar="N", help=t("ops.cli.backup_keep"))
    b.add_argument("--list", action="store_true", help=t("ops.cli.backup_list"))
    b.add_argument("--user", help=t("shell.cli.user_opt"))
    b.set_defaults(func=cmd_backup)

    r = sub.add_parser("restore", help=t("ops.cli.restore_help"), description=t("ops.cli.restore_long"))
    r.add_argument("file", metavar="FILE", help=t("ops.cli.restore_file"))
    r.set_defaults(func=cmd_restore)


def cmd_backup(args: argparse.Namespace) -> int:
    from itatui.commands.common import engine_for, fail, login_actor
    from itatui.domain.roles import PermissionDenied
    from itatui.store.backup import BackupError, backup_dir, db_file, keep_count, list_backups, make_backup, set_backup_settings

    engine = engine_for(args)
    try:
        if args.set_dir is not None or args.keep is not None:
            actor = login_actor(engine, args)
            set_backup_settings(engine, actor, args.set_dir, args.keep)
        db_path = db_file(engine)
        if args.list:
            folder = backup_dir(db_path, engine)
            print(t("ops.backup.folder", path=str(folder), keep=keep_count(engine)))
            for found in list_backups(db_path, folder):
                print(f"  {found.when_text()}  {found.path}")
            return 0
        if (args.set_dir is not None or args.keep is not None) and not args.output:
            print(t("ops.backup.settings_saved", path=str(backup_dir(db_path, engine)), keep=keep_count(engine)))
        result = make_backup(engine, Path(args.output).expanduser() if args.output else None)
    except BackupError as exc:
        return fail(exc.message())
    except PermissionDenied:
        return fail(t("err.permission"))
    finally:
        engine.dispose()
    if not result.ok:
        for problem in result.problems:
            print("!", problem)
        return fail(t("ops.backup.check_failed"))
    print(t("ops.backup.done", path=str(result.path), n=result.audit_records, seconds=f"{result.seconds:.1f}"))
    for old in result.removed:
        print(t("ops.backup.removed", path=str(old)))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from itatui.commands.common import fail
    from itatui.domain.thai import format_datetime
    from itatui.i18n import language
    from itatui.store.backup import BackupError
    from itatui.store.db import resolve_url
    from itatui.store.guard import sqlite_file
    from itatui.store.restore import restore
    from itatui.store.verify import COUNTED

    db_path = sqlite_file(resolve_url(getattr(args, "db", None)))
    if db_path is None:
        return fail(t("ops.backup.not_sqlite"))
    try:
        result = restore(db_path, Path(args.file))
    except BackupError as exc:
        return fail(exc.message())
    when = "-"
    if result.newest_record:
        from datetime import datetime, timezone

        at = datetime.fromisoformat(result.newest_record)
        at = (at if at.tzinfo else at.replace(tzinfo=timezone.utc)).astimezone()
        when = format_datetime(at, lang=language())
    print(t("ops.restore.done", path=str(result.restored_from), db=str(db_path), when=when, revision=result.revision))
    for table, key in COUNTED.items():
        print(f"  {t(key)}: {result.counts.get(table, 0):,}")
    if result.aside is not None:
        print(t("ops.restore.aside", path=str(result.aside)))
    return 0
