"""``itatui migrate-db --from URL --to URL``: move the data between SQLite and PostgreSQL, with the proof."""

from __future__ import annotations

import argparse
import sys

from itatui.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("migrate-db", help=t("ops.cli.migrate_help"), description=t("ops.cli.migrate_long"))
    p.add_argument("--from", dest="source", required=True, metavar="URL|PATH", help=t("ops.cli.migrate_from"))
    p.add_argument("--to", dest="target", required=True, metavar="URL|PATH", help=t("ops.cli.migrate_to"))
    p.set_defaults(func=cmd_migrate)


def cmd_migrate(args: argparse.Namespace) -> int:
    from itatui.commands.common import fail
    from itatui.store.bootstrap import open_database
    from itatui.store.db import resolve_url
    from itatui.store.transfer import TransferError, migrate

    if resolve_url(args.source) == resolve_url(args.target):
        return fail(t("ops.transfer.same"))
    source = open_database(args.source)
    target = open_database(args.target)
    shown: dict[str, int] = {}

    def progress(table: str, done: int, total: int) -> None:
        step = max(total // 10, 1)
        if done == total or done // step != shown.get(table, -1):
            shown[table] = done // step
            print(t("ops.transfer.progress", table=table, done=f"{done:,}", total=f"{total:,}"), file=sys.stderr, flush=True)

    try:
        report = migrate(source, target, progress=progress)
    except TransferError as exc:
        return fail(t(exc.key, **exc.params))
    finally:
        source.dispose()
        target.dispose()
    if report.restarted:
        print(t("ops.transfer.restarted"))
    width = max(len(r.table) for r in report.tables)
    print(f"{t('ops.transfer.col_table'):<{width}}  {t('ops.transfer.col_source'):>10}  {t('ops.transfer.col_target'):>10}  checksum")
    for r in report.tables:
        mark = "ok" if r.ok else "!! " + t("ops.transfer.differs")
        print(f"{r.table:<{width}}  {r.source_rows:>10,}  {r.target_rows:>10,}  {r.target_sum[:12]} {mark}")
    print(t("ops.transfer.audit", n=report.audit_records, problems=report.audit_problems))
    if not report.ok:
        return fail(t("ops.transfer.failed"))
    print(t("ops.transfer.done", seconds=f"{report.seconds:.1f}"))
    return 0
