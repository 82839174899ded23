"""The core (domain, present, store, importers, reports, commands) never imports Textual: it must run without the UI."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import itatui

PKG = Path(itatui.__file__).parent
CORE = ("domain", "present", "store", "importers", "reports", "commands", "i18n")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
    return out


def test_core_source_never_imports_textual() -> None:
    offenders = []
    for area in CORE:
        for path in sorted((PKG / area).rglob("*.py")):
            bad = {m for m in _imports(path) if m == "textual" or m.startswith("textual.") or m.startswith("itatui.tui")}
            # commands may start the TUI, but only inside a function (lazy import), never at module level
            if area == "commands":
                top = ast.parse(path.read_text(encoding="utf-8")).body
                bad = {
                    m
                    for node in top
                    if isinstance(node, (ast.Import, ast.ImportFrom))
                    for m in ([a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""])
                    if m.startswith("textual") or m.startswith("itatui.tui")
                }
            if bad:
                offenders.append(f"{path.relative_to(PKG)}: {sorted(bad)}")
    assert offenders == []


def test_importing_every_core_module_loads_no_textual() -> None:
    modules = []
    for area in CORE:
        for path in sorted((PKG / area).rglob("*.py")):
            rel = path.relative_to(PKG.parent).with_suffix("")
            modules.append(".".join(rel.parts).removesuffix(".__init__"))
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "import itatui.cli; itatui.cli.build_parser()\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad)); sys.exit(1 if bad else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
