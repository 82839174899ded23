"""``itatui users add|list|passwd|disable|enable`` and ``itatui check``.

Nothing heavy is imported at module level: ``itatui --version`` builds every sub-parser.
"""

from __future__ import annotations

import argparse
import getpass
import os
from typing import TYPE_CHECKING

from itatui.i18n import t

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from itatui.domain.roles import Actor

ROLE_CODES = ("admin", "plan_officer", "complaint_officer", "investigator", "committee_secretary", "viewer")
# The investigator role comes with a sealed key: only ``itatui investigators grant`` gives it, never ``users add``.
ADDABLE_ROLES = tuple(code for code in ROLE_CODES if code != "investigator")


def register(sub: argparse._SubParsersAction) -> None:
    users = sub.add_parser("users", help=t("shell.cli.users_help"), description=t("shell.cli.users_help"))
    users_sub = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)

    def with_login(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--user", help=t("shell.cli.user_opt"))
        return p

    add = with_login(users_sub.add_parser("add", help=t("shell.cli.add_help")))
    add.add_argument("username")
    add.add_argument("--role", action="append", choices=ADDABLE_ROLES, dest="roles", help=t("shell.cli.role_opt"))
    add.add_argument("--name", default="", help=t("shell.cli.name_opt"))
    add.set_defaults(func=cmd_users_add)

    lst = with_login(users_sub.add_parser("list", help=t("shell.cli.list_help")))
    lst.set_defaults(func=cmd_users_list)

    pw = with_login(users_sub.add_parser("passwd", help=t("shell.cli.passwd_help")))
    pw.add_argument("username")
    pw.add_argument("--yes", action="store_true", help="confirm a reset that drops the person's keys")
    pw.set_defaults(func=cmd_users_passwd)

    dis = with_login(users_sub.add_parser("disable", help=t("shell.cli.disable_help")))
    dis.add_argument("username")
    dis.set_defaults(func=cmd_users_disable, active=False)

    ena = with_login(users_sub.add_parser("enable", help=t("shell.cli.enable_help")))
    ena.add_argument("username")
    ena.set_defaults(func=cmd_users_disable, active=True)

    check = sub.add_parser("check", help=t("shell.cli.check_help"), description=t("shell.cli.check_help"))
    check.set_defaults(func=cmd_check)


PASSWORD_TRIES = 3


def _new_password(username: str = "") -> str:
    """``ITATUI_NEW_PASSWORD`` for scripts, else asked twice without echo: the rules are said before the first
    prompt, and a password the rules refuse or a second entry that differs is asked for again (3 tries)."""
    import sys

    from itatui.commands.common import fail
    from itatui.store.accounts import MIN_PASSWORD, AccountError, check_password_strength

    env = os.environ.get("ITATUI_NEW_PASSWORD")
    if env is not None:
        return env
    print(t("shell.cli.password_rules", n=MIN_PASSWORD), file=sys.stderr)
    for _ in range(PASSWORD_TRIES):
        first = getpass.getpass(t("shell.cli.new_password") + ": ")
        try:
            check_password_strength(first, username)
        except AccountError as exc:
            print(t(exc.key, **exc.params) + " — " + t("shell.cli.try_again"), file=sys.stderr)
            continue
        second = getpass.getpass(t("shell.cli.new_password_again") + ": ")
        if first == second:
            return first
        print(t("shell.err.passwords_differ") + " — " + t("shell.cli.try_again"), file=sys.stderr)
    raise SystemExit(fail(t("shell.cli.password_gave_up")))


def _admin(engine: Engine, args: argparse.Namespace) -> Actor:
    from itatui.commands.common import login_actor
    from itatui.domain.roles import Perm

    actor = login_actor(engine, args)
    if not actor.can(Perm.USERS_MANAGE):
        raise SystemExit(t("err.permission"))
    return actor


def _account_error(exc: Exception) -> int:
    from itatui.commands.common import fail

    key = getattr(exc, "key", None)
    return fail(t(key, **getattr(exc, "params", {})) if key else str(exc))


def _roles_text(roles) -> str:  # noqa: ANN001
    return ", ".join(t(f"role.{r.value}") for r in sorted(roles, key=lambda r: ROLE_CODES.index(r.value)))


def cmd_users_add(args: argparse.Namespace) -> int:
    from itatui.commands.common import engine_for
    from itatui.domain.roles import Role
    from itatui.store.accounts import AccountError, count_users, create_user

    engine = engine_for(args)
    roles = {Role(r) for r in (args.roles or [])}
    first = count_users(engine) == 0
    if first:
        # The first account of a database is its administrator: nobody could log in to add one otherwise.
        roles.add(Role.ADMIN)
        actor = None
    else:
        if not roles:
            return _account_error(AccountError("shell.err.role_needed"))
        actor = _admin(engine, args)
    password = _new_password(args.username)
    try:
        info = create_user(engine, actor, args.username, password, roles, args.name, first_admin=first)  # type: ignore[arg-type]
    except AccountError as exc:
        return _account_error(exc)
    print(t("shell.cli.user_added", username=info.username, roles=_roles_text(info.roles)))
    return 0


def cmd_users_list(args: argparse.Namespace) -> int:
    from itatui.commands.common import engine_for
    from itatui.domain.thai import format_datetime
    from itatui.i18n import language
    from itatui.store.accounts import list_users

    engine = engine_for(args)
    actor = _admin(engine, args)
    rows = [
        (
            u.username,
            u.full_name,
            _roles_text(u.roles),
            t("shell.cli.active") if u.active else t("shell.cli.disabled"),
            format_datetime(_local(u.last_login), lang=language()) if u.last_login else "-",
        )
        for u in list_users(engine, actor)
    ]
    header = (t("login.username"), t("shell.first_run.full_name"), t("shell.cli.roles"), t("shell.cli.status"), t("shell.cli.last_login"))
    _print_table(header, rows)
    return 0


def _local(dt):  # noqa: ANN001, ANN202
    from itatui.present.dates import thai_time  # stored in UTC; people read Thai time

    return thai_time(dt)


def _print_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    from rich.console import Console
    from rich.table import Table

    from rich.text import Text

    table = Table(*header, box=None, pad_edge=False)
    for row in rows:
        # Text, not markup: a name with "[/bold]" in it prints as typed instead of breaking the table.
        table.add_row(*(Text(cell) for cell in row))
    Console(soft_wrap=True).print(table)


def cmd_users_passwd(args: argparse.Namespace) -> int:
    from itatui.commands.common import engine_for, login_actor
    from itatui.store.accounts import AccountError, change_password

    engine = engine_for(args)
    actor = login_actor(engine, args)
    old: str | None = None
    if actor.username == args.username:
        # Changing one's own password needs the current one (it also reseals an investigator's key).
        old = os.environ.get("ITATUI_PASSWORD") or getpass.getpass(t("shell.cli.current_password") + ": ")
    else:
        from itatui.domain.roles import Perm

        if not actor.can(Perm.USERS_MANAGE):
            raise SystemExit(t("err.permission"))
    password = _new_password(args.username)
    confirmed = False
    if actor.username != args.username:
        from itatui.commands.security import confirm
        from itatui.store.accounts import keys_held_by

        held = keys_held_by(engine, args.username)
        if held:
            names = ", ".join(t(f"role.{k}") for k in held)
            if not confirm(t("shell.cli.confirm_key_loss", username=args.username, keys=names), args.yes):
                return _account_error(AccountError("shell.cli.not_confirmed"))
            confirmed = True
    try:
        change_password(engine, actor, args.username, password, old, confirm_key_loss=confirmed)
    except AccountError as exc:
        return _account_error(exc)
    print(t("shell.cli.password_changed", username=args.username))
    return 0


def cmd_users_disable(args: argparse.Namespace) -> int:
    from itatui.commands.common import engine_for
    from itatui.store.accounts import AccountError, set_active

    engine = engine_for(args)
    actor = _admin(engine, args)
    try:
        set_active(engine, actor, args.username, args.active)
    except AccountError as exc:
        return _account_error(exc)
    print(t("shell.cli.enabled" if args.active else "shell.cli.disabled_done", username=args.username))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from itatui.commands.common import fail
    from itatui.store.db import make_engine, resolve_url
    from itatui.store.integrity import check_database_report

    url = resolve_url(getattr(args, "db", None))
    if url.startswith("sqlite:///") and not os.path.exists(url[len("sqlite:///") :]):
        return fail(t("shell.check.no_database", path=url[len("sqlite:///") :]))
    # No migration here: check looks at the database as it is.
    engine = make_engine(url)
    try:
        report = check_database_report(engine)
    finally:
        engine.dispose()
    for key in report.checks:
        print("-", t(key))
    if report.ok:
        print(t("shell.check.ok", n=report.audit_records))
        from itatui.store import anchor

        head = anchor.read(engine)
        if head is not None:  # written down elsewhere (a notebook, the monthly file), it catches a rewritten log
            print(t("shell.check.anchor_now", n=head.count if head.count is not None else "-", id=head.last_id, hash=head.hash[:16]))
        return 0
    for problem in report.problems:
        print("!", problem.text())
    return fail(t("shell.check.failed", n=len(report.problems)))
