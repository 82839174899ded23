"""``itatui import-plan FILE [--check]`` and ``itatui export plan --format json [-o PATH]``."""

from __future__ import annotations

import argparse
import json
import sys
from importlib import import_module
from pathlib import Path

from itatui.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import-plan", help=t("import.help.import"), description=t("import.help.import_long"))
    p.add_argument("file", metavar="FILE", help=t("import.help.file"))
    p.add_argument("--check", action="store_true", help=t("import.help.check"))
    p.add_argument("--user", help=t("import.help.user"))
    p.add_argument("--organisation", type=int, metavar="ID", help=t("import.help.organisation"))
    p.set_defaults(func=run_import)

    e = sub.add_parser("export", help=t("import.help.export"), description=t("import.help.export_long"))
    e.add_argument("what", choices=("plan", "risks", "round"), help=t("import.help.what"))
    e.add_argument("--format", choices=("json",), default="json", help=t("import.help.format"))
    e.add_argument("-o", "--output", metavar="PATH", help=t("import.help.output"))
    e.add_argument("--plan", type=int, metavar="ID", help=t("import.help.plan_id"))
    e.add_argument("--round", type=int, choices=(1, 2), help=t("committee.help.round"))  # export round (with --year)
    e.add_argument("--user", help=t("import.help.user"))
    import_module("itatui.commands.risks").add_arguments(e)  # --year, for `export risks` and `export round`
    e.set_defaults(func=run_export)


def _actor(engine, args: argparse.Namespace):  # noqa: ANN001, ANN202
    """The logged-in user; on a database without any user yet (first import into a new database), the system."""
    from itatui.commands.common import login_actor
    from itatui.domain.roles import SYSTEM
    from itatui.store.accounts import count_users

    if count_users(engine) == 0:
        print(t("import.actor.system"), file=sys.stderr)
        return SYSTEM
    return login_actor(engine, args)


def run_import(args: argparse.Namespace) -> int:
    from itatui.commands.common import engine_for, fail
    from itatui.domain.eplan import PlanError
    from itatui.domain.roles import PermissionDenied
    from itatui.importers import PlanFormatError, parse_plan_file
    from itatui.importers.report import report_lines

    try:
        parsed = parse_plan_file(args.file)
    except PlanFormatError as exc:
        return fail(t(exc.key, **exc.params))
    for line in report_lines(parsed, name=Path(args.file).name):
        print(line)
    print()
    if args.check:
        print(t("import.check_only"))
        return 0
    from itatui.store.plan.importing import import_plan

    engine = engine_for(args)
    try:
        summary = import_plan(
            engine, _actor(engine, args), parsed, source_name=Path(args.file).name, organisation_id=args.organisation
        )
    except PermissionDenied:
        return fail(t("err.permission"))
    except PlanError as exc:
        return fail(t(exc.key, **exc.params))
    finally:
        engine.dispose()
    for line in summary.lines():
        print(line)
    return 0


def run_export(args: argparse.Namespace) -> int:
    if args.what == "risks":
        return import_module("itatui.commands.risks").run_export_risks(args)
    if args.what == "round":
        from itatui.commands.committees import run_export_round

        return run_export_round(args)
    from itatui.commands.common import engine_for, fail
    from itatui.domain.eplan import PlanError
    from itatui.domain.roles import PermissionDenied
    from itatui.store.plan.export import export_plan

    engine = engine_for(args)
    try:
        data = export_plan(engine, _actor(engine, args), args.plan)
    except PermissionDenied:
        return fail(t("err.permission"))
    except PlanError as exc:
        return fail(t(exc.key, **exc.params))
    finally:
        engine.dispose()
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(t("import.export.written", path=args.output), file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
