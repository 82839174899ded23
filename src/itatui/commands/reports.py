"""``itatui report``, ``itatui ita-pack`` and ``itatui import-json``: printing from the terminal, the year's ITA
evidence in one folder, and an exported plan read back into another database."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from itatui.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    r = sub.add_parser("report", help=t("cli.report.help"), description=t("cli.report.help_long"))
    r.add_argument("name", nargs="?", metavar="NAME", help=t("cli.report.name"))
    r.add_argument("--list", action="store_true", help=t("cli.report.list"))
    r.add_argument("--year", type=int, metavar="N", help=t("cli.report.year"))
    r.add_argument("--round", type=int, choices=(1, 2), help=t("cli.report.round"))
    r.add_argument("--project", type=int, metavar="N", help=t("cli.report.project"))
    r.add_argument("--staff", metavar="CODE", help=t("cli.report.staff"))
    r.add_argument("--complaint", type=int, metavar="ID", help=t("cli.report.complaint"))
    r.add_argument("--paper", choices=("A4", "A5"), help=t("cli.report.paper"))
    r.add_argument("--format", choices=("pdf", "docx", "xlsx", "csv"), help=t("cli.report.format"))
    r.add_argument("--digits", choices=("thai", "arabic"), default="thai", help=t("cli.report.digits"))
    r.add_argument("-o", "--output", metavar="PATH", help=t("cli.report.output"))
    r.add_argument("--user", help=t("import.help.user"))
    r.set_defaults(func=run_report)

    p = sub.add_parser("ita-pack", help=t("cli.pack.help"), description=t("cli.pack.help_long"))
    p.add_argument("--year", type=int, required=True, metavar="N", help=t("cli.pack.year"))
    p.add_argument("-o", "--output", required=True, metavar="DIR", help=t("cli.pack.output"))
    p.add_argument("--digits", choices=("thai", "arabic"), default="thai", help=t("cli.report.digits"))
    p.add_argument("--user", help=t("import.help.user"))
    p.set_defaults(func=run_pack)

    j = sub.add_parser("import-json", help=t("cli.import_json.help"), description=t("cli.import_json.help_long"))
    j.add_argument("file", metavar="FILE", help=t("cli.import_json.file"))
    j.add_argument("--user", help=t("import.help.user"))
    j.set_defaults(func=run_import_json)


def _actor(engine, args: argparse.Namespace):  # noqa: ANN001, ANN202
    from itatui.commands.plan import _actor as plan_actor

    return plan_actor(engine, args)


def _list() -> int:
    from itatui.reports import registry

    for spec in registry.all_reports():
        params = " ".join(f"--{p}" for p in spec.params)
        print(f"{spec.name:16} {registry.title(spec)}  [{', '.join(spec.formats)}] {params}".rstrip())
    return 0


def run_report(args: argparse.Namespace) -> int:
    from itatui.commands.common import engine_for, fail
    from itatui.domain.eplan import PlanError
    from itatui.domain.roles import PermissionDenied
    from itatui.reports import registry
    from itatui.reports.errors import ReportError
    from itatui.reports.spec import ReportParams

    if args.list:
        return _list()
    if not args.name:
        return fail(t("cli.report.need_name"))
    if not args.output:
        return fail(t("cli.report.need_output"))
    out = Path(args.output)
    fmt = args.format or (out.suffix.lstrip(".").lower() if out.suffix.lstrip(".").lower() in ("pdf", "docx", "xlsx", "csv") else "pdf")
    params = ReportParams(year=args.year, round=args.round, project=args.project, complaint=args.complaint, paper=args.paper,
                          staff=args.staff)
    engine = engine_for(args)
    try:
        registry.save(engine, _actor(engine, args), args.name, params, fmt, out, thai_digits=args.digits == "thai")
    except ReportError as exc:
        return fail(t(exc.key, **exc.params))
    except PermissionDenied:
        return fail(t("err.permission"))
    except PlanError as exc:
        return fail(t(exc.key, **exc.params))
    finally:
        engine.dispose()
    print(t("cli.report.written", path=str(out)), file=sys.stderr)
    return 0


def run_pack(args: argparse.Namespace) -> int:
    from itatui.commands.common import engine_for, fail
    from itatui.domain.eplan import PlanError
    from itatui.domain.roles import PermissionDenied
    from itatui.reports.errors import ReportError
    from itatui.reports.ita_pack import build_pack

    engine = engine_for(args)
    try:
        result = build_pack(engine, _actor(engine, args), args.year, Path(args.output), thai_digits=args.digits == "thai")
    except ReportError as exc:
        return fail(t(exc.key, **exc.params))
    except PermissionDenied:
        return fail(t("err.permission"))
    except PlanError as exc:
        return fail(t(exc.key, **exc.params))
    finally:
        engine.dispose()
    for row in result.rows:
        print(f"{row.code:5} {', '.join(row.files) if row.files else t('report.pack.not_produced')}")
    print(t("cli.pack.written", n=len(result.files), path=str(result.folder)), file=sys.stderr)
    return 0


def run_import_json(args: argparse.Namespace) -> int:
    from itatui.commands.common import engine_for, fail
    from itatui.domain.eplan import PlanError
    from itatui.domain.roles import PermissionDenied
    from itatui.importers.errors import PlanFormatError
    from itatui.store.plan.json_import import import_plan_json

    try:
        data = json.loads(Path(args.file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return fail(t("cli.import_json.unreadable", path=args.file, reason=str(exc)))
    engine = engine_for(args)
    try:
        summary = import_plan_json(engine, _actor(engine, args), data)
    except PlanFormatError as exc:
        return fail(t(exc.key, **exc.params))
    except PermissionDenied:
        return fail(t("err.permission"))
    except PlanError as exc:
        return fail(t(exc.key, **exc.params))
    finally:
        engine.dispose()
    for line in summary.lines():
        print(line)
    return 0
