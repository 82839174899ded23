"""``itatui recover investigator|officer USER`` and ``itatui officers grant USER``.

Nothing heavy is imported at module level (``itatui --version`` builds every sub-parser).
"""

from __future__ import annotations

import argparse
import getpass
import os

from itatui.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    rec = sub.add_parser("recover", help="ใช้กุญแจกู้คืนของสำนักงาน / use the office recovery key")
    rec.add_argument("role", choices=("investigator", "officer"))
    rec.add_argument("username", help="the newly approved person (types their own login password)")
    rec.add_argument("--reason", default=None, help="why (audited)")
    rec.add_argument("--user", help="the administrator (default ITATUI_USER or a prompt)")
    rec.set_defaults(func=cmd_recover)

    off = sub.add_parser("officers", help="กุญแจของเจ้าหน้าที่รับเรื่อง / the complaint officers' key ring")
    off_sub = off.add_subparsers(dest="officers_command", metavar="ACTION", required=True)
    grant = off_sub.add_parser("grant", help="มอบกุญแจให้เจ้าหน้าที่รับเรื่อง / hand the key ring to an officer")
    grant.add_argument("username")
    grant.add_argument("--user", help="the member officer who grants (default ITATUI_USER or a prompt)")
    grant.set_defaults(func=cmd_officers_grant)


def _grantee_password(username: str) -> str:
    value = os.environ.get("ITATUI_GRANTEE_PASSWORD")
    return value if value is not None else getpass.getpass(t("complaint.cli.user_password", username=username) + ": ")


def cmd_recover(args: argparse.Namespace) -> int:
    from itatui.commands.common import engine_for, fail, login_actor
    from itatui.domain.roles import PermissionDenied
    from itatui.store.complaints.types import ComplaintError
    from itatui.store.accounts.recovery import RecoveryError
    from itatui.store.complaints.key_grants import recover_investigator, recover_officer

    engine = engine_for(args)
    actor = login_actor(engine, args)
    code = os.environ.get("ITATUI_RECOVERY_CODE") or getpass.getpass(t("recovery.code_prompt") + ": ")
    reason = args.reason if args.reason is not None else input(t("recovery.reason_prompt") + ": ")
    password = _grantee_password(args.username)
    run = recover_investigator if args.role == "investigator" else recover_officer
    try:
        done = run(engine, actor, code, reason, args.username, password)
    except (RecoveryError, ComplaintError) as exc:
        return fail(t(exc.key, **exc.params))
    except PermissionDenied:
        return fail(t("err.permission"))
    print(t("recovery.done", username=done.username, role=t(f"role.{done.role}"), n=done.cases))
    return 0


def cmd_officers_grant(args: argparse.Namespace) -> int:
    from itatui.commands.complaints import _login_with_password
    from itatui.commands.common import engine_for, fail
    from itatui.domain.roles import PermissionDenied
    from itatui.store.complaints.types import ComplaintError
    from itatui.store.accounts.keyring import RingError
    from itatui.store.complaints.key_grants import grant_officer

    engine = engine_for(args)
    actor, password = _login_with_password(engine, args)
    try:
        name = grant_officer(engine, actor, password, args.username, _grantee_password(args.username))
    except (RingError, ComplaintError) as exc:
        return fail(t(exc.key, **exc.params))
    except PermissionDenied:
        return fail(t("err.permission"))
    print(t("ring.granted", username=name))
    return 0


def confirm(question: str, assume_yes: bool) -> bool:
    """A question the person answers ``yes`` to (``--yes`` or ``ITATUI_CONFIRM=yes`` for scripts)."""
    if assume_yes or os.environ.get("ITATUI_CONFIRM") == "yes":
        return True
    print(question)
    try:
        return input("> ").strip().lower() in ("yes", "y", "ใช่")
    except EOFError:
        return False
