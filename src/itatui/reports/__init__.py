"""Printed reports: a Typst engine (``typst_engine``) plus one small builder per report (``receipt``, ...).

A builder turns plain values into a JSON-able dict and calls ``typst_engine.render(template, data, path)``;
the template in ``templates/`` imports ``base.typ`` for the official page set-up. No UI code lives here.
"""

from itatui.reports.typst_engine import PAGE_SETUPS, ReportError, font_families, render, sarabun_font_dir

__all__ = ["PAGE_SETUPS", "ReportError", "font_families", "render", "sarabun_font_dir"]
