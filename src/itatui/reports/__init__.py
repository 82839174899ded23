"""Printed reports: the registry of every report (``registry``), the data each one prints (``plan_reports``,
``complaint_reports``, ``receipt``), and the renderers of one ``Document`` into PDF (Typst), DOCX, XLSX and CSV.

No UI code lives here: the TUI's print dialog, the CLI and the ITA pack all call ``registry``.
"""

from itatui.reports.errors import ReportError
from itatui.reports.typst_engine import PAGE_SETUPS, font_families, render, sarabun_font_dir

__all__ = ["PAGE_SETUPS", "ReportError", "font_families", "render", "sarabun_font_dir"]
