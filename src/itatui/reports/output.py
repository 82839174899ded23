"""Where printed files go, how a first page is previewed as text, and sending a PDF to a printer with ``lp``.

Settings (environment, so an office sets them once for every desk): ``ITATUI_REPORTS_DIR`` (default: the
``reports`` folder in the data directory) and ``ITATUI_PRINTER`` (a CUPS printer name; unset = no printing).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from itatui import paths
from itatui.domain.thai import digits
from itatui.reports.document import Document, Fields, Heading, Paragraph, Table, number_text
from itatui.reports.errors import ReportError

REPORTS_DIR_ENV = "ITATUI_REPORTS_DIR"
PRINTER_ENV = "ITATUI_PRINTER"
PREVIEW_LINES = 60


def reports_dir() -> Path:
    override = os.environ.get(REPORTS_DIR_ENV, "").strip()
    folder = Path(override).expanduser() if override else paths.data_dir() / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def printer() -> str | None:
    """The configured printer, when ``lp`` is there to reach it."""
    name = os.environ.get(PRINTER_ENV, "").strip()
    return name if name and shutil.which("lp") else None


def send_to_printer(path: Path) -> str:
    """Queue a PDF on the configured printer; returns what ``lp`` said (its job id)."""
    name = printer()
    if name is None:
        raise ReportError("report.err.no_printer")
    if path.suffix.lower() != ".pdf":
        raise ReportError("report.err.print_pdf_only")
    done = subprocess.run(["lp", "-d", name, str(path)], capture_output=True, text=True, timeout=30)
    if done.returncode != 0:
        raise ReportError("report.err.lp", detail=(done.stderr or done.stdout).strip())
    return done.stdout.strip()


def pdf_first_page_text(path: Path) -> str | None:
    """The first page as laid-out text (poppler's ``pdftotext``), or None where it is not installed."""
    if shutil.which("pdftotext") is None:
        return None
    done = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", str(path), "-"], capture_output=True, text=True, timeout=30)
    return compact(done.stdout) if done.returncode == 0 else None


def compact(text: str) -> str:
    """A laid-out page narrowed for a terminal: margins and wide column gaps shrunk, blank runs dropped."""
    lines = [re.sub(r" {3,}", "  ", line.strip()) for line in text.replace("\f", "\n").splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def document_text(doc: Document, thai_digits: bool, lines: int = PREVIEW_LINES) -> str:
    """The beginning of a document as plain text: what the preview shows for DOCX, XLSX and CSV."""
    out = [doc.title, *doc.subtitle, ""]
    for b in doc.blocks:
        if isinstance(b, (Heading, Paragraph)):
            out.append(b.text)
        elif isinstance(b, Fields):
            out += [f"{label}: {value}" for label, value in b.rows]
        elif isinstance(b, Table):
            out.append(" | ".join(c.label for c in b.columns))
            out += [" | ".join(number_text(c) for c in row.cells) for row in b.rows]
        if len(out) >= lines:
            break
    return digits("\n".join(out[:lines]), thai_digits)
