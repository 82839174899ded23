"""``itatui status CODE``, ``itatui seed-demo --complaints N``, ``itatui kiosk``, ``itatui investigators …``.

Nothing heavy is imported at module level (``itatui --version`` builds every sub-parser): the store and the
kiosk screen are imported inside the functions.
"""

from __future__ import annotations

import argparse
import getpass
import os
import time

from itatui.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    st = sub.add_parser("status", help="สถานะเรื่องร้องเรียนจากรหัสติดตาม / complaint status by tracking code")
    st.add_argument("code", help="K7M-4QX-9PWA")
    st.set_defaults(func=cmd_status)

    seed = sub.add_parser("seed-demo", help="เพิ่มเรื่องร้องเรียนตัวอย่าง (ผู้ดูแลระบบ) / add synthetic demo complaints (administrator)")
    seed.add_argument("--user", help="the administrator (default ITATUI_USER or a prompt)")
    seed.add_argument("--complaints", type=int, default=1000, metavar="N")
    seed.add_argument("--years", type=int, default=4, help="fiscal years to spread them over")
    seed.add_argument("--seed", type=int, default=None, help="random seed (repeatable data)")
    seed.set_defaults(func=cmd_seed_demo)

    kiosk = sub.add_parser("kiosk", help="หน้าจอตรวจสอบสถานะสำหรับประชาชน / public status kiosk")
    kiosk.add_argument("--clear-after", type=float, default=None, metavar="SECONDS",
                       help="clear a shown status after this many seconds (default: the kiosk's own)")
    kiosk.set_defaults(func=cmd_kiosk)

    inv = sub.add_parser("investigators", help="ผู้ตรวจสอบเรื่องร้องเรียนการทุจริต / corruption-complaint investigators")
    inv_sub = inv.add_subparsers(dest="investigators_command", metavar="ACTION", required=True)
    grant = inv_sub.add_parser("grant", help="มอบสิทธิ์ผู้ตรวจสอบ (ผู้ตรวจสอบเดิม หรือผู้ดูแลระบบสำหรับคนแรก) / grant the role")
    grant.add_argument("username")
    grant.add_argument("--user", help="who grants (default ITATUI_USER or a prompt)")
    grant.set_defaults(func=cmd_investigators_grant)
    lst = inv_sub.add_parser("list", help="รายชื่อผู้ตรวจสอบ / list investigators")
    lst.add_argument("--user", help="who asks (default ITATUI_USER or a prompt)")
    lst.set_defaults(func=cmd_investigators_list)


def cmd_status(args: argparse.Namespace) -> int:
    from itatui.commands.common import existing_engine_for, fail
    from itatui.domain.complaints import EventKind, Outcome, Status, label_key
    from itatui.domain.thai import format_date
    from itatui.domain.tracking import TrackingCodeError
    from itatui.store.complaints.public import public_status

    engine = existing_engine_for(args)
    if engine is None:
        return 1
    try:
        info = public_status(engine, args.code)
    except TrackingCodeError as exc:
        return fail(t(exc.key))
    if info is None:
        return fail(t("tracking.not_found"))
    print(t("complaint.cli.status_title", code=info.tracking_code))
    print(info.organisation_name)
    print(f"{t('complaint.cli.registry')}: {info.registry_display}")
    print(f"{t('complaint.cli.received')}: {format_date(info.received_on, style='long')}")
    print(f"{t('complaint.cli.due')}: {format_date(info.due_date, style='long')}")
    status = t(label_key(Status(info.status)))
    if info.outcome:
        status += f" ({t(label_key(Outcome(info.outcome)))})"
    if info.days_left is not None:
        status += " · " + (t("complaint.cli.days_left", n=info.days_left) if info.days_left >= 0
                           else t("complaint.cli.overdue", n=-info.days_left))
    print(f"{t('complaint.cli.status')}: {status}")
    if info.messages:
        print(f"{t('complaint.cli.messages')}:")
        for m in info.messages:
            line = f"  {format_date(m.on)}  {t(label_key(EventKind(m.kind)))}"
            if m.text:
                line += f": {m.text}"
            if m.new_due_date:
                line += f" ({t('complaint.cli.new_due', date=format_date(m.new_due_date))})"
            print(line)
    return 0


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from itatui.commands.common import engine_for, fail, login_actor
    from itatui.domain.roles import PermissionDenied
    from itatui.store.complaints.seed import seed_demo
    from itatui.store.complaints.types import ComplaintError

    engine = engine_for(args)
    actor = login_actor(engine, args)
    started = time.perf_counter()
    try:
        n = seed_demo(engine, actor, max(0, args.complaints), years=max(1, args.years), seed=args.seed)
    except PermissionDenied:
        return fail(t("err.permission"))
    except ComplaintError as exc:
        return fail(t(exc.key, **exc.params))
    print(t("complaint.cli.seeded", n=f"{n:,}", s=f"{time.perf_counter() - started:.1f}"))
    return 0


def cmd_kiosk(args: argparse.Namespace) -> int:
    from itatui.commands.common import existing_engine_for, fail
    from itatui.store.accounts import count_users
    from itatui.store.org import get_organisation

    engine = existing_engine_for(args)
    if engine is None:
        return 1
    # A kiosk shows the organisation's name and is left with a staff password: without either it must not start.
    if get_organisation(engine) is None:
        return fail(t("shell.cli.kiosk_no_org"))
    if count_users(engine) == 0:
        return fail(t("shell.cli.kiosk_no_staff"))
    clear_after = getattr(args, "clear_after", None)
    from itatui.tui.kiosk import run_kiosk  # Textual only here, when the kiosk really starts

    options = {"timeout": clear_after} if clear_after else {}
    return int(run_kiosk(engine, **options) or 0)


def _login_with_password(engine, args: argparse.Namespace):  # noqa: ANN001, ANN202
    """Like ``commands.common.login_actor`` but keeps the password: granting needs it to open the granter's key."""
    from itatui.store.accounts import AccountError, authenticate

    username = getattr(args, "user", None) or os.environ.get("ITATUI_USER") or input(t("login.username") + ": ")
    password = os.environ.get("ITATUI_PASSWORD")
    if password is None:
        password = getpass.getpass(t("login.password") + ": ")
    try:
        return authenticate(engine, username, password).actor(), password
    except AccountError as exc:
        raise SystemExit(t(exc.key, **exc.params)) from None


def cmd_investigators_grant(args: argparse.Namespace) -> int:
    """An investigator grants the role; while none exists, an administrator makes the first one. The new
    investigator types their own login password here (``ITATUI_GRANTEE_PASSWORD`` for scripts): it seals
    their new key."""
    from itatui.commands.common import engine_for, fail
    from itatui.domain.roles import Perm, PermissionDenied, Role
    from itatui.store.complaints.types import ComplaintError
    from itatui.store.complaints.identity import bootstrap_investigator, grant_investigator

    engine = engine_for(args)
    actor, password = _login_with_password(engine, args)
    grantee_password = os.environ.get("ITATUI_GRANTEE_PASSWORD")
    if grantee_password is None:
        grantee_password = getpass.getpass(t("complaint.cli.user_password", username=args.username) + ": ")
    try:
        if actor.has_role(Role.INVESTIGATOR):
            result = grant_investigator(engine, actor, password, args.username, grantee_password)
        elif actor.can(Perm.USERS_MANAGE):
            result = bootstrap_investigator(engine, actor, args.username, grantee_password)
        else:
            return fail(t("err.permission"))
    except ComplaintError as exc:
        return fail(t(exc.key, **exc.params))
    except PermissionDenied:
        return fail(t("err.permission"))
    print(t("complaint.cli.granted", username=result.username, n=result.rewrapped))
    if result.recovery_code:
        from itatui.store.org import get_organisation
        from itatui.store.accounts.recovery import sheet_text

        org = get_organisation(engine)
        print()
        print(sheet_text(result.recovery_code, org.name if org else ""))
    return 0


def cmd_investigators_list(args: argparse.Namespace) -> int:
    from itatui.commands.common import engine_for, fail, login_actor
    from itatui.domain.roles import PermissionDenied
    from itatui.store.complaints.identity import list_investigators

    engine = engine_for(args)
    actor = login_actor(engine, args)
    try:
        people = list_investigators(engine, actor)
    except PermissionDenied:
        return fail(t("err.permission"))
    if not people:
        print(t("complaint.cli.no_investigators"))
    for p in people:
        state = t("complaint.cli.has_key") if p.has_key else t("complaint.cli.no_key")
        print(f"{p.username}\t{p.full_name}\t{state}")
    return 0
