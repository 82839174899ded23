"""Readers for plan documents. Pure: no database, no UI. ``parse_plan_file`` / ``parse_plan_text`` return a
``ParsedPlan`` with its consistency findings, or raise ``PlanFormatError``."""

from itatui.importers.errors import PlanFormatError
from itatui.importers.findings import Finding, Findings, Severity
from itatui.importers.nacc_text import parse_plan_file, parse_plan_text
from itatui.importers.parsed import ParsedPlan

__all__ = ["Finding", "Findings", "ParsedPlan", "PlanFormatError", "Severity", "parse_plan_file", "parse_plan_text"]
