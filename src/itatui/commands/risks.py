"""``itatui export risks [--year N] --format json [-o PATH]``: the fraud-risk register as JSON
(docs/export-format.md). The ``export`` sub-command itself is declared with the plan export; it calls this."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from itatui.i18n import t


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, metavar="N", help=t("risk.help.year"))


def run_export_risks(args: argparse.Namespace) -> int:
    from itatui.commands.common import engine_for, fail
    from itatui.commands.plan import _actor
    from itatui.domain.roles import PermissionDenied
    from itatui.store.risks import RiskError, export_risks

    engine = engine_for(args)
    try:
        data = export_risks(engine, _actor(engine, args), args.year)
    except PermissionDenied:
        return fail(t("err.permission"))
    except RiskError as exc:
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
