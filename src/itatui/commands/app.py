"""``itatui`` (the TUI on the chosen database) and ``itatui demo`` (the demo database with its accounts).

Textual is imported only here, inside the functions that run it, so every other command starts fast.
"""

from __future__ import annotations

import argparse

from itatui.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser("demo", help=t("shell.cli.demo_help"), description=t("shell.cli.demo_help"))
    # --db also after the sub-command (``itatui demo --db x.db``); SUPPRESS keeps the main parser's value otherwise.
    demo.add_argument("--db", metavar="PATH|URL", default=argparse.SUPPRESS, help=t("shell.cli.demo_db_opt"))
    demo.set_defaults(func=cmd_demo)
    # The read-only commands on the demo database: a code from a demo receipt is found there, not in one's own.
    actions = demo.add_subparsers(dest="demo_command", metavar="COMMAND")
    status = actions.add_parser("status", help=t("shell.cli.demo_status_help"))
    status.add_argument("code")
    status.set_defaults(func=cmd_demo_readonly)
    kiosk = actions.add_parser("kiosk", help=t("shell.cli.demo_kiosk_help"))
    kiosk.add_argument("--clear-after", type=float, default=None, metavar="SECONDS")
    kiosk.set_defaults(func=cmd_demo_readonly)


def run_app(args: argparse.Namespace) -> int:
    # The app opens the database itself, in a worker, while the log-in screen is already up.
    from itatui.tui.app import ItaApp

    app = ItaApp(db=getattr(args, "db", None), lang=getattr(args, "lang", None))
    try:
        app.run()
    finally:
        app.close_database()
    return app.return_code or 0


def cmd_demo(args: argparse.Namespace) -> int:
    from itatui.paths import demo_db_path
    from itatui.store.accounts import AccountError
    from itatui.store.demo import prepare_demo

    path = getattr(args, "db", None) or str(demo_db_path())
    print(t("shell.cli.demo_preparing", path=path), flush=True)
    from itatui.store.bootstrap import open_database

    engine = open_database(path)
    try:
        try:
            prepare_demo(engine)
        except AccountError as exc:
            from itatui.commands.common import fail

            return fail(t(exc.key, **exc.params))
        from itatui.tui.app import ItaApp

        ItaApp(engine, demo=True, lang=getattr(args, "lang", None)).run()
    finally:
        engine.dispose()
    return 0


def cmd_demo_readonly(args: argparse.Namespace) -> int:
    """``itatui demo status CODE`` / ``itatui demo kiosk``: the same commands, reading the demo database."""
    from itatui.commands.complaints import cmd_kiosk, cmd_status
    from itatui.paths import demo_db_path

    if not getattr(args, "db", None):
        args.db = str(demo_db_path())
    return cmd_status(args) if args.demo_command == "status" else cmd_kiosk(args)
