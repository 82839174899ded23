"""The ``itatui`` command: the TUI by default, sub-commands for import, export, accounts, checks and the desk."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module

from itatui import __version__

# Sub-command modules under itatui.commands, each with register(subparsers).
COMMAND_MODULES = ("app", "accounts", "plan", "complaints", "security", "reports", "committees")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="itatui", description="ITA anti-corruption plan, risks, complaints and committees")
    parser.add_argument("--version", action="version", version=f"itatui {__version__}")
    parser.add_argument("--db", metavar="PATH|URL", help="database file or URL (default: ITATUI_DB or the user data directory)")
    parser.add_argument("--lang", choices=("th", "en"), help="interface language (default: ITATUI_LANG or th)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        import_module(f"itatui.commands.{name}").register(sub)
    return parser


def _early_lang(argv: Sequence[str]) -> str | None:
    """``--lang`` must act before the parser is built, so that the help texts come out in that language."""
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Everything the app writes (database, -wal/-shm, anchors, receipts, backups) is for its owner only.
    os.umask(0o077)
    lang = _early_lang(argv)
    if lang in ("th", "en"):
        from itatui.i18n import set_language

        set_language(lang)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from itatui.commands.app import run_app

        return run_app(args)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
