"""Compile a Typst template of ``templates/`` into a PDF, with the report font only (``fonts.report_font``: the
packaged Sarabun, or the office's TH Sarabun New files).

Every report is a template plus a small builder that turns plain data into a JSON-able dict. The dict reaches
the template through ``sys.inputs`` (decoded there with ``json``), never by pasting text into Typst source: user
text is therefore always plain content, and ``#``, ``$``, ``*``, ``<``, ``@`` or a backslash print as typed.

Fonts: system fonts and Typst's own embedded fonts are both left out, so a PDF looks the same on every machine
and no glyph silently falls back to a font the office does not use; the font set is loaded once per process.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import typst

from itatui.domain.thai import to_thai
from itatui.reports.errors import ReportError
from itatui.reports.fonts import packaged_font_dir, report_font
from itatui.reports.thai_text import printable

log = logging.getLogger(__name__)

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
__all__ = ["PAGE_SETUPS", "ReportError", "font_families", "page_data", "render", "sarabun_font_dir"]


@dataclass(frozen=True)
class PageSetup:
    """Page geometry handed to ``base.typ``. Sizes are plain numbers so they travel as JSON."""

    paper: str  # Typst paper name
    font_size_pt: float  # official size (TH Sarabun New); scaled to the font in use by ``page_data``
    margin_left_cm: float
    margin_right_cm: float
    margin_top_cm: float
    margin_bottom_cm: float


# A4 is the official set-up (ระเบียบงานสารบรรณ practice: Sarabun 16 pt, left 3 cm for binding, right 2 cm).
# A5 is half of A4 and handed over, not bound: the same proportions scaled down, so the text keeps a usable width.
PAGE_SETUPS: dict[str, PageSetup] = {
    "A4": PageSetup("a4", 16, 3.0, 2.0, 2.5, 2.0),
    # Wide tables (the plan's five budget columns): A4 turned, binding edge still on the left.
    "A4L": PageSetup("a4", 16, 3.0, 2.0, 2.0, 1.8),
    "A5": PageSetup("a5", 14, 2.0, 1.5, 1.3, 1.2),
}


def page_setup(paper: str) -> PageSetup:
    try:
        return PAGE_SETUPS[paper.upper()]
    except KeyError:
        raise ReportError("report.err.paper", paper=paper, allowed=", ".join(PAGE_SETUPS)) from None


def page_data(
    *,
    paper: str,
    organisation: str,
    date_text: str,
    title: str,
    lang: str,
    page_label: str,
    thai_digits: bool,
    font_size_pt: float | None = None,
) -> dict[str, Any]:
    """The ``page`` entry every template passes to ``official`` in ``base.typ``. ``font_size_pt`` overrides the
    body size, in the font's own points, for forms that must fit one sheet (a receipt); letters and reports keep
    the official size, scaled so the font in use prints like TH Sarabun New at that size."""
    setup = page_setup(paper)
    font = report_font()
    return {
        "paper": setup.paper,
        "flipped": paper.upper().endswith("L"),
        "font": font.family,
        "font_size": font_size_pt or font.scaled(setup.font_size_pt),
        "margin": {
            "left": setup.margin_left_cm,
            "right": setup.margin_right_cm,
            "top": setup.margin_top_cm,
            "bottom": setup.margin_bottom_cm,
        },
        "organisation": organisation,
        "date": date_text,
        "title": to_thai(title) if thai_digits else title,  # document metadata: no show rule reaches it
        "lang": lang,
        "page_label": page_label,
        "thai_digits": thai_digits,
    }


def sarabun_font_dir() -> Path:
    """The packaged Sarabun folder (kept under this name for callers that ask for it)."""
    return packaged_font_dir()


@cache
def _fonts_for(folder: Path) -> typst.Fonts:
    # Built once (the font registry lookup alone takes ~20 ms) and shared by every compile of this process.
    return typst.Fonts(
        include_system_fonts=False,
        include_embedded_fonts=False,
        font_paths=[str(folder)],
    )


def _fonts() -> typst.Fonts:
    return _fonts_for(report_font().folder)


def font_families() -> list[str]:
    """The font families a report can use: exactly what the compiler sees (only the report font)."""
    return sorted(_fonts().families())


def template_path(name: str) -> Path:
    path = TEMPLATES_DIR / name
    if path.suffix != ".typ" or not path.is_file() or path.parent != TEMPLATES_DIR:
        raise ReportError("report.err.template", name=name)
    return path


def _printable_deep(value: Any) -> Any:
    """Every string of the data without characters Sarabun cannot draw (see ``thai_text.printable``)."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, Mapping):
        return {k: _printable_deep(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_printable_deep(v) for v in value]
    return value


_compile_lock = threading.Lock()


def render(
    template: str,
    data: Mapping[str, Any],
    path: str | os.PathLike[str] | None = None,
    *,
    timestamp: datetime | None = None,
) -> bytes:
    """Compile ``templates/<template>`` with ``data`` (JSON-able; read in Typst as ``load-data()``) to PDF bytes,
    also written to ``path`` when given (atomically: a reader never sees half a PDF).

    Characters Sarabun has no glyph for (emoji, control characters) are left out rather than printed as boxes.
    Thai digits are done by ``base.typ`` (``page.thai_digits``): one show rule turns every digit of the page,
    data and page numbers alike, into ๐–๙. ``timestamp`` is the PDF creation date (aware datetime)."""
    source = template_path(template)
    inputs = {"data": json.dumps(_printable_deep(data), ensure_ascii=False)}
    try:
        # One compile at a time: the shared font set is never used by two threads at once, and two workers
        # printing together would only fight over the cores.
        with _compile_lock:
            pdf, warnings = typst.compile_with_warnings(
                str(source),
                root=str(TEMPLATES_DIR),
                font_paths=_fonts(),
                ignore_system_fonts=True,
                format="pdf",
                sys_inputs=inputs,
                timestamp=timestamp,
            )
    except typst.TypstError as exc:
        # The diagnostic names template lines, never data values: safe to log for a corruption complaint too.
        log.error("typst compile of %s failed: %s\n%s", template, exc.message, exc.diagnostic)
        raise ReportError("report.err.render", detail=exc.message) from exc
    for warning in warnings:
        log.warning("typst %s: %s", template, warning.message)
    if not isinstance(pdf, bytes):
        raise ReportError("report.err.render", detail="no PDF produced")
    if path is not None:
        try:
            write_atomic(Path(path), pdf)
        except OSError as exc:
            raise ReportError("report.err.write", path=str(path), detail=exc.strerror or str(exc)) from exc
    return pdf


def write_atomic(path: Path, content: bytes) -> None:
    # Receipts carry complaint details: a new folder is the owner's only, and mkstemp makes the file 0600.
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
