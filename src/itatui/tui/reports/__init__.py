"""The print dialog (``p`` on any screen) and the one call screens use to open it."""

from __future__ import annotations

from textual.app import App

from itatui.domain.fiscal import current_fiscal_year


def open_reports(app: App, names: tuple[str, ...], *, project: int | None = None, complaint: int | None = None) -> None:
    """Open the print dialog over the current screen with the reports ``names`` (the screen's own list).

    A screen that shows one thing (a project's sheet) says which through ``report_context()`` -> {"project": n}, so
    a caller that passes only the names (the screen base's ``p``) still gets that project preselected."""
    from itatui.tui.reports.print_dialog import PrintDialog  # the registry's imports wait for the first `p`

    context = getattr(app.screen, "report_context", None)
    if callable(context) and project is None and complaint is None:
        chosen = context()
        project, complaint = chosen.get("project"), chosen.get("complaint")

    year = int(getattr(app, "fiscal_year", 0) or current_fiscal_year())
    thai = bool(getattr(app, "thai_digits", True))
    app.push_screen(PrintDialog(names, year=year, project=project, complaint=complaint, thai_digits=thai))
