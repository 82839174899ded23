"""``itatui staff import FILE [--check]``, ``itatui evaluations import FILE --year N --round 1|2`` and the
round export (``itatui export round …``, whose sub-command is shared with the plan export in ``commands/plan``).

Nothing heavy at module level: the store is imported inside the functions.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from itatui.i18n import t
from itatui.present.committees import problem_text


def register(sub: argparse._SubParsersAction) -> None:
    st = sub.add_parser("staff", help=t("committee.help.staff"))
    st_sub = st.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    imp = st_sub.add_parser("import", help=t("committee.help.staff"))
    imp.add_argument("file", metavar="FILE", help=t("committee.help.file"))
    imp.add_argument("--check", action="store_true", help=t("committee.help.check"))
    imp.add_argument("--user", help=t("import.help.user"))
    imp.set_defaults(func=cmd_staff_import)

    ev = sub.add_parser("evaluations", help=t("committee.help.evaluations"))
    ev_sub = ev.add_subparsers(dest="evaluations_command", metavar="ACTION", required=True)
    eimp = ev_sub.add_parser("import", help=t("committee.help.evaluations"))
    eimp.add_argument("file", metavar="FILE", help=t("committee.help.file"))
    eimp.add_argument("--year", type=int, required=True, metavar="N", help=t("committee.help.year"))
    eimp.add_argument("--round", type=int, required=True, choices=(1, 2), help=t("committee.help.round"))
    eimp.add_argument("--check", action="store_true", help=t("committee.help.check"))
    eimp.add_argument("--user", help=t("import.help.user"))
    eimp.set_defaults(func=cmd_evaluations_import)


def print_bad_rows(bad) -> None:  # noqa: ANN001
    for b in bad:
        print(t("committee.import.row", row=b.row, problems=problem_text(b.problems)))


def cmd_staff_import(args: argparse.Namespace) -> int:
    from itatui.commands.common import engine_for, fail, login_actor
    from itatui.domain.roles import PermissionDenied
    from itatui.store.committees import CommitteeError, import_staff

    engine = engine_for(args)
    try:
        preview = import_staff(engine, login_actor(engine, args), args.file, check=args.check)
    except PermissionDenied:
        return fail(t("err.permission"))
    except CommitteeError as exc:
        return fail(t(exc.key, **exc.params))
    finally:
        engine.dispose()
    for v in preview.adds:
        print(f"+ {t('committee.import.add')} {v.code} {v.name}")
    for code, fields in preview.changes:
        print(f"~ {t('committee.import.change')} {code}: {', '.join(fields)}")
    print(t("committee.import.summary", adds=len(preview.adds), changes=len(preview.changes), same=preview.unchanged,
            units=", ".join(preview.new_units) or "-"))
    if preview.bad_rows:
        print_bad_rows(preview.bad_rows)
        return fail(t("committee.import.bad", n=len(preview.bad_rows)))
    print(t("committee.import.checked") if args.check else t("committee.import.done"))
    return 0


def cmd_evaluations_import(args: argparse.Namespace) -> int:
    from itatui.commands.common import engine_for, fail, login_actor
    from itatui.domain.roles import PermissionDenied
    from itatui.store.committees import CommitteeError, import_evaluations

    engine = engine_for(args)
    try:
        preview = import_evaluations(engine, login_actor(engine, args), args.file, args.year, args.round, check=args.check)
    except PermissionDenied:
        return fail(t("err.permission"))
    except CommitteeError as exc:
        return fail(t(exc.key, **exc.params))
    finally:
        engine.dispose()
    created = "" if preview.round_exists else t("committee.import.round_created")
    print(t("committee.import.evals", n=len(preview.rows), round=args.round, fy=args.year, created=created))
    if preview.bad_rows:
        print_bad_rows(preview.bad_rows)
        return fail(t("committee.import.bad", n=len(preview.bad_rows)))
    print(t("committee.import.checked") if args.check else t("committee.import.done"))
    return 0


def run_export_round(args: argparse.Namespace) -> int:
    """``itatui export round --year N --round 1|2 --format json [-o PATH]``."""
    from itatui.commands.common import engine_for, fail, login_actor
    from itatui.domain.roles import PermissionDenied
    from itatui.store.committees import CommitteeError, export_round

    if args.year is None or args.round is None:
        return fail(t("committee.err.export_args"))
    engine = engine_for(args)
    try:
        data = export_round(engine, login_actor(engine, args), args.year, args.round)
    except PermissionDenied:
        return fail(t("err.permission"))
    except CommitteeError as exc:
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
